/**
 * The sandbox's two polling reads as a poller meets them: Leads.RecentlyModified and
 * CustomActivity/RetrieveByActivityEvent order records that tie on the sort value anew on every call
 * under `unstableTieOrder` (as LeadSquared does, §12.4), sort by a unique id on request, take a ToDate in
 * the future, and cap their pages; `seed()` stores records straight away, with their dates.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { C } from './crm-client';
import { WH } from './webhook-helpers';

type LeadRow = { LeadPropertyList: Array<{ Attribute: string; Value: string | null }> };
const leadIds = (rows: LeadRow[]): Array<string | null> => rows.map((row) => row.LeadPropertyList.find((pair) => pair.Attribute === 'ProspectID')?.Value ?? null);
const activityIds = (rows: Array<{ ProspectActivityId: string }>): string[] => rows.map((row) => row.ProspectActivityId);

const SECOND = '2026-03-01 09:00:00';
const LATER = '2026-03-01 09:00:01';
const RANGE = { FromDate: '2026-03-01 00:00:00', ToDate: '2099-01-01 00:00:00' };

describe('sandbox: the polling reads', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: { calls: 0, windowMs: 1000 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ unstableTieOrder: true });
		// 200 leads and 200 activities in one second, then one more of each a second later
		sb.seed({
			leads: [
				...Array.from({ length: 200 }, (_, n) => ({ ProspectID: `l${String(n).padStart(3, '0')}`, LastName: 'Tie', ModifiedOn: SECOND })),
				{ ProspectID: 'later', LastName: 'Later', ModifiedOn: LATER },
			],
			activities: [
				...Array.from({ length: 200 }, (_, n) => ({ ProspectActivityId: `a${String(n).padStart(3, '0')}`, RelatedProspectId: 'l000', ActivityEvent: 201, CreatedOn: SECOND })),
				{ ProspectActivityId: 'later', RelatedProspectId: 'l000', ActivityEvent: 201, CreatedOn: LATER },
			],
		});
	});

	const leads = async (body: Record<string, unknown>): Promise<{ RecordCount: number; Leads: LeadRow[] }> =>
		(await call(sb, WH.recentlyModified, { body: { Parameter: RANGE, Columns: { Include_CSV: 'ProspectID' }, ...body } })).json;
	const activities = async (body: Record<string, unknown>): Promise<{ RecordCount: number; List: Array<{ ProspectActivityId: string }> }> =>
		(await call(sb, C.activityByEvent, { body: { Parameter: { ...RANGE, ActivityEvent: 201 }, Paging: { PageIndex: 1, PageSize: 1000 }, ...body } })).json;

	it('seed() stores leads and activities with the dates given', () => {
		expect(sb.leads()).toHaveLength(201);
		expect(sb.leads()[0]).toMatchObject({ ProspectID: 'l000', ModifiedOn: SECOND, ProspectAutoId: '1001' });
		expect(sb.records().activities[200]).toMatchObject({ ProspectActivityId: 'later', CreatedOn: LATER, ModifiedOn: LATER, ActivityDateTime: LATER });
	});

	it('Leads.RecentlyModified: ties on ModifiedOn come back in a new order on every call; the seconds stay in order', async () => {
		const sorting = { Sorting: { ColumnName: 'ModifiedOn', Direction: '0' } };
		const first = leadIds((await leads(sorting)).Leads);
		const second = leadIds((await leads(sorting)).Leads);
		expect(first).not.toEqual(second);
		expect(new Set(first).size).toBe(201);
		expect(first.at(-1)).toBe('later');
	});

	it('Leads.RecentlyModified: without Sorting the order is not defined (a new shuffle on every call); ProspectAutoId is a unique order', async () => {
		expect(leadIds((await leads({})).Leads)).not.toEqual(leadIds((await leads({})).Leads));
		const byAutoId = { Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' } };
		const pages = [];
		for (const PageIndex of [1, 2, 3]) pages.push(...leadIds((await leads({ ...byAutoId, Paging: { PageIndex, PageSize: 80 } })).Leads));
		expect(pages).toEqual([...Array.from({ length: 200 }, (_, n) => `l${String(n).padStart(3, '0')}`), 'later']);
		sb.configure({ unstableTieOrder: false });
		expect(leadIds((await leads({})).Leads)).toEqual(pages);
	});

	it('Leads.RecentlyModified: a ToDate in the future is a filter like any other; pages hold at most 5,000 leads', async () => {
		expect((await leads({ Parameter: { FromDate: LATER, ToDate: '2099-12-31 23:59:59' } })).RecordCount).toBe(1);
		const big = await call(sb, WH.recentlyModified, { body: { Parameter: RANGE, Paging: { PageIndex: 1, PageSize: 5001 } } });
		expect(big.json.ExceptionMessage).toBe('PageSize can not be more than 5000');
	});

	it('RetrieveByActivityEvent: ties on ModifiedOn come back in a new order on every call; ProspectActivityId is a unique order', async () => {
		const first = activityIds((await activities({})).List.slice(0, 200));
		const second = activityIds((await activities({ Sorting: { ColumnName: 'ModifiedOn', Direction: 0 } })).List.slice(0, 200));
		expect(first).not.toEqual(second);
		expect(new Set(first).size).toBe(200);
		const byId = { Sorting: { ColumnName: 'ProspectActivityId', Direction: 0 } };
		const pages = [];
		for (const PageIndex of [1, 2, 3]) pages.push(...activityIds((await activities({ ...byId, Paging: { PageIndex, PageSize: 80 } })).List));
		expect(pages).toEqual([...Array.from({ length: 200 }, (_, n) => `a${String(n).padStart(3, '0')}`), 'later']);
		// without unstableTieOrder, ties keep write order
		sb.configure({ unstableTieOrder: false });
		expect(activityIds((await activities({})).List)).toEqual(pages);
	});

	it('RetrieveByActivityEvent: a ToDate in the future is a filter like any other; pages hold at most 1,000 activities', async () => {
		expect((await activities({ Parameter: { FromDate: LATER, ToDate: '2099-12-31 23:59:59', ActivityEvent: 201 } })).RecordCount).toBe(1);
		expect((await call(sb, C.activityByEvent, { body: { Parameter: { ...RANGE, ActivityEvent: 201 }, Paging: { PageIndex: 1, PageSize: 1001 } } })).json.ExceptionMessage).toBe(
			'PageSize can not be more than 1000',
		);
	});
});
