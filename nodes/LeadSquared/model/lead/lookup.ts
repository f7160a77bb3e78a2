/**
 * Lead → Get: checking the value a lead is looked up by (lead ID, e-mail address, phone number) before
 * any call, finding which phone field matched, and keeping only the fields the user asked for.
 * Pure: no n8n imports.
 */
import { describeValue } from '../../values/dates';
import { EMAIL } from '../../values/values';

export type LookupMode = 'list' | 'id' | 'email' | 'phone';

export type LookupCheck = { ok: true; value: string } | { ok: false; problem: string; hint?: string };

/** LeadSquared's lead IDs (ProspectID) are GUIDs. */
export const LEAD_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** What people write between the digits of a phone number; LeadSquared wants digits only. */
const PHONE_SEPARATORS = /[\s\-().+/]/g;
export const MIN_PHONE_DIGITS = 5;
export const MAX_PHONE_DIGITS = 20;

function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

const bad = (problem: string, hint?: string): LookupCheck => ({ ok: false, problem, hint });

export function checkLeadId(value: unknown): LookupCheck {
	const text = asText(value);
	if (text === undefined) return bad(`is ${describeValue(value)}, not a lead ID`);
	if (text === '') return bad('is empty', 'Enter the lead ID (ProspectID), or an expression that gives one for every item.');
	if (EMAIL.test(text)) return bad(`is "${text}", an e-mail address, not a lead ID`, 'Choose "By Email" to find a lead by its e-mail address.');
	if (!LEAD_ID.test(text)) {
		return bad(
			`is ${describeValue(text)}, which is not a lead ID`,
			'Lead IDs (ProspectID) look like 5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f. Create or Update returns one as leadId.',
		);
	}
	return { ok: true, value: text };
}

export function checkEmail(value: unknown): LookupCheck {
	const text = asText(value);
	if (text === undefined) return bad(`is ${describeValue(value)}, not an e-mail address`);
	if (text === '') return bad('is empty', 'Enter the e-mail address, or an expression that gives one for every item.');
	if (!EMAIL.test(text)) return bad(`is ${describeValue(text)}, which is not an e-mail address`);
	return { ok: true, value: text };
}

/** The digits LeadSquared is asked for: spaces, hyphens, brackets, dots and a leading + are dropped. */
export function checkPhone(value: unknown): LookupCheck {
	const text = asText(value);
	if (text === undefined) return bad(`is ${describeValue(value)}, not a phone number`);
	if (text === '') return bad('is empty', 'Enter the phone number, or an expression that gives one for every item.');
	const digits = text.replace(PHONE_SEPARATORS, '');
	if (!/^\d+$/.test(digits)) {
		return bad(`is ${describeValue(text)}, which is not a phone number`, 'Use digits, with or without the country code, e.g. 919845098450.');
	}
	if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) {
		return bad(`is ${describeValue(text)}, which has ${digits.length} digits; a phone number has ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS}`);
	}
	return { ok: true, value: digits };
}

export function checkLookup(mode: LookupMode, value: unknown): LookupCheck {
	if (mode === 'email') return checkEmail(value);
	if (mode === 'phone') return checkPhone(value);
	return checkLeadId(value);
}

function phoneDigits(value: unknown): string {
	return typeof value === 'string' ? value.replace(/\D/g, '') : '';
}

/** Whether two numbers are one, with or without the country code (the shorter has at least 7 digits). */
function samePhone(stored: string, wanted: string): boolean {
	if (stored === '' || wanted === '') return false;
	if (stored === wanted) return true;
	const [short, long] = stored.length < wanted.length ? [stored, wanted] : [wanted, stored];
	return short.length >= 7 && long.endsWith(short);
}

/** Which of the lead's phone fields holds the number looked up (LeadSquared matches Phone and Mobile). */
export function matchedPhoneField(lead: Record<string, unknown>, digits: string): 'Phone' | 'Mobile' | undefined {
	if (samePhone(phoneDigits(lead.Phone), digits)) return 'Phone';
	if (samePhone(phoneDigits(lead.Mobile), digits)) return 'Mobile';
	return undefined;
}

/** A lead's id, whatever the casing LeadSquared used. */
export function leadIdOf(lead: Record<string, unknown>): string | undefined {
	const id = lead.ProspectID ?? lead.ProspectId ?? lead.prospectID ?? lead.prospectid;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The record with only the wanted fields (schema names, any casing) and those in `always`; every field
 * when `wanted` is empty. Wanted fields the record lacks are left out.
 */
export function pickFields(record: Record<string, unknown>, wanted: readonly string[], always: readonly string[] = []): Record<string, unknown> {
	if (wanted.length === 0) return record;
	const keep = new Set([...wanted, ...always].map((name) => name.trim().toLowerCase()));
	return Object.fromEntries(Object.entries(record).filter(([key]) => keep.has(key.toLowerCase())));
}

/** Field names from a multi-select or a comma-separated text (an expression may give either). */
export function fieldList(value: unknown): string[] | undefined {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined || value === null ? [] : undefined;
	if (parts === undefined) return undefined;
	const names: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') return undefined;
		const name = part.trim();
		if (name !== '' && !names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
	}
	return names;
}
