/**
 * Regression tests for the outside review (issue 8), part 2: input the node must check, convert or keep
 * apart before anything is sent. Each test is named after the finding it covers and failed on the code
 * before the fix.
 */
import { defaultFields, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import { autoMap, BULK_ENDPOINT, customFieldSets, pairsOf, requestsTo, rowsOf, SINGLE_ENDPOINT, UNLIMITED } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED });
});
afterEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

const writes = () => requestsTo(sandbox, SINGLE_ENDPOINT);

describe('finding 6: one phone in several formats is one lead', () => {
	it('+91-9845098450, 9845098450 and 09845098450 are written one after the other, never at once', async () => {
		sandbox.configure({ latencyMs: 150 });
		try {
			const phones = ['+91-9845098450', '9845098450', '09845098450'];
			const result = await runLeadSquared({
				parameters: autoMap({}, { concurrency: 5 }),
				items: phones.map((Phone, n) => ({ Phone, LastName: `Phone ${n}` })),
				credentials: sandboxCredentials(sandbox),
				continueOnFail: true,
			});
			expect(result.items).toHaveLength(3);
			expect(writes().map((entry) => entry.inFlight)).toEqual([0, 0, 0]);
		} finally {
			sandbox.configure({ latencyMs: 0 });
		}
	});
});

