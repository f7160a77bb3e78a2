/**
 * Fault matrix: every fault LeadSquared (or the network between) can throw at a write, in single and
 * batch mode, with and without "continue on fail". For each run:
 * - every input item yields exactly one output or error item, paired to it (continue on fail), or the run
 *   fails with an error naming the item and what happened;
 * - the sandbox holds no two leads with the same e-mail (a lost answer must not become a second lead);
 * - the requests stay within their bounds: 1 + maxRetries for transient faults, until the storm ends for
 *   rate limits, exactly 1 for answers that must not be retried;
 * - the message says what happened.
 *
 * A summary table is written to .test-tmp/reliability/fault-matrix.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Fault, FaultSpec, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import {
	autoMap,
	BULK_ENDPOINT,
	duplicateEmails,
	emailsIn,
	FAST_OPTIONS,
	leadsWithEmail,
	requestsTo,
	rowsOf,
	SINGLE_ENDPOINT,
	UNLIMITED,
} from './helpers';

const MAX_RETRIES = FAST_OPTIONS.maxRetries as number;
/** Timeout of the cases whose answer is slower than it (the others keep FAST_OPTIONS' generous one). */
const SHORT_TIMEOUT = 500;
const SLOW_ANSWER = 1500;

type Mode = 'single' | 'batch';
const WRITE_ENDPOINT: Record<Mode, string> = { single: SINGLE_ENDPOINT, batch: BULK_ENDPOINT };

interface FaultCase {
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
const CASES: FaultCase[] = [
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
const EXISTING = [
	{ EmailAddress: 'existing1@example.com', FirstName: 'Before', LastName: 'Existing1' },
	{ EmailAddress: 'existing2@example.com', FirstName: 'Before', LastName: 'Existing2' },
];
const ITEMS: IDataObject[] = [
	{ EmailAddress: 'new1@example.com', FirstName: 'After', LastName: 'New1' },
	{ EmailAddress: 'existing1@example.com', FirstName: 'After', LastName: 'Existing1' },
	{ EmailAddress: 'new2@example.com', FirstName: 'After', LastName: 'New2' },
	{ EmailAddress: 'existing2@example.com', FirstName: 'After', LastName: 'Existing2' },
];
const emailOf = (index: number) => ITEMS[index].EmailAddress as string;
const isExisting = (index: number) => EXISTING.some((lead) => lead.EmailAddress === emailOf(index));

type ItemFate = 'ok' | 'error' | 'not reached';

/** What should happen to each item. In single mode a finite fault hits the first item only. */
function expectedFates(fault: FaultCase, mode: Mode, continueOnFail: boolean): ItemFate[] {
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
function expectedRequests(fault: FaultCase, mode: Mode, fates: ItemFate[]): number[] {
	if (mode === 'batch') return [fault.attempts];
	const every = fault.fault.count === Infinity;
	return fates.map((fate, index) => (fate === 'not reached' ? 0 : every || index === 0 ? fault.attempts : 1));
}

interface MatrixRow {
	fault: string;
	mode: Mode;
	continueOnFail: boolean;
	itemsOut: string;
	duplicates: number;
	requests: string;
}

const matrix: MatrixRow[] = [];

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED, leads: EXISTING });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
	writeMatrix();
});

beforeEach(() => sandbox.reset());

function writeMatrix(): void {
	if (matrix.length === 0) return;
	const lines = [
		'| Fault | Mode | Continue on fail | Items out | Duplicate leads | Write requests |',
		'|---|---|---|---|---|---|',
		...matrix.map(
			(row) => `| ${row.fault} | ${row.mode} | ${row.continueOnFail ? 'yes' : 'no'} | ${row.itemsOut} | ${row.duplicates} | ${row.requests} |`,
		),
	];
	const dir = join(__dirname, '..', '..', '.test-tmp', 'reliability');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'fault-matrix.md'), `${lines.join('\n')}\n`);
}

function describeItems(result: RunResult, continueOnFail: boolean): string {
	if (!continueOnFail && result.status === 'error') return `run failed (item ${String(result.error?.context?.itemIndex)})`;
	const ok = result.items.filter((item) => item.json.error === undefined).length;
	const errors = result.items.length - ok;
	return `${result.items.length} (${ok} ok, ${errors} error)`;
}

const MODES: Mode[] = ['single', 'batch'];
const TABLE = CASES.flatMap((fault) =>
	MODES.flatMap((mode) => [false, true].map((continueOnFail) => ({ fault, mode, continueOnFail }))),
);

