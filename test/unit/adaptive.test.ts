import { AdaptivePacer, DEFAULT_TUNING, normalisePace, sharedPacer } from '../../nodes/LeadSquared/machinery/adaptive';
import type { Ticket } from '../../nodes/LeadSquared/machinery/adaptive';
import type { Clock } from '../../nodes/LeadSquared/machinery/pacing';

/** A clock that only moves when someone sleeps: the pacer is tested without real waiting. */
function fakeClock(): Clock & { advance(ms: number): void } {
	let now = 1_000_000;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
		advance: (ms: number) => {
			now += ms;
		},
	};
}

const PACE = { calls: 10, windowMs: 5000 };
const LIMIT_10 = { calls: 10, windowMs: 5000 };

/** One call after another: acquire, wait `latency`, answer ok. Returns the start times. */
async function run(pacer: AdaptivePacer, clock: Clock, calls: number, pace = PACE, latency = 20): Promise<number[]> {
	const starts: number[] = [];
	for (let i = 0; i < calls; i++) {
		const ticket = await pacer.acquire(pace);
		starts.push(ticket.startedAt);
		await clock.sleep(latency);
		pacer.onSuccess(ticket);
	}
	return starts;
}

function maxInAnyWindow(starts: number[], windowMs: number): number {
	return Math.max(...starts.map((start) => starts.filter((t) => t >= start && t < start + windowMs).length));
}

describe('AdaptivePacer alone on an account', () => {
	it('never starts more than the configured limit in any window, and spreads the calls evenly', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0.5);
		const starts = await run(pacer, clock, 60);
		expect(maxInAnyWindow(starts, 5000)).toBeLessThanOrEqual(10);
		const gaps = starts.slice(1).map((t, i) => t - starts[i]);
		// about one call every 500 ms (window ÷ limit), not ten at once and then a pause
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
		expect(maxInAnyWindow(starts, 2500)).toBeLessThanOrEqual(6);
	});

	it('keeps the pace the configured limit allows (over 95 %) when never refused', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock);
		const starts = await run(pacer, clock, 201, PACE, 40);
		const perSecond = (starts.length - 1) / ((starts[starts.length - 1] - starts[0]) / 1000);
		expect(perSecond / (PACE.calls / 5)).toBeGreaterThanOrEqual(0.95);
		expect(pacer.currentCalls(PACE)).toBe(10);
	});

	it('rounds a fractional limit down, at least one call per window', async () => {
		expect(normalisePace({ calls: 2.7, windowMs: 5000 })).toEqual({ calls: 2, windowMs: 5000 });
		expect(normalisePace({ calls: 0.4, windowMs: 5000 })).toEqual({ calls: 1, windowMs: 5000 });
		expect(normalisePace({ calls: Number.NaN, windowMs: 5000 })).toEqual({ calls: 1, windowMs: 5000 });
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock);
		const starts = await run(pacer, clock, 12, { calls: 2.7, windowMs: 5000 });
		expect(maxInAnyWindow(starts, 5000)).toBe(2);
	});

	it('does not pace an unlimited limit, and stops waiting when cancelled', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock);
		const before = clock.now();
		await run(pacer, clock, 50, { calls: Number.POSITIVE_INFINITY, windowMs: 5000 }, 0);
		expect(clock.now()).toBe(before);
		const slow = new AdaptivePacer(clock);
		await slow.acquire({ calls: 1, windowMs: 60_000 });
		const at = clock.now();
		await slow.acquire({ calls: 1, windowMs: 60_000 }, () => true);
		expect(clock.now()).toBe(at);
	});
});

