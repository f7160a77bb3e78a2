/**
 * The account's lists as `Lists.Get` gives them: a page at a time by PageIndex (from 1), of a size
 * LeadSquared does not state and the call does not take, with no total. Reading them all therefore ends
 * at an empty page, at a page shorter than an earlier one (the last), or at a page that brings no list
 * not seen before (an API that ignores PageIndex repeats its page); repeats are dropped by ListId.
 * Pure: no n8n imports.
 */
import { LeadSquaredError } from '../../machinery/errors';

/** ListType of Lists.Get, by the name the node shows. */
export const LIST_TYPE_CODES = { static: '0', dynamic: '1', refreshable: '2' } as const;

export type ListTypeName = keyof typeof LIST_TYPE_CODES;

/** Pages read before the node gives up rather than page forever. */
export const MAX_LIST_PAGES = 500;

export interface CatalogueRow {
	id: string;
	name: string;
	type: string;
}

/**
 * Whether a row's ListType is the one asked for: LeadSquared answers "static" / "dynamic" (documented),
 * perhaps the code (0, 1, 2); a row without a type is kept (the filter went to LeadSquared).
 */
export function isListType(rowType: string, wanted: ListTypeName | undefined): boolean {
	const type = rowType.trim().toLowerCase();
	return wanted === undefined || type === '' || type === wanted || type === LIST_TYPE_CODES[wanted];
}

/** List names as LeadSquared compares them for CreateEmptyList: ignoring letter case and the spaces around [INF]. */
export function sameListName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface CatalogueRead<T extends CatalogueRow> {
	/** One page of Lists.Get (PageIndex from 1). */
	fetch(pageIndex: number): Promise<T[]>;
	/** Lists the node keeps (its own type filter); all when absent. */
	accept?(row: T): boolean;
	/** Lists wanted; undefined = all. */
	limit?: number;
	/** Stops at the first list for which this is true (it is returned last). */
	until?(row: T): boolean;
}

/** Every list of the account (or the first `limit` the node keeps), each once, in LeadSquared's order. */
export async function readCatalogue<T extends CatalogueRow>(read: CatalogueRead<T>): Promise<{ rows: T[]; calls: number }> {
	const seen = new Set<string>();
	const rows: T[] = [];
	let largest = 0;
	for (let pageIndex = 1; pageIndex <= MAX_LIST_PAGES; pageIndex++) {
		const page = await read.fetch(pageIndex);
		if (page.length === 0) return { rows, calls: pageIndex };
		const fresh = page.filter((row) => !seen.has(row.id.toLowerCase()));
		for (const row of fresh) {
			seen.add(row.id.toLowerCase());
			if (read.accept && !read.accept(row)) continue;
			rows.push(row);
			if (read.until?.(row) || (read.limit !== undefined && rows.length >= read.limit)) return { rows, calls: pageIndex };
		}
		if (fresh.length === 0 || page.length < largest) return { rows, calls: pageIndex };
		largest = Math.max(largest, page.length);
	}
	throw new LeadSquaredError({
		kind: 'unexpected',
		httpCode: 200,
		message: `LeadSquared's Lists.Get brought new lists on ${MAX_LIST_PAGES} pages in a row; the node stopped instead of reading pages forever`,
		description: 'Narrow the read with List Type or Search Text, or set a Limit.',
	});
}
