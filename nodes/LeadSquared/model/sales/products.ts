/**
 * The account's products (`SalesActivity.svc/RetrieveProducts`, leadsquared-api-more.md §3.7): reading its
 * answer in every form it may take, and finding the product a sales activity names. The request body is
 * [CODE] (LeadSquared's PHP library sample: `{Parameter: {SearchText} | {Id | ProductSku | Name}, Sorting,
 * Paging}`); no source shows the answer, so the rows are read from `{RecordCount, List}`, a bare array, or a
 * list under `Products`/`Message`/`Data`, and each key from the names it may carry.
 * Pure: no n8n imports.
 */
import { isRecord, pick } from '../activity/types';
import { textOrNumber } from '../../machinery/loose';
import type { Page } from '../../machinery/pager';

export interface Product {
	/** ProductId: what LeadSquared stores on a sale (mx_Custom_1); undefined when the answer carries none. */
	id?: string;
	/** ProductSku: what Create and Update send [DOC]. */
	sku: string;
	name: string;
	description?: string;
}

/** How a sale names its product: by ProductId (From List, By ID) or by ProductSku (By SKU). */
export type ProductRef = { by: 'id' | 'sku'; value: string };

/** The documented sorting of the PHP library sample: most recently modified first. */
export const PRODUCT_SORTING = { ColumnName: 'ModifiedOn', Direction: '1' } as const;

/** One row of the answer; undefined for a row with neither an id nor a SKU. */
export function productOf(row: unknown): Product | undefined {
	if (!isRecord(row)) return undefined;
	const id = textOrNumber(pick(row, 'ProductId', 'Id', 'ID', 'ProductID'));
	const sku = textOrNumber(pick(row, 'ProductSku', 'Sku', 'SKU', 'ProductSKU', 'ProductCode'));
	if (id === undefined && sku === undefined) return undefined;
	const name = textOrNumber(pick(row, 'Name', 'ProductName', 'DisplayName'));
	const description = textOrNumber(pick(row, 'Description'));
	return {
		...(id !== undefined ? { id } : {}),
		sku: sku ?? id ?? '',
		name: name ?? sku ?? id ?? '',
		...(description !== undefined ? { description } : {}),
	};
}

/**
 * RetrieveProducts' answer as a page of products: `{RecordCount, List}` (the sandbox's default form), a bare
 * array (its other form), or the rows under `Products`, `Message` or `Data`; undefined for anything else.
 */
export function readProducts(answer: unknown): Page<Product> | undefined {
	let list: unknown = answer;
	let total: number | undefined;
	if (isRecord(answer)) {
		list = ['List', 'Products', 'Message', 'Data', 'Result'].map((key) => pick(answer, key)).find(Array.isArray);
		const count = Number(pick(answer, 'RecordCount', 'TotalRecords', 'Total'));
		if (Number.isFinite(count) && pick(answer, 'RecordCount', 'TotalRecords', 'Total') !== null) total = count;
	}
	if (!Array.isArray(list)) return undefined;
	const rows = list.map(productOf).filter((product): product is Product => product !== undefined);
	return { rows, ...(total !== undefined ? { total } : {}) };
}

/** A product's key for lists and repeats: its id, else its SKU. */
export function productKey(product: Product): string {
	return product.id ?? `sku:${product.sku}`;
}

/**
 * The product `ref` names among `products`: by id, ignoring letter case; by SKU, the exact SKU (spaces around
 * ignored), else the one product whose SKU differs only in letter case. Undefined when none (or two differing
 * only in case) match.
 */
export function findProduct(products: readonly Product[], ref: ProductRef): Product | undefined {
	const wanted = ref.value.trim();
	if (ref.by === 'id') return products.find((product) => product.id?.toLowerCase() === wanted.toLowerCase());
	const exact = products.find((product) => product.sku.trim() === wanted);
	if (exact) return exact;
	const loose = products.filter((product) => product.sku.trim().toLowerCase() === wanted.toLowerCase());
	return loose.length === 1 ? loose[0] : undefined;
}

/** `Engineering Course (SKU ENG-101)`. */
export function productLabel(product: Product): string {
	return product.name && product.name !== product.sku ? `${product.name} (SKU ${product.sku})` : `SKU ${product.sku}`;
}

/** How a product reference reads in messages: `SKU "ENG-101"`, `ID "3439…"`. */
export function refLabel(ref: ProductRef): string {
	return `${ref.by === 'sku' ? 'SKU' : 'ID'} "${ref.value}"`;
}
