import { InputError, LeadSquaredError } from '../../nodes/LeadSquared/machinery/errors';
import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { collectPages, planSearch } from '../../nodes/LeadSquared/model/lead/paging';
import { pageSizeLimitIn } from '../../nodes/LeadSquared/machinery/pageReader';
import type { Page } from '../../nodes/LeadSquared/model/lead/paging';
import { allConditions, buildCondition, conditionTest, parseOperator, sortLeads } from '../../nodes/LeadSquared/model/lead/search';
import type { Condition } from '../../nodes/LeadSquared/model/lead/search';

const fields = new FieldIndex(
	parseLeadFields([
		{ SchemaName: 'FirstName', DataType: 'Text' },
		{ SchemaName: 'EmailAddress', DataType: 'Email' },
		{ SchemaName: 'Score', DataType: 'Number' },
		{ SchemaName: 'DoNotEmail', DataType: 'Boolean' },
		{ SchemaName: 'mx_DOB', DataType: 'Date' },
		{ SchemaName: 'mx_Seen', DataType: 'DateTime' },
		{ SchemaName: 'mx_Call_Time', DataType: 'Time' },
		{ SchemaName: 'ProspectStage', DataType: 'Select', Options: [{ Value: 'Prospect' }, { Value: 'Customer' }] },
		{ SchemaName: 'mx_KYC', DataType: 'CustomObject', RenderTypeTextValue: 'CustomObject' },
	]) ?? [],
);

const build = (field: unknown, operator: unknown, value: unknown, timezone = 'UTC') => buildCondition({ field, operator, value }, 2, fields, timezone);
const problem = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		return error instanceof InputError ? error.message : `not an InputError: ${String(error)}`;
	}
	return 'no error';
};

