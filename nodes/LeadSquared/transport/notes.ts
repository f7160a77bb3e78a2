/**
 * LeadSquared's note endpoints (§11.1; more §4.6): create a note on a lead, update and delete one, read a lead's notes.
 */
import { explainNotFound } from '../machinery/errors';
import type { Page } from '../machinery/pager';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, unconfirmedWrite, unexpectedAnswer } from './shape';

export interface NoteBody {
	RelatedProspectId: string;
	Note: string;
	/** The attachment's URL [DOC]. */
	AttachmentName?: string;
}

export async function createNote(client: LeadSquaredClient, body: NoteBody): Promise<{ status: string; noteId: string }> {
	const answer = await client.request({ method: 'POST', path: 'LeadManagement.svc/CreateNote', body, idempotent: false, write: true });
	const noteId = messageId(answer);
	if (noteId === undefined) {
		throw unconfirmedWrite('CreateNote', 'no note id (Message.Id)', "The note may or may not have been created: look at the lead's notes before running the item again.");
	}
	return { status: statusOf(answer), noteId };
}

export async function retrieveNotes(
	client: LeadSquaredClient,
	leadId: string,
	pageIndex: number,
	pageSize: number,
	newestFirst: boolean,
): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({
		method: 'POST',
		path: 'LeadManagement.svc/RetrieveNote',
		body: {
			Parameter: { RelatedId: leadId },
			Paging: { PageIndex: pageIndex, PageSize: pageSize },
			Sorting: { ColumnName: 'CreatedOn', Direction: newestFirst ? 1 : 0 },
		},
	});
	// Rows under List [DOC] or Notes (two clients read either, contract §12.2).
	const page = readPage(answer, ['List', 'Notes']);
	if (!page) throw unexpectedAnswer('RetrieveNote', 'no List (or Notes) of notes');
	return page;
}

export interface NoteUpdateBody {
	RelatedProspectId: string;
	ProspectNoteId: string;
	Note?: string;
	/** The attachment's URL [DOC]. */
	AttachmentName?: string;
}

const NO_NOTE = "Copy the note's ID (ProspectNoteId) from Note → Create (noteId) or Note → Get Many, with the ID of the lead it belongs to";

/** `POST LeadManagement.svc/UpdateNote` [DOC update-note] → `{"Status":"Success"}`. */
export async function updateNote(client: LeadSquaredClient, body: NoteUpdateBody): Promise<string> {
	try {
		return statusOf(await client.request({ method: 'POST', path: 'LeadManagement.svc/UpdateNote', body, write: true }));
	} catch (error) {
		throw explainNotFound(error, 'note', body.ProspectNoteId, NO_NOTE);
	}
}

/** `GET LeadManagement.svc/DeleteNote?prospectId=&noteId=` [DOC delete-notes-for-lead] → `{"Status":"Success"}`. */
export async function deleteNote(client: LeadSquaredClient, leadId: string, noteId: string, lostAnswer: string): Promise<string> {
	try {
		return statusOf(await client.request({ method: 'GET', path: 'LeadManagement.svc/DeleteNote', query: { prospectId: leadId, noteId }, write: true }));
	} catch (error) {
		throw explainNotFound(error, 'note', noteId, `${NO_NOTE}. ${lostAnswer}`);
	}
}
