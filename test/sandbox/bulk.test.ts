import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P, pairs } from './client';

describe('sandbox: Lead/Bulk/CreateOrUpdate', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ bulkRateLimit: undefined, rateLimit: undefined, mxErrorStatus: undefined });
		sb.reset();
	});

	it('processes rows in order with 1-based per-row results, a failing row inline', async () => {
		const rows = [
			pairs({ EmailAddress: 'r1@example.com', LastName: 'One', Phone: '9500000001' }),
			pairs({ EmailAddress: 'r1@example.com', FirstName: 'Updated by row 2' }),
			pairs({ EmailAddress: 'r3@example.com', LastName: 'Three', mx_Typo: 'x' }),
			[...pairs({ Phone: '95000-00001', mx_City: 'Delhi' }), { Attribute: 'SearchBy', Value: 'Phone' }],
			pairs({ EmailAddress: 'r5@example.com', LastName: 'Five', Phone: '9500000001' }),
		];
		const res = await call(sb, P.bulk, { body: rows, query: { postUpdatedLead: 'false' } });
		expect(res.status).toBe(200);
		const id = res.json[0].LeadId;
		expect(res.json).toEqual([
			{ RowNumber: 1, LeadId: id, LeadCreated: true, LeadUpdated: false, AffectedRows: 1 },
			{ RowNumber: 2, LeadId: id, LeadCreated: false, LeadUpdated: true, AffectedRows: 1 },
			{
				RowNumber: 3,
				LeadId: null,
				LeadCreated: false,
				LeadUpdated: false,
				AffectedRows: 0,
				ExceptionType: 'MXUnknownAttributeException',
				ErrorMessage: 'Attribute(s) does not exist - mx_Typo',
			},
			{ RowNumber: 4, LeadId: id, LeadCreated: false, LeadUpdated: true, AffectedRows: 1 },
			{
				RowNumber: 5,
				LeadId: null,
				LeadCreated: false,
				LeadUpdated: false,
				AffectedRows: 0,
				ExceptionType: 'MXDuplicateEntryException',
				ErrorMessage: 'A Lead with same Phone Number already exists.',
			},
		]);
		expect(sb.leads()).toHaveLength(1);
		expect(sb.leads()[0]).toMatchObject({ FirstName: 'Updated by row 2', mx_City: 'Delhi' });
		expect(sb.log[0]).toMatchObject({ endpoint: 'Lead/Bulk/CreateOrUpdate', postUpdatedLead: false });
	});

	it('a row that is not an array fails alone', async () => {
		const res = await call(sb, P.bulk, { body: [{ Attribute: 'LastName', Value: 'X' }, pairs({ LastName: 'Ok' })] });
		expect(res.json[0]).toMatchObject({ RowNumber: 1, LeadId: null, ExceptionType: 'MXInvalidInputException' });
		expect(res.json[1]).toMatchObject({ RowNumber: 2, LeadCreated: true });
	});

	it('more than 25 rows fails the whole call with an MX envelope', async () => {
		const rows = Array.from({ length: 26 }, (_, i) => pairs({ LastName: `L${i}`, EmailAddress: `b${i}@example.com` }));
		const res = await call(sb, P.bulk, { body: rows });
		expect(res.status).toBe(500);
		expect(res.json).toMatchObject({ Status: 'Error', ExceptionType: 'MXInvalidInputException' });
		expect(sb.leads()).toHaveLength(0);
		const ok = await call(sb, P.bulk, { body: rows.slice(0, 25) });
		expect(ok.status).toBe(200);
		expect(ok.json).toHaveLength(25);
		expect(sb.leads()).toHaveLength(25);
	});

	it('answers 400 for a body that is not an array', async () => {
		expect((await call(sb, P.bulk, { body: { rows: [] } })).status).toBe(400);
	});

	it('uses its own rate-limit bucket', async () => {
		sb.configure({ bulkRateLimit: { calls: 2, windowMs: 60_000 }, rateLimit: { calls: 100, windowMs: 60_000 } });
		const body = [pairs({ LastName: 'B' })];
		expect((await call(sb, P.bulk, { body })).status).toBe(200);
		expect((await call(sb, P.bulk, { body })).status).toBe(200);
		const limited = await call(sb, P.bulk, { body });
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXAPIRateLimitExceededException',
			ExceptionMessage: 'API calls exceeded the limit of 2 in 60 second(s)',
		});
		expect((await call(sb, P.metadata)).status).toBe(200);
		expect((await call(sb, P.upsert, { body: pairs({ LastName: 'Single' }) })).status).toBe(200);
	});

	it('single calls do not consume the bulk bucket', async () => {
		sb.configure({ bulkRateLimit: { calls: 1, windowMs: 60_000 }, rateLimit: { calls: 3, windowMs: 60_000 } });
		for (let i = 0; i < 3; i++) expect((await call(sb, P.metadata)).status).toBe(200);
		expect((await call(sb, P.metadata)).status).toBe(429);
		expect((await call(sb, P.bulk, { body: [] })).status).toBe(200);
	});
});
