/**
 * Lead → Get Many with a Limit and a Sort By field that leads share (City): the first N leads in that
 * order, tied leads in creation order (ProspectAutoId), exactly as if the node had sorted every matching
 * lead. LeadSquared orders leads tied on the field differently on every call (contract §12.4): paging by
 * the field alone brings some tied leads twice and others never, so the result would hold leads from
 * further down and could stop short of the Limit although enough leads match.
 *
 * LeadSquared does order the values, so its pages show which values come first and how many leads hold
 * each: the node reads pages sorted by the field, groups their leads by value, and takes the groups in
 * order until it has the Limit. A group that lies wholly inside one answer (neither its first nor its last
 * value, unless at the start or the end of the list) came complete. A group cut by a page edge is read on
 * its own, whole or up to the leads still needed, in ProspectAutoId order (unique, so pages are exact):
 * `field = value`, or for the empty value (no condition can ask for it) the search's own condition with
 * the field checked by the node. On those reads the node checks every condition of the search itself.
 * Pure: no n8n imports.
 */
import { leadKey, leadList } from './paging';
import type { Page } from './paging';
import { allConditions, sortLeads, storedKey, TIE_BREAKER } from './search';
import type { Condition, SortOrder } from './search';
import { ListRead, readList } from '../../machinery/pager';
import type { Slice } from '../../machinery/pageReader';

type Lead = Record<string, unknown>;

export interface TiedInput {
	sort: SortOrder;
	limit: number;
	pageSize: number;
	/** The condition sent to LeadSquared with the search. */
	condition: Condition;
	/** Every condition of the search (the node checks them on the reads of a group); none = every lead. */
	conditions: Condition[];
	/** The node's checks on the search's pages (its conditions after the first), when there are any. */
	accept?: (lead: Lead) => boolean;
	/** One page of `Leads.Get` with this condition and order. */
	fetch(condition: Condition, sort: { field: string; descending: boolean }, pageIndex: number, pageSize: number): Promise<Page>;
}

interface Group {
	key: string;
	/** The value as LeadSquared takes it in a condition; undefined for the empty value. */
	value?: string;
	members: Map<string, Lead>;
	complete: boolean;
}

const CREATION: SortOrder = { column: { field: TIE_BREAKER, kind: 'number' }, descending: false };

class TiedRead {
	private readonly groups: Group[] = [];
	private readonly byKey = new Map<string, Group>();
	private readonly result: Lead[] = [];
	private next = 0;

	constructor(private readonly input: TiedInput) {}

	private keyOf(lead: Lead): { key: string; value?: string } {
		const { column } = this.input.sort;
		const key = storedKey(lead, column);
		if (key === null) return { key: 'empty' };
		const raw = lead[column.field] ?? lead[Object.keys(lead).find((name) => name.toLowerCase() === column.field.toLowerCase()) ?? ''];
		// Numbers and true/false as LeadSquared compares them (a boolean filter takes 1/0, not "true" [live]).
		const value = column.kind === 'number' || column.kind === 'boolean' ? String(key) : String(raw);
		return { key: `${typeof key}:${String(key)}`, value };
	}

	/** Groups the leads of one answer; a group not touching an open edge of the answer is complete. */
	private record(slice: Slice<Lead>, atEnd: boolean): void {
		const keys = slice.rows.map((lead) => this.keyOf(lead));
		keys.forEach(({ key, value }, index) => {
			let group = this.byKey.get(key);
			if (!group) {
				group = { key, value, members: new Map(), complete: false };
				this.byKey.set(key, group);
				this.groups.push(group);
			}
			group.members.set(leadKey(slice.rows[index]), slice.rows[index]);
		});
		const first = slice.position > 0 ? keys[0]?.key : undefined;
		const last = atEnd ? undefined : keys[keys.length - 1]?.key;
		for (const { key } of keys) if (key !== first && key !== last) (this.byKey.get(key) as Group).complete = true;
	}

	/** The group's leads the search keeps, in creation order, at most `need`. */
	private async membersOf(group: Group, need: number): Promise<Lead[]> {
		const { input } = this;
		if (group.complete) {
			const kept = [...group.members.values()].filter((lead) => !input.accept || input.accept(lead));
			return sortLeads(kept, CREATION).slice(0, need);
		}
		const { column } = input.sort;
		const condition: Condition =
			group.value === undefined ? input.condition : { field: column.field, kind: column.kind, operator: '=', value: group.value };
		const conditions = allConditions(input.conditions);
		const { rows } = await readList(
			leadList({
				pageSize: input.accept || group.value === undefined ? input.pageSize : Math.min(input.pageSize, need),
				limit: need,
				accept: (lead) => this.keyOf(lead).key === group.key && conditions(lead),
				fetch: async (pageIndex, pageSize) => await input.fetch(condition, { field: TIE_BREAKER, descending: false }, pageIndex, pageSize),
			}),
		);
		return rows;
	}

	/** Takes the groups whose place is settled, in order; true once the limit is reached. */
	private async settle(all: boolean): Promise<boolean> {
		while (this.next < this.groups.length && (all || this.next < this.groups.length - 1)) {
			const need = this.input.limit - this.result.length;
			this.result.push(...(await this.membersOf(this.groups[this.next], need)));
			if (this.result.length >= this.input.limit) return true;
			this.next++;
		}
		return false;
	}

	async run(): Promise<Lead[]> {
		const { input } = this;
		const order = { field: input.sort.column.field, descending: input.sort.descending };
		const list = new ListRead(
			leadList({ pageSize: input.pageSize, fetch: async (pageIndex, pageSize) => await input.fetch(input.condition, order, pageIndex, pageSize) }),
		);
		for (;;) {
			const slice = await list.reader.read(list.position);
			const more = list.take(slice);
			this.record(slice, !more);
			// Without conditions of the node's own, the leads up to the Limit's position decide every group needed.
			const settled = !more || (!input.accept && list.position >= input.limit);
			if ((await this.settle(settled)) || !more) return this.result.slice(0, input.limit);
		}
	}
}

/** The first `limit` leads by the sort field, ties in creation order; see the file comment. */
export async function collectTied(input: TiedInput): Promise<Lead[]> {
	return await new TiedRead(input).run();
}
