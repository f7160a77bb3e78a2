/**
 * Regression tests for the outside review (issue 8), part 1: what the node does with LeadSquared's
 * answers and with hosts that misbehave. Each test is named after the finding it covers and failed on
 * the code before the fix.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import { autoMap, BULK_ENDPOINT, exposedText, requestsTo, SINGLE_ENDPOINT, UNLIMITED } from './helpers';
import { endpointOf, startProxy, startRecorder } from './hostile';
import type { Hostile } from './hostile';

let sandbox: Sandbox;
let recorder: Hostile;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED });
	recorder = await startRecorder();
});
afterEach(() => {
	sandbox.reset();
	recorder.received.length = 0;
});
afterAll(async () => {
	await sandbox.close();
	await recorder.close();
	await disposeN8n();
});

/** Credentials for the sandbox's account, sent through a proxy. */
const through = (proxy: Hostile) => sandboxCredentials({ url: proxy.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey });

const lead = (n: number, extra: Record<string, unknown> = {}) => ({ EmailAddress: `review${n}@example.com`, LastName: `Review ${n}`, ...extra });

/** A proxy in front of the sandbox redirecting one endpoint to the recorder. */
async function redirecting(endpoint: string, status: number): Promise<Hostile> {
	return await startProxy(sandbox.url, (request) =>
		endpointOf(request.url) === endpoint ? { status, headers: { location: `${recorder.url}${request.url}` } } : undefined,
	);
}

describe('finding 1: redirects never carry the keys to another host', () => {
	it.each([
		['LeadsMetaData.Get', 302],
		['Lead.CreateOrUpdate', 307],
		['Lead.CreateOrUpdate', 308],
	])('a %s answered with HTTP %i fails naming the host and the status; nothing reaches the other host', async (endpoint, status) => {
		const proxy = await redirecting(endpoint, status);
		try {
			const result = await runLeadSquared({ parameters: autoMap(), items: [lead(1)], credentials: through(proxy) });
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(`${proxy.host} answered ${endpoint} with a redirect (HTTP ${status}), which the node does not follow`);
			expect(recorder.received).toEqual([]);
			expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(0);
		} finally {
			await proxy.close();
		}
	});

	it('the credential test refuses a redirect instead of saying "Connection successful"', async () => {
		const proxy = await redirecting('UserByAccessKey.Get', 302);
		try {
			const result = await testCredentials(through(proxy));
			expect(result).toEqual({ status: 'Error', message: expect.stringContaining('with a redirect (HTTP 302)') });
			expect(recorder.received).toEqual([]);
		} finally {
			await proxy.close();
		}
	});
});

describe('finding 2: text inside lead data is never taken for a rate limit', () => {
	const phrase = 'API calls exceeded the limit of 5 in 5 second(s)';

	it('batch mode: a row error echoing the phrase fails that row only; the batch is sent once', async () => {
		sandbox.configure({ leads: [{ LastName: 'Holder', EmailAddress: 'holder@example.com', mx_Student_Id: phrase }] });
		sandbox.reset();
		const items = [lead(1), lead(2, { mx_Student_Id: phrase }), lead(3)];
		const result = await runLeadSquared({
			parameters: autoMap({}, { sendInBatches: true, maxRateLimitWait: 2 }),
			items,
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});
		sandbox.configure({ leads: undefined });
		expect(requestsTo(sandbox, BULK_ENDPOINT)).toHaveLength(1);
		expect(result.items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'Success',
			expect.stringContaining(`Duplicate entry '${phrase}'`),
			'Success',
		]);
		expect(JSON.stringify(result.items[1].json)).not.toMatch(/Nothing was written|rate limit/i);
	});

	it('single mode with Return Full Lead: a lead whose Notes hold the phrase is written and read back', async () => {
		const result = await runLeadSquared({
			parameters: autoMap({}, { returnFullLead: true, maxRateLimitWait: 2 }),
			items: [lead(4, { Notes: phrase })],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json.lead).toMatchObject({ Notes: phrase, EmailAddress: 'review4@example.com' });
		expect(requestsTo(sandbox, 'Leads.GetById')).toHaveLength(1);
	});
});

describe('findings 3 and 4: reported limits that would spin or switch pacing off', () => {
	it('finding 3: "limit of N in 0 second(s)" waits at least 1 s per answer, so Max Rate-Limit Wait ends it', async () => {
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'rateLimit', calls: 10, windowSeconds: 0, count: Infinity });
		const result = await runLeadSquared({ parameters: autoMap({}, { maxRateLimitWait: 2 }), items: [lead(5)], credentials: sandboxCredentials(sandbox) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/rate limit was reached .*Max Rate-Limit Wait \(2 s\)/);
		// One first try and two 1-second waits: not dozens of calls.
		expect(requestsTo(sandbox, SINGLE_ENDPOINT).length).toBeLessThanOrEqual(3);
	}, 20_000);

	it('finding 4: "limit of 0 in S second(s)" is ignored: pacing stays on and LeadSquared refuses nothing more', async () => {
		sandbox.configure({ rateLimit: { calls: 3, windowMs: 5000 } });
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'rateLimit', calls: 0, windowSeconds: 1, count: 1 });
		try {
			const items = [1, 2, 3, 4].map((n) => lead(60 + n));
			const result = await runLeadSquared({
				parameters: autoMap({}, { maxCallsPer5Seconds: 3, concurrency: 1 }),
				items,
				credentials: sandboxCredentials(sandbox),
			});
			expect(result.status).toBe('success');
			expect(sandbox.log.filter((entry) => entry.rateLimited)).toHaveLength(0);
		} finally {
			sandbox.configure({ rateLimit: UNLIMITED });
		}
	}, 30_000);
});

