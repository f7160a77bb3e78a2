import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P, pairs, upsert } from './client';
import { Receiver } from './receiver';
import { registerWebhook } from './webhook-helpers';

describe('sandbox: webhook deliveries of lead events and landing page submissions', () => {
	let sb: Sandbox;
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await Receiver.start();
		sb = await startSandbox({
			leads: [{ ProspectID: 'lead-1', FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com', ProspectStage: 'Prospect', Score: '10', OwnerId: 'owner-a' }],
			rateLimit: { calls: 0, windowMs: 1000 },
			webhookRetryDelayMs: 0,
		});
	});
	afterAll(async () => {
		await sb.close();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ webhookUnchangedLeadUpdates: undefined });
		receiver.clear();
	});

	const hook = (path: string, overrides: Record<string, unknown> = {}): Promise<string> => registerWebhook(sb, `${receiver.url}${path}`, overrides);
	const received = (path: string) => receiver.posts().filter((r) => r.path === path);

	it('a created lead is POSTed as the flat lead object, as JSON, with the custom headers', async () => {
		const id = await hook('/create', { CustomHeaders: [{ Key: 'X-Trigger-Secret', Value: 's3cr3t' }] });
		const res = await upsert(sb, { FirstName: 'Nina', LastName: 'Shah', EmailAddress: 'nina@example.com' });
		await sb.deliveriesSettled();

		const [request] = received('/create');
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers['x-trigger-secret']).toBe('s3cr3t');
		expect(request.json).toMatchObject({ ProspectID: res.json.Message.Id, FirstName: 'Nina', LastName: 'Shah', EmailAddress: 'nina@example.com', Phone: null });
		expect(typeof (request.json as Record<string, unknown>).ProspectAutoId).toBe('string');
		expect(sb.deliveries()).toEqual([
			expect.objectContaining({
				webhookId: id,
				url: `${receiver.url}/create`,
				method: 'POST',
				kind: 'event',
				event: 3,
				eventName: 'Lead_Post_Create',
				headers: expect.objectContaining({ 'content-type': 'application/json', 'x-trigger-secret': 's3cr3t' }),
				body: request.body,
				items: 1,
				outcome: 'delivered',
				status: 200,
				response: '{"Status":"Success","StatusReason":""}',
				attempts: 1,
				attemptStatuses: [200],
			}),
		]);
	});

	it('form and text webhooks get the same lead, form-encoded or as JSON text', async () => {
		await hook('/form', { ContentType: 'application/x-www-form-urlencoded' });
		await hook('/text', { ContentType: 'text/plain', Method: 'PUT' });
		await upsert(sb, { FirstName: 'Om', LastName: 'Das', mx_KYC: '' });
		await sb.deliveriesSettled();

		const [form] = received('/form');
		expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const fields = Object.fromEntries(new URLSearchParams(form.body));
		expect(fields).toMatchObject({ FirstName: 'Om', LastName: 'Das', Phone: '' });
		const [text] = received('/text');
		expect(text.method).toBe('PUT');
		expect(text.headers['content-type']).toBe('text/plain');
		expect(JSON.parse(text.body)).toMatchObject({ FirstName: 'Om', LastName: 'Das' });
	});

	it('a repeated custom header goes out as several header lines', async () => {
		await hook('/twice', { CustomHeaders: [{ Key: 'x-api-key', Value: 'k1' }, { Key: 'x-api-key', Value: 'k2' }] });
		await upsert(sb, { LastName: 'Twice' });
		await sb.deliveriesSettled();
		expect(received('/twice')[0].headers['x-api-key']).toBe('k1, k2');
		expect(sb.deliveries()[0].headers['x-api-key']).toBe('k1, k2');
	});

	it('a lead update triggers Lead update (6), and owner (4), stage (5) and score (9) changes when those fields change', async () => {
		await hook('/update', { WebhookEvent: 6 });
		await hook('/owner', { WebhookEvent: 4 });
		await hook('/stage', { WebhookEvent: 5 });
		await hook('/score', { WebhookEvent: 9 });
		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ ProspectStage: 'Customer', Score: '25' }) });
		await sb.deliveriesSettled();

		expect(received('/update').map((r) => r.json)).toEqual([expect.objectContaining({ ProspectID: 'lead-1', ProspectStage: 'Customer', Score: '25' })]);
		expect(received('/stage')).toHaveLength(1);
		expect(received('/score')).toHaveLength(1);
		expect(received('/owner')).toHaveLength(0);

		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ OwnerId: 'owner-b' }) });
		await sb.deliveriesSettled();
		expect(received('/owner').map((r) => (r.json as Record<string, unknown>).OwnerId)).toEqual(['owner-b']);
		expect(received('/update')).toHaveLength(2);
		expect(sb.deliveries().map((d) => d.eventName)).toEqual(expect.arrayContaining(['Lead_Post_Update', 'Lead_Owner_Change', 'Lead_Post_Stage_Change', 'Lead_Score_Change']));
	});

	it('an update that changes nothing triggers no Lead update webhook, unless webhookUnchangedLeadUpdates is set', async () => {
		await hook('/update', { WebhookEvent: 6 });
		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ FirstName: 'Asha' }) });
		await sb.deliveriesSettled();
		expect(received('/update')).toHaveLength(0);
		sb.configure({ webhookUnchangedLeadUpdates: true });
		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ FirstName: 'Asha' }) });
		await sb.deliveriesSettled();
		expect(received('/update')).toHaveLength(1);
	});

	it('Lead field update (26) fires only when a watched field changes, with the lead before and after', async () => {
		await hook('/stage-field', { WebhookEvent: 26, WebhookProperties: '{"FieldName":"prospectstage"}' });
		await hook('/any-field', { WebhookEvent: 26 });
		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ mx_City: 'Pune' }) });
		await call(sb, P.update, { query: { leadId: 'lead-1' }, body: pairs({ ProspectStage: 'Opportunity' }) });
		await sb.deliveriesSettled();

		expect(sb.webhooks().find((w) => w.URL.endsWith('/stage-field'))?.WebhookProperties).toBe('{"FieldName":"prospectstage"}');
		const stage = received('/stage-field');
		expect(stage).toHaveLength(1);
		expect(stage[0].json).toEqual({
			Before: expect.objectContaining({ ProspectID: 'lead-1', ProspectStage: 'Prospect', mx_City: 'Pune' }),
			After: expect.objectContaining({ ProspectID: 'lead-1', ProspectStage: 'Opportunity', mx_City: 'Pune' }),
		});
		expect(received('/any-field').map((r) => (r.json as { After: { mx_City: string } }).After.mx_City)).toEqual(['Pune', 'Pune']);
	});

	it('only enabled webhooks of the event get deliveries; one disabled by hand or deleted gets none', async () => {
		const create = await hook('/create');
		const disabled = await hook('/disabled');
		await hook('/deleted');
		await hook('/other-event', { WebhookEvent: 6 });
		sb.setWebhookStatus(disabled, 1);
		const deleted = sb.webhooks().find((w) => w.URL.endsWith('/deleted'));
		await call(sb, '/v2/Webhook.svc/Delete', { query: { webhookId: String(deleted?.WebhookId) } });

		await upsert(sb, { LastName: 'Only one' });
		await sb.deliveriesSettled();
		expect(receiver.posts().map((r) => r.path)).toEqual(['/create']);
		expect(sb.deliveries().map((d) => d.webhookId)).toEqual([create]);

		sb.setWebhookStatus(disabled, 0);
		await upsert(sb, { LastName: 'Enabled again' });
		await sb.deliveriesSettled();
		expect(received('/disabled')).toHaveLength(1);
	});

	it('a landing page submission (1) reaches every landing page webhook, or only those listing the page', async () => {
		await hook('/all-pages', { WebhookEvent: 1 });
		await hook('/one-page', { WebhookEvent: 1, IsSpecificLandingPage: true, LandingPageUrls: ['https://example.com/offer'] });
		sb.submitLandingPage({ pageUrl: 'https://example.com/other', fields: { FirstName: 'Form', EmailAddress: 'form@example.com' } });
		sb.submitLandingPage({ pageUrl: 'http://EXAMPLE.com/offer/?utm=x', pageName: 'Offer', leadId: 'lead-1', fields: { mx_City: 'Goa' } });
		await sb.deliveriesSettled();

		expect(received('/all-pages').map((r) => r.json)).toEqual([
			{ FirstName: 'Form', EmailAddress: 'form@example.com', LandingPageUrl: 'https://example.com/other', LandingPageName: '' },
			expect.objectContaining({ ProspectID: 'lead-1', FirstName: 'Asha', mx_City: 'Goa', LandingPageUrl: 'http://EXAMPLE.com/offer/?utm=x', LandingPageName: 'Offer' }),
		]);
		expect(received('/one-page').map((r) => (r.json as Record<string, unknown>).LandingPageName)).toEqual(['Offer']);
		expect(sb.deliveries().every((d) => d.eventName === 'Landing_Page_submission')).toBe(true);
	});

	it('a burst of lead writes reaches the webhook once each, none lost', async () => {
		await hook('/burst');
		const writes = Array.from({ length: 40 }, (_, i) => upsert(sb, { LastName: `Burst ${i}`, EmailAddress: `burst${i}@example.com` }));
		await Promise.all(writes);
		await sb.deliveriesSettled();
		const emails = received('/burst').map((r) => (r.json as Record<string, unknown>).EmailAddress);
		expect(new Set(emails).size).toBe(40);
		expect(sb.deliveries().filter((d) => d.outcome === 'delivered')).toHaveLength(40);
	});
});
