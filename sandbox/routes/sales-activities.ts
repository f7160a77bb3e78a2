/**
 * Sales activity endpoints (leadsquared-api-more.md §3): Create, Update, RetrieveActivity (by id),
 * RetrieveByLeadId and Cancel. A sale is stored as an activity of the lead (see sales.ts), so the lead's
 * activity trail lists it and activity.created / activity.updated are emitted as for other activities.
 * The settings and products (pickers) are in sales-catalog.ts.
 */
import type { StoredActivity } from '../crm-types';
import { jsonAnswer, queryParam, type Answer } from '../http';
import { emitLeadWrite } from '../lead-events';
import { SALE_FIELD, saleFieldObject, saleFields, settingHeader, type SaleField } from '../sales';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { failureAnswer, storeActivity } from './activity-write';
import { mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, diff, emit, isAnswer, str, successId, type Obj } from './crm-common';
import { saleInput } from './sale-input';

const SA = '/v2/SalesActivity.svc/';

export const SALES_ACTIVITY_ROUTES: Route[] = [
	{ name: 'SalesActivity.Create', method: 'POST', path: `${SA}Create`, bucket: 'normal', handle: createSale },
	{ name: 'SalesActivity.Update', method: 'POST', path: `${SA}Update`, bucket: 'normal', handle: updateSale },
	{ name: 'SalesActivity.RetrieveActivity', method: 'GET', path: `${SA}RetrieveActivity`, bucket: 'normal', handle: retrieveSale },
	{ name: 'SalesActivity.RetrieveByLeadId', method: 'GET', path: `${SA}RetrieveByLeadId`, bucket: 'normal', handle: salesOfLead },
	{ name: 'SalesActivity.Cancel', method: 'POST', path: `${SA}Cancel`, bucket: 'normal', handle: cancelSale },
];

const NO_SALE = 'Sales activity does not exist'; // [INF] message (no source shows it)

/** The sale `id`, or the MX error; `active` refuses a cancelled one. */
function findSale(ctx: RouteContext, id: string, active: boolean): StoredActivity | Answer {
	const { crm, sales } = ctx.state;
	const activity = id.trim() === '' ? undefined : crm.activities.get(id);
	if (!activity || activity.ActivityEvent !== sales.setting.code) return mxError(ctx, 'MXInvalidEntityException', NO_SALE);
	if (active && sales.cancellations.has(activity.ProspectActivityId.toLowerCase())) {
		return mxError(ctx, 'MXInvalidInputException', 'The sales activity has been cancelled'); // [INF]
	}
	return activity;
}

const isSale = (value: StoredActivity | Answer): value is StoredActivity => 'ProspectActivityId' in value;

/**
 * Source: [DOC] https://apidocs.leadsquared.com/post-or-add-a-sales-activity-to-a-lead : the body (checked in
 * sale-input.ts) → `{"Status":"Success","Message":{"Id":"<sales activity id>"}}`. A Won sale moves the lead to the
 * settings' CustomerStageName when ConvertToCustomer is on [INF behaviour of the documented setting].
 */
function createSale(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const input = saleInput(ctx, body);
	if (!input.ok) return failureAnswer(ctx, input);
	const { crm, sales } = ctx.state;
	const type = crm.activityTypes.get(sales.setting.code);
	if (!type) return mxError(ctx, 'MXInvalidActivityException', 'Sales activities are not configured'); // [INF] unreachable with a configured setting
	const leadId = String(input.lead.ProspectID);
	const values: Record<string, string> = { [SALE_FIELD.owner]: SANDBOX_USER_ID, [SALE_FIELD.salesDate]: formatDateTime(ctx.now), ...input.values };
	const activity = storeActivity(ctx, type, leadId, '', values[SALE_FIELD.salesDate], values);
	if (values.Status === 'Won') convertToCustomer(ctx, leadId);
	return successId(activity.ProspectActivityId);
}

