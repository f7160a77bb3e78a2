import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P } from './client';
import { ASHA, C, INACTIVE_USER_EMAIL, newLead, post } from './crm-client';

describe('sandbox: Bulk/CustomActivity/Add/ByLeadId', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ bulkRateLimit: undefined, rateLimit: undefined, activityBulkMaxRows: undefined });
		sb.reset();
	});

	const row = (leadId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
		RelatedProspectId: leadId,
		ActivityEvent: 201,
		ActivityNote: 'Add/ByLeadId',
		Fields: [{ SchemaName: 'mx_Custom_1', Value: 'First' }],
		...extra,
	});

	it('posts each row on its own, with 1-based per-row results and failures inline', async () => {
		const a = await newLead(sb, 'bulk-a@example.com');
		const b = await newLead(sb, 'bulk-b@example.com');
		const res = await post(sb, C.activityBulk, [
			row(a, { ActivityOwnerEmail: ASHA.email, ActivityDateTime: '2026-01-05 08:00:00' }),
			row(b, { ActivityEvent: 999 }),
			row('99999999-9999-9999-9999-999999999999'),
			row(b, { Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Second' }, { SchemaName: 'mx_Custom_4', Value: 'TV' }] }),
			'not an object',
			row(b, { ActivityOwnerEmail: INACTIVE_USER_EMAIL }),
			row(b),
		]);
		expect(res.status).toBe(200);
		const ids = sb.records().activities.map((x) => x.ProspectActivityId);
		expect(res.json).toEqual({
			Response: [
				{ ProspectActivityId: ids[0], RowNumber: 1, ActivityCreated: true },
				{
					ProspectActivityId: null,
					RowNumber: 2,
					ActivityCreated: false,
					ExceptionType: 'MXInvalidActivityException',
					ExceptionMessage: 'Event Code is invalid or empty',
				},
				{
					ProspectActivityId: null,
					RowNumber: 3,
					ActivityCreated: false,
					ExceptionType: 'MXInvalidEntityException',
					ExceptionMessage: 'Lead does not exist in the system',
				},
				{
					ProspectActivityId: null,
					RowNumber: 4,
					ActivityCreated: false,
					ExceptionType: 'MXInvalidActivityFieldsException',
					ExceptionMessage: "Field name : 'mx_Custom_4' of datatype : 'Dropdown' has an invalid value : 'TV'. Allowed values: Google Ads, Facebook, Newsletter, Organic",
				},
				{ ProspectActivityId: null, RowNumber: 5, ActivityCreated: false, ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Row 5 is not an activity object' },
				{
					ProspectActivityId: null,
					RowNumber: 6,
					ActivityCreated: false,
					ExceptionType: 'MXInvalidInputException',
					ExceptionMessage: `Invalid ActivityOwnerEmail '${INACTIVE_USER_EMAIL}': no active user has this e-mail address`,
				},
				{ ProspectActivityId: ids[1], RowNumber: 7, ActivityCreated: true },
			],
		});
		expect(sb.records().activities).toEqual([
			expect.objectContaining({ RelatedProspectId: a, ActivityDateTime: '2026-01-05 08:00:00', Fields: expect.objectContaining({ Owner: ASHA.id }) }),
			expect.objectContaining({ RelatedProspectId: b }),
		]);
	});

	it('a row cannot name its lead by EmailAddress (by lead id only)', async () => {
		await newLead(sb, 'byemail@example.com');
		const res = await post(sb, C.activityBulk, [{ EmailAddress: 'byemail@example.com', ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }] }]);
		expect(res.json.Response[0]).toMatchObject({ ActivityCreated: false, ExceptionMessage: 'Invalid Input! Parameter Name: RelatedProspectId' });
	});

	it('more than 25 activities fails the whole call; 25 pass', async () => {
		const leadId = await newLead(sb, 'many@example.com');
		const rows = Array.from({ length: 26 }, () => row(leadId));
		const tooMany = await post(sb, C.activityBulk, rows);
		expect(tooMany.status).toBe(500);
		expect(tooMany.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'Number of activities in the request exceeds the maximum limit of 25',
		});
		expect(sb.records().activities).toHaveLength(0);
		const ok = await post(sb, C.activityBulk, rows.slice(0, 25));
		expect(ok.json.Response).toHaveLength(25);
		expect(sb.records().activities).toHaveLength(25);
	});

	it('activityBulkMaxRows changes the limit', async () => {
		sb.configure({ activityBulkMaxRows: 2 });
		const leadId = await newLead(sb, 'two@example.com');
		const res = await post(sb, C.activityBulk, [row(leadId), row(leadId), row(leadId)]);
		expect(res.json.ExceptionMessage).toBe('Number of activities in the request exceeds the maximum limit of 2');
	});

	it('a body that is not an array answers 400; an empty array answers no rows', async () => {
		expect((await post(sb, C.activityBulk, { rows: [] })).status).toBe(400);
		expect((await post(sb, C.activityBulk, [])).json).toEqual({ Response: [] });
	});

	it('uses the bulk rate bucket, separate from the single calls', async () => {
		const leadId = await newLead(sb, 'bucket@example.com');
		sb.configure({ bulkRateLimit: { calls: 2, windowMs: 60_000 }, rateLimit: { calls: 100, windowMs: 60_000 } });
		expect((await post(sb, C.activityBulk, [row(leadId)])).status).toBe(200);
		expect((await post(sb, C.activityBulk, [row(leadId)])).status).toBe(200);
		const limited = await post(sb, C.activityBulk, [row(leadId)]);
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXAPIRateLimitExceededException',
			ExceptionMessage: 'API calls exceeded the limit of 2 in 60 second(s)',
		});
		expect(sb.records().activities).toHaveLength(2);
		expect((await post(sb, C.activityCreate, row(leadId))).status).toBe(200);
		expect((await call(sb, P.metadata)).status).toBe(200);
	});

	it('the lead bulk endpoint and the activity bulk endpoint share the bulk bucket', async () => {
		const leadId = await newLead(sb, 'shared@example.com');
		sb.configure({ bulkRateLimit: { calls: 1, windowMs: 60_000 } });
		expect((await call(sb, P.bulk, { body: [] })).status).toBe(200);
		expect((await post(sb, C.activityBulk, [row(leadId)])).status).toBe(429);
	});
});
