/**
 * The rows of `GetOpportunitiesOfLead`, in either form LeadSquared gives them (§12.2): the documented rows
 * (lead columns, `OpportunityEvent`, `OpportunityType`, the type's fields, all flat) and the rows seen on a
 * live account (`OpportunityId`, `RelatedProspectId`, the fields flat, dates; no `OpportunityEvent`).
 * When the node reads a lead's opportunities type by type (accounts that require `opportunityType`), the
 * types' rows are merged here: each opportunity once, newest first, cut to the Limit.
 * Pure: no n8n imports.
 */
import { isoOf } from '../../values/dates';

export type OpportunityRow = Record<string, unknown>;

/** The `Sorting` that makes each type's first rows its newest, so that merging them keeps the Limit's meaning [DOC: Direction 1 = most recent first]. */
export const NEWEST_FIRST = { ColumnName: 'CreatedOn', Direction: '1' } as const;

/** The opportunity's id: `OpportunityId` [DOC, live], else `ProspectOpportunityId`. */
export function opportunityIdOf(row: OpportunityRow): string | undefined {
	const id = row.OpportunityId ?? row.ProspectOpportunityId;
	return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

/**
 * A row as the node outputs it: as LeadSquared gave it, with the code of the type it was read for in
 * `OpportunityEvent` (text, as in the documented rows) when the row does not name its type (rows seen live),
 * so that Typed Values and later nodes know each row's type.
 */
export function opportunityRow(row: OpportunityRow, code: number | undefined): OpportunityRow {
	if (code === undefined || (row.OpportunityEvent !== undefined && row.OpportunityEvent !== null && row.OpportunityEvent !== '')) return row;
	return { ...row, OpportunityEvent: String(code) };
}

/** When the opportunity was created, for ordering; -Infinity when the row has no readable CreatedOn. */
function createdAt(row: OpportunityRow): number {
	const iso = isoOf(row.CreatedOn);
	return iso === undefined ? -Infinity : Date.parse(iso);
}

/**
 * Several types' rows as one list: each opportunity once (by id), newest first (rows without a readable
 * CreatedOn last, in the order read), at most `limit`. With each type read newest first and up to `limit`
 * rows, these are the lead's `limit` newest opportunities.
 */
export function newestFirst(lists: OpportunityRow[][], limit: number | undefined): OpportunityRow[] {
	const seen = new Set<string>();
	const rows: Array<{ row: OpportunityRow; index: number; at: number }> = [];
	for (const row of lists.flat()) {
		const id = opportunityIdOf(row)?.toLowerCase();
		if (id !== undefined) {
			if (seen.has(id)) continue;
			seen.add(id);
		}
		rows.push({ row, index: rows.length, at: createdAt(row) });
	}
	rows.sort((a, b) => (a.at === b.at ? a.index - b.index : b.at - a.at));
	return (limit === undefined ? rows : rows.slice(0, limit)).map(({ row }) => row);
}
