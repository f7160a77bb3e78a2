/**
 * The keys never leave the credential: whatever goes wrong (401, 400, 500, rate limit, network errors,
 * answers that echo the request), no thrown error, error item, output item or anything else the
 * execution records contains the access key or the secret key, raw or percent-encoded, with the keys
 * in headers or in the query string. The same holds for the editor's look-ups and the credential test.
 */
import type { Fault, Sandbox } from '../../sandbox';
import { disposeN8n, loadResourceMapperFields, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import type { LeadSquaredCredentials, RunResult } from '../harness';
import { fromItem, leadParameters, openSandbox, unusedUrl, upserts } from './support';

const OWNER = { LastName: 'Owner', EmailAddress: 'owner@example.com', Phone: '+919845098450' };
const WRONG_SECRET = 'wrong-secret-key-5150';

let sandbox: Sandbox;
let closedUrl: string;

beforeAll(async () => {
	sandbox = await openSandbox({ leads: [OWNER] });
	closedUrl = await unusedUrl();
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

function forms(secret: string): string[] {
	return [...new Set([secret, encodeURIComponent(secret), encodeURI(secret), encodeURIComponent(secret).toLowerCase()])];
}

function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets) {
		for (const form of forms(secret)) expect(text).not.toContain(form);
	}
}

/** Everything a run exposes: the thrown errors, the items of both outputs, and the whole run record. */
function everything(result: RunResult): string[] {
	return [
		JSON.stringify(result.error ?? null),
		JSON.stringify(result.nodeError ?? null),
		JSON.stringify(result.items),
		JSON.stringify(result.errorItems),
		JSON.stringify(result.run),
		String(result.error?.stack ?? ''),
		String(result.error?.message ?? ''),
		String(result.error?.description ?? ''),
	];
}

const items = [
	{ email: 'first@example.com', first: 'First', last: 'Item', phone: '+15550100001' },
	{ email: 'second@example.com', first: 'Second', last: 'Item', phone: OWNER.Phone },
];

interface Scenario {
	name: string;
	credentials?: Partial<LeadSquaredCredentials>;
	/** Faults to inject; a function gets the keys in use (to make answers echo them). */
	faults?: (keys: { accessKey: string; secretKey: string }) => Fault[];
	/** Expected fragment of the first failure's message. */
	message: string | RegExp;
}

const scenarios: Scenario[] = [
	{ name: '401 wrong secret key', credentials: { secretKey: WRONG_SECRET }, message: /HTTP 401/ },
	{ name: '500 MX error (duplicate phone)', message: 'A Lead with same Phone Number already exists.' },
	{
		name: '400 answer',
		faults: () => [{ endpoint: 'Lead.CreateOrUpdate', type: 'status', status: 400, body: 'Bad Request', count: Infinity }],
		message: /HTTP 400/,
	},
	{ name: '429 rate limit', faults: () => [{ endpoint: 'Lead.CreateOrUpdate', type: 'rateLimit', count: Infinity }], message: /rate limit/ },
	{ name: 'network error: closed port', credentials: { baseUrl: '' }, message: 'the connection was refused' },
	{
		name: 'network error: connection reset',
		faults: () => [{ endpoint: 'Lead.CreateOrUpdate', type: 'reset', count: Infinity }],
		message: 'the connection was reset',
	},
	{
		name: 'timeout',
		faults: () => [{ endpoint: 'LeadsMetaData.Get', type: 'delay', ms: 1000, count: Infinity }],
		message: 'no answer within',
	},
	{
		name: '401 whose message echoes the keys',
		faults: ({ accessKey, secretKey }) => [
			{
				type: 'json',
				status: 401,
				body: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: `Invalid AccessKey ${accessKey} or SecretKey ${secretKey}` },
			},
		],
		message: /HTTP 401/,
	},
	{
		name: '500 envelope echoing the encoded keys',
		faults: ({ accessKey, secretKey }) => [
			{
				endpoint: 'Lead.CreateOrUpdate',
				type: 'json',
				status: 500,
				count: Infinity,
				body: {
					Status: 'Error',
					ExceptionType: 'MXInvalidInputException',
					ExceptionMessage: `Bad call ?accessKey=${encodeURIComponent(accessKey)}&secretKey=${encodeURIComponent(secretKey)}`,
				},
			},
		],
		message: 'Bad call',
	},
	{
		name: '400 text echoing the request URL',
		faults: ({ accessKey, secretKey }) => [
			{
				endpoint: 'Lead.CreateOrUpdate',
				type: 'status',
				status: 400,
				count: Infinity,
				body: `Bad Request: POST /v2/LeadManagement.svc/Lead.CreateOrUpdate?accessKey=${encodeURIComponent(accessKey)}&secretKey=${secretKey}`,
			},
		],
		message: /HTTP 400/,
	},
	{
		name: 'rate limit whose message echoes the key',
		faults: ({ accessKey }) => [
			{
				endpoint: 'Lead.CreateOrUpdate',
				type: 'json',
				status: 429,
				count: Infinity,
				body: { Status: 'Error', ExceptionType: 'MXAPIRateLimitExceededException', ExceptionMessage: `API calls exceeded the limit of 100000 in 5 second(s) for ${accessKey}` },
			},
		],
		message: /rate limit/,
	},
];

