/**
 * LeadSquared's sales activity endpoints (`SalesActivity.svc`, leadsquared-api-more.md §3): create, update,
 * read by id, read a lead's, cancel, and the account's products (for the product picker and the checks).
 */
import { readList } from '../machinery/pager';
import type { Page } from '../machinery/pager';
import type { CreateSaleBody, UpdateSaleBody } from '../model/sales/lines';
import { PRODUCT_SORTING, productKey, readProducts } from '../model/sales/products';
import type { Product } from '../model/sales/products';
import { saleList } from '../model/sales/records';
import type { LeadSquaredClient } from './index';
import { messageId, statusOf, unconfirmedWrite, unexpectedAnswer } from './shape';

const SA = 'SalesActivity.svc/';

/** `POST Create` [DOC] → the new sales activity's id (`Message.Id`). Never sent twice (a second sale would be worse than a failed item). */
export async function createSale(client: LeadSquaredClient, body: CreateSaleBody): Promise<{ status: string; salesActivityId: string }> {
	const answer = await client.request({ method: 'POST', path: `${SA}Create`, body, idempotent: false, write: true });
	const salesActivityId = messageId(answer);
	if (salesActivityId === undefined) {
		throw unconfirmedWrite(
			'SalesActivity.svc/Create',
			'no sales activity id (Message.Id)',
			"The sales activity may or may not have been created: look at the lead's sales activities before running the item again.",
		);
	}
	return { status: statusOf(answer), salesActivityId };
}

/** `POST Update` [DOC] → `{"Status":"Success","Message":{"AffectedRows":0}}` (0 in the documented sample whatever changed, so not read). */
export async function updateSale(client: LeadSquaredClient, body: UpdateSaleBody): Promise<string> {
	return statusOf(await client.request({ method: 'POST', path: `${SA}Update`, body, write: true }));
}

/** `GET RetrieveActivity?activityId=` [DOC]: the sale object with its `Fields`, as answered. */
export async function retrieveSale(client: LeadSquaredClient, salesActivityId: string): Promise<unknown> {
	return await client.request({ method: 'GET', path: `${SA}RetrieveActivity`, query: { activityId: salesActivityId } });
}

/**
 * `GET RetrieveByLeadId?leadId=&includeOption=false`: the parameters are [DOC], the path [CODE] (two public
 * clients). No paging is documented: one answer holds every sale of the lead.
 */
export async function salesOfLead(client: LeadSquaredClient, leadId: string): Promise<unknown[]> {
	const answer = await client.request({ method: 'GET', path: `${SA}RetrieveByLeadId`, query: { leadId, includeOption: 'false' } });
	const list = saleList(answer);
	if (!list) throw unexpectedAnswer('SalesActivity.svc/RetrieveByLeadId', 'not a list of sales activities');
	return list;
}

/**
 * `POST Cancel` `{activityId, activityEventNote}` [DOC] → `{"Status":"Success","Message":{"Id"}}`, an id that is
 * not the sale's (the documented sample): the cancellation LeadSquared records. Not sent twice.
 */
export async function cancelSale(client: LeadSquaredClient, salesActivityId: string, note: string): Promise<{ status: string; cancellationId: string | null }> {
	const answer = await client.request({ method: 'POST', path: `${SA}Cancel`, body: { activityId: salesActivityId, activityEventNote: note }, idempotent: false, write: true });
	return { status: statusOf(answer), cancellationId: messageId(answer, { bareId: true }) ?? null };
}

/** The product filters of RetrieveProducts [CODE php-library sample]: a search text (SKU, name or description), or one exact key. */
export type ProductFilter = { SearchText: string } | { Id: string } | { ProductSku: string };

/** One page of `POST RetrieveProducts` (most recently modified first, as the PHP library sample sorts). */
export async function retrieveProducts(client: LeadSquaredClient, filter: ProductFilter, pageIndex: number, pageSize: number): Promise<Page<Product>> {
	const answer = await client.request({
		method: 'POST',
		path: `${SA}RetrieveProducts`,
		body: { Parameter: filter, Sorting: PRODUCT_SORTING, Paging: { PageIndex: pageIndex, PageSize: pageSize } },
	});
	const page = readProducts(answer);
	if (!page) throw unexpectedAnswer('SalesActivity.svc/RetrieveProducts', 'not a list of products');
	return page;
}

/** Products per RetrieveProducts call [INF: the sample asks for 10; no limit is documented]. */
export const PRODUCT_PAGE_SIZE = 100;

/**
 * Every product matching `filter` (or the first `limit`), each once, page after page: products modified at
 * the same moment come back in a new order on every call, and the shared list reader fills the gaps that
 * leaves or fails; it never returns part of the list as if it were all.
 */
export async function listProducts(client: LeadSquaredClient, filter: ProductFilter, limit?: number): Promise<Product[]> {
	const { rows } = await readList<Product>({
		addressing: 'pages',
		fetch: async (pageIndex, pageSize) => await retrieveProducts(client, filter, pageIndex, pageSize),
		idOf: productKey,
		pageSize: PRODUCT_PAGE_SIZE,
		maxPageSize: 1000,
		limit,
		noun: 'products',
	});
	return rows;
}
