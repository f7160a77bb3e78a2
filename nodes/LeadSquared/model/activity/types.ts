/**
 * The account's activity types and their fields: `ActivityTypes.Get` (the list) and
 * `CustomActivity/GetActivitySetting?code=` (one type with its fields), read tolerantly. Live answers of the
 * list carry `ActivityEvent`, `ActivityEventName`, `EventType` (2 = custom), `EventDirection` and
 * `ActivityProperties` (§12.1); which kind a type is (custom, system, opportunity) is decided in
 * typeKinds.ts. Each key is read from the names it may carry and nothing breaks when one is missing.
 * Activity fields become `LeadField`s, so the lead value rules (values/values.ts) and typed values
 * (values/typed.ts) apply to them unchanged.
 * Pure: no n8n imports.
 */
import { FieldIndex } from '../../values/fields';
import type { LeadField, ValueKind } from '../../values/fields';

/** An entry of `ActivityTypes.Get`. */
export interface ActivityTypeEntry {
	code: number;
	name: string;
	/** `EventType` (2 = custom [CODE]), when the entry carries it. */
	eventType?: number;
	/** `EventDirection` (0 inbound, 1 outbound [CODE 56037757482, 67007166726]), when the entry carries it. */
	direction?: number;
	/** `Score`: what an activity of the type adds to the lead's score [CODE 56037757482], when the entry carries it. */
	score?: number;
}

export interface ActivityTypeInfo {
	code: number;
	name?: string;
	/** The type's fields; undefined when LeadSquared's answer did not describe them in a form we can read. */
	fields?: FieldIndex;
}

/** The note is the activity's own parameter (ActivityNote), not one of its Fields. */
export const NOTE_FIELD = 'ActivityEvent_Note';

