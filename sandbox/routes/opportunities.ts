/**
 * Opportunity endpoints (§11.1): capture (opportunity-capture.ts), update, the opportunities of a
 * lead, and the metadata of an opportunity type. Opportunity types are activity types (codes 12000+).
 */
import { eventCode, kindOf } from '../activity-types';
import type { StoredOpportunity } from '../crm-types';
import { jsonAnswer, queryParam, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { EVENT_CODE_INVALID, failureAnswer } from './activity-write';
import { badRequest, mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, diff, emit, fieldPairs, flag, int, isAnswer, prop, slice, str, successId, type Obj } from './crm-common';
import { capture } from './opportunity-capture';

const OM = '/v2/OpportunityManagement.svc/';
/** [INF] lead columns of GetOpportunitiesOfLead besides the opportunity's own (the documented sample starts with them). */
const LEAD_COLUMNS = ['FirstName', 'LastName', 'EmailAddress', 'Phone'];

export const OPPORTUNITY_ROUTES: Route[] = [
	{ name: 'Opportunity.Capture', method: 'POST', path: `${OM}Capture`, bucket: 'normal', handle: capture },
	{ name: 'Opportunity.Update', method: 'POST', path: `${OM}Update`, bucket: 'normal', handle: updateOpportunity },
	{ name: 'GetOpportunitiesOfLead', method: 'POST', path: `${OM}GetOpportunitiesOfLead`, bucket: 'normal', handle: opportunitiesOfLead },
	{ name: 'GetOpportunityTypeMetadata', method: 'GET', path: `${OM}GetOpportunityTypeMetadata`, bucket: 'normal', handle: typeMetadata },
];

/** `{ProspectOpportunityId, OpportunityNote, Fields}` → `{"Status":"Success","Message":{"Id":…}}` [DOC]; only the fields given change. */
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
 * `{RecordCount, List}` [DOC]: each row has the lead's id and name/e-mail/phone, the opportunity's ids
 * and type, and its fields. Columns.Include_CSV keeps only the named fields besides the ids [INF];
 * Paging PageIndex/PageSize (default 1/100 [INF]); Sorting by any column, CreatedOn newest first by default [INF].
 */
function opportunitiesOfLead(ctx: RouteContext): Answer {
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const typeParam = (queryParam(ctx.query, 'opportunityType') ?? '').trim();
	const code = typeParam === '' ? undefined : (eventCode(typeParam) ?? -1);
	const lower = leadId.toLowerCase();
	const found = ctx.state.crm.opportunities.filter((o) => o.RelatedProspectId.toLowerCase() === lower && (code === undefined || o.OpportunityEvent === code));

	const include = str(child(body, 'Columns'), 'Include_CSV')
		.split(',')
		.map((c) => c.trim())
		.filter((c) => c !== '');
	const rows = found.map((o) => renderRow(ctx, o, include));
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

/** `GET GetOpportunityTypeMetadata?code=` [DOC]; a code that is not an opportunity type → MXInvalidActivityException [INF]. */
function typeMetadata(ctx: RouteContext): Answer {
	const code = requiredParam(ctx, 'code');
	if (typeof code !== 'string') return code;
	const parsed = eventCode(code);
	const type = parsed === undefined ? undefined : ctx.state.crm.activityTypes.get(parsed);
	if (!type || kindOf(type) !== 'opportunity') return failureAnswer(ctx, EVENT_CODE_INVALID);
	return jsonAnswer(200, ctx.state.crm.activityTypes.renderOpportunityMetadata(type));
}
