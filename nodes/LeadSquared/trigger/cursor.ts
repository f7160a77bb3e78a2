/**
 * The polling cursor: what the trigger remembers between polls, which records a poll emits, and where
 * the next poll starts, so that each change is emitted once and none is lost. Pure: no n8n imports.
 *
 * A poll reads every record modified at or after `cursor` (pollReader.ts); the state says which of
 * those were already emitted:
 * - `seen`: the versions emitted whose ModifiedOn is at or after the cursor (`id@modified@digest`:
 *   a record is emitted again only when its modification time or its values changed);
 * - `createdFrom` and `ids`: every record created at or after the activation and before `createdFrom`
 *   was already read by an earlier poll, in some version; `ids` holds the records emitted that were
 *   created since. A record is new (lead.created, activity.created, the "New …" events) when it was
 *   created at or after `createdFrom` and is not in `ids`: the first time the trigger meets it, whatever
 *   has happened to it since it was created (the edit of a new lead while a poll runs included).
 *
 * OVERLAP_SECONDS: LeadSquared's dates are whole seconds, a write can become readable a moment after
 * the time it carries, and n8n's and LeadSquared's clocks differ a little. So the part of a poll that
 * came near the present is read again by the next poll (the state's memory drops the repeats), and a
 * record counts as created "since" only from OVERLAP_SECONDS before the last complete read.
 */
export const OVERLAP_SECONDS = 60;

export interface PollState {
	/** Format of the state. */
	v: 2;
	/** The second the trigger was activated: earlier changes and records created earlier are never emitted. */
	since: number;
	/** The next poll reads the records modified at or after this second (epoch seconds). */
	cursor: number;
	/** Every record created in [since, createdFrom) was read by an earlier poll. */
	createdFrom: number;
	/** Versions emitted, modified at or after `cursor`: key → ModifiedOn (epoch seconds). */
	seen: Record<string, number>;
	/** Records emitted that were created at or after `createdFrom`: id → CreatedOn (epoch seconds). */
	ids: Record<string, number>;
}

/** The format before 2 (windows ending at the last whole second): read and carried over. */
interface PollStateV1 {
	v: 1;
	cursor: number;
	since: number;
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

export function nowSeconds(nowMs: number): number {
	return Math.floor(nowMs / 1000);
}

/**
 * The state of a trigger activated now: nothing before this second is emitted (changes within it are: a
 * change just before the activation may come, rather than one just after it being missed).
 */
export function initialState(nowMs: number): PollState {
	const second = nowSeconds(nowMs);
	return { v: 2, since: second, cursor: second, createdFrom: second, seen: {}, ids: {} };
}

function numbers(raw: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	if (raw && typeof raw === 'object') for (const [key, value] of Object.entries(raw)) if (typeof value === 'number') out[key] = value;
	return out;
}

/**
 * The state in the static data, in the current format: a version-1 state is carried over without
 * emitting anything twice or losing anything (its next window started OVERLAP_SECONDS before its cursor,
 * and it treated records created before that start as not new); undefined for anything else.
 */
export function readPollState(raw: unknown): PollState | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const state = raw as Partial<PollState> | Partial<PollStateV1>;
	if (typeof state.cursor !== 'number' || typeof state.since !== 'number') return undefined;
	if (state.v === 2) {
		const createdFrom = typeof state.createdFrom === 'number' ? state.createdFrom : state.since;
		return { v: 2, since: state.since, cursor: state.cursor, createdFrom, seen: numbers(state.seen), ids: numbers(state.ids) };
	}
	if (state.v !== 1) return undefined;
	const start = Math.max(state.cursor - OVERLAP_SECONDS, state.since);
	const seen: Record<string, number> = {};
	const ids: Record<string, number> = {};
	for (const [key, stamp] of Object.entries(numbers(state.seen))) {
		const id = key.slice(0, key.indexOf('@'));
		// version 1 kept `id@new` (created mode) and `id@modified@digest` (changes mode); either says the record was emitted
		if (!key.endsWith('@new')) seen[key] = stamp;
		ids[id] = Math.max(ids[id] ?? stamp, stamp);
	}
	return { v: 2, since: state.since, cursor: start, createdFrom: start, seen, ids };
}

// read once: a global looked up for every character is slow where the global object is a proxy (vm contexts)
const { imul } = Math;

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
		hash = imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** How a poll's read ended (pollReader.ts). */
export interface ReadOutcome {
	/** Whether it read to the present (false: it stopped at its cap). */
	complete: boolean;
	/** Every record modified before this second was handed over. */
	anchor: number;
	/** The second of the first request whose answer reached within OVERLAP_SECONDS of the time it was sent. */
	nearNow?: number;
}

/**
 * One poll's selection: the rows to emit, in the order handed over, each with whether it is new to the
 * trigger; then the state after the poll.
 */
export class PollSelection<T extends PollRow> {
	readonly fresh: Array<{ row: T; isNew: boolean }> = [];
	private readonly seen: Record<string, number>;
	private readonly ids: Record<string, number>;

	constructor(
		private readonly state: PollState,
		private readonly mode: PollMode,
	) {
		this.seen = { ...state.seen };
		this.ids = { ...state.ids };
	}

	/** Rows read (each complete version of a record); returns how many of them are emitted. */
	take(rows: readonly T[]): number {
		const before = this.fresh.length;
		for (const row of rows) {
			if (row.modified !== undefined && row.modified < this.state.since) continue;
			const created = row.created;
			const isNew = created !== undefined && created >= this.state.createdFrom && this.ids[row.id] === undefined;
			if (this.mode === 'created') {
				if (!isNew) continue;
			} else {
				const key = `${row.id}@${row.modified ?? ''}@${row.digest}`;
				if (this.seen[key] !== undefined) continue;
				this.seen[key] = row.modified ?? this.state.cursor;
			}
			if (created !== undefined && created >= this.state.createdFrom) this.ids[row.id] = created;
			this.fresh.push({ row, isNew });
		}
		return this.fresh.length - before;
	}

	/**
	 * The state after the read. The next poll starts where this one stopped (a capped read) or
	 * OVERLAP_SECONDS before the time it came near the present, whichever is earlier; never earlier than
	 * this poll's start (what is older was forgotten). After a complete read every record created before
	 * that start was read, in some version: `createdFrom` moves there.
	 */
	finish(outcome: ReadOutcome): PollState {
		const nearNow = outcome.nearNow === undefined ? Infinity : outcome.nearNow - OVERLAP_SECONDS;
		const reached = outcome.complete ? nearNow : Math.min(outcome.anchor, nearNow);
		const cursor = Math.max(this.state.cursor, Number.isFinite(reached) ? reached : this.state.cursor);
		const createdFrom = outcome.complete ? Math.max(this.state.createdFrom, cursor) : this.state.createdFrom;
		const seen: Record<string, number> = {};
		for (const [key, stamp] of Object.entries(this.seen)) if (stamp >= cursor) seen[key] = stamp;
		const ids: Record<string, number> = {};
		for (const [id, stamp] of Object.entries(this.ids)) if (stamp >= createdFrom) ids[id] = stamp;
		return { v: 2, since: this.state.since, cursor, createdFrom, seen, ids };
	}
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
