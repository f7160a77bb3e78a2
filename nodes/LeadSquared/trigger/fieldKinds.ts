/**
 * The account's lead field types in the compact form the trigger keeps in its static data (read once
 * when the workflow is activated), so that a webhook delivery is typed without calling LeadSquared.
 * Only fields whose values typing changes are kept (numbers, true/false, dates, custom field sets).
 * Pure: no n8n imports.
 */
import { FieldIndex } from '../values/fields';
import type { LeadField, ValueKind } from '../values/fields';
import { kindField } from '../values/kinds';

/** `[schemaName, kind]`, or `[schemaName, 'cfs', [[subField, kind], …]]`. */
export type CompactKind = [string, ValueKind] | [string, 'cfs', Array<[string, ValueKind]>];

const TYPED_KINDS: ReadonlySet<ValueKind> = new Set(['number', 'boolean', 'date', 'dateTime']);

export function compactKinds(fields: readonly LeadField[]): CompactKind[] {
	const out: CompactKind[] = [];
	for (const field of fields) {
		if (field.kind === 'cfs') {
			const subs = field.subFields.filter((sub) => TYPED_KINDS.has(sub.kind)).map((sub): [string, ValueKind] => [sub.schemaName, sub.kind]);
			out.push([field.schemaName, 'cfs', subs]);
		} else if (TYPED_KINDS.has(field.kind)) {
			out.push([field.schemaName, field.kind]);
		}
	}
	return out;
}

/** The field index typedRecord needs, from what compactKinds kept; anything unreadable is skipped. */
export function fieldIndexFromKinds(raw: unknown): FieldIndex {
	const fields: LeadField[] = [];
	if (Array.isArray(raw)) {
		for (const entry of raw) {
			if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
			const subs = Array.isArray(entry[2])
				? (entry[2] as unknown[])
						.filter((sub): sub is [string, ValueKind] => Array.isArray(sub) && typeof sub[0] === 'string' && typeof sub[1] === 'string')
						.map(([name, kind]) => kindField(name, kind))
				: [];
			fields.push(kindField(entry[0], entry[1] as ValueKind, subs));
		}
	}
	return new FieldIndex(fields);
}
