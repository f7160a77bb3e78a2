import { startSandbox, type Sandbox } from '../../sandbox';
import { call, type CallResult } from './client';

const LEADS_GET = '/v2/LeadManagement.svc/Leads.Get';

/** Seeded in this order: ProspectAutoId 1001..1004. */
const SEED: Array<Record<string, string>> = [
	{
		ProspectID: 'a',
		FirstName: 'Asha',
		LastName: 'Rao',
		EmailAddress: 'asha@example.com',
		Score: '5',
		mx_Date_of_Birth: '1998-03-14',
		mx_City: 'Mumbai',
		DoNotCall: '1',
		mx_KYC: JSON.stringify({ Status: 'Done' }),
	},
	{ ProspectID: 'b', FirstName: 'bharat', LastName: 'Kumar', Score: '40', mx_Date_of_Birth: '2001-12-01', mx_City: 'mumbai', DoNotCall: '0' },
	{ ProspectID: 'c', FirstName: 'Chitra', LastName: 'Iyer', Score: '100', mx_Date_of_Birth: '1985-06-30 10:00:00', mx_City: 'Delhi' },
	{ ProspectID: 'd', FirstName: 'Dev', LastName: 'Mumbaikar' },
];

describe('sandbox: Leads.Get (search by criteria)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ leads: SEED, rateLimit: { calls: 0, windowMs: 1000 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({
			leadSearchMaxPageSize: undefined,
			leadSearchResponse: undefined,
			leadSearchAlwaysProspectId: undefined,
			likeMatchesContains: undefined,
			emptyMatchesNotEqual: undefined,
			mxErrorStatus: undefined,
		});
		sb.reset();
	});

	const search = (LookupName: string, SqlOperator: string, LookupValue: unknown, extra: Record<string, unknown> = {}): Promise<CallResult> =>
		call(sb, LEADS_GET, { body: { Parameter: { LookupName, LookupValue, SqlOperator }, ...extra } });
	const ids = async (LookupName: string, SqlOperator: string, LookupValue: unknown, extra: Record<string, unknown> = {}): Promise<string[]> => {
		const res = await search(LookupName, SqlOperator, LookupValue, extra);
		expect(res.status).toBe(200);
		return (res.json as Array<{ ProspectID: string }>).map((l) => l.ProspectID);
	};
	const ALL = ['ProspectAutoId', '>', '0'] as const;

	it('answers the documented request with a JSON array of flat, string-valued leads [INF shape]', async () => {
		const res = await call(sb, LEADS_GET, {
			body: {
				Parameter: { LookupName: 'CreatedOn', LookupValue: '2015-01-01 14:36:59', SqlOperator: '>' },
				Columns: { Include_CSV: 'ProspectID, FirstName, LastName, EmailAddress' },
				Sorting: { ColumnName: 'CreatedOn', Direction: '1' },
				Paging: { PageIndex: 1, PageSize: 100 },
			},
		});
		expect(res.status).toBe(200);
		expect(Array.isArray(res.json)).toBe(true);
		expect(res.json).toHaveLength(4);
		expect(res.json.find((l: { ProspectID: string }) => l.ProspectID === 'a')).toEqual({
			ProspectID: 'a',
			FirstName: 'Asha',
			LastName: 'Rao',
			EmailAddress: 'asha@example.com',
		});
		expect(res.json.find((l: { ProspectID: string }) => l.ProspectID === 'd').EmailAddress).toBeNull();
	});

	it('compares text case-insensitively; = and <>, where an empty field matches nothing unless emptyMatchesNotEqual [INF]', async () => {
		expect(await ids('mx_City', '=', 'MUMBAI')).toEqual(['a', 'b']);
		expect(await ids('FirstName', '=', 'BHARAT')).toEqual(['b']);
		expect(await ids('mx_City', '<>', 'Mumbai')).toEqual(['c']);
		sb.configure({ emptyMatchesNotEqual: true });
		expect(await ids('mx_City', '<>', 'Mumbai')).toEqual(['c', 'd']);
		expect(await ids('mx_City', '=', '')).toEqual([]);
	});

	it('compares Number fields numerically (not as text), ProspectAutoId too', async () => {
		expect(await ids('Score', '<', '50')).toEqual(['a', 'b']);
		expect(await ids('Score', '>', '10')).toEqual(['b', 'c']);
		expect(await ids('Score', '>=', '40')).toEqual(['b', 'c']);
		expect(await ids('Score', '<=', '40')).toEqual(['a', 'b']);
		expect(await ids('Score', '=', '40.0')).toEqual(['b']);
		expect(await ids('Score', '=', 40)).toEqual(['b']);
		expect(await ids('ProspectAutoId', '>', '1002')).toEqual(['c', 'd']);
	});

	it('compares Date and DateTime fields as dates; a date alone is midnight', async () => {
		expect(await ids('mx_Date_of_Birth', '>', '1990-01-01')).toEqual(['a', 'b']);
		expect(await ids('mx_Date_of_Birth', '<', '1990-01-01 00:00:00')).toEqual(['c']);
		expect(await ids('mx_Date_of_Birth', '=', '1998-03-14')).toEqual(['a']);
		expect(await ids('mx_Date_of_Birth', '>=', '1985-06-30 10:00:00')).toEqual(['a', 'b', 'c']);
		expect(await ids('mx_Date_of_Birth', '>', '1985-06-30 10:00:00')).toEqual(['a', 'b']);
		expect(await ids('CreatedOn', '<', '2000-01-01')).toEqual([]);
	});

	it('compares Boolean fields as 1/0; the words true/false answer HTTP 500 as on a live account, unless booleanWordsInFilters is accept', async () => {
		expect(await ids('DoNotCall', '=', '1')).toEqual(['a']);
		expect(await ids('DoNotCall', '=', '0')).toEqual(['b']);
		const refused = await search('DoNotCall', '=', 'true');
		expect(refused.status).toBe(500);
		expect(refused.json).toMatchObject({ Status: 'Error', ExceptionType: 'MySqlException' });
		expect((await search('DoNotCall', 'IN', '0, false')).status).toBe(500);
		sb.configure({ booleanWordsInFilters: 'accept' });
		try {
			expect(await ids('DoNotCall', '=', 'true')).toEqual(['a']);
		} finally {
			sb.configure({ booleanWordsInFilters: undefined });
		}
	});

	it('LIKE uses % and _ wildcards, case-insensitively; without % it matches the whole value unless likeMatchesContains [INF]', async () => {
		expect(await ids('FirstName', 'LIKE', 'B%')).toEqual(['b']);
		expect(await ids('FirstName', 'like', '%I%')).toEqual(['c']);
		expect(await ids('FirstName', 'LIKE', '_ev')).toEqual(['d']);
		expect(await ids('LastName', 'LIKE', '%mumbai%')).toEqual(['d']);
		expect(await ids('FirstName', 'LIKE', 'dev')).toEqual(['d']);
		expect(await ids('FirstName', 'LIKE', 'ev')).toEqual([]);
		expect(await ids('EmailAddress', 'LIKE', '%.com')).toEqual(['a']);
		sb.configure({ likeMatchesContains: true });
		expect(await ids('FirstName', 'LIKE', 'ev')).toEqual(['d']);
		expect(await ids('FirstName', 'LIKE', 'e%')).toEqual([]);
	});

	it('IN takes comma-separated values, compared by the field type', async () => {
		expect(await ids('mx_City', 'IN', 'Delhi, MUMBAI')).toEqual(['a', 'b', 'c']);
		expect(await ids('Score', 'IN', '5,100.00')).toEqual(['a', 'c']);
		expect(await ids('mx_City', 'IN', 'Pune')).toEqual([]);
	});

	it('refuses any other operator with MXInvalidEntityException (HTTP 500, or 200 in that mode)', async () => {
		for (const op of ['!=', 'BETWEEN', '==', 'NOT LIKE']) {
			const res = await search('FirstName', op, 'Asha');
			expect(res.status).toBe(500);
			expect(res.json).toMatchObject({ Status: 'Error', ExceptionType: 'MXInvalidEntityException' });
		}
		sb.configure({ mxErrorStatus: 200 });
		const res = await search('FirstName', '!=', 'Asha');
		expect(res.status).toBe(200);
		expect(res.json.ExceptionType).toBe('MXInvalidEntityException');
	});

	it('an unknown LookupName is an unknown attribute; a CFS or a value of the wrong type is invalid input [INF]', async () => {
		const unknown = await search('mx_Nope', '=', 'x');
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({ Status: 'Error', ExceptionType: 'MXUnknownAttributeException', ExceptionMessage: 'Attribute(s) does not exist - mx_Nope' });
		expect((await search('mx_KYC', '=', 'x')).json.ExceptionType).toBe('MXInvalidInputException');
		expect((await search('Score', '>', 'ten')).json.ExceptionType).toBe('MXInvalidInputException');
		expect((await search('mx_Date_of_Birth', '>', '14/03/1998')).json.ExceptionType).toBe('MXInvalidInputException');
		expect((await search('Score', 'IN', '5,x')).json.ExceptionType).toBe('MXInvalidInputException');
		expect(await ids('firstname', '=', 'asha')).toEqual(['a']);
	});

	it('missing parts are MXInvalidInputException naming the parameter; a non-JSON body is a 400', async () => {
		const noParameter = await call(sb, LEADS_GET, { body: { Paging: { PageIndex: 1, PageSize: 10 } } });
		expect(noParameter.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: Parameter' });
		const noName = await call(sb, LEADS_GET, { body: { Parameter: { LookupValue: 'x', SqlOperator: '=' } } });
		expect(noName.json.ExceptionMessage).toBe('Invalid Input! Parameter Name: LookupName');
		const noValue = await call(sb, LEADS_GET, { body: { Parameter: { LookupName: 'FirstName', SqlOperator: '=' } } });
		expect(noValue.json.ExceptionMessage).toBe('Invalid Input! Parameter Name: LookupValue');
		const text = await call(sb, LEADS_GET, { rawBody: 'LookupName=FirstName', contentType: 'text/plain' });
		expect(text.status).toBe(400);
	});

	it('Columns.Include_CSV limits the fields; ProspectID is always there unless leadSearchAlwaysProspectId is off [INF]', async () => {
		const extra = { Columns: { Include_CSV: 'FirstName, score, mx_Unknown' } };
		const res = await search('ProspectID', '=', 'A', extra);
		expect(res.json).toEqual([{ ProspectID: 'a', FirstName: 'Asha', Score: '5' }]);
		sb.configure({ leadSearchAlwaysProspectId: false });
		expect((await search('ProspectID', '=', 'a', extra)).json).toEqual([{ FirstName: 'Asha', Score: '5' }]);
		const all = (await search('ProspectID', '=', 'a')).json[0];
		expect(all).toMatchObject({ ProspectID: 'a', ProspectAutoId: '1001', mx_City: 'Mumbai', mx_Date_of_Birth: '1998-03-14 00:00:00.000', Phone: null });
		for (const value of Object.values(all)) expect(value === null || typeof value === 'string').toBe(true);
	});

	it('Sorting: Direction "1" descending, "0" ascending, by the field type; empty values sort first ascending; default ProspectAutoId', async () => {
		const by = (ColumnName: string, Direction: string): Promise<string[]> => ids(...ALL, { Sorting: { ColumnName, Direction } });
		expect(await by('Score', '1')).toEqual(['c', 'b', 'a', 'd']);
		expect(await by('Score', '0')).toEqual(['d', 'a', 'b', 'c']);
		expect(await by('FirstName', '0')).toEqual(['a', 'b', 'c', 'd']);
		expect(await by('mx_Date_of_Birth', '1')).toEqual(['b', 'a', 'c', 'd']);
		expect(await ids(...ALL)).toEqual(['a', 'b', 'c', 'd']);
		const unknown = await search(...ALL, { Sorting: { ColumnName: 'mx_Nope', Direction: '0' } });
		expect(unknown.json.ExceptionType).toBe('MXUnknownAttributeException');
	});

	it('Paging: PageIndex is 1-based; a page past the end is empty; bad values are refused [INF]', async () => {
		const paged = (PageIndex: unknown, PageSize: unknown): Promise<string[]> => ids(...ALL, { Paging: { PageIndex, PageSize } });
		expect(await paged(1, 3)).toEqual(['a', 'b', 'c']);
		expect(await paged(2, 3)).toEqual(['d']);
		expect(await paged('2', '2')).toEqual(['c', 'd']);
		expect(await paged(3, 2)).toEqual([]);
		for (const [index, size] of [
			[0, 10],
			[1, 0],
			[1.5, 10],
			['x', 10],
		]) {
			const res = await search(...ALL, { Paging: { PageIndex: index, PageSize: size } });
			expect(res.json.ExceptionType).toBe('MXInvalidInputException');
		}
	});

	it('PageSize above the maximum (5000, leadSearchMaxPageSize [INF]) is refused', async () => {
		expect(await ids(...ALL, { Paging: { PageIndex: 1, PageSize: 5000 } })).toHaveLength(4);
		const res = await search(...ALL, { Paging: { PageIndex: 1, PageSize: 5001 } });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'PageSize can not be more than 5000' });
		sb.configure({ leadSearchMaxPageSize: 2 });
		expect((await search(...ALL, { Paging: { PageIndex: 1, PageSize: 3 } })).json.ExceptionMessage).toBe('PageSize can not be more than 2');
		expect(await ids(...ALL)).toEqual(['a', 'b']);
	});

	it("leadSearchResponse 'recordCount' answers {RecordCount, Leads} with the total count [INF]", async () => {
		sb.configure({ leadSearchResponse: 'recordCount' });
		const res = await search('mx_City', '=', 'mumbai', { Paging: { PageIndex: 2, PageSize: 1 }, Columns: { Include_CSV: 'FirstName' } });
		expect(res.json).toEqual({ RecordCount: 2, Leads: [{ ProspectID: 'b', FirstName: 'bharat' }] });
	});
});
