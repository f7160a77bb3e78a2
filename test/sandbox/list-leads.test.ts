import { startSandbox, type Sandbox } from '../../sandbox';
import { call, type CallResult } from './client';

const BY_SEARCH_PARAMETER = '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter';
const COUNT = 150;

interface Property {
	Attribute: string;
	Value: string | null;
	Fields: null;
}

describe('sandbox: Leads/Retrieve/BySearchParameter (leads in a list)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		const leads = Array.from({ length: COUNT }, (_, i) => ({
			ProspectID: `p-${i}`,
			LastName: `Lead ${String(i).padStart(3, '0')}`,
			EmailAddress: `lead${i}@example.com`,
			Score: String(i % 10),
			mx_City: i % 2 === 0 ? 'Pune' : 'Delhi',
		}));
		sb = await startSandbox({
			leads,
			lists: [
				{ id: 'big', name: 'Everyone', type: 'static', leadIds: leads.map((l) => l.ProspectID) },
				{ id: 'pair', name: 'Pair', type: 'static', leadIds: ['p-7', 'p-3'] },
				{ id: 'empty', name: 'Empty', type: 'static' },
				{ id: 'pune', name: 'Pune', type: 'dynamic', criteria: { LookupName: 'mx_City', LookupValue: 'pune', SqlOperator: '=' } },
			],
			rateLimit: { calls: 0, windowMs: 1000 },
		});
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.configure({ leadSearchMaxPageSize: undefined }));

	const retrieve = (ListId: string | undefined, extra: Record<string, unknown> = {}): Promise<CallResult> =>
		call(sb, BY_SEARCH_PARAMETER, { body: { SearchParameters: { ListId, RetrieveBehaviour: '0' }, ...extra } });
	const flat = (lead: { LeadPropertyList: Property[] }): Record<string, string | null> =>
		Object.fromEntries(lead.LeadPropertyList.map((p) => [p.Attribute, p.Value]));

	it('answers the documented shape: {RecordCount, Leads:[{LeadPropertyList:[{Attribute, Value, Fields:null}…, CanUpdate]}]}', async () => {
		const res = await retrieve('pair', {
			Columns: { Include_CSV: 'ProspectAutoId,EmailAddress,Score' },
			Sorting: { ColumnName: 'CreatedOn', Direction: '1' },
			Paging: { PageIndex: 1, PageSize: 100 },
		});
		expect(res.status).toBe(200);
		expect(res.json.RecordCount).toBe(2);
		expect(res.json.Leads).toHaveLength(2);
		const p3 = res.json.Leads.find((l: { LeadPropertyList: Property[] }) => flat(l).EmailAddress === 'lead3@example.com');
		expect(p3.LeadPropertyList).toEqual([
			{ Attribute: 'ProspectAutoId', Value: expect.stringMatching(/^\d+$/), Fields: null },
			{ Attribute: 'EmailAddress', Value: 'lead3@example.com', Fields: null },
			{ Attribute: 'Score', Value: '3', Fields: null },
			{ Attribute: 'CanUpdate', Value: 'true', Fields: null },
		]);
	});

	it('without Columns every lead field is returned', async () => {
		const res = await retrieve('pair');
		const lead = flat(res.json.Leads[0]);
		expect(lead).toMatchObject({ ProspectID: 'p-3', LastName: 'Lead 003', mx_City: 'Delhi', Phone: null, CanUpdate: 'true' });
		expect(lead.CreatedOn).toMatch(/\.000$/);
	});

	it('pages through a list: RecordCount is the whole list, pages do not overlap', async () => {
		const ids: string[] = [];
		for (const PageIndex of [1, 2, 3]) {
			const res = await retrieve('big', { Columns: { Include_CSV: 'ProspectID' }, Sorting: { ColumnName: 'Score', Direction: '0' }, Paging: { PageIndex, PageSize: 60 } });
			expect(res.json.RecordCount).toBe(COUNT);
			ids.push(...res.json.Leads.map((l: { LeadPropertyList: Property[] }) => flat(l).ProspectID));
		}
		expect(ids).toHaveLength(COUNT);
		expect(new Set(ids).size).toBe(COUNT);
	});

	it('sorts by the given column and direction', async () => {
		const names = async (Direction: string): Promise<Array<string | null>> =>
			(await retrieve('pair', { Sorting: { ColumnName: 'LastName', Direction } })).json.Leads.map((l: { LeadPropertyList: Property[] }) => flat(l).LastName);
		expect(await names('1')).toEqual(['Lead 007', 'Lead 003']);
		expect(await names('0')).toEqual(['Lead 003', 'Lead 007']);
	});

	it('a dynamic list returns the leads matching its criteria; an empty list returns none', async () => {
		const res = await retrieve('pune', { Columns: { Include_CSV: 'mx_City' }, Paging: { PageIndex: 1, PageSize: 5 } });
		expect(res.json.RecordCount).toBe(COUNT / 2);
		expect(res.json.Leads).toHaveLength(5);
		for (const lead of res.json.Leads) expect(flat(lead).mx_City).toBe('Pune');
		expect((await retrieve('empty')).json).toEqual({ RecordCount: 0, Leads: [] });
	});

	it('refuses an unknown list, a missing ListId, a page size above the maximum and an unknown sort column [INF messages]', async () => {
		expect((await retrieve('no-such-list')).json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'List does not exist in the system' });
		expect((await retrieve(undefined)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: ListId');
		expect((await retrieve('big', { Paging: { PageIndex: 1, PageSize: 5001 } })).json.ExceptionMessage).toBe('PageSize can not be more than 5000');
		sb.configure({ leadSearchMaxPageSize: 50 });
		expect((await retrieve('big', { Paging: { PageIndex: 1, PageSize: 51 } })).json.ExceptionMessage).toBe('PageSize can not be more than 50');
		expect((await retrieve('big', { Sorting: { ColumnName: 'mx_Nope', Direction: '1' } })).json.ExceptionType).toBe('MXUnknownAttributeException');
		expect((await call(sb, BY_SEARCH_PARAMETER, { rawBody: 'ListId=big', contentType: 'text/plain' })).status).toBe(400);
	});
});
