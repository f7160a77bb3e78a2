import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P, pairs } from './client';
import { WH } from './webhook-helpers';

type Row = { LeadPropertyList: Array<{ Attribute: string; Value: string | null }> };

/** A row's attributes as an object. */
const flat = (row: Row): Record<string, string | null> => Object.fromEntries(row.LeadPropertyList.map((p) => [p.Attribute, p.Value]));

const lead = (id: string, modified: string): Record<string, string> => ({
	ProspectID: id,
	LastName: `Lead ${id}`,
	EmailAddress: `${id}@example.com`,
	CreatedOn: '2024-05-01 08:00:00',
	ModifiedOn: modified,
});

const SEED = [
	lead('a', '2024-05-01 10:00:00'),
	lead('b', '2024-05-01 10:00:05'),
	lead('c', '2024-05-01 10:00:05'),
	lead('d', '2024-05-01 10:00:06'),
	lead('e', '2024-05-02 09:00:00'),
];

describe('sandbox: Leads.RecentlyModified (leads by date range, for polling)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ leads: SEED, rateLimit: { calls: 0, windowMs: 1000 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ recentlyModifiedRange: undefined, recentlyModifiedMaxPageSize: undefined, unstableTieOrder: undefined });
	});

	const poll = (body: Record<string, unknown>) => call(sb, WH.recentlyModified, { body });
	const ids = (rows: Row[]): Array<string | null> => rows.map((r) => flat(r).ProspectID);

	it('answers {RecordCount, Leads:[{LeadPropertyList}]} with the Include_CSV columns, CanUpdate and Total', async () => {
		const res = await poll({
			Parameter: { FromDate: '2024-05-01 10:00:00', ToDate: '2024-05-01 10:00:06' },
			Columns: { Include_CSV: 'ProspectID,LastName,ModifiedOn' },
			Paging: { PageIndex: 1, PageSize: 100 },
			Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' },
		});
		expect(res.status).toBe(200);
		expect(res.json.RecordCount).toBe(4);
		expect(res.json.Leads[0]).toEqual({
			LeadPropertyList: [
				{ Attribute: 'ProspectID', Value: 'a' },
				{ Attribute: 'LastName', Value: 'Lead a' },
				{ Attribute: 'ModifiedOn', Value: '2024-05-01 10:00:00.000' },
				{ Attribute: 'CanUpdate', Value: 'true' },
				{ Attribute: 'Total', Value: '4' },
			],
		});
		expect(ids(res.json.Leads)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('two leads modified in the same second are both returned; FromDate and ToDate are inclusive by default', async () => {
		const same = await poll({ Parameter: { FromDate: '2024-05-01 10:00:05', ToDate: '2024-05-01 10:00:05' }, Columns: { Include_CSV: 'ProspectID' } });
		expect(ids(same.json.Leads).sort()).toEqual(['b', 'c']);
		const fraction = await poll({ Parameter: { FromDate: '2024-05-01 10:00:05.900', ToDate: '2024-05-01 10:00:05.100' }, Columns: { Include_CSV: 'ProspectID' } });
		expect(ids(fraction.json.Leads).sort()).toEqual(['b', 'c']);
	});

	it("recentlyModifiedRange 'halfOpen' leaves out leads modified in the ToDate second", async () => {
		sb.configure({ recentlyModifiedRange: 'halfOpen' });
		const res = await poll({ Parameter: { FromDate: '2024-05-01 10:00:00', ToDate: '2024-05-01 10:00:05' }, Columns: { Include_CSV: 'ProspectID' } });
		expect(ids(res.json.Leads)).toEqual(['a']);
		const next = await poll({ Parameter: { FromDate: '2024-05-01 10:00:05', ToDate: '2024-05-01 10:00:06' }, Columns: { Include_CSV: 'ProspectID' } });
		expect(ids(next.json.Leads).sort()).toEqual(['b', 'c']);
	});

	it('with unstableTieOrder off, pages never overlap or skip: ties on the sort column are ordered by ProspectAutoId', async () => {
		sb.configure({ unstableTieOrder: false });
		const pageOf = async (index: number, direction: string): Promise<Array<string | null>> => {
			const res = await poll({
				Parameter: { FromDate: '2024-05-01 00:00:00', ToDate: '2024-05-03 00:00:00' },
				Columns: { Include_CSV: 'ProspectID' },
				Sorting: { ColumnName: 'ModifiedOn', Direction: direction },
				Paging: { PageIndex: index, PageSize: 2 },
			});
			expect(res.json.RecordCount).toBe(5);
			return ids(res.json.Leads);
		};
		expect([...(await pageOf(1, '0')), ...(await pageOf(2, '0')), ...(await pageOf(3, '0'))]).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect([...(await pageOf(1, '1')), ...(await pageOf(2, '1')), ...(await pageOf(3, '1'))]).toEqual(['e', 'd', 'b', 'c', 'a']);
		expect(await pageOf(4, '0')).toEqual([]);
	});

	it('by default, leads modified in the same second come in a new order on every call, as LeadSquared\'s do', async () => {
		const orders = new Set<string>();
		for (let call = 0; call < 20; call++) {
			const res = await poll({ Parameter: { FromDate: '2024-05-01 00:00:00', ToDate: '2024-05-03 00:00:00' }, Columns: { Include_CSV: 'ProspectID' }, Sorting: { ColumnName: 'ModifiedOn', Direction: '0' } });
			const order = ids(res.json.Leads);
			expect(order[0]).toBe('a');
			expect(order.slice(3)).toEqual(['d', 'e']);
			orders.add(order.join());
		}
		expect(orders).toEqual(new Set(['a,b,c,d,e', 'a,c,b,d,e']));
	});

	it('a lead written through the API is found by its new modification time', async () => {
		await call(sb, P.update, { query: { leadId: 'a' }, body: pairs({ FirstName: 'Changed' }) });
		const modified = String(sb.leads().find((l) => l.ProspectID === 'a')?.ModifiedOn);
		const res = await poll({ Parameter: { FromDate: modified, ToDate: modified }, Columns: { Include_CSV: 'ProspectID,FirstName' } });
		expect(res.json.Leads.map(flat)).toEqual([{ ProspectID: 'a', FirstName: 'Changed', CanUpdate: 'true', Total: '1' }]);
	});

	it('without Columns every field is returned; empty values are null', async () => {
		const res = await poll({ Parameter: { FromDate: '2024-05-02 09:00:00', ToDate: '2024-05-02 09:00:00' } });
		const row = flat(res.json.Leads[0]);
		expect(row).toMatchObject({ ProspectID: 'e', EmailAddress: 'e@example.com', Phone: null, CanUpdate: 'true', Total: '1' });
	});

	it.each([
		['no Parameter', {}, 'Invalid Input! Parameter Name: Parameter'],
		['no FromDate', { Parameter: { ToDate: '2024-05-01 10:00:00' } }, 'Invalid Input! Parameter Name: FromDate'],
		['a ToDate that is not a date', { Parameter: { FromDate: '2024-05-01 10:00:00', ToDate: 'yesterday' } }, "Invalid ToDate 'yesterday'. Pass a UTC date as yyyy-MM-dd HH:mm:ss"],
		['PageSize 5001', { Parameter: { FromDate: '2024-05-01', ToDate: '2024-05-02' }, Paging: { PageIndex: 1, PageSize: 5001 } }, 'PageSize can not be more than 5000'],
		['PageIndex 0', { Parameter: { FromDate: '2024-05-01', ToDate: '2024-05-02' }, Paging: { PageIndex: 0, PageSize: 10 } }, 'Invalid Input! Parameter Name: PageIndex'],
	])('%s → MXInvalidInputException', async (_name, body, message) => {
		const res = await poll(body);
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: message });
	});

	it('an unknown sort column is MXUnknownAttributeException', async () => {
		const res = await poll({ Parameter: { FromDate: '2024-05-01', ToDate: '2024-05-02' }, Sorting: { ColumnName: 'Nope', Direction: '1' } });
		expect(res.json).toMatchObject({ ExceptionType: 'MXUnknownAttributeException' });
	});
});
