/**
 * Creates are never sent twice. LeadSquared has no idempotency key for activities, tasks, notes or
 * opportunities: when a create's answer is lost (the connection reset after LeadSquared stored it), a
 * retry would store a second copy. So the transport retries such a call only when it certainly never
 * reached LeadSquared (connection refused); otherwise the item fails saying the record may exist. Reads
 * and upserts keep their retries (the fault matrix covers those).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { createParameters, mapper } from '../engine/activity-support';
import { locator, parameters, seedLead } from '../engine/pipeline-support';
import { openSandbox } from '../engine/support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox();
});
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

const retries = { maxRetries: 3, retryDelay: 1 };

interface CreateCase {
	name: string;
	endpoint: string;
	parameters: (leadId: string) => Record<string, unknown>;
	stored: () => number;
}

const CASES: CreateCase[] = [
	{
		name: 'Activity → Create',
		endpoint: 'ProspectActivity.Create',
		parameters: () => createParameters({ note: 'Once only', activityFields: mapper({ mx_Custom_1: 'Contact Us' }) }, retries),
		stored: () => sandbox.records().activities.filter((activity) => JSON.stringify(activity).includes('Once only')).length,
	},
	{
		name: 'Activity → Create in batches',
		endpoint: 'Bulk/CustomActivity/Add/ByLeadId',
		parameters: () => createParameters({ note: 'Once only', activityFields: mapper({ mx_Custom_1: 'Contact Us' }) }, { ...retries, sendInBatches: true }),
		stored: () => sandbox.records().activities.filter((activity) => JSON.stringify(activity).includes('Once only')).length,
	},
	{
		name: 'Task → Create',
		endpoint: 'Task.Create',
		parameters: () => parameters('task', 'create', { taskType: locator('Follow Up'), name: 'Once only', relatedTo: 'lead', leadId: '={{ $json.leadId }}' }, retries),
		stored: () => sandbox.records().tasks.filter((task) => JSON.stringify(task).includes('Once only')).length,
	},
	{
		name: 'Note → Create',
		endpoint: 'CreateNote',
		parameters: () => parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'Once only' }, retries),
		stored: () => sandbox.records().notes.filter((note) => JSON.stringify(note).includes('Once only')).length,
	},
];

describe.each(CASES)('$name', ({ endpoint, parameters: build, stored }) => {
	/** The create for one lead, its connection reset once `when` LeadSquared stores the record; continue on fail. */
	async function createWithReset(email: string, when: 'before' | 'after') {
		const leadId = await seedLead(sandbox, email);
		sandbox.injectFault({ endpoint, type: 'reset', when, count: 1 });
		return await runLeadSquared({
			parameters: build(leadId) as INodeParameters,
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
			continueOnFail: true,
		});
	}

	it('an answer lost after LeadSquared stored the record: not sent again, the item says the record may exist', async () => {
		const result = await createWithReset('once@example.com', 'after');
		expect(sandbox.log.filter((entry) => entry.endpoint === endpoint)).toHaveLength(1);
		expect(stored()).toBe(1);
		expect(JSON.stringify(result.items[0].json)).toMatch(/may or may not have (been posted|created)/);
	});

	it('a connection reset before LeadSquared stored it is not sent again either: the node cannot tell the two apart', async () => {
		const result = await createWithReset('refused@example.com', 'before');
		expect(sandbox.log.filter((entry) => entry.endpoint === endpoint)).toHaveLength(1);
		expect(stored()).toBe(0);
		expect(result.items[0].json.error).toBeDefined();
	});
});
