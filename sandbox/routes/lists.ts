/**
 * Lead lists (§11.1, §2.4 of the contract): Lists.Get, adding leads to a static list (several or one),
 * removing one lead or all leads from a static list, and the leads in a list (BySearchParameter).
 * Only static lists take changes through the API; dynamic and refreshable lists are refused [INF].
 */
import { jsonAnswer, queryParam, type Answer } from '../http';
import { renderLead } from '../leads';
import { LIST_TYPE_CODES, type ListContext, type StoredList } from '../lists';
import { bodyProp, isSearchError, missingParameter, page, readColumns, readPaging, readSorting, sortLeads, type SearchError } from '../search';
import { badRequest, mxError, requiredParam, requireJsonBody, type Route, type RouteContext, type SandboxState } from './common';

const LM = '/v2/LeadManagement.svc/';
const LS = '/v2/LeadSegmentation.svc/';

export const LIST_ROUTES: Route[] = [
	{ name: 'Lists.Get', method: 'GET', path: `${LM}Lists.Get`, bucket: 'normal', handle: listsGet },
	{ name: 'AddLeadsToStaticList', method: 'POST', path: `${LS}AddLeadsToStaticList`, bucket: 'normal', handle: addLeads },
	{ name: 'AddLeadToStaticList', method: 'POST', path: `${LM}AddLeadToStaticList`, bucket: 'normal', handle: addLead },
	{ name: 'RemoveLeadFromStaticList', method: 'GET', path: `${LS}RemoveLeadFromStaticList`, bucket: 'normal', handle: removeLead },
	{ name: 'Lists/EmptyStaticList', method: 'GET', path: `${LS}Lists/EmptyStaticList`, bucket: 'normal', handle: emptyList },
	{ name: 'Leads/Retrieve/BySearchParameter', method: 'POST', path: `${LM}Leads/Retrieve/BySearchParameter`, bucket: 'normal', handle: leadsInList },
];

/** [INF] messages (no source shows them), except the unknown-lead one (observed on AddLeadsToStaticList, low confidence). */
export const LIST_MESSAGES = {
	unknownList: 'List does not exist in the system',
	notStatic: 'Leads can only be added to or removed from a static list',
	unknownLeads: "Records not associated with List where Entity Type didn't match",
	notMember: 'Lead is not a member of the list',
	unknownLead: 'Lead does not exist in the system',
};

function listContext(state: SandboxState): ListContext {
	return { store: state.store, fields: state.fields, settings: state.options };
}

const fail = (ctx: RouteContext, e: SearchError): Answer => mxError(ctx, e.exceptionType, e.message);

/** The list named by `id`, or the MX error; `staticOnly` refuses dynamic and refreshable lists. */
function findList(ctx: RouteContext, id: string, staticOnly: boolean): StoredList | Answer {
	const list = ctx.state.lists.byId(id);
	if (!list) return mxError(ctx, 'MXInvalidEntityException', LIST_MESSAGES.unknownList);
	if (staticOnly && list.type !== 'static') return mxError(ctx, 'MXInvalidInputException', LIST_MESSAGES.notStatic);
	return list;
}

const isList = (value: StoredList | Answer): value is StoredList => 'id' in value;

// ---------- Lists.Get ----------

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-all-lists/ : `?PageIndex=&ListType=0|1|2&SearchText=`
 * → `[{ListId, ListName, ListDescription, ListType, MemberCount}]`; the page size is not stated
 * (`listsPageSize` [INF]).
 */
function listsGet(ctx: RouteContext): Answer {
	const { lists, options } = ctx.state;
	const rawIndex = (queryParam(ctx.query, 'PageIndex') ?? '').trim();
	const pageIndex = rawIndex === '' ? 1 : /^\d+$/.test(rawIndex) ? Number(rawIndex) : 0;
	if (pageIndex < 1) return fail(ctx, missingParameter('PageIndex')); // [INF]
	const rawType = (queryParam(ctx.query, 'ListType') ?? '').trim();
	const type = rawType === '' ? undefined : Object.entries(LIST_TYPE_CODES).find(([, code]) => String(code) === rawType)?.[0];
	if (rawType !== '' && !type) return fail(ctx, missingParameter('ListType')); // [INF]
	const search = (queryParam(ctx.query, 'SearchText') ?? '').trim().toLowerCase();

	const found = lists.all().filter((l) => (!type || l.type === type) && (search === '' || l.name.toLowerCase().includes(search)));
	const size = Math.max(1, options.listsPageSize);
	const rows = page(found, { index: pageIndex, size }).map((l) => ({
		ListId: l.id,
		ListName: l.name,
		ListDescription: l.description,
		ListType: l.type,
		MemberCount: lists.members(l, listContext(ctx.state)).length,
	}));
	// [DOC] a bare array; [CODE] id 70701181602 also accepts it inside {Status, Message} (answerForms.lists).
	return jsonAnswer(200, ctx.state.options.answerForms.lists === 'wrapped' ? { Status: 'Success', Message: rows } : rows);
}

// ---------- adding and removing ----------

/**
 * Source: [DOC] https://apidocs.leadsquared.com/add-leads-to-a-static-list/ : `{listId, leadIds}` →
 * `{"Status":"Success","Message":{"Message":"Successfully added N lead(s) to list"}}`; duplicates are skipped.
 */
