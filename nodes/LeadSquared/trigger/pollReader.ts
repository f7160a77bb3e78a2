/**
 * How a poll reads every record modified since a second, whatever order LeadSquared gives the records
 * that share a second, and however many changed: time-anchored keyset reads. Pure: no n8n imports.
 *
 * Each request asks for the records modified at or after the anchor, oldest first, in the largest page
 * LeadSquared allows, up to a ToDate a day ahead. A record changed while the poll runs only moves forward
 * in time, so it stays within what the later requests ask for (with ToDate at the current second, a
 * record edited during the last request would slip out of this poll, and the next poll would meet a new
 * lead as an old one). One answer is one snapshot sorted by ModifiedOn, and the rows of one second sort
 * together: every row dated before the last row's second is complete. Those are handed over, and the
 * anchor moves to that last second, which the next request reads again in full (the selection drops
 * what it already emitted). An answer that holds every matching row ends the read.
 *
 * A full page whose rows all share one second (a bulk import or update) cannot move the anchor. That
 * second is read on its own, in a unique order (ProspectAutoId, the activity id), page by page, from
 * FromDate = that second to the next one (whether ToDate is inclusive is not documented: the rows of the
 * next second are left out here). A record can leave a past second while its pages are read (it was
 * changed again: a later request finds it), which moves the rows after it one place forward, across a
 * page boundary; so when RecordCount changes between the pages, the second is read again from its first
 * page, and after SECOND_ATTEMPTS unsettled reads the poll fails rather than emit a partial second. A
 * second within OVERLAP_SECONDS of the request is taken as read: records may still arrive in it, and the
 * next poll reads it again anyway.
 *
 * The cap: a read stops before a second once it has handed over maxRecords emitted records, made
 * maxRequests requests, or used its time (n8n abandons a poll that runs too long); everything before its
 * anchor was handed over, and the next poll starts there. A second is never split, so a poll can emit one
 * second's records more than the cap.
 */
import { leadSquaredSecond, OVERLAP_SECONDS } from './cursor';
import type { ReadOutcome } from './cursor';

/** How far ahead ToDate reaches: longer than any poll runs. */
export const LOOKAHEAD_SECONDS = 86_400;
/** Reads of one crowded second before the poll fails. */
export const SECOND_ATTEMPTS = 3;
/** Pages of one second before the poll fails (an answer that ignores PageIndex would never end). */
const MAX_SECOND_PAGES = 1000;

/** 'modified': ModifiedOn ascending; 'unique': the record's id ascending (ProspectAutoId, the activity id). */
export type ReadOrder = 'modified' | 'unique';

export interface ReadRequest {
	/** Epoch seconds, inclusive. */
	from: number;
	/** Epoch seconds. */
	to: number;
	pageIndex: number;
	pageSize: number;
	order: ReadOrder;
}

export interface ReadPage<T> {
	rows: T[];
	/** RecordCount: all rows matching the request; undefined when the answer has none. */
	recordCount?: number;
}

/** A row as the reader needs it: who it is and when it was last modified (epoch seconds). */
export interface Stamped {
	id: string;
	modified?: number;
}

export interface ReadSettings<T extends Stamped> {
	/** The first second to read. */
	from: number;
	pageSize: number;
	maxRecords: number;
	maxRequests: number;
	/** Whether the poll's time is up: the read stops before the next second, like at the cap. */
	expired?: () => boolean;
	/** n8n's clock, epoch seconds. */
	now: () => number;
	read: (request: ReadRequest) => Promise<ReadPage<T>>;
	/** Takes complete rows, oldest first; returns how many of them are emitted. */
	take: (rows: T[]) => number;
}

export interface ReadSummary extends ReadOutcome {
	requests: number;
	/** Records emitted (what take() returned, summed). */
	emitted: number;
}

/** A read that would emit a partial or unordered result: the poll fails instead, and its cursor stays. */
export class PollReadError extends Error {}

type Dated<T> = T & { modified: number };

/** The rows of a page, each checked to carry a second, not before `from`, and (`ordered`) in ModifiedOn order. */
function dated<T extends Stamped>(rows: T[], from: number, ordered: boolean): Array<Dated<T>> {
	let previous = from;
	for (const row of rows) {
		if (row.modified === undefined) throw new PollReadError(`LeadSquared returned record ${row.id} without a readable ModifiedOn, so the trigger cannot tell where to go on reading`);
		if (row.modified < from) {
			throw new PollReadError(`LeadSquared returned record ${row.id}, modified before the ${leadSquaredSecond(from)} UTC the trigger asked for (are the account's dates UTC?)`);
		}
		if (ordered && row.modified < previous) {
			throw new PollReadError('LeadSquared returned the changed records out of ModifiedOn order, so the trigger cannot tell which ones it has read; nothing was emitted');
		}
		previous = row.modified;
	}
	return rows as Array<Dated<T>>;
}

