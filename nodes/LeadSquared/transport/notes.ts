/**
 * LeadSquared's note endpoints (§11.1): create a note on a lead, read a lead's notes.
 */
import type { Page } from '../machinery/pager';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, unexpectedAnswer } from './shape';

export interface NoteBody {
	RelatedProspectId: string;
	Note: string;
	/** The attachment's URL [DOC]. */
	AttachmentName?: string;
}

export async function createNote(client: LeadSquaredClient, body: NoteBody): Promise<{ status: string; noteId: string }> {
	const answer = await client.request({ method: 'POST', path: 'LeadManagement.svc/CreateNote', body, idempotent: false });
	const noteId = messageId(answer);
	if (noteId === undefined) {
		throw unexpectedAnswer('CreateNote', 'no note id (Message.Id)', "The note may or may not have been created: look at the lead's notes before running the item again.");
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
