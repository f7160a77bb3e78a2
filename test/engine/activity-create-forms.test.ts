/**
 * Activity → Create with Send in Batches through n8n's engine against the sandbox answering
 * Bulk/CustomActivity/Add/ByLeadId in each form (contract §12.2): one result per row
 * (`{Response:[…]}`, documented), or only how many activities were posted
 * (`{Status:"Success", Message:{Count:N}}`). A posted activity is never reported as a failure (a user
 * would send it again and duplicate it), a row is never said to be posted when the count cannot tell, and
 * every item says what is known of its activity.
 */
import type { IDataObject } from 'n8n-workflow';

import { answerFormChoices } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { INACTIVE_USER_EMAIL } from '../sandbox/crm-client';
import { createParameters, ENDPOINTS, mapper, newLead, UNKNOWN_LEAD } from './activity-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const FORM = mapper({ mx_Custom_1: 'Form' });

async function leads(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let n = 0; n < count; n++) ids.push(await newLead(sandbox, `forms${n}@example.com`));
	sandbox.log.length = 0;
	return ids;
}

/** Items by lead id; `owner` per item (an inactive user's e-mail makes LeadSquared refuse that row). */
async function post(items: IDataObject[], options: IDataObject = {}): Promise<RunResult> {
	return await runLeadSquared({
		parameters: createParameters({ activityFields: FORM }, { sendInBatches: true, ownerEmail: '={{ $json.owner ?? "" }}', ...options }),
		items,
		credentials: sandboxCredentials(sandbox),
		continueOnFail: true,
		node,
	});
}

const errors = (result: RunResult) => result.items.map((item) => (item.json.error === undefined ? undefined : String(item.json.error)));

describe.each(answerFormChoices('activityBulk'))('bulk activities answered by %s', (form) => {
	beforeEach(() => sandbox.configure({ answerForms: { activityBulk: form } }));
	afterAll(() => sandbox.configure({ answerForms: undefined }));

	it('every activity posted: each item succeeds, once, paired to its input; no extra call', async () => {
		const ids = await leads(30);
		const result = await post(ids.map((leadId) => ({ leadId })));

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.bulk).map((entry) => (entry.body as unknown[]).length)).toEqual([25, 5]);
		expect(sandbox.records().activities.map((activity) => activity.RelatedProspectId)).toEqual(ids);
		expect(result.items.map((item) => [item.json.status, item.json.leadId, item.pairedItem])).toEqual(ids.map((leadId, item) => ['Success', leadId, { item }]));
		const stored = sandbox.records().activities.map((activity) => activity.ProspectActivityId);
		expect(result.items.map((item) => item.json.activityId)).toEqual(form === 'response' ? stored : ids.map(() => null));
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(0);
	});

	it('a row on a lead that does not exist fails alone, saying nothing was posted for it; the others succeed', async () => {
		const ids = await leads(3);
		const result = await post([{ leadId: ids[0] }, { leadId: UNKNOWN_LEAD }, { leadId: ids[1] }, { leadId: ids[2] }]);

		expect(errors(result)).toEqual([
			undefined,
			form === 'response' ? 'LeadSquared refused the activity: Lead does not exist in the system' : `No lead with ID ${UNKNOWN_LEAD} in this LeadSquared account, so the activity was not posted`,
			undefined,
			undefined,
		]);
		expect(result.items.filter((item) => item.json.status === 'Success').map((item) => item.json.leadId)).toEqual(ids);
		expect(sandbox.records().activities).toHaveLength(3);
	});
});

describe('bulk activities answered by count only', () => {
	beforeEach(() => sandbox.configure({ answerForms: { activityBulk: 'count' } }));
	afterAll(() => sandbox.configure({ answerForms: undefined }));

	it('all posted: the output says so, has no id, and says how to find the activity', async () => {
		const ids = await leads(2);
		const result = await post(ids.map((leadId) => ({ leadId })));

		expect(result.items[0].json).toEqual({
			status: 'Success',
			activityId: null,
			leadId: ids[0],
			activityEvent: 201,
			activityType: 'Form Submitted',
			activitiesInCall: 2,
			postedInCall: 2,
			activityIdNote:
				"LeadSquared's bulk answer said 2 of the 2 activities of this batch were posted, without their ids. " +
				`To get this activity's id, read the activities of type 201 on lead ${ids[0]} (Activity → Get Many).`,
		});
	});

	it('fewer posted than sent, for a reason the answer does not give: every row of the batch is "may or may not", none claimed either way', async () => {
		const ids = await leads(3);
		const result = await post([{ leadId: ids[0] }, { leadId: ids[1], owner: INACTIVE_USER_EMAIL }, { leadId: ids[2] }]);

		expect(sandbox.records().activities).toHaveLength(2);
		expect(result.items.every((item) => item.json.status === undefined)).toBe(true);
		expect(errors(result)).toEqual(
			ids.map(
				(id) =>
					"LeadSquared posted 2 of the 3 activities of this batch without saying which, so this item's activity may or may not have been posted. " +
					`The activity may already exist: check with Activity → Get Many (Lead ID "${id}", type Form Submitted (201)) before creating it again.`,
			),
		);
		expect(result.items[1].json.details).toMatchObject({
			leadId: ids[1],
			activityEvent: 201,
			activityPosted: 'unknown',
			activitiesInCall: 3,
			postedInCall: 2,
			description: expect.stringContaining(`look for it among the activities of type 201 on lead ${ids[1]} (Activity → Get Many)`),
		});
		// One look-up for leads LeadSquared does not know; all three exist, so it cannot tell more.
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(1);
	});

	it('an unknown lead and an unexplained refusal in one batch: the unknown lead was not posted; the rest stay "may or may not"', async () => {
		const ids = await leads(2);
		const result = await post([{ leadId: UNKNOWN_LEAD }, { leadId: ids[0], owner: INACTIVE_USER_EMAIL }, { leadId: ids[1] }]);

		expect(result.items.map((item) => (item.json.details as IDataObject).activityPosted)).toEqual([false, 'unknown', 'unknown']);
		expect(sandbox.records().activities).toHaveLength(1);
	});

	it('none posted: every item fails saying nothing was posted, so sending it again adds no duplicate', async () => {
		const ids = await leads(2);
		const result = await post(ids.map((leadId) => ({ leadId, owner: INACTIVE_USER_EMAIL })));

		expect(errors(result)).toEqual(ids.map(() => 'LeadSquared posted none of the 2 activities of this batch, and gave no reason'));
		expect(result.items.map((item) => (item.json.details as IDataObject).activityPosted)).toEqual([false, false]);
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(0);
	});

	it('without "continue on fail", an activity that may have been posted stops the node with the advice to check first', async () => {
		const ids = await leads(2);
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: FORM }, { sendInBatches: true, ownerEmail: '={{ $json.owner ?? "" }}' }),
			items: [{ leadId: ids[0] }, { leadId: ids[1], owner: INACTIVE_USER_EMAIL }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^LeadSquared posted 1 of the 2 activities of this batch without saying which/);
		expect(result.error?.description).toMatch(/Before sending this item again, look for it/);
	});
});
