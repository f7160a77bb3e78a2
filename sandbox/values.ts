/**
 * Value formats (§6 of the contract): validation and normalisation of written values, the
 * comparison keys used for matching, and the date formats of reads.
 * All error messages here are [INF] (no source shows the real ones).
 */
import { maxLengthOf, optionValues } from './fields';
import type { FieldDefinition, SubFieldDefinition } from './types';

export type Normalized = { ok: true; value: string } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const BOOLEAN: Record<string, string> = { true: '1', false: '0', '1': '1', '0': '0' };

/** Validates a written value and returns its stored form. Empty values are always accepted (they clear the field). */
export function normalizeValue(field: FieldDefinition | SubFieldDefinition, raw: string): Normalized {
	if (raw === '') return { ok: true, value: '' };
	const name = field.schemaName;
	const trimmed = raw.trim();
	// [INF] messages: no source shows what LeadSquared says about a malformed value (contract §1.6).
	const invalid = (expected: string): Normalized => ({
		ok: false,
		message: `Invalid value '${raw}' for attribute '${name}': ${expected}`,
	});
	let value = raw;
	switch (field.dataType) {
		case 'Email':
			if (!EMAIL.test(trimmed)) return invalid('not a valid email address');
			value = trimmed;
			break;
		case 'Number':
			if (!NUMBER.test(trimmed)) return invalid('not a valid number');
			value = trimmed;
			break;
		case 'Date':
		case 'DateTime': {
			const normalized = normalizeDate(trimmed);
			if (normalized === undefined) return invalid('expected a UTC date as yyyy-MM-dd HH:mm:ss');
			value = normalized;
			break;
		}
		case 'Time':
			if (!TIME.test(trimmed)) return invalid('expected a time as HH:mm:ss');
			value = trimmed;
			break;
		case 'Boolean': {
			const b = BOOLEAN[trimmed.toLowerCase()];
			if (b === undefined) return invalid('expected true, false, 1 or 0');
			value = b;
			break;
		}
		case 'Select': {
			const options = optionValues(field);
			if (!options.some((o) => o.value === raw)) {
				return {
					ok: false,
					message: `Invalid value '${raw}' for dropdown attribute '${name}'. Allowed values: ${options.map((o) => o.value).join(', ')}`, // [INF]
				};
			}
			break;
		}
		default:
			break;
	}
	const max = maxLengthOf(field);
	if (value.length > max) {
		return { ok: false, message: `Value of attribute '${name}' exceeds the maximum length of ${max} characters` }; // [INF]
	}
	return { ok: true, value };
}

/** Dates already normalised (reads filter and sort every stored lead by date: 100,000 leads, many reads). */
const normalized = new Map<string, string | undefined>();

/** 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss[.fff]' → 'yyyy-MM-dd HH:mm:ss'; undefined when invalid. */
export function normalizeDate(text: string): string | undefined {
	if (normalized.has(text)) return normalized.get(text);
	if (normalized.size >= 200_000) normalized.clear();
	const result = checkDate(text);
	normalized.set(text, result);
	return result;
}

function checkDate(text: string): string | undefined {
	const m = DATE.exec(text);
	if (!m) return undefined;
	const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1);
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
	const check = formatDateTime(ms);
	const expected = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
	return check === expected ? expected : undefined;
}

/** UTC 'yyyy-MM-dd HH:mm:ss'. */
export function formatDateTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function phoneDigits(value: string): string {
	return value.replace(/\D/g, '');
}

/** The key two values of a field are compared by (matching and uniqueness). */
export function comparisonKey(field: FieldDefinition, value: string): string {
	if (field.dataType === 'Email' || field.schemaName === 'ProspectID') return value.trim().toLowerCase();
	if (field.dataType === 'Phone') return phoneDigits(value);
	return value;
}
