/**
 * Pacing calls under LeadSquared's rate limit ("N calls per S seconds", per account).
 *
 * A gate keeps the recent calls of one account and lets a call start only while fewer than N calls
 * fall inside the last S seconds. A call occupies its place from the moment it starts until S seconds
 * after its answer arrived: LeadSquared counts a call when it arrives, somewhere between the two, so
 * counting from the answer can never put N+1 arrivals inside one window, whatever the network latency.
 *
 * Pure: time and sleeping are passed in, so tests drive it without real waits.
 */

export interface Pace {
	calls: number;
	windowMs: number;
}

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export interface Slot {
	/** Marks the call as answered: its place frees `windowMs` after this moment. */
	release(): void;
	/** Forgets the call: LeadSquared refused it, so it does not count against the limit. */
	discard(): void;
}

/** This process's calls that count against the limit in one window. */
export interface Usage {
	/** Calls started in the window or still waiting for their answer. */
	count: number;
	/** When the oldest of them leaves the window (an open call: a window after its start; undefined when there is none). */
	freesAt: number | undefined;
}

interface Entry {
	at: number;
	open: boolean;
}

/** Longest window we keep history for; LeadSquared's windows are 1–5 s. */
const HISTORY_MS = 60_000;
/** A call still open after this long is taken as answered (it has long timed out), so the gate never locks up. */
const OPEN_LIMIT_MS = 10 * 60_000;

export class CallGate {
	private entries: Entry[] = [];
	private prunedAt = 0;

	/** Waits for a free place under `pace`, then takes it. `isCancelled` stops the wait early. */
	async acquire(pace: Pace, clock: Clock, isCancelled: () => boolean = () => false): Promise<Slot> {
		for (;;) {
			const wait = this.waitTime(pace, clock.now());
			if (wait <= 0 || isCancelled()) break;
			// Sleep in short steps so a cancelled execution stops waiting promptly.
			await clock.sleep(Math.min(wait, 1000));
		}
		return this.take(clock);
	}

	/** Takes a place now, without waiting (the caller has checked `waitTime`). */
	take(clock: Pick<Clock, 'now'>): Slot {
		const entry: Entry = { at: clock.now(), open: true };
		this.entries.push(entry);
		return {
			release: () => {
				entry.at = clock.now();
				entry.open = false;
			},
			discard: () => {
				const index = this.entries.indexOf(entry);
				if (index >= 0) this.entries.splice(index, 1);
			},
		};
	}

	/** The calls inside the last `windowMs` (open calls always are) and when the oldest of them leaves. */
	usage(windowMs: number, now: number): Usage {
		let count = 0;
		let freesAt: number | undefined;
		for (const entry of this.entries) {
			if (!entry.open && now - entry.at >= windowMs) continue;
			count++;
			if (freesAt === undefined || entry.at + windowMs < freesAt) freesAt = entry.at + windowMs;
		}
		return { count, freesAt };
	}

	/** Milliseconds until a call may start under `pace` (0 = now). */
	waitTime(pace: Pace, now: number): number {
		this.prune(now);
		if (!Number.isFinite(pace.calls) || pace.calls <= 0) return 0;
		// Fewer calls on record than the pace allows: no need to look at their times.
		if (this.entries.length < pace.calls) return 0;
		const inWindow = this.entries.filter((entry) => entry.open || now - entry.at < pace.windowMs);
		if (inWindow.length < pace.calls) return 0;
		// The place that frees first decides; an open call frees no earlier than a full window from now.
		const frees = inWindow.map((entry) => (entry.open ? now + pace.windowMs : entry.at + pace.windowMs)).sort((a, b) => a - b);
		return Math.max(1, frees[inWindow.length - pace.calls] - now + 1);
	}

	/** Drops calls older than any window we pace by (at most once a second: the list is only history). */
	private prune(now: number): void {
		if (now - this.prunedAt < 1000) return;
		this.prunedAt = now;
		for (const entry of this.entries) {
			if (entry.open && now - entry.at > OPEN_LIMIT_MS) entry.open = false;
		}
		this.entries = this.entries.filter((entry) => entry.open || now - entry.at < HISTORY_MS);
	}
}

/** The slower of two paces (fewer calls per millisecond). */
export function slowerPace(current: Pace, reported: Pace): Pace {
	return reported.calls / reported.windowMs < current.calls / current.windowMs ? reported : current;
}

/** A short, stable, non-reversible tag for an account (FNV-1a), so no key is kept as a map key. */
export function accountTag(...parts: string[]): string {
	let hash = 0x811c9dc5;
	for (const char of parts.join('\u0000')) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}
