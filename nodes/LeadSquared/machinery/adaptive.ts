/**
 * Pacing that several n8n processes sharing one LeadSquared account converge on, from LeadSquared's
 * answers alone.
 *
 * n8n gives nodes no state shared across processes (queue-mode workers, separate `n8n execute` runs), so
 * each process paces on its own and learns its share of the account's limit. Per account and bucket:
 *
 * - **Never above the configured limit**, nor above the limit LeadSquared reported in its last refusals
 *   (for ten minutes). Max Calls per 5 Seconds is rounded down, at least 1; a reported limit below 1 is
 *   ignored. The learnt pace is held in whole calls per window by a CallGate (pacing.ts) that counts each
 *   call until a window after its answer, so this process never has more calls than its pace in any
 *   window of the account, whatever the network does.
 * - **Evenly spread**: calls start one interval (window ÷ pace) apart, not N at once, so K processes that
 *   start together fill the account gradually and are stopped by a few refusals, not a window's worth.
 * - **Slow down on a refusal**, at most once per window (the calls already in the window were sent at the
 *   old pace). At the configured limit, to the calls this process has in the account's window: its share
 *   when the account filled up (limit ÷ K for K processes that started together), and it sends nothing
 *   until its own oldest call has left the window, plus a random part of an interval, so processes
 *   refused together come back apart. Once paced, by `beta` and at least one whole call, to a whole
 *   number; the refused call alone waits a random part of an interval.
 * - **Speed up again** while calls succeed: `increase` calls per window for every window of answered
 *   calls, a step that doubles every `doubling` windows without a refusal, so a process left alone on the
 *   account (the others finished) grows back to the limit in a few windows. Never above the caps.
 *
 * One process alone with the right configured limit is never refused and never slows down: it runs at
 * the configured limit, evenly spread. Pure: time and randomness are passed in. Tuned and measured with
 * K = 1-8 simulated processes in test/unit/adaptive-simulation.test.ts.
 *
 * Known weakness: a process that starts while others already fill the account gets the few calls it had
 * in the window when refused, and the others give way one call per window per refusal, so it runs slowly
 * until they finish (the account stays fully used; refusals stay rare).
 *
 * Use, per request (transport):
 *   const pacer = sharedPacer(`${account}:${bulk ? 'bulk' : 'api'}`, clock);
 *   const ticket = await pacer.acquire(configuredPace, isCancelled);
 *   send; then exactly one of: pacer.onSuccess(ticket) (any answer but a rate limit),
 *   pacer.onNoAnswer(ticket) (network error, timeout), or
 *   wait = pacer.onRateLimited(ticket, failure.limit, failure.retryAfterMs) and retry after the wait.
 */
import { CallGate } from './pacing';
import type { Clock, Pace, Slot } from './pacing';

export interface Tuning {
	/** Multiplicative decrease of a learnt pace on a rate-limit answer (0 < beta < 1); at least one call. */
	beta: number;
	/** Calls per window added for every window's worth of answered calls, right after a refusal. */
	increase: number;
	/** That step doubles after every this many windows without a refusal (Infinity = never). */
	doubling: number;
	/** The random part of a wait after a refusal, in intervals of the new pace (0 = none). */
	jitter: number;
	/** How far a call may start ahead of the even schedule, in intervals (absorbs timer lateness). */
	burst: number;
	/** The slowest pace, in calls per window. */
	minCalls: number;
	/** How long a limit LeadSquared reported caps the pace after the last refusal reporting it. */
	reportedTtlMs: number;
	/** After this long without a call, the process starts again at the configured limit. */
	idleResetMs: number;
}

/** Tuned in test/unit/adaptive-simulation.test.ts (K = 1, 2, 3, 4, 8 processes on one account). */
export const DEFAULT_TUNING: Tuning = {
	beta: 0.95,
	increase: 0.1,
	doubling: 3,
	jitter: 1,
	burst: 0.5,
	minCalls: 0.25,
	reportedTtlMs: 10 * 60_000,
	idleResetMs: 60_000,
};

/** One call under way: hand it back to the pacer with its answer. */
export interface Ticket {
	/** When the call started. */
	readonly startedAt: number;
	/** The configured pace it ran under (normalised). */
	readonly pace: Pace;
}

interface OpenTicket extends Ticket {
	slot: Slot;
	settled: boolean;
}

/** The configured pace as used: calls rounded down, at least 1; Infinity stays unlimited. */
export function normalisePace(pace: Pace): Pace {
	const windowMs = pace.windowMs > 0 ? pace.windowMs : 5000;
	if (pace.calls === Number.POSITIVE_INFINITY) return { calls: pace.calls, windowMs };
	const calls = Number.isFinite(pace.calls) ? Math.max(1, Math.floor(pace.calls)) : 1;
	return { calls, windowMs };
}

