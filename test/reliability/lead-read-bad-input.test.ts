/**
 * Bad input for Lead → Get and Lead → Get Many, run through n8n's engine against the sandbox. Each case
 * has a good item and a bad one (the bad value comes from the item, through an expression):
 * - stop on fail: the run fails with a message naming the parameter, ending in `[item N]`, and nothing at
 *   all was read from LeadSquared (every item is checked before the first call; the field list may be
 *   fetched to check against it);
 * - continue on fail: the bad item becomes an error item paired to it, with the field in its details, and
 *   the good item still finds its lead(s).
 * Options are read once for every item: a bad option fails every item, before any read.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { useSandbox } from '../engine/support';
import { FAST_OPTIONS } from './helpers';

const READS = ['Leads.GetById', 'Leads.GetByEmailaddress', 'RetrieveLeadByPhoneNumber', 'Leads.GetByQuickSearch', 'Leads.Get'];
const ID = '44444444-4444-4444-8444-444444444444';
const SEED = [{ ProspectID: ID, FirstName: 'Good', LastName: 'Lead', EmailAddress: 'good@example.com', Phone: '9845098450', mx_City: 'Pune', Score: '7' }];

interface Case {
	name: string;
	parameters: INodeParameters;
	items: IDataObject[];
	/** The item refused, the message (without "[item N]") and the parameter named in the details. */
	error: { item: number; message: RegExp; field: string };
	/** A bad option: every item fails the same way. */
	everyItem?: boolean;
}

const get = (mode: string, options: IDataObject = {}): INodeParameters =>
	({ resource: 'lead', operation: 'get', lead: { __rl: true, mode, value: '={{ $json.lookup }}' }, options: { ...FAST_OPTIONS, ...options } }) as INodeParameters;

const many = (extra: IDataObject = {}, options: IDataObject = {}): INodeParameters =>
	({
		resource: 'lead',
		operation: 'getMany',
		searchMode: 'conditions',
		returnAll: false,
		limit: 50,
		conditions: { condition: [{ field: '={{ $json.field ?? "mx_City" }}', operator: '={{ $json.operator ?? "equals" }}', value: '={{ $json.value }}' }] },
		...extra,
		options: { ...FAST_OPTIONS, ...options },
	}) as INodeParameters;

const GOOD_CONDITION = { value: 'Pune' };

