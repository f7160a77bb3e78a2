/**
 * The LeadSquared Trigger's webhook: the sandbox's real deliveries (over HTTP, to the node's production
 * URL on the harness's server) become executions through n8n-core's WebhookContext and WorkflowExecute,
 * with one item per event.
 */
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import type { TriggerExecution, TriggerHarnessOptions } from '../harness/triggers';
import { captureAdmission, completeTask, createTask, postActivity, setOpportunityStatus, updateActivityNote, upsertLead } from '../harness/sandbox-events';
import { openSandbox } from './support';

afterAll(disposeN8n);

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	for (const item of open.splice(0)) await item.close();
});

const ASHA = { EmailAddress: 'asha@example.com', FirstName: 'Asha', LastName: 'Rao', mx_City: 'Pune', Score: '10', ProspectStage: 'Prospect', OwnerId: 'owner-1' };

async function setup(options: Partial<TriggerHarnessOptions> & { parameters: TriggerHarnessOptions['parameters'] }, sandboxOptions: SandboxOptions = {}) {
	const sb = await openSandbox({ webhookRetryDelayMs: 0, leads: [ASHA], ...sandboxOptions });
	const harness = await TriggerHarness.start({ kind: 'webhook', credentials: sandboxCredentials(sb) as never, ...options });
	open.push(harness, sb);
	await harness.activate();
	const ashaId = String(sb.leads()[0].ProspectID);
	return { sb, harness, ashaId };
}

async function settle(sb: Sandbox, harness: TriggerHarness): Promise<TriggerExecution[]> {
	await sb.deliveriesSettled();
	await harness.idle();
	return harness.executions;
}

const jsonOf = (execution: TriggerExecution) => execution.items.map((item) => item.json);