export class AdaptivePacer {
	private readonly gate = new CallGate();
	/** Learnt pace in calls per ms; undefined = at the cap (nothing learnt, or grown back to it). */
	private rate: number | undefined;
	/** Theoretical start of the next call on the even schedule (GCRA). */
	private nextAt = Number.NEGATIVE_INFINITY;
	/** After a refusal at the cap: nothing starts before this. */
	private pauseUntil = Number.NEGATIVE_INFINITY;
	private lastDecreaseAt = Number.NEGATIVE_INFINITY;
	private lastRefusalAt = Number.NEGATIVE_INFINITY;
	private lastActivityAt = Number.NEGATIVE_INFINITY;
	/** The limit LeadSquared last reported, in calls per ms, its window, and when. */
	private reported: { perMs: number; windowMs: number; at: number } | undefined;

	constructor(
		private readonly clock: Clock,
		private readonly random: () => number = Math.random,
		private readonly tuning: Tuning = DEFAULT_TUNING,
	) {}

	/** The pace this process sends at now, in calls per the pace's window (for logs and tests). */
	currentCalls(pace: Pace, now = this.clock.now()): number {
		const normal = normalisePace(pace);
		return Math.round(this.currentPerMs(normal, now) * normal.windowMs * 1e6) / 1e6;
	}

	/** Milliseconds until a call under `pace` may start (0 = now). */
	waitTime(pace: Pace, now = this.clock.now()): number {
		const normal = normalisePace(pace);
		if (normal.calls === Number.POSITIVE_INFINITY) return 0;
		this.forgetWhenIdle(now);
		const { gate, interval } = this.enforced(normal, now);
		const scheduled = Math.max(this.schedule(interval, now) - this.tuning.burst * interval, this.pauseUntil) - now;
		return Math.max(this.gate.waitTime(gate, now), scheduled, 0);
	}

	/** Waits until a call may start under `pace` and takes its place. `isCancelled` stops the wait early. */
	async acquire(pace: Pace, isCancelled: () => boolean = () => false): Promise<Ticket> {
		const normal = normalisePace(pace);
		for (;;) {
			const wait = this.waitTime(normal);
			if (wait <= 0 || isCancelled()) break;
			// Short steps, so a cancelled execution stops waiting promptly.
			await this.clock.sleep(Math.min(Math.max(1, Math.ceil(wait)), 1000));
		}
		const now = this.clock.now();
		this.lastActivityAt = now;
		if (normal.calls !== Number.POSITIVE_INFINITY) {
			const { interval } = this.enforced(normal, now);
			this.nextAt = Math.max(this.schedule(interval, now), now) + interval;
		}
		const ticket: OpenTicket = { startedAt: now, pace: normal, slot: this.gate.take(this.clock), settled: false };
		return ticket;
	}

	/** LeadSquared answered (with anything but a rate limit): the call counted against the limit. */
	onSuccess(ticket: Ticket): void {
		if (!this.settle(ticket, 'release')) return;
		const now = this.clock.now();
		this.lastActivityAt = now;
		if (this.rate === undefined) return;
		const { windowMs } = ticket.pace;
		const perWindow = this.rate * windowMs;
		const quiet = Math.max(0, now - this.lastRefusalAt) / windowMs;
		const step = this.tuning.increase * 2 ** Math.min(quiet / this.tuning.doubling, 8);
		const next = (perWindow + step / perWindow) / windowMs;
		this.rate = next >= this.capPerMs(ticket.pace, now) ? undefined : next;
	}

	/** No answer came (network error, timeout): frees the place, learns nothing. */
	onNoAnswer(ticket: Ticket): void {
		this.settle(ticket, 'release');
	}

