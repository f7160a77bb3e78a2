/**
 * Secret hygiene across every error path of the suite (faults, network errors, refused hosts, bad input,
 * answers that echo the request), with the keys in headers and in the query string: no thrown error
 * (`result.error`, `result.nodeError`), error item, output item or anything else the execution records
 * contains either key — raw, percent-encoded in either letter case, or a recognisable piece of it.
 * The keys contain `$`, `+` and `/`, the characters that encode differently.
 *
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Fault, FaultSpec, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import type { LeadSquaredCredentials, RunResult } from '../harness';
import { unusedUrl } from '../engine/support';
import { autoMap, BULK_ENDPOINT, exposedText, SINGLE_ENDPOINT, UNLIMITED } from './helpers';

const ACCESS_KEY = 'u$r9f3c+Qk/7Zx$Lm2+Vb/ACCESS$0001';
const SECRET_KEY = 'Sx/8q+Yt$Rw3/Np+Hd$SECRET/0002+';
const WRONG_SECRET = 'Wr/0ng+$ecret/KEY+$9999';
const SECRETS = [ACCESS_KEY, SECRET_KEY, WRONG_SECRET];

/** The forms a key can take in text: raw, percent-encoded (either case), and any 12-character piece of those. */
function leakForms(secret: string): string[] {
	const whole = [secret, encodeURIComponent(secret), encodeURI(secret)];
	const pieces = whole.flatMap((form) => Array.from({ length: Math.max(0, form.length - 11) }, (_, start) => form.slice(start, start + 12)));
	return [...new Set([...whole, ...pieces].map((form) => form.toLowerCase()))];
}
const LEAK_FORMS = SECRETS.flatMap(leakForms);

function leaksIn(texts: string[]): string[] {
	const haystack = texts.join('\n').toLowerCase();
	return LEAK_FORMS.filter((form) => haystack.includes(form));
}

/** What a proxy or server that echoes the request would put in a body. */
const ECHO =
	`GET /v2/LeadManagement.svc/Lead.CreateOrUpdate?accessKey=${encodeURIComponent(ACCESS_KEY)}&secretKey=${encodeURIComponent(SECRET_KEY)} ` +
	`x-LSQ-AccessKey: ${ACCESS_KEY} x-LSQ-SecretKey: ${SECRET_KEY}`;

const RATE_LIMIT_TEXT = 'API calls exceeded the limit of 5 in 1 second(s).';
/** A short rate-limit text quoting both keys (well inside the 300 characters the node quotes). */
const SHORT_ECHO_429 = `${RATE_LIMIT_TEXT} key=${ACCESS_KEY} secret=${encodeURIComponent(SECRET_KEY)}`;
/** A rate-limit text whose access key starts 14 characters before the node's 300-character cut. */
const LONG_ECHO_429 = `${RATE_LIMIT_TEXT}${' '.repeat(286 - RATE_LIMIT_TEXT.length)}${ACCESS_KEY}`;

let sandbox: Sandbox;
let closedUrl: string;

