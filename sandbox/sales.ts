/**
 * Sales activities and products (§3 of leadsquared-api-more.md). A sales activity is an activity of the
 * lead: LeadSquared's own library reads its id from the lead's activity trail ([CODE] `LeadSquared/php-library`
 * sample-sales-activity.php), and lead samples name "Sales Activity" as the last activity ([DOC]
 * get-a-lead-by-email-id). So the sandbox stores sales activities in the activity store, under the settings'
 * code (an [INF] code: no source states it), and keeps here the settings, the products and the cancellations.
 *
 * The fields of a sale are the documented four (mx_Custom_1 Product, mx_Custom_2 Order Value, mx_Custom_3
 * Sales Date, mx_Custom_4 Sales Owner [DOC get-sales-activity-settings and retrieve-sales-activity samples])
 * plus Status (Open / Won / Lost [DOC post-or-add-a-sales-activity-to-a-lead]) and the custom ones.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityFieldDefinition, ActivityTypeDefinition } from './crm-types';
import type { ProductDefinition, SalesActivitySetting, SalesFieldDefinition, StoredProduct } from './crm-extra-types';
import { RecordStore } from './record-store';
import { formatDateTime } from './values';

export const SALE_STATUSES = ['Open', 'Won', 'Lost'];

/** Where the body keys of Create/Update are stored. */
export const SALE_FIELD = { product: 'mx_Custom_1', revenue: 'mx_Custom_2', salesDate: 'mx_Custom_3', owner: 'mx_Custom_4' } as const;

/** A field of the sales activity settings, with its documented DataType ('Product' for the product). */
export interface SaleField {
	schemaName: string;
	displayName: string;
	dataType: string;
	mandatory: boolean;
	showInForm: boolean;
}

/** Status first (as in the by-lead sample), then the documented four, then the custom fields. */
export function saleFields(setting: SalesActivitySetting, withStatus: boolean): SaleField[] {
	const documented: SaleField[] = [
		{ schemaName: SALE_FIELD.product, displayName: 'Product', dataType: 'Product', mandatory: true, showInForm: true },
		{ schemaName: SALE_FIELD.revenue, displayName: 'Order Value', dataType: 'Number', mandatory: true, showInForm: true },
		{ schemaName: SALE_FIELD.salesDate, displayName: 'Sales Date', dataType: 'DateTime', mandatory: true, showInForm: true },
		{ schemaName: SALE_FIELD.owner, displayName: 'Sales Owner', dataType: 'ActiveUsers', mandatory: true, showInForm: true },
	];
	const custom = setting.customFields.map((f: SalesFieldDefinition) => ({
		schemaName: f.schemaName,
		displayName: f.displayName,
		dataType: f.dataType,
		mandatory: false,
		showInForm: f.showInForm ?? true,
	}));
	const status: SaleField = { schemaName: 'Status', displayName: 'Status', dataType: 'SearchableDropdown', mandatory: true, showInForm: true };
	return [...(withStatus ? [status] : []), ...documented, ...custom];
}

/** The settings' keys that open RetrieveSetting and RetrieveActivity [DOC samples], after ID. */
export function settingHeader(setting: SalesActivitySetting): Record<string, unknown> {
	return {
		Name: setting.name,
		DisplayName: setting.displayName,
		DefaultCurrencySymbol: setting.currencySymbol,
		DefaultCurrencyAbbreviation: setting.currencyAbbreviation,
		DefaultCurrencyName: setting.currencyName,
		CustomerStageName: setting.customerStageName,
		ConvertToCustomer: setting.convertToCustomer,
	};
}

/** The keys every sales field object has in the documented samples (settings, by id, by lead). */
export function saleFieldObject(field: SaleField, value: string | null, sequence: number): Record<string, unknown> {
	return {
		SchemaName: field.schemaName,
		DisplayName: field.displayName,
		Value: value,
		DataType: field.dataType,
		IsMandatory: field.mandatory,
		ShowInForm: field.showInForm,
		Sequence: sequence,
	};
}

/**
 * The sales activity and its cancellation as activity types, so that the lead's activity reads name them
 * ("Sales Activity" in lead samples [DOC]); kind 'system': they are not posted or edited through
 * ProspectActivity.svc [INF]. 'Sales Activity Cancelled' is an [INF] name.
 */
export function salesActivityTypes(setting: SalesActivitySetting): ActivityTypeDefinition[] {
	const fields: ActivityFieldDefinition[] = saleFields(setting, true).map((f) => ({
		schemaName: f.schemaName,
		displayName: f.displayName,
		dataType: f.dataType === 'Product' ? 'String' : (f.dataType as ActivityFieldDefinition['dataType']),
		mandatory: f.mandatory,
		options: f.schemaName === 'Status' ? [...SALE_STATUSES] : undefined,
	}));
	return [
		{ code: setting.code, name: setting.displayName, kind: 'system', description: setting.name, fields },
		{ code: setting.cancelCode, name: `${setting.displayName} Cancelled`, kind: 'system' },
	];
}

export class SalesCatalog {
	setting!: SalesActivitySetting;
	readonly products = new RecordStore<StoredProduct>((p) => p.ProductId);
	/** Cancelled sales activity id (lower case) → the cancellation. */
	readonly cancellations = new Map<string, { Id: string; Note: string; On: string }>();

	constructor(setting: SalesActivitySetting) {
		this.setting = setting;
	}

	configure(setting: SalesActivitySetting): void {
		this.setting = setting;
	}

	/** Replaces the products with the seeds (ids generated when absent). */
	seedProducts(seeds: ProductDefinition[], now: number): void {
		this.products.clear();
		for (const seed of seeds) this.addProduct(seed, now);
	}

	addProduct(seed: ProductDefinition, now: number): StoredProduct {
		const stamp = formatDateTime(now);
		return this.products.add({
			ProductId: seed.id ?? randomUUID(),
			ProductSku: seed.sku,
			Name: seed.name,
			Description: seed.description ?? '',
			CreatedOn: stamp,
			ModifiedOn: stamp,
		});
	}

	/** A product by SKU (exact, trimmed) or, as the doc calls the SKU "the product Id that you see in LeadSquared", by ProductId [INF]. */
	product(skuOrId: string): StoredProduct | undefined {
		const wanted = skuOrId.trim();
		if (wanted === '') return undefined;
		return this.products.all().find((p) => p.ProductSku === wanted) ?? this.products.get(wanted);
	}

	isSaleCode(code: number): boolean {
		return code === this.setting.code || code === this.setting.cancelCode;
	}

	clearCancellations(): void {
		this.cancellations.clear();
	}
}
