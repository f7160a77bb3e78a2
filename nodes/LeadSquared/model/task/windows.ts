/**
 * LeadSquared answers a to-do query only for a due-date window of at most 100 days ("The difference
 * between the from and to date cannot be more than 100 days", the to-do APIs). A longer window is split
 * here into consecutive windows of at most 100 days that together cover it exactly: each starts one
 * second after the previous one ends (LeadSquared's dates are whole seconds, both ends inclusive), so no
 * instant is asked twice or left out. Pure: no n8n imports.
 */
import { DateTime } from 'luxon';

export const TODO_WINDOW_DAYS = 100;

const DAY_MS = 86_400_000;
const SECOND_MS = 1000;
const FORMAT = 'yyyy-MM-dd HH:mm:ss';

export interface DateWindow {
	/** UTC `yyyy-MM-dd HH:mm:ss`, inclusive. */
	from: string;
	/** UTC `yyyy-MM-dd HH:mm:ss`, inclusive. */
	to: string;
}

/** A LeadSquared UTC date (`yyyy-MM-dd HH:mm:ss`) as epoch milliseconds; undefined when it is not one. */
export function parseLeadSquaredUtc(text: string): number | undefined {
	const date = DateTime.fromFormat(text.trim(), FORMAT, { zone: 'UTC' });
	return date.isValid ? date.toMillis() : undefined;
}

function format(ms: number): string {
	return DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat(FORMAT);
}

/**
 * Consecutive windows of at most `maxDays` covering `from`..`to` (both UTC `yyyy-MM-dd HH:mm:ss`,
 * inclusive), oldest first. A window no longer than `maxDays` comes back as it is. Throws on a date
 * that is not in that form, or when `from` is after `to`.
 */
export function splitWindow(window: DateWindow, maxDays = TODO_WINDOW_DAYS): DateWindow[] {
	const start = parseLeadSquaredUtc(window.from);
	const end = parseLeadSquaredUtc(window.to);
	if (start === undefined || end === undefined) throw new RangeError(`Not a LeadSquared date window: ${window.from} to ${window.to}`);
	if (start > end) throw new RangeError(`The window starts (${window.from}) after it ends (${window.to})`);
	if (!(maxDays > 0)) throw new RangeError(`maxDays must be positive, got ${maxDays}`);
	const span = maxDays * DAY_MS;
	const windows: DateWindow[] = [];
	for (let from = start; from <= end; ) {
		const to = Math.min(from + span, end);
		windows.push({ from: format(from), to: format(to) });
		from = to + SECOND_MS;
	}
	return windows;
}
