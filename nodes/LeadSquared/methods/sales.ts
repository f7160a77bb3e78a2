/**
 * The account's products, for the Product picker of the sales activity operations (value: the ProductId).
 * RetrieveProducts searches SKU, name and description with the text typed [CODE php-library]; the first
 * PICKER_LIMIT products are listed, by name.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { productLabel } from '../model/sales/products';
import { LeadSquaredClient } from '../transport';
import { listProducts } from '../transport/salesActivities';
import { DESIGN_TIME } from './designTime';

/** Products listed at most (typing searches all of them). */
export const PICKER_LIMIT = 300;

export async function searchProducts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const products = await listProducts(client, { SearchText: (filter ?? '').trim() }, PICKER_LIMIT);
	const results = products.map((product) => ({
		name: productLabel(product),
		value: product.id ?? product.sku,
		...(product.description ? { description: product.description } : {}),
	}));
	return { results: results.sort((a, b) => a.name.localeCompare(b.name) || String(a.value).localeCompare(String(b.value))) };
}

