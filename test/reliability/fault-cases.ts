/**
 * The fault matrix's cases (faults.test.ts): each fault LeadSquared or the network can throw at a write, what
 * it must lead to, and the items the matrix writes with what should become of each.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FaultSpec } from '../../sandbox';
import { BULK_ENDPOINT, FAST_OPTIONS, SINGLE_ENDPOINT } from './helpers';

export const MAX_RETRIES = FAST_OPTIONS.maxRetries as number;
/** Timeout of the cases whose answer is slower than it (the others keep FAST_OPTIONS' generous one). */
const SHORT_TIMEOUT = 500;
const SLOW_ANSWER = 1500;

export type Mode = 'single' | 'batch';
export const WRITE_ENDPOINT: Record<Mode, string> = { single: SINGLE_ENDPOINT, batch: BULK_ENDPOINT };

export interface FaultCase {
	name: string;
	/** The fault, injected on the mode's write endpoint. */
	fault: FaultSpec & { count?: number; process?: boolean };
	/** Extra node options. */
	options?: IDataObject;
	/** Whether the affected call ends in success (the fault is absorbed) or the item fails. */
	outcome: 'recovers' | 'fails';
	/** Requests the affected call makes in all (first try + retries). */
	attempts: number;
	/** Whether the faulty answers came after LeadSquared applied the write. */
	applied: boolean;
	/** The words the final error must contain. */
	message?: RegExp;
}

const rateLimit = (answer: 429 | 403 | 200, count: number): FaultCase['fault'] => ({ type: 'rateLimit', answer, calls: 1000, windowSeconds: 1, count });
const serverError = (status: number, count: number, body?: string): FaultCase['fault'] => ({ type: 'status', status, count, ...(body !== undefined ? { body } : {}) });

const STORM = 2;
export const CASES: FaultCase[] = [
	// Rate-limit storms in LeadSquared's three answer forms: waited out, then the write goes through.
	...([429, 403, 200] as const).map(
		(answer): FaultCase => ({
			name: `rate-limit storm (${STORM} answers, HTTP ${answer})`,
			fault: rateLimit(answer, STORM),
			outcome: 'recovers',
			attempts: STORM + 1,
			applied: false,
		}),
	),
	// An endless storm: the item fails once its wait budget is spent (1 s → one wait; 0 s → no wait).
	{
		name: 'endless rate-limit storm (HTTP 429), maxRateLimitWait 1 s',
		fault: rateLimit(429, Infinity),
		options: { maxRateLimitWait: 1 },
		outcome: 'fails',
		attempts: 2,
		applied: false,
		message: /rate limit/,
	},
	...([403, 200] as const).map(
		(answer): FaultCase => ({
			name: `endless rate-limit storm (HTTP ${answer}), maxRateLimitWait 0 s`,
			fault: rateLimit(answer, Infinity),
			options: { maxRateLimitWait: 0 },
			outcome: 'fails',
			attempts: 1,
			applied: false,
			message: /rate limit/,
		}),
	),
	// Bursts of bare 5xx answers (no MX body): retried with backoff up to maxRetries.
	...[
		[500, undefined],
		[502, 'Bad Gateway'],
		[503, 'Service Unavailable'],
		[504, undefined],
	].flatMap(([status, body]): FaultCase[] => [
		{
			name: `${MAX_RETRIES} × HTTP ${status} (within the retry bound)`,
			fault: serverError(status as number, MAX_RETRIES, body as string | undefined),
			outcome: 'recovers',
			attempts: MAX_RETRIES + 1,
			applied: false,
		},
		{
			name: `${MAX_RETRIES + 1} × HTTP ${status} (beyond the retry bound)`,
			fault: serverError(status as number, MAX_RETRIES + 1, body as string | undefined),
			outcome: 'fails',
			attempts: MAX_RETRIES + 1,
			applied: false,
			message: new RegExp(`HTTP ${status}`),
		},
	]),
	// A LeadSquared error envelope with a 5xx is LeadSquared's answer, never retried.
	{
		name: 'HTTP 500 with an MX error body (never retried)',
		fault: {
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Something LeadSquared refused' },
		},
		outcome: 'fails',
		attempts: 1,
		applied: false,
		message: /refused the lead: Something LeadSquared refused/,
	},
	// LeadSquared's envelope around a failure of its own (MySqlException, "There was an error processing the
	// request", contract §12.3): transient, retried like a bare 5xx.
	{
		name: `${MAX_RETRIES} × HTTP 500 with a MySqlException envelope (within the retry bound)`,
		fault: { type: 'internalError', count: MAX_RETRIES },
		outcome: 'recovers',
		attempts: MAX_RETRIES + 1,
		applied: false,
	},
	{
		name: `${MAX_RETRIES + 1} × HTTP 500 "There was an error processing the request" (beyond the retry bound)`,
		fault: { type: 'internalError', exceptionType: 'MXException', count: MAX_RETRIES + 1 },
		outcome: 'fails',
		attempts: MAX_RETRIES + 1,
		applied: false,
		message: new RegExp(`internal error \\(HTTP 500, MXException\\), ${MAX_RETRIES + 1} attempts in a row`),
	},
	// Connection reset after LeadSquared wrote: the retry must find (update) the same lead.
	{
		name: 'connection reset after the write (once)',
		fault: { type: 'reset', when: 'after', count: 1 },
		outcome: 'recovers',
		attempts: 2,
		applied: true,
	},
	{
		name: `connection reset after the write (${MAX_RETRIES + 1} times)`,
		fault: { type: 'reset', when: 'after', count: MAX_RETRIES + 1 },
		outcome: 'fails',
		attempts: MAX_RETRIES + 1,
		applied: true,
		message: /connection was reset/,
	},
	{
		name: 'connection reset before the write (once)',
		fault: { type: 'reset', when: 'before', count: 1 },
		outcome: 'recovers',
		attempts: 2,
		applied: false,
	},
	// An answer slower than the timeout (the write happened): retried, same lead.
	{
		name: `answer slower than the timeout (${SLOW_ANSWER} ms > ${SHORT_TIMEOUT} ms, once)`,
		fault: { type: 'delay', when: 'after', ms: SLOW_ANSWER, count: 1 },
		options: { timeout: SHORT_TIMEOUT },
		outcome: 'recovers',
		attempts: 2,
		applied: true,
	},
	{
		name: `answer slower than the timeout (${MAX_RETRIES + 1} times)`,
		fault: { type: 'delay', when: 'after', ms: SLOW_ANSWER, count: MAX_RETRIES + 1 },
		options: { timeout: SHORT_TIMEOUT },
		outcome: 'fails',
		attempts: MAX_RETRIES + 1,
		applied: true,
		message: /no answer within 0\.5 s/,
	},
	// HTML error pages: as a 502 a gateway error (retried); as a 200 unreadable (not retried).
	{
		name: 'HTML error page as HTTP 502 (once)',
		fault: { type: 'html', status: 502, count: 1 },
		outcome: 'recovers',
		attempts: 2,
		applied: false,
	},
	{
		name: `HTML error page as HTTP 502 (${MAX_RETRIES + 1} times)`,
		fault: { type: 'html', status: 502, count: MAX_RETRIES + 1 },
		outcome: 'fails',
		attempts: MAX_RETRIES + 1,
		applied: false,
		message: /HTML page/,
	},
	{
		name: 'HTML page as HTTP 200 (not retried)',
		fault: { type: 'html', status: 200, count: 1 },
		outcome: 'fails',
		attempts: 1,
		applied: false,
		message: /HTML page/,
	},
	// 2xx answers that are not readable JSON: not retried (the write may have happened).
	{
		name: 'empty body with HTTP 200, after the write',
		fault: { type: 'empty', status: 200, process: true, count: 1 },
		outcome: 'fails',
		attempts: 1,
		applied: true,
		message: /empty body/,
	},
	{
		name: 'truncated JSON with HTTP 200, after the write',
		fault: { type: 'truncated', count: 1 },
		outcome: 'fails',
		attempts: 1,
		applied: true,
		message: /cut off/,
	},
	{
		name: 'HTTP 200 JSON that is not the documented shape',
		fault: { type: 'json', status: 200, body: { Status: 'Success', Message: { AffectedRows: 1 }, Note: 'no id' }, count: 1 },
		outcome: 'fails',
		attempts: 1,
		applied: false,
		message: /not the documented shape/,
	},
];

