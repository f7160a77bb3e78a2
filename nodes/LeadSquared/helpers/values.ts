/**
 * Turning item values into the strings LeadSquared expects, field type by field type.
 * Pure: no n8n imports.
 */
import type { LeadField } from './fields';

export type ValueResult = { ok: true; value: string } | { ok: false; problem: string };

export interface ValueOptions {
	/** IANA time zone for dates and times that carry none ("UTC" keeps them as they are). */
	timezone: string;
}

const ok = (value: string): ValueResult => ({ ok: true, value });
const fail = (problem: string): ValueResult => ({ ok: false, problem });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TRUE_WORDS = ['true', '1', 'yes', 'y', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'n', 'off'];

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

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** `yyyy-MM-dd HH:mm:ss` in UTC: LeadSquared's one date-time format. */
export function formatUtc(date: Date): string {
	return (
		`${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
		`${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
	);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timezone: string): Intl.DateTimeFormat {
	let format = zoneFormats.get(timezone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: timezone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		zoneFormats.set(timezone, format);
	}
	return format;
}

/** Offset of `timezone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffset(timezone: string, utcMs: number): number {
	const parts = zoneFormat(timezone).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in `timezone` (wall time given as if it were UTC). */
function wallTimeToUtc(wallMs: number, timezone: string): number {
	if (timezone === 'UTC' || timezone === 'Etc/UTC') return wallMs;
	const guess = wallMs - zoneOffset(timezone, wallMs);
	return wallMs - zoneOffset(timezone, guess);
}

function offsetMinutes(zone: string): number {
	if (zone.toUpperCase() === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	return sign * (hours * 60 + minutes);
}

function validWall(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
	return ms;
}

function parseDateString(text: string, timezone: string): number | undefined {
	const dateOnly = DATE_ONLY.exec(text);
	if (dateOnly) {
		const wall = validWall(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]), 0, 0, 0);
		return wall === undefined ? undefined : wallTimeToUtc(wall, timezone);
	}
	const dateTime = DATE_TIME.exec(text);
	if (dateTime) {
		const [, year, month, day, hour, minute, second = '0', , zone] = dateTime;
		const wall = validWall(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second));
		if (wall === undefined) return undefined;
		return zone ? wall - offsetMinutes(zone) * 60_000 : wallTimeToUtc(wall, timezone);
	}
	// RFC 2822 / HTTP dates, only when they name their zone (otherwise the server's zone would decide).
	if (/(GMT|UTC|[+-]\d{4})\s*$/i.test(text)) {
		const parsed = Date.parse(text);
		if (Number.isFinite(parsed)) return parsed;
	}
	return undefined;
}

interface DateLike {
	toJSDate(): Date;
}

function isDateLike(value: unknown): value is DateLike {
	return typeof value === 'object' && value !== null && typeof (value as DateLike).toJSDate === 'function';
}

/** Any date an item can carry (Date, Luxon DateTime, ISO/LeadSquared string, epoch) → UTC `yyyy-MM-dd HH:mm:ss`. */
export function toLeadSquaredDateTime(value: unknown, timezone: string): ValueResult {
	let ms: number | undefined;
	if (value instanceof Date) ms = value.getTime();
	else if (isDateLike(value)) ms = value.toJSDate().getTime();
	else if (typeof value === 'number' && Number.isFinite(value)) ms = Math.abs(value) < 1e11 ? value * 1000 : value;
	else if (typeof value === 'string') {
		try {
			ms = parseDateString(value.trim(), timezone);
		} catch {
			return fail(`cannot be converted: "${timezone}" is not a time zone`);
		}
	}
	if (ms === undefined || !Number.isFinite(ms)) {
		return fail(
			`is ${describeValue(value)}, which is not a date. Use yyyy-MM-dd HH:mm:ss (UTC), yyyy-MM-dd or an ISO 8601 date such as 2024-05-01T10:30:00Z`,
		);
	}
	return ok(formatUtc(new Date(ms)));
}

interface CalendarLike {
	year: number;
	month: number;
	day: number;
}

function isCalendarLike(value: unknown): value is CalendarLike {
	const record = value as Partial<CalendarLike> | null;
	return (
		typeof value === 'object' &&
		record !== null &&
		typeof record.year === 'number' &&
		typeof record.month === 'number' &&
		typeof record.day === 'number'
	);
}

/** The calendar day of an instant in a time zone. */
function dayInZone(ms: number, timezone: string): CalendarLike {
	const parts = zoneFormat(timezone).formatToParts(new Date(ms));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * A Date field holds a calendar day, not an instant: the day the value itself names is sent (as
 * `yyyy-MM-dd 00:00:00`), never shifted across midnight by a time-zone conversion. Text gives its own
 * date part (`1990-05-17`, `1990-05-17T23:30:00-05:00` → 17 May); a Luxon DateTime its day in its own
 * zone; a JavaScript Date or epoch its day in `timezone`.
 */
export function toLeadSquaredDate(value: unknown, timezone: string): ValueResult {
	let day: CalendarLike | undefined;
	if (isCalendarLike(value)) day = value;
	else if (typeof value === 'string') {
		const text = value.trim();
		const match = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
		if (match) day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
	}
	if (day === undefined) {
		const instant = toLeadSquaredDateTime(value, 'UTC');
		if (!instant.ok) return instant;
		let ms: number;
		if (value instanceof Date) ms = value.getTime();
		else if (isDateLike(value)) ms = value.toJSDate().getTime();
		else if (typeof value === 'number') ms = Math.abs(value) < 1e11 ? value * 1000 : value;
		else ms = Date.parse(`${instant.value.replace(' ', 'T')}Z`);
		try {
			day = dayInZone(ms, timezone);
		} catch {
			return fail(`cannot be converted: "${timezone}" is not a time zone`);
		}
	}
	if (validWall(day.year, day.month, day.day, 0, 0, 0) === undefined) {
		return fail(`is ${describeValue(value)}, which is not a date. Use yyyy-MM-dd, e.g. 1990-05-17`);
	}
	return ok(`${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)} 00:00:00`);
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
