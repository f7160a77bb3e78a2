/**
 * Activity → Delete Activities of a Lead through n8n's engine against the sandbox (`DeleteActivities`): LeadSquared
 * deletes every custom activity of a type on a lead (in a window of dates, if given), queued. The sandbox runs queued
 * deletions only when told to, so the tests see that the output comes while the activities still exist.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { C, post } from '../sandbox/crm-client';
import { expectNoKeys, locator, newLead, seedActivity, UNKNOWN_LEAD } from './activity-support';
import { calls, FAST, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { queuedDeletionDelayMs: Infinity });

const node = { typeVersion: 1.1 };
const DELETE = 'DeleteActivities';

function deleteParameters(values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	return {
		resource: 'activity',
		operation: 'delete',
		leadId: '={{ $json.leadId }}',
		activityType: locator('201'),
		confirmDeleteAll: true,
		...values,
		options: { ...FAST, ...options },
	} as INodeParameters;
}

const activityIds = () => sandbox.records().activities.map((activity) => activity.ProspectActivityId);

describe('Activity → Delete Activities of a Lead', () => {
	it('queues the deletion of every activity of the type on the lead in the window; the output says so plainly; they go when LeadSquared runs it', async () => {
		const leadId = await newLead(sandbox, 'trail@example.com');
		const other = await newLead(sandbox, 'other-trail@example.com');
		const early = await seedActivity(sandbox, leadId, '2026-01-10 10:00:00');
		const inside = await seedActivity(sandbox, leadId, '2026-02-10 10:00:00');
		const insideToo = await seedActivity(sandbox, leadId, '2026-02-20 10:00:00');
		const call = (await post(sandbox, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 202, ActivityDateTime: '2026-02-11 10:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }] })).json.Message.Id as string;
		const otherLead = await seedActivity(sandbox, other, '2026-02-10 10:00:00');

		const result = await runLeadSquared({
			parameters: deleteParameters({ fromDate: '2026-02-01T00:00:00Z', toDate: '2026-02-28T23:59:59Z' }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{
				json: {
					status: 'Success',
					deletion: 'queued',
					leadId,
					activityEvent: 201,
					activityType: 'Form Submitted',
					fromDate: '2026-02-01 00:00:00',
					toDate: '2026-02-28 23:59:59',
					message: 'Your request for delete activities has been queued.',
					note:
						`LeadSquared queued the deletion of every activity of type Form Submitted (201) on lead ${leadId} between 2026-02-01 00:00:00 and 2026-02-28 23:59:59 (UTC): ` +
						"it is not done yet. To check, read the lead's activities of this type (Activity → Get Many) after a while.",
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(calls(sandbox, DELETE).map((entry) => entry.body)).toEqual([{ ProspectId: leadId, ActivityEventList: ['201'], FromDate: '2026-02-01 00:00:00', ToDate: '2026-02-28 23:59:59' }]);
		expect(activityIds()).toEqual(expect.arrayContaining([early, inside, insideToo, call, otherLead]));
		sandbox.runQueuedJobs();
		expect(activityIds().sort()).toEqual([early, call, otherLead].sort());
		expectNoKeys(sandbox, result);
	});

	it('without dates: every activity of the type on the lead; a Status Webhook URL is sent as StatusWebhookURL', async () => {
		const leadId = await newLead(sandbox, 'all-of-type@example.com');
		await seedActivity(sandbox, leadId, '2025-01-10 10:00:00');
		await seedActivity(sandbox, leadId, '2026-03-10 10:00:00');
		const result = await runLeadSquared({
			parameters: deleteParameters({}, { statusWebhookUrl: 'https://n8n.example.com/webhook/done' }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items[0].json).toMatchObject({ deletion: 'queued', fromDate: null, toDate: null, note: expect.stringContaining('or wait for LeadSquared\'s report at the Status Webhook URL') });
		expect(calls(sandbox, DELETE)[0].body).toEqual({ ProspectId: leadId, ActivityEventList: ['201'], StatusWebhookURL: 'https://n8n.example.com/webhook/done' });
		sandbox.runQueuedJobs();
		expect(activityIds()).toEqual([]);
	});

	it('without the confirmation, or with a system type, nothing is sent; an unknown lead is a clear item error; continue-on-fail pairs every item', async () => {
		const leadId = await newLead(sandbox, 'keep-trail@example.com');
		const kept = await seedActivity(sandbox, leadId, '2026-02-10 10:00:00');
		const unconfirmed = await runLeadSquared({
			parameters: deleteParameters({ confirmDeleteAll: false }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(unconfirmed.status).toBe('error');
		expect(unconfirmed.error?.message).toBe('Confirm: Delete Every Activity of This Type on the Lead is off, so nothing was sent [item 0]');
		const system = await runLeadSquared({
			parameters: deleteParameters({ activityType: locator('21') }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(system.error?.message).toMatch(/^Activity type Inbound Phone Call Activity \(21\) is a system activity type; LeadSquared lets only custom activities be deleted/);
		expect(calls(sandbox, DELETE)).toHaveLength(0);

		const result = await runLeadSquared({
			parameters: deleteParameters(),
			items: [{ leadId: UNKNOWN_LEAD }, { leadId: 'someone@example.com' }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({
			error: `No lead with the ID "${UNKNOWN_LEAD}" was found in LeadSquared`,
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Lead does not exist in the system', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: 'Lead ID "someone@example.com" is not a LeadSquared lead ID [item 1]', details: { field: 'leadId' } });
		expect(result.items[2].json).toMatchObject({ deletion: 'queued', leadId });
		expect(calls(sandbox, DELETE)).toHaveLength(2);
		expect(activityIds()).toEqual([kept]);
	});
});
