/**
 * What users see when something goes wrong: each documented status code as a NodeApiError with the
 * HTTP code, a readable message, LeadSquared's ExceptionType in the description and the failing item;
 * retries of transient faults; and the node's error settings (continue, error output) with pairedItem
 * lineage kept for every item.
 */
import type { ExecutionBaseError } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { calls, fromItem, leadParameters, openSandbox, upserts } from './support';

const OWNER = { LastName: 'Owner', FirstName: 'Phone', EmailAddress: 'owner@example.com', Phone: '+919845098450' };

let sandbox: Sandbox;
let host: string;

beforeAll(async () => {
	sandbox = await openSandbox({ leads: [OWNER] });
	host = new URL(sandbox.url).host;
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

const withPhone = leadParameters({ fields: { ...fromItem, Phone: '={{ $json.phone }}' } });
const good = (n: number) => ({ email: `good${n}@example.com`, first: 'Good', last: `Item ${n}`, phone: `+1555010${String(n).padStart(4, '0')}` });
/** Its phone belongs to OWNER: LeadSquared refuses it with MXDuplicateEntryException. */
const duplicatePhone = { email: 'someone.else@example.com', first: 'Someone', last: 'Else', phone: '+919845098450' };

interface Expected {
	httpCode: string;
	itemIndex: number;
	message: RegExp | string;
	description?: Array<RegExp | string>;
}

/** The run stopped on a NodeApiError carrying what the user needs. */
function expectApiError(result: RunResult, expected: Expected): ExecutionBaseError {
	expect(result.status).toBe('error');
	expect(result.items).toEqual([]);
	const error = result.error as ExecutionBaseError & { httpCode?: string };
	expect(error).toBeDefined();
	expect(error.name).toBe('NodeApiError');
	expect(error.httpCode).toBe(expected.httpCode);
	expect(error.context.itemIndex).toBe(expected.itemIndex);
	if (typeof expected.message === 'string') expect(error.message).toContain(expected.message);
	else expect(error.message).toMatch(expected.message);
	for (const part of expected.description ?? []) {
		if (typeof part === 'string') expect(error.description).toContain(part);
		else expect(error.description).toMatch(part);
	}
	// The node's own run error is the same error.
	expect(result.nodeError).toMatchObject({ name: 'NodeApiError', message: error.message, httpCode: expected.httpCode });
	return error;
}

describe('documented status codes', () => {
	it('400: LeadSquared could not read the request', async () => {
		sandbox.injectFault({
			endpoint: 'Lead.CreateOrUpdate',
			type: 'json',
			status: 400,
			body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Content-Type must be application/json' },
		});

		const result = await runLeadSquared({ parameters: withPhone, items: [good(1)], credentials: sandboxCredentials(sandbox) });

		expectApiError(result, {
			httpCode: '400',
			itemIndex: 0,
			message: 'Content-Type must be application/json',
			description: ['MXInvalidInputException', 'HTTP 400'],
		});
	});

	it('400 without a LeadSquared envelope: the answer\'s text is the reason', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'status', status: 400, body: 'Bad Request - Invalid Header' });

		const result = await runLeadSquared({ parameters: withPhone, items: [good(1)], credentials: sandboxCredentials(sandbox) });

		expectApiError(result, { httpCode: '400', itemIndex: 0, message: 'LeadSquared could not read the request (HTTP 400): Bad Request - Invalid Header' });
	});

	it('401 with wrong keys: names the keys and the host, with LeadSquared\'s exception', async () => {
		const result = await runLeadSquared({
			parameters: withPhone,
			items: [good(1), good(2)],
			credentials: sandboxCredentials(sandbox, { secretKey: 'not-the-right-secret-key' }),
		});

		expectApiError(result, {
			httpCode: '401',
			itemIndex: 0,
			message: `LeadSquared rejected the access key or secret key (HTTP 401) at ${host}`,
			description: ['MXUnAuthorizedAccessException', 'Invalid AccessKey or SecretKey', /regional/],
		});
		expect(sandbox.log.every((entry) => entry.status === 401)).toBe(true);
		expect(upserts(sandbox)).toHaveLength(0);
	});

	it('401 from the wrong region: the message names the host the keys were sent to', async () => {
		sandbox.configure({ accountHost: 'api-in21.leadsquared.com', servedHost: 'api-us11.leadsquared.com' });
		try {
			const result = await runLeadSquared({ parameters: withPhone, items: [good(1)], credentials: sandboxCredentials(sandbox) });

			expectApiError(result, {
				httpCode: '401',
				itemIndex: 0,
				message: new RegExp(`access key or secret key .*at ${host.replace(/\./g, '\\.')}`),
				description: [`the Custom Base URL (${host}) forwards to your account's own regional LeadSquared host`, 'MXUnAuthorizedAccessException', 'not valid for your account'],
			});
			expect(calls(sandbox, 'LeadsMetaData.Get')[0]).toMatchObject({ status: 401, authOk: true });
		} finally {
			sandbox.configure({ accountHost: undefined, servedHost: undefined });
		}
	});

	it('404 from a base URL with the wrong base path', async () => {
		const result = await runLeadSquared({
			parameters: withPhone,
			items: [good(1)],
			credentials: sandboxCredentials(sandbox, { baseUrl: `${sandbox.url}/crm-proxy` }),
		});

		expectApiError(result, {
			httpCode: '404',
			itemIndex: 0,
			message: `LeadSquared has no API LeadsMetaData.Get at ${host} (HTTP 404)`,
			description: ['base URL'],
		});
		expect(sandbox.log[0]).toMatchObject({ path: '/crm-proxy/v2/LeadManagement.svc/LeadsMetaData.Get', status: 404 });
	});

	it('429 past the longest rate-limit wait: fails with LeadSquared\'s limit in the message', async () => {
		sandbox.configure({ rateLimit: { calls: 1, windowMs: 60_000 } });
		try {
			const result = await runLeadSquared({
				parameters: leadParameters({ fields: { ...fromItem, Phone: '={{ $json.phone }}' }, options: { maxRateLimitWait: 0 } }),
				items: [good(1)],
				credentials: sandboxCredentials(sandbox),
			});

			expectApiError(result, {
				httpCode: '429',
				itemIndex: 0,
				message: /rate limit .*"API calls exceeded the limit of 1 in 60 second\(s\)"/,
				description: ['MXAPIRateLimitExceededException', 'Max Calls per 5 Seconds'],
			});
			expect(upserts(sandbox)).toEqual([expect.objectContaining({ status: 429, rateLimited: true })]);
			expect(sandbox.leads()).toHaveLength(1);
		} finally {
			sandbox.configure({ rateLimit: { calls: 100000, windowMs: 5000 } });
		}
	});

	it('a rate-limit answer with HTTP 200 is still a rate limit', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'rateLimit', answer: 200, calls: 20, windowSeconds: 5 });

		const result = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { maxRateLimitWait: 0 } }),
			items: [good(1)],
			credentials: sandboxCredentials(sandbox),
		});

		expectApiError(result, {
			httpCode: '200',
			itemIndex: 0,
			message: 'API calls exceeded the limit of 20 in 5 second(s)',
			description: ['MXAPIRateLimitExceededException'],
		});
	});

	it('waits out a rate-limit answer and then writes the lead', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'rateLimit', windowSeconds: 1 });

		const result = await runLeadSquared({ parameters: withPhone, items: [good(1)], credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ status: 'Success', leadId: expect.any(String) });
		expect(upserts(sandbox).map((entry) => entry.status)).toEqual([429, 200]);
		expect(sandbox.leads()).toHaveLength(2);
	});

	it('500 with the MX envelope: LeadSquared\'s ExceptionMessage, for the item that failed', async () => {
		// One call at a time, so "the item after was not sent" holds (with more, it may already be under way).
		const sequential = leadParameters({ fields: { ...fromItem, Phone: '={{ $json.phone }}' }, options: { concurrency: 1 } });
		const result = await runLeadSquared({ parameters: sequential, items: [good(1), duplicatePhone, good(2)], credentials: sandboxCredentials(sandbox) });

		expectApiError(result, {
			httpCode: '500',
			itemIndex: 1,
			message: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
			description: ['MXDuplicateEntryException', 'HTTP 500', 'Match By'],
		});
		// The node stops at the failing item: the one before it was written, the one after was not sent.
		expect(upserts(sandbox).map((entry) => entry.status)).toEqual([200, 500]);
	});

	it('HTTP 200 with "Status":"Error" is a failure too', async () => {
		sandbox.configure({ mxErrorStatus: 200 });
		try {
			const result = await runLeadSquared({
				parameters: leadParameters({ fields: { EmailAddress: '={{ $json.email }}', FirstName: '={{ $json.first }}' } }),
				items: [{ email: 'no.last.name@example.com', first: 'Nameless' }],
				credentials: sandboxCredentials(sandbox),
			});

			expectApiError(result, {
				httpCode: '200',
				itemIndex: 0,
				message: 'LeadSquared refused the lead: Mandatory attribute(s) missing - LastName',
				description: ['MXMandatoryAttributeMissingException', 'mandatory'],
			});
			expect(upserts(sandbox)[0]).toMatchObject({ status: 200, response: expect.objectContaining({ Status: 'Error' }) });
			expect(sandbox.leads()).toHaveLength(1);
		} finally {
			sandbox.configure({ mxErrorStatus: undefined });
		}
	});
});

