/**
 * Lead → Get Many, what is found: each operator, sent to LeadSquared (first condition) and checked by the
 * node (later conditions) with the same result; several conditions; condition values converted like lead
 * values; quick search; sorting; Fields to Return; typed and raw values; one search per input item;
 * LeadSquared's errors and continue on fail.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { manyParameters, searchCalls } from './lead-get-many-support';
import type { ManySpec } from './lead-get-many-support';
import { calls, lead, useSandbox } from './support';

const SEED = [
	lead({ FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com', mx_City: 'Pune', Score: '10', mx_Date_of_Birth: '1990-05-17', mx_Newsletter: '1', Company: 'Acme' }),
	lead({ FirstName: 'Bala', LastName: 'Iyer', EmailAddress: 'bala@test.org', mx_City: 'Mumbai', Score: '55', mx_Date_of_Birth: '1985-01-02', mx_Newsletter: '0' }),
	lead({ FirstName: 'Chitra', LastName: 'Rao', EmailAddress: 'chitra@example.com', mx_City: 'Pune', Score: '80', mx_Date_of_Birth: '2000-12-31' }),
	lead({ FirstName: 'Dev', LastName: 'Shah', EmailAddress: 'dev@example.com', Score: '55', Company: 'Raoul Ltd' }),
	lead({ FirstName: 'Esha', LastName: 'Rao', EmailAddress: 'esha@test.org', mx_City: 'Delhi' }),
];

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: SEED });

async function getMany(spec: ManySpec, items: IDataObject[] = [{}], extra: Record<string, unknown> = {}) {
	return await runLeadSquared({
		parameters: manyParameters({ limit: 50, ...spec }),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		...extra,
	});
}

const names = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.FirstName);
/** A condition every lead meets, to put a condition second (checked by the node). */
const EVERY_LEAD = { field: 'ProspectAutoId', operator: 'greaterThan', value: '0' };

describe('operators, sent to LeadSquared and checked by the node alike', () => {
	it.each([
		['equals', 'mx_City', 'pune', ['Asha', 'Chitra']],
		['notEqual', 'mx_City', 'Pune', ['Bala', 'Esha']],
		['greaterThan', 'Score', '50', ['Bala', 'Chitra', 'Dev']],
		['lessThan', 'Score', '55', ['Asha']],
		['greaterOrEqual', 'Score', 55, ['Bala', 'Chitra', 'Dev']],
		['lessOrEqual', 'Score', '55', ['Asha', 'Bala', 'Dev']],
		['like', 'EmailAddress', '%@TEST.org', ['Bala', 'Esha']],
		['like', 'FirstName', '_sha', ['Asha', 'Esha']],
		['like', 'LastName', 'Ra', []],
	])('%s on %s %p', async (operator, field, value, expected) => {
		const first = await getMany({ conditions: [{ field, operator, value }] });
		expect(names(first.items)).toEqual(expected);
		const [sent] = searchCalls(sandbox);
		expect(sent.Parameter).toMatchObject({ LookupName: field, LookupValue: String(value) });

		sandbox.reset();
		const second = await getMany({ conditions: [EVERY_LEAD, { field, operator, value }] });
		expect(names(second.items)).toEqual(expected);
		expect(searchCalls(sandbox)).toHaveLength(1);
		expect(searchCalls(sandbox)[0].Parameter.LookupName).toBe('ProspectAutoId');
	});

	it('an expression may give LeadSquared\'s own symbol as the operator', async () => {
		const result = await getMany({ conditions: [{ field: 'Score', operator: '={{ ">=" }}', value: '80' }] });
		expect(names(result.items)).toEqual(['Chitra']);
		expect(searchCalls(sandbox)[0].Parameter.SqlOperator).toBe('>=');
	});
});

