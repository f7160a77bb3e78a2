/**
 * A simulated LeadSquared account and K independent processes calling it, in virtual time (no real
 * waits): the test bed for the adaptive pacer (nodes/LeadSquared/machinery/adaptive.ts).
 *
 * - The account counts calls at arrival in a sliding window (N calls per W ms) and refuses calls past it;
 *   refused calls do not count (the sandbox's default, sandbox/rate-limit.ts).
 * - Each process has its own pacer (nothing shared: separate n8n processes), a backlog of calls and a
 *   number of calls in flight (the node's Concurrent Requests). A call arrives half a round trip after it
 *   starts and is answered a full round trip after it starts; a refused call waits what the pacer says
 *   (at least `minRetryWaitMs`, as the transport does) and goes through the pacer again.
 */
import { AdaptivePacer, DEFAULT_TUNING } from '../../nodes/LeadSquared/machinery/adaptive';
import type { Tuning } from '../../nodes/LeadSquared/machinery/adaptive';
import { CallGate, slowerPace } from '../../nodes/LeadSquared/machinery/pacing';
import type { Clock, Pace, Slot } from '../../nodes/LeadSquared/machinery/pacing';

/** A seeded pseudo-random generator (mulberry32), so every run is reproducible. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Timer {
	at: number;
	seq: number;
	resolve: () => void;
}

/** Virtual time: `sleep` resolves when `run` reaches its moment; nothing waits for real. */
export class VirtualClock implements Clock {
	private time = 0;
	private seq = 0;
	private readonly timers: Timer[] = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
			let low = 0;
			let high = this.timers.length;
			while (low < high) {
				const mid = (low + high) >> 1;
				const other = this.timers[mid];
				if (other.at < timer.at || (other.at === timer.at && other.seq < timer.seq)) low = mid + 1;
				else high = mid;
			}
			this.timers.splice(low, 0, timer);
		});
	}

	/** Fires timers in time order until none is left (or `limitMs` of virtual time passed). */
	async run(limitMs: number): Promise<void> {
		await flush();
		while (this.timers.length > 0) {
			const timer = this.timers.shift() as Timer;
			if (timer.at > limitMs) throw new Error(`simulation still running after ${limitMs} ms of virtual time`);
			this.time = timer.at;
			timer.resolve();
			await flush();
		}
	}
}

/** Lets every promise chain that can run now run (microtasks drain before the next macrotask). */
async function flush(): Promise<void> {
	await new Promise<void>((resolve) => setImmediate(resolve));
}

/** LeadSquared's limiter: N calls per W ms, sliding, counted at arrival; refused calls do not count. */
export class SimulatedAccount {
	private readonly arrivals: number[] = [];
	readonly accepted: number[] = [];
	refused = 0;

	constructor(readonly limit: Pace) {}

	take(at: number): boolean {
		while (this.arrivals.length > 0 && this.arrivals[0] <= at - this.limit.windowMs) this.arrivals.shift();
		if (this.arrivals.length >= this.limit.calls) {
			this.refused++;
			return false;
		}
		this.arrivals.push(at);
		this.accepted.push(at);
		return true;
	}
}

export interface Scenario {
	/** The account's limit (and what every process is configured with unless `configured` says otherwise). */
	limit: Pace;
	configured?: Pace;
	/** Independent processes. */
	processes: number;
	/** Calls in all, split evenly over the processes. */
	calls: number;
	/** Calls in flight per process. */
	concurrency?: number;
	/** Round trip, ms: uniform between the two. */
	latencyMs?: [number, number];
	/** When each process starts (ms); default all at 0. */
	startAt?: (process: number) => number;
	minRetryWaitMs?: number;
	tuning?: Partial<Tuning>;
	seed?: number;
	/** The pacing before the adaptive pacer: a CallGate per process at the configured (then the reported) limit, a window's wait per refusal. */
	legacy?: boolean;
}

interface SimPacer<T> {
	acquire(pace: Pace): Promise<T>;
	onSuccess(ticket: T): void;
	onRateLimited(ticket: T, reported: Pace): number;
}

/** What the transport did before: one CallGate per process, slowed to the reported limit, a window's wait. */
function legacyPacer(clock: Clock): SimPacer<Slot> {
	const gate = new CallGate();
	let pace: Pace | undefined;
	return {
		acquire: async (configured) => await gate.acquire((pace ??= configured), clock),
		onSuccess: (slot) => slot.release(),
		onRateLimited: (slot, reported) => {
			slot.release();
			pace = slowerPace(pace as Pace, reported);
			return reported.windowMs;
		},
	};
}

