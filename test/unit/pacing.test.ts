import { accountTag, CallGate, slowerPace } from '../../nodes/LeadSquared/machinery/pacing';
import type { Clock } from '../../nodes/LeadSquared/machinery/pacing';

/** A clock that only moves when someone sleeps: the gate is tested without real waiting. */
function fakeClock(): Clock & { slept: number[] } {
	let now = 1_000_000;
	const slept: number[] = [];
	return {
		slept,
		now: () => now,
		sleep: async (ms: number) => {
			slept.push(ms);
			now += ms;
		},
	};
}

async function callAt(gate: CallGate, clock: Clock, pace = { calls: 3, windowMs: 1000 }, latency = 10): Promise<number> {
	const slot = await gate.acquire(pace, clock);
	const started = clock.now();
	await clock.sleep(latency);
	slot.release();
	return started;
}

describe('CallGate', () => {
	it('lets N calls through at once, then spaces them a full window after each answer', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		const starts: number[] = [];
		for (let i = 0; i < 7; i++) starts.push(await callAt(gate, clock));
		const t0 = starts[0];
		expect(starts.map((t) => t - t0)).toEqual([0, 10, 20, 1011, 1021, 1031, 2022]);
	});

	it('never has more than N call starts in any window of the pace', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		const pace = { calls: 5, windowMs: 1000 };
		const starts: number[] = [];
		for (let i = 0; i < 40; i++) starts.push(await callAt(gate, clock, pace, (i * 37) % 50));
		for (const start of starts) {
			expect(starts.filter((t) => t >= start && t < start + pace.windowMs).length).toBeLessThanOrEqual(pace.calls);
		}
	});

	it('takes a call left open for ten minutes as answered, so the gate cannot lock up', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		const pace = { calls: 1, windowMs: 1000 };
		await gate.acquire(pace, clock);
		await gate.acquire(pace, clock);
		expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * 60_000);
	});

	it('counts calls still waiting for their answer', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		const pace = { calls: 2, windowMs: 1000 };
		await gate.acquire(pace, clock);
		await gate.acquire(pace, clock);
		expect(gate.waitTime(pace, clock.now())).toBeGreaterThanOrEqual(1000);
	});

	it('forgets a call LeadSquared refused, and tells how many calls are in a window and when the oldest leaves', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		const first = gate.take(clock);
		await clock.sleep(100);
		first.release();
		const refused = gate.take(clock);
		const open = gate.take(clock);
		refused.discard();
		expect(gate.usage(1000, clock.now())).toEqual({ count: 2, freesAt: clock.now() + 1000 });
		await clock.sleep(1000);
		// the answered call left the window; the open one stays in it however old it is
		expect(gate.usage(1000, clock.now()).count).toBe(1);
		open.release();
		await clock.sleep(1000);
		expect(gate.usage(1000, clock.now())).toEqual({ count: 0, freesAt: undefined });
	});

	it('does not gate an unlimited pace, and stops waiting when cancelled', async () => {
		const clock = fakeClock();
		const gate = new CallGate();
		for (let i = 0; i < 100; i++) (await gate.acquire({ calls: Number.POSITIVE_INFINITY, windowMs: 1000 }, clock)).release();
		expect(clock.slept).toEqual([]);
		const other = new CallGate();
		const pace = { calls: 1, windowMs: 60_000 };
		(await other.acquire(pace, clock)).release();
		await other.acquire(pace, clock, () => true);
		expect(clock.slept).toEqual([]);
	});
});

describe('slowerPace and accountTag', () => {
	it('keeps the slower of two paces', () => {
		expect(slowerPace({ calls: 25, windowMs: 5000 }, { calls: 10, windowMs: 5000 })).toEqual({ calls: 10, windowMs: 5000 });
		expect(slowerPace({ calls: 10, windowMs: 5000 }, { calls: 25, windowMs: 5000 })).toEqual({ calls: 10, windowMs: 5000 });
	});

	it('tags accounts without keeping the key', () => {
		const tag = accountTag('https://api.leadsquared.com', 'u$r-secret-access-key');
		expect(tag).toMatch(/^[0-9a-z]+$/);
		expect(tag).not.toContain('secret');
		expect(accountTag('https://api.leadsquared.com', 'other')).not.toBe(tag);
	});
});