describe('finding 5: Return Full Lead after a write whose read-back fails', () => {
	it('says the lead was written, and keeps its id', async () => {
		sandbox.injectFault({ endpoint: 'Leads.GetById', type: 'status', status: 503, count: Infinity });
		const result = await runLeadSquared({
			parameters: autoMap({}, { returnFullLead: true }),
			items: [lead(7)],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});
		const [stored] = sandbox.findLeads((record) => record.EmailAddress === 'review7@example.com');
		expect(result.items[0].json.error).toMatch(new RegExp(`^The lead was written \\(id ${stored.ProspectID}\\), but reading it back failed: LeadSquared had a server error`));
		expect(result.items[0].json.details).toMatchObject({ leadId: stored.ProspectID, itemIndex: 0 });
		expect(JSON.stringify(result.items[0].json)).not.toContain('Nothing was written');
	});
});

describe('finding 11: keys hidden by JSON escapes or double percent-encoding are still redacted', () => {
	it('in a bulk row error and in a single answer', async () => {
		const escaped = sandbox.accessKey.replace(/\$/g, '\\u0024');
		const twice = encodeURIComponent(encodeURIComponent(sandbox.secretKey));
		const proxy = await startProxy(sandbox.url, (request) => {
			const endpoint = endpointOf(request.url);
			if (endpoint === BULK_ENDPOINT) {
				return { status: 200, body: `[{"RowNumber":1,"ExceptionType":"MXInvalidInputException","ErrorMessage":"Rejected for key ${escaped}"}]` };
			}
			if (endpoint === SINGLE_ENDPOINT) {
				return { status: 500, body: `{"Status":"Error","ExceptionType":"MXInvalidInputException","ExceptionMessage":"Bad secret ${twice}"}` };
			}
			return undefined;
		});
		try {
			const credentials = through(proxy);
			const batch = await runLeadSquared({ parameters: autoMap({}, { sendInBatches: true }), items: [lead(8)], credentials, continueOnFail: true });
			const single = await runLeadSquared({ parameters: autoMap(), items: [lead(9)], credentials, continueOnFail: true });
			expect(batch.items[0].json.error).toBe('LeadSquared refused the lead: Rejected for key [redacted]');
			expect(single.items[0].json.error).toBe('LeadSquared refused the lead: Bad secret [redacted]');
			const exposed = [...exposedText(batch), ...exposedText(single)].join('\n').toLowerCase();
			for (const key of [sandbox.accessKey, sandbox.secretKey]) {
				for (const form of [key, encodeURIComponent(key), encodeURIComponent(encodeURIComponent(key)), key.replace(/\$/g, '\\u0024')]) {
					expect(exposed).not.toContain(form.toLowerCase());
				}
			}
		} finally {
			await proxy.close();
		}
	});
});

describe('decided with the review: Retry-After dates, cancelling a long wait', () => {
	it('a Retry-After given as an HTTP date is honoured: one an hour away fails at once when Max Rate-Limit Wait is shorter', async () => {
		const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
		const proxy = await startProxy(sandbox.url, (request) =>
			endpointOf(request.url) === SINGLE_ENDPOINT
				? { status: 429, headers: { 'retry-after': inAnHour }, body: '{"Status":"Error","ExceptionType":"MXAPIRateLimitExceededException","ExceptionMessage":"API calls exceeded the limit of 25 in 5 second(s)"}' }
				: undefined,
		);
		try {
			const result = await runLeadSquared({ parameters: autoMap({}, { maxRateLimitWait: 60 }), items: [lead(10)], credentials: through(proxy) });
			expect(result.error?.message).toContain('Max Rate-Limit Wait (60 s) allows no wait for the window to pass');
			expect(proxy.received.filter((request) => endpointOf(request.url) === SINGLE_ENDPOINT)).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	it('stopping the execution ends a long rate-limit wait', async () => {
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'rateLimit', calls: 25, windowSeconds: 3600, count: Infinity });
		const result = await runLeadSquared({
			parameters: autoMap({}, { maxRateLimitWait: 7200 }),
			items: [lead(11)],
			credentials: sandboxCredentials(sandbox),
			onStart: (cancel) => {
				const timer = setInterval(() => {
					if (requestsTo(sandbox, SINGLE_ENDPOINT).some((entry) => entry.status !== null)) {
						clearInterval(timer);
						cancel();
					}
				}, 20);
			},
		});
		// Without the cancel signal the node would sleep for an hour (the test's timeout fails it first).
		expect(['canceled', 'error']).toContain(result.status);
		if (result.status === 'error') expect(result.error?.message).toContain('The execution was stopped');
		expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(1);
	}, 30_000);
});
