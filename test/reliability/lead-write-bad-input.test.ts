/**
 * Bad input for Lead → Update, Delete, Add to List and Remove from List, run through n8n's engine against
 * the sandbox. Without "continue on fail" a refused item fails the run with a message naming the field and
 * ending in `[item N]`, and nothing at all is sent (every item is checked before the first call, so the good
 * item in front of the bad one is not sent either). With "continue on fail" the bad item becomes an error
 * item paired to it, with the field in its details, and the good items go through.
 */
import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { FAST_OPTIONS, requestsTo, UNLIMITED } from './helpers';

const GOOD_LEAD = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a01';
const LIST = '8b000000-0000-4000-8000-000000000001';

type Operation = 'update' | 'delete' | 'addToList' | 'removeFromList';

/** The endpoints each operation writes with. */
const ENDPOINTS: Record<Operation, string[]> = {
	update: ['Lead.Update'],
	delete: ['Lead/Delete/ById'],
	addToList: ['AddLeadsToStaticList', 'AddLeadToStaticList'],
	removeFromList: ['RemoveLeadFromStaticList'],
};

interface Case {
	name: string;
	operation: Operation;
	/** Parameters beside resource/operation/options; `leadId` and `list` default to `{{ $json.lead }}` and `{{ $json.list }}`. */
	parameters?: INodeParameters;
	/** The bad item's json (it follows a good item). */
	bad: IDataObject;
	message: RegExp;
	field?: string;
}

const fieldsFromItem: INodeParameters = {
	attributes: { mappingMode: 'defineBelow', value: { mx_City: '={{ $json.city }}' }, matchingColumns: [], schema: [] } as unknown as INodeParameters[string],
};
const mapped = (value: IDataObject, extra: INodeParameters = {}): INodeParameters => ({
	attributes: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] } as unknown as INodeParameters[string],
	...extra,
});

const CASES: Case[] = [
	// ---------------------------------------------------------------- Lead ID (every operation)
	...(['update', 'delete', 'addToList', 'removeFromList'] as const).flatMap((operation): Case[] => [
		{ name: `${operation}: an empty Lead ID`, operation, bad: { lead: '', city: 'X' }, message: /^Lead ID is empty \[item 1\]$/, field: 'leadId' },
		{ name: `${operation}: no Lead ID (the expression names a missing key)`, operation, bad: { city: 'X' }, message: /^Lead ID is empty \(undefined\) \[item 1\]$/, field: 'leadId' },
		{
			name: `${operation}: an e-mail address as Lead ID`,
			operation,
			bad: { lead: 'asha@example.com', city: 'X' },
			message: /^Lead ID "asha@example\.com" is not a LeadSquared lead ID \[item 1\]$/,
			field: 'leadId',
		},
		{
			name: `${operation}: a ProspectAutoId as Lead ID`,
			operation,
			bad: { lead: 1016, city: 'X' },
			message: /^Lead ID 1016 is not a LeadSquared lead ID \[item 1\]$/,
			field: 'leadId',
		},
		{ name: `${operation}: an object as Lead ID`, operation, bad: { lead: { id: GOOD_LEAD }, city: 'X' }, message: /^Lead ID is an object \[item 1\]$/, field: 'leadId' },
	]),
	// ---------------------------------------------------------------- List (Add to List, Remove from List)
	...(['addToList', 'removeFromList'] as const).flatMap((operation): Case[] => [
		{ name: `${operation}: an empty list id`, operation, bad: { lead: GOOD_LEAD, list: '' }, message: /^List is empty \[item 1\]$/, field: 'list' },
		{
			name: `${operation}: a list name instead of its id`,
			operation,
			bad: { lead: GOOD_LEAD, list: 'Webinar May' },
			message: /^List "Webinar May" is not a LeadSquared list ID \[item 1\]$/,
			field: 'list',
		},
	]),
	// ---------------------------------------------------------------- Update's fields (the Create or Update checks)
	{
		name: 'update: no fields to send',
		operation: 'update',
		parameters: mapped({ mx_City: '={{ $json.city }}' }, { options: { emptyValues: 'skip' } as never }),
		bad: { lead: GOOD_LEAD },
		message: /^No lead fields to send \[item 1\]$/,
	},
	{
		name: 'update: an unknown field',
		operation: 'update',
		parameters: mapped({ mx_City: '={{ $json.city }}' }, { manualAttributes: { attribute: [{ name: '={{ $json.extra }}', value: 'x' }] } as never }),
		bad: { lead: GOOD_LEAD, city: 'Y', extra: 'mx_Nope' },
		message: /^Unknown field "mx_Nope": not in your LeadSquared account's lead fields\. Closest valid names: Notes \(Notes\), [^[]+\. \[item 1\]$/,
		field: 'mx_Nope',
	},
	{
		name: 'update: a value that is not a number in a Number field',
		operation: 'update',
		parameters: mapped({ Score: '={{ $json.score }}' }),
		bad: { lead: GOOD_LEAD, score: 'lots' },
		message: /^Field "Score" .* \[item 1\]$/,
		field: 'Score',
	},
	{
		name: 'update: null with Empty Values = fail',
		operation: 'update',
		bad: { lead: GOOD_LEAD, city: null },
		message: /^Field "mx_City" has no value \(null\) \[item 1\]$/,
		field: 'mx_City',
	},
	{
		name: 'update: a value longer than the field allows',
		operation: 'update',
		parameters: mapped({ FirstName: '={{ $json.first }}' }),
		bad: { lead: GOOD_LEAD, first: 'x'.repeat(101) },
		message: /^Field "FirstName" is 101 characters long; LeadSquared allows at most 100 in this field \[item 1\]$/,
		field: 'FirstName',
	},
	{
		name: 'update: a dropdown value that is not one of its options',
		operation: 'update',
		parameters: mapped({ mx_Course_Interest: '={{ $json.course }}' }),
		bad: { lead: GOOD_LEAD, course: 'Astrology' },
		message: /^Field "mx_Course_Interest" .*Astrology.* \[item 1\]$/,
		field: 'mx_Course_Interest',
	},
	{
		name: 'update: a field given twice (mapper and manual entry)',
		operation: 'update',
		parameters: mapped({ mx_City: '={{ $json.city }}' }, { manualAttributes: { attribute: [{ name: '={{ $json.dup }}', value: '={{ $json.city }}' }] } as never }),
		bad: { lead: GOOD_LEAD, city: 'Z', dup: 'mx_city' },
		message: /^Field "mx_City" is given twice .* \[item 1\]$/,
		field: 'mx_City',
	},
];

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		rateLimit: UNLIMITED,
		leadDeletionEnabled: true,
		leads: [{ ProspectID: GOOD_LEAD, EmailAddress: 'good@bad-input.example', LastName: 'Good', mx_City: 'Pune' }],
		lists: [{ id: LIST, name: 'Webinar May', type: 'static', leadIds: [GOOD_LEAD] }],
	});
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

