import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { createWebhook, registerWebhook, retrieve, WH } from './webhook-helpers';

const URL_A = 'https://hooks.example.com/leadsquared/a';

describe('sandbox: Webhook.svc Create, Retrieve, Update and Delete', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: { calls: 0, windowMs: 1000 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ webhookLimit: undefined, webhookRequireTopLevelActivityEvent: undefined, webhookStageChangeCreatable: undefined, webhookPropertiesObject: undefined, webhookStatusCodes: undefined });
	});

	it('Create takes the documented body and answers the new webhook id in Message.Id', async () => {
		const res = await createWebhook(sb, URL_A, { CustomHeaders: [{ Key: 'x-api-key', Value: 'k1' }, { Key: 'x-api-key', Value: 'k2' }] });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		expect(sb.webhooks()).toEqual([
			expect.objectContaining({
				WebhookId: res.json.Message.Id,
				URL: URL_A,
				Method: 'POST',
				ContentType: 'application/json',
				WebhookEvent: 3,
				NotifyOnFailure: true,
				WebhookProperties: null,
				CustomHeaders: [
					{ Key: 'x-api-key', Value: 'k1' },
					{ Key: 'x-api-key', Value: 'k2' },
				],
				StatusCode: 0,
				consecutiveFailures: 0,
			}),
		]);
	});

	it.each([
		['no URL', { URL: '' }, 'MXInvalidInputException', 'Invalid Input! Parameter Name: URL'],
		['a URL that is not http(s)', { URL: 'ftp://example.com/x' }, 'MXInvalidInputException', "Invalid URL 'ftp://example.com/x'. Pass an http or https URL"],
		['an unknown content type', { ContentType: 'application/xml' }, 'MXInvalidInputException', expect.stringContaining("Invalid ContentType 'application/xml'")],
		['an uncatalogued event code', { WebhookEvent: '10' }, 'MXInvalidInputException', "Invalid WebhookEvent '10'"],
		['no event', { WebhookEvent: undefined }, 'MXInvalidInputException', 'Invalid Input! Parameter Name: WebhookEvent'],
		['a method other than POST/PUT/PATCH', { Method: 'GET' }, 'MXInvalidInputException', expect.stringContaining("Invalid Method 'GET'")],
		['WebhookProperties that are not JSON', { WebhookProperties: '{oops' }, 'MXInvalidInputException', 'Webhook Properties is not a valid JSON'],
		['a bad custom header name', { CustomHeaders: [{ Key: 'x bad', Value: '1' }] }, 'MXInvalidInputException', "Invalid custom header name 'x bad'"],
		['11 custom headers', { CustomHeaders: Array.from({ length: 11 }, (_, i) => ({ Key: `x-h${i}`, Value: 'v' })) }, 'MXInvalidInputException', 'A webhook can have at most 10 custom headers'],
		['a watched lead field that does not exist', { WebhookEvent: '26', WebhookProperties: '{"FieldName":"mx_Nope"}' }, 'MXInvalidInputException', "Field 'mx_Nope' does not exist"],
		['specific landing pages without URLs', { WebhookEvent: '1', IsSpecificLandingPage: true }, 'MXInvalidInputException', 'Invalid Input! Parameter Name: LandingPageUrls'],
	])('Create with %s → HTTP 500 and the MX envelope; nothing is stored', async (_name, overrides, type, message) => {
		const res = await createWebhook(sb, URL_A, overrides);
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ Status: 'Error', ExceptionType: type, ExceptionMessage: message });
		expect(sb.webhooks()).toEqual([]);
	});

	it('an activity webhook needs ActivityEvent at the top level, not only inside WebhookProperties (as observed), unless configured otherwise', async () => {
		const properties = JSON.stringify({ ActivityEvent: '201', ActivityData: '[]', WebPageNames: '[]' });
		const onlyInside = await createWebhook(sb, URL_A, { WebhookEvent: '2', WebhookProperties: properties });
		expect(onlyInside.status).toBe(500);
		expect(onlyInside.json).toMatchObject({ ExceptionType: 'MXInvalidDataTypeException', ExceptionMessage: 'You have not passed ActivityEvent.' });

		const both = await createWebhook(sb, URL_A, { WebhookEvent: '2', ActivityEvent: '201', WebhookProperties: properties });
		expect(both.status).toBe(200);
		const unknownType = await createWebhook(sb, URL_A, { WebhookEvent: '2', ActivityEvent: '3001' });
		expect(unknownType.status).toBe(500);
		expect(unknownType.json.ExceptionMessage).toBe("Invalid ActivityEvent '3001'");

		sb.configure({ webhookRequireTopLevelActivityEvent: false });
		expect((await createWebhook(sb, URL_A, { WebhookEvent: '2', WebhookProperties: properties })).status).toBe(200);
		expect((await createWebhook(sb, URL_A, { WebhookEvent: '15' })).status).toBe(200);
		expect(sb.webhooks().map((w) => [w.WebhookEvent, w.ActivityEvent])).toEqual([
			[2, 201],
			[2, 201],
			[15, undefined],
		]);
	});

	it('WebhookProperties as a JSON object (not a string) answers 400 as observed, or is accepted when configured', async () => {
		const res = await createWebhook(sb, URL_A, { WebhookEvent: '26', WebhookProperties: { FieldName: 'ProspectStage' } });
		expect(res.status).toBe(400);
		expect(res.json.ExceptionType).toBe('MXInvalidInputException');
		sb.configure({ webhookPropertiesObject: 'accept' });
		expect((await createWebhook(sb, URL_A, { WebhookEvent: '26', WebhookProperties: { FieldName: 'ProspectStage' } })).status).toBe(200);
		expect(sb.webhooks()[0].WebhookProperties).toBe('{"FieldName":"ProspectStage"}');
	});

	it('webhookStageChangeCreatable: false reproduces the stage change webhook that one account could not create', async () => {
		expect((await createWebhook(sb, URL_A, { WebhookEvent: '5' })).status).toBe(200);
		sb.configure({ webhookStageChangeCreatable: false });
		const absent = await createWebhook(sb, URL_A, { WebhookEvent: '5' });
		expect(absent.json.ExceptionMessage).toBe('Webhook Properties is not found');
		const empty = await createWebhook(sb, URL_A, { WebhookEvent: '5', WebhookProperties: '{}' });
		expect(empty.json.ExceptionMessage).toBe('Webhook Properties is not a valid JSON');
	});

	it('webhookLimit caps the webhooks of the account; deleting one frees a slot', async () => {
		sb.configure({ webhookLimit: 3 });
		const ids = [await registerWebhook(sb, URL_A), await registerWebhook(sb, URL_A), await registerWebhook(sb, URL_A)];
		const fourth = await createWebhook(sb, URL_A);
		expect(fourth.status).toBe(500);
		expect(fourth.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'You have reached the maximum number of webhooks (3) allowed for your plan',
		});
		await call(sb, WH.delete, { query: { webhookId: ids[0] } });
		expect((await createWebhook(sb, URL_A)).status).toBe(200);
	});

	it('Retrieve filters by event name, StatusCode, id and text, pages, and answers {RecordCount, Response}', async () => {
		const create = await registerWebhook(sb, URL_A, { Description: 'Posts data on lead create' });
		const update = await registerWebhook(sb, 'https://hooks.example.com/update', { WebhookEvent: 6, Description: 'Lead updates' });
		const other = await registerWebhook(sb, 'https://hooks.example.com/other', { WebhookEvent: '3', Description: 'Second create hook' });
		expect(sb.setWebhookStatus(other, 1)).toBe(true);

		const byEvent = await retrieve(sb, { Parameter: { Type: 'Webhook', WebhookEvent: 'Lead_Post_Create', StatusCode: '', WebhookId: '', SearchText: ' ' } });
		expect(byEvent.status).toBe(200);
		expect(byEvent.json.RecordCount).toBe(2);
		expect(byEvent.json.Response.map((r: { WebhookId: string }) => r.WebhookId)).toEqual([create, other]);
		expect(byEvent.json.Response[0]).toMatchObject({
			WebhookId: create,
			EventName: 'Lead Creation',
			EventCode: 'Lead_Post_Create',
			Description: 'Posts data on lead create',
			URL: URL_A,
			StatusCode: 0,
			CustomHeaders: [{ Key: 'x-api-key', Value: 'secret-1' }],
		});

		const enabled = await retrieve(sb, { Parameter: { WebhookEvent: 'lead_post_create', StatusCode: 0 } });
		expect(enabled.json.Response.map((r: { WebhookId: string }) => r.WebhookId)).toEqual([create]);
		const disabled = await retrieve(sb, { Parameter: { StatusCode: 1 } });
		expect(disabled.json.Response.map((r: { WebhookId: string; StatusCode: number }) => [r.WebhookId, r.StatusCode])).toEqual([[other, 1]]);
		const byId = await retrieve(sb, { Parameter: { WebhookId: update.toUpperCase() } });
		expect(byId.json.Response.map((r: { EventCode: string }) => r.EventCode)).toEqual(['Lead_Post_Update']);
		const byText = await retrieve(sb, { Parameter: { SearchText: 'second' } });
		expect(byText.json.RecordCount).toBe(1);
		expect((await retrieve(sb, { Parameter: { Type: 'Lapp' } })).json).toEqual({ RecordCount: 0, Response: [] });

		const sorted = await retrieve(sb, { Parameter: {}, Sorting: { ColumnName: 'Description', Direction: '1' }, Paging: { PageIndex: 1, PageSize: 2 } });
		expect(sorted.json.RecordCount).toBe(3);
		expect(sorted.json.Response.map((r: { Description: string }) => r.Description)).toEqual(['Second create hook', 'Posts data on lead create']);
		const page2 = await retrieve(sb, { Parameter: {}, Sorting: { ColumnName: 'Description', Direction: '1' }, Paging: { PageIndex: 2, PageSize: 2 } });
		expect(page2.json.Response.map((r: { Description: string }) => r.Description)).toEqual(['Lead updates']);

		const badEvent = await retrieve(sb, { Parameter: { WebhookEvent: 'Lead_Exploded' } });
		expect(badEvent.status).toBe(500);
		expect(badEvent.json.ExceptionMessage).toBe("Invalid WebhookEvent 'Lead_Exploded'");
	});

	it('webhookStatusCodes: legacy answers StatusCode as the older version of the Retrieve page reads it (1 enabled, 0 disabled), in rows and in the filter', async () => {
		sb.configure({ webhookStatusCodes: 'legacy' });
		const enabled = await registerWebhook(sb, URL_A);
		const paused = await registerWebhook(sb, 'https://hooks.example.com/paused');
		const failed = await registerWebhook(sb, 'https://hooks.example.com/failed');
		sb.setWebhookStatus(paused, 1);
		sb.setWebhookStatus(failed, 2);
		const statuses = (body: Record<string, unknown>) =>
			retrieve(sb, body).then((res) => res.json.Response.map((r: { WebhookId: string; StatusCode: number }) => [r.WebhookId, r.StatusCode]));
		expect(await statuses({ Parameter: {} })).toEqual([
			[enabled, 1],
			[paused, 0],
			[failed, 0],
		]);
		expect(await statuses({ Parameter: { StatusCode: 1 } })).toEqual([[enabled, 1]]);
		expect(await statuses({ Parameter: { StatusCode: '0' } })).toEqual([
			[paused, 0],
			[failed, 0],
		]);
		expect((await retrieve(sb, { Parameter: { StatusCode: 2 } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: StatusCode');
		// the sandbox's own view keeps the newer page's codes
		expect(sb.webhooks().map((hook) => hook.StatusCode)).toEqual([0, 1, 2]);
	});

	it('Update changes the keys given and keeps the others; an unknown or missing WebhookId is an MX error', async () => {
		const id = await registerWebhook(sb, URL_A, { Description: 'before' });
		const res = await call(sb, WH.update, {
			body: { WebhookId: id, URL: 'https://hooks.example.com/moved', ContentType: 'application/x-www-form-urlencoded', CustomHeaders: [{ Key: 'x-secret', Value: 's2' }] },
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: id } });
		expect(sb.webhooks()[0]).toMatchObject({
			Description: 'before',
			URL: 'https://hooks.example.com/moved',
			ContentType: 'application/x-www-form-urlencoded',
			WebhookEvent: 3,
			CustomHeaders: [{ Key: 'x-secret', Value: 's2' }],
		});

		const unknown = await call(sb, WH.update, { body: { WebhookId: '00000000-0000-0000-0000-000000000000', URL: URL_A } });
		expect(unknown.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Webhook does not exist' });
		const missing = await call(sb, WH.update, { body: { URL: URL_A } });
		expect(missing.json.ExceptionMessage).toBe('Invalid Input! Parameter Name: WebhookId');
		const invalid = await call(sb, WH.update, { body: { WebhookId: id, WebhookEvent: '99' } });
		expect(invalid.status).toBe(500);
		expect(sb.webhooks()[0].WebhookEvent).toBe(3);
	});

	it('Delete is a GET with webhookId in the query; a POST answers 405', async () => {
		const id = await registerWebhook(sb, URL_A);
		const post = await call(sb, WH.delete, { method: 'POST', query: { webhookId: id }, body: {} });
		expect(post.status).toBe(405);
		expect(sb.webhooks()).toHaveLength(1);

		const res = await call(sb, WH.delete, { query: { WebhookID: id } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success' });
		expect(sb.webhooks()).toEqual([]);
		const again = await call(sb, WH.delete, { query: { webhookId: id } });
		expect(again.json).toMatchObject({ ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Webhook does not exist' });
		const missing = await call(sb, WH.delete);
		expect(missing.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: webhookId' });
	});

	it('the webhook calls need the API keys like every other call', async () => {
		const res = await call(sb, WH.create, { auth: 'none', body: { URL: URL_A, WebhookEvent: 3 } });
		expect(res.status).toBe(401);
		expect(sb.webhooks()).toEqual([]);
	});

	it('reset() removes every webhook and the delivery log', async () => {
		await registerWebhook(sb, URL_A);
		sb.reset();
		expect(sb.webhooks()).toEqual([]);
		expect(sb.deliveries()).toEqual([]);
		expect((await retrieve(sb, { Parameter: {} })).json).toEqual({ RecordCount: 0, Response: [] });
	});
});
