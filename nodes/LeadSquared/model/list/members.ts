/**
 * The leads in a list (`Leads/Retrieve/BySearchParameter` with a ListId, [DOC get-leads-in-a-list-2]):
 * the request body of one page, and the order pages are read in. Leads are read in creation order
 * (ProspectAutoId, unique), so no lead moves between pages while they are read; the reading itself (ends,
 * gaps, refused page sizes) is machinery/pager.ts's. Pure: no n8n imports.
 */
import type { Failure } from '../../machinery/errors';
import { listRefused } from '../lead/failures';
import { TIE_BREAKER } from '../lead/search';

/** Leads per call: what a public client of real accounts pages by [CODE WCS-lib] (no maximum is documented). */
export const MEMBER_PAGE_SIZE = 200;
/** The largest page the user may choose, and the node asks for when it reads a list again [INF: Leads.Get's 5000]. */
export const MEMBER_MAX_PAGE_SIZE = 5000;

export interface MembersPage {
	listId: string;
	/** Include_CSV; undefined = every field. */
	columns?: string[];
	/** Newest first (ProspectAutoId descending). */
	newestFirst: boolean;
	pageIndex: number;
	pageSize: number;
}

/**
 * The body of one page. RetrieveBehaviour is left to LeadSquared's default (1: with RecordCount, which
 * tells the node how many leads the list holds, so that a lead missing from every page is noticed).
 */
export function membersBody(page: MembersPage): Record<string, unknown> {
	return {
		SearchParameters: { ListId: page.listId },
		...(page.columns ? { Columns: { Include_CSV: page.columns.join(',') } } : {}),
		Sorting: { ColumnName: TIE_BREAKER, Direction: page.newestFirst ? '1' : '0' },
		Paging: { PageIndex: page.pageIndex, PageSize: page.pageSize },
	};
}

const DOES_NOT_EXIST = /(does not|doesn't|do not) exist|not found|no such|invalid list/i;

/** LeadSquared's "List does not exist in the system", said with the list's id; undefined for other failures. */
export function unknownList(failure: Failure, listId: string): Failure | undefined {
	const said = failure.exceptionMessage ?? '';
	if (failure.kind !== 'business' || !/list/i.test(said) || !DOES_NOT_EXIST.test(said)) return undefined;
	return listRefused(failure, listId, null);
}
