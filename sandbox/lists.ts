/**
 * The account's lead lists (§11.1 of the contract): static lists hold the leads added to them;
 * dynamic and refreshable lists hold the leads matching a criterion (or fixed seed members, or every
 * lead). System lists [INF]: 'Starred Leads' (static) and 'All Leads' (dynamic), with the ids of the
 * documented Lists.Get sample.
 */
import { randomUUID } from 'node:crypto';
import type { FieldRegistry } from './fields';
import type { LeadStore } from './leads';
import { compileCriterion, isSearchError, type Criterion, type MatchSettings } from './search';
import type { LeadRecord, ListSeed, SandboxList } from './types';

export type ListType = 'static' | 'dynamic' | 'refreshable';

/** ListType numbers of Lists.Get. */
export const LIST_TYPE_CODES: Record<ListType, number> = { static: 0, dynamic: 1, refreshable: 2 };

export interface StoredList {
	id: string;
	name: string;
	type: ListType;
	description: string;
	/** ProspectIDs in the order they were added; undefined = membership by criteria (or every lead). */
	members?: string[];
	criteria?: Criterion;
}

/** What membership is evaluated against. */
export interface ListContext {
	store: LeadStore;
	fields: FieldRegistry;
	settings: MatchSettings;
}

const SYSTEM_LISTS: StoredList[] = [
	{
		id: '3c6f3d0b-8374-11e7-ab78-02de49b06427',
		name: 'Starred Leads',
		type: 'static',
		description: 'List of leads which are Starred by you.',
		members: [],
	},
	{ id: '3c6f4134-8374-11e7-ab78-02de49b06427', name: 'All Leads', type: 'dynamic', description: 'All leads you have access to' },
];

export class ListStore {
	private lists: StoredList[] = [];

	clear(): void {
		this.lists = [];
	}

	/** Adds the system lists (when wanted) and the seeds. Throws for a seed naming an unknown lead or a bad criterion. */
	seed(seeds: ListSeed[], systemLists: boolean, ctx: ListContext): void {
		if (systemLists) for (const list of SYSTEM_LISTS) this.lists.push(structuredClone(list));
		for (const seed of seeds) {
			if (seed.criteria) {
				const compiled = compileCriterion(ctx.fields, seed.criteria, ctx.settings);
				if (isSearchError(compiled)) throw new Error(`sandbox: list '${seed.name}': ${compiled.message}`);
			}
			const list: StoredList = {
				id: seed.id ?? randomUUID(),
				name: seed.name,
				type: seed.type,
				description: seed.description ?? '',
				criteria: seed.criteria ? { ...seed.criteria } : undefined,
			};
			if (seed.leadIds || seed.type === 'static') {
				list.members = [];
				for (const ref of seed.leadIds ?? []) {
					const lead = ctx.store.byId(ref) ?? findByEmail(ctx.store, ref);
					if (!lead) throw new Error(`sandbox: list '${seed.name}' names an unknown lead '${ref}'`);
					const id = String(lead.ProspectID);
					if (!list.members.includes(id)) list.members.push(id);
				}
			}
			this.lists.push(list);
		}
	}

	all(): StoredList[] {
		return this.lists;
	}

	/** Creates an empty static list (CreateEmptyList). */
	createStatic(name: string, description: string): StoredList {
		const list: StoredList = { id: randomUUID(), name, type: 'static', description, members: [] };
		this.lists.push(list);
		return list;
	}

	/** A list by id, any casing. */
	byId(id: string): StoredList | undefined {
		const lower = id.trim().toLowerCase();
		return this.lists.find((l) => l.id.toLowerCase() === lower);
	}

	/** The current member leads, in membership order (criteria lists: creation order). */
	members(list: StoredList, ctx: ListContext): LeadRecord[] {
		if (list.members) return list.members.map((id) => ctx.store.byId(id)).filter((l): l is LeadRecord => l !== undefined);
		if (!list.criteria) return ctx.store.records();
		const predicate = compileCriterion(ctx.fields, list.criteria, ctx.settings);
		return isSearchError(predicate) ? [] : ctx.store.records().filter(predicate);
	}

	/** Adds leads (ProspectIDs as stored) to a list with fixed members; returns how many were not members yet. */
	add(list: StoredList, leadIds: string[]): number {
		list.members ??= [];
		let added = 0;
		for (const id of leadIds) {
			if (list.members.some((m) => m.toLowerCase() === id.toLowerCase())) continue;
			list.members.push(id);
			added++;
		}
		return added;
	}

	/** Removes one lead from a list; false when it was not a member. */
	remove(list: StoredList, leadId: string): boolean {
		const lower = leadId.toLowerCase();
		const before = list.members?.length ?? 0;
		if (list.members) list.members = list.members.filter((m) => m.toLowerCase() !== lower);
		return (list.members?.length ?? 0) < before;
	}

	/** Removes every member of a list with fixed members. */
	empty(list: StoredList): void {
		if (list.members) list.members = [];
	}

	/** Removes a (deleted) lead from every list. */
	removeLead(leadId: string): void {
		for (const list of this.lists) this.remove(list, leadId);
	}

	snapshot(ctx: ListContext): SandboxList[] {
		return this.lists.map((l) => ({
			id: l.id,
			name: l.name,
			type: l.type,
			description: l.description,
			leadIds: this.members(l, ctx).map((lead) => String(lead.ProspectID)),
		}));
	}
}

function findByEmail(store: LeadStore, email: string): LeadRecord | undefined {
	const lower = email.trim().toLowerCase();
	return store.records().find((l) => typeof l.EmailAddress === 'string' && l.EmailAddress.toLowerCase() === lower);
}
