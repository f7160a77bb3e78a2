/**
 * Defaults and resolution of the options of lead search (Leads.Get), lead deletion and lists.
 * `options.ts` merges them into ResolvedOptions; the meaning of each is documented in types.ts.
 */
import type { ListSeed, SandboxOptions } from './types';

export interface ListSearchOptions {
	leadDeletionEnabled: boolean;
	leadSearchMaxPageSize: number;
	leadSearchResponse: 'array' | 'recordCount';
	leadSearchAlwaysProspectId: boolean;
	likeMatchesContains: boolean;
	emptyMatchesNotEqual: boolean;
	booleanWordsInFilters: 'internalError' | 'accept';
	unstableTieOrder: boolean;
	lists: ListSeed[];
	systemLists: boolean;
	listsPageSize: number;
	listUnknownLeads: 'error' | 'ignore';
	listRemoveNonMember: 'success' | 'error';
}

export function listSearchDefaults(): ListSearchOptions {
	return {
		leadDeletionEnabled: false,
		leadSearchMaxPageSize: 5000,
		leadSearchResponse: 'array',
		leadSearchAlwaysProspectId: true,
		likeMatchesContains: false,
		emptyMatchesNotEqual: false,
		booleanWordsInFilters: 'internalError',
		unstableTieOrder: true,
		lists: [],
		systemLists: true,
		listsPageSize: 100,
		listUnknownLeads: 'error',
		listRemoveNonMember: 'success',
	};
}

/** Writes into `next` the keys present in `partial`; a key given as undefined goes back to its default. */
export function mergeListSearchOptions(next: ListSearchOptions, partial: Partial<SandboxOptions>): void {
	const defaults = listSearchDefaults();
	const target = next as unknown as Record<string, unknown>;
	const given = partial as Record<string, unknown>;
	for (const key of Object.keys(defaults) as Array<keyof ListSearchOptions>) {
		if (!Object.prototype.hasOwnProperty.call(partial, key)) continue;
		target[key] = structuredClone(given[key] ?? defaults[key]);
	}
}