export interface Outcome {
	processes: number;
	limit: Pace;
	accepted: number;
	refused: number;
	/** refused ÷ all calls */
	refusedShare: number;
	/** Accepted calls per second from the first to the last, ÷ the account's limit in calls per second. */
	efficiency: number;
	spanMs: number;
	/** Accepted calls per process. */
	perProcess: number[];
	/** The same from the first call until the first process had made all its calls. */
	busyEfficiency: number;
	/** Per window of the limit: calls accepted, calls refused, and each process's pace at its end. */
	timeline: Array<{ accepted: number; refused: number; paces: number[] }>;
}

export async function simulate(scenario: Scenario): Promise<Outcome> {
	const clock = new VirtualClock();
	const random = seededRandom(scenario.seed ?? 1);
	const account = new SimulatedAccount(scenario.limit);
	const configured = scenario.configured ?? scenario.limit;
	const [low, high] = scenario.latencyMs ?? [80, 250];
	const tuning = { ...DEFAULT_TUNING, ...(scenario.tuning ?? {}) };
	const perProcess: number[] = [];
	const timeline: Outcome['timeline'] = [];
	const paces: Array<() => number> = [];
	let busy = scenario.processes;
	let firstDone: number | undefined;
	const runs: Array<Promise<void>> = [];
	for (let p = 0; p < scenario.processes; p++) {
		const pacer: SimPacer<unknown> = scenario.legacy
			? (legacyPacer(clock) as SimPacer<unknown>)
			: (new AdaptivePacer(clock, seededRandom((scenario.seed ?? 1) * 1000 + p + 1), tuning) as SimPacer<unknown>);
		let backlog = Math.floor(scenario.calls / scenario.processes) + (p < scenario.calls % scenario.processes ? 1 : 0);
		perProcess.push(0);
		const worker = async (): Promise<void> => {
			while (backlog > 0) {
				backlog--;
				for (;;) {
					const ticket = await pacer.acquire(configured);
					const roundTrip = low + random() * (high - low);
					await clock.sleep(roundTrip / 2);
					const ok = account.take(clock.now());
					await clock.sleep(roundTrip / 2);
					if (ok) {
						pacer.onSuccess(ticket);
						perProcess[p]++;
						break;
					}
					const wait = pacer.onRateLimited(ticket, scenario.limit);
					await clock.sleep(Math.max(scenario.minRetryWaitMs ?? 1000, wait));
				}
			}
		};
		paces.push(() => (pacer instanceof AdaptivePacer ? pacer.currentCalls(configured) : configured.calls));
		runs.push(
			(async () => {
				await clock.sleep(scenario.startAt?.(p) ?? 0);
				await Promise.all(Array.from({ length: scenario.concurrency ?? 5 }, worker));
				busy--;
				firstDone ??= clock.now();
			})(),
		);
	}
	const sampler = async (): Promise<void> => {
		let seen = { accepted: 0, refused: 0 };
		while (busy > 0) {
			await clock.sleep(scenario.limit.windowMs);
			timeline.push({
				accepted: account.accepted.length - seen.accepted,
				refused: account.refused - seen.refused,
				paces: paces.map((pace) => Math.round(pace() * 10) / 10),
			});
			seen = { accepted: account.accepted.length, refused: account.refused };
		}
	};
	runs.push(sampler());
	await clock.run(24 * 3600_000);
	await Promise.all(runs);

	const { accepted, refused } = account;
	const spanMs = accepted[accepted.length - 1] - accepted[0];
	const rate = (count: number, ms: number): number => (ms > 0 ? count / ms / (scenario.limit.calls / scenario.limit.windowMs) : 1);
	const busyCalls = accepted.filter((at) => at <= (firstDone ?? Infinity));
	return {
		processes: scenario.processes,
		limit: scenario.limit,
		accepted: accepted.length,
		refused,
		refusedShare: refused / (accepted.length + refused),
		efficiency: rate(accepted.length - 1, spanMs),
		busyEfficiency: rate(busyCalls.length - 1, busyCalls[busyCalls.length - 1] - accepted[0]),
		spanMs,
		perProcess,
		timeline,
	};
}