describe('AdaptivePacer on a rate-limit answer', () => {
	async function refusedAfter(pacer: AdaptivePacer, clock: Clock, calls: number, pace = { calls: 25, windowMs: 5000 }): Promise<{ ticket: Ticket; firstStart: number }> {
		const starts = await run(pacer, clock, calls, pace);
		const ticket = await pacer.acquire(pace);
		await clock.sleep(20);
		return { ticket, firstStart: starts[0] };
	}

	it('at the configured limit, drops to the calls it has in the window and pauses until its oldest one leaves it', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const { ticket, firstStart } = await refusedAfter(pacer, clock, 6);
		const wait = pacer.onRateLimited(ticket, { calls: 25, windowMs: 5000 });
		// six answered calls in the window: its share of the account when the account filled up
		expect(pacer.currentCalls({ calls: 25, windowMs: 5000 })).toBe(6);
		// nothing goes until the first call (answered 20 ms after it started) has left the window
		expect(clock.now() + wait).toBeGreaterThanOrEqual(firstStart + 5000);
		expect(Math.abs(pacer.waitTime({ calls: 25, windowMs: 5000 }) - wait)).toBeLessThanOrEqual(1);
	});

	it('adds up to one interval of jitter to the pause, so processes refused together come back apart', async () => {
		const pauses: number[] = [];
		for (const random of [() => 0, () => 0.5, () => 0.99]) {
			const clock = fakeClock();
			const pacer = new AdaptivePacer(clock, random);
			const { ticket } = await refusedAfter(pacer, clock, 6);
			const wait = pacer.onRateLimited(ticket, { calls: 25, windowMs: 5000 });
			// the refused call waits for the account to have room; the jitter delays every call of the process
			pauses.push(pacer.waitTime({ calls: 25, windowMs: 5000 }) - wait);
		}
		const interval = 5000 / 6;
		expect(pauses[0]).toBeLessThanOrEqual(1);
		expect(pauses[1]).toBeGreaterThan(0.4 * interval);
		expect(pauses[2]).toBeLessThanOrEqual(interval + 1);
	});

	it('counts in the window LeadSquared reported ("in 1 second(s)"), not only the configured one', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const pace = { calls: 25, windowMs: 5000 };
		const { ticket } = await refusedAfter(pacer, clock, 4, pace);
		const wait = pacer.onRateLimited(ticket, { calls: 5, windowMs: 1000 });
		// its oldest call in the last second leaves that window within a second
		expect(wait).toBeLessThanOrEqual(1000);
		expect(pacer.currentCalls(pace)).toBeLessThanOrEqual(25);
	});

	it('once paced, slows down by beta and at least one whole call, at most once per window', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const pace = { calls: 25, windowMs: 5000 };
		const first = await refusedAfter(pacer, clock, 20, pace);
		pacer.onRateLimited(first.ticket, pace);
		const learnt = pacer.currentCalls(pace);
		clock.advance(5000);
		const second = await pacer.acquire(pace);
		pacer.onRateLimited(second, pace);
		const lower = pacer.currentCalls(pace);
		expect(lower).toBe(Math.floor(Math.min(learnt * DEFAULT_TUNING.beta, learnt - 1)));
		// a second refusal in the same window changes nothing: those calls were sent at the old pace
		const third = await pacer.acquire(pace);
		pacer.onRateLimited(third, pace);
		expect(pacer.currentCalls(pace)).toBe(lower);
	});

	it('speeds up again slowly right after a refusal, faster the longer none comes, never above the configured limit', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const pace = { calls: 12, windowMs: 5000 };
		const { ticket } = await refusedAfter(pacer, clock, 8, pace);
		pacer.onRateLimited(ticket, pace);
		expect(pacer.currentCalls(pace)).toBe(8);
		// 16 calls at 8 per window: two windows, each adding `increase` (0.1), a little more as time passes
		await run(pacer, clock, 16, pace);
		const early = pacer.currentCalls(pace);
		expect(early).toBeGreaterThan(8 + 2 * DEFAULT_TUNING.increase);
		expect(early).toBeLessThan(8 + 4 * DEFAULT_TUNING.increase);
		// left alone (no refusal for many windows), it is back at the limit within about ten windows
		const starts = await run(pacer, clock, 110, pace);
		expect(pacer.currentCalls(pace)).toBe(12);
		expect(maxInAnyWindow(starts, 5000)).toBeLessThanOrEqual(12);
	});

	it('stays under the limit LeadSquared reported, and ignores a reported limit below one call', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const pace = { calls: 25, windowMs: 5000 };
		const { ticket } = await refusedAfter(pacer, clock, 14, pace);
		pacer.onRateLimited(ticket, LIMIT_10);
		expect(pacer.currentCalls(pace)).toBe(10);
		const starts = await run(pacer, clock, 300, pace);
		expect(maxInAnyWindow(starts, 5000)).toBeLessThanOrEqual(10);

		const other = new AdaptivePacer(clock, () => 0);
		const refused = await refusedAfter(other, clock, 3, pace);
		other.onRateLimited(refused.ticket, { calls: 0, windowMs: 5000 });
		expect(other.currentCalls(pace)).toBe(3);
		other.onRateLimited(await other.acquire(pace), { calls: 0.5, windowMs: 5000 });
		expect(other.currentCalls(pace)).toBeGreaterThanOrEqual(DEFAULT_TUNING.minCalls);
	});

	it('waits at least what Retry-After says, and goes back to the configured limit after a minute idle', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock, () => 0);
		const pace = { calls: 25, windowMs: 5000 };
		const { ticket } = await refusedAfter(pacer, clock, 5, pace);
		expect(pacer.onRateLimited(ticket, undefined, 30_000)).toBe(30_000);
		expect(pacer.currentCalls(pace)).toBe(5);
		clock.advance(DEFAULT_TUNING.idleResetMs + 1);
		expect(pacer.waitTime(pace)).toBe(0);
		expect(pacer.currentCalls(pace)).toBe(25);
	});

	it('frees the place of a call that got no answer without learning from it', async () => {
		const clock = fakeClock();
		const pacer = new AdaptivePacer(clock);
		const ticket = await pacer.acquire(PACE);
		pacer.onNoAnswer(ticket);
		pacer.onNoAnswer(ticket);
		expect(pacer.currentCalls(PACE)).toBe(10);
	});
});

describe('sharedPacer', () => {
	it('gives every execution in the process the same pacer per account and bucket', () => {
		const clock = fakeClock();
		expect(sharedPacer('acct:api', clock)).toBe(sharedPacer('acct:api', clock));
		expect(sharedPacer('acct:api', clock)).not.toBe(sharedPacer('acct:bulk', clock));
	});
});
