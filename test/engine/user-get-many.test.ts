/**
 * User → Get Many through n8n's engine against the sandbox: every user (`Users.Get`: one call, deactivated
 * users included, the node's filters and limit), or the users that meet conditions (`User/AdvancedSearch`,
 * the documented body, page after page under the sandbox's default unstable tie order: each user exactly
 * once, never a partial list). The id is always `UserId`. Bad input refused before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { UserDefinition } from '../../sandbox/crm-types';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { ADMIN_ID, ASHA, INACTIVE_USER_EMAIL, parameters, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const KARAN_ID = '190e7b6f-39da-11e6-b61b-22000aa8e760';

async function getMany(values: IDataObject, items: IDataObject[] = [{}], options: IDataObject = {}, continueOnFail = false): Promise<RunResult> {
	return await runLeadSquared({
		parameters: parameters('user', 'getMany', values, options),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		continueOnFail,
	});
}

const ids = (result: RunResult) => result.items.map((item) => item.json.UserId);
const search = (conditions: IDataObject[], extra: IDataObject = {}) => ({ source: 'search', conditions: { condition: conditions }, returnAll: true, ...extra });

/** `count` users whose first names repeat (three names), all under one e-mail domain. */
function crowd(count: number): UserDefinition[] {
	const names = ['Rahul', 'Priya', 'Amit'];
	return Array.from({ length: count }, (_, n) => ({
		id: `5a000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		firstName: names[n % names.length],
		lastName: `Member ${n}`,
		emailAddress: `member${n}@crowd.example`,
		role: 'Sales_User',
	}));
}

describe('User → Get Many: all users (Users.Get)', () => {
	it('every user, deactivated ones included, in LeadSquared\'s order, id as UserId (not ID); one call; all paired to the item', async () => {
		const result = await getMany({ source: 'all', returnAll: true });

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'Users.Get')).toHaveLength(1);
		expect(ids(result)).toEqual([ADMIN_ID, VIR.id, ASHA.id, KARAN_ID]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(result.items.every((item) => Object.keys(item.json)[0] === 'UserId' && !('ID' in item.json))).toBe(true);
		expect(result.items[3].json).toMatchObject({ EmailAddress: INACTIVE_USER_EMAIL, StatusCode: 1 });
	});

	it('filters: status, role, group, name or e-mail; the limit applies after them', async () => {
		const run = async (filters: IDataObject, extra: IDataObject = { returnAll: true }) => ids(await getMany({ source: 'all', filters, ...extra }));
		expect(await run({ status: 'active' })).toEqual([ADMIN_ID, VIR.id, ASHA.id]);
		expect(await run({ status: 'deactivated' })).toEqual([KARAN_ID]);
		expect(await run({ role: 'Sales_User' })).toEqual([ASHA.id, KARAN_ID]);
		expect(await run({ role: 'Sales_User', status: 'active' })).toEqual([ASHA.id]);
		expect(await run({ group: 'north india' })).toEqual([VIR.id, ASHA.id]);
		expect(await run({ search: 'SINGH' })).toEqual([VIR.id]);
		expect(await run({ status: 'active' }, { returnAll: false, limit: 2 })).toEqual([ADMIN_ID, VIR.id]);
	});

	it('one item per input item: each item\'s own filters, paired to it', async () => {
		const result = await getMany({ source: 'all', filters: { search: '={{ $json.name }}' }, returnAll: true }, [{ name: 'asha' }, { name: 'vir' }]);
		expect(result.items.map((item) => [item.json.UserId, item.pairedItem])).toEqual([
			[ASHA.id, { item: 0 }],
			[VIR.id, { item: 1 }],
		]);
	});
});

describe('User → Get Many: users matching conditions (User/AdvancedSearch)', () => {
	it('sends the documented body: one group, conditions joined by AND or OR, every column, sorted, paged', async () => {
		const result = await getMany(search([{ field: 'Role', operator: 'eq', value: 'Sales_User' }, { field: 'FirstName', operator: 'lik', value: 'as' }]));

		expect(result.status).toBe('success');
		expect(ids(result)).toEqual([ASHA.id]);
		expect(calls(sandbox, 'User/AdvancedSearch')[0].body).toEqual({
			Columns: { Include_CSV: '*' },
			GroupConditions: [
				{
					Condition: [
						{ LookupName: 'Role', Operator: 'eq', LookupValue: 'Sales_User', ConditionOperator: 'AND' },
						{ LookupName: 'FirstName', Operator: 'lik', LookupValue: 'as', ConditionOperator: null },
					],
					GroupOperator: null,
				},
			],
			GroupOperator: null,
			Sorting: [{ ColumnName: 'FirstName', Direction: 0 }],
			Paging: { PageIndex: 1, PageSize: 100 },
		});
		expect(result.items[0].json).toMatchObject({ UserId: ASHA.id, EmailAddress: ASHA.email, Designation: 'Sales Executive' });

		const any = await getMany(search([{ field: 'FirstName', operator: 'lik', value: 'vir' }, { field: 'LastName', operator: 'lik', value: 'rao' }], { match: 'any' }), [{}], { sortBy: 'EmailAddress', sortDirection: 'descending' });
		expect(ids(any)).toEqual([VIR.id, ASHA.id]);
		expect(calls(sandbox, 'User/AdvancedSearch')[1].body).toMatchObject({ Sorting: [{ ColumnName: 'EmailAddress', Direction: 1 }] });
	});

	it('reads every page under the unstable tie order: 230 users with three first names, each exactly once, in name order', async () => {
		sandbox.configure({ users: crowd(230) });
		try {
			const all = await getMany(search([{ field: 'EmailAddress', operator: 'lik', value: '@crowd.example' }]));
			expect(all.status).toBe('success');
			expect(new Set(ids(all)).size).toBe(230);
			expect(all.items).toHaveLength(230);
			const names = all.items.map((item) => item.json.FirstName);
			expect(names).toEqual([...names].sort());
			expect(calls(sandbox, 'User/AdvancedSearch').length).toBeGreaterThanOrEqual(3);

			const first = await getMany(search([{ field: 'EmailAddress', operator: 'lik', value: '@crowd.example' }], { returnAll: false, limit: 120 }));
			expect(first.items).toHaveLength(120);
			expect(new Set(ids(first)).size).toBe(120);
			// The first 120 in name order: every Amit (76), then Priya.
			expect(first.items.filter((item) => item.json.FirstName === 'Amit')).toHaveLength(76);
			expect(first.items.slice(76).every((item) => item.json.FirstName === 'Priya')).toBe(true);
		} finally {
			sandbox.configure({ users: undefined });
		}
	});

	it('a search that finds nobody gives no item; with continue on fail a bad item is an error item, paired, and the good one is searched', async () => {
		const none = await getMany(search([{ field: 'FirstName', operator: 'eq', value: 'Nobody' }]));
		expect(none.status).toBe('success');
		expect(none.items).toEqual([]);

		const result = await getMany(search([{ field: 'FirstName', operator: 'lik', value: '={{ $json.name }}' }]), [{ name: '' }, { name: 'asha' }], {}, true);
		expect(result.items.map((item) => [item.json.UserId ?? item.json.error, item.pairedItem])).toEqual([
			['Condition 1 (FirstName) has no value [item 0]', { item: 0 }],
			[ASHA.id, { item: 1 }],
		]);
	});

	it.each([
		['no condition', search([]), /^Search has no conditions \[item 0\]$/],
		['an empty value', search([{ field: 'City', operator: 'eq', value: '' }]), /^Condition 1 \(City\) has no value \[item 0\]$/],
		['a field that is not an attribute name', search([{ field: '={{ "First Name" }}', operator: 'eq', value: 'x' }]), /^Condition 1: "First Name" is not a user attribute name \[item 0\]$/],
		['a limit of 0', search([{ field: 'FirstName', operator: 'lik', value: 'a' }], { returnAll: false, limit: '={{ 0 }}' }), /^Limit is 0; it must be a whole number 1 or more \[item 0\]$/],
	])('refuses %s before anything is sent', async (_name, values, message) => {
		const result = await getMany(values);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(calls(sandbox, 'User/AdvancedSearch')).toHaveLength(0);
	});
});
