/**
 * The body of `SalesActivity.svc/Create` and `Update` ([DOC] https://apidocs.leadsquared.com/post-or-add-a-sales-activity-to-a-lead
 * and https://apidocs.leadsquared.com/update-an-existing-sales-activity/): ProspectId, ProductSku (or ProductId, as
 * LeadSquared's PHP library sends [CODE `LeadSquared/php-library`]), Status (Open | Won | Lost, mandatory on
 * Create [DOC]), Revenue (a number [DOC]), SalesOwnerEmail or SalesOwner (an id) [DOC], SalesDate (UTC
 * yyyy-MM-dd HH:mm:ss [DOC]). Checked into the stored field values (sales.ts SALE_FIELD); every message is [INF].
 */
import type { StoredActivity } from '../crm-types';
import type { LeadRecord } from '../types';
import { SALE_FIELD, SALE_STATUSES } from '../sales';
import { failure, LEAD_NOT_FOUND, type WriteFailure } from './activity-write';
import type { RouteContext } from './common';
import { prop, stamp, str, type Obj } from './crm-common';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export interface SaleInput {
	ok: true;
	lead: LeadRecord;
	/** The field values the body sets (schema name → stored value). */
	values: Record<string, string>;
}

/** A body key that was sent (any casing [INF]) and is not null. */
function given(body: Obj, name: string): boolean {
	const value = prop(body, name);
	return value !== undefined && value !== null;
}

/**
 * Checks a Create (no `existing`) or Update body. Create needs ProspectId, Status, the product and the
 * revenue (Order Value is mandatory in the documented settings); the date defaults to now and the owner to
 * the API user [INF]. Update changes only what is sent; its Status is applied only with
 * `salesUpdateStatus: 'apply'` (the documented Update body has none).
 */
export function saleInput(ctx: RouteContext, body: Obj, existing?: StoredActivity): SaleInput | WriteFailure {
	const { store, crm, sales, options } = ctx.state;
	const leadId = str(body, 'ProspectId').trim();
	if (!existing && leadId === '') return failure('MXInvalidInputException', 'Invalid Input! Parameter Name: ProspectId'); // [INF]
	if (existing && leadId !== '' && leadId.toLowerCase() !== existing.RelatedProspectId.toLowerCase()) {
		return failure('MXInvalidInputException', 'The sales activity is not posted on this lead (ProspectId)'); // [INF]
	}
	const lead = store.byId(leadId === '' ? (existing?.RelatedProspectId ?? '') : leadId);
	if (!lead) return LEAD_NOT_FOUND();
	const values: Record<string, string> = {};

	const status = str(body, 'Status').trim();
	if (!existing || (options.salesUpdateStatus === 'apply' && status !== '')) {
		const canonical = SALE_STATUSES.find((s) => s.toLowerCase() === status.toLowerCase());
		if (!canonical) return failure('MXInvalidInputException', `Invalid Status '${status}'. Status is mandatory; accepted values are Open, Won and Lost`); // [INF] after the documented rule
		values.Status = canonical;
	}

	const productKey = given(body, 'ProductSku') ? 'ProductSku' : given(body, 'ProductId') ? 'ProductId' : undefined;
	if (productKey) {
		const product = sales.product(str(body, productKey));
		if (!product) return failure('MXInvalidInputException', `Product '${str(body, productKey)}' does not exist`); // [INF]
		values[SALE_FIELD.product] = product.ProductId;
	} else if (!existing) {
		return failure('MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - ProductSku'); // [INF]
	}

	if (given(body, 'Revenue')) {
		const revenue = str(body, 'Revenue').trim();
		if (!NUMBER.test(revenue)) return failure('MXInvalidInputException', `Invalid Revenue '${revenue}'. Pass the revenue as a number`); // [INF]
		values[SALE_FIELD.revenue] = revenue;
	} else if (!existing) {
		return failure('MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - Revenue'); // [INF]
	}

	const ownerKey = given(body, 'SalesOwnerEmail') ? 'SalesOwnerEmail' : given(body, 'SalesOwner') ? 'SalesOwner' : undefined;
	if (ownerKey) {
		const owner = crm.users.active(str(body, ownerKey));
		if (!owner) return failure('MXInvalidInputException', `Invalid ${ownerKey} '${str(body, ownerKey)}': no active user has this e-mail address or id`); // [INF]
		values[SALE_FIELD.owner] = owner.id;
	}

	if (given(body, 'SalesDate')) {
		const date = stamp(str(body, 'SalesDate'));
		if (!date) return failure('MXInvalidInputException', `Invalid SalesDate '${str(body, 'SalesDate')}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF]
		values[SALE_FIELD.salesDate] = date;
	}
	return { ok: true, lead, values };
}