describe('several conditions', () => {
	it('all must hold: LeadSquared filters on the first, the node on the others, in one call', async () => {
		const result = await getMany({
			conditions: [
				{ field: 'LastName', value: 'Rao' },
				{ field: 'mx_City', value: 'Pune' },
				{ field: 'Score', operator: 'greaterThan', value: '20' },
			],
		});
		expect(names(result.items)).toEqual(['Chitra']);
		expect(searchCalls(sandbox)).toEqual([expect.objectContaining({ Parameter: { LookupName: 'LastName', LookupValue: 'Rao', SqlOperator: '=' } })]);
	});

	it('an empty field meets no condition in the node either, not even "not equal"', async () => {
		const result = await getMany({ conditions: [{ field: 'LastName', value: 'Rao' }, { field: 'Score', operator: 'notEqual', value: '10' }] });
		expect(names(result.items)).toEqual(['Chitra']);
	});

	it('with Fields to Return, the other conditions\' fields are asked for and then left out', async () => {
		const result = await getMany({
			conditions: [{ field: 'LastName', value: 'Rao' }, { field: 'mx_City', value: 'Pune' }],
			options: { fieldsToReturn: ['FirstName'] },
		});
		expect(searchCalls(sandbox)[0].Columns).toEqual({ Include_CSV: 'ProspectID,FirstName,mx_City' });
		expect(result.items.map((item) => Object.keys(item.json).sort())).toEqual([
			['FirstName', 'ProspectID'],
			['FirstName', 'ProspectID'],
		]);
	});
});

describe('condition values are converted like lead values', () => {
	it('dates: a Date field compares calendar days, sent in LeadSquared\'s format', async () => {
		const result = await getMany({ conditions: [{ field: 'mx_Date_of_Birth', operator: 'greaterOrEqual', value: '1990-05-17T23:30:00-05:00' }] });
		expect(searchCalls(sandbox)[0].Parameter.LookupValue).toBe('1990-05-17 00:00:00');
		expect(names(result.items)).toEqual(['Asha', 'Chitra']);
	});

	it('date-times without a zone are read in the workflow\'s time zone when asked, and sent in UTC', async () => {
		await getMany(
			{ conditions: [{ field: 'CreatedOn', operator: 'lessThan', value: '2024-05-01 10:30' }], options: { dateTimezone: 'workflow' } },
			[{}],
			{ timezone: 'Asia/Kolkata' },
		);
		expect(searchCalls(sandbox)[0].Parameter.LookupValue).toBe('2024-05-01 05:00:00');
	});

	it('a date checked by the node: compared as a date', async () => {
		const result = await getMany({ conditions: [EVERY_LEAD, { field: 'mx_Date_of_Birth', operator: 'lessThan', value: '={{ DateTime.fromISO("1990-01-01") }}' }] });
		expect(names(result.items)).toEqual(['Bala']);
	});

	it('true/false as 1/0, numbers as numbers', async () => {
		const result = await getMany({ conditions: [{ field: 'mx_Newsletter', value: '={{ true }}' }] });
		expect(searchCalls(sandbox)[0].Parameter.LookupValue).toBe('1');
		expect(names(result.items)).toEqual(['Asha']);
		// the word, typed by hand: LeadSquared answers HTTP 500 to "false" in a filter on a live account, "0" works
		sandbox.reset();
		const word = await getMany({ conditions: [{ field: 'mx_Newsletter', value: 'false' }] });
		expect(searchCalls(sandbox)[0].Parameter.LookupValue).toBe('0');
		expect(names(word.items)).toEqual(['Bala']);
		sandbox.reset();
		const numbers = await getMany({ conditions: [{ field: 'Score', operator: 'greaterThan', value: '={{ 54.5 }}' }] });
		expect(searchCalls(sandbox)[0].Parameter.LookupValue).toBe('54.5');
		expect(names(numbers.items)).toEqual(['Bala', 'Chitra', 'Dev']);
	});
});

describe('quick search', () => {
	it('Leads.GetByQuickSearch once: leads whose name, e-mail address or company contain the text', async () => {
		const result = await getMany({ quick: 'rao' });
		expect(calls(sandbox, 'Leads.GetByQuickSearch').map((entry) => entry.query)).toEqual([{ key: 'rao' }]);
		expect(searchCalls(sandbox)).toHaveLength(0);
		expect(names(result.items)).toEqual(['Asha', 'Chitra', 'Dev', 'Esha']);
	});

	it('with a limit, a sort field and Fields to Return', async () => {
		const result = await getMany({ quick: 'Rao', limit: 2, options: { sortBy: 'FirstName', sortDirection: 'descending', fieldsToReturn: ['FirstName'] } });
		expect(result.items.map((item) => item.json)).toEqual([
			{ ProspectID: expect.any(String), FirstName: 'Esha' },
			{ ProspectID: expect.any(String), FirstName: 'Dev' },
		]);
	});
});

