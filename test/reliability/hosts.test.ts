/**
 * Host hardening: credential host settings that could send the keys somewhere unexpected are refused, by
 * "Test credential" and by a run alike, with a clear message and without a single request. A plain base
 * path in front of LeadSquared (a reverse proxy) works.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import type { LeadSquaredCredentials } from '../harness';
import { autoMap, exposedText, leadsWithEmail, requestsTo, SINGLE_ENDPOINT, UNLIMITED } from './helpers';

let sandbox: Sandbox;
let proxy: Server;
let proxyUrl: string;
const proxied: string[] = [];
const PREFIX = '/lsq-proxy';

/** A reverse proxy serving the sandbox under PREFIX (anything else: 404). */
async function startProxy(): Promise<void> {
	proxy = createServer((req, res) => {
		const url = req.url ?? '/';
		proxied.push(url);
		if (!url.startsWith(`${PREFIX}/`)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not behind the proxy');
			return;
		}
		const target = new URL(sandbox.url);
		const upstream = httpRequest(
			{ host: target.hostname, port: target.port, method: req.method, path: url.slice(PREFIX.length), headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED });
	await startProxy();
});

afterAll(async () => {
	proxy.closeAllConnections();
	await new Promise<void>((resolve) => proxy.close(() => resolve()));
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.reset();
	proxied.length = 0;
});

interface RefusedHost {
	name: string;
	credentials: () => Partial<LeadSquaredCredentials>;
	message: RegExp;
}

const host = () => new URL(sandbox.url).host;

const REFUSED: RefusedHost[] = [
	{
		name: 'a base URL with user-info',
		credentials: () => ({ baseUrl: `http://user:password@${host()}` }),
		message: /must not contain a user name or password/,
	},
	{
		name: 'a base URL whose user-info looks like the host (http://<sandbox>@evil.example.com)',
		credentials: () => ({ baseUrl: `http://${host()}@evil.example.com` }),
		message: /must not contain a user name or password/,
	},
	{
		name: 'a base URL with a backslash before the user-info (http://evil.example.com\\@<sandbox>)',
		credentials: () => ({ baseUrl: `http://evil.example.com\\@${host()}` }),
		message: /must not contain a user name or password/,
	},
	{
		name: 'a base URL with /v2',
		credentials: () => ({ baseUrl: `${sandbox.url}/v2` }),
		message: /must stop before the API path.*\/v2/,
	},
	{
		name: 'a base URL with the whole API path',
		credentials: () => ({ baseUrl: `${sandbox.url}/v2/LeadManagement.svc/Lead.CreateOrUpdate` }),
		message: /must stop before the API path/,
	},
	{
		name: 'a base URL with a .svc service',
		credentials: () => ({ baseUrl: `${sandbox.url}/LeadManagement.svc` }),
		message: /must stop before the API path.*\.svc/,
	},
	{
		name: 'a base URL with a query',
		credentials: () => ({ baseUrl: `${sandbox.url}/?target=${encodeURIComponent('https://evil.example.com')}` }),
		message: /must not contain a query string/,
	},
	{
		name: 'a base URL with an empty query',
		credentials: () => ({ baseUrl: `${sandbox.url}?` }),
		message: /must not contain a query string/,
	},
	{
		name: 'a base URL with a fragment',
		credentials: () => ({ baseUrl: `${sandbox.url}#fragment` }),
		message: /must not contain a fragment/,
	},
	{
		name: 'a non-http scheme (ftp)',
		credentials: () => ({ baseUrl: `ftp://${host()}` }),
		message: /must start with https:\/\/ or http:\/\/, not "ftp:"/,
	},
	{
		name: 'a non-http scheme (file)',
		credentials: () => ({ baseUrl: 'file:///etc/passwd' }),
		message: /must start with https:\/\/ or http:\/\/, not "file:"/,
	},
	{
		name: 'a base URL without a scheme',
		credentials: () => ({ baseUrl: host() }),
		message: /must start with https:\/\/ or http:\/\/|is not a valid URL/,
	},
	{
		name: 'an empty custom base URL',
		credentials: () => ({ baseUrl: '   ' }),
		message: /Enter the custom base URL/,
	},
	{
		name: 'a regional host value that is not a LeadSquared host',
		credentials: () => ({ host: 'evil.example.com', baseUrl: undefined }),
		message: /"evil\.example\.com" is not a LeadSquared API host/,
	},
	{
		name: 'a regional host value with LeadSquared\'s name in front of another domain',
		credentials: () => ({ host: 'api.leadsquared.com.evil.example.com', baseUrl: undefined }),
		message: /is not a LeadSquared API host/,
	},
	{
		name: 'a regional host value that is the sandbox (not a LeadSquared host)',
		credentials: () => ({ host: host(), baseUrl: undefined }),
		message: /is not a LeadSquared API host/,
	},
	{
		name: 'a regional host value that is a URL',
		credentials: () => ({ host: 'https://api.leadsquared.com/', baseUrl: undefined }),
		message: /is not a LeadSquared API host/,
	},
];

const ITEM = { EmailAddress: 'host@example.com', LastName: 'Host' };

describe('host hardening', () => {
	describe.each(REFUSED.map((testCase) => [testCase.name, testCase] as const))('refuses %s', (_name, testCase) => {
		it('in "Test credential", without a request', async () => {
			const credentials = sandboxCredentials(sandbox, testCase.credentials());
			const result = await testCredentials(credentials);

			expect(result.status).toBe('Error');
			expect(result.message).toMatch(testCase.message);
			expect(sandbox.log).toEqual([]);
			expect(proxied).toEqual([]);
			expect(result.message).not.toContain(sandbox.secretKey);
		});

		it.each([false, true])('in a run (continue on fail: %s), without a request', async (continueOnFail) => {
			const credentials = sandboxCredentials(sandbox, testCase.credentials());
			const result = await runLeadSquared({ parameters: autoMap(), items: [ITEM, { ...ITEM, EmailAddress: 'host2@example.com' }], credentials, continueOnFail });

			if (continueOnFail) {
				expect(result.items).toHaveLength(2);
				result.items.forEach((item, index) => {
					expect(item.pairedItem).toEqual({ item: index });
					expect(item.json.error).toMatch(/^LeadSquared credential: /);
					expect(item.json.error).toMatch(testCase.message);
				});
			} else {
				expect(result.status).toBe('error');
				expect(result.error?.message).toMatch(/^LeadSquared credential: /);
				expect(result.error?.message).toMatch(testCase.message);
				expect(result.error?.context?.itemIndex).toBe(0);
			}
			expect(sandbox.log).toEqual([]);
			expect(proxied).toEqual([]);
			for (const text of exposedText(result)) {
				expect(text).not.toContain(sandbox.accessKey);
				expect(text).not.toContain(sandbox.secretKey);
			}
		});
	});

	describe.each([
		['a plain base path', () => `${proxyUrl}${PREFIX}`],
		['a plain base path with a trailing slash', () => `${proxyUrl}${PREFIX}/`],
	])('accepts %s in front of LeadSquared', (_name, baseUrl) => {
		it('in "Test credential"', async () => {
			const result = await testCredentials(sandboxCredentials(sandbox, { baseUrl: baseUrl() }));

			expect(result).toMatchObject({ status: 'OK' });
			expect(proxied.length).toBeGreaterThan(0);
			expect(proxied.every((url) => url.startsWith(`${PREFIX}/v2/`))).toBe(true);
			expect(sandbox.log.every((entry) => entry.path.startsWith('/v2/') && entry.authOk)).toBe(true);
		});

		it('in a run', async () => {
			const result = await runLeadSquared({ parameters: autoMap(), items: [ITEM], credentials: sandboxCredentials(sandbox, { baseUrl: baseUrl() }) });

			expect(result.status).toBe('success');
			expect(result.items[0].json.leadId).toBe(leadsWithEmail(sandbox, ITEM.EmailAddress)[0].ProspectID);
			expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(1);
			expect(proxied).toContain(`${PREFIX}/v2/LeadManagement.svc/Lead.CreateOrUpdate?postUpdatedLead=false`);
		});
	});
});