describe.each(['headers', 'query'] as const)('keys sent in %s', (sendKeysAs) => {
	it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s: no key in any error or output', async (_name, scenario) => {
		const overrides = { sendKeysAs, ...scenario.credentials };
		if (overrides.baseUrl === '') overrides.baseUrl = closedUrl;
		const credentials = sandboxCredentials(sandbox, overrides);
		const secrets = [credentials.accessKey, credentials.secretKey, sandbox.accessKey, sandbox.secretKey];
		const inject = () => {
			sandbox.clearFaults();
			for (const fault of scenario.faults?.(credentials) ?? []) sandbox.injectFault(fault);
		};
		const options = scenario.name === 'timeout' ? { timeout: 100 } : {};
		const run = async (mode: { continueOnFail?: boolean; errorOutput?: boolean }) => {
			inject();
			const params = leadParameters({
				fields: { ...fromItem, Phone: '={{ $json.phone }}' },
				options: { maxRetries: 1, maxRateLimitWait: 0, ...options },
			});
			return await runLeadSquared({ parameters: params, items, credentials, ...mode });
		};

		const stopped = await run({});
		const continued = await run({ continueOnFail: true });
		const routed = await run({ errorOutput: true });

		expect(stopped.status).toBe('error');
		const firstMessage = stopped.error?.message ?? '';
		if (typeof scenario.message === 'string') expect(firstMessage).toContain(scenario.message);
		else expect(firstMessage).toMatch(scenario.message);
		expect(continued.items.some((item) => item.json.error !== undefined)).toBe(true);
		expect(routed.errorItems.length).toBeGreaterThan(0);
		for (const result of [stopped, continued, routed]) {
			for (const text of everything(result)) expectNoSecrets(text, secrets);
		}
		// The keys did reach LeadSquared where they belong (the failure is not a missing key).
		if (sendKeysAs === 'query' && sandbox.log.length > 0) expect(sandbox.log[0].rawUrl).toContain('%24');
	});
});

describe('design time', () => {
	// Its own sandbox (so its own account): design-time calls are paced at LeadSquared's default limit, which
	// the executions above have used up for the shared sandbox's account.
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await openSandbox();
	});

	afterAll(async () => {
		await sandbox.close();
	});

	it.each(['headers', 'query'] as const)('keeps the keys out of the field mapper\'s notice and the credential test (%s)', async (sendKeysAs) => {
		sandbox.reset();
		const wrong = sandboxCredentials(sandbox, { sendKeysAs, secretKey: WRONG_SECRET });
		const closed = sandboxCredentials(sandbox, { sendKeysAs, baseUrl: closedUrl });
		sandbox.injectFault({
			endpoint: 'UserByAccessKey.Get',
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXException', ExceptionMessage: `Failure for ${sandbox.accessKey} / ${sandbox.secretKey}` },
		});
		const echoed = await testCredentials(sandboxCredentials(sandbox, { sendKeysAs }));

		const texts = [
			JSON.stringify(await loadResourceMapperFields(wrong)),
			JSON.stringify(await testCredentials(wrong)),
			JSON.stringify(await testCredentials(closed)),
			JSON.stringify(echoed),
		];

		expect(echoed.status).toBe('Error');
		for (const text of texts) expectNoSecrets(text, [sandbox.accessKey, sandbox.secretKey, WRONG_SECRET]);
	});
});

it('sends the keys only where the credential says: headers or query, never both', async () => {
	for (const sendKeysAs of ['headers', 'query'] as const) {
		sandbox.reset();
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { returnFullLead: true } }),
			items: [{ email: `${sendKeysAs}@example.com`, first: 'Key', last: 'Placement' }],
			credentials: sandboxCredentials(sandbox, { sendKeysAs }),
		});

		expect(result.status).toBe('success');
		expect(sandbox.log.map((entry) => entry.endpoint)).toEqual(['LeadsMetaData.Get', 'Lead.CreateOrUpdate', 'Leads.GetById']);
		for (const entry of sandbox.log) {
			expect(entry.authOk).toBe(true);
			const headerValues = Object.values(entry.headers).join('\n');
			if (sendKeysAs === 'headers') {
				expect(entry.auth).toBe('header');
				expect(entry.headers['x-lsq-accesskey']).toBe(sandbox.accessKey);
				expect(entry.headers['x-lsq-secretkey']).toBe(sandbox.secretKey);
				expectNoSecrets(entry.rawUrl, [sandbox.accessKey, sandbox.secretKey]);
				expect(entry.rawUrl).not.toMatch(/accessKey|secretKey/i);
			} else {
				expect(entry.auth).toBe('query');
				expect(entry.rawUrl).toContain(`accessKey=${encodeURIComponent(sandbox.accessKey)}`);
				expect(entry.rawUrl).toContain('accessKey=u%24r-sandbox-access-key-0001');
				expect(entry.rawUrl).toContain(`secretKey=${encodeURIComponent(sandbox.secretKey)}`);
				expect(entry.rawUrl).not.toContain('$');
				expect(entry.headers['x-lsq-accesskey']).toBeUndefined();
				expect(entry.headers['x-lsq-secretkey']).toBeUndefined();
				expectNoSecrets(headerValues, [sandbox.accessKey, sandbox.secretKey]);
			}
		}
		expect(upserts(sandbox)).toHaveLength(1);
		for (const text of everything(result)) expectNoSecrets(text, [sandbox.accessKey, sandbox.secretKey]);
	}
});
