/**
 * Activity → Create with Send in Batches through n8n's engine against the sandbox: up to 25 activities per
 * call to Bulk/CustomActivity/Add/ByLeadId under the bulk rate limit, each row's result on its own item, a
 * refused row failing only its item, a refused batch failing each of its items, items by e-mail posted one
 * by one; and the editor's look-ups for Create (activity types, the type's fields).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { listSearch, loadResourceMapperFields, runLeadSquared, sandboxCredentials } from '../harness';
import { createParameters, ENDPOINTS, locator, mapper, newLead, UNKNOWN_LEAD } from './activity-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

describe('Activity → Create with Send in Batches', () => {
	async function leads(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let n = 0; n < count; n++) ids.push(await newLead(sandbox, `batch${n}@example.com`));
		sandbox.reset({ keepLeads: true });
		return ids;
	}

	it('posts 25 activities per bulk call, each item getting its own activity id, in input order', async () => {
		const ids = await leads(30);
		const result = await runLeadSquared({
			parameters: createParameters({ note: '={{ "Note " + $itemIndex }}', activityFields: mapper({ mx_Custom_1: '={{ $json.form }}' }) }, { sendInBatches: true }),
			items: ids.map((leadId, n) => ({ leadId, form: `Form ${n}` })),
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const bulk = calls(sandbox, ENDPOINTS.bulk);
		expect(bulk.map((entry) => (entry.body as unknown[]).length)).toEqual([25, 5]);
		expect(calls(sandbox, ENDPOINTS.create)).toHaveLength(0);
		expect((bulk[0].body as unknown[])[0]).toEqual({
			RelatedProspectId: ids[0],
			ActivityEvent: 201,
			ActivityNote: 'Note 0',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Form 0' }],
		});
		const stored = sandbox.records().activities;
		expect(result.items.map((item) => item.json.activityId)).toEqual(stored.map((activity) => activity.ProspectActivityId));
		expect(result.items.map((item) => item.json.leadId)).toEqual(ids);
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	it('a row LeadSquared refuses fails only its own item', async () => {
		const ids = await leads(3);
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { sendInBatches: true }),
			items: [{ leadId: ids[0] }, { leadId: UNKNOWN_LEAD }, { leadId: ids[1] }, { leadId: ids[2] }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(calls(sandbox, ENDPOINTS.bulk)).toHaveLength(1);
		expect(result.items.map((item) => (item.json.error ? 'error' : item.json.leadId))).toEqual([ids[0], 'error', ids[1], ids[2]]);
		expect(result.items[1]).toEqual({
			json: {
				error: 'LeadSquared refused the activity: Lead does not exist in the system',
				details: expect.objectContaining({ exceptionType: 'MXInvalidEntityException', itemIndex: 1 }),
			},
			pairedItem: { item: 1 },
		});
		expect(sandbox.records().activities).toHaveLength(3);
	});

	it('without "continue on fail", a refused row stops the node naming its item', async () => {
		const ids = await leads(2);
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { sendInBatches: true }),
			items: [{ leadId: ids[0] }, { leadId: UNKNOWN_LEAD }, { leadId: ids[1] }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('LeadSquared refused the activity: Lead does not exist in the system');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('a batch LeadSquared refuses as a whole fails each of its items with the reason', async () => {
		const ids = await leads(3);
		sandbox.configure({ activityBulkMaxRows: 2 });
		try {
			const result = await runLeadSquared({
				parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { sendInBatches: true, batchSize: 3 }),
				items: ids.map((leadId) => ({ leadId })),
				credentials: sandboxCredentials(sandbox),
				continueOnFail: true,
				node,
			});

			expect(result.items.map((item) => item.json.error)).toEqual(
				ids.map(() => 'LeadSquared refused the activity: Number of activities in the request exceeds the maximum limit of 2'),
			);
			expect(sandbox.records().activities).toHaveLength(0);
		} finally {
			sandbox.configure({ activityBulkMaxRows: undefined });
		}
	});

	it('posts items that find their lead by e-mail one by one, next to the bulk call', async () => {
		const [leadId] = await leads(1);
		const result = await runLeadSquared({
			parameters: createParameters(
				{ leadBy: '={{ $json.leadId ? "id" : "email" }}', email: '={{ $json.email }}', newLead: { lastName: 'Batch' }, activityFields: mapper({ mx_Custom_1: 'Form' }) },
				{ sendInBatches: true },
			),
			items: [{ leadId }, { email: 'single@example.com' }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.bulk).map((entry) => (entry.body as unknown[]).length)).toEqual([2]);
		expect(calls(sandbox, ENDPOINTS.create)).toHaveLength(1);
		expect(result.items.map((item) => item.json.leadId)).toEqual([leadId, sandbox.findLeads((lead) => lead.EmailAddress === 'single@example.com')[0].ProspectID, leadId]);
	});

	it('counts the bulk calls against the bulk rate limit, not the ordinary one', async () => {
		const ids = await leads(30);
		// Three ordinary calls a minute (the account's activity and opportunity types, the type's fields) and no
		// waiting for more: a bulk call counted as ordinary would fail.
		sandbox.configure({ rateLimit: { calls: 3, windowMs: 60_000 }, bulkRateLimit: { calls: 100, windowMs: 5000 } });
		try {
			const result = await runLeadSquared({
				parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { sendInBatches: true, maxRateLimitWait: 0 }),
				items: ids.map((leadId) => ({ leadId })),
				credentials: sandboxCredentials(sandbox),
				node,
			});

			expect(result.status).toBe('success');
			const log = sandbox.log.map((entry) => [entry.endpoint, entry.status]);
			expect(log.slice(0, 2).sort()).toEqual([
				[ENDPOINTS.types, 200],
				['GetOpportunityTypes', 200],
			]);
			expect(log.slice(2)).toEqual([
				[ENDPOINTS.setting, 200],
				[ENDPOINTS.bulk, 200],
				[ENDPOINTS.bulk, 200],
			]);
		} finally {
			sandbox.configure({ rateLimit: { calls: 100000, windowMs: 5000 }, bulkRateLimit: undefined });
		}
	});

	it('refuses Include Lead Score with batches, for every item, before sending', async () => {
		const ids = await leads(2);
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { sendInBatches: true, includeLeadScore: true }),
			items: ids.map((leadId) => ({ leadId })),
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(result.items.map((item) => item.json.error)).toEqual([
			'Options → Include Lead Score cannot be combined with Send in Batches [item 0]',
			'Options → Include Lead Score cannot be combined with Send in Batches [item 1]',
		]);
		expect(calls(sandbox, ENDPOINTS.bulk)).toHaveLength(0);
	});
});

describe('the editor\'s look-ups', () => {
	it('lists the custom activity types for Create (searchable), every type for Get Many', async () => {
		const credentials = sandboxCredentials(sandbox);
		const custom = await listSearch('searchActivityTypes', credentials, undefined, { resource: 'activity', operation: 'create' }, undefined, 'parameters.activityType');
		expect(custom.results).toEqual([
			{ name: 'Form Submitted (201)', value: '201' },
			{ name: 'Payment (203)', value: '203' },
			{ name: 'Phone Call (202)', value: '202' },
		]);
		const filtered = await listSearch('searchActivityTypes', credentials, 'pho', { resource: 'activity', operation: 'create' }, undefined, 'parameters.activityType');
		expect(filtered.results).toEqual([{ name: 'Phone Call (202)', value: '202' }]);
		const all = await listSearch('searchAllActivityTypes', credentials, undefined, { resource: 'activity', operation: 'getMany' }, undefined, 'parameters.activityType');
		expect(all.results.map((entry) => entry.value)).toEqual(expect.arrayContaining(['22', '30', '32', '201', '12000']));
	});

	it('maps the chosen type\'s fields with their types, dropdown options and mandatory marks', async () => {
		const credentials = sandboxCredentials(sandbox);
		const parameters = { resource: 'activity', operation: 'create', activityType: locator('202') } as INodeParameters;
		const { fields } = await loadResourceMapperFields(credentials, parameters, 'getActivityFields', 'parameters.activityFields');
		expect(fields.map((field) => [field.id, field.displayName, field.type])).toEqual([
			['mx_Custom_1', 'Call Outcome (mx_Custom_1), required', 'options'],
			['mx_Custom_2', 'Duration (seconds) (mx_Custom_2)', 'number'],
			['mx_Custom_3', 'Call Notes (mx_Custom_3)', 'string'],
			['mx_Custom_4', 'Follow-up Needed (mx_Custom_4)', 'boolean'],
			['mx_Custom_5', 'Call Back On (mx_Custom_5)', 'dateTime'],
			['Owner', 'Owner', 'options'],
		]);
		expect(fields[0].options?.map((option) => option.value)).toEqual(['Connected', 'No Answer', 'Busy', 'Wrong Number']);
	});

	it('explains instead of failing when no type is chosen, or the type is unknown', async () => {
		const credentials = sandboxCredentials(sandbox);
		const none = await loadResourceMapperFields(credentials, { resource: 'activity', operation: 'create' }, 'getActivityFields', 'parameters.activityFields');
		expect(none).toMatchObject({ fields: [], emptyFieldsNotice: expect.stringMatching(/^Choose the activity type first/) });
		const unknown = await loadResourceMapperFields(
			credentials,
			{ resource: 'activity', operation: 'create', activityType: locator('999', 'code') } as INodeParameters,
			'getActivityFields',
			'parameters.activityFields',
		);
		expect(unknown.emptyFieldsNotice).toMatch(/^Could not load the fields of activity type 999 \(Activity type 999 is not a custom activity type/);
	});
});
