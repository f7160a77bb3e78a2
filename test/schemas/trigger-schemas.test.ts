/**
 * The trigger nodes' output schema (`__schema__/v1.0.0/output.json`: n8n's editor uses it for a node without
 * a resource and an operation, which the LeadSquared Trigger and the LeadSquared Polling Trigger are; both
 * sit next to the action node and emit the same event items) against real outputs: the sandbox's webhook
 * deliveries and polls of every event family, through n8n-core's webhook and poll contexts.
 *
 * `UPDATE_SCHEMAS=1 npx jest test/schemas/trigger-schemas.test.ts` writes it from these outputs first.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { openSandbox } from '../engine/support';
import { disposeN8n, sandboxCredentials } from '../harness';
import { captureAdmission, completeTask, createTask, postActivity, upsertLead } from '../harness/sandbox-events';
import { TriggerHarness } from '../harness/triggers';
import { readSchemaFile, TRIGGER_SCHEMA, writeSchemaFile } from './files';
import { inferSchema, presentPaths, propertyPaths, schemaProblems, validate } from './schema';

const UPDATE = process.env.UPDATE_SCHEMAS === '1';
/** Records LeadSquared sends as they are (the account's own fields allowed). */
const RECORDS = ['lead', 'activity', 'activity.Data', 'task', 'opportunity', 'changes'];

const open: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
	for (const item of open.splice(0)) await item.close();
	await disposeN8n();
});

const ASHA = { EmailAddress: 'asha@example.com', FirstName: 'Asha', LastName: 'Rao', mx_City: 'Pune', Score: '10', ProspectStage: 'Prospect', OwnerId: 'owner-1' };

async function nextSecond(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

/** Every event family through the webhook trigger. */
async function webhookOutputs(): Promise<IDataObject[]> {
	const sb: Sandbox = await openSandbox({ webhookRetryDelayMs: 0, leads: [ASHA] });
	const harness = await TriggerHarness.start({
		kind: 'webhook',
		credentials: sandboxCredentials(sb) as never,
		parameters: {
			events: ['lead.created', 'lead.updated', 'lead.fieldUpdated', 'activity.created', 'task.created', 'task.completed', 'opportunity.created', 'landingPage.submitted'],
			activityType: '201',
			opportunityType: '12000',
		} as never,
	});
	open.push(harness, sb);
	await harness.activate();
	const ashaId = String(sb.leads()[0].ProspectID);
	await upsertLead(sb, { EmailAddress: 'new@example.com', FirstName: 'Nina', LastName: 'Nair', Score: '4', mx_Newsletter: 'true' });
	await upsertLead(sb, { EmailAddress: ASHA.EmailAddress, mx_City: 'Delhi', Score: '15' });
	await postActivity(sb, ashaId, 201, { mx_Custom_1: 'Brochure' }, 'Downloaded the brochure');
	const taskId = await createTask(sb, ashaId, 'Call back');
	await completeTask(sb, taskId);
	await captureAdmission(sb, ASHA.EmailAddress, 'Law 2027');
	sb.submitLandingPage({ pageUrl: 'https://example.com/enquiry', pageName: 'Enquiry', leadId: ashaId, fields: { mx_City: 'Kochi' } });
	await sb.deliveriesSettled();
	await harness.idle();
	return harness.executions.flatMap((execution) => execution.items.map((item) => item.json));
}

/** New and updated leads, and new activities, through the polling trigger. */
async function pollingOutputs(): Promise<IDataObject[]> {
	const outputs: IDataObject[] = [];
	for (const event of ['leadCreatedOrUpdated', 'activityCreated']) {
		const sb: Sandbox = await openSandbox({ leads: [ASHA] });
		const harness = await TriggerHarness.start({
			kind: 'polling',
			credentials: sandboxCredentials(sb) as never,
			parameters: { event, activityType: '201' } as never,
		});
		open.push(harness, sb);
		await nextSecond();
		await harness.poll();
		await nextSecond();
		const ashaId = String(sb.leads()[0].ProspectID);
		await upsertLead(sb, { EmailAddress: 'polled@example.com', FirstName: 'Polly', LastName: 'Lead', Score: '3' });
		await postActivity(sb, ashaId, 201, { mx_Custom_1: 'Webinar' }, 'Joined the webinar');
		await nextSecond();
		const execution = await harness.poll();
		outputs.push(...(execution?.items ?? []).map((item) => item.json));
	}
	return outputs;
}

describe('the trigger nodes’ output schema', () => {
	it('fits every event item the two triggers emit, and lists no key none of them has', async () => {
		const webhook = await webhookOutputs();
		const polling = await pollingOutputs();
		expect(new Set(webhook.map((item) => item.event))).toEqual(
			new Set(['lead.created', 'lead.updated', 'lead.fieldUpdated', 'activity.created', 'task.created', 'task.completed', 'opportunity.created', 'landingPage.submitted']),
		);
		expect(polling.length).toBeGreaterThanOrEqual(2);
		const outputs = [...webhook, ...polling];
		if (UPDATE) writeSchemaFile(TRIGGER_SCHEMA, inferSchema(outputs, { records: RECORDS }));

		const schema = readSchemaFile(TRIGGER_SCHEMA);
		if (!schema) throw new Error(`No output schema ${TRIGGER_SCHEMA}: run UPDATE_SCHEMAS=1 npx jest test/schemas/trigger-schemas.test.ts`);
		expect(schemaProblems(schema)).toEqual([]);
		expect(outputs.flatMap((output, index) => validate(schema, output, `$[${index}]`))).toEqual([]);
		const present = presentPaths(outputs);
		expect(propertyPaths(schema).filter((path) => !present.has(path))).toEqual([]);
	}, 60_000);
});