beforeAll(async () => {
	sandbox = await startSandbox({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED });
	closedUrl = await unusedUrl();
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

type Placement = 'headers' | 'query';
type ErrorMode = 'stop' | 'continue' | 'error output';

interface ErrorPath {
	name: string;
	faults?: Fault[];
	credentials?: () => Partial<LeadSquaredCredentials>;
	options?: IDataObject;
	parameters?: INodeParameters;
	items?: IDataObject[];
}

const ITEMS: IDataObject[] = [
	{ EmailAddress: 'first@example.com', LastName: 'First' },
	{ EmailAddress: 'second@example.com', LastName: 'Second' },
];
const write = (fault: FaultSpec & { count?: number }, endpoint = SINGLE_ENDPOINT): Fault => ({ endpoint, ...fault });

const RUN_PATHS: ErrorPath[] = [
	{ name: 'wrong secret key (HTTP 401)', credentials: () => ({ secretKey: WRONG_SECRET }) },
	{ name: 'closed port (connection refused)', credentials: () => ({ baseUrl: closedUrl }) },
	{ name: 'endless rate limit', faults: [write({ type: 'rateLimit', calls: 5, windowSeconds: 1, count: Infinity })], options: { maxRateLimitWait: 0 } },
	{ name: 'HTTP 503 beyond the retries', faults: [write({ type: 'status', status: 503, count: Infinity })] },
	{ name: 'connection reset', faults: [write({ type: 'reset', when: 'after', count: Infinity })] },
	{ name: 'connection reset before the write', faults: [write({ type: 'reset', count: Infinity })] },
	{ name: 'timeout', faults: [write({ type: 'delay', when: 'after', ms: 1000, count: Infinity })], options: { timeout: 200, maxRetries: 0 } },
	{ name: 'HTML page (HTTP 200)', faults: [write({ type: 'html', status: 200, count: Infinity })] },
	{ name: 'empty body', faults: [write({ type: 'empty', count: Infinity })] },
	{ name: 'truncated JSON', faults: [write({ type: 'truncated', count: Infinity })] },
	{ name: 'JSON not of the documented shape', faults: [write({ type: 'json', body: { Unexpected: true }, count: Infinity })] },
	{ name: 'refused host', credentials: () => ({ host: 'evil.example.com', baseUrl: undefined }) },
	{ name: 'refused base URL with /v2', credentials: () => ({ baseUrl: `${sandbox.url}/v2` }) },
	{ name: 'bad input (local check)', items: [{ EmailAddress: 'not-an-e-mail', LastName: 'Bad' }] },
	{ name: 'metadata fetch fails (HTTP 500 bare)', faults: [{ endpoint: 'LeadsMetaData.Get', type: 'status', status: 500, count: Infinity }] },
	// Answers that echo the request (a proxy's error page, a debugging gateway, a server quoting the key).
	{ name: 'HTTP 400 body echoing the request', faults: [write({ type: 'status', status: 400, body: ECHO, count: Infinity })] },
	{
		name: 'HTTP 502 HTML page echoing the request',
		faults: [write({ type: 'status', status: 502, contentType: 'text/html', body: `<html><body><pre>${ECHO}</pre></body></html>`, count: Infinity })],
	},
	{ name: 'HTTP 429 text quoting the keys', faults: [write({ type: 'status', status: 429, body: SHORT_ECHO_429, count: Infinity })], options: { maxRateLimitWait: 0 } },
	{
		name: 'MX error envelope quoting the keys (HTTP 200)',
		faults: [write({ type: 'json', body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: `Bad request: ${ECHO}` }, count: Infinity })],
	},
	{
		name: 'MX error envelope quoting the keys (HTTP 500)',
		faults: [write({ type: 'json', status: 500, body: { Status: 'Error', ExceptionType: `MXError ${ACCESS_KEY}`, ExceptionMessage: ECHO }, count: Infinity })],
	},
	{
		name: 'MX error envelope quoting the keys on the metadata fetch',
		faults: [{ endpoint: 'LeadsMetaData.Get', type: 'json', status: 500, body: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: ECHO }, count: Infinity }],
	},
	// Paths that once leaked: bodies cut before redaction, lower-cased echoes, a quoted base URL, bulk row errors.
	{
		name: 'HTTP 400 body with a key right at the 300-character cut',
		faults: [write({ type: 'status', status: 400, body: `${'x'.repeat(284)}${ACCESS_KEY}`, count: Infinity })],
	},
	{
		name: 'HTTP 429 text with a key right at the 300-character cut',
		faults: [write({ type: 'status', status: 429, body: LONG_ECHO_429, count: Infinity })],
		options: { maxRateLimitWait: 0 },
	},
	{
		name: 'HTTP 400 body echoing the URL with lower-case percent-encoding',
		faults: [write({ type: 'status', status: 400, body: `bad request ${ECHO.toLowerCase()}`, count: Infinity })],
	},
	{
		name: 'custom base URL that is not a URL and carries the keys (pasted from the docs)',
		credentials: () => ({
			baseUrl: `https://api-us11.leadsquared.com /v2/LeadManagement.svc/Lead.CreateOrUpdate?accessKey=${ACCESS_KEY}&secretKey=${SECRET_KEY}`,
		}),
	},
];

const BATCH_PATHS: ErrorPath[] = [
	{ name: 'batch: HTTP 503 beyond the retries', faults: [write({ type: 'status', status: 503, count: Infinity }, BULK_ENDPOINT)] },
	{ name: 'batch: connection reset', faults: [write({ type: 'reset', when: 'after', count: Infinity }, BULK_ENDPOINT)] },
	{ name: 'batch: HTTP 400 body echoing the request', faults: [write({ type: 'status', status: 400, body: ECHO, count: Infinity }, BULK_ENDPOINT)] },
	{
		name: 'batch: MX error envelope quoting the keys',
		faults: [write({ type: 'json', body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: ECHO }, count: Infinity }, BULK_ENDPOINT)],
	},
	{
		name: 'batch: a row error quoting the keys',
		faults: [
			write(
				{
					type: 'json',
					body: [
						{ RowNumber: 1, LeadId: null, ExceptionType: 'MXInvalidInputException', ErrorMessage: `Row refused: ${ECHO}` },
						{ RowNumber: 2, LeadId: null, ExceptionType: 'MXInvalidInputException', ErrorMessage: `Row refused: ${ECHO}` },
					],
					count: Infinity,
				},
				BULK_ENDPOINT,
			),
		],
	},
].map((path) => ({ ...path, options: { ...(path as ErrorPath).options, sendInBatches: true } }));