/** Consecutive runs of rows of the same second. */
function bySecond<T>(rows: Array<Dated<T>>): Array<{ second: number; rows: Array<Dated<T>> }> {
	const groups: Array<{ second: number; rows: Array<Dated<T>> }> = [];
	for (const row of rows) {
		const last = groups[groups.length - 1];
		if (last && last.second === row.modified) last.rows.push(row);
		else groups.push({ second: row.modified, rows: [row] });
	}
	return groups;
}

/** Reads every record modified at or after `settings.from` (see the top of this file). */
export async function readSince<T extends Stamped>(settings: ReadSettings<T>): Promise<ReadSummary> {
	const { pageSize } = settings;
	let anchor = settings.from;
	let nearNow: number | undefined;
	let requests = 0;
	let emitted = 0;
	const read = async (request: ReadRequest): Promise<ReadPage<T>> => {
		requests++;
		return await settings.read(request);
	};
	const capped = (): boolean => emitted >= settings.maxRecords || requests >= settings.maxRequests || (settings.expired?.() ?? false);
	const moveTo = (second: number, sent: number): void => {
		anchor = Math.max(anchor, second);
		if (anchor > sent - OVERLAP_SECONDS) nearNow ??= sent;
	};
	const summary = (complete: boolean): ReadSummary => ({ complete, anchor, nearNow, requests, emitted });

	/** Hands over whole seconds until the cap; false when it stopped before one. */
	const takeSeconds = (groups: Array<{ second: number; rows: T[] }>, sent: number): boolean => {
		for (const group of groups) {
			if (capped()) {
				moveTo(group.second, sent);
				return false;
			}
			emitted += settings.take(group.rows);
		}
		return true;
	};

	/** Every row of one second, read in the unique order (see the top of this file). */
	const readSecond = async (second: number, sent: number): Promise<T[]> => {
		for (let attempt = 1; ; attempt++) {
			const rows: T[] = [];
			let count: number | undefined;
			let settled = true;
			for (let pageIndex = 1; ; pageIndex++) {
				const page = await read({ from: second, to: second + 1, pageIndex, pageSize, order: 'unique' });
				if (count !== undefined && page.recordCount !== undefined && page.recordCount !== count) settled = false;
				count = page.recordCount ?? count;
				for (const row of dated(page.rows, second, false)) if (row.modified === second) rows.push(row);
				if (page.recordCount === undefined ? page.rows.length < pageSize : pageIndex * pageSize >= page.recordCount) break;
				if (page.rows.length < pageSize) {
					// pages smaller than asked for move the pages after them: reading on by page number would skip records
					throw new PollReadError(`LeadSquared answered ${page.rows.length} records for a page of ${pageSize} while counting ${page.recordCount} modified at ${leadSquaredSecond(second)} UTC`);
				}
				if (pageIndex >= MAX_SECOND_PAGES) throw new PollReadError(`LeadSquared kept answering full pages for the records modified at ${leadSquaredSecond(second)} UTC (${pageIndex} pages)`);
			}
			if (settled || second > sent - OVERLAP_SECONDS) return rows;
			if (attempt >= SECOND_ATTEMPTS) {
				throw new PollReadError(
					`The records modified at ${leadSquaredSecond(second)} UTC kept changing while the trigger read them (${attempt} tries); nothing was emitted, and the next poll reads them again`,
				);
			}
		}
	};

	for (;;) {
		if (capped()) return summary(false);
		const sent = settings.now();
		const page = await read({ from: anchor, to: sent + LOOKAHEAD_SECONDS, pageIndex: 1, pageSize, order: 'modified' });
		const rows = dated(page.rows, anchor, true);
		const more = rows.length >= pageSize || (page.recordCount ?? 0) > rows.length;
		if (more && rows.length === 0) throw new PollReadError(`LeadSquared counted ${page.recordCount} changed records but returned none`);
		if (!more) {
			if (!takeSeconds(bySecond(rows), sent)) return summary(false);
			moveTo(rows.length > 0 ? rows[rows.length - 1].modified : anchor, sent);
			nearNow ??= sent;
			return summary(true);
		}
		const last = rows[rows.length - 1].modified;
		if (last > anchor) {
			if (!takeSeconds(bySecond(rows.filter((row) => row.modified < last)), sent)) return summary(false);
			moveTo(last, sent);
		} else {
			emitted += settings.take(await readSecond(last, sent));
			moveTo(last + 1, sent);
		}
	}
}
