/**
 * The order of records that tie on the sort column. LeadSquared orders them differently on every call
 * (contract §12.4: "ordering by CreatedOn is unstable on ties", [OBS] public client code; the review of
 * issue 17 measured repeats and skips when paging tied leads and activities), so by default the sandbox
 * shuffles them anew on every call (`unstableTieOrder`, default true). With the option off, ties keep a
 * stable order (creation or write order), so consecutive pages never overlap.
 */

/**
 * Sorts `items` in place by `compare`; items it finds equal come in a new random order on every call
 * when `unstable`, else by `stable`.
 */
export function sortWithTies<T>(items: T[], compare: (a: T, b: T) => number, unstable: boolean, stable: (a: T, b: T) => number): T[] {
	const shuffle = unstable ? new Map(items.map((item) => [item, Math.random()])) : undefined;
	const tie = shuffle ? (a: T, b: T): number => (shuffle.get(a) as number) - (shuffle.get(b) as number) : stable;
	return items.sort((a, b) => compare(a, b) || tie(a, b));
}

/** Texts in code-unit order (dates as 'yyyy-MM-dd HH:mm:ss' sort as dates). */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
