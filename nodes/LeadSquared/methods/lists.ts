import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isListType } from '../model/list/catalogue';
import type { ListTypeName } from '../model/list/catalogue';
import { LeadSquaredClient } from '../transport';
import { getLists, LIST_TYPES } from '../transport/lists';
import { DESIGN_TIME } from './designTime';

function leads(count: number): string {
	return `${count} lead${count === 1 ? '' : 's'}`;
}

/**
 * The account's lists of one type (or all) for a List parameter (Lists.Get; the search box is sent as
 * SearchText), a page at a time. The next page is offered while pages bring lists; the token carries the
 * first list of the page, so an answer that repeats a page ends the list instead of repeating it.
 */
async function searchLists(
	context: ILoadOptionsFunctions,
	type: ListTypeName | undefined,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const [pageText, previousFirst] = (paginationToken ?? '').split('|');
	const pageIndex = /^\d+$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	const searchText = (filter ?? '').trim();
	const rows = await getLists(client, { pageIndex, listType: type && LIST_TYPES[type], searchText: searchText || undefined });
	if (rows.length === 0 || (previousFirst !== undefined && rows[0].id === previousFirst)) return { results: [] };
	const results = rows
		.filter((row) => isListType(row.type, type))
		.map((row) => {
			// Static lists: the number of leads; other types also say which they are.
			const about = [type ? undefined : row.type.trim().toLowerCase() || undefined, row.memberCount === undefined ? undefined : leads(row.memberCount)];
			const description = about.filter((part) => part !== undefined).join(', ');
			return { name: row.name || row.id, value: row.id, ...(description ? { description } : {}) };
		});
	return { results, paginationToken: `${pageIndex + 1}|${rows[0].id}` };
}

/** The account's static lists (Lists.Get with ListType 0), for the lists that take leads one by one. */
export async function searchStaticLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchLists(this, 'static', filter, paginationToken);
}

/** Every list of the account (static, dynamic, refreshable), for reading a list's leads. */
export async function searchAllLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchLists(this, undefined, filter, paginationToken);
}
