/**
 * Note endpoints (§11.1): `LeadManagement.svc/CreateNote` and `LeadManagement.svc/RetrieveNote`.
 */
import { randomUUID } from 'node:crypto';
import type { StoredNote } from '../crm-types';
import { jsonAnswer, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { mxError, type Route, type RouteContext } from './common';
import { bodyObject, child, int, isAnswer, slice, str, successId, type Obj } from './crm-common';

const LM = '/v2/LeadManagement.svc/';

export const NOTE_ROUTES: Route[] = [
	{ name: 'CreateNote', method: 'POST', path: `${LM}CreateNote`, bucket: 'normal', handle: createNote },
	{ name: 'RetrieveNote', method: 'POST', path: `${LM}RetrieveNote`, bucket: 'normal', handle: retrieveNotes },
];

/**
 * Source: [DOC] https://apidocs.leadsquared.com/create-notes-with-attachment/ :
 * `{RelatedProspectId, Note, AttachmentName}` → `{"Status":"Success","Message":{"Id":…}}` [DOC]. The
 * lead and the note text are mandatory [DOC]; the messages are [INF]. AttachmentName is a URL [DOC]:
 * its last path segment becomes the stored AttachmentName, the URL the AttachmentURL [INF].
 */
function createNote(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const leadId = str(body, 'RelatedProspectId').trim();
	if (leadId === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'RelatedProspectId' is mandatory"); // [INF]
	const lead = ctx.state.store.byId(leadId);
	if (!lead) return mxError(ctx, 'MXInvalidEntityException', 'Lead does not exist in the system'); // [INF]
	const text = str(body, 'Note');
	if (text.trim() === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'Note' is mandatory"); // [INF]
	const url = str(body, 'AttachmentName').trim();
	const now = formatDateTime(ctx.now);
	const note: StoredNote = {
		ProspectNoteId: randomUUID(),
		RelatedProspectId: String(lead.ProspectID),
		Note: text,
		AttachmentName: attachmentFileName(url),
		AttachmentURL: url,
		CreatedBy: SANDBOX_USER_ID,
		CreatedOn: now,
		ModifiedBy: SANDBOX_USER_ID,
		ModifiedOn: now,
	};
	ctx.state.crm.notes.add(note);
	return successId(note.ProspectNoteId);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-all-notes-of-lead/ :
 * `{Parameter:{RelatedId, Id?}, Paging:{PageIndex, PageSize}, Sorting:{ColumnName, Direction}}` → `{RecordCount, List}` [DOC List] or
 * `{RecordCount, Notes}` (`answerForms.notes`; [CODE] ids 67162514356, 67321114747 read either, with
 * RecordCount, so RecordCount is [CODE] too). Sorting by CreatedOn (default) or ModifiedOn, newest first
 * unless Direction 0 [INF: the doc sample sorts by CreatedOn]; PageSize 25 by default [INF: no source
 * gives the default].
 */
function retrieveNotes(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const parameter = child(body, 'Parameter');
	const leadId = str(parameter, 'RelatedId').trim();
	if (leadId === '') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: RelatedId'); // [INF]
	const noteId = str(parameter, 'Id').trim().toLowerCase();
	const { crm } = ctx.state;
	const found = crm.notes.filter(
		(n) => n.RelatedProspectId.toLowerCase() === leadId.toLowerCase() && (noteId === '' || n.ProspectNoteId.toLowerCase() === noteId),
	);
	const sorting = child(body, 'Sorting');
	const byModified = str(sorting, 'ColumnName').trim().toLowerCase() === 'modifiedon';
	const direction = int(sorting, 'Direction', 1) !== 0 ? -1 : 1;
	const date = (n: StoredNote): string => (byModified ? n.ModifiedOn : n.CreatedOn);
	sortWithTies(found, (a, b) => direction * compareText(date(a), date(b)), ctx.state.options.unstableTieOrder, (a, b) => direction * (crm.notes.createdSeq(a) - crm.notes.createdSeq(b)));
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', 25)) || 25;
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const page = slice(found, (pageIndex - 1) * pageSize, pageSize).map((n) => renderNote(ctx, n));
	return jsonAnswer(200, { RecordCount: found.length, [ctx.state.options.answerForms.notes]: page });
}

/** [DOC sample keys: ProspectNoteId, RelatedProspectId, Note, AttachmentName, AttachmentURL; the rest INF]. */
function renderNote(ctx: RouteContext, note: StoredNote): Obj {
	const { users } = ctx.state.crm;
	return {
		ProspectNoteId: note.ProspectNoteId,
		RelatedProspectId: note.RelatedProspectId,
		Note: note.Note,
		AttachmentName: note.AttachmentName || null,
		AttachmentURL: note.AttachmentURL || null,
		CreatedBy: note.CreatedBy,
		CreatedByName: users.nameOf(note.CreatedBy),
		CreatedOn: note.CreatedOn,
		ModifiedBy: note.ModifiedBy,
		ModifiedByName: users.nameOf(note.ModifiedBy),
		ModifiedOn: note.ModifiedOn,
	};
}

/** The last path segment of a URL, decoded when possible. */
export function attachmentFileName(url: string): string {
	const last = url.split(/[?#]/)[0].split('/').pop() ?? '';
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}
