/**
 * Lead polling: `POST LeadManagement.svc/Leads.RecentlyModified` (§2.4, "Get Leads by Date Range").
 * Body `{Parameter:{FromDate, ToDate}, Columns?:{Include_CSV}, Paging?:{PageIndex, PageSize},
 * Sorting?:{ColumnName, Direction}}` [DOC] → `{RecordCount, Leads:[{LeadPropertyList:[{Attribute,
 * Value}]}]}` [DOC]. It filters on the lead's last modification, in whole UTC seconds [OBS]; every row
 * ends with `CanUpdate` [DOC] and `Total` [OBS] (the RecordCount [INF]). Pages hold at most
 * `recentlyModifiedMaxPageSize` (5000 [DOC]) leads.
 */
import { jsonAnswer, type Answer } from '../http';
import { renderLead } from '../leads';
import { bodyProp, isSearchError, missingParameter, page, readColumns, readPaging, readSorting, sortLeads, type SearchError } from '../search';
import type { LeadRecord } from '../types';
import { normalizeDate } from '../values';
import { badRequest, mxError, requireJsonBody, type Route, type RouteContext } from './common';

export const RECENTLY_MODIFIED_ROUTES: Route[] = [
	{
		name: 'Leads.RecentlyModified',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Leads.RecentlyModified',
		bucket: 'normal',
		handle: recentlyModified,
	},
];

/** A date parameter: 'yyyy-MM-dd HH:mm:ss' (fractions dropped: whole seconds [OBS]) or 'yyyy-MM-dd' (midnight). */
function readDate(parameter: unknown, name: string): string | SearchError {
	const raw = bodyProp(parameter, name);
	if (typeof raw !== 'string' || raw.trim() === '') return missingParameter(name); // [INF]
	const date = normalizeDate(raw.trim());
	if (date === undefined) return { exceptionType: 'MXInvalidInputException', message: `Invalid ${name} '${raw}'. Pass a UTC date as yyyy-MM-dd HH:mm:ss` }; // [INF]
	return date;
}

/**
 * Source: [CODE] id 32417129782 (a sync connector polling `{Parameter:{FromDate, ToDate}, Columns, Paging}` →
 * `{RecordCount, Leads:[{LeadPropertyList}]}`), [CODE] id 67032899357; the live notes on it (LeadLastModifiedOn,
 * whole seconds, 5000 a page, unstable ties, Total on every row) are [OBS] contract §2.4.
 */
function recentlyModified(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF] message
	const { store, fields, options } = ctx.state;
	const fail = (e: SearchError): Answer => mxError(ctx, e.exceptionType, e.message);

	const parameter = bodyProp(ctx.body, 'Parameter');
	if (typeof parameter !== 'object' || parameter === null) return fail(missingParameter('Parameter'));
	const from = readDate(parameter, 'FromDate');
	if (isSearchError(from)) return fail(from);
	const to = readDate(parameter, 'ToDate');
	if (isSearchError(to)) return fail(to);
	const sort = readSorting(fields, bodyProp(ctx.body, 'Sorting'));
	if (isSearchError(sort)) return fail(sort);
	const paging = readPaging(bodyProp(ctx.body, 'Paging'), options.recentlyModifiedMaxPageSize);
	if (isSearchError(paging)) return fail(paging);
	const columns = readColumns(bodyProp(ctx.body, 'Columns'));

	const closed = options.recentlyModifiedRange === 'closed';
	const inRange = (lead: LeadRecord): boolean => {
		const modified = normalizeDate(String(lead.ModifiedOn ?? ''));
		if (modified === undefined) return false;
		return modified >= from && (closed ? modified <= to : modified < to);
	};
	const matched = sortLeads(store.records().filter(inRange), sort, options.unstableTieOrder);
	const total = String(matched.length);
	const leads = page(matched, paging).map((lead) => {
		const values = renderLead(lead, fields, columns);
		const list: Array<{ Attribute: string; Value: string | null }> = Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value }));
		list.push({ Attribute: 'CanUpdate', Value: 'true' }, { Attribute: 'Total', Value: total });
		return { LeadPropertyList: list };
	});
	return jsonAnswer(200, { RecordCount: matched.length, Leads: leads });
}
