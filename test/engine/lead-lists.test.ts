/**
 * Lead → Add to List and Lead → Remove from List through n8n's engine against the sandbox: the list from
 * the account's static lists (searchable, paged) or by id; items for the same list in one
 * AddLeadsToStaticList call with a result per item; leads already in the list, unknown leads, dynamic and
 * unknown lists; removal one lead per call.
 */
import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, listSearch, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { calls, FAST, openSandbox } from './support';

const lead = (n: number) => `2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f0${n}`;
const [L1, L2, L3, L4] = [1, 2, 3, 4].map(lead);
const UNKNOWN = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5fff';
const WEBINAR = '7a000000-0000-4000-8000-000000000001';
const CUSTOMERS = '7a000000-0000-4000-8000-000000000002';
const HOT = '7a000000-0000-4000-8000-000000000003';
const NO_LIST = '7a000000-0000-4000-8000-0000000000ff';
const LISTS = [
	{ id: WEBINAR, name: 'Webinar May', type: 'static' as const },
	{ id: CUSTOMERS, name: 'Customers', type: 'static' as const, leadIds: [L1] },
	{ id: HOT, name: 'Hot Leads', type: 'dynamic' as const, criteria: { LookupName: 'Score', LookupValue: '50', SqlOperator: '>' } },
];

