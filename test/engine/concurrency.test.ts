/**
 * Several calls under way at once ("Concurrent Requests"), through n8n's engine against the sandbox:
 * independent items overlap, writes for the same lead never do and keep their order, the rate limit
 * still holds, a failure stops new calls, and faults create no duplicates. The sandbox logs how many
 * other requests were unanswered when each one arrived (`inFlight`); its latency makes overlaps happen.
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { bodyValues, leadParameters, openSandbox, upserts } from './support';

const autoMapped = (options = {}) => leadParameters({ autoMap: true, options });
const lead = (n: number, extra: Record<string, string> = {}) => ({
	EmailAddress: `parallel${n}@example.com`,
	LastName: `Parallel ${n}`,
	...extra,
});

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox({ latencyMs: 40 });
});

beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ rateLimit: { calls: 100000, windowMs: 5000 } });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

describe('concurrent requests', () => {
	it('overlaps independent items (5 at most by default) and puts each result on its own item', async () => {
		const items = Array.from({ length: 12 }, (_, n) => lead(n));
		const result = await runLeadSquared({ parameters: autoMapped(), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		const inFlight = upserts(sandbox).map((entry) => entry.inFlight);
		expect(Math.max(...inFlight)).toBeGreaterThanOrEqual(1);
		expect(Math.max(...inFlight)).toBeLessThanOrEqual(4);
		const stored = new Map(sandbox.leads().map((record) => [record.EmailAddress, record.ProspectID]));
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.leadId).toBe(stored.get(items[index].EmailAddress));
		});
	});

	it('never overlaps writes for the same lead, and keeps their order', async () => {
		const items = [1, 2, 3, 4, 5, 6].map((n) => ({ EmailAddress: 'same.lead@example.com', LastName: `Version ${n}` }));
		const result = await runLeadSquared({ parameters: autoMapped(), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		const writes = upserts(sandbox);
		expect(writes.map((entry) => entry.inFlight)).toEqual([0, 0, 0, 0, 0, 0]);
		expect(writes.map((entry) => bodyValues(entry).LastName)).toEqual(items.map((item) => item.LastName));
		expect(sandbox.findLeads((record) => record.EmailAddress === 'same.lead@example.com')).toEqual([
			expect.objectContaining({ LastName: 'Version 6' }),
		]);
		expect(new Set(result.items.map((item) => item.json.leadId)).size).toBe(1);
	});

	it('treats a shared phone number, or a shared Match By value, as the same lead', async () => {
		const samePhone = [
			lead(1, { Phone: '+91-9000000001' }),
			lead(2, { Phone: '919000000001' }),
			lead(3, { Phone: '+91 90000 00001' }),
		];
		await runLeadSquared({ parameters: autoMapped({ retryDuplicatePhone: true }), items: samePhone, credentials: sandboxCredentials(sandbox) });
		expect(upserts(sandbox).every((entry) => entry.inFlight === 0)).toBe(true);

		sandbox.reset();
		const sameStudent = [1, 2, 3].map((n) => lead(n, { mx_Student_Id: 'STU-42' }));
		const result = await runLeadSquared({
			parameters: leadParameters({ autoMap: true, searchBy: 'mx_Student_Id' }),
			items: sameStudent,
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		expect(upserts(sandbox).map((entry) => entry.inFlight)).toEqual([0, 0, 0]);
		expect(sandbox.findLeads((record) => record.mx_Student_Id === 'STU-42')).toHaveLength(1);
	});

	it('stays within the rate limit with several calls under way', async () => {
		sandbox.configure({ rateLimit: { calls: 8, windowMs: 5000 } });
		const items = Array.from({ length: 10 }, (_, n) => lead(n));
		const result = await runLeadSquared({
			parameters: autoMapped({ maxCallsPer5Seconds: 8, concurrency: 5 }),
			items,
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(sandbox.log.filter((entry) => entry.rateLimited)).toEqual([]);
		expect(sandbox.leads()).toHaveLength(10);
	});

	it('starts no new call once an item failed (without continue on fail), and reports that item', async () => {
		sandbox.reset();
		const owner = lead(99, { Phone: '+91-9111111111' });
		await runLeadSquared({ parameters: autoMapped(), items: [owner], credentials: sandboxCredentials(sandbox) });
		sandbox.reset({ keepLeads: true });

		const items = [lead(0), lead(1, { Phone: '+91-9111111111' }), ...Array.from({ length: 18 }, (_, n) => lead(n + 2))];
		const result = await runLeadSquared({ parameters: autoMapped({ concurrency: 2 }), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('error');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.message).toBe('LeadSquared refused the lead: A Lead with same Phone Number already exists.');
		// Item 1 failed while at most one other call was under way: far from all 20 items were sent.
		expect(upserts(sandbox).length).toBeLessThanOrEqual(4);
	});

	it('creates no duplicate when answers are lost while several calls are under way', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'reset', when: 'after', count: 4 });
		const items = Array.from({ length: 10 }, (_, n) => lead(n));
		const result = await runLeadSquared({ parameters: autoMapped(), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.status)).toEqual(Array(10).fill('Success'));
		expect(upserts(sandbox)).toHaveLength(14);
		const emails = sandbox.leads().map((record) => record.EmailAddress);
		expect(emails).toHaveLength(10);
		expect(new Set(emails).size).toBe(10);
	});
});