	/**
	 * LeadSquared refused the call as rate-limited (`reported`: the limit its message gave). Slows down and,
	 * when this process was at the configured limit, pauses it. Returns how long the refused call should wait
	 * before `acquire` again: until the account has room for it as far as this process knows (the pacing
	 * after that, jitter included, is `acquire`'s), or Retry-After when that is longer.
	 */
	onRateLimited(ticket: Ticket, reported?: Pace, retryAfterMs = 0): number {
		this.settle(ticket, 'discard');
		const now = this.clock.now();
		this.lastActivityAt = now;
		this.lastRefusalAt = now;
		const { windowMs } = ticket.pace;
		if (reported && reported.calls >= 1 && reported.windowMs > 0 && Number.isFinite(reported.calls)) {
			this.reported = { perMs: Math.floor(reported.calls) / reported.windowMs, windowMs: reported.windowMs, at: now };
		}
		// The account's window: the one LeadSquared reported, else the configured one.
		const accountWindowMs = this.fresh(now)?.windowMs ?? windowMs;
		const usage = this.gate.usage(accountWindowMs, now);
		const atCap = this.rate === undefined;
		if (now - this.lastDecreaseAt >= accountWindowMs) {
			const current = this.currentPerMs(ticket.pace, now) * windowMs;
			// At the cap (nothing learnt yet, e.g. K processes starting together), the calls this process has
			// in the account's window are its share of it. Once paced, the pace is the share (fewer calls in the
			// window mean it was recovering, not greedy); it drops to a whole number, so that every process
			// needs as long to add its next call.
			let lower: number;
			if (atCap) lower = Math.min(current, (Math.max(1, usage.count) * windowMs) / accountWindowMs);
			else if (current < 2) lower = current / 2;
			else lower = Math.floor(Math.min(current * this.tuning.beta, Math.floor(current + 1e-9) - 1) + 1e-9);
			this.rate = Math.max(this.tuning.minCalls, lower) / windowMs;
			this.lastDecreaseAt = now;
		}
		if (!atCap) {
			// Paced: the other calls keep their places on the schedule (leaving them empty would let other
			// processes take them); the refused call takes the next free one.
			return Math.max(0, retryAfterMs);
		}
		// The account is full of calls sent at the cap: nothing of this process goes until its own oldest call
		// has left the account's window (the first place it knows will free), plus a random part of an
		// interval, so that processes refused together come back apart.
		const frees = Math.max(now, usage.freesAt ?? now);
		const { interval } = this.enforced(ticket.pace, now);
		this.pauseUntil = Math.max(this.pauseUntil, frees + this.random() * this.tuning.jitter * interval);
		return Math.max(0, Math.ceil(frees - now), retryAfterMs);
	}

	/** The schedule's next start; one laid out at a slower pace than now's is pulled in to it. */
	private schedule(interval: number, now: number): number {
		return Math.min(this.nextAt, now + (1 + this.tuning.burst) * interval);
	}

	private settle(ticket: Ticket, how: 'release' | 'discard'): boolean {
		const open = ticket as OpenTicket;
		if (open.settled || !open.slot) return false;
		open.settled = true;
		if (how === 'release') open.slot.release();
		else open.slot.discard();
		return true;
	}

	/** The limit LeadSquared reported, while it still holds. */
	private fresh(now: number): { perMs: number; windowMs: number } | undefined {
		return this.reported && now - this.reported.at < this.tuning.reportedTtlMs ? this.reported : undefined;
	}

	/** The hard cap in calls per ms: the configured limit, or the reported one while it is fresh and lower. */
	private capPerMs(pace: Pace, now: number): number {
		const reported = this.fresh(now);
		return reported ? Math.min(pace.calls / pace.windowMs, reported.perMs) : pace.calls / pace.windowMs;
	}

	/**
	 * What is enforced now: whole calls per window (the learnt pace rounded down), counted by the CallGate
	 * from each answer, so this process never has more than that many calls in any window of the account;
	 * and the even spacing between call starts. Below one call per window: one call per longer window.
	 */
	private enforced(pace: Pace, now: number): { gate: Pace; interval: number } {
		const perWindow = this.currentPerMs(pace, now) * pace.windowMs;
		if (perWindow < 1) {
			const windowMs = pace.windowMs / perWindow;
			return { gate: { calls: 1, windowMs }, interval: windowMs };
		}
		const calls = Math.floor(perWindow + 1e-9);
		return { gate: { calls, windowMs: pace.windowMs }, interval: pace.windowMs / calls };
	}

	private currentPerMs(pace: Pace, now: number): number {
		const cap = this.capPerMs(pace, now);
		return this.rate === undefined ? cap : Math.min(cap, this.rate);
	}

	private forgetWhenIdle(now: number): void {
		if (this.rate !== undefined && now - this.lastActivityAt > this.tuning.idleResetMs) this.rate = undefined;
	}
}

/** Pacers shared by every execution in this n8n process, one per account and bucket (normal or bulk). */
const pacers = new Map<string, AdaptivePacer>();
const MAX_PACERS = 200;

/** Forgets what every pacer of this process learnt (for tests that run many executions in one process). */
export function forgetPacers(): void {
	pacers.clear();
}

export function sharedPacer(key: string, clock: Clock, random: () => number = Math.random): AdaptivePacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		if (pacers.size >= MAX_PACERS) {
			const oldest = pacers.keys().next().value;
			if (oldest !== undefined) pacers.delete(oldest);
		}
		pacer = new AdaptivePacer(clock, random);
		pacers.set(key, pacer);
	}
	return pacer;
}
