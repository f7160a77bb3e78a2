/**
 * Issue 17 §3.1 and §3.2, through n8n-core's HookContext against the sandbox: a webhook the LeadSquared
 * Trigger created and could not delete is kept in static data and deleted on the next activation or
 * deactivation (a plan has few webhook slots, and a forgotten webhook keeps getting 401s); and no line the
 * trigger logs carries the webhook secret or the keys, even when LeadSquared's error text echoes them.
 */
import type { Fault, Sandbox } from '../../sandbox';
import { captureLogs } from '../harness';
import type { LoggedLine } from '../harness';
import { calls } from './support';
import { useWebhookTriggers } from './trigger-support';

const { setup } = useWebhookTriggers();

/** The next Delete fails with LeadSquared's envelope; its message holds `echo`. */
function failNextDelete(sb: Sandbox, echo = ''): void {
	const fault: Fault = {
		endpoint: 'Webhook.Delete',
		type: 'json',
		status: 400,
		body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: `Could not delete the webhook${echo}` },
		count: 1,
	};
	sb.injectFault(fault);
}

const ids = (sb: Sandbox) => sb.webhooks().map((hook) => hook.WebhookId);

/** Two webhooks registered, then registered again (new Delivery Format) while the Delete of the first old one fails. */
async function reRegisterWithFailedDelete() {
	const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated'] });
	await harness.activate();
	const [stuck, gone] = ids(sb);
	harness.setParameters({ events: ['lead.created', 'lead.updated'], options: { contentType: 'form' } });
	failNextDelete(sb);
	expect(await harness.activate()).toEqual({ existed: false });
	return { sb, harness, stuck, gone };
}

describe('LeadSquared Trigger: a webhook it created and could not delete is never forgotten', () => {
	it('re-registration whose Delete of an old webhook fails keeps it, and the next deactivation deletes it', async () => {
		const { sb, harness, stuck, gone } = await reRegisterWithFailedDelete();
		// the old lead.created webhook is still in LeadSquared, next to the two new ones
		expect(ids(sb)).toContain(stuck);
		expect(ids(sb)).not.toContain(gone);
		expect(sb.webhooks()).toHaveLength(3);
		expect(harness.staticData.orphans).toEqual([{ id: stuck, event: 'lead.created' }]);

		expect(await harness.deactivate()).toBe(true);
		expect(sb.webhooks()).toEqual([]);
		expect(harness.staticData).toEqual({});
	});

	it('…or the next activation (n8n checking the healthy webhooks) deletes it, without registering anything', async () => {
		const { sb, harness, stuck } = await reRegisterWithFailedDelete();
		const registered = ids(sb).filter((id) => id !== stuck);
		const creates = calls(sb, 'Webhook.Create').length;

		expect(await harness.activate()).toEqual({ existed: true });
		expect(ids(sb)).toEqual(registered);
		expect(calls(sb, 'Webhook.Create')).toHaveLength(creates);
		expect(harness.staticData.orphans).toBeUndefined();
		expect(harness.staticData.webhooks).toHaveLength(2);
	});

	it('a Create that fails after others succeeded, whose clean-up Delete fails too: the webhook is kept and the delete n8n runs next removes it', async () => {
		// no Activity Type: the account refuses the activity webhook, after the lead webhook was registered
		const { sb, harness } = await setup({ events: ['lead.created', 'activity.created'] });
		failNextDelete(sb);
		await expect(harness.activate()).rejects.toThrow('You have not passed ActivityEvent');
		const [stuck] = ids(sb);
		expect(sb.webhooks()).toHaveLength(1);
		expect(harness.staticData).toEqual({ orphans: [{ id: stuck, event: 'lead.created' }] });

		// n8n 2.x runs the node's delete right after a failed create (1.x on the next deactivation)
		expect(await harness.deactivate()).toBe(true);
		expect(sb.webhooks()).toEqual([]);
		expect(harness.staticData).toEqual({});
	});

	it('a webhook LeadSquared no longer has counts as deleted and is dropped from the list', async () => {
		const { sb, harness, stuck } = await reRegisterWithFailedDelete();
		// an administrator deletes it in LeadSquared
		const deleted = await fetch(`${sb.url}/v2/Webhook.svc/Delete?webhookId=${stuck}`, { headers: { 'x-LSQ-AccessKey': sb.accessKey, 'x-LSQ-SecretKey': sb.secretKey } });
		expect(deleted.status).toBe(200);
		expect(await harness.activate()).toEqual({ existed: true });
		expect(harness.staticData.orphans).toBeUndefined();
	});
});

describe("LeadSquared Trigger: the log never carries the webhook secret or the keys", () => {
	let logs: { lines: LoggedLine[]; stop(): void } | undefined;
	afterEach(() => logs?.stop());

	it("when LeadSquared's error text echoes them, on re-registration and on deactivation", async () => {
		const { sb, harness } = await setup({ events: ['lead.created', 'lead.updated'] });
		logs = captureLogs();
		await harness.activate();
		const first = String(harness.staticData.secret);
		const echo = (secret: string) => ` (X-N8n-LeadSquared-Secret: ${secret}, ${encodeURIComponent(secret)}; accessKey=${sb.accessKey}&secretKey=${sb.secretKey})`;
		harness.setParameters({ events: ['lead.created', 'lead.updated'], options: { contentType: 'text' } });
		failNextDelete(sb, echo(first));
		await harness.activate();
		const second = String(harness.staticData.secret);
		failNextDelete(sb, echo(second));
		await harness.deactivate().catch(() => undefined);

		const warnings = logs.lines.filter((line) => line.message.includes('could not delete the webhook'));
		expect(warnings).toHaveLength(2);
		for (const line of logs.lines) {
			for (const hidden of [first, second, sb.accessKey, sb.secretKey]) expect(line.message).not.toContain(hidden);
		}
		expect(warnings[0].message).toContain('[redacted]');
	});
});
