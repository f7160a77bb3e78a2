/**
 * Bad-input catalogue: items and parameters the node must refuse (or pass through intact), each run
 * through n8n's engine against the sandbox.
 *
 * For a refused item: without "continue on fail" the run fails with a message naming the field and ending
 * in `[item N]`, and — when the node can see the problem itself — nothing at all was sent to
 * Lead.CreateOrUpdate (every item is checked before the first call, so the good item in front of the bad
 * one is not sent either). With "continue on fail" the bad item becomes an error item paired to it (with
 * the field in its details) and the other items go through.
 * For an accepted item: what was sent and stored.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { FIELD_CASES, KEEP } from './bad-input-cases';
import type { Check, InputCase } from './bad-input-cases';
import { VALUE_CASES } from './bad-input-more-cases';
import { attributesOf, autoMap, leadsWithEmail, requestsTo, SINGLE_ENDPOINT, UNLIMITED } from './helpers';

const CASES: InputCase[] = [...FIELD_CASES, ...VALUE_CASES];

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED, leads: [KEEP] });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

async function run(testCase: InputCase, continueOnFail: boolean): Promise<RunResult> {
	if (testCase.configure) sandbox.configure(testCase.configure);
	try {
		sandbox.reset();
		return await runLeadSquared({
			parameters: testCase.parameters,
			items: testCase.items,
			credentials: sandboxCredentials(sandbox),
			timezone: testCase.timezone,
			continueOnFail,
		});
	} finally {
		if (testCase.configure) {
			sandbox.configure(Object.fromEntries(Object.keys(testCase.configure).map((key) => [key, undefined])));
		}
	}
}

function checkOf(result: RunResult): Check {
	return {
		sandbox,
		result,
		bodies: requestsTo(sandbox, SINGLE_ENDPOINT).map((entry) => entry.body),
		stored: (email) => {
			const leads = leadsWithEmail(sandbox, email);
			expect(leads).toHaveLength(1);
			return leads[0];
		},
	};
}

const refused = CASES.filter((testCase) => testCase.error);
const accepted = CASES.filter((testCase) => !testCase.error);

describe('bad-input catalogue', () => {
	it('has at least 30 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
		expect(accepted.every((testCase) => testCase.check)).toBe(true);
	});

	describe('refused, stop on fail: the run fails naming the field and the item', () => {
		it.each(refused.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const { error } = testCase;
			const result = await run(testCase, false);

			expect(result.status).toBe('error');
			expect(result.items).toEqual([]);
			expect(result.error?.message).toMatch(error!.message);
			expect(result.error?.context?.itemIndex).toBe(error!.item);
			const writes = requestsTo(sandbox, SINGLE_ENDPOINT);
			if (error!.remote) {
				expect(result.error?.name).toBe('NodeApiError');
				// The items before it were sent, then this one (refused by LeadSquared), then nothing.
				expect(writes).toHaveLength(error!.item + 1);
			} else {
				expect(result.error?.name).toBe('NodeOperationError');
				expect(result.error?.message).toMatch(new RegExp(` \\[item ${error!.item}\\]$`));
				if (error!.field) expect(result.error?.message).toContain(`"${error!.field.split('.').pop()}"`);
				// Checked before the first call: nothing at all was sent, not even the good items in front of it.
				expect(writes).toHaveLength(0);
			}
		});
	});

	describe('refused, continue on fail: an error item for the bad item, the others go through', () => {
		it.each(refused.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const { error } = testCase;
			const result = await run(testCase, true);

			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(testCase.items.length);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				if (index === error!.item) {
					expect(item.json.error).toMatch(error!.message);
					expect(item.json.details).toMatchObject({ itemIndex: index, ...(error!.field ? { field: error!.field } : {}) });
				} else {
					expect(item.json.error).toBeUndefined();
					expect(item.json.leadId).toEqual(expect.any(String));
				}
			});
			// Only the good items were sent (plus the bad one when only LeadSquared could refuse it).
			const sent = requestsTo(sandbox, SINGLE_ENDPOINT);
			expect(sent).toHaveLength(testCase.items.length - (error!.remote ? 0 : 1));
			const badEmail = testCase.items[error!.item].EmailAddress;
			if (typeof badEmail === 'string') {
				if (!error!.remote) expect(sent.every((entry) => attributesOf(entry.body).EmailAddress !== badEmail)).toBe(true);
				expect(leadsWithEmail(sandbox, badEmail).filter((lead) => lead.EmailAddress !== KEEP.EmailAddress)).toHaveLength(0);
			}
		});
	});

	describe('accepted: what was sent and stored', () => {
		it.each(accepted.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, false);

			expect(result.error?.message).toBeUndefined();
			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(testCase.items.length);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.leadId).toEqual(expect.any(String));
			});
			expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(testCase.items.length);
			testCase.check!(checkOf(result));
		});
	});

	it('Match By "A Specific Field" whose field expression resolves to nothing: refused, not silently matched on e-mail', async () => {
		const result = await run(
			{
				name: 'empty match field',
				parameters: autoMap({ matchBy: 'field', searchBy: { __rl: true, mode: 'name', value: '={{ $json.matchOn }}' } }),
				items: [{ EmailAddress: KEEP.EmailAddress, LastName: 'Overwritten', mx_Student_Id: 'S-1' }],
			},
			false,
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Match (By|Field)/);
		expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(0);
	});

	it('emoji count against MaxLength the way LeadSquared counts them (60 emoji = 120 UTF-16 units > 100): refused naming the field, nothing stored', async () => {
		const result = await run(
			{ name: 'emoji', parameters: autoMap(), items: [{ EmailAddress: 'emoji@example.com', LastName: 'E', FirstName: '😀'.repeat(60) }] },
			true,
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/FirstName/);
		expect(result.items[0].json.error).toMatch(/100/);
		expect(leadsWithEmail(sandbox, 'emoji@example.com')).toHaveLength(0);
	});
});
