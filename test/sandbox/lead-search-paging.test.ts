import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';

const LEADS_GET = '/v2/LeadManagement.svc/Leads.Get';
const TOTAL = 1234;
const CITIES = ['Mumbai', 'Delhi', 'Chennai'];

describe('sandbox: Leads.Get paging over many leads with ties in the sort column', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		const leads = Array.from({ length: TOTAL }, (_, i) => ({ LastName: `Lead ${i}`, mx_City: CITIES[i % CITIES.length] }));
		sb = await startSandbox({ leads, rateLimit: { calls: 0, windowMs: 1000 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	// The stable tie order is an option (unstableTieOrder: false); the default is LeadSquared's unstable one.
	beforeEach(() => sb.configure({ unstableTieOrder: false }));

	const pageOf = async (ColumnName: string, Direction: string, PageIndex: number, PageSize = 100): Promise<string[]> => {
		const res = await call(sb, LEADS_GET, {
			body: {
				Parameter: { LookupName: 'ProspectAutoId', LookupValue: '0', SqlOperator: '>' },
				Columns: { Include_CSV: 'ProspectID' },
				Sorting: { ColumnName, Direction },
				Paging: { PageIndex, PageSize },
			},
		});
		expect(res.status).toBe(200);
		return (res.json as Array<{ ProspectID: string }>).map((l) => l.ProspectID);
	};

	/** Every page until a short one; the ids in page order. */
	const readAll = async (ColumnName: string, Direction: string): Promise<string[]> => {
		const all: string[] = [];
		for (let index = 1; ; index++) {
			const ids = await pageOf(ColumnName, Direction, index);
			all.push(...ids);
			if (ids.length < 100) return all;
		}
	};

	it.each([
		['mx_City', '0'],
		['mx_City', '1'],
		['CreatedOn', '0'],
		['CreatedOn', '1'],
	])('pages of 100 sorted by %s (Direction %s) give all 1,234 leads once each (stable tie order)', async (column, direction) => {
		const all = await readAll(column, direction);
		expect(all).toHaveLength(TOTAL);
		expect(new Set(all).size).toBe(TOTAL);
		expect(new Set(all)).toEqual(new Set(sb.leads().map((l) => String(l.ProspectID))));
	});

	it('the same page twice is the same page', async () => {
		expect(await pageOf('mx_City', '0', 5)).toEqual(await pageOf('mx_City', '0', 5));
	});

	it('by default tied leads come in a new order on every call, as LeadSquared\'s do, so paging by a tied column loses and repeats leads', async () => {
		sb.configure({ unstableTieOrder: undefined });
		const first = await pageOf('CreatedOn', '1', 1);
		const again = await pageOf('CreatedOn', '1', 1);
		expect(first).toHaveLength(100);
		expect(again).not.toEqual(first);
		const all = await readAll('mx_City', '0');
		expect(all).toHaveLength(TOTAL);
		expect(new Set(all).size).toBeLessThan(TOTAL);
		// the sort column itself is still honoured
		const cities = new Map(sb.leads().map((l) => [String(l.ProspectID), String(l.mx_City)]));
		const order = all.map((id) => cities.get(id));
		expect([...order].sort()).toEqual(order);
	});

	it('by default, a sort on a unique column is still stable', async () => {
		sb.configure({ unstableTieOrder: undefined });
		const all = await readAll('ProspectAutoId', '1');
		expect(new Set(all).size).toBe(TOTAL);
	});
});
