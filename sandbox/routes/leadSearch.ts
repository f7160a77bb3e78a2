/**
 * Lead search by criteria: `POST LeadManagement.svc/Leads.Get` (§2.4 of the contract).
 * Body `{Parameter:{LookupName, LookupValue, SqlOperator}, Columns:{Include_CSV}, Sorting:{ColumnName,
 * Direction}, Paging:{PageIndex, PageSize}}`; the rules are in search.ts.
 */
import { jsonAnswer, type Answer } from '../http';
import { renderLead } from '../leads';
import {
	bodyProp,
	compileCriterion,
	isSearchError,
	missingParameter,
	page,
	readColumns,
	readPaging,
	readSorting,
	sortLeads,
	type SearchError,
} from '../search';
import { badRequest, mxError, requireJsonBody, type Route, type RouteContext } from './common';

export const LEAD_SEARCH_ROUTES: Route[] = [
	{ name: 'Leads.Get', method: 'POST', path: '/v2/LeadManagement.svc/Leads.Get', bucket: 'normal', handle: leadsGet },
];

/** A scalar body value as text; undefined when absent or not a scalar. */
function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/search-by-lead-criteria/ (the body, operators, 1-based
 * PageIndex, Direction "1" descending). The answer is not shown there: a bare array of flat leads, or
 * `{RecordCount, Leads}` with `leadSearchResponse` [INF: clients read both]. Messages: search.ts.
 */
function leadsGet(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF] message
	const { store, fields, options } = ctx.state;
	const fail = (e: SearchError): Answer => mxError(ctx, e.exceptionType, e.message);

	const parameter = bodyProp(ctx.body, 'Parameter');
	if (typeof parameter !== 'object' || parameter === null) return fail(missingParameter('Parameter'));
	const operator = text(bodyProp(parameter, 'SqlOperator'));
	if (operator === undefined || operator.trim() === '') return fail(missingParameter('SqlOperator'));
	const lookupName = text(bodyProp(parameter, 'LookupName'));
	if (lookupName === undefined || lookupName.trim() === '') return fail(missingParameter('LookupName'));
	const lookupValue = text(bodyProp(parameter, 'LookupValue'));
	if (lookupValue === undefined) return fail(missingParameter('LookupValue'));

	const predicate = compileCriterion(fields, { LookupName: lookupName, LookupValue: lookupValue, SqlOperator: operator }, options);
	if (isSearchError(predicate)) return fail(predicate);
	const sort = readSorting(fields, bodyProp(ctx.body, 'Sorting'));
	if (isSearchError(sort)) return fail(sort);
	const paging = readPaging(bodyProp(ctx.body, 'Paging'), options.leadSearchMaxPageSize);
	if (isSearchError(paging)) return fail(paging);
	let columns = readColumns(bodyProp(ctx.body, 'Columns'));
	if (columns && options.leadSearchAlwaysProspectId && !columns.some((c) => c.toLowerCase() === 'prospectid')) {
		columns = ['ProspectID', ...columns];
	}

	const matched = sortLeads(store.records().filter(predicate), sort, options.unstableTieOrder);
	const leads = page(matched, paging).map((lead) => renderLead(lead, fields, columns));
	if (options.leadSearchResponse === 'recordCount') return jsonAnswer(200, { RecordCount: matched.length, Leads: leads });
	return jsonAnswer(200, leads);
}
