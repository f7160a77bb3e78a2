/**
 * List → Get Leads (`Leads/Retrieve/BySearchParameter` with the ListId) through n8n's engine against the
 * sandbox: every lead of a static or dynamic list once, in creation order, page after page through the
 * shared list reader; Limit, Newest First, Fields to Return, Typed Values; unknown and empty lists.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { calls, expectNoKeys, FAST, openSandbox } from './support';

const COUNT = 250;
const BIG = '7c000000-0000-4000-8000-000000000001';
const PUNE = '7c000000-0000-4000-8000-000000000002';
const EMPTY = '7c000000-0000-4000-8000-000000000003';
const NO_LIST = '7c000000-0000-4000-8000-0000000000ff';
const leadId = (n: number) => `5e000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LEADS = Array.from({ length: COUNT }, (_, n) => ({
	ProspectID: leadId(n),
	EmailAddress: `member${n}@list-leads.example`,
	LastName: `Member ${n}`,
	// Few distinct scores: equal sort values, which LeadSquared returns in a new order on every call.
	Score: String(n % 3),
	mx_City: n % 5 === 0 ? 'Pune' : 'Delhi',
}));
const LISTS = [
	{ id: BIG, name: 'Everyone', type: 'static' as const, leadIds: LEADS.map((lead) => lead.ProspectID) },
	{ id: PUNE, name: 'Pune', type: 'dynamic' as const, criteria: { LookupName: 'mx_City', LookupValue: 'Pune', SqlOperator: '=' } },
	{ id: EMPTY, name: 'Nobody', type: 'static' as const },
];

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox({ leads: LEADS, lists: LISTS });
});
beforeEach(() => {
	sandbox.configure({ leadSearchMaxPageSize: undefined });
	sandbox.log.length = 0;
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

function parameters(list: string, values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	const locator = list.startsWith('=') ? { __rl: true, mode: 'id', value: list } : { __rl: true, mode: 'list', value: list };
	return { resource: 'list', operation: 'getLeads', list: locator, ...values, options: { ...FAST, ...options } } as INodeParameters;
}

async function run(params: INodeParameters, items: IDataObject[] = [{}], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters: params, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const reads = () => calls(sandbox, 'Leads/Retrieve/BySearchParameter');
const ids = (result: RunResult) => result.items.map((item) => item.json.ProspectID);

describe('List → Get Leads', () => {
	it('Return All: every lead of the list once, in creation order, 200 a page until RecordCount', async () => {
		const result = await run(parameters(BIG, { returnAll: true }));
		expect(result.status).toBe('success');
		expect(ids(result)).toEqual(LEADS.map((lead) => lead.ProspectID));
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const page = (PageIndex: number) => ({ SearchParameters: { ListId: BIG }, Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' }, Paging: { PageIndex, PageSize: 200 } });
		expect(reads().map((entry) => entry.body)).toEqual([page(1), page(2)]);
		// Typed by the account's lead fields (on from version 1.1); LeadSquared's CanUpdate flag comes along.
		expect(result.items[7].json).toMatchObject({ ProspectID: leadId(7), EmailAddress: 'member7@list-leads.example', Score: 1, CanUpdate: 'true' });
		expect(String(result.items[7].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expectNoKeys(sandbox, result);
	});

	it('a Limit is one call of that size; Newest First reads the last created first', async () => {
		const result = await run(parameters(BIG, { limit: 5 }, { order: 'newestFirst', typedValues: false }));
		expect(ids(result)).toEqual([249, 248, 247, 246, 245].map(leadId));
		expect(reads().map((entry) => entry.body)).toEqual([
			{ SearchParameters: { ListId: BIG }, Sorting: { ColumnName: 'ProspectAutoId', Direction: '1' }, Paging: { PageIndex: 1, PageSize: 5 } },
		]);
		expect(result.items[0].json.Score).toBe('0');
	});

	it('a dynamic list: the leads its criteria hold; Fields to Return asks LeadSquared for those columns only', async () => {
		const result = await run(parameters(PUNE, { returnAll: true }, { fieldsToReturn: ['EmailAddress', 'mx_City'] }));
		expect(result.items.map((item) => item.json)).toEqual(
			LEADS.filter((lead) => lead.mx_City === 'Pune').map((lead) => ({ ProspectID: lead.ProspectID, EmailAddress: lead.EmailAddress, mx_City: 'Pune' })),
		);
		expect((reads()[0].body as IDataObject).Columns).toEqual({ Include_CSV: 'ProspectID,EmailAddress,mx_City' });
	});

	it('an account whose pages are smaller than asked ("PageSize can not be more than 60"): the node follows, nothing skipped or repeated', async () => {
		sandbox.configure({ leadSearchMaxPageSize: 60 });
		const result = await run(parameters(BIG, { returnAll: true }, { pageSize: 100 }));
		expect(ids(result)).toEqual(LEADS.map((lead) => lead.ProspectID));
		const pages = reads().map((entry) => (entry.body as { Paging: unknown }).Paging);
		expect(pages).toEqual([{ PageIndex: 1, PageSize: 100 }, ...[1, 2, 3, 4, 5].map((PageIndex) => ({ PageIndex, PageSize: 60 }))]);
	});

	it('pages that overlap (a lead on two pages, one on none, as when records shift while paging): the list is read again, never returned partial', async () => {
		// The first page holds lead 200 instead of lead 199; the real second page starts with lead 200 again.
		const page1 = {
			RecordCount: COUNT,
			Leads: [...LEADS.slice(0, 199), LEADS[200]].map((lead) => ({
				LeadPropertyList: Object.entries(lead).map(([Attribute, Value]) => ({ Attribute, Value, Fields: null })),
			})),
		};
		sandbox.injectFault({ type: 'json', endpoint: 'Leads/Retrieve/BySearchParameter', body: page1 });
		const result = await run(parameters(BIG, { returnAll: true }, { typedValues: false }));
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(COUNT);
		expect(new Set(ids(result))).toEqual(new Set(LEADS.map((lead) => lead.ProspectID)));
		// Two pages, then lead 199 found by reading around the page edge where lead 200 repeated.
		expect(reads().length).toBeGreaterThan(2);
	});

	it('an empty list yields no item for its input item; each item reads its own list', async () => {
		const result = await run(parameters('={{ $json.list }}', { limit: 1 }), [{ list: EMPTY }, { list: PUNE }]);
		expect(result.items.map((item) => [item.json.ProspectID, item.pairedItem])).toEqual([[leadId(0), { item: 1 }]]);
	});

	it('an unknown list fails its item with the id, LeadSquared\'s exception kept; continue on fail keeps the pairing', async () => {
		const result = await run(parameters('={{ $json.list }}', { limit: 1 }), [{ list: NO_LIST }, { list: BIG }], { continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toMatchObject({
			error: `No list with ID ${NO_LIST} in this LeadSquared account`,
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'List does not exist in the system', itemIndex: 0 },
		});
		expect(result.items[1].json.ProspectID).toBe(leadId(0));
	});
});
