/**
 * Bodies the LeadSquared Trigger cannot use, from a caller that has the secret: none starts an execution,
 * and none gets an answer that would make LeadSquared disable the webhook (LeadSquared asks for 200 with
 * `{"Status":"Error","StatusReason":…}`), except JSON that n8n itself refuses to parse before the node runs (422).
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import { openSandbox } from '../engine/support';

afterAll(disposeN8n);

const GUARD = 'x-n8n-leadsquared-secret';

describe('LeadSquared Trigger: malformed bodies', () => {
	let sb: Sandbox;
	let harness: TriggerHarness;
	let secret: string;

	beforeAll(async () => {
		sb = await openSandbox();
		harness = await TriggerHarness.start({ kind: 'webhook', parameters: { events: ['lead.updated'] }, credentials: sandboxCredentials(sb) as never });
		await harness.activate();
		secret = String(harness.staticData.secret);
	});
	afterAll(async () => {
		await harness.close();
		await sb.close();
	});

	const post = async (contentType: string, body: string) =>
		await fetch(harness.webhookUrl, { method: 'POST', headers: { 'content-type': contentType, [GUARD]: secret, 'x-n8n-leadsquared-event': 'lead.updated' }, body });

	it('JSON that does not parse: n8n answers 422 before the node runs; no execution', async () => {
		const res = await post('application/json', '{"ProspectID": "x", ');
		expect(res.status).toBe(422);
		expect(harness.requests.at(-1)).toMatchObject({ status: 422, reachedNode: false });
		await harness.idle();
		expect(harness.executions).toHaveLength(0);
	});

	it.each([
		['text that is not JSON', 'text/plain', 'ProspectID=x'],
		['a JSON number', 'application/json', '42'],
		['a JSON string', 'application/json', '"lead"'],
		['an array of non-records', 'application/json', '[1, 2, 3]'],
		['records mixed with text', 'text/plain', '[{"ProspectID":"x"}, "y"]'],
		['a form field `payload` holding text', 'application/x-www-form-urlencoded', 'payload=%5B1%2C2%5D'],
	])('%s: 200 with {"Status":"Error"} and the reason; no execution', async (_, contentType, body) => {
		const res = await post(contentType, body);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ Status: 'Error', StatusReason: expect.stringContaining('expected LeadSquared records') });
		await harness.idle();
		expect(harness.executions).toHaveLength(0);
	});

	it.each([
		['an empty JSON body', 'application/json', ''],
		['an empty object', 'application/json', '{}'],
		['an empty array', 'application/json', '[]'],
		['an empty text body', 'text/plain', '   '],
		['an empty form', 'application/x-www-form-urlencoded', ''],
	])('%s (a check without payload): 200 {"Status":"Success"}, no execution', async (_, contentType, body) => {
		const res = await post(contentType, body);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ Status: 'Success', StatusReason: '' });
		await harness.idle();
		expect(harness.executions).toHaveLength(0);
	});

	it('an unknown content type reaches the node without a body: no execution', async () => {
		const res = await post('application/xml-ish', '<lead/>');
		expect(res.status).toBe(200);
		await harness.idle();
		expect(harness.executions).toHaveLength(0);
	});

	it('after all of these, a good delivery still starts its execution (the node keeps working)', async () => {
		const res = await post('application/json', JSON.stringify({ ProspectID: 'ok-1', EmailAddress: 'ok@example.com' }));
		expect(res.status).toBe(200);
		await harness.idle();
		expect(harness.executions.map((execution) => execution.items.map((item) => item.json.leadId))).toEqual([['ok-1']]);
		expect(harness.webhookErrors).toEqual([]);
	});
});
