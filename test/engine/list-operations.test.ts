/**
 * List → Get Many (`Lists.Get`, page after page by PageIndex) and List → Create (`CreateEmptyList`, the name
 * looked up first) through n8n's engine against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, listSearch, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { calls, expectNoKeys, FAST, openSandbox } from './support';

const WEBINAR = '7b000000-0000-4000-8000-000000000001';
const CUSTOMERS = '7b000000-0000-4000-8000-000000000002';
const HOT = '7b000000-0000-4000-8000-000000000003';
const WEB_FORMS = '7b000000-0000-4000-8000-000000000004';
const REFRESH = '7b000000-0000-4000-8000-000000000005';
const LEAD = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f01';
const LISTS = [
	{ id: WEBINAR, name: 'Webinar May', type: 'static' as const, description: 'Signed up for the May webinar', leadIds: [LEAD] },
	{ id: CUSTOMERS, name: 'Customers', type: 'static' as const },
	{ id: HOT, name: 'Hot Leads', type: 'dynamic' as const, criteria: { LookupName: 'Score', LookupValue: '50', SqlOperator: '>' } },
	{ id: WEB_FORMS, name: 'Web Forms', type: 'dynamic' as const },
	{ id: REFRESH, name: 'Weekly Refresh', type: 'refreshable' as const },
];
/** The system lists (Starred Leads, All Leads) come first in Lists.Get. */
const ALL_IDS = ['3c6f3d0b-8374-11e7-ab78-02de49b06427', '3c6f4134-8374-11e7-ab78-02de49b06427', WEBINAR, CUSTOMERS, HOT, WEB_FORMS, REFRESH];

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'member@lists.example', LastName: 'Member' }], lists: LISTS });
});
beforeEach(() => {
	sandbox.configure({ lists: LISTS, listsPageSize: 2, listDuplicateNames: undefined, answerForms: undefined });
	sandbox.reset();
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

function parameters(operation: string, values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	return { resource: 'list', operation, ...values, options: { ...FAST, ...options } } as INodeParameters;
}

async function run(params: INodeParameters, items: IDataObject[] = [{}], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters: params, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const listReads = () => calls(sandbox, 'Lists.Get').map((entry) => entry.query);
const creates = () => calls(sandbox, 'CreateEmptyList');

describe('List → Get Many', () => {
	it('Return All: every list once, page after page by PageIndex until a shorter page, as LeadSquared returns them', async () => {
		const result = await run(parameters('getMany', { returnAll: true }));
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.ListId)).toEqual(ALL_IDS);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// 7 lists in pages of 2: the 4th page holds one, so it is the last.
		expect(listReads()).toEqual([1, 2, 3, 4].map((page) => ({ PageIndex: String(page) })));
		expect(result.items[2].json).toEqual({ ListId: WEBINAR, ListName: 'Webinar May', ListDescription: 'Signed up for the May webinar', ListType: 'static', MemberCount: 1 });
		expectNoKeys(sandbox, result);
	});

	it('a list count that fills the last page: one more call finds the empty page', async () => {
		sandbox.configure({ listsPageSize: 7 });
		const result = await run(parameters('getMany', { returnAll: true }));
		expect(result.items).toHaveLength(7);
		expect(listReads()).toEqual([{ PageIndex: '1' }, { PageIndex: '2' }]);
	});

	it('List Type and Search Text go to LeadSquared as ListType and SearchText', async () => {
		const result = await run(parameters('getMany', { listType: 'dynamic', searchText: ' web ', returnAll: true }));
		expect(result.items.map((item) => item.json.ListName)).toEqual(['Web Forms']);
		// A first page of one list may be all LeadSquared pages by: the empty second page ends the read.
		expect(listReads()).toEqual([1, 2].map((page) => ({ PageIndex: String(page), ListType: '1', SearchText: 'web' })));
		const refreshable = await run(parameters('getMany', { listType: 'refreshable', returnAll: true }));
		expect(refreshable.items.map((item) => item.json.ListId)).toEqual([REFRESH]);
	});

	it('a Limit stops reading once enough lists came', async () => {
		const result = await run(parameters('getMany', { limit: 3 }));
		expect(result.items.map((item) => item.json.ListId)).toEqual(ALL_IDS.slice(0, 3));
		expect(listReads()).toHaveLength(2);
	});

	it('an account that ignores ListType: lists of other types are not returned', async () => {
		const rows = [
			{ ListId: WEBINAR, ListName: 'Webinar May', ListDescription: '', ListType: 'static', MemberCount: '1' },
			{ ListId: HOT, ListName: 'Hot Leads', ListDescription: '', ListType: 'dynamic', MemberCount: '0' },
		];
		sandbox.injectFault({ type: 'json', endpoint: 'Lists.Get', body: rows });
		sandbox.injectFault({ type: 'json', endpoint: 'Lists.Get', body: [] });
		const result = await run(parameters('getMany', { listType: 'static', returnAll: true }));
		expect(result.items.map((item) => item.json)).toEqual([{ ...rows[0], MemberCount: 1 }]);
	});

	it('an account that ignores PageIndex (the same page again): read once, no list twice, no endless paging', async () => {
		const page = [{ ListId: WEBINAR, ListName: 'Webinar May', ListType: 'static', MemberCount: 1 }];
		sandbox.injectFault({ type: 'json', endpoint: 'Lists.Get', body: page, count: 5 });
		const result = await run(parameters('getMany', { returnAll: true }));
		expect(result.items.map((item) => item.json.ListId)).toEqual([WEBINAR]);
		expect(listReads()).toHaveLength(2);
	});

	it('lists wrapped in {Status, Message} are read too; Typed Values off keeps MemberCount as LeadSquared gave it', async () => {
		sandbox.configure({ answerForms: { lists: 'wrapped' } });
		const result = await run(parameters('getMany', { searchText: 'Customers', returnAll: true }, { typedValues: false }));
		expect(result.items.map((item) => item.json)).toEqual([{ ListId: CUSTOMERS, ListName: 'Customers', ListDescription: '', ListType: 'static', MemberCount: 0 }]);
	});

	it('nothing found: no item for that input item; each item reads its own search', async () => {
		const result = await run(parameters('getMany', { searchText: '={{ $json.name }}', returnAll: true }), [{ name: 'no such list' }, { name: 'hot' }]);
		expect(result.items.map((item) => [item.json.ListId, item.pairedItem])).toEqual([[HOT, { item: 1 }]]);
	});
});

describe('List → Create', () => {
	it('creates an empty static list after looking the name up; Add to List then takes it', async () => {
		const result = await run(parameters('create', { name: 'Webinar June', listDescription: 'June webinar sign-ups' }));
		expect(result.status).toBe('success');
		const created = sandbox.lists().find((list) => list.name === 'Webinar June');
		expect(created).toMatchObject({ type: 'static', description: 'June webinar sign-ups', leadIds: [] });
		expect(result.items).toEqual([{ json: { status: 'Success', listId: created?.id, listName: 'Webinar June', created: true }, pairedItem: { item: 0 } }]);
		expect(listReads()).toEqual([{ PageIndex: '1', SearchText: 'Webinar June' }]);
		expect(creates().map((entry) => entry.body)).toEqual([{ Name: 'Webinar June', Description: 'June webinar sign-ups' }]);

		const add = await runLeadSquared({
			parameters: { resource: 'lead', operation: 'addToList', list: { __rl: true, mode: 'id', value: created?.id }, leadId: LEAD, options: FAST } as INodeParameters,
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
		});
		expect(add.items[0].json).toMatchObject({ status: 'Success', inList: true });
	});

	it('a name the account has (any letter case): the item fails and nothing is created', async () => {
		const result = await run(parameters('create', { name: 'webinar MAY' }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`A list named "Webinar May" already exists in this LeadSquared account (a static list, ID ${WEBINAR})`);
		expect(result.error?.description).toMatch(/Return the Existing List/);
		expect(creates()).toHaveLength(0);
	});

	it('"Return the Existing List": the static list of that name with created: false, nothing created', async () => {
		const result = await run(parameters('create', { name: 'Customers' }, { ifNameTaken: 'useExisting' }));
		expect(result.items).toEqual([{ json: { status: 'Success', listId: CUSTOMERS, listName: 'Customers', created: false }, pairedItem: { item: 0 } }]);
		expect(creates()).toHaveLength(0);
	});

	it('"Return the Existing List" when a dynamic list has the name: fails, saying so', async () => {
		const result = await run(parameters('create', { name: 'Hot Leads' }, { ifNameTaken: 'useExisting' }));
		expect(result.error?.message).toBe(`The list named "Hot Leads" is a dynamic list (ID ${HOT}), not a static list`);
		expect(creates()).toHaveLength(0);
	});

	it('"Create Anyway": no look-up; an account refusing the name answers MXDuplicateEntryException, kept in the error', async () => {
		const result = await run(parameters('create', { name: 'Customers' }, { ifNameTaken: 'create' }), [{}], { continueOnFail: true });
		expect(listReads()).toHaveLength(0);
		expect(creates()).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			error: 'A list named "Customers" already exists in this LeadSquared account',
			details: { exceptionType: 'MXDuplicateEntryException', exceptionMessage: "A list with the name 'Customers' already exists", itemIndex: 0 },
		});
	});

	it('"Create Anyway" on an account that allows duplicate names: a second list of the name', async () => {
		sandbox.configure({ listDuplicateNames: 'allow' });
		const result = await run(parameters('create', { name: 'Customers' }, { ifNameTaken: 'create' }));
		expect(result.items[0].json).toMatchObject({ status: 'Success', created: true, listName: 'Customers' });
		expect(sandbox.lists().filter((list) => list.name === 'Customers')).toHaveLength(2);
	});

	it('"Fail" on an account that allows duplicate names behaves the same: nothing created', async () => {
		sandbox.configure({ listDuplicateNames: 'allow' });
		const result = await run(parameters('create', { name: 'Customers' }), [{}], { continueOnFail: true });
		expect(result.items[0].json.error).toMatch(/^A list named "Customers" already exists/);
		expect(creates()).toHaveLength(0);
	});

	it('items with the same name run one after the other: one list, the second item gets it back; pairing kept', async () => {
		const result = await run(parameters('create', { name: '={{ $json.name }}' }, { ifNameTaken: 'useExisting' }), [{ name: 'Open Day' }, { name: 'open day' }, { name: 'Alumni' }]);
		const openDay = sandbox.lists().filter((list) => list.name.toLowerCase() === 'open day');
		expect(openDay).toHaveLength(1);
		expect(result.items.map((item) => [item.json.listId, item.json.created, item.pairedItem])).toEqual([
			[openDay[0].id, true, { item: 0 }],
			[openDay[0].id, false, { item: 1 }],
			[sandbox.lists().find((list) => list.name === 'Alumni')?.id, true, { item: 2 }],
		]);
	});

	it('continue on fail: a taken name becomes an error item paired to its input, the others are created', async () => {
		const result = await run(parameters('create', { name: '={{ $json.name }}' }), [{ name: 'Fresh One' }, { name: 'Customers' }, { name: 'Fresh Two' }], { continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((item) => item.json.created ?? item.json.error)).toEqual([true, expect.stringMatching(/already exists/), true]);
	});
});

describe("List parameter of Get Leads: every list of the account (listSearch.searchAllLists)", () => {
	it('lists static, dynamic and refreshable lists with their type and size, searchable by name, a page at a time', async () => {
		sandbox.configure({ listsPageSize: 100 });
		const all = await listSearch('searchAllLists', sandboxCredentials(sandbox));
		expect(all.results.map((entry) => entry.value)).toEqual(ALL_IDS);
		expect(all.results[2]).toEqual({ name: 'Webinar May', value: WEBINAR, description: 'static, 1 lead' });
		expect(all.results[4]).toEqual({ name: 'Hot Leads', value: HOT, description: 'dynamic, 0 leads' });
		expect(listReads()[0]).toEqual({ PageIndex: '1' });
		const found = await listSearch('searchAllLists', sandboxCredentials(sandbox), 'week');
		expect(found.results.map((entry) => entry.value)).toEqual([REFRESH]);
		expect(found.paginationToken).toBe(`2|${REFRESH}`);
	});
});