function parametersOf(testCase: Case): INodeParameters {
	const base: INodeParameters = { resource: 'lead', operation: testCase.operation, leadId: '={{ $json.lead }}', ...(testCase.operation === 'update' ? fieldsFromItem : {}) };
	if (testCase.operation === 'addToList' || testCase.operation === 'removeFromList') base.list = { __rl: true, mode: 'id', value: '={{ $json.list }}' };
	const own = testCase.parameters ?? {};
	return { ...base, ...own, options: { ...FAST_OPTIONS, ...((own.options as IDataObject | undefined) ?? {}) } as NodeParameterValueType };
}

async function run(testCase: Case, continueOnFail: boolean): Promise<RunResult> {
	const good: IDataObject = { lead: GOOD_LEAD, list: LIST, city: 'Good City', score: 3, first: 'Good', course: 'Engineering', extra: 'FirstName', dup: 'FirstName' };
	return await runLeadSquared({
		parameters: parametersOf(testCase),
		items: [good, { list: LIST, ...testCase.bad }],
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		continueOnFail,
	});
}

const sent = (operation: Operation) => ENDPOINTS[operation].flatMap((endpoint) => requestsTo(sandbox, endpoint));
const cases = CASES;

describe('Lead write operations: bad input', () => {
	describe('refused, without continue on fail: the run fails naming the item and the field; nothing is sent', () => {
		it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, false);
			expect(result.status).toBe('error');
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(testCase.message);
			if (testCase.field) expect(result.error?.message).toContain(testCase.field === 'leadId' ? 'Lead ID' : testCase.field === 'list' ? 'List' : `"${testCase.field}"`);
			expect(sent(testCase.operation)).toHaveLength(0);
		});
	});

	describe('refused, continue on fail: an error item for the bad item, paired, with the field; the good item goes through', () => {
		it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, true);
			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(2);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.items[0].json.error).toBeUndefined();
			expect(result.items[1].json.error).toMatch(testCase.message);
			expect(result.items[1].json.details).toMatchObject({ itemIndex: 1, ...(testCase.field ? { field: testCase.field } : {}) });
			expect(sent(testCase.operation)).toHaveLength(1);
			expect(JSON.stringify(sent(testCase.operation)[0].rawUrl + sent(testCase.operation)[0].rawBody)).toContain(GOOD_LEAD);
		});
	});

	it('update: SearchBy given as a field is refused with advice that fits an update by id', async () => {
		const result = await runLeadSquared({
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: GOOD_LEAD,
				...mapped({ mx_City: 'Q' }, { manualAttributes: { attribute: [{ name: 'SearchBy', value: 'Phone' }] } as never }),
				options: FAST_OPTIONS as NodeParameterValueType,
			},
			items: [{}],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.error?.message).toBe('"SearchBy" is not a lead field [item 0]');
		expect(result.error?.description).toMatch(/finds the lead by its Lead ID/);
		expect(sent('update')).toHaveLength(0);
	});

	it.each(['update', 'delete', 'addToList', 'removeFromList'] as const)('%s: a bad shared option fails every item before any call, naming the option', async (operation) => {
		const result = await runLeadSquared({
			parameters: parametersOf({ name: '', operation, bad: {}, message: /./, parameters: { options: { concurrency: 'many' } as never } }),
			items: [{ lead: GOOD_LEAD, list: LIST, city: 'C' }],
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.error?.message).toMatch(/^Options → Concurrent Requests is "many", which is not a number/);
		expect(sent(operation)).toHaveLength(0);
	});
});
