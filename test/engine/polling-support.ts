/**
 * Helpers of the Polling Trigger's engine tests: moving the trigger's state into the past (instead of
 * waiting), LeadSquared dates, and polling until a backlog is emitted.
 */
import type { TriggerExecution, TriggerHarness } from '../harness/triggers';

/**
 * Moves every time in the trigger's state `seconds` into the past, as if it had been activated, and had
 * last polled, that long ago. Works for each state format the trigger has had (version 1 and 2).
 */
export function agePollState(harness: TriggerHarness, seconds: number): void {
	const shift = (value: unknown, key = ''): unknown => {
		if (typeof value === 'number') return key === 'v' ? value : value - seconds;
		if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v, k)]));
		return value;
	};
	harness.staticData.poll = shift(harness.staticData.poll) as never;
}

/** 'yyyy-MM-dd HH:mm:ss' (UTC) of an epoch second, as LeadSquared writes dates. */
export const at = (second: number): string => new Date(second * 1000).toISOString().slice(0, 19).replace('T', ' ');

export const nowSecond = (): number => Math.floor(Date.now() / 1000);

/** Polls until a poll finds nothing (a capped poll goes on with the next one); every execution. */
export async function drain(harness: TriggerHarness, maxPolls = 40): Promise<TriggerExecution[]> {
	const executions: TriggerExecution[] = [];
	for (let poll = 0; poll < maxPolls; poll++) {
		const execution = await harness.poll();
		if (!execution) return executions;
		executions.push(execution);
	}
	throw new Error(`still emitting after ${maxPolls} polls`);
}
