/**
 * Who may start a LeadSquared Trigger workflow: LeadSquared signs nothing, so the trigger's webhooks carry
 * a secret generated at registration as a custom header, and every call without it is refused with 401
 * before anything runs. The secret never appears in an answer, an item or an error.
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import { upsertLead } from '../harness/sandbox-events';
import { openSandbox } from '../engine/support';

afterAll(disposeN8n);

const GUARD = 'x-n8n-leadsquared-secret';
const EVENT = 'x-n8n-leadsquared-event';
const BODY = JSON.stringify({ ProspectID: 'forged-1', EmailAddress: 'forged@example.com', Score: '1' });

describe('LeadSquared Trigger: calls without the secret', () => {
	let sb: Sandbox;
	let harness: TriggerHarness;
	let secret: string;

	beforeAll(async () => {
		sb = await openSandbox({ webhookRetryDelayMs: 0 });
		harness = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.created', 'lead.updated'] }, credentials: sandboxCredentials(sb) as never });
		await harness.activate();
		secret = String(harness.staticData.secret);
	});
	afterAll(async () => {
		await harness.close();
		await sb.close();
	});

	const post = async (headers: Record<string, string>, body = BODY, url = harness.webhookUrl) =>
		await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [EVENT]: 'lead.created', ...headers }, body });

	it.each([
		['no secret header', {}],
		['another value', { [GUARD]: 'a'.repeat(64) }],
		['the secret cut short', { [GUARD]: 'SECRET_PREFIX' }],
		['the secret in another header', { 'x-api-key': 'SECRET' }],
		['an empty value', { [GUARD]: '' }],
	])('%s: 401, and no execution starts', async (_, raw) => {
		const headers = Object.fromEntries(Object.entries(raw as Record<string, string>).map(([key, value]) => [key, value.replace('SECRET_PREFIX', secret.slice(0, 32)).replace('SECRET', secret)]));
		const before = harness.executions.length;
		const res = await post(headers);
		expect(res.status).toBe(401);
		const text = await res.text();
		expect(JSON.parse(text)).toEqual({ Status: 'Error', StatusReason: expect.stringContaining('Unauthorized') });
		expect(text).not.toContain(secret.slice(0, 16));
		await harness.idle();
		expect(harness.executions.length).toBe(before);
	});

	it('the secret in the query string does not count either (it belongs in the header LeadSquared sends)', async () => {
		const res = await post({}, BODY, `${harness.webhookUrl}?${GUARD}=${secret}`);
		expect(res.status).toBe(401);
		await harness.idle();
		expect(harness.executions).toHaveLength(0);
	});

	it('with the secret, the same call starts one execution; the secret is not in its items', async () => {
		const res = await post({ [GUARD]: secret });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ Status: 'Success', StatusReason: '' });
		await harness.idle();
		expect(harness.executions).toHaveLength(1);
		expect(JSON.stringify(harness.executions[0].run)).not.toContain(secret);
	});

	it("LeadSquared's own deliveries carry the secret; their items never do", async () => {
		await upsertLead(sb, { EmailAddress: 'real@example.com', LastName: 'Real' });
		await sb.deliveriesSettled();
		await harness.idle();
		const deliveries = sb.deliveries().filter((delivery) => delivery.kind === 'event');
		expect(deliveries.map((delivery) => [delivery.status, delivery.headers[GUARD] === secret])).toEqual([[200, true]]);
		const last = harness.executions[harness.executions.length - 1];
		expect(last.items[0].json).toMatchObject({ event: 'lead.created', lead: { EmailAddress: 'real@example.com' } });
		expect(JSON.stringify(harness.executions.map((execution) => execution.run))).not.toContain(secret);
	});

	it('after deactivation the old secret opens nothing: 401', async () => {
		const other = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.created'] }, credentials: sandboxCredentials(sb) as never });
		try {
			await other.activate();
			const oldSecret = String(other.staticData.secret);
			await other.deactivate();
			const res = await fetch(other.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', [GUARD]: oldSecret }, body: BODY });
			expect(res.status).toBe(401);
			// and a trigger that was never activated has no secret at all
			const never = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.created'] }, credentials: sandboxCredentials(sb) as never });
			const refused = await fetch(never.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', [GUARD]: '' }, body: BODY });
			expect(refused.status).toBe(401);
			await never.close();
			expect(other.executions).toHaveLength(0);
		} finally {
			await other.close();
		}
	});

	it("another trigger's secret does not open this one", async () => {
		const other = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.updated'] }, credentials: sandboxCredentials(sb) as never });
		try {
			await other.activate();
			const before = harness.executions.length;
			const res = await post({ [GUARD]: String(other.staticData.secret) });
			expect(res.status).toBe(401);
			await harness.idle();
			expect(harness.executions.length).toBe(before);
			await other.deactivate();
		} finally {
			await other.close();
		}
	});
});
