/**
 * Dates and times, with Luxon (which n8n itself ships and allows community nodes to import): any date an
 * item can carry becomes LeadSquared's one format, `yyyy-MM-dd HH:mm:ss` in UTC, and LeadSquared's
 * answers become ISO 8601. Nothing impossible is sent: invalid dates, years LeadSquared cannot store and
 * numbers that could be read two ways are refused with a message naming the value.
 * Pure: no n8n imports.
 */
import { DateTime, IANAZone } from 'luxon';

export type DateResult = { ok: true; value: string } | { ok: false; problem: string };

/** SQL Server's datetime range, which LeadSquared's fields are stored in [INF]. */
export const MIN_YEAR = 1753;
export const MAX_YEAR = 9999;
/**
 * Epoch numbers: below 10,000,000,000 they are seconds (up to the year 2286); from 100,000,000,000 on
 * they are milliseconds (before October 1966 or after March 1973). In between either reading is
 * possible (seconds: years 2286–5138; milliseconds: 1966–1973), so such numbers are refused.
 */
export const EPOCH_SECONDS_BELOW = 1e10;
export const EPOCH_MILLISECONDS_FROM = 1e11;

const LEADSQUARED_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const ok = (value: string): DateResult => ({ ok: true, value });
const fail = (problem: string): DateResult => ({ ok: false, problem });

type Parsed = { ok: true; date: DateTime } | { ok: false; problem: string };

/** Short description of a value for messages: never the whole of a long text. */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	const text = String(value);
	const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
	return typeof value === 'string' ? `"${shown}"` : shown;
}

function notADate(value: unknown): { ok: false; problem: string } {
	return {
		ok: false,
		problem: `is ${describeValue(value)}, which is not a date. Use yyyy-MM-dd HH:mm:ss (UTC), yyyy-MM-dd or an ISO 8601 date such as 2024-05-01T10:30:00Z`,
	};
}

function unknownZone(timezone: string): { ok: false; problem: string } {
	return { ok: false, problem: `cannot be converted: "${timezone}" is not a time zone` };
}

/** A luxon DateTime or anything else that gives a JavaScript Date (n8n's date values). */
export interface DateLike {
	toJSDate(): Date;
}

export function isDateLike(value: unknown): value is DateLike {
	return typeof value === 'object' && value !== null && typeof (value as DateLike).toJSDate === 'function';
}

function isValidZone(timezone: string): boolean {
	return timezone === 'UTC' || IANAZone.isValidZone(timezone);
}

/** An epoch number as an instant, by the rule above. */
function fromEpoch(value: number): Parsed {
	if (!Number.isFinite(value)) return notADate(value);
	const size = Math.abs(value);
	if (size < EPOCH_SECONDS_BELOW) return { ok: true, date: DateTime.fromSeconds(value, { zone: 'UTC' }) };
	if (size >= EPOCH_MILLISECONDS_FROM) return { ok: true, date: DateTime.fromMillis(value, { zone: 'UTC' }) };
	const asSeconds = DateTime.fromSeconds(value, { zone: 'UTC' }).year;
	const asMilliseconds = DateTime.fromMillis(value, { zone: 'UTC' }).toFormat('yyyy-MM-dd');
	return {
		ok: false,
		problem:
			`is ${value}, which could be epoch seconds (the year ${asSeconds}) or epoch milliseconds (${asMilliseconds}). ` +
			`Numbers below ${EPOCH_SECONDS_BELOW} are read as seconds and from ${EPOCH_MILLISECONDS_FROM} on as milliseconds; ` +
			'send this date as text instead, e.g. an ISO 8601 date such as 1971-05-01',
	};
}

/** Text as an instant; a text without a zone is read in `timezone`. The result keeps the text's own zone. */
function fromText(text: string, timezone: string): Parsed {
	const trimmed = text.trim();
	const options = { zone: timezone, setZone: true };
	for (const parse of [DateTime.fromISO, DateTime.fromSQL]) {
		const date = parse(trimmed, options);
		if (date.isValid) return { ok: true, date };
	}
	// RFC 2822 / HTTP dates, only when they name their zone (otherwise the server's zone would decide).
	if (/(GMT|UTC|[+-]\d{4})\s*$/i.test(trimmed)) {
		for (const parse of [DateTime.fromRFC2822, DateTime.fromHTTP]) {
			const date = parse(trimmed, { setZone: true });
			if (date.isValid) return { ok: true, date };
		}
	}
	return notADate(text);
}