/** Two leads exist already; the items mix new and existing leads (the first item is new). */
export const EXISTING = [
	{ EmailAddress: 'existing1@example.com', FirstName: 'Before', LastName: 'Existing1' },
	{ EmailAddress: 'existing2@example.com', FirstName: 'Before', LastName: 'Existing2' },
];
export const ITEMS: IDataObject[] = [
	{ EmailAddress: 'new1@example.com', FirstName: 'After', LastName: 'New1' },
	{ EmailAddress: 'existing1@example.com', FirstName: 'After', LastName: 'Existing1' },
	{ EmailAddress: 'new2@example.com', FirstName: 'After', LastName: 'New2' },
	{ EmailAddress: 'existing2@example.com', FirstName: 'After', LastName: 'Existing2' },
];
export const emailOf = (index: number) => ITEMS[index].EmailAddress as string;
export const isExisting = (index: number) => EXISTING.some((lead) => lead.EmailAddress === emailOf(index));

export type ItemFate = 'ok' | 'error' | 'not reached';

/** What should happen to each item. In single mode a finite fault hits the first item only. */
export function expectedFates(fault: FaultCase, mode: Mode, continueOnFail: boolean): ItemFate[] {
	const every = fault.fault.count === Infinity;
	const fates: ItemFate[] = [];
	let stopped = false;
	ITEMS.forEach((_, index) => {
		if (stopped) {
			fates.push('not reached');
			return;
		}
		const affected = mode === 'batch' || every || index === 0;
		const fate: ItemFate = affected && fault.outcome === 'fails' ? 'error' : 'ok';
		fates.push(fate);
		if (fate === 'error' && !continueOnFail) stopped = true;
	});
	// Batch mode: the whole call fails, and without continue on fail the node stops at its first row.
	if (mode === 'batch' && fault.outcome === 'fails' && !continueOnFail) return fates.map((_, index) => (index === 0 ? 'error' : 'not reached'));
	return fates;
}

/** Requests each item's lead should have caused (single mode), or the batch call's total (batch mode). */
export function expectedRequests(fault: FaultCase, mode: Mode, fates: ItemFate[]): number[] {
	if (mode === 'batch') return [fault.attempts];
	const every = fault.fault.count === Infinity;
	return fates.map((fate, index) => (fate === 'not reached' ? 0 : every || index === 0 ? fault.attempts : 1));
}
