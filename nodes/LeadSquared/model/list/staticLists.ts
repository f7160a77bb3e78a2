/**
 * Adding leads to a static list: several leads go in one `AddLeadsToStaticList` call, whose answer only
 * says how many were added ("Successfully added 2 lead(s) to list": leads already in the list are not
 * added again). What each item learns from that count is worked out here.
 * Pure: no n8n imports.
 */

/** N of "Successfully added N lead(s) to list", or undefined when the answer does not say. */
export function addedCount(answer: unknown): number | undefined {
	const message = (answer as { Message?: { Message?: unknown } } | null)?.Message?.Message;
	if (typeof message !== 'string') return undefined;
	const match = /added\s+(\d+)\s+lead/i.exec(message);
	return match ? Number(match[1]) : undefined;
}

/** What the add call means for one lead of it. */
export type AddResult = { ok: true; alreadyInList?: boolean } | { ok: false; unknown: true };

/**
 * Each lead's result of one add call of `leadIds` (distinct) that added `added` of them:
 * - all added: none was in the list before;
 * - fewer (or no count): leads LeadSquared does not know (`known`, when the caller could check) were not
 *   added; of the known ones, none added means all were in the list already, all added means none was; a
 *   count in between cannot say which, so `alreadyInList` is left out.
 */
export function addResults(leadIds: readonly string[], added: number | undefined, known?: ReadonlySet<string>): AddResult[] {
	if (added === leadIds.length) return leadIds.map(() => ({ ok: true, alreadyInList: false }));
	const isKnown = (id: string) => known === undefined || known.has(id.toLowerCase());
	const knownCount = leadIds.filter(isKnown).length;
	return leadIds.map((id): AddResult => {
		if (!isKnown(id)) return { ok: false, unknown: true };
		if (known === undefined || added === undefined) return { ok: true };
		if (added === 0) return { ok: true, alreadyInList: true };
		if (added === knownCount) return { ok: true, alreadyInList: false };
		return { ok: true };
	});
}

/** Entries grouped by list id (any casing), each group in input order, groups in order of first appearance. */
export function groupByList<T>(entries: readonly T[], listOf: (entry: T) => string): T[][] {
	const groups = new Map<string, T[]>();
	for (const entry of entries) {
		const key = listOf(entry).toLowerCase();
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	return [...groups.values()];
}
