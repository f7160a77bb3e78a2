/**
 * Parameters the sales activity operations share (the product: a searchable list of the account's products,
 * a SKU or an ID; a product line with quantity and unit price; the status; the sales owner) and the account's
 * products as the checks use them, looked up at most once per product and execution.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../../machinery/errors';
import { settle } from '../../machinery/scheduler';
import { ownerKeys } from '../../model/sales/lines';
import type { CreateSaleBody } from '../../model/sales/lines';
import { findProduct, refLabel } from '../../model/sales/products';
import type { Product, ProductRef } from '../../model/sales/products';
import type { LeadSquaredClient } from '../../transport';
import { listProducts, PRODUCT_PAGE_SIZE, retrieveProducts } from '../../transport/salesActivities';
import { optionalDateTime, requiredText } from '../../values/checks';
import { readTimezone } from '../dateTimezone';
import type { RunContext } from '../engine';
import { ownerFrom, ownerLocator } from '../owner';

export const MANAGE_PRODUCTS = 'My Account → Settings → Customization → Manage Products';

export function salesActivityIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Sales Activity ID',
		name: 'salesActivityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.salesActivityId }}',
		description,
	};
}

/** The item's Sales Activity ID (trimmed, not empty). */
export function readSalesActivityId(context: IExecuteFunctions, index: number): string {
	return requiredText(
		context.getNodeParameter('salesActivityId', index, ''),
		'Sales Activity ID',
		'salesActivityId',
		'Give the ID of the sales activity: the salesActivityId output by Create, or the ID output by Get Many.',
	);
}

export function productLocator(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Product',
		name: 'product',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: `The product sold (${MANAGE_PRODUCTS})`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a product...',
				typeOptions: { searchListMethod: 'searchProducts', searchable: true },
			},
			{ displayName: 'By SKU', name: 'sku', type: 'string', placeholder: 'e.g. ENG-101' },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 3439951a-0e8c-11e5-981b-22000a9700b4' },
		],
		...extra,
	};
}

export const quantityProperty: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 1,
	description: 'How many were sold (above 0; decimals allowed). LeadSquared stores no quantity: it goes into the order value.',
};

export const unitPriceProperty: INodeProperties = {
	displayName: 'Unit Price',
	name: 'unitPrice',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: "The price of one, in the account's currency. The sale's order value (Revenue) is quantity × unit price.",
};

export const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	default: 'Open',
	options: [
		{ name: 'Open', value: 'Open' },
		{ name: 'Won', value: 'Won', description: 'When your account converts customers, LeadSquared moves the lead to its customer stage' },
		{ name: 'Lost', value: 'Lost' },
	],
	description: 'The status of the sale (mandatory for LeadSquared)',
};

export function salesOwnerLocator(): INodeProperties {
	return ownerLocator({
		displayName: 'Sales Owner',
		name: 'salesOwner',
		description: 'The user who made the sale (sent as SalesOwner or SalesOwnerEmail). Empty: LeadSquared decides (the API user).',
	});
}

export const salesDateProperty: INodeProperties = {
	displayName: 'Sales Date',
	name: 'salesDate',
	type: 'dateTime',
	default: '',
	description: 'When the sale was made; sent in UTC. Empty: LeadSquared uses now.',
};

/**
 * The account's products as the checks need them, for one execution: each product named is looked up once,
 * by the exact key RetrieveProducts takes (`Id` or `ProductSku`); when the answer does not hold it although it
 * holds products (the account ignores the key), the whole list is read. Where RetrieveProducts is unavailable
 * (HTTP 404 or 403), nothing is checked and LeadSquared checks the product itself.
 */
export class ProductCatalogue {
	private readonly found = new Map<string, Promise<Product | undefined>>();
	private everything?: Promise<Product[]>;
	/** Why the products cannot be read on this account, once a call said so. */
	unavailable?: string;

	constructor(private readonly client: LeadSquaredClient) {}

	/** The product `ref` names, undefined when the catalogue cannot be read; an InputError naming `label` when it has no such product. */
	async check(ref: ProductRef, label: string): Promise<Product | undefined> {
		const key = `${ref.by}:${ref.value.toLowerCase()}`;
		let lookup = this.found.get(key);
		if (!lookup) {
			lookup = this.lookUp(ref);
			this.found.set(key, lookup);
			lookup.catch(() => this.found.delete(key));
		}
		const product = await lookup;
		if (product || this.unavailable !== undefined) return product;
		throw new InputError(
			`${label}: your LeadSquared account has no product with ${refLabel(ref)}`,
			'product',
			`Choose the product from the list, or check its ${ref.by === 'sku' ? 'SKU' : 'ID'} under ${MANAGE_PRODUCTS}.`,
		);
	}

	private async lookUp(ref: ProductRef): Promise<Product | undefined> {
		if (this.unavailable !== undefined) return undefined;
		const attempt = await settle(async () => await retrieveProducts(this.client, ref.by === 'id' ? { Id: ref.value } : { ProductSku: ref.value }, 1, PRODUCT_PAGE_SIZE));
		if (!attempt.ok) {
			const kind = attempt.error instanceof LeadSquaredError ? attempt.error.failure.kind : undefined;
			if (kind !== 'notFound' && kind !== 'forbidden') throw attempt.error;
			this.unavailable = `RetrieveProducts answered HTTP ${kind === 'notFound' ? 404 : 403}`;
			return undefined;
		}
		const product = findProduct(attempt.value.rows, ref);
		if (product || attempt.value.rows.length === 0) return product;
		return findProduct(await this.all(), ref);
	}

	private async all(): Promise<Product[]> {
		if (!this.everything) {
			this.everything = listProducts(this.client, { SearchText: '' });
			this.everything.catch(() => (this.everything = undefined));
		}
		return await this.everything;
	}
}

/** The products, for an operation's setup: looked up at most once per product and execution. */
export async function productCatalogue(run: RunContext): Promise<ProductCatalogue> {
	return await Promise.resolve(new ProductCatalogue(run.client));
}

/** The Sales Owner and Sales Date of one item's fields, as body keys. */
export function ownerAndDate(run: RunContext, fields: IDataObject): Pick<CreateSaleBody, 'SalesOwner' | 'SalesOwnerEmail' | 'SalesDate'> {
	const salesDate = optionalDateTime(fields.salesDate, 'Sales Date', 'salesDate', readTimezone(run.context, run.options));
	return { ...ownerKeys(ownerFrom(fields.salesOwner, 'Sales Owner', 'salesOwner')), ...(salesDate !== undefined ? { SalesDate: salesDate } : {}) };
}

/** What a line's product reads as in the output. */
export function productSummary(product: Product | undefined, ref: ProductRef): { productId: string | null; productSku: string | null; productName: string | null } {
	if (product) return { productId: product.id ?? null, productSku: product.sku, productName: product.name || null };
	return { productId: ref.by === 'id' ? ref.value : null, productSku: ref.by === 'sku' ? ref.value : null, productName: null };
}