const CASES: Case[] = [
	// ---------------------------------------------------------------- Lead → Get
	{ name: 'Get by ID: an empty id', parameters: get('id'), items: [{ lookup: ID }, { lookup: '' }], error: { item: 1, message: /^Lead → lead ID is empty$/, field: 'lead' } },
	{
		name: 'Get by ID: an e-mail address',
		parameters: get('id'),
		items: [{ lookup: ID }, { lookup: 'good@example.com' }],
		error: { item: 1, message: /^Lead → lead ID is "good@example.com", an e-mail address, not a lead ID$/, field: 'lead' },
	},
	{
		name: 'Get by ID: a ProspectAutoId',
		parameters: get('id'),
		items: [{ lookup: ID }, { lookup: 1016 }],
		error: { item: 1, message: /^Lead → lead ID is "1016", which is not a lead ID$/, field: 'lead' },
	},
	{
		name: 'From List: an expression giving an object',
		parameters: get('list'),
		items: [{ lookup: ID }, { lookup: { id: ID } }],
		error: { item: 1, message: /^Lead → lead ID is an object, not a lead ID$/, field: 'lead' },
	},
	{
		name: 'Get by Email: not an address',
		parameters: get('email'),
		items: [{ lookup: 'good@example.com' }, { lookup: 'good.example.com' }],
		error: { item: 1, message: /^Lead → e-mail address is "good\.example\.com", which is not an e-mail address$/, field: 'lead' },
	},
	{
		name: 'Get by Email: null',
		parameters: get('email'),
		items: [{ lookup: 'good@example.com' }, { lookup: null }],
		error: { item: 1, message: /^Lead → e-mail address is (empty|null, not an e-mail address)$/, field: 'lead' },
	},
	{
		name: 'Get by Phone: letters',
		parameters: get('phone'),
		items: [{ lookup: '9845098450' }, { lookup: '98450-CALL-ME' }],
		error: { item: 1, message: /^Lead → phone number is "98450-CALL-ME", which is not a phone number$/, field: 'lead' },
	},
	{
		name: 'Get by Phone: too few digits',
		parameters: get('phone'),
		items: [{ lookup: '9845098450' }, { lookup: '+91' }],
		error: { item: 1, message: /^Lead → phone number is "\+91", which has 2 digits; a phone number has 5 to 20$/, field: 'lead' },
	},
	{
		name: 'Get: Fields to Return that is not a list of names',
		parameters: get('id', { fieldsToReturn: '={{ 42 }}' }),
		items: [{ lookup: ID }, { lookup: ID }],
		error: { item: 0, message: /^Options → Fields to Return is 42, which is not a list of field names$/, field: 'fieldsToReturn' },
		everyItem: true,
	},
	// ---------------------------------------------------------------- Lead → Get Many
	{
		name: 'Get Many: a condition on a field the account does not have',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'mx_Town', value: 'Pune' }],
		error: { item: 1, message: /^Condition 1: "mx_Town" is not a lead field of your LeadSquared account$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a condition on a custom field set',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'mx_KYC', value: 'x' }],
		error: { item: 1, message: /^Condition 1: "mx_KYC" is a custom field set, which LeadSquared cannot search or sort by$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a condition without a field',
		parameters: many(),
		items: [GOOD_CONDITION, { field: '', value: 'x' }],
		error: { item: 1, message: /^Condition 1 has no field$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a condition without a value',
		parameters: many(),
		items: [GOOD_CONDITION, { value: '  ' }],
		error: { item: 1, message: /^Condition 1 \(mx_City =\) has no value$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a number condition with a word',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'Score', operator: 'greaterThan', value: 'ten' }],
		error: { item: 1, message: /^Condition 1 \(Score >\): the value is "ten", which is not a number$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a date condition that is not a date',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'mx_Date_of_Birth', operator: 'lessThan', value: '31/12/1990' }],
		error: { item: 1, message: /^Condition 1 \(mx_Date_of_Birth <\): the value is "31\/12\/1990", which is not a date/, field: 'conditions' },
	},
	{
		name: 'Get Many: a true/false condition with another word',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'mx_Newsletter', value: 'sometimes' }],
		error: { item: 1, message: /^Condition 1 \(mx_Newsletter =\): the value is "sometimes", which is not true or false$/, field: 'conditions' },
	},
	{
		name: 'Get Many: an operator LeadSquared does not know',
		parameters: many(),
		items: [GOOD_CONDITION, { operator: '!=', value: 'Pune' }],
		error: { item: 1, message: /^Condition 1 \(mx_City\): the operator "!=" is not one LeadSquared knows$/, field: 'conditions' },
	},
	{
		name: 'Get Many: a dropdown value that is not one of its options',
		parameters: many(),
		items: [GOOD_CONDITION, { field: 'ProspectStage', value: 'Unicorn' }],
		error: { item: 1, message: /^Condition 1 \(ProspectStage =\): the value is "Unicorn", which is not one of its options/, field: 'conditions' },
	},
	{
		name: 'Get Many: Limit 0',
		parameters: many({ limit: '={{ $json.limit }}' }),
		items: [{ ...GOOD_CONDITION, limit: 5 }, { ...GOOD_CONDITION, limit: 0 }],
		error: { item: 1, message: /^Limit is 0; it must be a whole number of 1 or more$/, field: 'limit' },
	},
	{
		name: 'Get Many: a Limit that is not a whole number',
		parameters: many({ limit: '={{ $json.limit }}' }),
		items: [{ ...GOOD_CONDITION, limit: 5 }, { ...GOOD_CONDITION, limit: 2.5 }],
		error: { item: 1, message: /^Limit is 2\.5; it must be a whole number of 1 or more$/, field: 'limit' },
	},
	{
		name: 'Get Many: empty quick search text',
		parameters: many({ searchMode: 'quickSearch', quickSearchText: '={{ $json.value }}' }),
		items: [{ value: 'Good' }, { value: '' }],
		error: { item: 1, message: /^Search Text is empty$/, field: 'quickSearchText' },
	},
	{
		name: 'Get Many: Page Size above 5000',
		parameters: many({}, { pageSize: 6000 }),
		items: [GOOD_CONDITION, GOOD_CONDITION],
		error: { item: 0, message: /^Options → Page Size is 6000; it must be from 1 to 5000$/, field: 'pageSize' },
		everyItem: true,
	},
	{
		name: 'Get Many: a Sort Direction that is neither',
		parameters: many({}, { sortDirection: '={{ "sideways" }}' }),
		items: [GOOD_CONDITION, GOOD_CONDITION],
		error: { item: 0, message: /^Options → Sort Direction is "sideways"; it must be "ascending" or "descending"$/, field: 'sortDirection' },
		everyItem: true,
	},
	{
		name: 'Get Many: sorting by a custom field set',
		parameters: many({}, { sortBy: 'mx_KYC' }),
		items: [GOOD_CONDITION, GOOD_CONDITION],
		error: { item: 0, message: /^Options → Sort Field: "mx_KYC" is a custom field set/, field: 'sortBy' },
		everyItem: true,
	},
];

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: SEED });

const reads = () => sandbox.log.filter((entry) => READS.includes(entry.endpoint ?? ''));

async function run(testCase: Case, continueOnFail: boolean) {
	return await runLeadSquared({
		parameters: testCase.parameters,
		items: testCase.items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		continueOnFail,
	});
}

describe('Lead → Get and Get Many: bad input', () => {
	it('has a case for each way in', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(20);
	});

	it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('stop on fail — %s', async (_name, testCase) => {
		const result = await run(testCase, false);
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(new RegExp(`${testCase.error.message.source.replace(/\$$/, '')}.* \\[item ${testCase.error.item}\\]$`));
		expect(result.error?.context?.itemIndex).toBe(testCase.error.item);
		expect(reads()).toHaveLength(0);
	});

	it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('continue on fail — %s', async (_name, testCase) => {
		const result = await run(testCase, true);
		expect(result.status).toBe('success');
		const failed = testCase.everyItem ? testCase.items.map((_, index) => index) : [testCase.error.item];
		for (const index of failed) {
			const item = result.items.find((entry) => (entry.pairedItem as { item: number }).item === index && entry.json.error !== undefined);
			expect(item?.json.error).toMatch(new RegExp(testCase.error.message.source.replace(/\$$/, '')));
			expect(item?.json.details).toMatchObject({ itemIndex: index, field: testCase.error.field });
		}
		const found = result.items.filter((entry) => entry.json.error === undefined);
		if (testCase.everyItem) {
			expect(found).toHaveLength(0);
			expect(reads()).toHaveLength(0);
		} else {
			// The good item found its lead; only it was read.
			expect(found.map((entry) => [entry.json.ProspectID, entry.pairedItem])).toEqual([[ID, { item: 0 }]]);
			expect(reads()).toHaveLength(1);
		}
	});
});
