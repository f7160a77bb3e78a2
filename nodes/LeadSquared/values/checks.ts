/**
 * Checks of single parameter values shared by the task, opportunity and note operations: each either
 * returns the value LeadSquared takes or throws an InputError naming the parameter and the value, so
 * bad input stops before anything is sent. Pure: no n8n imports.
 */
import { toLeadSquaredDateTime } from './dates';
import { InputError } from '../machinery/errors';
import { describeValue, EMAIL } from './values';

/** A value as text: strings as they are, finite numbers and booleans written out; anything else undefined. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return undefined;
}

/** Nothing given: undefined, null, or a text of only spaces. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A text that must not be empty (trimmed). */
export function requiredText(value: unknown, label: string, field: string, hint?: string): string {
	const text = textOf(value);
	if (text === undefined && value !== undefined && value !== null) throw new InputError(`${label} is ${describeValue(value)}, which is not a text`, field, hint);
	const trimmed = text?.trim() ?? '';
	if (trimmed === '') throw new InputError(`${label} is empty`, field, hint);
	return trimmed;
}

/** A text that may be empty: undefined when empty. Objects and lists are refused. */
export function optionalText(value: unknown, label: string, field: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = textOf(value);
	if (text === undefined) throw new InputError(`${label} is ${describeValue(value)}, which is not a text`, field);
	return text.trim() === '' ? undefined : text;
}

/** True or false (also as the text "true" or "false", any letter case); `fallback` when empty. */
export function flagOf(value: unknown, label: string, field: string, fallback: boolean): boolean {
	if (isBlank(value)) return fallback;
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InputError(`${label} is ${describeValue(value)}, not true or false`, field);
}

/** A date and time for LeadSquared (UTC `yyyy-MM-dd HH:mm:ss`); undefined when empty. */
export function optionalDateTime(value: unknown, label: string, field: string, timezone: string): string | undefined {
	if (isBlank(value)) return undefined;
	const result = toLeadSquaredDateTime(value, timezone);
	if (!result.ok) throw new InputError(`${label} ${result.problem}`, field);
	return result.value;
}

/** A whole number from `min` up (a number or numeric text); undefined when empty. */
export function optionalWholeNumber(value: unknown, label: string, field: string, min = 0, max?: number): number | undefined {
	if (isBlank(value)) return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
	const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
	if (!Number.isInteger(number) || number < min || (max !== undefined && number > max)) {
		throw new InputError(`${label} is ${describeValue(value)}; it must be a whole number ${range}`, field);
	}
	return number;
}


/** An e-mail address (trimmed). */
export function emailAddress(value: unknown, label: string, field: string): string {
	const text = requiredText(value, label, field);
	if (!EMAIL.test(text)) throw new InputError(`${label} is ${describeValue(value)}, which is not an e-mail address`, field);
	return text;
}

/** An http(s) URL (trimmed); undefined when empty. */
export function optionalUrl(value: unknown, label: string, field: string): string | undefined {
	const text = optionalText(value, label, field)?.trim();
	if (text === undefined) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new InputError(`${label} is ${describeValue(value)}, which is not an http(s) URL`, field, 'Give the full address of the file, e.g. https://example.com/brochure.pdf.');
	}
	return text;
}