/** Any date an item can carry, as a Luxon DateTime (in its own zone where it has one). */
function parse(value: unknown, timezone: string): Parsed {
	if (!isValidZone(timezone)) return unknownZone(timezone);
	let parsed: Parsed;
	if (DateTime.isDateTime(value)) parsed = { ok: true, date: value };
	else if (value instanceof Date) parsed = { ok: true, date: DateTime.fromJSDate(value, { zone: 'UTC' }) };
	else if (isDateLike(value)) parsed = { ok: true, date: DateTime.fromJSDate(value.toJSDate(), { zone: 'UTC' }) };
	else if (typeof value === 'number') parsed = fromEpoch(value);
	else if (typeof value === 'string') parsed = fromText(value, timezone);
	else parsed = notADate(value);
	if (!parsed.ok) return parsed;
	if (!parsed.date.isValid) return notADate(value);
	const year = parsed.date.toUTC().year;
	if (year < MIN_YEAR || year > MAX_YEAR) {
		return {
			ok: false,
			problem: `is ${describeValue(value)}, a date in the year ${year}; LeadSquared stores dates from ${MIN_YEAR} to ${MAX_YEAR}`,
		};
	}
	return parsed;
}

/** Any date an item can carry (Date, Luxon DateTime, ISO/LeadSquared text, epoch) → UTC `yyyy-MM-dd HH:mm:ss`. */
export function toLeadSquaredDateTime(value: unknown, timezone: string): DateResult {
	const parsed = parse(value, timezone);
	return parsed.ok ? ok(parsed.date.toUTC().toFormat(LEADSQUARED_FORMAT)) : parsed;
}

interface CalendarLike {
	year: number;
	month: number;
	day: number;
}

function isCalendarLike(value: unknown): value is CalendarLike {
	const record = value as Partial<CalendarLike> | null;
	return typeof value === 'object' && record !== null && typeof record.year === 'number' && typeof record.month === 'number' && typeof record.day === 'number';
}

/**
 * A Date field holds a calendar day, not an instant: the day the value itself names is sent (as
 * `yyyy-MM-dd 00:00:00`), never shifted across midnight by a time-zone conversion. Text gives its own
 * date part (`1990-05-17`, `1990-05-17T23:30:00-05:00` → 17 May); a Luxon DateTime its day in its own
 * zone; a JavaScript Date or epoch its day in `timezone`.
 */
export function toLeadSquaredDate(value: unknown, timezone: string): DateResult {
	let day: DateTime;
	if (isCalendarLike(value) && !DateTime.isDateTime(value)) {
		day = DateTime.utc(value.year, value.month, value.day);
		if (!day.isValid) return notADate(value);
	} else {
		const parsed = parse(value, timezone);
		if (!parsed.ok) return parsed;
		const zoned = typeof value === 'string' || DateTime.isDateTime(value) ? parsed.date : parsed.date.setZone(timezone);
		day = DateTime.utc(zoned.year, zoned.month, zoned.day);
	}
	if (day.year < MIN_YEAR || day.year > MAX_YEAR) {
		return fail(`is ${describeValue(value)}, a date in the year ${day.year}; LeadSquared stores dates from ${MIN_YEAR} to ${MAX_YEAR}`);
	}
	return ok(day.toFormat(LEADSQUARED_FORMAT));
}

/** Whether a text is a plain calendar date (yyyy-MM-dd). */
export function isDateOnly(text: string): boolean {
	return DATE_ONLY.test(text.trim());
}

/**
 * A date as LeadSquared returns it (`2017-11-30 07:40:18.000`, UTC) as ISO 8601 in UTC
 * (`2017-11-30T07:40:18.000Z`); undefined when the text is not such a date.
 */
export function leadSquaredToIso(text: string): string | undefined {
	const date = DateTime.fromSQL(text.trim(), { zone: 'UTC' });
	const fallback = date.isValid ? date : DateTime.fromISO(text.trim(), { zone: 'UTC' });
	return fallback.isValid ? (fallback.toUTC().toISO() ?? undefined) : undefined;
}

/** A value of an answer or payload as ISO 8601 (leadSquaredToIso); undefined unless it is a text holding such a date. */
export function isoOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? leadSquaredToIso(value) : undefined;
}
