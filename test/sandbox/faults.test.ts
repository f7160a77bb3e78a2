import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P, pairs, sleep, upsert } from './client';

describe('sandbox: injected faults', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ rateLimit: undefined, latencyMs: undefined });
		sb.reset();
	});

	it("'status' answers a bare status with a plain body, once by default", async () => {
		sb.injectFault({ type: 'status', status: 503, body: 'Service Unavailable' });
		const res = await call(sb, P.metadata);
		expect(res.status).toBe(503);
		expect(res.text).toBe('Service Unavailable');
		expect(res.json).toBeUndefined();
		expect(sb.log[0].fault).toBe('status');
		expect((await call(sb, P.metadata)).status).toBe(200);
	});

	it('matches faults by endpoint name (case-insensitive) or RegExp on the path, with counts', async () => {
		sb.injectFault({ endpoint: 'lead.createorupdate', type: 'status', status: 502, count: 2 });
		sb.injectFault({ endpoint: /LeadsMetaData/i, type: 'status', status: 504 });
		expect((await call(sb, P.user)).status).toBe(200);
		expect((await call(sb, P.metadata)).status).toBe(504);
		expect((await upsert(sb, { LastName: 'A' })).status).toBe(502);
		expect((await upsert(sb, { LastName: 'A' })).status).toBe(502);
		expect((await upsert(sb, { LastName: 'A' })).status).toBe(200);
		expect(sb.leads()).toHaveLength(1);
	});

	it("'internalError' answers LeadSquared's envelope around a failure of its own (HTTP 500, MySqlException by default)", async () => {
		sb.injectFault({ endpoint: 'Leads.GetById', type: 'internalError' });
		sb.injectFault({ endpoint: 'Leads.GetById', type: 'internalError', status: 200, exceptionType: 'MXException', message: 'Timeout expired' });
		const first = await call(sb, P.byId, { query: { id: 'x' } });
		expect(first.status).toBe(500);
		expect(first.json).toEqual({ Status: 'Error', ExceptionType: 'MySqlException', ExceptionMessage: 'There was an error processing the request' });
		const second = await call(sb, P.byId, { query: { id: 'x' } });
		expect([second.status, second.json.ExceptionType, second.json.ExceptionMessage]).toEqual([200, 'MXException', 'Timeout expired']);
		expect(sb.log.map((entry) => entry.fault)).toEqual(['internalError', 'internalError']);
	});

	it('pageSizeAbove: only reads asking for more rows (PageSize or RowCount) take the fault; other faults come first', async () => {
		sb.injectFault({ endpoint: 'Leads/Retrieve/ByIds', type: 'internalError', pageSizeAbove: 100, count: Infinity });
		const page = (size: number) => call(sb, P.byIds, { method: 'POST', body: { SearchParameters: { LeadIds: [] }, Paging: { PageIndex: 1, PageSize: size } } });
		expect((await page(101)).status).toBe(500);
		expect((await page(100)).status).toBe(200);
		sb.injectFault({ endpoint: 'Leads/Retrieve/ByIds', type: 'status', status: 503 });
		expect((await page(500)).status).toBe(503);
		expect((await page(500)).json.ExceptionType).toBe('MySqlException');
		expect(sb.log.map((entry) => entry.fault)).toEqual(['internalError', undefined, 'status', 'internalError']);
	});

	it('count: Infinity applies until clearFaults()', async () => {
		sb.injectFault({ endpoint: 'UserByAccessKey.Get', type: 'status', status: 500, count: Infinity });
		for (let i = 0; i < 3; i++) expect((await call(sb, P.user)).status).toBe(500);
		sb.clearFaults();
		expect((await call(sb, P.user)).status).toBe(200);
	});

	it('process: true applies the write, then answers the fault', async () => {
		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'status', status: 504, process: true });
		expect((await upsert(sb, { LastName: 'Written', EmailAddress: 'w@example.com' })).status).toBe(504);
		expect(sb.leads()).toHaveLength(1);
		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'status', status: 504 });
		expect((await upsert(sb, { LastName: 'Not written', EmailAddress: 'n@example.com' })).status).toBe(504);
		expect(sb.leads()).toHaveLength(1);
	});

	it("'rateLimit' answers the envelope now, with the configured or given numbers", async () => {
		sb.injectFault({ type: 'rateLimit' });
		const a = await call(sb, P.metadata);
		expect(a.status).toBe(429);
		expect(a.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXAPIRateLimitExceededException',
			ExceptionMessage: 'API calls exceeded the limit of 25 in 5 second(s)',
		});
		sb.injectFault({ type: 'rateLimit', answer: 200, calls: 20, windowSeconds: 5 });
		const b = await call(sb, P.metadata);
		expect(b.status).toBe(200);
		expect(b.json.ExceptionMessage).toBe('API calls exceeded the limit of 20 in 5 second(s)');
		sb.injectFault({ endpoint: 'Lead/Bulk/CreateOrUpdate', type: 'rateLimit', answer: 403 });
		const c = await call(sb, P.bulk, { body: [] });
		expect(c.status).toBe(403);
		expect(c.json.ExceptionMessage).toBe('API calls exceeded the limit of 5 in 5 second(s)');
	});

	it("'reset' destroys the socket before or after the write", async () => {
		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'reset' });
		await expect(upsert(sb, { LastName: 'Before', EmailAddress: 'before@example.com' })).rejects.toThrow();
		expect(sb.leads()).toHaveLength(0);
		expect(sb.log[0]).toMatchObject({ status: null, fault: 'reset' });

		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'reset', when: 'after' });
		await expect(upsert(sb, { LastName: 'After', EmailAddress: 'after@example.com' })).rejects.toThrow();
		expect(sb.leads()).toHaveLength(1);
		expect((await call(sb, P.user)).status).toBe(200);
	});

	it("'delay' before or after processing; a client timeout does not hurt the server", async () => {
		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'delay', ms: 150 });
		const started = Date.now();
		expect((await upsert(sb, { LastName: 'Slow', EmailAddress: 's@example.com' })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'delay', ms: 400, when: 'after' });
		const aborted = fetch(`${sb.url}${P.upsert}`, {
			method: 'POST',
			headers: { 'x-LSQ-AccessKey': sb.accessKey, 'x-LSQ-SecretKey': sb.secretKey, 'content-type': 'application/json' },
			body: JSON.stringify(pairs({ LastName: 'Timed out', EmailAddress: 't@example.com' })),
			signal: AbortSignal.timeout(100),
		});
		await expect(aborted).rejects.toThrow();
		expect(sb.findLeads((l) => l.EmailAddress === 't@example.com')).toHaveLength(1);
		await sleep(400);
		const entry = sb.log[sb.log.length - 1];
		expect(entry).toMatchObject({ fault: 'delay', status: null });
		expect((await call(sb, P.user)).status).toBe(200);
	});

	it("'html' answers an HTML error page (default 502)", async () => {
		sb.injectFault({ type: 'html' });
		const res = await call(sb, P.metadata);
		expect(res.status).toBe(502);
		expect(res.contentType).toMatch(/text\/html/);
		expect(res.text).toMatch(/<html/i);
		sb.injectFault({ type: 'html', status: 503 });
		expect((await call(sb, P.metadata)).status).toBe(503);
	});

	it("'empty' answers an empty body (default 200)", async () => {
		sb.injectFault({ type: 'empty' });
		const res = await call(sb, P.upsert, { body: pairs({ LastName: 'E' }) });
		expect(res.status).toBe(200);
		expect(res.text).toBe('');
		expect(sb.leads()).toHaveLength(0);
	});

	it("'truncated' cuts the normal JSON answer in half, after applying the write", async () => {
		sb.injectFault({ type: 'truncated' });
		const res = await upsert(sb, { LastName: 'T', EmailAddress: 'trunc@example.com' });
		expect(res.status).toBe(200);
		expect(res.json).toBeUndefined();
		expect(res.text.startsWith('{"Status":"Success"')).toBe(true);
		expect(sb.leads()).toHaveLength(1);
		expect(typeof sb.log[0].response).toBe('string');
	});

	it("'json' answers any JSON", async () => {
		sb.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'json', body: { Status: 'Success', Message: 'Lead created' } });
		const res = await upsert(sb, { LastName: 'J' });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: 'Lead created' });
		sb.injectFault({ type: 'json', status: 500, body: { Status: 'Error', ExceptionType: 'MXSomethingNewException', ExceptionMessage: 'x' } });
		expect((await call(sb, P.metadata)).status).toBe(500);
	});

	it('reset() clears queued faults', async () => {
		sb.injectFault({ type: 'status', status: 500, count: Infinity });
		sb.reset();
		expect((await call(sb, P.metadata)).status).toBe(200);
	});

	it('latencyMs delays every answer', async () => {
		sb.configure({ latencyMs: 120 });
		const started = Date.now();
		await call(sb, P.user);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});
});

describe('sandbox: lifecycle', () => {
	it('close() resolves promptly with a delayed answer pending', async () => {
		const sb = await startSandbox();
		sb.injectFault({ type: 'delay', ms: 30_000 });
		const pending = fetch(`${sb.url}${P.user}`, { headers: { 'x-LSQ-AccessKey': sb.accessKey, 'x-LSQ-SecretKey': sb.secretKey } }).catch(
			(error: unknown) => error,
		);
		while (sb.log.length === 0) await sleep(5);
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await pending).toMatchObject({ name: 'TypeError' }); // fetch failed (not a Response)
		await sb.close(); // idempotent
	});

	it('onRequest observes every finished request', async () => {
		const seen: Array<[string | null, number | null]> = [];
		const sb = await startSandbox({ onRequest: (e) => seen.push([e.endpoint, e.status]) });
		try {
			await call(sb, P.user);
			await call(sb, '/v2/nope');
			expect(seen).toEqual([
				['UserByAccessKey.Get', 200],
				[null, 404],
			]);
		} finally {
			await sb.close();
		}
	});
});
