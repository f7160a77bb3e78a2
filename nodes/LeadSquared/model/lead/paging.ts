/**
 * Lead → Get Many's paging: which order to ask LeadSquared for, how many leads per call, and reading page
 * after page until the last one (or the limit) without ever returning a lead twice or looping forever.
 *
 * - Pages are read in a unique, stable order whenever possible (ProspectAutoId), so no lead moves between
 *   pages while they are read. With Return All and a Sort By field that is not unique, LeadSquared is asked
 *   for ProspectAutoId order and the node sorts the complete result itself (LeadSquared may order leads
 *   tied on the sort field differently on every call, which would repeat some leads and skip others).
 *   With a Limit and such a field, LeadSquared pages by the field and the node reads the groups of tied
 *   leads it needs in ProspectAutoId order (leadTies.ts).
 * - Leads are told apart by their lead ID (ProspectID); the reading itself (ends, gaps, refused or
 *   failing page sizes) is pager.ts's.
 * Pure: no n8n imports.
 */
import { leadIdOf } from './lookup';
import { isUniqueColumn, TIE_BREAKER } from './search';
import type { SortOrder } from './search';
import { readList } from '../../machinery/pager';
import type { ListSpec } from '../../machinery/pager';

export const DEFAULT_PAGE_SIZE = 1000;
/** LeadSquared's largest page for lead reads (documented for Leads.RecentlyModified; [INF] for Leads.Get). */
export const MAX_PAGE_SIZE = 5000;

type Lead = Record<string, unknown>;

export interface SearchPlan {
	pageSize: number;
	/** The order sent to LeadSquared. */
	serverSort: { field: string; descending: boolean };
	/** The order the node puts the complete result in (Return All sorted by a field that is not unique). */
	nodeSort?: SortOrder;
	/** A Limit sorted by a field that is not unique: read by tied groups (leadTies.ts). */
	groups?: SortOrder;
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
	const bySortField = { field: sort.column.field, descending: sort.descending };
	if (isUniqueColumn(sort.column.field)) return { pageSize, limit, serverSort: bySortField };
	if (limit !== undefined) return { pageSize, limit, serverSort: bySortField, groups: sort };
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
	/** The page size in the end (lower than asked when LeadSquared named a smaller maximum or large pages failed). */
	pageSize: number;
}

/** A lead's identity for de-duplication: its lead ID, or the whole record when it has none. */
export function leadKey(lead: Lead): string {
	return leadIdOf(lead) ?? JSON.stringify(lead);
}

/** The `Leads.Get` read of pager.ts: pages by PageIndex up to MAX_PAGE_SIZE leads, leads told apart by lead ID. */
export function leadList(input: CollectInput): ListSpec<Lead> {
	return {
		addressing: 'pages',
		fetch: async (pageIndex, pageSize) => {
			const page = await input.fetch(pageIndex, pageSize);
			return { rows: page.leads, total: page.recordCount };
		},
		idOf: leadKey,
		pageSize: input.pageSize,
		maxPageSize: MAX_PAGE_SIZE,
		limit: input.limit,
		accept: input.accept,
		noun: 'leads',
	};
}

/** Reads pages until the last one or until `limit` leads passed `accept`; every lead once, in LeadSquared's order. */
export async function collectPages(input: CollectInput): Promise<Collected> {
	const { rows, calls, repeats, pageSize } = await readList(leadList(input));
	return { leads: rows, calls, duplicates: repeats, pageSize };
}