describe('LeadSquared Trigger: events become executions', () => {
	it('lead events: created, updated, owner, score, field update (watched fields only) — one execution per delivery, one item per event', async () => {
		const { sb, harness, ashaId } = await setup({
			parameters: { events: ['lead.created', 'lead.updated', 'lead.ownerChanged', 'lead.scoreChanged', 'lead.fieldUpdated'], watchFields: ['mx_City'] },
		});
		const newId = await upsertLead(sb, { EmailAddress: 'new@example.com', FirstName: 'Nina', LastName: 'Nair', Score: '4', mx_Newsletter: 'true' });
		await upsertLead(sb, { EmailAddress: ASHA.EmailAddress, mx_City: 'Delhi', Score: '15' });
		await upsertLead(sb, { EmailAddress: ASHA.EmailAddress, OwnerId: 'owner-2' });
		const executions = await settle(sb, harness);
		const byEvent = new Map<string, Array<Record<string, unknown>>>();
		for (const execution of executions) {
			expect(execution.items).toHaveLength(1);
			expect(execution.run.status).toBe('success');
			const [item] = jsonOf(execution);
			byEvent.set(String(item.event), [...(byEvent.get(String(item.event)) ?? []), item]);
		}
		expect([...byEvent.keys()].sort()).toEqual(['lead.created', 'lead.fieldUpdated', 'lead.ownerChanged', 'lead.scoreChanged', 'lead.updated']);
		expect(byEvent.get('lead.created')).toEqual([
			expect.objectContaining({ leadId: newId, lead: expect.objectContaining({ FirstName: 'Nina', Score: 4, mx_Newsletter: true, mx_City: null }) }),
		]);
		expect(byEvent.get('lead.updated')?.map((item) => item.leadId)).toEqual([ashaId, ashaId]);
		expect(byEvent.get('lead.scoreChanged')).toEqual([expect.objectContaining({ leadId: ashaId, lead: expect.objectContaining({ Score: 15 }) })]);
		expect(byEvent.get('lead.ownerChanged')).toEqual([expect.objectContaining({ lead: expect.objectContaining({ OwnerId: 'owner-2' }) })]);
		// the owner change touched no watched field: one field update item, for the city
		expect(byEvent.get('lead.fieldUpdated')).toEqual([
			expect.objectContaining({ leadId: ashaId, changedFields: ['Score', 'mx_City'], changes: { Score: { before: 10, after: 15 }, mx_City: { before: 'Pune', after: 'Delhi' } } }),
		]);
		for (const execution of executions) expect(jsonOf(execution)[0].eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
	});

	it('activities of the chosen type: created and updated; grouped deliveries split into one item each', async () => {
		const { sb, harness, ashaId } = await setup({ parameters: { events: ['activity.created', 'activity.updated'], activityType: '201' } }, { webhookActivityBatchMs: 200 });
		const ids = [];
		for (const name of ['Brochure', 'Contact us', 'Webinar']) ids.push(await postActivity(sb, ashaId, 201, { mx_Custom_1: name }, `Note ${name}`));
		await postActivity(sb, ashaId, 202, { mx_Custom_1: 'Connected' });
		await updateActivityNote(sb, ids[0], 'Edited');
		const executions = await settle(sb, harness);
		const created = executions.find((execution) => jsonOf(execution)[0].event === 'activity.created') as TriggerExecution;
		expect(sb.deliveries().filter((delivery) => delivery.eventName === 'LeadActivity_Post_Create').map((delivery) => delivery.items)).toEqual([3]);
		expect(jsonOf(created).map((item) => [item.activityId, item.activityType, (item.activity as { Data: Record<string, unknown> }).Data.mx_Custom_1])).toEqual([
			[ids[0], 201, 'Brochure'],
			[ids[1], 201, 'Contact us'],
			[ids[2], 201, 'Webinar'],
		]);
		expect(created.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const updated = executions.find((execution) => jsonOf(execution)[0].event === 'activity.updated') as TriggerExecution;
		expect(jsonOf(updated)).toEqual([expect.objectContaining({ activityId: ids[0], leadId: ashaId, activity: expect.objectContaining({ Data: expect.objectContaining({ Note: 'Edited' }) }) })]);
		expect(executions).toHaveLength(2);
	});

	it('tasks (created, updated, completed, reminder), opportunities (created, updated, stage) and landing page submissions', async () => {
		const { sb, harness, ashaId } = await setup({
			parameters: {
				events: ['task.created', 'task.completed', 'task.reminder', 'opportunity.created', 'opportunity.stageChanged', 'landingPage.submitted'],
				opportunityType: '12000',
				landingPageUrls: 'https://example.com/enquiry',
			},
		});
		const taskId = await createTask(sb, ashaId, 'Call back');
		await completeTask(sb, taskId);
		sb.remindTask(taskId);
		const opportunityId = await captureAdmission(sb, ASHA.EmailAddress, 'Law 2027');
		await setOpportunityStatus(sb, opportunityId, 'Won');
		sb.submitLandingPage({ pageUrl: 'https://example.com/enquiry?utm=x', pageName: 'Enquiry', leadId: ashaId, fields: { mx_City: 'Kochi' } });
		sb.submitLandingPage({ pageUrl: 'https://example.com/other', pageName: 'Other', fields: { EmailAddress: 'x@example.com' } });
		const executions = await settle(sb, harness);
		const items = Object.fromEntries(executions.map((execution) => [String(jsonOf(execution)[0].event), jsonOf(execution)[0]]));
		expect(Object.keys(items).sort()).toEqual(['landingPage.submitted', 'opportunity.created', 'opportunity.stageChanged', 'task.completed', 'task.created', 'task.reminder']);
		expect(items['task.created']).toMatchObject({ taskId, leadId: ashaId, task: { Name: 'Call back', StatusCode: 0 } });
		expect(items['task.completed']).toMatchObject({ taskId, task: { StatusCode: 1 } });
		expect((items['task.completed'].task as { CompletedOn: string }).CompletedOn).toBe(items['task.completed'].eventTime);
		expect(items['opportunity.created']).toMatchObject({ opportunityId, leadId: ashaId, opportunityType: 12000, opportunity: { mx_Custom_1: 'Law 2027', Status: 'Open' } });
		expect(items['opportunity.stageChanged']).toMatchObject({ opportunityId, opportunity: { Status: 'Won' } });
		expect(items['landingPage.submitted']).toMatchObject({ leadId: ashaId, landingPage: { url: 'https://example.com/enquiry?utm=x', name: 'Enquiry' }, lead: { mx_City: 'Kochi', Score: 10 } });
		expect(executions).toHaveLength(6);
	});

	it.each(['json', 'form', 'text'])('the %s delivery format gives the same items (typed values, nested {Before, After})', async (contentType) => {
		const { sb, harness, ashaId } = await setup({ parameters: { events: ['lead.fieldUpdated'], options: { contentType } } });
		await upsertLead(sb, { EmailAddress: ASHA.EmailAddress, mx_City: 'Delhi', mx_Newsletter: 'true' });
		const [execution] = await settle(sb, harness);
		expect(sb.webhooks()[0].ContentType).toBe({ json: 'application/json', form: 'application/x-www-form-urlencoded', text: 'text/plain' }[contentType]);
		expect(jsonOf(execution)).toEqual([
			expect.objectContaining({
				event: 'lead.fieldUpdated',
				leadId: ashaId,
				changedFields: ['mx_City', 'mx_Newsletter'],
				changes: { mx_City: { before: 'Pune', after: 'Delhi' }, mx_Newsletter: { before: null, after: true } },
				lead: expect.objectContaining({ Score: 10, mx_Newsletter: true, CreatedOn: expect.stringMatching(/Z$/) }),
			}),
		]);
	});

	it('Typed Values off: the values as LeadSquared sent them; a downstream node reads the items', async () => {
		const { sb, harness } = await setup({ parameters: { events: ['lead.created'], options: { typedValues: false } }, downstream: { email: '={{ $json.lead.EmailAddress }}', score: '={{ $json.lead.Score }}' } });
		await upsertLead(sb, { EmailAddress: 'plain@example.com', LastName: 'Plain', Score: '7' });
		const [execution] = await settle(sb, harness);
		expect(jsonOf(execution)[0].lead).toMatchObject({ Score: '7', mx_Newsletter: null });
		expect(execution.run.data.resultData.runData.After[0].data?.main[0]?.map((item) => item.json)).toEqual([{ email: 'plain@example.com', score: '7' }]);
	});

	it("LeadSquared's HEAD check and every delivery are answered 200 at once; the answer to events is {\"Status\":\"Success\"}", async () => {
		const { sb, harness } = await setup({ parameters: { events: ['lead.created'] } }, { webhookVerification: 'head' });
		await upsertLead(sb, { EmailAddress: 'answer@example.com', LastName: 'Answer' });
		await settle(sb, harness);
		const deliveries = sb.deliveries();
		expect(deliveries.map((delivery) => [delivery.kind, delivery.method, delivery.status, delivery.outcome])).toEqual([
			['verification', 'HEAD', 200, 'delivered'],
			['event', 'POST', 200, 'delivered'],
		]);
		expect(JSON.parse(deliveries[1].response)).toEqual({ Status: 'Success', StatusReason: '' });
		const head = await fetch(harness.webhookUrl, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});
});