function addLeads(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF] message
	const listId = bodyProp(ctx.body, 'listId');
	if (typeof listId !== 'string' || listId.trim() === '') return fail(ctx, missingParameter('listId'));
	const leadIds = bodyProp(ctx.body, 'leadIds');
	if (!Array.isArray(leadIds) || leadIds.length === 0 || leadIds.some((id) => typeof id !== 'string')) {
		return fail(ctx, missingParameter('leadIds'));
	}
	const list = findList(ctx, listId, true);
	if (!isList(list)) return list;

	const known: string[] = [];
	let unknown = 0;
	for (const id of leadIds as string[]) {
		const lead = ctx.state.store.byId(id);
		if (lead) known.push(String(lead.ProspectID));
		else unknown++;
	}
	if (unknown > 0 && ctx.state.options.listUnknownLeads === 'error') return mxError(ctx, 'MXInvalidInputException', LIST_MESSAGES.unknownLeads);
	const added = ctx.state.lists.add(list, known);
	return jsonAnswer(200, { Status: 'Success', Message: { Message: `Successfully added ${added} lead(s) to list` } });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/add-lead/ : `?listId=&leadId=` → `{"Status":"Success","Message":
 * {"Id","AffectedRows"}}` [INF: the answer of the other single-lead writes].
 */
function addLead(ctx: RouteContext): Answer {
	const listId = requiredParam(ctx, 'listId');
	if (typeof listId !== 'string') return listId;
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const list = findList(ctx, listId, true);
	if (!isList(list)) return list;
	const lead = ctx.state.store.byId(leadId);
	if (!lead) return mxError(ctx, 'MXInvalidEntityException', LIST_MESSAGES.unknownLead);
	const id = String(lead.ProspectID);
	const added = ctx.state.lists.add(list, [id]);
	return jsonAnswer(200, { Status: 'Success', Message: { Id: id, AffectedRows: added } }); // [INF] 0 when already a member
}

/**
 * Source: [DOC "Remove a Lead from a Static List"] (leadsquared-api-more.md §5; its URL is not in the stored
 * sources): `?ListId=&LeadID=` → `{"Status":"Success","Message":{"Message":"Successfully removed lead from list"}}`.
 */
function removeLead(ctx: RouteContext): Answer {
	const listId = requiredParam(ctx, 'ListId');
	if (typeof listId !== 'string') return listId;
	const leadId = requiredParam(ctx, 'LeadId');
	if (typeof leadId !== 'string') return leadId;
	const list = findList(ctx, listId, true);
	if (!isList(list)) return list;
	if (!ctx.state.store.byId(leadId)) return mxError(ctx, 'MXInvalidEntityException', LIST_MESSAGES.unknownLead);
	const removed = ctx.state.lists.remove(list, leadId);
	if (!removed && ctx.state.options.listRemoveNonMember === 'error') return mxError(ctx, 'MXInvalidInputException', LIST_MESSAGES.notMember);
	return jsonAnswer(200, { Status: 'Success', Message: { Message: 'Successfully removed lead from list' } });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/remove-all-leads-from-a-static-list/ (announced in LeadSquared's
 * API changelog, 2022-12-21): `?ListId=` → `{"Status":"Success","Message":{"Id":"<listId>"}}`.
 */
function emptyList(ctx: RouteContext): Answer {
	const listId = requiredParam(ctx, 'ListId');
	if (typeof listId !== 'string') return listId;
	const list = findList(ctx, listId, true);
	if (!isList(list)) return list;
	ctx.state.lists.empty(list);
	return jsonAnswer(200, { Status: 'Success', Message: { Id: list.id } });
}

// ---------- leads in a list ----------

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-leads-in-a-list-2 : `{SearchParameters:{ListId,
 * RetrieveBehaviour}, Columns, Sorting, Paging}` → `{RecordCount, Leads:[{LeadPropertyList:[{Attribute, Value,
 * Fields:null}]}]}` ending with CanUpdate, as in the sample; [CODE] id 70701181602 reads it the same way.
 */
function leadsInList(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF] message
	const { fields, options } = ctx.state;
	const listId = bodyProp(bodyProp(ctx.body, 'SearchParameters'), 'ListId');
	if (typeof listId !== 'string' || listId.trim() === '') return fail(ctx, missingParameter('ListId'));
	const list = findList(ctx, listId, false);
	if (!isList(list)) return list;
	const sort = readSorting(fields, bodyProp(ctx.body, 'Sorting'));
	if (isSearchError(sort)) return fail(ctx, sort);
	const paging = readPaging(bodyProp(ctx.body, 'Paging'), options.leadSearchMaxPageSize);
	if (isSearchError(paging)) return fail(ctx, paging);
	const columns = readColumns(bodyProp(ctx.body, 'Columns'));

	const members = sortLeads(ctx.state.lists.members(list, listContext(ctx.state)), sort, options.unstableTieOrder);
	const leads = page(members, paging).map((lead) => {
		const flat = renderLead(lead, fields, columns);
		const properties = Object.entries(flat).map(([Attribute, Value]) => ({ Attribute, Value, Fields: null }));
		properties.push({ Attribute: 'CanUpdate', Value: 'true', Fields: null });
		return { LeadPropertyList: properties };
	});
	return jsonAnswer(200, { RecordCount: members.length, Leads: leads });
}