describe('finding 7: a lost answer and a retry, when a unique custom field is the only identifier', () => {
	it('is matched on that field (SearchBy), so the retry updates the lead it created', async () => {
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'reset', when: 'after', count: 1 });
		const result = await runLeadSquared({
			parameters: autoMap({}, { maxRetries: 2, retryDelay: 1 }),
			items: [{ mx_Student_Id: 'STU-7', LastName: 'Only Student Id' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		expect(writes()).toHaveLength(2);
		expect(pairsOf(writes()[1].body)).toContainEqual({ Attribute: 'SearchBy', Value: 'mx_Student_Id' });
		expect(sandbox.findLeads((lead) => lead.mx_Student_Id === 'STU-7')).toHaveLength(1);
	});
});

describe('findings 8 and 9: epoch numbers and impossible dates', () => {
	it.each([
		['finding 8: epoch milliseconds of a 1971 birthday (refused as ambiguous)', 41_000_000_000, /could be epoch seconds \(the year 3269\) or epoch milliseconds \(1971-04-20\)/],
		['finding 9: a nanosecond epoch', 1_714_559_400_000_000_000, /is 1714559400000000000, which is not a date/],
		['finding 9: a microsecond epoch', 1_714_559_400_000_000, /a date in the year 5\d{4}; LeadSquared stores dates from 1753 to 9999/],
	])('%s fails naming the field and the value; nothing is sent', async (_name, value, problem) => {
		const result = await runLeadSquared({
			parameters: autoMap(),
			items: [{ EmailAddress: 'dates@example.com', LastName: 'Dates', mx_Date_of_Birth: value }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Field "mx_Date_of_Birth" /);
		expect(result.error?.message).toMatch(problem);
		expect(result.error?.message).not.toMatch(/time zone/);
		expect(writes()).toHaveLength(0);
	});

	it('finding 8: epoch seconds and milliseconds outside the ambiguous range are read as documented', async () => {
		const result = await runLeadSquared({
			parameters: autoMap(),
			items: [
				{ EmailAddress: 'epoch-s@example.com', LastName: 'S', mx_Date_of_Birth: 643_593_600 },
				{ EmailAddress: 'epoch-ms@example.com', LastName: 'MS', mx_Date_of_Birth: 643_593_600_000 },
			],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		expect(sandbox.leads().map((lead) => lead.mx_Date_of_Birth)).toEqual(['1990-05-25 00:00:00', '1990-05-25 00:00:00']);
	});
});

describe('finding 10: custom field set sub-fields keep their types', () => {
	it('a date and a yes/no in sub-fields are converted like ordinary fields, and LeadSquared accepts them', async () => {
		const fields = defaultFields().map((field) =>
			field.schemaName === 'mx_KYC'
				? {
						...field,
						subFields: [
							...(field.subFields ?? []),
							{ schemaName: 'mx_CustomObject_3', displayName: 'Verified On', dataType: 'Date' as const },
							{ schemaName: 'mx_CustomObject_4', displayName: 'Verified', dataType: 'Boolean' as const },
						],
					}
				: field,
		);
		sandbox.configure({ fields });
		try {
			const result = await runLeadSquared({
				parameters: autoMap(
					customFieldSets({
						field: 'mx_KYC',
						subFields: [
							{ name: 'mx_CustomObject_3', value: '2024-05-01T10:30:00+05:30' },
							{ name: 'mx_CustomObject_4', value: 'yes' },
						],
					}),
				),
				items: [{ EmailAddress: 'kyc@example.com', LastName: 'KYC' }],
				credentials: sandboxCredentials(sandbox),
			});
			expect(result.status).toBe('success');
			const kyc = pairsOf(writes()[0].body).find((pair) => pair.Attribute === 'mx_KYC');
			expect(kyc?.Fields).toEqual([
				{ Attribute: 'mx_CustomObject_3', Value: '2024-05-01 00:00:00' },
				{ Attribute: 'mx_CustomObject_4', Value: '1' },
			]);
		} finally {
			sandbox.configure({ fields: undefined });
		}
	});
});

describe('findings 12 and 13: numeric options from expressions', () => {
	it('finding 12: Batch Size "10 rows" fails every item with a clear message; nothing is sent', async () => {
		const result = await runLeadSquared({
			parameters: autoMap({}, { sendInBatches: true, batchSize: '10 rows' }),
			items: [{ EmailAddress: 'b1@example.com', LastName: 'B' }, { EmailAddress: 'b2@example.com', LastName: 'B' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Options → Batch Size is "10 rows", which is not a number [item 0]',
			'Options → Batch Size is "10 rows", which is not a number [item 1]',
		]);
		expect(requestsTo(sandbox, BULK_ENDPOINT)).toHaveLength(0);
	});

	it('finding 13: Max Calls per 5 Seconds 1.5 means 1: LeadSquared refuses nothing', async () => {
		sandbox.configure({ rateLimit: { calls: 1, windowMs: 5000 } });
		try {
			const result = await runLeadSquared({
				parameters: autoMap({}, { maxCallsPer5Seconds: 1.5 }),
				items: [{ EmailAddress: 'pace1@example.com', LastName: 'P' }, { EmailAddress: 'pace2@example.com', LastName: 'P' }],
				credentials: sandboxCredentials(sandbox),
			});
			expect(result.status).toBe('success');
			expect(sandbox.log.filter((entry) => entry.rateLimited)).toHaveLength(0);
		} finally {
			sandbox.configure({ rateLimit: UNLIMITED });
		}
	}, 30_000);
});

describe('finding 14: automatic mapping with keys that are not fields', () => {
	it('a key without a name (a CSV column without a header) is dropped and listed with Unknown Fields = Drop', async () => {
		const result = await runLeadSquared({
			parameters: autoMap({}, { unknownFields: 'drop' }),
			items: [{ EmailAddress: 'csv@example.com', LastName: 'CSV', '': 'stray cell' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json.droppedFields).toEqual(['']);
	});

	it('10,000 unknown keys give a message of a few lines, not 249,000 characters, in one line a user can act on', async () => {
		const item: Record<string, string> = { EmailAddress: 'many@example.com', LastName: 'Many' };
		for (let n = 0; n < 10_000; n++) item[`column_${n}`] = 'x';
		const result = await runLeadSquared({ parameters: autoMap(), items: [item], credentials: sandboxCredentials(sandbox) });
		const message = result.error?.message ?? '';
		expect(message).toMatch(/^The input item has keys that are not LeadSquared lead fields \("column_0", .*"column_19" and 9980 more\): set Options → Unknown Fields to "Drop Them and List Them in the Output"/);
		expect(message.length).toBeLessThan(700);
		expect(message).not.toContain('\n');
	});
});

describe('finding 15: advice for a base URL that includes the API path', () => {
	it.each([
		['https://lsq-proxy.example.com/api/LeadManagement.svc', 'https://lsq-proxy.example.com/api'],
		['https://lsq-proxy.example.com/v22/v2', 'https://lsq-proxy.example.com/v22'],
		['https://lsq-proxy.example.com/v2/LeadManagement.svc', 'https://lsq-proxy.example.com'],
	])('%s → use %s', async (baseUrl, advice) => {
		const result = await testCredentials({ host: 'custom', baseUrl, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`use "${advice}" rather than`);
	});
});

describe('decided with the review: two items for the same lead in batch mode', () => {
	it('go in different bulk calls, in input order, so the last one wins', async () => {
		const result = await runLeadSquared({
			parameters: autoMap({}, { sendInBatches: true }),
			items: [
				{ EmailAddress: 'same@example.com', LastName: 'Same', FirstName: 'First' },
				{ EmailAddress: 'other@example.com', LastName: 'Other' },
				{ EmailAddress: 'SAME@example.com', LastName: 'Same', FirstName: 'Second' },
			],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.status).toBe('success');
		const calls = requestsTo(sandbox, BULK_ENDPOINT);
		expect(calls.map((entry) => rowsOf(entry.body).length)).toEqual([2, 1]);
		expect(sandbox.findLeads((lead) => String(lead.EmailAddress).toLowerCase() === 'same@example.com').map((lead) => lead.FirstName)).toEqual(['Second']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('smaller things seen in real n8n', () => {
	it('a bulk row error reads as one sentence per sentence (no "exists.. Another")', async () => {
		sandbox.configure({ leads: [{ LastName: 'Holder', Phone: '+919800000001' }] });
		sandbox.reset();
		try {
			const result = await runLeadSquared({
				parameters: autoMap({}, { sendInBatches: true }),
				items: [{ EmailAddress: 'dup@example.com', LastName: 'Dup', Phone: '+919800000001' }],
				credentials: sandboxCredentials(sandbox),
				continueOnFail: true,
			});
			const details = result.items[0].json.details as { description: string };
			expect(details.description).toMatch(/already exists\. Another lead already has this phone number\./);
			expect(details.description).not.toContain('..');
		} finally {
			sandbox.configure({ leads: undefined });
		}
	});

	it('a 401 through a Custom Base URL advises checking where it forwards, not the region of 127.0.0.1', async () => {
		const result = await runLeadSquared({
			parameters: autoMap(),
			items: [{ EmailAddress: 'keys@example.com', LastName: 'Keys' }],
			credentials: sandboxCredentials(sandbox, { secretKey: 'not-the-secret' }),
		});
		expect(result.error?.description).toContain(`the Custom Base URL (127.0.0.1:${sandbox.port}) forwards to your account's own regional LeadSquared host`);
		expect(result.error?.description).not.toContain("is your account's region");
	});

	it('items on the error output carry the field, the item index, ExceptionType and ExceptionMessage', async () => {
		sandbox.configure({ leads: [{ LastName: 'Holder', Phone: '+919800000002' }] });
		sandbox.reset();
		try {
			const result = await runLeadSquared({
				parameters: autoMap(),
				items: [
					{ EmailAddress: 'bad-address', LastName: 'Bad' },
					{ EmailAddress: 'dup2@example.com', LastName: 'Dup', Phone: '+919800000002' },
				],
				credentials: sandboxCredentials(sandbox),
				errorOutput: true,
			});
			expect(result.errorItems.map((item) => item.json.error)).toEqual([
				expect.objectContaining({ message: expect.stringContaining('EmailAddress'), field: 'EmailAddress', itemIndex: 0 }),
				expect.objectContaining({
					exceptionType: 'MXDuplicateEntryException',
					exceptionMessage: 'A Lead with same Phone Number already exists.',
					httpCode: 500,
					itemIndex: 1,
				}),
			]);
		} finally {
			sandbox.configure({ leads: undefined });
		}
	});

	it('cut-off JSON is named once: "with JSON that is cut off or malformed (HTTP 200)"', async () => {
		sandbox.injectFault({ endpoint: SINGLE_ENDPOINT, type: 'truncated', count: 1 });
		const result = await runLeadSquared({
			parameters: autoMap(),
			items: [{ EmailAddress: 'cut@example.com', LastName: 'Cut' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.error?.message).toBe(
			'LeadSquared answered Lead.CreateOrUpdate with JSON that is cut off or malformed (HTTP 200). The lead may already exist, but running the item again is safe: ' +
				'repeating it updates the same lead (LeadSquared matches it by EmailAddress). To see it, check with Lead → Get (By Email "cut@example.com").',
		);
	});
});
