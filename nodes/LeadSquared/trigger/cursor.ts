/**
 * The polling cursor: which records a poll emits, so that each change is emitted once, none is missed at
 * a whole-second boundary, and none is emitted twice across polls. Pure: no n8n imports.
 *
 * LeadSquared filters by the record's last modification in whole UTC seconds, and it is not documented
 * whether ToDate is inclusive [INF]. So each poll asks for a window that starts OVERLAP_SECONDS before
 * where the last one ended (covering both readings of ToDate, writes that become visible a moment after
 * their timestamp, and clock differences between n8n and LeadSquared), ends at the last whole second
 * (LAG_SECONDS), and leaves out what the state remembers as emitted: a record is emitted again only when
 * its modification time or its values changed. What is remembered is kept for OVERLAP_SECONDS.
 */
export const OVERLAP_SECONDS = 60;
export const LAG_SECONDS = 1;

export interface PollState {
	/** Format of the state, for later changes. */
	v: 1;
	/** Seconds (epoch) up to which records were considered. */
	cursor: number;
	/** The second the trigger was activated: earlier changes are never emitted. */
	since: number;
	/** Emitted records: key → the second it is dated (for forgetting it). */
	seen: Record<string, number>;
}

/** A record as the cursor sees it. */
export interface PollRow {
	id: string;
	/** Last modification, epoch seconds. */
	modified?: number;
	/** Creation, epoch seconds. */
	created?: number;
	/** A digest of the record's values (see digest()). */
	digest: string;
}

export type PollMode = 'changes' | 'created';

export interface Window {
	from: number;
	to: number;
}

export function nowSeconds(nowMs: number): number {
	return Math.floor(nowMs / 1000);
}

/**
 * The state of a trigger activated now: nothing before this second is emitted (changes within it are: a
 * change just before the activation may come, rather than one just after it being missed).
 */
export function initialState(nowMs: number): PollState {
	const second = nowSeconds(nowMs);
	return { v: 1, cursor: second, since: second, seen: {} };
}

export function readPollState(raw: unknown): PollState | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const state = raw as Partial<PollState>;
	if (state.v !== 1 || typeof state.cursor !== 'number' || typeof state.since !== 'number') return undefined;
	const seen: Record<string, number> = {};
	if (state.seen && typeof state.seen === 'object') {
		for (const [key, value] of Object.entries(state.seen)) if (typeof value === 'number') seen[key] = value;
	}
	return { v: 1, cursor: state.cursor, since: state.since, seen };
}

/** The window of the next poll: OVERLAP_SECONDS back from the cursor (not before activation) up to the last whole second. */
export function nextWindow(state: PollState, nowMs: number): Window {
	const to = Math.max(nowSeconds(nowMs) - LAG_SECONDS, state.cursor);
	return { from: Math.max(state.cursor - OVERLAP_SECONDS, state.since), to };
}

/** FNV-1a (32 bit) of a text, as 8 hex digits: enough to tell two versions of one record apart. */
export function digest(values: Record<string, unknown>, ignore: readonly string[] = []): string {
	const skip = new Set(ignore.map((key) => key.toLowerCase()));
	const text = JSON.stringify(
		Object.keys(values)
			.filter((key) => !skip.has(key.toLowerCase()))
			.sort()
			.map((key) => [key, values[key]]),
	);
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

function keyOf(row: PollRow, mode: PollMode, window: Window): { key: string; stamp: number } | undefined {
	if (mode === 'created') {
		if (row.created === undefined) return undefined;
		return { key: `${row.id}@new`, stamp: row.created };
	}
	const stamp = row.modified ?? window.to;
	return { key: `${row.id}@${stamp}@${row.digest}`, stamp };
}

export interface Selection<T extends PollRow = PollRow> {
	/** The rows to emit, in the order given, each with whether it is new to the trigger. */
	fresh: Array<{ row: T; isNew: boolean }>;
	state: PollState;
}

/**
 * The rows of a window to emit, and the state after the poll. `created` mode emits records created in
 * the window, once each; `changes` mode emits every version of a record once.
 */
export function selectRows<T extends PollRow>(state: PollState, rows: readonly T[], mode: PollMode, window: Window): Selection<T> {
	const seen = { ...state.seen };
	const known = new Set(Object.keys(state.seen).map((key) => key.slice(0, key.indexOf('@'))));
	const fresh: Selection<T>['fresh'] = [];
	for (const row of rows) {
		const entry = keyOf(row, mode, window);
		if (!entry || entry.stamp < state.since || seen[entry.key] !== undefined) continue;
		if (mode === 'created' && entry.stamp < window.from) continue;
		const isNew = row.created !== undefined && row.created >= window.from && !known.has(row.id);
		seen[entry.key] = entry.stamp;
		known.add(row.id);
		fresh.push({ row, isNew });
	}
	const cursor = Math.max(state.cursor, window.to);
	for (const [key, stamp] of Object.entries(seen)) if (stamp < cursor - OVERLAP_SECONDS) delete seen[key];
	return { fresh, state: { v: 1, cursor, since: state.since, seen } };
}

/** 'yyyy-MM-dd HH:mm:ss' in UTC, as LeadSquared takes dates. */
export function leadSquaredSecond(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A date LeadSquared returned ('yyyy-MM-dd HH:mm:ss[.fff]', UTC, or ISO 8601) as epoch seconds. */
export function secondsOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const iso = /^\d{4}-\d{2}-\d{2} \d/.test(text) ? `${text.replace(' ', 'T')}${/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? '' : 'Z'}` : text;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}
