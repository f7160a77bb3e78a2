/**
 * The events of lead changes (events.ts): lead.created and lead.updated after every successful write
 * (single, bulk row, Create, Update), lead.deleted after a delete.
 */
import type { SandboxEvents } from './events';
import type { LeadStore } from './leads';
import type { LeadRecord } from './types';

/** Maintained by the system on every write; never reported as a change. */
const BOOKKEEPING = new Set(['ModifiedOn']);

/** The keys whose value differs between two versions of a lead (a CFS compares by content). */
export function changedKeys(before: LeadRecord, after: LeadRecord): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	const changed: string[] = [];
	for (const key of keys) {
		if (BOOKKEEPING.has(key)) continue;
		if (comparable(before[key]) !== comparable(after[key])) changed.push(key);
	}
	return changed;
}

function comparable(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Emits lead.created, or lead.updated with `changed` (possibly empty) and the `before` values of those fields. */
export function emitLeadWrite(events: SandboxEvents, store: LeadStore, id: string, created: boolean, before: LeadRecord | undefined, at: number): void {
	const lead = store.byId(id);
	if (!lead) return;
	const data = structuredClone(lead);
	if (created || !before) {
		events.emit({ type: 'lead.created', at, leadId: id, data });
		return;
	}
	const changed = changedKeys(before, data);
	const previous: Record<string, unknown> = {};
	for (const key of changed) previous[key] = before[key] ?? null;
	events.emit({ type: 'lead.updated', at, leadId: id, data, changed, before: previous });
}

export function emitLeadDeleted(events: SandboxEvents, lead: LeadRecord, at: number): void {
	events.emit({ type: 'lead.deleted', at, leadId: String(lead.ProspectID), data: structuredClone(lead) });
}
