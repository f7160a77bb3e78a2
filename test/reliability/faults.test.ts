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

import { startSandbox } from '../../sandbox';
import type { Fault, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import {
	autoMap,
	duplicateEmails,
	emailsIn,
	leadsWithEmail,
	requestsTo,
	rowsOf,
	SINGLE_ENDPOINT,
	UNLIMITED,
} from './helpers';
import { CASES, emailOf, EXISTING, expectedFates, expectedRequests, isExisting, ITEMS, MAX_RETRIES, WRITE_ENDPOINT } from './fault-cases';
import type { Mode } from './fault-cases';

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
