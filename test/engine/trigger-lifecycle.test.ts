/**
 * The LeadSquared Trigger's webhook lifecycle through n8n-core's HookContext (test/harness/triggers.ts)
 * against the sandbox over HTTP: checkExists, create and delete, the static data they keep, and what
 * happens when LeadSquared disables, loses or refuses webhooks.
 */
import { sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import { upsertLead } from '../harness/sandbox-events';
import { calls } from './support';
import { EVENT_HEADER, GUARD_HEADER, header, useWebhookTriggers } from './trigger-support';

const { setup, track } = useWebhookTriggers();

describe('LeadSquared Trigger: webhook lifecycle', () => {
	it('activation registers one webhook per event on the node URL, with the secret and the event as custom headers', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'activity.updated', 'task.completed'], activityType: '202', options: { notifyOnFailure: false } });
		expect(await harness.activate()).toEqual({ existed: false });
		const hooks = sb.webhooks();
		expect(hooks.map((hook) => [hook.WebhookEvent, hook.ActivityEvent, header(hook, EVENT_HEADER)])).toEqual([
			[3, undefined, 'lead.created'],
			[15, 202, 'activity.updated'],
			[16, undefined, 'task.completed'],
		]);
		for (const hook of hooks) {
			expect(hook).toMatchObject({ URL: harness.webhookUrl, Method: 'POST', ContentType: 'application/json', NotifyOnFailure: false, StatusCode: 0 });
			expect(hook.Description).toMatch(/^n8n: Onboarding \(/);
		}
		const secrets = new Set(hooks.map((hook) => header(hook, GUARD_HEADER)));
		expect(secrets.size).toBe(1);
		const [secret] = [...secrets];
		expect(secret).toMatch(/^[0-9A-Za-z]{64}$/);
		expect(harness.staticData).toMatchObject({
			secret,
			url: harness.webhookUrl,
			webhooks: hooks.map((hook) => ({ id: hook.WebhookId, code: hook.WebhookEvent })),
		});
		// the account's field types, read once for typing deliveries
		expect(harness.staticData.fieldKinds).toEqual(expect.arrayContaining([['Score', 'number'], ['mx_Newsletter', 'boolean']]));
		expect(calls(sb, 'LeadsMetaData.Get')).toHaveLength(1);
	});

	it('checkExists answers true for the registered webhooks (one Retrieve call), so n8n creates nothing on a restart', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated'] });
		await harness.activate();
		const ids = sb.webhooks().map((hook) => hook.WebhookId);
		const before = sb.log.length;
		expect(await harness.activate()).toEqual({ existed: true });
		expect(sb.log.slice(before).map((entry) => entry.endpoint)).toEqual(['Webhook.Retrieve']);
		expect(sb.webhooks().map((hook) => hook.WebhookId)).toEqual(ids);
	});

	it('a webhook LeadSquared disabled after failed deliveries (StatusCode 2) counts as missing: activation replaces all, with a new secret', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated'] });
		await harness.activate();
		const [first, second] = sb.webhooks();
		const oldSecret = harness.staticData.secret;
		sb.setWebhookStatus(second.WebhookId, 2);
		expect(await harness.checkExists()).toBe(false);
		expect(await harness.activate()).toEqual({ existed: false });
		const now = sb.webhooks();
		expect(now).toHaveLength(2);
		expect(now.map((hook) => hook.WebhookId)).not.toContain(first.WebhookId);
		expect(now.every((hook) => hook.StatusCode === 0)).toBe(true);
		expect(harness.staticData.secret).not.toBe(oldSecret);
		expect(now.every((hook) => header(hook, GUARD_HEADER) === harness.staticData.secret)).toBe(true);
		// and deliveries work again
		await upsertLead(sb, { EmailAddress: 'after.recreate@example.com', LastName: 'Again' });
		await sb.deliveriesSettled();
		await harness.idle();
		expect(harness.executions.map((execution) => execution.items[0].json.event)).toEqual(['lead.created']);
	});

	it('a webhook disabled by hand, deleted in LeadSquared, or changed settings also make checkExists answer false', async () => {
		const { sb, harness } = await setup({ events: ['lead.created'] });
		await harness.activate();
		const [hook] = sb.webhooks();
		sb.setWebhookStatus(hook.WebhookId, 1);
		expect(await harness.checkExists()).toBe(false);
		sb.setWebhookStatus(hook.WebhookId, 0);
		expect(await harness.checkExists()).toBe(true);
		harness.setParameters({ events: ['lead.created'], options: { contentType: 'form' } });
		expect(await harness.checkExists()).toBe(false);
		harness.setParameters({ events: ['lead.created'] });
		expect(await harness.checkExists()).toBe(true);
		await harness.deactivate();
		expect(await harness.checkExists()).toBe(false);
	});

	it('create removes what earlier registrations left on this URL (lost static data), so events are not delivered twice', async () => {
		const { sb, harness } = await setup({ events: ['lead.created'] });
		await harness.activate();
		for (const key of Object.keys(harness.staticData)) delete harness.staticData[key];
		await harness.activate();
		expect(sb.webhooks()).toHaveLength(1);
		expect(sb.webhooks()[0].WebhookId).toBe((harness.staticData.webhooks as Array<{ id: string }>)[0].id);
	});

	it('deactivation deletes every webhook and clears the static data; one LeadSquared already lost counts as deleted', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated', 'lead.scoreChanged'] });
		await harness.activate();
		const [gone] = sb.webhooks();
		const deleted = await fetch(`${sb.url}/v2/Webhook.svc/Delete?webhookId=${gone.WebhookId}`, { headers: { 'x-LSQ-AccessKey': sb.accessKey, 'x-LSQ-SecretKey': sb.secretKey } });
		expect(deleted.status).toBe(200);
		expect(await harness.deactivate()).toBe(true);
		expect(sb.webhooks()).toEqual([]);
		expect(calls(sb, 'Webhook.Delete')).toHaveLength(4);
		expect(harness.staticData).toEqual({});
	});

	it('a failing delete keeps the webhooks it could not delete and says so (the secret is not in the error)', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated'] });
		await harness.activate();
		const secret = String(harness.staticData.secret);
		sb.injectFault({ endpoint: 'Webhook.Delete', type: 'status', status: 400, body: `bad ${secret}`, count: 1 });
		const error = await harness.deactivate().catch((caught: unknown) => caught as Error & { description?: string });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error & { description: string }).description).toContain('1 LeadSquared webhook(s) could not be deleted');
		expect(`${(error as Error).message} ${(error as { description?: string }).description}`).not.toContain(secret);
		expect(sb.webhooks()).toHaveLength(1);
		expect(harness.staticData).toEqual({ orphans: [{ id: sb.webhooks()[0].WebhookId, event: 'lead.created' }] });
		expect(await harness.deactivate()).toBe(true);
		expect(sb.webhooks()).toEqual([]);
		expect(harness.staticData).toEqual({});
	});

	it('an account that refuses stage change webhooks gets a lead field update webhook on ProspectStage; only stage changes start the workflow', async () => {
		const { sb, harness } = await setup({ events: ['lead.stageChanged'] }, { webhookStageChangeCreatable: false, leads: [{ EmailAddress: 'stage@example.com', LastName: 'S', ProspectStage: 'Prospect' }] });
		await harness.activate();
		const [hook] = sb.webhooks();
		expect(hook).toMatchObject({ WebhookEvent: 26, WebhookProperties: '{"FieldName":"ProspectStage"}' });
		expect(header(hook, EVENT_HEADER)).toBe('lead.stageChanged');
		await upsertLead(sb, { EmailAddress: 'stage@example.com', mx_City: 'Goa' });
		await upsertLead(sb, { EmailAddress: 'stage@example.com', ProspectStage: 'Customer' });
		await sb.deliveriesSettled();
		await harness.idle();
		expect(harness.executions.map((execution) => execution.items.map((item) => item.json))).toEqual([
			[expect.objectContaining({ event: 'lead.stageChanged', changes: { ProspectStage: { before: 'Prospect', after: 'Customer' } } })],
		]);
	});

	it('an account that needs an activity type for activity webhooks: activation fails naming the setting, and leaves no webhook behind', async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'activity.created'] });
		const error = await harness.activate().catch((caught: unknown) => caught as Error & { description?: string });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('You have not passed ActivityEvent');
		expect((error as { description?: string }).description).toContain('choose it under Activity Type');
		expect((error as { description?: string }).description).toContain('"Activity Created"');
		expect(sb.webhooks()).toEqual([]);
		expect(calls(sb, 'Webhook.Create')).toHaveLength(2);
		expect(calls(sb, 'Webhook.Delete')).toHaveLength(1);
		expect(harness.staticData).toEqual({});
	});

	it("a plan out of webhook slots: activation fails with advice (fewer events, or the polling trigger), nothing registered", async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated', 'lead.ownerChanged'] }, { webhookLimit: 2 });
		const error = await harness.activate().catch((caught: unknown) => caught as Error & { description?: string });
		expect((error as Error).message).toContain('maximum number of webhooks (2)');
		expect((error as { description?: string }).description).toContain('LeadSquared Polling Trigger');
		expect(sb.webhooks()).toEqual([]);
	});

	it('no event chosen, or wrong keys: activation fails with a message a user understands', async () => {
		const { harness } = await setup({ events: [] });
		await expect(harness.activate()).rejects.toThrow('Choose at least one event under Events');
		const { sb } = await setup({ events: ['lead.created'] });
		const wrongKeys = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.created'] }, credentials: sandboxCredentials(sb, { secretKey: 'wrong-secret-key' }) as never });
		track(wrongKeys);
		const error = (await wrongKeys.activate().then(() => undefined, (caught: unknown) => caught)) as Error;
		expect(error.message).toMatch(/401|access key|secret key|rejected/i);
		expect(error.message).not.toContain('wrong-secret-key');
		expect(sb.webhooks()).toEqual([]);
	});
});