type Record_ = Record<string, unknown>;

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record_ {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` present (any casing) on `record`. */
export function pick(record: Record_, ...keys: string[]): unknown {
	for (const key of keys) {
		if (record[key] !== undefined) return record[key];
	}
	const lower = new Map(Object.keys(record).map((key) => [key.toLowerCase(), key]));
	for (const key of keys) {
		const found = lower.get(key.toLowerCase());
		if (found !== undefined) return record[found];
	}
	return undefined;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function flag(value: unknown): boolean {
	return value === true || value === 1 || (typeof value === 'string' && ['1', 'true'].includes(value.trim().toLowerCase()));
}

/** 2, '2' and ' 2 ' are whole numbers (0 included); anything else is not. */
function wholeNumber(raw: unknown): number | undefined {
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** 5, '-5' and ' 5 ' are whole numbers, negative ones included (a score may take points away). */
function signedNumber(raw: unknown): number | undefined {
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
}

/** 201, '201' and ' 201 ' are event codes; anything else (0, -1, 2.5, 'abc') is not. */
export function eventCodeOf(raw: unknown): number | undefined {
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d+$/.test(value)) return undefined;
	const code = Number(value);
	return Number.isSafeInteger(code) && code > 0 ? code : undefined;
}

/** A list in an answer: the answer itself, or the first array among its values (`List`, `Response`, …). */
function listIn(raw: unknown): unknown[] | undefined {
	if (Array.isArray(raw)) return raw;
	if (!isRecord(raw)) return undefined;
	for (const key of ['ActivityTypes', 'List', 'Response', 'Message', 'Data']) {
		const value = pick(raw, key);
		if (Array.isArray(value)) return value;
	}
	return Object.values(raw).find((value): value is unknown[] => Array.isArray(value));
}

/** `ActivityTypes.Get`; undefined when the answer holds no list. Entries without a code are skipped. */
export function parseActivityTypes(raw: unknown): ActivityTypeEntry[] | undefined {
	const list = listIn(raw);
	if (!list) return undefined;
	const types: ActivityTypeEntry[] = [];
	const seen = new Set<number>();
	for (const entry of list) {
		if (!isRecord(entry)) continue;
		const code = eventCodeOf(pick(entry, 'ActivityEvent', 'ActivityEventCode', 'EventCode', 'Code'));
		if (code === undefined || seen.has(code)) continue;
		seen.add(code);
		const name = text(pick(entry, 'ActivityEventName', 'DisplayName', 'Name', 'EventName'));
		const eventType = wholeNumber(pick(entry, 'EventType'));
		const direction = wholeNumber(pick(entry, 'EventDirection', 'Direction'));
		const score = signedNumber(pick(entry, 'Score'));
		types.push({
			code,
			name: name || `Activity type ${code}`,
			...(eventType !== undefined ? { eventType } : {}),
			...(direction !== undefined ? { direction } : {}),
			...(score !== undefined ? { score } : {}),
		});
	}
	return types;
}

/** Activity DataType values (documented: String, Number, Date, DateTime, Time, Boolean, Dropdown, SearchableDropdown, …). */
const KIND_BY_DATA_TYPE: Record<string, ValueKind> = {
	string: 'text',
	text: 'text',
	textarea: 'text',
	largetext: 'text',
	url: 'text',
	website: 'text',
	number: 'number',
	decimal: 'number',
	integer: 'number',
	currency: 'number',
	date: 'date',
	datetime: 'dateTime',
	time: 'time',
	boolean: 'boolean',
	checkbox: 'boolean',
	email: 'email',
	phone: 'phone',
	dropdown: 'dropdown',
	searchabledropdown: 'dropdown',
	select: 'dropdown',
};

/** `OptionSet`: the JSON text of `[{Value, …}]` in the documented samples, or already a list. */
function optionValues(raw: unknown): string[] {
	let list: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return [];
		try {
			list = JSON.parse(raw) as unknown;
		} catch {
			return [];
		}
	}
	if (!Array.isArray(list)) return [];
	return list
		.map((option: unknown) => (typeof option === 'string' ? option : isRecord(option) ? text(pick(option, 'Value', 'Text', 'Label')) : ''))
		.filter((value) => value !== '');
}

/** One field of a type, or undefined for entries without a schema name and for the note. */
function activityField(entry: unknown): LeadField | undefined {
	if (!isRecord(entry)) return undefined;
	const schemaName = text(pick(entry, 'SchemaName', 'InternalName'));
	if (schemaName === '' || schemaName.toLowerCase() === NOTE_FIELD.toLowerCase()) return undefined;
	const dataType = text(pick(entry, 'DataType'));
	const multiSelect = flag(pick(entry, 'IsMultiSelectDropdown'));
	const options = optionValues(pick(entry, 'OptionSet', 'Options'));
	let kind: ValueKind = KIND_BY_DATA_TYPE[dataType.toLowerCase().replace(/[^a-z]/g, '')] ?? 'text';
	// How several choices are written is not documented: a multi-select dropdown takes the text as given.
	if (kind === 'dropdown' && multiSelect) kind = 'text';
	const maxLength = Number.parseInt(text(pick(entry, 'MaxFieldLength', 'MaxLength')), 10);
	return {
		schemaName,
		displayName: text(pick(entry, 'DisplayName')) || schemaName,
		dataType,
		kind,
		isMandatory: flag(pick(entry, 'IsMandatory')),
		isIdentifier: false,
		lockAfterCreate: false,
		maxLength: Number.isFinite(maxLength) && maxLength > 0 ? maxLength : undefined,
		options: kind === 'dropdown' ? options : [],
		subFields: [],
	};
}

/**
 * `CustomActivity/GetActivitySetting?code=`: the type's name and fields. The fields stay undefined when
 * the answer has no `Fields` list (then nothing is checked before sending; LeadSquared still checks).
 */
export function parseActivitySetting(raw: unknown, code: number): ActivityTypeInfo {
	const record = isRecord(raw) ? raw : Array.isArray(raw) && isRecord(raw[0]) ? raw[0] : undefined;
	if (!record) return { code };
	const name = text(pick(record, 'DisplayName', 'Name', 'ActivityEventName')) || undefined;
	const list = pick(record, 'Fields');
	if (!Array.isArray(list)) return { code, name };
	const fields = list.map(activityField).filter((field): field is LeadField => field !== undefined);
	return { code, name, fields: new FieldIndex(fields) };
}

/** `Form Submitted (201)`. */
export function typeLabel(type: { code: number; name?: string }): string {
	return type.name ? `${type.name} (${type.code})` : `activity type ${type.code}`;
}