describe('fault matrix', () => {
	it.each(TABLE.map((row) => [row.fault.name, row.mode, row.continueOnFail ? 'continue on fail' : 'stop on fail', row] as const))(
		'%s — %s mode, %s',
		async (_name, _mode, _cof, { fault, mode, continueOnFail }) => {
			const endpoint = WRITE_ENDPOINT[mode];
			sandbox.injectFault({ endpoint, ...fault.fault } as Fault);
			const options = { ...fault.options, ...(mode === 'batch' ? { sendInBatches: true } : {}) };

			const result = await runLeadSquared({
				parameters: autoMap({}, options),
				items: ITEMS,
				credentials: sandboxCredentials(sandbox),
				continueOnFail,
			});

			const fates = expectedFates(fault, mode, continueOnFail);
			const writes = requestsTo(sandbox, endpoint);
			const perItem = ITEMS.map((_, index) => writes.filter((entry) => emailsIn(entry).includes(emailOf(index))).length);
			matrix.push({
				fault: fault.name,
				mode,
				continueOnFail,
				itemsOut: describeItems(result, continueOnFail),
				duplicates: duplicateEmails(sandbox).length,
				requests: mode === 'batch' ? `${writes.length} bulk call(s)` : `per item: ${perItem.join(' / ')}`,
			});

			// The other write endpoint is never used, and LeadsMetaData.Get is fetched once.
			expect(requestsTo(sandbox, WRITE_ENDPOINT[mode === 'single' ? 'batch' : 'single'])).toHaveLength(0);
			expect(requestsTo(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);

			// 1. Every item accounted for, or the run stopped with an error naming the item and the cause.
			if (fates.includes('error') && !continueOnFail) {
				expect(result.status).toBe('error');
				expect(result.items).toEqual([]);
				expect(result.error?.message).toMatch(fault.message!);
				expect(result.error?.context?.itemIndex).toBe(fates.indexOf('error'));
			} else {
				expect(result.status).toBe('success');
				expect(result.error).toBeUndefined();
				expect(result.items).toHaveLength(ITEMS.length);
				result.items.forEach((item, index) => {
					expect(item.pairedItem).toEqual({ item: index });
					if (fates[index] === 'error') {
						expect(item.json).toEqual({ error: expect.stringMatching(fault.message!), details: expect.objectContaining({ itemIndex: index }) });
						expect(item.json.leadId).toBeUndefined();
					} else {
						expect(item.json.error).toBeUndefined();
						expect(item.json.leadId).toEqual(expect.any(String));
					}
				});
			}

			// 2. No duplicate leads; each lead written exactly when it should have been.
			// A row is sent when its item was reached (single mode) or with its whole batch (batch mode); a
			// faulty answer that came after the write still wrote it.
			const written = fates.map((fate, index) => fate === 'ok' || ((mode === 'batch' || fates[index] !== 'not reached') && fault.applied));
			expect(duplicateEmails(sandbox)).toEqual([]);
			ITEMS.forEach((item, index) => {
				const stored = leadsWithEmail(sandbox, emailOf(index));
				expect(stored).toHaveLength(isExisting(index) || written[index] ? 1 : 0);
				if (stored.length === 1) expect(stored[0].FirstName).toBe(written[index] ? item.FirstName : 'Before');
				if (fates[index] === 'ok' && continueOnFail) expect(result.items[index].json.leadId).toBe(stored[0].ProspectID);
			});
			expect(sandbox.leads()).toHaveLength(EXISTING.length + written.filter((isWritten, index) => isWritten && !isExisting(index)).length);

			// 3. Requests within their bounds.
			const expected = expectedRequests(fault, mode, fates);
			if (mode === 'batch') {
				expect(writes).toHaveLength(expected[0]);
				for (const entry of writes) expect(rowsOf(entry.body)).toHaveLength(ITEMS.length);
			} else {
				expect(perItem).toEqual(expected);
				expect(writes).toHaveLength(expected.reduce((sum, count) => sum + count, 0));
			}
			if (fault.fault.type !== 'rateLimit') {
				for (const count of mode === 'batch' ? [writes.length] : perItem) expect(count).toBeLessThanOrEqual(1 + MAX_RETRIES);
			}
		},
	);
});

describe('fault messages', () => {
	it('a bare HTTP 502 with a plain-text body is not described as cut-off JSON', async () => {
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'status', status: 502, body: 'Bad Gateway', count: MAX_RETRIES + 1 });
		const result = await runLeadSquared({ parameters: autoMap(), items: ITEMS.slice(0, 1), credentials: sandboxCredentials(sandbox) });

		expect(result.error?.message).toMatch(/HTTP 502/);
		expect(result.error?.message).not.toMatch(/JSON/);
	});

	it('an MX error on the lead-field fetch is not reported as a refused lead', async () => {
		sandbox.injectFault({
			endpoint: 'LeadsMetaData.Get',
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXUnknownException', ExceptionMessage: 'Metadata service unavailable' },
		});
		const result = await runLeadSquared({ parameters: autoMap(), items: ITEMS.slice(0, 1), credentials: sandboxCredentials(sandbox) });

		expect(result.error?.message).toMatch(/Metadata service unavailable/);
		expect(result.error?.message).not.toMatch(/refused the lead/);
	});
});
