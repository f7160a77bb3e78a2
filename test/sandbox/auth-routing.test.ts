import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P } from './client';

describe('sandbox: authentication, routing, region', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	it('binds 127.0.0.1 on a random port and exposes the default keys', () => {
		expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
		expect(sb.port).toBeGreaterThan(0);
		expect(sb.accessKey).toBe('u$r-sandbox-access-key-0001');
		expect(sb.secretKey).toBe('sandbox-secret-key-0002');
	});

	it('accepts keys in x-LSQ-* headers', async () => {
		const res = await call(sb, P.metadata, { auth: 'header' });
		expect(res.status).toBe(200);
		expect(sb.log[0]).toMatchObject({ auth: 'header', authOk: true, endpoint: 'LeadsMetaData.Get', status: 200 });
		expect(sb.log[0].headers['x-lsq-accesskey']).toBe(sb.accessKey);
	});

	it('accepts header names in any casing', async () => {
		const res = await call(sb, P.metadata, {
			auth: 'none',
			headers: { 'X-LSQ-ACCESSKEY': sb.accessKey, 'x-lsq-secretkey': sb.secretKey },
		});
		expect(res.status).toBe(200);
	});

	it('accepts keys in the query string, with $ percent-encoded as %24', async () => {
		const res = await call(sb, P.metadata, { auth: 'query' });
		expect(res.status).toBe(200);
		const entry = sb.log[0];
		expect(entry.auth).toBe('query');
		expect(entry.authOk).toBe(true);
		expect(entry.rawUrl).toContain('accessKey=u%24r-sandbox-access-key-0001');
		expect(entry.query.accessKey).toBe('u$r-sandbox-access-key-0001');
	});

	it('accepts any casing of the query parameter names', async () => {
		const url = `${sb.url}${P.metadata}?ACCESSKEY=${encodeURIComponent(sb.accessKey)}&secretkey=${sb.secretKey}`;
		const res = await fetch(url);
		expect(res.status).toBe(200);
	});

	it('answers 401 with the MX envelope for wrong or missing keys', async () => {
		const wrong = await call(sb, P.metadata, { auth: 'none', headers: { 'x-LSQ-AccessKey': sb.accessKey, 'x-LSQ-SecretKey': 'nope' } });
		expect(wrong.status).toBe(401);
		expect(wrong.json).toMatchObject({ Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException' });
		const missing = await call(sb, P.user, { auth: 'none' });
		expect(missing.status).toBe(401);
		expect(missing.json.ExceptionType).toBe('MXUnAuthorizedAccessException');
		expect(sb.log.map((e) => [e.auth, e.authOk])).toEqual([
			['header', false],
			['none', false],
		]);
	});

	it('answers 404 with a plain (non-MX) body for unknown paths', async () => {
		const res = await call(sb, '/v2/LeadManagement.svc/Lead.DoesNotExist');
		expect(res.status).toBe(404);
		expect(res.json).toBeUndefined();
		expect(res.text).toMatch(/not found/i);
		expect(sb.log[0].endpoint).toBeNull();
		expect((await call(sb, '/v1/LeadManagement.svc/LeadsMetaData.Get')).status).toBe(404);
	});

	it('matches paths case-insensitively and logs the canonical endpoint name', async () => {
		const res = await call(sb, '/V2/leadmanagement.SVC/leadsmetadata.get');
		expect(res.status).toBe(200);
		expect(sb.log[0].endpoint).toBe('LeadsMetaData.Get');
		expect(sb.log[0].path).toBe('/V2/leadmanagement.SVC/leadsmetadata.get');
	});

	it('answers 405 when a GET endpoint is POSTed', async () => {
		const res = await call(sb, P.metadata, { method: 'POST', body: [] });
		expect(res.status).toBe(405);
	});

	it('UserByAccessKey.Get returns the user and the account hosts', async () => {
		const res = await call(sb, P.user);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			Role: 'Administrator',
			PassPhrase: expect.stringContaining('@'),
			OrgId: expect.any(String),
			OrgDisplayName: expect.any(String),
			TimeZone: expect.any(String),
			LSQCommonServiceURLs: { api: 'api-us11.leadsquared.com', app: 'us11.leadsquared.com', tracking: expect.any(String) },
		});
	});

	describe('region mismatch (servedHost ≠ accountHost)', () => {
		afterEach(() => sb.configure({ servedHost: undefined, accountHost: undefined, wrongRegionNamesHost: undefined }));

		it('answers 401 to everything except UserByAccessKey.Get, which reports the right host', async () => {
			sb.configure({ accountHost: 'api-in21.leadsquared.com', servedHost: 'api.leadsquared.com' });
			const meta = await call(sb, P.metadata);
			expect(meta.status).toBe(401);
			expect(meta.json.ExceptionType).toBe('MXUnAuthorizedAccessException');
			expect((await call(sb, P.upsert, { body: [{ Attribute: 'LastName', Value: 'X' }] })).status).toBe(401);
			expect(sb.leads()).toHaveLength(0);

			const user = await call(sb, P.user);
			expect(user.status).toBe(200);
			expect(user.json.LSQCommonServiceURLs).toMatchObject({ api: 'api-in21.leadsquared.com', app: 'in21.leadsquared.com' });
		});

		it('can name the account host in the 401 message [INF]', async () => {
			sb.configure({ servedHost: 'api-in22.leadsquared.com', wrongRegionNamesHost: true });
			const res = await call(sb, P.metadata);
			expect(res.json.ExceptionMessage).toContain('api-us11.leadsquared.com');
		});

		it('derives app.leadsquared.com for the Singapore host', async () => {
			sb.configure({ accountHost: 'api.leadsquared.com' });
			const user = await call(sb, P.user);
			expect(user.json.LSQCommonServiceURLs).toMatchObject({ api: 'api.leadsquared.com', app: 'app.leadsquared.com' });
		});
	});

	it('supports custom keys', async () => {
		const other = await startSandbox({ accessKey: 'u$r0123456789abcdef', secretKey: 's3cr3t' });
		try {
			expect((await call(other, P.user)).status).toBe(200);
			expect((await call(other, P.user, { auth: 'query' })).status).toBe(200);
			const wrong = await fetch(`${other.url}${P.user}`, {
				headers: { 'x-LSQ-AccessKey': 'u$r-sandbox-access-key-0001', 'x-LSQ-SecretKey': 'sandbox-secret-key-0002' },
			});
			expect(wrong.status).toBe(401);
		} finally {
			await other.close();
		}
	});
});