describe('conditions: checked and converted like lead values', () => {
	it('operators by name or by LeadSquared symbol', () => {
		expect(['equals', 'notEqual', 'greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'like'].map(parseOperator)).toEqual(['=', '<>', '>', '>=', '<', '<=', 'LIKE']);
		expect(['=', ' like ', '<>'].map(parseOperator)).toEqual(['=', 'LIKE', '<>']);
		expect(parseOperator('!=')).toBeUndefined();
	});

	it('converts by the field type', () => {
		expect(build('score', 'greaterThan', 12.5)).toEqual({ field: 'Score', kind: 'number', operator: '>', value: '12.5' });
		expect(build('DoNotEmail', 'equals', true)).toMatchObject({ kind: 'boolean', value: '1' });
		expect(build('mx_DOB', 'lessThan', '1990-05-17T23:30:00-05:00')).toMatchObject({ kind: 'date', value: '1990-05-17 00:00:00' });
		expect(build('mx_Seen', 'greaterOrEqual', '2024-05-01 10:30', 'Asia/Kolkata')).toMatchObject({ value: '2024-05-01 05:00:00' });
		expect(build('CreatedOn', 'greaterThan', new Date('2024-01-02T03:04:05Z'))).toMatchObject({ field: 'CreatedOn', kind: 'date', value: '2024-01-02 03:04:05' });
		expect(build('mx_Call_Time', 'equals', '9:30')).toMatchObject({ value: '09:30:00' });
		expect(build('ProspectStage', 'equals', 'customer')).toMatchObject({ value: 'Customer' });
		// LIKE takes the pattern as it is, whatever the field.
		expect(build('Score', 'like', '5%')).toMatchObject({ operator: 'LIKE', value: '5%' });
		expect(build('EmailAddress', 'like', '%@example.com')).toMatchObject({ value: '%@example.com' });
		expect(build('ProspectAutoId', 'greaterThan', 0)).toMatchObject({ field: 'ProspectAutoId', kind: 'number', value: '0' });
	});

	it('refuses what cannot match, naming the condition and the value', () => {
		expect(problem(() => build('Score', 'greaterThan', 'ten'))).toBe('Condition 2 (Score >): the value is "ten", which is not a number');
		expect(problem(() => build('mx_DOB', 'equals', '31/12/1990'))).toMatch(/^Condition 2 \(mx_DOB =\): the value is "31\/12\/1990", which is not a date/);
		expect(problem(() => build('DoNotEmail', 'equals', 'maybe'))).toBe('Condition 2 (DoNotEmail =): the value is "maybe", which is not true or false');
		expect(problem(() => build('ProspectStage', 'equals', 'Lost'))).toMatch(/is "Lost", which is not one of its options \(Prospect, Customer\)$/);
		expect(problem(() => build('FirstName', 'equals', '  '))).toBe('Condition 2 (FirstName =) has no value');
		expect(problem(() => build('FirstName', 'equals', { a: 1 }))).toMatch(/the value is an object; a condition takes one/);
		expect(problem(() => build('mx_Nope', 'equals', 'x'))).toBe(
			'Condition 2: "mx_Nope" is not a lead field of your LeadSquared account. Closest valid names: DoNotEmail (DoNotEmail), ProspectID (ProspectID), Score (Score), ProspectStage (ProspectStage), ProspectAutoId (ProspectAutoId).',
		);
		expect(problem(() => build('mx_KYC', 'equals', 'x'))).toMatch(/custom field set, which LeadSquared cannot search or sort by$/);
		expect(problem(() => build('', 'equals', 'x'))).toBe('Condition 2 has no field');
		expect(problem(() => build('Score', 'BETWEEN', '1'))).toMatch(/^Condition 2 \(Score\): the operator "BETWEEN" is not one LeadSquared knows$/);
	});
});

describe('the node checks conditions as LeadSquared does', () => {
	const condition = (field: string, operator: Condition['operator'], value: string, kind: Condition['kind'] = 'text'): Condition => ({ field, operator, value, kind });
	const leads = [
		{ id: 'a', FirstName: 'Asha', Score: '10', mx_DOB: '1990-05-17 00:00:00.000', DoNotEmail: '1' },
		{ id: 'b', FirstName: 'bala', Score: '9', mx_DOB: '1985-01-02 00:00:00.000', DoNotEmail: '0' },
		{ id: 'c', FirstName: null, Score: null, mx_DOB: null, DoNotEmail: null },
	];
	const ids = (test: (lead: Record<string, unknown>) => boolean) => leads.filter(test).map((lead) => lead.id);

	it('numbers numerically, text ignoring case, dates as dates, booleans as 1/0', () => {
		expect(ids(conditionTest(condition('Score', '>', '9.5', 'number')))).toEqual(['a']);
		expect(ids(conditionTest(condition('FirstName', '=', 'BALA')))).toEqual(['b']);
		expect(ids(conditionTest(condition('FirstName', '<', 'b')))).toEqual(['a']);
		expect(ids(conditionTest(condition('mx_DOB', '>=', '1990-05-17 00:00:00', 'date')))).toEqual(['a']);
		expect(ids(conditionTest(condition('DoNotEmail', '=', 'true', 'boolean')))).toEqual(['a']);
	});

	it('an empty field matches nothing, not even <>; LIKE covers the whole value', () => {
		expect(ids(conditionTest(condition('FirstName', '<>', 'Asha')))).toEqual(['b']);
		expect(ids(conditionTest(condition('FirstName', 'LIKE', 'a%')))).toEqual(['a']);
		expect(ids(conditionTest(condition('FirstName', 'LIKE', 'sha')))).toEqual([]);
		expect(ids(conditionTest(condition('FirstName', 'LIKE', '_ala')))).toEqual(['b']);
		expect(ids(conditionTest(condition('FirstName', 'LIKE', 'a.h%')))).toEqual([]);
		expect(ids(allConditions([condition('Score', '<', '100', 'number'), condition('FirstName', 'LIKE', '%A')]))).toEqual(['a', 'b']);
	});
});

describe('sorting in the node', () => {
	it('by kind, empty first ascending and last descending, ties by ProspectAutoId', () => {
		const leads = [
			{ ProspectID: 'x', ProspectAutoId: '3', Score: '5' },
			{ ProspectID: 'y', ProspectAutoId: '1', Score: '10' },
			{ ProspectID: 'z', ProspectAutoId: '2', Score: '5' },
			{ ProspectID: 'w', ProspectAutoId: '4', Score: null },
		];
		const order = (descending: boolean) => sortLeads(leads, { column: { field: 'Score', kind: 'number' }, descending }).map((lead) => lead.ProspectID);
		expect(order(false)).toEqual(['w', 'z', 'x', 'y']);
		expect(order(true)).toEqual(['y', 'z', 'x', 'w']);
	});
});

describe('paging plan', () => {
	const city = { column: { field: 'mx_City', kind: 'text' as const }, descending: true };
	const base = { returnAll: false, limit: 50, pageSize: 1000, filtersInNode: false, descending: false };

	it('Limit with one condition: one page of the limit; with node conditions: full pages', () => {
		expect(planSearch(base)).toEqual({ pageSize: 50, limit: 50, serverSort: { field: 'ProspectAutoId', descending: false } });
		expect(planSearch({ ...base, limit: 2500 }).pageSize).toBe(1000);
		expect(planSearch({ ...base, filtersInNode: true }).pageSize).toBe(1000);
	});

	it('Return All sorted by a field that is not unique: ProspectAutoId order, sorted by the node', () => {
		expect(planSearch({ ...base, returnAll: true, sort: city })).toEqual({
			pageSize: 1000,
			limit: undefined,
			serverSort: { field: 'ProspectAutoId', descending: false },
			nodeSort: city,
		});
		// With a Limit: LeadSquared pages by the field, the node reads the tied groups (leadTies.ts).
		expect(planSearch({ ...base, sort: city })).toEqual({ pageSize: 50, limit: 50, serverSort: { field: 'mx_City', descending: true }, groups: city });
		const unique = { column: { field: 'ProspectID', kind: 'text' as const }, descending: true };
		expect(planSearch({ ...base, returnAll: true, sort: unique })).toMatchObject({ serverSort: { field: 'ProspectID', descending: true } });
	});
});

describe('reading pages', () => {
	/** A server of `total` leads; with `shuffled`, the leads in a new order on every call (all tied on the sort field). */
	function server(total: number, shuffled = false, recordCount = false) {
		const requests: Array<[number, number]> = [];
		const fetch = async (pageIndex: number, pageSize: number): Promise<Page> => {
			requests.push([pageIndex, pageSize]);
			const all = Array.from({ length: total }, (_, n) => ({ ProspectID: `id-${n}`, n }));
			const ordered = shuffled ? all.map((lead) => ({ lead, key: Math.random() })).sort((a, b) => a.key - b.key).map((entry) => entry.lead) : all;
			const leads = ordered.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
			return recordCount ? { leads, recordCount: total } : { leads };
		};
		return { requests, fetch };
	}

	it('every lead once: repeats counted and dropped, gaps filled by reading the list again in pages of up to 5,000', async () => {
		const { requests, fetch } = server(1234, true);
		const collected = await collectPages({ pageSize: 100, fetch });
		expect(collected.leads).toHaveLength(1234);
		expect(new Set(collected.leads.map((lead) => lead.ProspectID)).size).toBe(1234);
		expect(collected.duplicates).toBeGreaterThan(0);
		expect(requests).toEqual([...Array.from({ length: 13 }, (_, i) => [i + 1, 100]), [1, 1234]]);
	});

	it('stops at the limit, and at RecordCount without an empty page', async () => {
		const limited = server(1000);
		expect((await collectPages({ pageSize: 100, limit: 150, fetch: limited.fetch })).leads).toHaveLength(150);
		expect(limited.requests).toEqual([
			[1, 100],
			[2, 100],
		]);
		const exact = server(300, false, true);
		expect((await collectPages({ pageSize: 100, fetch: exact.fetch })).calls).toBe(3);
		const exactArray = server(300);
		expect((await collectPages({ pageSize: 100, fetch: exactArray.fetch })).calls).toBe(4);
	});

	it('applies the node\'s conditions to each page', async () => {
		const { fetch } = server(500);
		const collected = await collectPages({ pageSize: 100, limit: 10, accept: (lead) => Number(lead.n) % 7 === 0, fetch });
		expect(collected.leads.map((lead) => lead.n)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 63]);
		expect(collected.calls).toBe(1);
	});

	it('lowers the page size to the maximum LeadSquared names on the first page', async () => {
		const refusal = new LeadSquaredError({ kind: 'business', message: 'LeadSquared refused the request: PageSize can not be more than 200', exceptionMessage: 'PageSize can not be more than 200' });
		expect(pageSizeLimitIn(refusal)).toBe(200);
		expect(pageSizeLimitIn(new LeadSquaredError({ kind: 'business', message: 'Invalid SqlOperator' }))).toBeUndefined();
		const { requests, fetch } = server(450);
		const collected = await collectPages({
			pageSize: 1000,
			fetch: async (pageIndex, pageSize) => {
				if (pageSize > 200) throw refusal;
				return await fetch(pageIndex, pageSize);
			},
		});
		expect(collected).toMatchObject({ calls: 4, pageSize: 200 });
		expect(collected.leads).toHaveLength(450);
		expect(requests).toEqual([
			[1, 200],
			[2, 200],
			[3, 200],
		]);
	});

	it('other errors pass through unchanged', async () => {
		const error = new LeadSquaredError({ kind: 'business', message: 'Invalid SqlOperator' });
		await expect(collectPages({ pageSize: 10, fetch: async () => await Promise.reject(error) })).rejects.toBe(error);
	});

	it('a server that ignores PageIndex stops after three stale pages', async () => {
		let calls = 0;
		const same = async (): Promise<Page> => {
			calls++;
			return { leads: [{ ProspectID: 'a' }, { ProspectID: 'b' }] };
		};
		await expect(collectPages({ pageSize: 2, fetch: same })).rejects.toThrow(/3 full pages in a row/);
		expect(calls).toBe(4);
	});
});
