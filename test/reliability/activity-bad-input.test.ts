/**
 * Bad input for Activity → Create and Activity → Get Many, each run through n8n's engine against the
 * sandbox, with a good item in front of the bad one.
 *
 * Without "continue on fail" the run fails with a message naming the field and ending in `[item 1]`, and
 * nothing was sent (every item is checked before the first post, so the good item is not posted either;
 * in batch mode too). With "continue on fail" the bad item becomes an error item paired to it, with the
 * field in its details, and the good item goes through. The one case only LeadSquared can judge (a type
 * code it does not know) fails the same way, from LeadSquared's answer to the type look-up, before any post.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { ENDPOINTS, locator, mapper, seedActivity } from '../engine/activity-support';
import { FAST_OPTIONS, UNLIMITED } from './helpers';

const LEAD = '3f2a9c1e-5b7d-4e8f-a1b2-c3d4e5f6a7b8';

/** Every per-item value comes from the item (defaults = the good item), so only the bad item is bad. */
const CREATE: INodeParameters = {
	resource: 'activity',
	operation: 'create',
	leadBy: '={{ $json.leadBy ?? "id" }}',
	leadId: '={{ $json.leadId ?? "' + LEAD + '" }}',
	email: '={{ $json.email ?? "" }}',
	activityType: locator('={{ $json.code ?? 201 }}', 'code'),
	note: '={{ $json.note ?? "A note" }}',
	activityDateTime: '={{ $json.date ?? "" }}',
	activityFields: mapper({ mx_Custom_1: '={{ $json.form === undefined ? "Contact" : $json.form }}', mx_Custom_4: '={{ $json.campaign ?? "Organic" }}' }),
	manualFields: { field: [{ name: '={{ $json.fieldName ?? "mx_Custom_2" }}', value: '={{ $json.fieldValue ?? "https://example.com" }}' }] },
	options: { ...FAST_OPTIONS, ownerEmail: '={{ $json.owner ?? "" }}' },
} as INodeParameters;

const GET_MANY: INodeParameters = {
	resource: 'activity',
	operation: 'getMany',
	leadId: '={{ $json.leadId ?? "' + LEAD + '" }}',
	activityType: locator('={{ $json.code ?? "" }}', 'code'),
	returnAll: false,
	limit: '={{ $json.limit ?? 10 }}',
	options: FAST_OPTIONS,
} as INodeParameters;

interface BadCase {
	name: string;
	parameters: INodeParameters;
	/** The bad item (item 1; item 0 is good). */
	bad: IDataObject;
	message: RegExp;
	field?: string;
	/** Only LeadSquared can tell (its answer to the type look-up). */
	remote?: boolean;
}

const create = (name: string, bad: IDataObject, message: RegExp, field?: string, remote?: boolean): BadCase => ({ name, parameters: CREATE, bad, message, field, remote });
const getMany = (name: string, bad: IDataObject, message: RegExp, field?: string): BadCase => ({ name, parameters: GET_MANY, bad, message, field });

const CASES: BadCase[] = [
	create('an empty lead id', { leadId: '' }, /^Lead ID is empty \[item 1\]$/, 'leadId'),
	create('a lead id that is a ProspectAutoId', { leadId: '1016' }, /^Lead ID "1016" is not a LeadSquared lead ID \[item 1\]$/, 'leadId'),
	create('Find Lead By that is neither id nor email', { leadBy: 'phone' }, /^Find Lead By is "phone"; it must be "id" or "email" \[item 1\]$/, 'leadBy'),
	create('a lead by e-mail without an address', { leadBy: 'email', email: '' }, /^Lead Email Address is empty \[item 1\]$/, 'email'),
	create('a lead by e-mail with a bad address', { leadBy: 'email', email: 'ada at example.com' }, /^Lead Email Address is "ada at example.com", which is not an e-mail address \[item 1\]$/, 'email'),
	create('an empty activity type', { code: '' }, /^Activity Type is empty \[item 1\]$/, 'activityType'),
	create('an activity type that is not a code', { code: 'Form' }, /^Activity Type is "Form", which is not an activity type code \[item 1\]$/, 'activityType'),
	create('an activity type LeadSquared does not know', { code: 999 }, /^Activity type 999 is not a custom activity type of your LeadSquared account \(LeadSquared: "Event Code is invalid or empty"\)$/, undefined, true),
	create('an unknown activity field', { fieldName: 'mx_Custom_42' }, /^Unknown activity field "mx_Custom_42": not a field of Form Submitted \(201\)\. Closest valid names: [^[]+\. \[item 1\]$/, 'mx_Custom_42'),
	create('a manual field without a name', { fieldName: '' }, /^Activity field 1 from the manual entry has no field name \[item 1\]$/),
	create('a field in both lists', { fieldName: 'mx_custom_1' }, /^Activity field "mx_Custom_1" is given twice \(in the activity fields and in the manual entry\) \[item 1\]$/, 'mx_Custom_1'),
	create('a dropdown value outside the options', { campaign: 'Television' }, /^Activity field "Campaign" \(mx_Custom_4\) is "Television", which is not one of its options \(Google Ads, Facebook, Newsletter, Organic\) \[item 1\]$/, 'mx_Custom_4'),
	create('a mandatory field without a value', { form: null }, /^"Form Name" \(mx_Custom_1\) is mandatory for Form Submitted \(201\), but has no value \[item 1\]$/, 'mx_Custom_1'),
	create('a number field with a comma', { code: 203, form: '12,50', campaign: 'T-1' }, /^Activity field "Amount" \(mx_Custom_1\) is "12,50", which is not a number \[item 1\]$/, 'mx_Custom_1'),
	create('a date-time field that is no date', { fieldName: 'mx_Custom_3', fieldValue: '31/02/2026' }, /^Activity field "Submitted On" \(mx_Custom_3\) is "31\/02\/2026", which is not a date/, 'mx_Custom_3'),
	create('a text longer than the field takes', { fieldValue: 'x'.repeat(501) }, /^Activity field "Page URL" \(mx_Custom_2\) is 501 characters long; LeadSquared allows at most 500 in this field \[item 1\]$/, 'mx_Custom_2'),
	create('an activity date that is no date', { date: 'next tuesday' }, /^Date is "next tuesday", which is not a date/, 'activityDateTime'),
	create('an activity date before 1753', { date: '1500-01-01' }, /^Date is "1500-01-01", a date in the year 1500; LeadSquared stores dates from 1753 to 9999 \[item 1\]$/, 'activityDateTime'),
	create('a note that is an object', { note: { text: 'hi' } }, /^Note is an object; it must be a text \[item 1\]$/, 'note'),
	create('an owner that is no e-mail address', { owner: 'the boss' }, /^Options → Owner Email is "the boss", which is not an e-mail address \[item 1\]$/, 'ownerEmail'),
	getMany('an empty lead id', { leadId: ' ' }, /^Lead ID is empty \[item 1\]$/, 'leadId'),
	getMany('an e-mail address as the lead id', { leadId: 'ada@example.com' }, /^Lead ID "ada@example.com" is not a LeadSquared lead ID \[item 1\]$/, 'leadId'),
	getMany('an activity type that is not a code', { code: 'calls' }, /^Activity Type is "calls", which is not an activity type code \[item 1\]$/, 'activityType'),
	getMany('a limit of 0', { limit: 0 }, /^Limit .*\[item 1\]$/, 'limit'),
];

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED, leads: [{ ProspectID: LEAD, EmailAddress: 'good@example.com', LastName: 'Good' }] });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

