/**
 * Reads against LeadSquared's failures of its own (issue 17 §1.6, contract §12.3): an HTTP 500 whose
 * envelope names an internal failure (MySqlException, "There was an error processing the request") is
 * retried like a bare 5xx, and a page that keeps failing (Leads.Get answers large pages that way now and
 * then) is asked for again smaller before the read fails; the records read stay exactly the same, also
 * when the page size changes in the middle of a read. Through n8n's engine against the sandbox's
 * internalError fault.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ENDPOINTS, getManyParameters, seedActivity } from './activity-support';
import { idsOf, manyParameters, searchCalls } from './lead-get-many-support';
import { seedLead, seedTask, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

const TOTAL = 600;
const SEED = Array.from({ length: TOTAL }, (_, i) => ({ LastName: `Lead ${i}`, EmailAddress: `lead${i}@faults.example.com` }));
const ATTEMPTS = 4; // the first try and the transport's 3 retries (Max Retries' default)

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: SEED });
afterEach(() => {
	sandbox.configure({ onRequest: undefined });
	sandbox.clearFaults();
});

const node = { typeVersion: 1.1 };
const sizes = (entries: RequestLogEntry[], key: 'PageSize' | 'RowCount') => entries.map((entry) => (entry.body as { Paging: Record<string, number> }).Paging[key]);
const creationOrder = () => sandbox.leads().map((lead) => String(lead.ProspectID));

describe('Lead → Get Many', () => {
	it('a MySqlException envelope once: retried, nothing else changes', async () => {
		sandbox.injectFault({ endpoint: 'Leads.Get', type: 'internalError' });
		const result = await runLeadSquared({ parameters: manyParameters({ returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual(creationOrder());
		expect(sizes(calls(sandbox, 'Leads.Get'), 'PageSize')).toEqual([1000, 1000]);
	});

	it('pages above 250 rows always fail: asked again with 500, then 250, every lead once, in order', async () => {
		sandbox.injectFault({ endpoint: 'Leads.Get', type: 'internalError', pageSizeAbove: 250, count: Infinity });
		const result = await runLeadSquared({ parameters: manyParameters({ returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual(creationOrder());
		expect(searchCalls(sandbox).map((call) => call.Paging)).toEqual([
			...Array(ATTEMPTS).fill({ PageIndex: 1, PageSize: 1000 }),
			...Array(ATTEMPTS).fill({ PageIndex: 1, PageSize: 500 }),
			{ PageIndex: 1, PageSize: 250 },
			{ PageIndex: 2, PageSize: 250 },
			{ PageIndex: 3, PageSize: 250 },
		]);
	});

	it('large pages start failing in the middle of the read: the position is converted to the smaller pages, no lead skipped or repeated', async () => {
		let reads = 0;
		sandbox.configure({
			onRequest: (entry) => {
				if (entry.endpoint === 'Leads.Get' && ++reads === 1) sandbox.injectFault({ endpoint: 'Leads.Get', type: 'internalError', pageSizeAbove: 200, count: Infinity });
			},
		});
		const result = await runLeadSquared({ parameters: manyParameters({ returnAll: true, options: { pageSize: 333 } }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual(creationOrder());
		// Leads 1–333, then pages of 166: page 3 holds leads 333–498 (the first, already read, is dropped), then 499–600.
		expect(searchCalls(sandbox).map((call) => call.Paging)).toEqual([
			{ PageIndex: 1, PageSize: 333 },
			...Array(ATTEMPTS).fill({ PageIndex: 2, PageSize: 333 }),
			{ PageIndex: 3, PageSize: 166 },
			{ PageIndex: 4, PageSize: 166 },
		]);
	});

	it('a read that keeps failing at every size fails the item with LeadSquared\'s exception, after the smaller pages', async () => {
		sandbox.injectFault({ endpoint: 'Leads.Get', type: 'internalError', count: Infinity });
		const result = await runLeadSquared({ parameters: manyParameters({ returnAll: true }), credentials: sandboxCredentials(sandbox), continueOnFail: true, node });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			error: 'LeadSquared had an internal error (HTTP 500, MySqlException), 4 attempts in a row; pages of 1000, 500, 250, 125 rows all failed',
			details: expect.objectContaining({ exceptionType: 'MySqlException', exceptionMessage: 'There was an error processing the request', httpCode: 500 }),
		});
		expect(sizes(calls(sandbox, 'Leads.Get'), 'PageSize')).toEqual([1000, 500, 250, 125].flatMap((size) => Array(ATTEMPTS).fill(size)));
	});
});

describe('the other paged reads use the same reader', () => {
	it('Activity → Get Many: pages above 300 rows fail, 700 activities read in pages of 250, each once', async () => {
		const leadId = await seedLead(sandbox, 'activities@faults.example.com');
		const posted = await Promise.all(Array.from({ length: 700 }, async (_, n) => await seedActivity(sandbox, leadId, `2026-03-01 ${String(10 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`)));
		sandbox.injectFault({ endpoint: ENDPOINTS.retrieve, type: 'internalError', pageSizeAbove: 300, count: Infinity });
		const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(result.items.map((item: { json: IDataObject }) => String(item.json.Id))).toEqual([...posted].reverse());
		const rowCounts = sizes(calls(sandbox, ENDPOINTS.retrieve), 'RowCount');
		expect(rowCounts.slice(0, 2 * ATTEMPTS)).toEqual([...Array(ATTEMPTS).fill(1000), ...Array(ATTEMPTS).fill(500)]);
		expect(rowCounts.slice(2 * ATTEMPTS).every((size) => size <= 250)).toBe(true);
	});

	it('Task → Get Many (Offset/RowCount): pages above 50 rows fail, 130 tasks read in pages of 50', async () => {
		for (let n = 0; n < 130; n++) await seedTask(sandbox, { Name: `Task ${n}`, OwnerEmailAddress: VIR.email, DueDate: `2025-04-${String(1 + (n % 28)).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00` });
		sandbox.injectFault({ endpoint: 'Task.Retrieve', type: 'internalError', message: 'Timeout expired', pageSizeAbove: 50, count: Infinity });
		const result = await runLeadSquared({
			parameters: { resource: 'task', operation: 'getMany', owner: { __rl: true, mode: 'email', value: VIR.email }, returnAll: true, options: { retryDelay: 10, maxCallsPer5Seconds: 10000 } },
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(new Set(result.items.map((item: { json: IDataObject }) => item.json.UserTaskId)).size).toBe(130);
		expect(sizes(calls(sandbox, 'Task.Retrieve'), 'RowCount').slice(0, ATTEMPTS + 1)).toEqual([...Array(ATTEMPTS).fill(100), 50]);
	});
});
