/**
 * Note edits (leadsquared-api-more.md §4.6): `LeadManagement.svc/UpdateNote` and `LeadManagement.svc/DeleteNote`.
 * Creating and reading notes is in notes.ts. One live team found no notes API on its account (OH-gotchas,
 * five paths probed, all 404 [OBS CODE id 63252965971]); the documented paths are modelled.
 */
import type { StoredNote } from '../crm-types';
import { jsonAnswer, type Answer } from '../http';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, isAnswer, prop, str } from './crm-common';
import { attachmentFileName } from './notes';

const LM = '/v2/LeadManagement.svc/';

export const NOTE_EDIT_ROUTES: Route[] = [
	{ name: 'UpdateNote', method: 'POST', path: `${LM}UpdateNote`, bucket: 'normal', handle: updateNote },
	{ name: 'DeleteNote', method: 'GET', path: `${LM}DeleteNote`, bucket: 'normal', handle: deleteNote },
];

const NO_NOTE = 'Note does not exist'; // [INF] message (no source shows it)

/** The note `noteId` of lead `leadId` (a note of another lead is not found [INF]). */
function findNote(ctx: RouteContext, leadId: string, noteId: string): StoredNote | undefined {
	const note = noteId === '' ? undefined : ctx.state.crm.notes.get(noteId);
	return note && note.RelatedProspectId.toLowerCase() === leadId.toLowerCase() ? note : undefined;
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-note/ : `{RelatedProspectId, ProspectNoteId, Note, AttachmentName}` →
 * `{"Status":"Success"}`; pass Note and/or AttachmentName [DOC]. Missing ids, neither of the two, an empty Note, or a
 * note that is not the lead's → MX errors [INF messages, as for CreateNote]. AttachmentName is a URL, stored as for
 * CreateNote; "" removes the attachment [INF].
 */
function updateNote(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const leadId = str(body, 'RelatedProspectId').trim();
	if (leadId === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'RelatedProspectId' is mandatory"); // [INF]
	const noteId = str(body, 'ProspectNoteId').trim();
	if (noteId === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'ProspectNoteId' is mandatory"); // [INF]
	if (!ctx.state.store.byId(leadId)) return mxError(ctx, 'MXInvalidEntityException', 'Lead does not exist in the system'); // [INF]
	const note = findNote(ctx, leadId, noteId);
	if (!note) return mxError(ctx, 'MXInvalidEntityException', NO_NOTE);
	const hasNote = prop(body, 'Note') !== undefined && prop(body, 'Note') !== null;
	const hasAttachment = prop(body, 'AttachmentName') !== undefined && prop(body, 'AttachmentName') !== null;
	if (!hasNote && !hasAttachment) return mxError(ctx, 'MXInvalidInputException', 'Pass Note or AttachmentName to update the note'); // [INF]
	if (hasNote && str(body, 'Note').trim() === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'Note' is mandatory"); // [INF]
	if (hasNote) note.Note = str(body, 'Note');
	if (hasAttachment) {
		note.AttachmentURL = str(body, 'AttachmentName').trim();
		note.AttachmentName = attachmentFileName(note.AttachmentURL);
	}
	note.ModifiedBy = SANDBOX_USER_ID;
	note.ModifiedOn = formatDateTime(ctx.now);
	ctx.state.crm.notes.touch(note);
	return jsonAnswer(200, { Status: 'Success' });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/delete-notes-for-lead/ : `GET ?prospectId=&noteId=` → `{"Status":"Success"}`
 * (the stored page shows `¬eId`, an HTML-entity garbling of `&noteId`). A note that is not the lead's → MX error [INF].
 */
function deleteNote(ctx: RouteContext): Answer {
	const leadId = requiredParam(ctx, 'prospectId');
	if (typeof leadId !== 'string') return leadId;
	const noteId = requiredParam(ctx, 'noteId');
	if (typeof noteId !== 'string') return noteId;
	const note = findNote(ctx, leadId, noteId);
	if (!note) return mxError(ctx, 'MXInvalidEntityException', NO_NOTE);
	ctx.state.crm.notes.removeWhere((n) => n === note);
	return jsonAnswer(200, { Status: 'Success' });
}
