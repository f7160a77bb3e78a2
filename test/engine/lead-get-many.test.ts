/**
 * Lead → Get Many, paging: Return All over 1,234 leads returns each lead exactly once (also when
 * LeadSquared orders tied leads differently on every call), Limit makes as few calls as it allows, both
 * answer shapes of Leads.Get end paging at the right page, a page size LeadSquared refuses is lowered, and
 * an answer that repeats itself stops instead of looping. (Conditions, quick search and options:
 * lead-get-many-conditions.test.ts.)
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { idsOf, manyParameters, searchCalls } from './lead-get-many-support';
import type { ManySpec } from './lead-get-many-support';
import { openSandbox } from './support';

const TOTAL = 1234;
const CITIES = ['Mumbai', 'Delhi', 'Chennai'];
const SEED = Array.from({ length: TOTAL }, (_, i) => ({
	LastName: `Lead ${i}`,
	EmailAddress: `lead${i}@paging.example.com`,
	mx_City: CITIES[i % CITIES.length],
	Score: String(i % 10),
}));

let sandbox: Sandbox;
let allIds: string[];
beforeAll(async () => {
	sandbox = await openSandbox({ leads: SEED });
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});
beforeEach(() => {
	sandbox.configure({ unstableTieOrder: undefined, leadSearchResponse: undefined, leadSearchMaxPageSize: undefined });
	sandbox.reset();
	// In creation (ProspectAutoId) order; a reset gives the seed leads new ids.
	allIds = sandbox.leads().map((lead) => String(lead.ProspectID));
});

async function getMany(spec: ManySpec) {
	return await runLeadSquared({ parameters: manyParameters(spec), credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
}

/** Figures for the report: calls, leads, distinct leads. */
function figures(ids: string[]) {
	return { calls: searchCalls(sandbox).length, leads: ids.length, distinct: new Set(ids).size };
}

describe('Return All', () => {
	it(`returns exactly ${TOTAL} distinct leads, every one, in two calls of 1000 (the default page size)`, async () => {
		const result = await getMany({ returnAll: true });
		expect(result.status).toBe('success');
		const ids = idsOf(result.items);
		expect(figures(ids)).toEqual({ calls: 2, leads: TOTAL, distinct: TOTAL });
		expect(new Set(ids)).toEqual(new Set(allIds));
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// Without conditions every lead is asked for (CreatedOn after 1900), in creation order, page after page.
		expect(searchCalls(sandbox)).toEqual([
			{
				Parameter: { LookupName: 'CreatedOn', LookupValue: '1900-01-01 00:00:00', SqlOperator: '>' },
				Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' },
				Paging: { PageIndex: 1, PageSize: 1000 },
			},
			expect.objectContaining({ Paging: { PageIndex: 2, PageSize: 1000 } }),
		]);
	});

	it(`under unstableTieOrder, pages of 100: still exactly ${TOTAL} distinct leads, in 13 calls`, async () => {
		sandbox.configure({ unstableTieOrder: true });
		const result = await getMany({ returnAll: true, options: { pageSize: 100 } });
		const ids = idsOf(result.items);
		expect(figures(ids)).toEqual({ calls: 13, leads: TOTAL, distinct: TOTAL });
		expect(searchCalls(sandbox).map((call) => call.Sorting.ColumnName)).toEqual(Array(13).fill('ProspectAutoId'));
	});

	it('under unstableTieOrder, sorted by a field most leads share: every lead once, in that order, ties in creation order', async () => {
		sandbox.configure({ unstableTieOrder: true });
		const result = await getMany({ returnAll: true, options: { pageSize: 100, sortBy: 'mx_City', sortDirection: 'descending' } });
		const ids = idsOf(result.items);
		expect(figures(ids)).toEqual({ calls: 13, leads: TOTAL, distinct: TOTAL });
		// LeadSquared is asked for a unique order; the node sorts the complete result.
		expect(searchCalls(sandbox)[0].Sorting).toEqual({ ColumnName: 'ProspectAutoId', Direction: '0' });
		const cities = result.items.map((item) => String(item.json.mx_City));
		expect(cities).toEqual([...cities].sort().reverse());
		const autoIds = result.items.filter((item) => item.json.mx_City === 'Mumbai').map((item) => Number(item.json.ProspectAutoId));
		expect(autoIds).toEqual([...autoIds].sort((a, b) => a - b));
	});

	it('with a condition and several pages: every matching lead once', async () => {
		sandbox.configure({ unstableTieOrder: true });
		const result = await getMany({ returnAll: true, conditions: [{ field: 'mx_City', value: 'Delhi' }], options: { pageSize: 100 } });
		const ids = idsOf(result.items);
		const delhi = sandbox.leads().filter((lead) => lead.mx_City === 'Delhi').length;
		expect(figures(ids)).toEqual({ calls: 5, leads: delhi, distinct: delhi });
	});
});

