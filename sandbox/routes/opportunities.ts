/**
 * Opportunity endpoints (§11.1, §12.1): capture (opportunity-capture.ts), update, the opportunities of a
 * lead, the account's opportunity types, and the metadata of one type. Opportunity types are activity
 * types (codes 12000+).
 */
import { eventCode, kindOf } from '../activity-types';
import type { StoredOpportunity } from '../crm-types';
import { jsonAnswer, queryParam, textAnswer, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { EVENT_CODE_INVALID, failureAnswer } from './activity-write';
import { badRequest, mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, diff, emit, fieldPairs, flag, int, isAnswer, prop, slice, str, successId, type Obj } from './crm-common';
import { opportunityDeletable } from '../crm-extra-options';
import { capture } from './opportunity-capture';

const OM = '/v2/OpportunityManagement.svc/';
/** [INF] lead columns of GetOpportunitiesOfLead besides the opportunity's own (the documented sample starts with them). */
const LEAD_COLUMNS = ['FirstName', 'LastName', 'EmailAddress', 'Phone'];

export const OPPORTUNITY_ROUTES: Route[] = [
	{ name: 'Opportunity.Capture', method: 'POST', path: `${OM}Capture`, bucket: 'normal', handle: capture },
	{ name: 'Opportunity.Update', method: 'POST', path: `${OM}Update`, bucket: 'normal', handle: updateOpportunity },
	{ name: 'GetOpportunitiesOfLead', method: 'POST', path: `${OM}GetOpportunitiesOfLead`, bucket: 'normal', handle: opportunitiesOfLead },
	{ name: 'GetOpportunityTypeMetadata', method: 'GET', path: `${OM}GetOpportunityTypeMetadata`, bucket: 'normal', handle: typeMetadata },
	{ name: 'GetOpportunityTypes', method: 'GET', path: `${OM}GetOpportunityTypes`, bucket: 'normal', handle: opportunityTypes },
];

/**
 * Keys of a `GetOpportunitiesOfLead` row as live readers read them, besides the type's fields
 * [live 63258039318: OpportunityId, RelatedProspectId, mx_Custom_N, Status, Owner, OwnerName, OpportunityNote,
 * CreatedOn, ModifiedOn; 63252965971: "FLAT … There is NO Fields member"].
 */
const LIVE_ROW_KEYS = ['OpportunityId', 'RelatedProspectId', 'OwnerName', 'OpportunityNote', 'CreatedOn', 'ModifiedOn'];

/**
 * Source: [CODE] ids 55871245234, 70923731082; [live] ids 68297653413, 63267509605. `GET GetOpportunityTypes`: the bare array of
 * the account's opportunity types (renderOpportunityType). Accounts without opportunities answer "the
 * 404/disabled response" [live 68297653413]: `opportunityTypesApi` 'notFound' answers as an unknown
 * endpoint does (HTTP 404 "Endpoint not found.") [INF body], 'disabled' an MX error [INF type and message].
 */
function opportunityTypes(ctx: RouteContext): Answer {
	const { crm, options } = ctx.state;
	if (options.opportunityTypesApi === 'notFound') return textAnswer(404, 'Endpoint not found.');
	if (options.opportunityTypesApi === 'disabled') {
		// [INF type and message]: "the 404/disabled response" is all the live source says
		return mxError(ctx, 'MXOpportunityManagementDisabledException', 'Opportunity Management is disabled for this account.');
	}
	const types = crm.activityTypes.all().filter((t) => kindOf(t) === 'opportunity');
	return jsonAnswer(200, types.map((t) => crm.activityTypes.renderOpportunityType(t, opportunityDeletable(options.opportunityDeleteAllowed, t.code))));
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-an-opportunity/ : `{ProspectOpportunityId, OpportunityNote,
 * Fields}` → `{"Status":"Success","Message":{"Id":…}}`; only the fields given change.
 */
function updateOpportunity(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { crm } = ctx.state;
	const opportunity = crm.opportunities.get(str(body, 'ProspectOpportunityId'));
	if (!opportunity) return mxError(ctx, 'MXInvalidEntityException', 'Opportunity does not exist in the system'); // [INF]
	const type = crm.activityTypes.get(opportunity.OpportunityEvent);
	if (!type) return failureAnswer(ctx, EVENT_CODE_INVALID);
	const pairs = fieldPairs(prop(body, 'Fields'));
	if (typeof pairs === 'string') return badRequest(pairs);
	const checked = crm.activityTypes.checkFields(type, pairs, { skipDropdownCheck: flag(body, 'ValidateDropDownOptions'), mode: 'update', users: crm.users });
	if (!checked.ok) return mxError(ctx, checked.exceptionType, checked.message);

	const before = { OpportunityNote: opportunity.OpportunityNote, ...opportunity.Fields };
	if (prop(body, 'OpportunityNote') !== undefined) opportunity.OpportunityNote = str(body, 'OpportunityNote');
	opportunity.Fields = { ...opportunity.Fields, ...checked.values };
	opportunity.ModifiedBy = SANDBOX_USER_ID;
	opportunity.ModifiedOn = formatDateTime(ctx.now);
	crm.opportunities.touch(opportunity);
	const change = diff(before, { OpportunityNote: opportunity.OpportunityNote, ...opportunity.Fields });
	emit(ctx, 'opportunity.updated', opportunity.RelatedProspectId, opportunity, change);
	return successId(opportunity.ProspectOpportunityId);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-opportunities-by-lead-id/ ; rows flat, no Fields member
 * ([live] id 63633701174). `{RecordCount, List}` [DOC]: each row has the lead's id and name/e-mail/phone, the opportunity's ids
 * and type, and its fields. Columns.Include_CSV keeps only the named fields besides the ids [INF];
 * Paging PageIndex/PageSize (default 1/100 [INF]); Sorting by any column, CreatedOn newest first by default [INF].
 * Without `opportunityType`: see `opportunitiesOfLeadRequiresType`; the row form: `opportunitiesOfLeadRows`.
 */
function opportunitiesOfLead(ctx: RouteContext): Answer {
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const typeParam = (queryParam(ctx.query, 'opportunityType') ?? '').trim();
	const code = typeParam === '' ? undefined : (eventCode(typeParam) ?? -1);
	// [live 63633701174, 63267509605] the type was required although the docs call it optional; the answer [INF].
	const requires = ctx.state.options.opportunitiesOfLeadRequiresType;
	// [INF message]: the live source says the type was required, not what the answer said
	if (code === undefined && requires === 'error') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: opportunityType');
	if (code === undefined && requires === 'empty') return jsonAnswer(200, { RecordCount: 0, List: [] });
	const lower = leadId.toLowerCase();
	const found = ctx.state.crm.opportunities.filter((o) => o.RelatedProspectId.toLowerCase() === lower && (code === undefined || o.OpportunityEvent === code));

	const include = str(child(body, 'Columns'), 'Include_CSV')
		.split(',')
		.map((c) => c.trim())
		.filter((c) => c !== '');
	const live = ctx.state.options.opportunitiesOfLeadRows === 'live';
	const rows = found.map((o) => (live ? liveRow(ctx, renderRow(ctx, o, include), o) : renderRow(ctx, o, include)));
	const sorting = child(body, 'Sorting');
	const column = str(sorting, 'ColumnName').trim() || 'CreatedOn';
	const descending = sorting === undefined || int(sorting, 'Direction', 1) === 1;
	const key = (row: Obj): string => String(row[Object.keys(row).find((k) => k.toLowerCase() === column.toLowerCase()) ?? ''] ?? '');
	const direction = descending ? -1 : 1;
	const ordered = rows.map((row, index) => ({ row, index }));
	sortWithTies(ordered, (a, b) => direction * compareText(key(a.row), key(b.row)), ctx.state.options.unstableTieOrder, (a, b) => direction * (a.index - b.index));
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', 100)) || 100;
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const page = slice(
		ordered.map((o) => o.row),
		(pageIndex - 1) * pageSize,
		pageSize,
	);
	return jsonAnswer(200, { RecordCount: found.length, List: page });
}

/** A row of GetOpportunitiesOfLead: flat [live] id 63633701174; the first keys [DOC sample], the set [INF]. */
function renderRow(ctx: RouteContext, opportunity: StoredOpportunity, include: string[]): Obj {
	const { crm, store } = ctx.state;
	const lead = store.byId(opportunity.RelatedProspectId) ?? {};
	const type = crm.activityTypes.get(opportunity.OpportunityEvent);
	const wanted = (name: string): boolean => include.length === 0 || include.some((c) => c.toLowerCase() === name.toLowerCase());
	const row: Obj = { ProspectId: opportunity.RelatedProspectId };
	for (const name of [...LEAD_COLUMNS, ...include]) {
		const value = lead[name];
		if (wanted(name) && (typeof value === 'string' || LEAD_COLUMNS.includes(name))) row[name] = typeof value === 'string' && value !== '' ? value : null;
	}
	Object.assign(row, {
		RelatedProspectId: opportunity.RelatedProspectId,
		OpportunityId: opportunity.ProspectOpportunityId,
		OpportunityEvent: String(opportunity.OpportunityEvent),
		OpportunityEventType: '2',
		OpportunityName: opportunity.Fields.mx_Custom_1 ?? null,
		OpportunityType: type?.name ?? '',
	});
	if (wanted('OpportunityNote')) row.OpportunityNote = opportunity.OpportunityNote || null;
	if (wanted('OpportunityDateTime')) row.OpportunityDateTime = opportunity.OpportunityDateTime;
	const fieldNames = new Set([...(type ? crm.activityTypes.fieldsOf(type).map((f) => f.schemaName) : []), ...Object.keys(opportunity.Fields)]);
	for (const name of fieldNames) if (wanted(name)) row[name] = opportunity.Fields[name] || null;
	if (wanted('Owner') && opportunity.Fields.Owner) row.OwnerName = crm.users.nameOf(opportunity.Fields.Owner);
	Object.assign(row, {
		CreatedBy: opportunity.CreatedBy,
		CreatedOn: opportunity.CreatedOn,
		ModifiedBy: opportunity.ModifiedBy,
		ModifiedOn: opportunity.ModifiedOn,
	});
	return row;
}

/** The row in the form seen live: the documented row cut to LIVE_ROW_KEYS and the opportunity's fields (still flat). */
function liveRow(ctx: RouteContext, row: Obj, opportunity: StoredOpportunity): Obj {
	const type = ctx.state.crm.activityTypes.get(opportunity.OpportunityEvent);
	const fields = new Set([...(type ? ctx.state.crm.activityTypes.fieldsOf(type).map((f) => f.schemaName) : []), ...Object.keys(opportunity.Fields)]);
	return Object.fromEntries(Object.entries(row).filter(([key]) => LIVE_ROW_KEYS.includes(key) || fields.has(key)));
}

/**
 * Source: [CODE] id 55714379744 (`GetOpportunityTypeMetadata?code=12000` → `{…, Fields:[{SchemaName,
 * DisplayName, …}]}`), fields confirmed live [live] id 69382277671; the metadata is rendered by
 * activity-types.ts. A code that is not an opportunity type → MXInvalidActivityException [INF].
 */
function typeMetadata(ctx: RouteContext): Answer {
	const code = requiredParam(ctx, 'code');
	if (typeof code !== 'string') return code;
	const parsed = eventCode(code);
	const type = parsed === undefined ? undefined : ctx.state.crm.activityTypes.get(parsed);
	if (!type || kindOf(type) !== 'opportunity') return failureAnswer(ctx, EVENT_CODE_INVALID);
	const canDelete = opportunityDeletable(ctx.state.options.opportunityDeleteAllowed, type.code);
	return jsonAnswer(200, ctx.state.crm.activityTypes.renderOpportunityMetadata(type, canDelete));
}
