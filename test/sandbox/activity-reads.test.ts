import { startSandbox, type Sandbox } from '../../sandbox';
import { C, formActivity, newLead, post } from './crm-client';

describe('sandbox: activity reads', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		// these tests assert orders of activities written in the same second: ties keep write order
		sb.configure({ activityRetrieveOffset: undefined, leadActivitiesOrder: undefined, activityMaxPageSize: undefined, unstableTieOrder: false });
		sb.reset();
	});

	const retrieve = (leadId: string, body?: unknown) => post(sb, C.activityRetrieve, body ?? {}, { leadId });

	describe('ProspectActivity.svc/Retrieve?leadId=', () => {
		it('answers RecordCount and the activities, newest ActivityDateTime first, with the note and values in Data', async () => {
			const leadId = await newLead(sb, 'r1@example.com');
			const other = await newLead(sb, 'r2@example.com');
			const older = await formActivity(sb, leadId, '2026-01-01 10:00:00', 'Old form');
			const newer = await formActivity(sb, leadId, '2026-01-02 10:00:00', 'New form');
			await formActivity(sb, other, '2026-01-03 10:00:00');
			const res = await retrieve(leadId);
			expect(res.status).toBe(200);
			expect(res.json.RecordCount).toBe(2);
			expect(res.json.ProspectActivities.map((a: { Id: string }) => a.Id)).toEqual([newer, older]);
			expect(res.json.ProspectActivities[1]).toEqual({
				Id: older,
				EventCode: 201,
				EventName: 'Form Submitted',
				ActivityScore: 5,
				CreatedOn: '2026-01-01 10:00:00',
				ActivityType: 2,
				IsEmailType: false,
				Type: 'Inbound',
				SessionId: older,
				TrackLocation: 0,
				Latitude: null,
				Longitude: null,
				ModifiedOn: expect.any(String),
				Data: [
					{ Key: 'ActivityEvent_Note', Value: 'Form Old form' },
					{ Key: 'Owner', Value: expect.any(String) },
					{ Key: 'mx_Custom_1', Value: 'Old form' },
				],
			});
		});

		it('filters by Parameter.ActivityEvent; an unknown lead has none; no body is all', async () => {
			const leadId = await newLead(sb, 'filter@example.com');
			await formActivity(sb, leadId, '2026-01-01 10:00:00');
			await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 202, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }] });
			expect((await retrieve(leadId, { Parameter: { ActivityEvent: 202 } })).json.RecordCount).toBe(1);
			expect((await retrieve(leadId, { Parameter: { ActivityEvent: '201' } })).json.RecordCount).toBe(1);
			expect((await retrieve(leadId)).json.RecordCount).toBe(2);
			expect((await retrieve('00000000-0000-0000-0000-000000000000')).json).toEqual({ RecordCount: 0, ProspectActivities: [] });
			expect((await retrieve(leadId, { Parameter: { ActivityEvent: 777 } })).json.ExceptionType).toBe('MXInvalidActivityException');
			expect((await post(sb, C.activityRetrieve, {})).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: leadId');
		});

		it('pages by Offset (rows skipped) and RowCount (25 by default) without repeats', async () => {
			const leadId = await newLead(sb, 'paging@example.com');
			const rows = Array.from({ length: 30 }, () => ({ RelatedProspectId: leadId, ActivityEvent: 201, ActivityDateTime: '2026-01-01 10:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Same second' }] }));
			await post(sb, C.activityBulk, rows.slice(0, 25));
			await post(sb, C.activityBulk, rows.slice(25));
			const first = await retrieve(leadId);
			expect(first.json.RecordCount).toBe(30);
			expect(first.json.ProspectActivities).toHaveLength(25);
			const seen: string[] = [];
			for (let offset = 0; offset < 30; offset += 7) {
				const page = await retrieve(leadId, { Paging: { Offset: String(offset), RowCount: '7' } });
				seen.push(...page.json.ProspectActivities.map((a: { Id: string }) => a.Id));
			}
			expect(seen).toHaveLength(30);
			expect(new Set(seen).size).toBe(30);
			// ties on ActivityDateTime: the latest posted comes first
			expect(seen[0]).toBe(sb.records().activities[29].ProspectActivityId);
		});

		it("activityRetrieveOffset 'pages' reads Offset as a 1-based page number", async () => {
			sb.configure({ activityRetrieveOffset: 'pages' });
			const leadId = await newLead(sb, 'pages@example.com');
			for (let day = 1; day <= 5; day++) await formActivity(sb, leadId, `2026-01-0${day} 10:00:00`, `F${day}`);
			const names = async (offset: number): Promise<string[]> =>
				(await retrieve(leadId, { Paging: { Offset: offset, RowCount: 2 } })).json.ProspectActivities.map((a: { CreatedOn: string }) => a.CreatedOn.slice(8, 10));
			expect(await names(1)).toEqual(['05', '04']);
			expect(await names(2)).toEqual(['03', '02']);
			expect(await names(0)).toEqual(['05', '04']);
		});

		it("leadActivitiesOrder 'oldestFirst' reverses the order", async () => {
			sb.configure({ leadActivitiesOrder: 'oldestFirst' });
			const leadId = await newLead(sb, 'oldest@example.com');
			const a = await formActivity(sb, leadId, '2026-01-01 10:00:00');
			const b = await formActivity(sb, leadId, '2026-01-02 10:00:00');
			expect((await retrieve(leadId)).json.ProspectActivities.map((x: { Id: string }) => x.Id)).toEqual([a, b]);
		});

		it('RowCount above 1000 → PageSize can not be more than 1000', async () => {
			const leadId = await newLead(sb, 'big@example.com');
			expect((await retrieve(leadId, { Paging: { Offset: 0, RowCount: 1000 } })).status).toBe(200);
			const res = await retrieve(leadId, { Paging: { Offset: 0, RowCount: 2000 } });
			expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'PageSize can not be more than 1000' });
		});
	});

	describe('CustomActivity/RetrieveByActivityEvent', () => {
		const byEvent = (parameter: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
			post(sb, C.activityByEvent, { Parameter: { FromDate: '2000-01-01 00:00:00', ToDate: '2100-01-01 00:00:00', ActivityEvent: 201, ...parameter }, ...rest });

		it('answers {RecordCount, List} of flat rows, oldest ModifiedOn first by default', async () => {
			const leadId = await newLead(sb, 'e1@example.com');
			const a = await formActivity(sb, leadId, '2026-01-02 10:00:00', 'A');
			const b = await formActivity(sb, leadId, '2026-01-01 10:00:00', 'B');
			await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 202, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }] });
			const res = await byEvent({});
			expect(res.status).toBe(200);
			expect(res.json.RecordCount).toBe(2);
			expect(res.json.List.map((r: { ProspectActivityId: string }) => r.ProspectActivityId)).toEqual([a, b]);
			expect(res.json.List[0]).toEqual({
				ProspectActivityId: a,
				RelatedProspectId: leadId,
				ActivityType: '2',
				ActivityEvent: '201',
				ActivityEvent_Note: 'Form A',
				ActivityDateTime: '2026-01-02 10:00:00',
				mx_Custom_1: 'A',
				mx_Custom_2: null,
				mx_Custom_3: null,
				mx_Custom_4: null,
				Owner: expect.any(String),
				CreatedOn: expect.any(String),
				CreatedBy: expect.any(String),
				CreatedByName: 'Sandbox Admin',
				CreatedByEmailAddress: 'admin@sandbox.example.com',
				ModifiedOn: expect.any(String),
				ModifiedBy: expect.any(String),
				ModifiedByName: 'Sandbox Admin',
			});
			const trimmed = await byEvent({ RemoveEmptyValue: true });
			expect(Object.keys(trimmed.json.List[0])).not.toContain('mx_Custom_2');
			expect(trimmed.json.List[0].mx_Custom_1).toBe('A');
		});

		it('filters on ModifiedOn within FromDate..ToDate (inclusive, whole seconds); Direction 1 is newest first', async () => {
			const leadId = await newLead(sb, 'window@example.com');
			const a = await formActivity(sb, leadId, '2026-01-01 10:00:00', 'A');
			const b = await formActivity(sb, leadId, '2026-01-01 10:00:00', 'B');
			const [first, last] = sb.records().activities.map((x) => x.ModifiedOn);
			expect((await byEvent({ FromDate: first, ToDate: last })).json.RecordCount).toBe(2);
			const secondBefore = new Date(Date.parse(`${first.replace(' ', 'T')}Z`) - 1000).toISOString().slice(0, 19).replace('T', ' ');
			expect((await byEvent({ FromDate: '2000-01-01 00:00:00', ToDate: secondBefore })).json.RecordCount).toBe(0);
			expect((await byEvent({ FromDate: '2000-01-01 00:00:00', ToDate: '2000-01-02' })).json.RecordCount).toBe(0);
			const desc = await byEvent({}, { Sorting: { ColumnName: 'ModifiedOn', Direction: 1 } });
			expect(desc.json.List.map((r: { ProspectActivityId: string }) => r.ProspectActivityId)).toEqual([b, a]);
			// an update moves the activity to the end of the ModifiedOn order
			await post(sb, C.activityUpdate, { ProspectActivityId: a, ActivityNote: 'changed' });
			const asc = await byEvent({});
			expect(asc.json.List.map((r: { ProspectActivityId: string }) => r.ProspectActivityId)).toEqual([b, a]);
			const byCreated = await byEvent({}, { Sorting: { ColumnName: 'CreatedOn', Direction: 0 } });
			expect(byCreated.json.List.map((r: { ProspectActivityId: string }) => r.ProspectActivityId)).toEqual([a, b]);
		});

		it('pages by PageIndex/PageSize without repeats even when every row has the same ModifiedOn', async () => {
			const leadId = await newLead(sb, 'pg@example.com');
			const rows = Array.from({ length: 12 }, (_, i) => ({ RelatedProspectId: leadId, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: `F${i}` }] }));
			await post(sb, C.activityBulk, rows);
			const seen: string[] = [];
			for (let pageIndex = 1; pageIndex <= 3; pageIndex++) {
				const page = await byEvent({}, { Paging: { PageIndex: pageIndex, PageSize: 5 } });
				expect(page.json.RecordCount).toBe(12);
				seen.push(...page.json.List.map((r: { mx_Custom_1: string }) => r.mx_Custom_1));
			}
			expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `F${i}`));
		});

		it('errors: missing or unknown ActivityEvent, bad dates, PageSize above 1000', async () => {
			expect((await byEvent({ ActivityEvent: undefined })).json).toMatchObject({ ExceptionType: 'MXInvalidActivityException', IsMXException: true });
			expect((await byEvent({ ActivityEvent: 555 })).json.ExceptionType).toBe('MXInvalidActivityException');
			expect((await byEvent({ FromDate: 'yesterday' })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: FromDate');
			expect((await byEvent({ ToDate: undefined })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: ToDate');
			const big = await byEvent({}, { Paging: { PageIndex: 1, PageSize: 1001 } });
			expect(big.json.ExceptionMessage).toBe('PageSize can not be more than 1000');
			sb.configure({ activityMaxPageSize: 50 });
			expect((await byEvent({}, { Paging: { PageIndex: 1, PageSize: 51 } })).json.ExceptionMessage).toBe('PageSize can not be more than 50');
		});
	});
});