async function run(testCase: BadCase, continueOnFail: boolean, batches = false): Promise<RunResult> {
	if (testCase.parameters === GET_MANY) {
		// The good lead gets one activity to read; the log starts empty again.
		await seedActivity(sandbox, LEAD, '2026-01-01 10:00:00');
		sandbox.reset({ keepLeads: true });
	}
	const parameters = batches ? { ...testCase.parameters, options: { ...(testCase.parameters.options as IDataObject), sendInBatches: true } } : testCase.parameters;
	return await runLeadSquared({ parameters, items: [{}, testCase.bad], credentials: sandboxCredentials(sandbox), continueOnFail });
}

/** The calls that write or read activities (not the type look-ups). */
function sent(): number {
	return sandbox.log.filter((entry) => [ENDPOINTS.create, ENDPOINTS.bulk, ENDPOINTS.retrieve].includes(entry.endpoint as never)).length;
}

describe('activity bad input', () => {
	describe.each([false, true])('stop on fail (Send in Batches: %s): the run fails naming the item and the field, nothing sent', (batches) => {
		it.each(CASES.filter((testCase) => !batches || testCase.parameters === CREATE).map((testCase) => [testCase.name, testCase] as const))(
			'%s',
			async (_name, testCase) => {
				const result = await run(testCase, false, batches);

				expect(result.status).toBe('error');
				expect(result.error?.message).toMatch(testCase.message);
				expect(result.error?.context?.itemIndex).toBe(1);
				expect(result.error?.name).toBe(testCase.remote ? 'NodeApiError' : 'NodeOperationError');
				if (testCase.remote) expect(result.error?.description).toMatch(/Custom Activities & Scores\. Nothing was sent for this item\.$/);
				expect(sent()).toBe(0);
				expect(sandbox.records().activities).toHaveLength(testCase.parameters === CREATE ? 0 : 1);
			},
		);
	});

	describe('continue on fail: an error item for the bad item, the good one goes through', () => {
		it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, true);

			expect(result.status).toBe('success');
			expect(result.items[0].json.error).toBeUndefined();
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			const bad = result.items.filter((item) => item.json.error !== undefined);
			expect(bad).toHaveLength(1);
			expect(bad[0].pairedItem).toEqual({ item: 1 });
			expect(bad[0].json.error).toMatch(testCase.message);
			expect(bad[0].json.details).toMatchObject({ itemIndex: 1, ...(testCase.field ? { field: testCase.field } : {}) });
			expect(sent()).toBe(1);
			expect(sandbox.records().activities).toHaveLength(1);
		});
	});

	it('refuses a batch size above 25 for every item, before sending', async () => {
		const result = await runLeadSquared({
			parameters: { ...CREATE, options: { ...(CREATE.options as IDataObject), sendInBatches: true, batchSize: 30 } },
			items: [{}, {}],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(result.items.map((item) => item.json.error)).toEqual([
			'Options → Batch Size is 30; it must be from 1 to 25 [item 0]',
			'Options → Batch Size is 30; it must be from 1 to 25 [item 1]',
		]);
		expect(sent()).toBe(0);
	});
});