describe('transient faults', () => {
	it('retries a gateway error page and then succeeds', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'html', status: 502 });

		const result = await runLeadSquared({ parameters: withPhone, items: [good(1)], credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		expect(upserts(sandbox).map((entry) => entry.status)).toEqual([502, 200]);
		expect(sandbox.leads()).toHaveLength(2);
	});

	it('gives up after the configured retries with a message saying how often it tried', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'reset', count: Infinity });

		const result = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { maxRetries: 2 } }),
			items: [good(1)],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			`Could not reach LeadSquared at ${host}: the connection was reset, 3 attempts in a row. The lead may already exist, but running the item again is safe: ` +
				'repeating it updates the same lead (LeadSquared matches it by EmailAddress). To see it, check with Lead → Get (By Email "good1@example.com").',
		);
		expect(result.error?.context.itemIndex).toBe(0);
		expect(upserts(sandbox)).toHaveLength(3);
	});

	it('does not retry LeadSquared\'s own errors', async () => {
		const result = await runLeadSquared({ parameters: withPhone, items: [duplicatePhone], credentials: sandboxCredentials(sandbox), continueOnFail: true });

		expect(result.items[0].json.error).toContain('A Lead with same Phone Number already exists.');
		expect(upserts(sandbox)).toHaveLength(1);
	});

	it('reports a timeout in words', async () => {
		sandbox.injectFault({ endpoint: 'LeadsMetaData.Get', type: 'delay', ms: 1500 });

		const result = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { timeout: 200, maxRetries: 0 } }),
			items: [good(1)],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Could not reach LeadSquared at ${host}: no answer within 0.2 s`);
		expect(upserts(sandbox)).toHaveLength(0);
	});
});

describe('node error settings', () => {
	const items = [good(1), duplicatePhone, { ...good(3), email: 'not-an-address' }, good(4)];

	it('Continue: failing items become error items next to the good ones, each paired to its input', async () => {
		const result = await runLeadSquared({ parameters: withPhone, items, credentials: sandboxCredentials(sandbox), continueOnFail: true });

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: expect.any(String), affectedRows: 1 });
		expect(result.items[3].json).toEqual({ status: 'Success', leadId: expect.any(String), affectedRows: 1 });
		expect(result.items[1].json).toEqual({
			error: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
			details: {
				description: expect.stringContaining('LeadSquared MXDuplicateEntryException: A Lead with same Phone Number already exists. (HTTP 500)'),
				httpCode: 500,
				exceptionType: 'MXDuplicateEntryException',
				exceptionMessage: 'A Lead with same Phone Number already exists.',
				itemIndex: 1,
			},
		});
		expect(result.items[2].json).toEqual({
			error: expect.stringMatching(/^Field "EmailAddress" is "not-an-address", which is not an e-mail address/),
			details: { field: 'EmailAddress', itemIndex: 2 },
		});
		// The invalid e-mail was refused before sending: three requests for four items.
		expect(upserts(sandbox)).toHaveLength(3);
		expect(sandbox.leads()).toHaveLength(3);
	});

	it('Continue (using error output): error items go to output 1, good items to output 0', async () => {
		const result = await runLeadSquared({ parameters: withPhone, items, credentials: sandboxCredentials(sandbox), errorOutput: true });

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(result.items.every((item) => typeof item.json.leadId === 'string')).toBe(true);
		expect(result.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		// { error, message } is what every n8n line routes to the error output, the details inside `error`;
		// n8n merges in the input item.
		expect(result.errorItems[0].json).toEqual({
			...duplicatePhone,
			error: {
				message: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
				description: expect.stringContaining('MXDuplicateEntryException'),
				httpCode: 500,
				exceptionType: 'MXDuplicateEntryException',
				exceptionMessage: 'A Lead with same Phone Number already exists.',
				itemIndex: 1,
			},
			message: expect.stringContaining('MXDuplicateEntryException'),
		});
		expect(result.errorItems[1].json).toEqual({
			...items[2],
			error: {
				message: 'Field "EmailAddress" is "not-an-address", which is not an e-mail address [item 2]',
				field: 'EmailAddress',
				itemIndex: 2,
			},
			message: 'Field "EmailAddress" is "not-an-address", which is not an e-mail address [item 2]',
		});
	});

	it('Continue on a failure before any lead call (wrong keys): every item is an error item', async () => {
		const result = await runLeadSquared({
			parameters: withPhone,
			items: [good(1), good(2)],
			credentials: sandboxCredentials(sandbox, { accessKey: 'u$r-someone-else' }),
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				error: expect.stringContaining('HTTP 401'),
				details: { httpCode: 401, exceptionType: 'MXUnAuthorizedAccessException', itemIndex: index },
			});
		});
	});

	it('keeps pairedItem over 30 items, some failing, so a downstream node resolves $(\'Source\').item for each', async () => {
		const input = Array.from({ length: 30 }, (_, index) => ({
			...good(index),
			tag: `tag-${index}`,
			...(index % 10 === 3 ? { email: `broken-${index}` } : {}),
			...(index % 10 === 7 ? { phone: OWNER.Phone } : {}),
		}));

		const result = await runLeadSquared({
			parameters: withPhone,
			items: input,
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			downstream: {
				tag: "={{ $('Source').item.json.tag }}",
				email: "={{ $('Source').item.json.email }}",
				outcome: "={{ $json.error ? 'failed' : $json.leadId }}",
			},
		});

		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual(['Source', 'LeadSquared', 'After']);
		expect(result.items).toHaveLength(30);
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, index) => ({ item: index })));
		const failing = [3, 7, 13, 17, 23, 27];
		result.items.forEach((item, index) => {
			if (failing.includes(index)) expect(item.json).toMatchObject({ error: expect.any(String), details: { itemIndex: index } });
			else expect(item.json.leadId).toEqual(expect.any(String));
		});
		expect(result.downstream.map((item) => item.json.tag)).toEqual(input.map((item) => item.tag));
		expect(result.downstream.map((item) => item.json.email)).toEqual(input.map((item) => item.email));
		expect(result.downstream.map((item) => item.json.outcome)).toEqual(
			result.items.map((item) => (item.json.error ? 'failed' : item.json.leadId)),
		);
		expect(sandbox.leads()).toHaveLength(1 + 24);
	});
});
