/**
 * Account (company) endpoints (leadsquared-api-more.md §2): `CompanyManagement.svc/Company.Create`,
 * `Company.Update`, `Company.Get` (search) and `Company.Delete`. Writes carry the fields in
 * `CompanyProperties: [{Attribute, Value}]`; reads answer `companyPropertyList` rows. The checks of the
 * values are in companies.ts; the search reuses the lead search rules (search.ts) on the type's fields.
 */
import type { CompanyType } from '../companies';
import { checkCompanyProperties } from '../companies';
import type { StoredCompany } from '../crm-extra-types';
import { jsonAnswer, queryParam, type Answer } from '../http';
import { emitLeadWrite } from '../lead-events';
import { compileCriterion, isSearchError, missingParameter, page, readColumns, readPaging, readSorting, sortLeads, type SearchError } from '../search';
import type { LeadRecord } from '../types';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime, normalizeDate } from '../values';
import { badRequest, mxError, requiredParam, requireJsonBody, type Route, type RouteContext } from './common';
import { child, isObject, prop, str, successId, text, type Obj } from './crm-common';
import { hardDeleteLead } from './leadDelete';

const CM = '/v2/CompanyManagement.svc/';

export const ACCOUNT_ROUTES: Route[] = [
	{ name: 'Company.Create', method: 'POST', path: `${CM}Company.Create`, bucket: 'normal', handle: createCompany },
	{ name: 'Company.Update', method: 'POST', path: `${CM}Company.Update`, bucket: 'normal', handle: updateCompany },
	{ name: 'Company.Get', method: 'POST', path: `${CM}Company.Get`, bucket: 'normal', handle: getCompanies },
	{ name: 'Company.Delete', method: 'GET', path: `${CM}Company.Delete`, bucket: 'normal', handle: deleteCompany },
];

/** [OBS] OH-gotchas §8 (CODE id 63252965971): a bare array instead of `{CompanyProperties:[…]}`, on every call. */
const MISSING_DETAILS = "You're missing Company details.";
const NO_COMPANY = 'Company does not exist'; // [INF] message (no source shows it)

const fail = (ctx: RouteContext, e: SearchError): Answer => mxError(ctx, e.exceptionType, e.message);

/** The `CompanyProperties` pairs of a write body, or the answer refusing it. */
function properties(ctx: RouteContext): { body: Obj; pairs: Array<{ name: string; value: string }> } | Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	const raw = isObject(ctx.body) ? prop(ctx.body, 'CompanyProperties') : undefined;
	if (!isObject(ctx.body) || !Array.isArray(raw)) return mxError(ctx, 'MXInvalidDataTypeException', MISSING_DETAILS); // [OBS] for a bare array; [INF] for a body without the wrapper
	const pairs: Array<{ name: string; value: string }> = [];
	for (const [index, element] of raw.entries()) {
		const name = isObject(element) ? text(prop(element, 'Attribute')) : undefined;
		const value = isObject(element) ? text(prop(element, 'Value')) : undefined;
		if (!name || value === undefined) return badRequest(`CompanyProperties element ${index} has no 'Attribute' or a 'Value' that is not a string`); // [INF]
		pairs.push({ name: name.trim(), value });
	}
	return { body: ctx.body, pairs };
}

/** The company type named in `CompanyType.CompanyTypeName`, or the MX error [INF messages]. */
function companyType(ctx: RouteContext, holder: Obj | undefined): CompanyType | Answer {
	const name = str(child(holder, 'CompanyType'), 'CompanyTypeName').trim();
	if (name === '') return fail(ctx, missingParameter('CompanyTypeName')); // [INF]
	const type = ctx.state.companies.type(name);
	return type ?? mxError(ctx, 'MXInvalidInputException', `Company type '${name}' does not exist. You cannot create a new company type using the API`); // [INF] message after the [DOC] rule
}

const isType = (value: CompanyType | Answer): value is CompanyType => 'definition' in value;

/**
 * Source: [DOC] https://apidocs.leadsquared.com/create-an-account/ : `{CompanyType:{CompanyTypeName}, CompanyProperties:
 * [{Attribute, Value}]}` → `{"Status":"Success","Message":{"Id"}}`; CompanyName mandatory, the type must exist [DOC].
 * Value checks as for leads [INF]; the owner defaults to the API user [INF].
 */
