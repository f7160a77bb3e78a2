/**
 * Issue 17 §1.5: two stored versions of LeadSquared's "Retrieve a Webhook" page read StatusCode oppositely
 * (newer: 0 enabled, 1 disabled by hand, 2 disabled after failures; older: 0 disabled, 1 enabled). Under
 * either reading (the sandbox's `webhookStatusCodes`), activation and n8n's checks keep healthy webhooks
 * (deleting and registering them again would cost a plan slot each time and change the secret), and still
 * notice a webhook disabled by hand or after failed deliveries. Through n8n-core's HookContext.
 */
import type { WebhookStatusReading } from '../../sandbox';
import { calls } from './support';
import { useWebhookTriggers } from './trigger-support';

const { setup } = useWebhookTriggers();

describe.each<WebhookStatusReading>(['current', 'legacy'])('LeadSquared Trigger with StatusCode read as on the %s Retrieve page', (reading) => {
	const events = ['lead.created', 'lead.updated', 'task.completed'];

	it('activation, the check n8n makes at activation and restart, and a second activation keep the healthy webhooks: no Delete, no second Create', async () => {
		const { sb, harness } = await setup({ events }, { webhookStatusCodes: reading });
		expect(await harness.activate()).toEqual({ existed: false });
		const registered = sb.webhooks().map((hook) => hook.WebhookId);
		const secret = harness.staticData.secret;

		expect(await harness.checkExists()).toBe(true);
		expect(await harness.activate()).toEqual({ existed: true });
		expect(sb.webhooks().map((hook) => hook.WebhookId)).toEqual(registered);
		expect(calls(sb, 'Webhook.Create')).toHaveLength(events.length);
		expect(calls(sb, 'Webhook.Delete')).toHaveLength(0);
		expect(harness.staticData.secret).toBe(secret);
		// the StatusCode the new webhooks showed: the account's "enabled"
		expect(harness.staticData.enabledStatus).toBe(reading === 'current' ? 0 : 1);
	});

	it('a webhook disabled by hand is noticed (its StatusCode is no longer the one it had when registered): activation registers them again', async () => {
		const { sb, harness } = await setup({ events }, { webhookStatusCodes: reading });
		await harness.activate();
		const [, paused] = sb.webhooks();
		sb.setWebhookStatus(paused.WebhookId, 1);
		expect(await harness.checkExists()).toBe(false);
		expect(await harness.activate()).toEqual({ existed: false });
		expect(sb.webhooks().map((hook) => hook.WebhookId)).not.toContain(paused.WebhookId);
		expect(sb.webhooks().map((hook) => hook.StatusCode)).toEqual([0, 0, 0]);
	});

	it('a webhook LeadSquared disabled after failed deliveries is noticed', async () => {
		const { sb, harness } = await setup({ events }, { webhookStatusCodes: reading });
		await harness.activate();
		sb.setWebhookStatus(sb.webhooks()[2].WebhookId, 2);
		expect(await harness.checkExists()).toBe(false);
	});

	it('webhooks registered before the node noted their StatusCode: 0 or 1 alone never counts as disabled, only the failure state (2) does', async () => {
		const { sb, harness } = await setup({ events }, { webhookStatusCodes: reading });
		await harness.activate();
		delete harness.staticData.enabledStatus;
		expect(await harness.checkExists()).toBe(true);
		const [hook] = sb.webhooks();
		// disabled by hand: 1 on the newer page, 0 on the older one; either may mean "enabled" on the other page
		sb.setWebhookStatus(hook.WebhookId, 1);
		expect(await harness.checkExists()).toBe(true);
		sb.setWebhookStatus(hook.WebhookId, 2);
		// the older page has no 2: such a webhook shows 0 there, which cannot be told from enabled
		expect(await harness.checkExists()).toBe(reading === 'current' ? false : true);
		expect(calls(sb, 'Webhook.Delete')).toHaveLength(0);
	});
});