const PLACEMENTS: Placement[] = ['headers', 'query'];
const ERROR_MODES: ErrorMode[] = ['stop', 'continue', 'error output'];

function hitAnError(result: RunResult): boolean {
	const items = [...result.items, ...result.errorItems];
	return result.status === 'error' || items.some((item) => item.json.error !== undefined);
}

describe('secret hygiene: node runs', () => {
	const table = [...RUN_PATHS, ...BATCH_PATHS].flatMap((path) =>
		PLACEMENTS.flatMap((placement) => ERROR_MODES.map((mode) => ({ path, placement, mode }))),
	);
	for (const { path, placement, mode } of table) {
		it(`${path.name} — keys in ${placement}, ${mode}`, async () => {
			for (const fault of path.faults ?? []) sandbox.injectFault(fault);
			const result = await runLeadSquared({
				parameters: path.parameters ?? autoMap({}, path.options),
				items: path.items ?? ITEMS,
				credentials: sandboxCredentials(sandbox, { sendKeysAs: placement, ...path.credentials?.() }),
				continueOnFail: mode === 'continue',
				errorOutput: mode === 'error output',
			});

			expect(hitAnError(result)).toBe(true);
			expect(leaksIn(exposedText(result))).toEqual([]);
		});
	}
});

describe('secret hygiene: "Test credential"', () => {
	const CREDENTIAL_PATHS: ErrorPath[] = [
		{ name: 'wrong secret key (HTTP 401)', credentials: () => ({ secretKey: WRONG_SECRET }) },
		{ name: 'closed port', credentials: () => ({ baseUrl: closedUrl }) },
		{ name: 'connection reset', faults: [{ endpoint: 'UserByAccessKey.Get', type: 'reset' }] },
		{ name: 'HTTP 400 body echoing the request', faults: [{ endpoint: 'UserByAccessKey.Get', type: 'status', status: 400, body: ECHO }] },
		{ name: 'HTTP 429 text quoting the keys', faults: [{ endpoint: 'UserByAccessKey.Get', type: 'status', status: 429, body: SHORT_ECHO_429 }] },
		{
			name: 'HTTP 429 text with a key right at the 300-character cut',
			faults: [{ endpoint: 'UserByAccessKey.Get', type: 'status', status: 429, body: LONG_ECHO_429 }],
		},
		{
			name: 'MX error envelope quoting the keys',
			faults: [{ endpoint: 'UserByAccessKey.Get', type: 'json', body: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: ECHO } }],
		},
		{
			name: 'MX error envelope quoting the keys on the lead-field probe',
			faults: [{ endpoint: 'LeadsMetaData.Get', type: 'json', status: 500, body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: ECHO } }],
		},
		{ name: 'HTML page echoing the request', faults: [{ endpoint: 'UserByAccessKey.Get', type: 'status', status: 502, contentType: 'text/html', body: `<html>${ECHO}</html>` }] },
		{ name: 'truncated JSON', faults: [{ endpoint: 'UserByAccessKey.Get', type: 'truncated' }] },
		{ name: 'refused host', credentials: () => ({ host: 'evil.example.com', baseUrl: undefined }) },
		{
			name: 'custom base URL that is not a URL and carries the keys',
			credentials: () => ({ baseUrl: `https://api-us11.leadsquared.com /v2/x?accessKey=${ACCESS_KEY}&secretKey=${SECRET_KEY}` }),
		},
	];

	for (const path of CREDENTIAL_PATHS) {
		for (const placement of PLACEMENTS) {
			it(`${path.name} — keys in ${placement}`, async () => {
				for (const fault of path.faults ?? []) sandbox.injectFault(fault);
				const result = await testCredentials(sandboxCredentials(sandbox, { sendKeysAs: placement, ...path.credentials?.() }));

				expect(result.status).toBe('Error');
				expect(leaksIn([JSON.stringify(result), result.message])).toEqual([]);
			});
		}
	}
});

describe('secret hygiene: the leak detector itself', () => {
	it('finds every form of a key it is meant to find', () => {
		expect(leaksIn([`x ${ACCESS_KEY} y`])).not.toEqual([]);
		expect(leaksIn([encodeURIComponent(SECRET_KEY)])).not.toEqual([]);
		expect(leaksIn([encodeURIComponent(SECRET_KEY).toLowerCase()])).not.toEqual([]);
		expect(leaksIn([ACCESS_KEY.slice(0, 12)])).not.toEqual([]);
		expect(leaksIn([`${'x'.repeat(40)} LeadSquared rejected the access key or secret key (HTTP 401)`])).toEqual([]);
	});
});
