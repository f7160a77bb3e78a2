/**
 * "Typed Values": LeadSquared returns every value as text ("Score":"12", "DoNotEmail":"0",
 * "CreatedOn":"2017-11-30 07:40:18.000"). With the account's field types these become what n8n users
 * can use directly: numbers, true/false, ISO 8601 dates in UTC, custom field sets as objects. Values the
 * types do not describe stay as they came. Pure: no n8n imports.
 */
import { leadSquaredToIso } from './dates';
import type { FieldIndex, LeadField } from './fields';
import { NUMBER } from './values';

const TRUE = new Set(['1', 'true', 'yes']);
const FALSE = new Set(['0', 'false', 'no']);
/** Fields LeadSquared keeps on every lead whatever its metadata says. */
const SYSTEM_KINDS: Record<string, LeadField['kind']> = {
	createdon: 'dateTime',
	modifiedon: 'dateTime',
	leadlastmodifiedon: 'dateTime',
	lastmodifiedon: 'dateTime',
	prospectautoid: 'number',
	score: 'number',
	engagementscore: 'number',
};

export type KindLookup = (name: string) => LeadField['kind'] | undefined;

/** The kinds of a record's keys: the account's fields, then LeadSquared's system fields. */
export function kindsOf(fields: FieldIndex | undefined): KindLookup {
	return (name) => fields?.get(name)?.kind ?? SYSTEM_KINDS[name.toLowerCase()];
}

/** One value, typed by its field's kind; anything that does not fit the kind stays as it came. */
export function typedValue(kind: LeadField['kind'] | undefined, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	switch (kind) {
		case 'number':
			if (text === '') return null;
			return NUMBER.test(text) && Number.isFinite(Number(text)) ? Number(text) : value;
		case 'boolean': {
			const word = text.toLowerCase();
			if (text === '') return null;
			return TRUE.has(word) ? true : FALSE.has(word) ? false : value;
		}
		case 'date': {
			if (text === '') return null;
			const iso = leadSquaredToIso(text);
			return iso === undefined ? value : iso.slice(0, 10);
		}
		case 'dateTime': {
			if (text === '') return null;
			return leadSquaredToIso(text) ?? value;
		}
		default:
			return value;
	}
}

/** A custom field set as LeadSquared returns it (a JSON string, or an object), with typed sub-fields. */
function typedSet(field: LeadField | undefined, value: unknown): unknown {
	let object: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return null;
		try {
			object = JSON.parse(value) as unknown;
		} catch {
			return value;
		}
	}
	if (!object || typeof object !== 'object' || Array.isArray(object)) return value;
	const typed: Record<string, unknown> = {};
	for (const [name, sub] of Object.entries(object as Record<string, unknown>)) {
		const subField = field?.subFields.find((candidate) => candidate.schemaName.toLowerCase() === name.toLowerCase());
		typed[name] = typedValue(subField?.kind, sub);
	}
	return typed;
}

/** A lead (or any record of lead fields) with typed values. */
export function typedRecord(record: Record<string, unknown>, fields: FieldIndex | undefined): Record<string, unknown> {
	const kindOf = kindsOf(fields);
	const typed: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		const kind = kindOf(name);
		typed[name] = kind === 'cfs' ? typedSet(fields?.get(name), value) : typedValue(kind, value);
	}
	return typed;
}

/** `[{Attribute, Value}]` (LeadPropertyList, as list and polling APIs return leads) as a flat record. */
export function flattenProperties(list: unknown): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	if (!Array.isArray(list)) return record;
	for (const entry of list) {
		if (!entry || typeof entry !== 'object') continue;
		const { Attribute, Value } = entry as { Attribute?: unknown; Value?: unknown };
		if (typeof Attribute === 'string') record[Attribute] = Value ?? null;
	}
	return record;
}
