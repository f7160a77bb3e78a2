import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LeadSquaredClient } from '../transport';
import { getLists, LIST_TYPES } from '../transport/lists';
import { DESIGN_TIME } from './designTime';

/**
 * The account's static lists for the List parameter (Lists.Get with ListType 0; the search box is sent as
 * SearchText), a page at a time. The next page is offered while pages bring lists; the token carries the
 * first list of the page, so an answer that repeats a page ends the list instead of repeating it.
 */
export async function searchStaticLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const [pageText, previousFirst] = (paginationToken ?? '').split('|');
	const pageIndex = /^\d+$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const searchText = (filter ?? '').trim();
	const rows = await getLists(client, { pageIndex, listType: LIST_TYPES.static, searchText: searchText || undefined });
	if (rows.length === 0 || (previousFirst !== undefined && rows[0].id === previousFirst)) return { results: [] };
	const results = rows
		.filter((row) => row.type.trim() === '' || row.type.trim().toLowerCase() === 'static')
		.map((row) => ({
			name: row.name || row.id,
			value: row.id,
			...(row.memberCount !== undefined ? { description: `${row.memberCount} lead${row.memberCount === 1 ? '' : 's'}` } : {}),
		}));
	return { results, paginationToken: `${pageIndex + 1}|${rows[0].id}` };
}
