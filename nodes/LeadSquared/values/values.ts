/**
 * Turning item values into the strings LeadSquared expects, field type by field type.
 * Pure: no n8n imports.
 */
import { describeValue, isDateLike, toLeadSquaredDate, toLeadSquaredDateTime } from './dates';
import type { LeadField } from './fields';

export { describeValue, toLeadSquaredDate, toLeadSquaredDateTime };

export type ValueResult = { ok: true; value: string } | { ok: false; problem: string };

export interface ValueOptions {
	/** IANA time zone for dates and times that carry none ("UTC" keeps them as they are). */
	timezone: string;
}

const ok = (value: string): ValueResult => ({ ok: true, value });
const fail = (problem: string): ValueResult => ({ ok: false, problem });

/** An e-mail address as the node checks it (something@domain.tld, no spaces). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A decimal number as text (sign, fraction and exponent allowed). */
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TRUE_WORDS = ['true', '1', 'yes', 'y', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'n', 'off'];

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

function asText(value: unknown, timezone: string): ValueResult {
	if (typeof value === 'string') return ok(value);
	if (typeof value === 'number') return Number.isFinite(value) ? ok(String(value)) : fail(`is ${value}, which is not a number LeadSquared can store`);
	if (typeof value === 'bigint') return ok(value.toString());
	if (typeof value === 'boolean') return ok(value ? 'true' : 'false');
	if (value instanceof Date || isDateLike(value)) return toLeadSquaredDateTime(value, timezone);
	if (Array.isArray(value)) return fail('is a list; LeadSquared fields take a single text, number, true/false or date value');
	return fail(`is ${describeValue(value)}; LeadSquared fields take a single text, number, true/false or date value`);
}

function checkLength(field: LeadField | undefined, value: string): ValueResult {
	if (field?.maxLength !== undefined) {
		// UTF-16 code units, as .NET and SQL Server (LeadSquared's stack) count a string's length: an emoji counts 2.
		const length = value.length;
		if (length > field.maxLength) {
			return fail(`is ${length} characters long; LeadSquared allows at most ${field.maxLength} in this field`);
		}
	}
	return ok(value);
}

/**
 * Converts one value for one field. `field` is undefined for values whose field the metadata does not
 * describe (custom field set sub-fields): those are sent as text.
 */
export function formatValue(field: LeadField | undefined, value: unknown, options: ValueOptions): ValueResult {
	const kind = field?.kind ?? 'text';
	switch (kind) {
		case 'number': {
			if (typeof value === 'number') {
				return Number.isFinite(value) ? ok(String(value)) : fail(`is ${value}, which is not a number LeadSquared can store`);
			}
			const text = typeof value === 'string' ? value.trim() : undefined;
			if (text !== undefined && NUMBER.test(text)) return ok(text);
			return fail(`is ${describeValue(value)}, which is not a number`);
		}
		case 'boolean': {
			if (typeof value === 'boolean') return ok(value ? '1' : '0');
			const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined;
			if (word !== undefined && TRUE_WORDS.includes(word)) return ok('1');
			if (word !== undefined && FALSE_WORDS.includes(word)) return ok('0');
			return fail(`is ${describeValue(value)}, which is not true or false`);
		}
		case 'date':
			return toLeadSquaredDate(value, options.timezone);
		case 'dateTime':
			return toLeadSquaredDateTime(value, options.timezone);
		case 'time': {
			const match = typeof value === 'string' ? TIME.exec(value.trim()) : null;
			if (match && Number(match[1]) < 24 && Number(match[2]) < 60 && Number(match[3] ?? 0) < 60) {
				return ok(`${pad(Number(match[1]))}:${match[2]}:${match[3] ?? '00'}`);
			}
			return fail(`is ${describeValue(value)}, which is not a time of day (HH:mm or HH:mm:ss)`);
		}
		case 'dropdown': {
			const text = asText(value, options.timezone);
			if (!text.ok || !field || field.options.length === 0) return text;
			if (field.options.includes(text.value)) return text;
			const sameLetters = field.options.find((option) => option.toLowerCase() === text.value.trim().toLowerCase());
			if (sameLetters !== undefined) return ok(sameLetters);
			const shown = field.options.slice(0, 20).join(', ') + (field.options.length > 20 ? ', ...' : '');
			return fail(`is ${describeValue(value)}, which is not one of its options (${shown})`);
		}
		case 'email': {
			const text = asText(value, options.timezone);
			if (!text.ok) return text;
			const email = text.value.trim();
			if (email !== '' && !EMAIL.test(email)) return fail(`is ${describeValue(value)}, which is not an e-mail address`);
			return checkLength(field, email);
		}
		default: {
			const text = asText(value, options.timezone);
			return text.ok ? checkLength(field, text.value) : text;
		}
	}
}
