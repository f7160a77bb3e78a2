/**
 * A burst of LeadSquared events: 200 lead creations delivered by the sandbox (10 deliveries at a time,
 * real HTTP) all become executions, none lost or doubled; 200 activities grouped into a few deliveries
 * all become items; and a trigger whose deliveries LeadSquared disabled after failures is recreated on the
 * next activation and receives again.
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import { bulkUpsertLeads, postActivity, upsertLead } from '../harness/sandbox-events';
import { openSandbox } from '../engine/support';

afterAll(disposeN8n);

const BURST = 200;

describe('LeadSquared Trigger: bursts', () => {
	const open: Array<{ close(): Promise<void> }> = [];
	afterEach(async () => {
		for (const item of open.splice(0)) await item.close();
	});

	async function setup(parameters: Record<string, unknown>, sandboxOptions = {}): Promise<{ sb: Sandbox; harness: TriggerHarness }> {
		const sb = await openSandbox({ bulkRateLimit: { calls: 100_000, windowMs: 5000 }, webhookRetryDelayMs: 0, ...sandboxOptions });
		const harness = await TriggerHarness.start({ kind: 'webhook', parameters: parameters as never, credentials: sandboxCredentials(sb) as never });
		open.push(harness, sb);
		await harness.activate();
		return { sb, harness };
	}

	it(`${BURST} lead creations become ${BURST} executions: none lost, none doubled`, async () => {
		const { sb, harness } = await setup({ events: ['lead.created'] });
		const leads = Array.from({ length: BURST }, (_, i) => ({ EmailAddress: `burst${i}@example.com`, LastName: `Burst ${i}`, Score: String(i) }));
		await bulkUpsertLeads(sb, leads);
		await sb.deliveriesSettled();
		await harness.idle();
		const deliveries = sb.deliveries().filter((delivery) => delivery.kind === 'event');
		const ids = harness.executions.map((execution) => String(execution.items[0].json.leadId));
		const figure = { sent: deliveries.length, delivered: deliveries.filter((d) => d.outcome === 'delivered' && d.attempts === 1).length, executions: harness.executions.length, lost: BURST - new Set(ids).size };
		expect(figure).toEqual({ sent: BURST, delivered: BURST, executions: BURST, lost: 0 });
		expect(harness.executions.every((execution) => execution.run.status === 'success' && execution.items.length === 1)).toBe(true);
		expect(new Set(ids)).toEqual(new Set(sb.leads().map((lead) => String(lead.ProspectID))));
		expect(harness.executions.map((execution) => (execution.items[0].json.lead as { Score: number }).Score).sort((a, b) => a - b)).toEqual(leads.map((_, i) => i));
		expect(harness.webhookErrors).toEqual([]);
	});

	it(`${BURST} activities grouped by LeadSquared into a few deliveries become ${BURST} items, one each`, async () => {
		const { sb, harness } = await setup({ events: ['activity.created'], activityType: '201' }, { leads: [{ EmailAddress: 'busy@example.com', LastName: 'Busy' }], webhookActivityBatchMs: 100 });
		const leadId = String(sb.leads()[0].ProspectID);
		const posted: string[] = [];
		for (let i = 0; i < BURST; i++) posted.push(await postActivity(sb, leadId, 201, { mx_Custom_1: `Form ${i}` }));
		await sb.deliveriesSettled();
		await harness.idle();
		const deliveries = sb.deliveries().filter((delivery) => delivery.kind === 'event');
		expect(deliveries.length).toBeLessThan(BURST);
		expect(deliveries.reduce((sum, delivery) => sum + delivery.items, 0)).toBe(BURST);
		expect(harness.executions).toHaveLength(deliveries.length);
		const items = harness.executions.flatMap((execution) => execution.items.map((item) => String(item.json.activityId)));
		expect(items.sort()).toEqual([...posted].sort());
	});

	it('deliveries that keep failing get the webhook disabled (StatusCode 2); the next activation recreates it and events arrive again', async () => {
		const { sb, harness } = await setup({ events: ['lead.created'] }, { webhookRetries: 0, webhookDisableAfterFailures: 2 });
		// the node no longer knows the secret LeadSquared sends (a static data mix-up): every delivery is refused
		const secret = harness.staticData.secret;
		harness.staticData.secret = 'f'.repeat(64);
		await upsertLead(sb, { EmailAddress: 'lost1@example.com', LastName: 'Lost' });
		await upsertLead(sb, { EmailAddress: 'lost2@example.com', LastName: 'Lost' });
		await sb.deliveriesSettled();
		expect(sb.deliveries().map((delivery) => [delivery.status, delivery.outcome])).toEqual([
			[401, 'failed'],
			[401, 'failed'],
		]);
		expect(sb.webhooks()[0].StatusCode).toBe(2);
		harness.staticData.secret = secret;
		expect(await harness.activate()).toEqual({ existed: false });
		expect(sb.webhooks()).toEqual([expect.objectContaining({ StatusCode: 0 })]);
		await upsertLead(sb, { EmailAddress: 'found@example.com', LastName: 'Found' });
		await sb.deliveriesSettled();
		await harness.idle();
		expect(harness.executions.map((execution) => (execution.items[0].json.lead as { EmailAddress: string }).EmailAddress)).toEqual(['found@example.com']);
	});
});
