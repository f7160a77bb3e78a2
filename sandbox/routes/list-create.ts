/**
 * Creating a list (leadsquared-api-more.md §5): `LeadSegmentation.svc/CreateEmptyList`. Leads are then
 * added with AddLeadsToStaticList (lists.ts).
 */
import type { Answer } from '../http';
import { missingParameter } from '../search';
import { mxError, type Route, type RouteContext } from './common';
import { bodyObject, isAnswer, str, successId } from './crm-common';

export const LIST_CREATE_ROUTES: Route[] = [{ name: 'CreateEmptyList', method: 'POST', path: '/v2/LeadSegmentation.svc/CreateEmptyList', bucket: 'normal', handle: createEmptyList }];

/**
 * Source: [DOC] https://apidocs.leadsquared.com/create-empty-static-list/ : `{Name, Description}` →
 * `{"Status":"Success","Message":{"Id":"<ListId>"}}` ([CODE] id 70701181602 reads Message.Id; OH-caps [OBS] id
 * 55862895420 marks it working). A missing Name → `Invalid Input! Parameter Name: Name`; a name another list has
 * (any casing) → MXDuplicateEntryException unless `listDuplicateNames: 'allow'` [INF both].
 */
function createEmptyList(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { lists, options } = ctx.state;
	const name = str(body, 'Name').trim();
	if (name === '') {
		const missing = missingParameter('Name');
		return mxError(ctx, missing.exceptionType, missing.message);
	}
	if (options.listDuplicateNames === 'error' && lists.all().some((l) => l.name.toLowerCase() === name.toLowerCase())) {
		return mxError(ctx, 'MXDuplicateEntryException', `A list with the name '${name}' already exists`); // [INF]
	}
	return successId(lists.createStatic(name, str(body, 'Description')).id);
}