let sandbox: Sandbox;
beforeAll(async () => {
	const leads = [1, 2, 3, 4].map((n) => ({ ProspectID: lead(n), EmailAddress: `l${n}@lists.example`, LastName: `Lead ${n}` }));
	sandbox = await openSandbox({ leads, lists: LISTS });
});
beforeEach(() => {
	sandbox.configure({ lists: LISTS, listUnknownLeads: undefined, listRemoveNonMember: undefined, listsPageSize: undefined });
	sandbox.reset();
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

type Locator = { mode: 'list' | 'id'; value: string };
const fromList = (value: string): Locator => ({ mode: 'list', value });

function parameters(operation: 'addToList' | 'removeFromList', list: Locator | string, leadId: string, options: IDataObject = {}): INodeParameters {
	const locator = typeof list === 'string' ? { mode: 'id', value: list } : list;
	return { resource: 'lead', operation, list: { __rl: true, ...locator }, leadId, options: { ...FAST, ...options } as NodeParameterValueType };
}

async function run(params: INodeParameters, items: IDataObject[] = [{}], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters: params, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const members = (id: string) => sandbox.lists().find((list) => list.id === id)?.leadIds;
const adds = () => calls(sandbox, 'AddLeadsToStaticList');
const byItem = (list: string = '={{ $json.list }}') => parameters('addToList', list.startsWith('=') ? list : fromList(list), '={{ $json.lead }}');

describe('Lead → Add to List', () => {
	it('items for the same list share one call; each item gets its own result, paired', async () => {
		const result = await run(byItem(WEBINAR), [{ lead: L1 }, { lead: L2 }, { lead: L3 }]);
		expect(result.status).toBe('success');
		expect(adds().map((entry) => entry.body)).toEqual([{ listId: WEBINAR, leadIds: [L1, L2, L3] }]);
		expect(result.items).toEqual(
			[L1, L2, L3].map((leadId, index) => ({
				json: { status: 'Success', listId: WEBINAR, leadId, inList: true, alreadyInList: false, leadsInCall: 3, addedInCall: 3 },
				pairedItem: { item: index },
			})),
		);
		expect(members(WEBINAR)).toEqual([L1, L2, L3]);
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(0);
	});

	it('items for different lists: one call per list, results in input order (By ID from an expression)', async () => {
		const result = await run(parameters('addToList', '={{ $json.list }}', '={{ $json.lead }}'), [
			{ list: WEBINAR, lead: L1 },
			{ list: CUSTOMERS, lead: L2 },
			{ list: WEBINAR.toUpperCase(), lead: L3 },
		]);
		expect(adds().map((entry) => entry.body)).toEqual([
			{ listId: WEBINAR, leadIds: [L1, L3] },
			{ listId: CUSTOMERS, leadIds: [L2] },
		]);
		expect(result.items.map((item) => [item.json.listId, item.json.leadId, item.json.leadsInCall, item.pairedItem])).toEqual([
			[WEBINAR, L1, 2, { item: 0 }],
			[CUSTOMERS, L2, 1, { item: 1 }],
			[WEBINAR.toUpperCase(), L3, 2, { item: 2 }],
		]);
		expect(members(CUSTOMERS)).toEqual([L1, L2]);
	});

	it('leads already in the list: said per item when the count allows, left open when it does not', async () => {
		const all = await run(byItem(CUSTOMERS), [{ lead: L1 }]);
		expect(all.items[0].json).toEqual({ status: 'Success', listId: CUSTOMERS, leadId: L1, inList: true, alreadyInList: true, leadsInCall: 1, addedInCall: 0 });

		sandbox.reset();
		const mixed = await run(byItem(CUSTOMERS), [{ lead: L1 }, { lead: L2 }]);
		expect(mixed.items.map((item) => item.json)).toEqual([L1, L2].map((leadId) => ({ status: 'Success', listId: CUSTOMERS, leadId, inList: true, leadsInCall: 2, addedInCall: 1 })));
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(1);
		expect(members(CUSTOMERS)).toEqual([L1, L2]);
	});

	it('the same lead twice for one list: never in one call; the second is already in the list', async () => {
		const result = await run(byItem(WEBINAR), [{ lead: L1 }, { lead: L1.toUpperCase() }, { lead: L2 }]);
		expect(adds().map((entry) => (entry.body as { leadIds: string[] }).leadIds)).toEqual([[L1, L2], [L1.toUpperCase()]]);
		expect(result.items.map((item) => item.json.alreadyInList)).toEqual([false, true, false]);
		expect(members(WEBINAR)).toEqual([L1, L2]);
	});

	it('30 items for one list: two calls (25 and 5)', async () => {
		const leads = Array.from({ length: 30 }, (_, n) => ({ lead: n < 4 ? lead(n + 1) : `2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e${String(n).padStart(4, '0')}` }));
		sandbox.configure({ listUnknownLeads: 'ignore' });
		const result = await run(byItem(WEBINAR), leads, { continueOnFail: true });
		expect(adds().map((entry) => (entry.body as { leadIds: string[] }).leadIds.length).sort((a, b) => b - a)).toEqual([25, 5]);
		expect(result.items).toHaveLength(30);
		expect(result.items.filter((item) => item.json.inList === true)).toHaveLength(4);
	});

	it('an unknown lead among others (LeadSquared refuses the call): each lead goes again on its own; only that item fails', async () => {
		const result = await run(byItem(WEBINAR), [{ lead: L1 }, { lead: UNKNOWN }, { lead: L2 }], { continueOnFail: true });
		expect(adds()).toHaveLength(1);
		expect(calls(sandbox, 'Lists.Get')).toHaveLength(1);
		expect(calls(sandbox, 'AddLeadToStaticList').map((entry) => entry.query.leadId).sort()).toEqual([L1, UNKNOWN, L2].sort());
		expect(result.items[0].json).toEqual({ status: 'Success', listId: WEBINAR, leadId: L1, inList: true, alreadyInList: false, leadsInCall: 1, addedInCall: 1 });
		expect(result.items[1].json.error).toBe(`No lead with ID ${UNKNOWN} in this LeadSquared account (LeadSquared: "Lead does not exist in the system")`);
		expect(result.items[2].json).toMatchObject({ leadId: L2, inList: true, alreadyInList: false });
		expect(members(WEBINAR)).toEqual([L1, L2]);
	});

	it('an unknown lead that LeadSquared silently skips: found out with one look-up, only that item fails', async () => {
		sandbox.configure({ listUnknownLeads: 'ignore' });
		const result = await run(byItem(WEBINAR), [{ lead: L1 }, { lead: UNKNOWN }, { lead: L2 }], { continueOnFail: true });
		expect(adds()).toHaveLength(1);
		expect(calls(sandbox, 'Leads/Retrieve/ByIds')).toHaveLength(1);
		expect(result.items.map((item) => item.json.alreadyInList ?? item.json.error)).toEqual([
			false,
			`No lead with ID ${UNKNOWN} in this LeadSquared account, so it was not added to the list`,
			false,
		]);
	});

	it('when the look-up that tells leads apart fails, the items still succeed, without saying whether they were in the list', async () => {
		sandbox.injectFault({ endpoint: 'Leads/Retrieve/ByIds', type: 'status', status: 500, count: Infinity });
		const result = await run(byItem(CUSTOMERS), [{ lead: L1 }, { lead: L2 }], { continueOnFail: true });
		expect(result.items.map((item) => item.json)).toEqual([L1, L2].map((leadId) => ({ status: 'Success', listId: CUSTOMERS, leadId, inList: true, leadsInCall: 2, addedInCall: 1 })));
		sandbox.clearFaults();
	});

	it('a dynamic list is refused with a clear message, for every item, after one look-up', async () => {
		const result = await run(byItem(HOT), [{ lead: L1 }, { lead: L2 }], { continueOnFail: true });
		expect(result.items.map((item) => item.json.error)).toEqual([1, 2].map(() => 'The list "Hot Leads" is a dynamic list: LeadSquared adds leads to and removes leads from static lists only'));
		expect(result.items[0].json.details).toMatchObject({ exceptionType: 'MXInvalidInputException', exceptionMessage: 'Leads can only be added to or removed from a static list' });
		expect(adds()).toHaveLength(1);
		expect(calls(sandbox, 'Lists.Get')).toHaveLength(1);
		expect(calls(sandbox, 'AddLeadToStaticList')).toHaveLength(0);
	});

	it('an unknown list: "No list with ID"', async () => {
		const result = await run(byItem(NO_LIST), [{ lead: L1 }], { continueOnFail: true });
		expect(result.items[0].json.error).toBe(`No list with ID ${NO_LIST} in this LeadSquared account`);
	});

	it('a failure that is not LeadSquared refusing (server errors past the retries): every item of the call fails with it, nothing more is asked', async () => {
		sandbox.injectFault({ endpoint: 'AddLeadsToStaticList', type: 'status', status: 503, count: Infinity });
		const result = await run(byItem(WEBINAR), [{ lead: L1 }, { lead: L2 }], { continueOnFail: true });
		expect(result.items.map((item) => item.json.error)).toEqual([1, 2].map(() => expect.stringMatching(/HTTP 503/)));
		expect(calls(sandbox, 'Lists.Get')).toHaveLength(0);
		sandbox.clearFaults();
	});

	it('without continue on fail, a refused list stops the node with an item-indexed error', async () => {
		const result = await run(byItem(HOT), [{ lead: L1 }]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/is a dynamic list/);
		expect((result.error as unknown as { context?: IDataObject }).context?.itemIndex).toBe(0);
	});
});

describe('Lead → Remove from List', () => {
	it('one call per item (LeadSquared removes one lead at a time); each item says the lead is out of the list', async () => {
		sandbox.configure({ lists: [...LISTS.slice(0, 1), { ...LISTS[1], leadIds: [L1, L2, L3] }, LISTS[2]] });
		sandbox.reset();
		const result = await run(parameters('removeFromList', fromList(CUSTOMERS), '={{ $json.lead }}'), [{ lead: L1 }, { lead: L3 }]);
		expect(calls(sandbox, 'RemoveLeadFromStaticList').map((entry) => [entry.method, entry.query.ListId, entry.query.LeadID]).sort()).toEqual([
			['GET', CUSTOMERS, L1],
			['GET', CUSTOMERS, L3],
		]);
		expect(result.items).toEqual(
			[L1, L3].map((leadId, index) => ({ json: { status: 'Success', listId: CUSTOMERS, leadId, inList: false }, pairedItem: { item: index } })),
		);
		expect(members(CUSTOMERS)).toEqual([L2]);
	});

	it('a dynamic list, an unknown list, an unknown lead, a lead not in the list: each said clearly', async () => {
		sandbox.configure({ listRemoveNonMember: 'error' });
		const result = await run(parameters('removeFromList', '={{ $json.list }}', '={{ $json.lead }}'), [
			{ list: HOT, lead: L1 },
			{ list: NO_LIST, lead: L1 },
			{ list: CUSTOMERS, lead: UNKNOWN },
			{ list: CUSTOMERS, lead: L4 },
			{ list: CUSTOMERS, lead: L1 },
		], { continueOnFail: true });
		expect(result.items.map((item) => item.json.error ?? item.json.inList)).toEqual([
			'The list "Hot Leads" is a dynamic list: LeadSquared adds leads to and removes leads from static lists only',
			`No list with ID ${NO_LIST} in this LeadSquared account`,
			`No lead with ID ${UNKNOWN} in this LeadSquared account (LeadSquared: "Lead does not exist in the system")`,
			'LeadSquared refused the request: Lead is not a member of the list',
			false,
		]);
		expect(members(CUSTOMERS)).toEqual([]);
	});
});

describe('List parameter: the account\'s static lists (listSearch.searchStaticLists)', () => {
	it('lists static lists only, with their sizes, and searches by name', async () => {
		const all = await listSearch('searchStaticLists', sandboxCredentials(sandbox));
		expect(all.results).toEqual([
			{ name: 'Starred Leads', value: '3c6f3d0b-8374-11e7-ab78-02de49b06427', description: '0 leads' },
			{ name: 'Webinar May', value: WEBINAR, description: '0 leads' },
			{ name: 'Customers', value: CUSTOMERS, description: '1 lead' },
		]);
		expect(calls(sandbox, 'Lists.Get')[0].query).toMatchObject({ ListType: '0', PageIndex: '1' });
		const found = await listSearch('searchStaticLists', sandboxCredentials(sandbox), 'web');
		expect(found.results.map((entry) => entry.value)).toEqual([WEBINAR]);
		expect(calls(sandbox, 'Lists.Get')[1].query).toMatchObject({ SearchText: 'web' });
	});

	it('pages through the lists without repeating or skipping one, and stops', async () => {
		sandbox.configure({ listsPageSize: 2 });
		const seen: unknown[] = [];
		let token: string | undefined;
		for (let page = 0; page < 5; page++) {
			const result = await listSearch('searchStaticLists', sandboxCredentials(sandbox), undefined, undefined, token);
			seen.push(...result.results.map((entry) => entry.value));
			token = result.paginationToken;
			if (result.results.length === 0) break;
		}
		expect(seen).toEqual(['3c6f3d0b-8374-11e7-ab78-02de49b06427', WEBINAR, CUSTOMERS]);
	});

	it('an answer that ignores PageIndex (the same page again) ends the list instead of repeating it', async () => {
		const first = await listSearch('searchStaticLists', sandboxCredentials(sandbox));
		sandbox.injectFault({ endpoint: 'Lists.Get', type: 'json', body: [{ ListId: first.results[0].value, ListName: 'Starred Leads', ListType: 'static' }] });
		const again = await listSearch('searchStaticLists', sandboxCredentials(sandbox), undefined, undefined, `2|${String(first.results[0].value)}`);
		expect(again).toEqual({ results: [] });
	});

	it('wrong keys: the look-up fails with a message about the keys', async () => {
		await expect(listSearch('searchStaticLists', sandboxCredentials(sandbox, { secretKey: 'wrong-secret-key-8888' }))).rejects.toThrow(/access key or secret key/);
	});
});