/** ConvertToCustomer: the lead's ProspectStage becomes CustomerStageName, when that is one of its options [INF]. */
function convertToCustomer(ctx: RouteContext, leadId: string): void {
	const { sales, fields, store, events } = ctx.state;
	const stage = sales.setting.customerStageName;
	const field = fields.get('ProspectStage');
	const lead = store.byId(leadId);
	const known = (field?.options ?? []).some((o) => (typeof o === 'string' ? o : o.value) === stage);
	if (!sales.setting.convertToCustomer || !lead || !known || lead.ProspectStage === stage) return;
	const before = structuredClone(lead);
	store.update(leadId, { ProspectStage: stage }, ctx.now);
	emitLeadWrite(events, store, leadId, false, before, ctx.now);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-an-existing-sales-activity/ : `{Id, ProspectId, ProductSku,
 * Revenue, SalesOwnerEmail | SalesOwner, SalesDate}` → `{"Status":"Success","Message":{"AffectedRows":0}}` — 0 as in
 * the documented sample, whatever changed [DOC]. Only the keys sent change; Status see `salesUpdateStatus` [INF].
 */
function updateSale(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const sale = findSale(ctx, str(body, 'Id'), true);
	if (!isSale(sale)) return sale;
	const input = saleInput(ctx, body, sale);
	if (!input.ok) return failureAnswer(ctx, input);
	const before = { ...sale.Fields };
	sale.Fields = { ...sale.Fields, ...input.values };
	if (input.values[SALE_FIELD.salesDate]) sale.ActivityDateTime = input.values[SALE_FIELD.salesDate];
	sale.ModifiedBy = SANDBOX_USER_ID;
	sale.ModifiedOn = formatDateTime(ctx.now);
	ctx.state.crm.activities.touch(sale);
	emit(ctx, 'activity.updated', sale.RelatedProspectId, sale, diff(before, sale.Fields));
	return jsonAnswer(200, { Status: 'Success', Message: { AffectedRows: 0 } });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-sales-activity/ : `?activityId=` → `{ID, Name, DisplayName,
 * DefaultCurrency…, CustomerStageName, ConvertToCustomer, Fields:[{SchemaName, DisplayName, Value, DataType, IsMandatory,
 * ShowInForm, Sequence, OptionSet}]}` with the derived ProductName and SalesOwner [DOC sample]; ID = the activity id and
 * Status listed first [INF]. An unknown id → MXInvalidEntityException [INF]. A cancelled sale is still answered [INF].
 */
function retrieveSale(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'activityId');
	if (typeof id !== 'string') return id;
	const sale = findSale(ctx, id, false);
	if (!isSale(sale)) return sale;
	return jsonAnswer(200, {
		ID: sale.ProspectActivityId,
		...settingHeader(ctx.state.sales.setting),
		Fields: renderSaleFields(ctx, sale, (field, value, sequence) => ({ ...saleFieldObject(field, value, sequence), OptionSet: '' })),
	});
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-sales-activities-by-lead-id (parameters LeadId and IncludeOption;
 * the answer an array of `{ID, Name, DisplayName, Fields}` with the long field objects of the sample); the path is
 * [CODE] id 2634729533 and `MohanChhabaria1212/newton-lsq-mcp` src/tools/sales.rs. IncludeOption=true puts the
 * Status options in OptionSet (as JSON text [INF], as in the activity settings). No paging is documented: every
 * sale comes back (lsq-mcp's pageIndex/pageSize are ignored [INF]); newest first [INF]. An unknown lead → [] [INF].
 */
function salesOfLead(ctx: RouteContext): Answer {
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const includeOption = (queryParam(ctx.query, 'includeOption') ?? '').trim().toLowerCase() === 'true';
	const { crm, sales } = ctx.state;
	const lower = leadId.toLowerCase();
	const found = crm.activities.filter((a) => a.ActivityEvent === sales.setting.code && a.RelatedProspectId.toLowerCase() === lower).reverse();
	return jsonAnswer(
		200,
		found.map((sale) => ({
			ID: sale.ProspectActivityId,
			Name: sales.setting.name,
			DisplayName: sales.setting.displayName,
			Fields: renderSaleFields(ctx, sale, (field, value, sequence) => longField(field, value, sequence, includeOption)),
		})),
	);
}

/** A field of the by-lead sample [DOC keys]. */
function longField(field: SaleField, value: string | null, sequence: number, includeOption: boolean): Obj {
	const options = field.schemaName === 'Status' && includeOption ? JSON.stringify(['Open', 'Won', 'Lost'].map((v, i) => ({ Value: v, Text: v, Order: i }))) : '';
	return {
		...saleFieldObject(field, value, sequence),
		InternalName: field.schemaName,
		ParentField: '',
		OptionSet: options,
		DependentOptionSet: '',
		IsDefault: false,
		IsReadOnly: false,
		RenderType: null,
		ExportAsPlainText: false,
		IsMultiSelectDropdown: false,
		IncludeOthersOption: false,
		BehaviorOnMissingDropdownOption: 0,
		IsOthersValue: false,
		StringRenderType: null,
	};
}

/**
 * The Fields of a sale [DOC samples]: each settings field with its value (empty = null [INF]), the derived
 * `ProductName` ("<SKU> - <Name>", as "01 - Sample Product") after the product and `SalesOwner` (the user's name)
 * after the owner.
 */
function renderSaleFields(ctx: RouteContext, sale: StoredActivity, render: (field: SaleField, value: string | null, sequence: number) => Obj): Obj[] {
	const { sales, crm } = ctx.state;
	const out: Obj[] = [];
	const derived = (schemaName: string, value: string): Obj => ({
		SchemaName: schemaName,
		DisplayName: null,
		Value: value,
		DataType: null,
		IsMandatory: false,
		ShowInForm: false,
		Sequence: 0,
		OptionSet: null,
		IsDerived: true,
	});
	saleFields(sales.setting, true).forEach((field, index) => {
		const value = sale.Fields[field.schemaName] ?? '';
		out.push(render(field, value === '' ? null : value, index + 1));
		if (field.schemaName === SALE_FIELD.product) {
			const product = sales.products.get(value);
			out.push(derived('ProductName', product ? `${product.ProductSku} - ${product.Name}` : ''));
		}
		if (field.schemaName === SALE_FIELD.owner) out.push(derived('SalesOwner', crm.users.nameOf(value)));
	});
	return out;
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/cancel-sales-activity/ : `{activityId, activityEventNote}` →
 * `{"Status":"Success","Message":{"Id"}}` whose Id differs from the cancelled one [DOC sample]: the sandbox posts a
 * "Sales Activity Cancelled" activity (code `salesActivity.cancelCode`) on the lead with the note and answers its id
 * [INF]. Cancelling twice, or an unknown id → MX errors [INF]. The cancelled sale stays readable [INF].
 */
function cancelSale(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const sale = findSale(ctx, str(body, 'activityId'), true);
	if (!isSale(sale)) return sale;
	const { crm, sales } = ctx.state;
	const type = crm.activityTypes.get(sales.setting.cancelCode);
	if (!type) return mxError(ctx, 'MXInvalidActivityException', 'Sales activities are not configured'); // [INF] unreachable with a configured setting
	const note = str(body, 'activityEventNote');
	const cancellation = storeActivity(ctx, type, sale.RelatedProspectId, note, formatDateTime(ctx.now), {});
	sales.cancellations.set(sale.ProspectActivityId.toLowerCase(), { Id: cancellation.ProspectActivityId, Note: note, On: cancellation.CreatedOn });
	return successId(cancellation.ProspectActivityId);
}
