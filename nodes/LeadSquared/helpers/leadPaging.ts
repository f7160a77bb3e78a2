/**
 * Lead → Get Many's paging: which order to ask LeadSquared for, how many leads per call, and reading page
 * after page until the last one (or the limit) without ever returning a lead twice or looping forever.
 *
 * - Pages are read in a unique, stable order whenever possible (ProspectAutoId), so no lead moves between
 *   pages while they are read. With Return All and a Sort By field that is not unique, LeadSquared is asked
 *   for ProspectAutoId order and the node sorts the complete result itself (LeadSquared may order leads
 *   tied on the sort field differently on every call, which would repeat some leads and skip others).
 * - Leads are told apart by their lead ID (ProspectID): one seen on an earlier page is dropped.
 * - The last page is the first one with fewer leads than asked for, or the one that reaches RecordCount
 *   when LeadSquared reports it.
 * Pure: no n8n imports.
 */
import { LeadSquaredError } from './errors';
import { leadIdOf } from './leadLookup';
import { isUniqueColumn, TIE_BREAKER } from './leadSearch';
import type { SortOrder } from './leadSearch';
import { settle } from './scheduler';

export const DEFAULT_PAGE_SIZE = 1000;
/** LeadSquared's largest page for lead reads (documented for Leads.RecentlyModified; [INF] for Leads.Get). */
export const MAX_PAGE_SIZE = 5000;
/** Full pages in a row that bring no new lead before the node concludes LeadSquared ignores PageIndex. */
export const MAX_STALE_PAGES = 3;

type Lead = Record<string, unknown>;

export interface SearchPlan {
	pageSize: number;
	/** The order sent to LeadSquared. */
	serverSort: { field: string; descending: boolean };
	/** The order the node puts the complete result in (Return All sorted by a field that is not unique). */
	nodeSort?: SortOrder;
	/** Leads wanted; undefined = all. */
	limit?: number;
}

export interface PlanInput {
	returnAll: boolean;
	limit: number;
	/** The Page Size option. */
	pageSize: number;
	/** Whether the node checks conditions of its own on each page (then a page may yield fewer leads than it holds). */
	filtersInNode: boolean;
	/** Sort By; undefined = LeadSquared's creation order (ProspectAutoId). */
	sort?: SortOrder;
	/** Sort Direction when there is no Sort By field. */
	descending: boolean;
}

export function planSearch(input: PlanInput): SearchPlan {
	const limit = input.returnAll ? undefined : input.limit;
	const pageSize = limit === undefined || input.filtersInNode ? input.pageSize : Math.min(limit, input.pageSize);
	const { sort } = input;
	if (!sort) return { pageSize, limit, serverSort: { field: TIE_BREAKER, descending: input.descending } };
	if (isUniqueColumn(sort.column.field) || limit !== undefined) {
		return { pageSize, limit, serverSort: { field: sort.column.field, descending: sort.descending } };
	}
	return { pageSize, limit, serverSort: { field: TIE_BREAKER, descending: false }, nodeSort: sort };
}

export interface Page {
	leads: Lead[];
	/** Leads matching in all, when LeadSquared says. */
	recordCount?: number;
}

export interface CollectInput {
	pageSize: number;
	limit?: number;
	/** The node's own conditions; every lead when absent. */
	accept?: (lead: Lead) => boolean;
	/** Reads one page (PageIndex from 1). */
	fetch(pageIndex: number, pageSize: number): Promise<Page>;
}

export interface Collected {
	leads: Lead[];
	calls: number;
	/** Leads LeadSquared returned again on a later page (dropped). */
	duplicates: number;
	/** The page size in the end (lower than asked when LeadSquared named a smaller maximum). */
	pageSize: number;
}

/** The largest page LeadSquared names when it refuses a page size ("PageSize can not be more than 5000"). */
export function maxPageSizeIn(error: unknown): number | undefined {
	if (!(error instanceof LeadSquaredError)) return undefined;
	const text = `${error.failure.exceptionMessage ?? ''} ${error.failure.message}`;
	const match = /page\s*size\D{0,40}?(\d+)/i.exec(text);
	const size = match ? Number(match[1]) : NaN;
	return Number.isInteger(size) && size >= 1 ? size : undefined;
}

/** A lead's identity for de-duplication: its lead ID, or the whole record when it has none. */
export function leadKey(lead: Lead): string {
	return leadIdOf(lead) ?? JSON.stringify(lead);
}

/** Reads pages until the last one or until `limit` leads passed `accept`. */
export async function collectPages(input: CollectInput): Promise<Collected> {
	const seen = new Set<string>();
	const leads: Lead[] = [];
	let { pageSize } = input;
	let calls = 0;
	let duplicates = 0;
	let stale = 0;
	for (let pageIndex = 1; ; pageIndex++) {
		calls++;
		let attempt = await settle(async () => await input.fetch(pageIndex, pageSize));
		const allowed = attempt.ok || pageIndex !== 1 ? undefined : maxPageSizeIn(attempt.error);
		if (allowed !== undefined && allowed < pageSize) {
			// LeadSquared refused the page size on the first call and named its maximum: ask again with it.
			pageSize = allowed;
			calls++;
			attempt = await settle(async () => await input.fetch(pageIndex, pageSize));
		}
		if (!attempt.ok) throw attempt.error;
		const page = attempt.value;
		let fresh = 0;
		for (const lead of page.leads) {
			const key = leadKey(lead);
			if (seen.has(key)) {
				duplicates++;
				continue;
			}
			seen.add(key);
			fresh++;
			if (input.accept && !input.accept(lead)) continue;
			leads.push(lead);
			if (input.limit !== undefined && leads.length >= input.limit) return { leads, calls, duplicates, pageSize };
		}
		if (page.leads.length < pageSize) break;
		if (page.recordCount !== undefined && pageIndex * pageSize >= page.recordCount) break;
		stale = fresh === 0 ? stale + 1 : 0;
		if (stale >= MAX_STALE_PAGES) {
			throw new LeadSquaredError({
				kind: 'unexpected',
				httpCode: 200,
				message: `LeadSquared returned only leads already read on ${stale} full pages in a row (up to page ${pageIndex}); the node stopped instead of reading pages forever`,
				description: 'LeadSquared seems to ignore the page number. Set a Limit, or narrow the search with a condition.',
			});
		}
	}
	return { leads, calls, duplicates, pageSize };
}