function createCompany(ctx: RouteContext): Answer {
	const input = properties(ctx);
	if (!('pairs' in input)) return input;
	const type = companyType(ctx, input.body);
	if (!isType(type)) return type;
	const checked = checkCompanyProperties(type, input.pairs, 'create', ctx.state.crm.users);
	if (!checked.ok) return mxError(ctx, checked.exceptionType, checked.message);
	return successId(ctx.state.companies.create(type, checked.values, ctx.now).CompanyId);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-an-account/ : `?companyId=` with `{CompanyProperties:[…]}` →
 * `{"Status":"Success","Message":{"AffectedRows":1}}`; a bare array → MXInvalidDataTypeException "You're missing
 * Company details." [OBS CODE id 63252965971]; OwnerId as a user id [CODE id 63375367859]. Only the attributes given change.
 */
function updateCompany(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'companyId');
	if (typeof id !== 'string') return id;
	const input = properties(ctx);
	if (!('pairs' in input)) return input;
	const { companies, crm } = ctx.state;
	const company = companies.companies.get(id);
	const type = company ? companies.typeOf(company) : undefined;
	if (!company || !type) return mxError(ctx, 'MXInvalidEntityException', NO_COMPANY);
	const checked = checkCompanyProperties(type, input.pairs, 'update', crm.users);
	if (!checked.ok) return mxError(ctx, checked.exceptionType, checked.message);
	company.Values = { ...company.Values, ...checked.values };
	company.ModifiedBy = SANDBOX_USER_ID;
	company.ModifiedOn = formatDateTime(ctx.now);
	companies.companies.touch(company);
	return jsonAnswer(200, { Status: 'Success', Message: { AffectedRows: 1 } });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-an-account/ : `{Query:{CompanyType:{CompanyTypeName} (mandatory),
 * SearchText, DateRange:{DateField, FromDate, ToDate}, FilterBy:{LookupName, LookupValue, SqlOperator}}, Columns:
 * {Include_CSV}, Sorting:{ColumnName, Direction}, Paging:{PageIndex, PageSize}}` → `{RecordCount, Companies:
 * [{companyPropertyList:[{Attribute, Value}]}]}` [DOC]; the Query wrapper filters here [OBS CODE id 63252965971 §1];
 * Include_CSV "is picky" [OBS same file] (`companyUnknownColumns`); OwnerName, not OwnerIdName [OBS same file].
 * SearchText is a part of CompanyName, DateRange inclusive, FilterBy as Leads.Get's Parameter, default order and ties
 * as for leads (`unstableTieOrder`), PageSize at most `companyMaxPageSize` [INF]. Empty values are null [INF].
 */
function getCompanies(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (!isObject(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF]
	const { companies, options } = ctx.state;
	const query = child(ctx.body, 'Query');
	const type = companyType(ctx, query);
	if (!isType(type)) return type;
	const filters = companyFilters(ctx, type, query);
	if (!Array.isArray(filters)) return filters;
	const columns = readColumns(prop(ctx.body, 'Columns'));
	const known = (name: string): boolean => type.fields.get(name) !== undefined || name.toLowerCase() === 'ownername';
	const unknown = (columns ?? []).filter((c) => !known(c));
	if (unknown.length > 0 && options.companyUnknownColumns === 'error') {
		return mxError(ctx, 'MXInvalidInputException', `Invalid column(s) in Include_CSV - ${unknown.join(', ')}`); // [INF] message; [OBS] that unknown columns fail
	}
	const sort = readSorting(type.fields, prop(ctx.body, 'Sorting'));
	if (isSearchError(sort)) return fail(ctx, sort);
	const paging = readPaging(prop(ctx.body, 'Paging'), options.companyMaxPageSize);
	if (isSearchError(paging)) return fail(ctx, paging);

	const rows: LeadRecord[] = companies.companies
		.filter((c) => c.CompanyTypeName === type.definition.name)
		.map((c) => ({ ...c.Values, CompanyId: c.CompanyId, CreatedOn: c.CreatedOn, ModifiedOn: c.ModifiedOn, ProspectAutoId: String(companies.companies.createdSeq(c)) }))
		.filter((row) => filters.every((f) => f(row)));
	const sorted = sortLeads(rows, sort, options.unstableTieOrder);
	const wanted = columns?.filter(known);
	return jsonAnswer(200, {
		RecordCount: sorted.length,
		Companies: page(sorted, paging).map((row) => ({ companyPropertyList: renderCompany(ctx, type, row, wanted) })),
	});
}

/** The Query filters as predicates on a row (SearchText, DateRange, FilterBy), or the MX error. */
function companyFilters(ctx: RouteContext, type: CompanyType, query: Obj | undefined): Array<(row: LeadRecord) => boolean> | Answer {
	const filters: Array<(row: LeadRecord) => boolean> = [];
	const search = str(query, 'SearchText').trim().toLowerCase();
	if (search !== '') filters.push((row) => String(row.CompanyName ?? '').toLowerCase().includes(search));
	const range = child(query, 'DateRange');
	if (range) {
		const field = str(range, 'DateField').replace(/\s+/g, '').toLowerCase();
		const column = field === 'createdon' ? 'CreatedOn' : field === 'modifiedon' ? 'ModifiedOn' : undefined;
		if (!column) return fail(ctx, missingParameter('DateField')); // [INF]
		const from = normalizeDate(str(range, 'FromDate').trim());
		if (!from) return fail(ctx, missingParameter('FromDate')); // [INF]
		const to = normalizeDate(str(range, 'ToDate').trim());
		if (!to) return fail(ctx, missingParameter('ToDate')); // [INF]
		filters.push((row) => String(row[column]) >= from && String(row[column]) <= to);
	}
	const filterBy = child(query, 'FilterBy');
	if (filterBy) {
		const criterion = { LookupName: str(filterBy, 'LookupName'), LookupValue: str(filterBy, 'LookupValue'), SqlOperator: str(filterBy, 'SqlOperator') };
		const predicate = compileCriterion(type.fields, criterion, ctx.state.options);
		if (isSearchError(predicate)) return fail(ctx, predicate);
		filters.push(predicate);
	}
	return filters;
}

/** A `companyPropertyList` [DOC get-an-account sample]: the type's fields (or Include_CSV's, in its order), OwnerName after OwnerId [OBS]. */
function renderCompany(ctx: RouteContext, type: CompanyType, row: LeadRecord, columns: string[] | undefined): Array<{ Attribute: string; Value: string | null }> {
	const names = columns ?? type.fields.all().flatMap((f) => (f.schemaName === 'OwnerId' ? ['OwnerId', 'OwnerName'] : [f.schemaName]));
	return names.map((name) => {
		const attribute = name.toLowerCase() === 'ownername' ? 'OwnerName' : (type.fields.get(name)?.schemaName ?? name);
		const raw = attribute === 'OwnerName' ? ctx.state.crm.users.nameOf(String(row.OwnerId ?? '')) : row[attribute];
		const value = typeof raw === 'string' && raw !== '' ? raw : null;
		return { Attribute: attribute, Value: value };
	});
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/delete-an-account/ : `GET ?companyId=&withLeadDelete=true|false` →
 * `{"Status":"Success","Message":{}}`; true also deletes the account's leads, false disassociates them [DOC]. A lead
 * belongs to an account through its RelatedCompanyId lead field [CODE ids 58565206686, 18037943569] — only when the
 * account's lead fields have it [INF]. An absent withLeadDelete = false [INF]; the account activities go too [INF].
 */
function deleteCompany(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'companyId');
	if (typeof id !== 'string') return id;
	const withLeads = (queryParam(ctx.query, 'withLeadDelete') ?? '').trim().toLowerCase() === 'true';
	const { companies, fields, store, events } = ctx.state;
	const company: StoredCompany | undefined = companies.remove(id);
	if (!company) return mxError(ctx, 'MXInvalidEntityException', NO_COMPANY);
	const link = fields.get('RelatedCompanyId');
	const linked = link ? store.records().filter((l) => String(l[link.schemaName] ?? '').toLowerCase() === company.CompanyId.toLowerCase()) : [];
	for (const lead of linked) {
		const leadId = String(lead.ProspectID);
		if (withLeads) {
			hardDeleteLead(ctx.state, leadId, ctx.now);
			continue;
		}
		const before = structuredClone(lead);
		store.update(leadId, { [link?.schemaName ?? 'RelatedCompanyId']: '' }, ctx.now);
		emitLeadWrite(events, store, leadId, false, before, ctx.now);
	}
	return jsonAnswer(200, { Status: 'Success', Message: {} });
}
