import { createServer } from 'node:net';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call, upsert } from './client';
import { Receiver } from './receiver';
import { registerWebhook, retrieve } from './webhook-helpers';

/** A port nothing listens on (bound, then released). */
async function unusedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('sandbox: failed webhook deliveries, retries, automatic disabling and verification', () => {
	let sb: Sandbox;
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await Receiver.start();
		sb = await startSandbox({ rateLimit: { calls: 0, windowMs: 1000 }, webhookRetryDelayMs: 0 });
	});
	afterAll(async () => {
		await sb.close();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({
			webhookRetries: undefined,
			webhookDisableAfterFailures: undefined,
			webhookTimeoutMs: undefined,
			webhookSuccessStatus: undefined,
			webhookVerification: undefined,
			webhookActivityBatchMs: undefined,
		});
		receiver.clear();
	});

	const hook = (path: string, overrides: Record<string, unknown> = {}): Promise<string> => registerWebhook(sb, `${receiver.url}${path}`, overrides);
	const createLead = async (name: string): Promise<void> => {
		await upsert(sb, { LastName: name });
		await sb.deliveriesSettled();
	};

	it('a non-2xx answer is retried (3 retries by default) and the delivery succeeds when an attempt does', async () => {
		await hook('/flaky');
		receiver.respond = (_req, index) => (index < 2 ? { status: 500, body: 'boom' } : { status: 200, body: '{"Status":"Success"}' });
		await createLead('Flaky');
		expect(receiver.received).toHaveLength(3);
		expect(receiver.posts().map((r) => r.body)).toEqual(Array(3).fill(receiver.posts()[0].body));
		expect(sb.deliveries()).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 3, attemptStatuses: [500, 500, 200], status: 200 })]);
		expect(sb.deliveries()[0].error).toBeUndefined();
		expect(sb.webhooks()[0].consecutiveFailures).toBe(0);
	});

	it('a delivery whose 1 + 3 attempts all fail is logged as failed and counts against the webhook', async () => {
		await hook('/down');
		receiver.respond = () => ({ status: 503, body: 'maintenance' });
		await createLead('Down');
		expect(receiver.received).toHaveLength(4);
		expect(sb.deliveries()).toEqual([
			expect.objectContaining({ outcome: 'failed', attempts: 4, attemptStatuses: [503, 503, 503, 503], status: 503, response: 'maintenance', error: 'status 503' }),
		]);
		expect(sb.webhooks()[0]).toMatchObject({ StatusCode: 0, consecutiveFailures: 1 });
	});

	it('after webhookDisableAfterFailures failed deliveries the webhook gets StatusCode 2 and no more deliveries', async () => {
		sb.configure({ webhookDisableAfterFailures: 2, webhookRetries: 1 });
		const id = await hook('/broken');
		const healthy = await hook('/healthy');
		receiver.respond = (req) => (req.path === '/broken' ? { status: 404 } : { status: 200 });
		await createLead('One');
		expect(sb.webhooks().find((w) => w.WebhookId === id)).toMatchObject({ StatusCode: 0, consecutiveFailures: 1 });
		await createLead('Two');
		expect(sb.webhooks().find((w) => w.WebhookId === id)).toMatchObject({ StatusCode: 2, consecutiveFailures: 2 });

		receiver.clear();
		await createLead('Three');
		expect(receiver.posts().map((r) => r.path)).toEqual(['/healthy']);
		const disabled = await retrieve(sb, { Parameter: { WebhookEvent: 'Lead_Post_Create', StatusCode: 2 } });
		expect(disabled.json.Response.map((r: { WebhookId: string }) => r.WebhookId)).toEqual([id]);
		expect(sb.webhooks().find((w) => w.WebhookId === healthy)?.StatusCode).toBe(0);

		sb.setWebhookStatus(id, 0);
		receiver.respond = () => ({ status: 200 });
		await createLead('Four');
		expect(sb.webhooks().find((w) => w.WebhookId === id)).toMatchObject({ StatusCode: 0, consecutiveFailures: 0 });
	});

	it('a success between failures resets the count of consecutive failures', async () => {
		sb.configure({ webhookDisableAfterFailures: 2, webhookRetries: 0 });
		await hook('/sometimes');
		const answers = [500, 200, 500];
		receiver.respond = (_req, index) => ({ status: answers[index] ?? 200 });
		await createLead('A');
		await createLead('B');
		await createLead('C');
		expect(sb.deliveries().map((d) => d.outcome)).toEqual(['failed', 'delivered', 'failed']);
		expect(sb.webhooks()[0]).toMatchObject({ StatusCode: 0, consecutiveFailures: 1 });
	});

	it('an answer slower than webhookTimeoutMs fails as a timeout', async () => {
		sb.configure({ webhookTimeoutMs: 50, webhookRetries: 0 });
		await hook('/slow');
		receiver.respond = () => ({ status: 200, delayMs: 2000 });
		await createLead('Slow');
		expect(sb.deliveries()).toEqual([expect.objectContaining({ outcome: 'failed', status: null, attemptStatuses: [null], error: 'timeout' })]);
	});

	it('a URL where nothing listens fails with the connection error', async () => {
		sb.configure({ webhookRetries: 1 });
		await registerWebhook(sb, `http://127.0.0.1:${await unusedPort()}/nobody`);
		await createLead('Nobody');
		expect(sb.deliveries()).toEqual([expect.objectContaining({ outcome: 'failed', attempts: 2, status: null, error: 'ECONNREFUSED' })]);
	});

	it("webhookSuccessStatus '200' counts any other 2xx as a failure", async () => {
		sb.configure({ webhookSuccessStatus: '200', webhookRetries: 0 });
		await hook('/no-content');
		receiver.respond = () => ({ status: 204 });
		await createLead('204');
		expect(sb.deliveries()[0]).toMatchObject({ outcome: 'failed', status: 204 });
		sb.configure({ webhookSuccessStatus: '2xx' });
		await createLead('204 again');
		expect(sb.deliveries()[1]).toMatchObject({ outcome: 'delivered', status: 204 });
	});

	it("webhookVerification 'head' sends a HEAD request at registration; a receiver that answers it keeps the webhook", async () => {
		sb.configure({ webhookVerification: 'head' });
		const id = await hook('/verified', { CustomHeaders: [{ Key: 'x-secret', Value: 'v' }] });
		await createLead('Verified');
		expect(receiver.received.map((r) => [r.method, r.path, r.body])).toEqual([
			['HEAD', '/verified', ''],
			['POST', '/verified', expect.stringContaining('"LastName":"Verified"')],
		]);
		expect(receiver.received[0].headers['x-secret']).toBe('v');
		expect(sb.deliveries().map((d) => [d.kind, d.eventName, d.method, d.outcome])).toEqual([
			['verification', 'Verification', 'HEAD', 'delivered'],
			['event', 'Lead_Post_Create', 'POST', 'delivered'],
		]);
		expect(sb.webhooks()[0]).toMatchObject({ WebhookId: id, StatusCode: 0 });
	});

	it('a webhook whose URL fails the verification is disabled (StatusCode 2) and gets no deliveries', async () => {
		sb.configure({ webhookVerification: 'head' });
		receiver.respond = (req) => (req.method === 'HEAD' ? { status: 405 } : { status: 200 });
		await hook('/post-only');
		await createLead('Never sent');
		expect(receiver.received.map((r) => r.method)).toEqual(['HEAD']);
		expect(sb.webhooks()[0].StatusCode).toBe(2);
		expect(sb.deliveries().map((d) => [d.kind, d.outcome])).toEqual([
			['verification', 'failed'],
			['event', 'skipped'],
		]);
	});

	it("webhookVerification 'post' verifies with a POST that has no payload", async () => {
		sb.configure({ webhookVerification: 'post' });
		await hook('/empty-post');
		await sb.deliveriesSettled();
		expect(receiver.received.map((r) => [r.method, r.body, r.headers['content-length']])).toEqual([['POST', '', '0']]);
	});

	it('reset() drops pending deliveries and open activity groups; deliveriesSettled resolves', async () => {
		sb.configure({ webhookActivityBatchMs: 60_000, webhookRetries: 0 });
		await hook('/slow');
		await hook('/grouped', { WebhookEvent: 2, ActivityEvent: 201 });
		receiver.respond = () => ({ status: 200, delayMs: 60_000 });
		const lead = await upsert(sb, { LastName: 'Pending' });
		const activity = { RelatedProspectId: lead.json.Message.Id, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Form' }] };
		expect((await call(sb, '/v2/ProspectActivity.svc/Create', { body: activity })).status).toBe(200);
		expect(sb.deliveries().map((d) => d.eventName)).toEqual(['Lead_Post_Create']);
		const settled = sb.deliveriesSettled();
		sb.reset();
		await settled;
		expect(sb.deliveries()).toEqual([]);
		expect(sb.webhooks()).toEqual([]);
	});

	it('close() stops in-flight deliveries, retries and timers', async () => {
		const own = await startSandbox({ rateLimit: { calls: 0, windowMs: 1000 }, webhookRetryDelayMs: 60_000, webhookTimeoutMs: 60_000 });
		await registerWebhook(own, `${receiver.url}/closing`);
		receiver.respond = () => ({ status: 200, delayMs: 60_000 });
		await upsert(own, { LastName: 'In flight' });
		const settled = own.deliveriesSettled();
		await own.close();
		await settled;
		expect(own.deliveries()).toEqual([expect.objectContaining({ outcome: 'skipped', attempts: 0 })]);
	});
});