describe('sorting', () => {
	it('Sort Field and Direction are sent to LeadSquared; ties come in creation order, empty values last when descending', async () => {
		const result = await getMany({ options: { sortBy: 'Score', sortDirection: 'descending' } });
		expect(searchCalls(sandbox)[0].Sorting).toEqual({ ColumnName: 'Score', Direction: '1' });
		expect(names(result.items)).toEqual(['Chitra', 'Bala', 'Dev', 'Asha', 'Esha']);
	});

	it('Return All sorted by a field that is not unique: the node sorts the result the same way', async () => {
		const result = await getMany({ returnAll: true, options: { sortBy: 'Score', sortDirection: 'descending' } });
		expect(searchCalls(sandbox)[0].Sorting).toEqual({ ColumnName: 'ProspectAutoId', Direction: '0' });
		expect(names(result.items)).toEqual(['Chitra', 'Bala', 'Dev', 'Asha', 'Esha']);
		const ascending = await getMany({ returnAll: true, options: { sortBy: 'Score' } });
		expect(names(ascending.items)).toEqual(['Esha', 'Asha', 'Bala', 'Dev', 'Chitra']);
	});
});

describe('output', () => {
	it('Fields to Return: Include_CSV with ProspectID, and only those fields out', async () => {
		const result = await getMany({ conditions: [{ field: 'FirstName', value: 'Asha' }], options: { fieldsToReturn: ['Score', 'FirstName'] } });
		expect(searchCalls(sandbox)[0].Columns).toEqual({ Include_CSV: 'ProspectID,Score,FirstName' });
		expect(result.items[0].json).toEqual({ ProspectID: expect.any(String), FirstName: 'Asha', Score: 10 });
	});

	it('typed values by default in version 1.1; LeadSquared\'s text when turned off', async () => {
		const typed = await getMany({ conditions: [{ field: 'FirstName', value: 'Asha' }] });
		expect(typed.items[0].json).toMatchObject({ Score: 10, mx_Newsletter: true, mx_Date_of_Birth: '1990-05-17', CreatedOn: expect.stringMatching(/Z$/) });
		const raw = await getMany({ conditions: [{ field: 'FirstName', value: 'Asha' }], options: { typedValues: false } });
		expect(raw.items[0].json).toMatchObject({ Score: '10', mx_Newsletter: '1', mx_Date_of_Birth: '1990-05-17 00:00:00.000' });
	});

	it('each input item runs its own search; every lead is paired to the item that found it', async () => {
		const result = await getMany({ conditions: [{ field: 'mx_City', value: '={{ $json.city }}' }] }, [{ city: 'Pune' }, { city: 'Nowhere' }, { city: 'Delhi' }]);
		expect(result.items.map((item) => [item.json.FirstName, item.pairedItem])).toEqual([
			['Asha', { item: 0 }],
			['Chitra', { item: 0 }],
			['Esha', { item: 2 }],
		]);
		expect(searchCalls(sandbox)).toHaveLength(3);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
	});
});

describe('LeadSquared\'s errors', () => {
	it('Continue on Fail: the failed search is one error item paired to its input, the other searches go on', async () => {
		sandbox.injectFault({
			endpoint: 'Leads.Get',
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXUnknownAttributeException', ExceptionMessage: 'Attribute(s) does not exist - mx_City' },
		});
		const result = await getMany({ conditions: [{ field: 'mx_City', value: '={{ $json.city }}' }], options: { concurrency: 1 } }, [{ city: 'Pune' }, { city: 'Delhi' }], {
			continueOnFail: true,
		});
		expect(result.items[0]).toMatchObject({
			json: { error: expect.stringContaining('Attribute(s) does not exist'), details: { exceptionType: 'MXUnknownAttributeException', itemIndex: 0 } },
			pairedItem: { item: 0 },
		});
		expect(result.items.slice(1).map((item) => [item.json.FirstName, item.pairedItem])).toEqual([['Esha', { item: 1 }]]);
	});

	it('without it, the node stops with LeadSquared\'s reason and the item', async () => {
		sandbox.injectFault({
			endpoint: 'Leads.Get',
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid value for attribute mx_City' },
		});
		const result = await getMany({ conditions: [{ field: 'mx_City', value: 'Pune' }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('LeadSquared refused the request: Invalid value for attribute mx_City');
		expect(result.error?.description).toContain('MXInvalidInputException');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('a Sort Field that is not a lead field fails every item before any search', async () => {
		const result = await getMany({ conditions: [{ field: 'mx_City', value: 'Pune' }], options: { sortBy: 'mx_KYC_Status' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Options → Sort Field: "mx_KYC_Status" is not a lead field of your LeadSquared account\. Closest valid names: [^[]+\. \[item 0\]$/);
		expect(searchCalls(sandbox)).toHaveLength(0);
	});
});