describe('Limit', () => {
	it('Limit 50 with one condition makes exactly one call, of 50', async () => {
		const result = await getMany({ limit: 50, conditions: [{ field: 'Score', operator: 'greaterOrEqual', value: 0 }] });
		expect(result.items).toHaveLength(50);
		expect(searchCalls(sandbox)).toEqual([expect.objectContaining({ Paging: { PageIndex: 1, PageSize: 50 } })]);
	});

	it('the default Limit (50) without conditions: one call of 50, the oldest leads first', async () => {
		const result = await runLeadSquared({
			parameters: { resource: 'lead', operation: 'getMany', options: { maxCallsPer5Seconds: 10000 } },
			credentials: sandboxCredentials(sandbox),
		});
		expect(idsOf(result.items)).toEqual(allIds.slice(0, 50));
		expect(searchCalls(sandbox)).toHaveLength(1);
		expect(searchCalls(sandbox)[0].Paging).toEqual({ PageIndex: 1, PageSize: 50 });
	});

	it('Sort Direction descending without a sort field: the newest leads first', async () => {
		const result = await getMany({ limit: 3, options: { sortDirection: 'descending' } });
		expect(idsOf(result.items)).toEqual(allIds.slice(-3).reverse());
	});

	it('a Limit above the page size: pages of the page size, no more than needed', async () => {
		const result = await getMany({ limit: 250, options: { pageSize: 100 } });
		expect(idsOf(result.items)).toEqual(allIds.slice(0, 250));
		expect(searchCalls(sandbox).map((call) => call.Paging)).toEqual([
			{ PageIndex: 1, PageSize: 100 },
			{ PageIndex: 2, PageSize: 100 },
			{ PageIndex: 3, PageSize: 100 },
		]);
	});

	it('a Limit above the number of leads returns them all', async () => {
		const result = await getMany({ limit: 5000 });
		expect(figures(idsOf(result.items))).toEqual({ calls: 2, leads: TOTAL, distinct: TOTAL });
	});

	it('a Limit over several pages sorted by a field with ties, under unstableTieOrder: no lead twice', async () => {
		sandbox.configure({ unstableTieOrder: true });
		const result = await getMany({ limit: 300, options: { pageSize: 100, sortBy: 'mx_City' } });
		const ids = idsOf(result.items);
		expect(ids).toHaveLength(300);
		expect(new Set(ids).size).toBe(300);
		const cities = result.items.map((item) => String(item.json.mx_City));
		expect(cities).toEqual([...cities].sort());
	});

	it('with a condition the node checks: pages of the page size until the limit is reached', async () => {
		const result = await getMany({
			limit: 20,
			conditions: [
				{ field: 'mx_City', value: 'Mumbai' },
				{ field: 'Score', value: '3' },
			],
		});
		expect(result.items).toHaveLength(20);
		expect(result.items.every((item) => item.json.mx_City === 'Mumbai' && item.json.Score === 3)).toBe(true);
		expect(searchCalls(sandbox)).toEqual([expect.objectContaining({ Paging: { PageIndex: 1, PageSize: 1000 } })]);
	});
});

describe('answer shapes and limits of Leads.Get', () => {
	const mumbai = SEED.filter((lead) => lead.mx_City === 'Mumbai').length; // 412

	it('an array of leads: the page after a full last page is read to learn it was the last', async () => {
		const result = await getMany({ returnAll: true, conditions: [{ field: 'mx_City', value: 'Mumbai' }], options: { pageSize: mumbai / 2 } });
		expect(figures(idsOf(result.items))).toEqual({ calls: 3, leads: mumbai, distinct: mumbai });
	});

	it('{RecordCount, Leads}: RecordCount ends paging without that extra call', async () => {
		sandbox.configure({ leadSearchResponse: 'recordCount' });
		const result = await getMany({ returnAll: true, conditions: [{ field: 'mx_City', value: 'Mumbai' }], options: { pageSize: mumbai / 2 } });
		expect(figures(idsOf(result.items))).toEqual({ calls: 2, leads: mumbai, distinct: mumbai });
	});

	it(`{RecordCount, Leads} with Return All: exactly ${TOTAL} distinct leads`, async () => {
		sandbox.configure({ leadSearchResponse: 'recordCount', unstableTieOrder: true });
		const result = await getMany({ returnAll: true, options: { pageSize: 100 } });
		expect(figures(idsOf(result.items))).toEqual({ calls: 13, leads: TOTAL, distinct: TOTAL });
	});

	it('a page size LeadSquared refuses ("PageSize can not be more than 500") is lowered to the one it names', async () => {
		sandbox.configure({ leadSearchMaxPageSize: 500 });
		const result = await getMany({ returnAll: true });
		expect(result.status).toBe('success');
		expect(figures(idsOf(result.items))).toEqual({ calls: 4, leads: TOTAL, distinct: TOTAL });
		expect(searchCalls(sandbox).map((call) => call.Paging.PageSize)).toEqual([1000, 500, 500, 500]);
	});

	it('an answer that repeats the same full page stops after three stale pages instead of looping', async () => {
		const page = sandbox.leads().slice(0, 2).map((lead) => ({ ProspectID: lead.ProspectID, LastName: lead.LastName }));
		sandbox.injectFault({ endpoint: 'Leads.Get', type: 'json', body: page, count: Infinity });
		const result = await getMany({ returnAll: true, options: { pageSize: 2 } });
		sandbox.clearFaults();
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/only leads already read on 3 full pages in a row/);
		expect(searchCalls(sandbox)).toHaveLength(4);
	});
});
