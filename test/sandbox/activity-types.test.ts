import { defaultActivityTypes, startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { C } from './crm-client';

describe('sandbox: activity and opportunity types', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ activityTypes: undefined, activityTypesIncludeOpportunities: undefined, activityTypeSystemEventType: undefined, mxErrorStatus: undefined });
		sb.reset();
	});

	it('ActivityTypes.Get lists custom, system and opportunity types in the shape live accounts answer', async () => {
		const res = await call(sb, C.activityTypes);
		expect(res.status).toBe(200);
		const types = res.json as Array<Record<string, unknown>>;
		const byCode = new Map(types.map((t) => [t.ActivityEvent, t]));
		const form = byCode.get(201) as Record<string, unknown>;
		expect(Object.keys(form).sort()).toEqual(['ActivityEvent', 'ActivityEventName', 'ActivityProperties', 'DisplayName', 'EventDirection', 'EventType', 'Score']);
		expect(form).toMatchObject({ ActivityEvent: 201, ActivityEventName: 'Form Submitted', DisplayName: 'Form Submitted', EventType: 2, EventDirection: 0, Score: 5 });
		const meta = (JSON.parse(form.ActivityProperties as string) as { FormMetaData: Array<Record<string, unknown>> }).FormMetaData;
		expect(meta.map((f) => [f.SchemaName, f.DataType, f.IsMandatory])).toEqual([
			['ActivityEvent_Note', 'String', false],
			['mx_Custom_1', 'String', true],
			['mx_Custom_2', 'String', false],
			['mx_Custom_3', 'DateTime', false],
			['mx_Custom_4', 'Dropdown', false],
			['Owner', 'ActiveUsers', false],
		]);
		expect((JSON.parse(meta[4].OptionSet as string) as Array<{ Value: string }>).map((o) => o.Value)).toEqual(['Google Ads', 'Facebook', 'Newsletter', 'Organic']);
		expect(byCode.get(202)).toMatchObject({ ActivityEventName: 'Phone Call', EventDirection: 1, EventType: 2 });
		expect(byCode.get(22)).toMatchObject({ ActivityEventName: 'Outbound Phone Call Activity', EventType: 1, ActivityProperties: null });
		expect(byCode.get(32)).toMatchObject({ ActivityEventName: 'Duplicate Opportunity Detected', EventType: 1 });
		expect(byCode.get(12000)).toMatchObject({ ActivityEventName: 'Admission', EventType: 2 });
		expect(types.some((t) => 'IsOpportunityType' in t || 'ActivityType' in t)).toBe(false);
		sb.configure({ activityTypeSystemEventType: 0 });
		expect(((await call(sb, C.activityTypes)).json as Array<Record<string, unknown>>).find((t) => t.ActivityEvent === 22)).toMatchObject({ EventType: 0 });
	});

	it('activityTypesIncludeOpportunities: false leaves the opportunity types out', async () => {
		sb.configure({ activityTypesIncludeOpportunities: false });
		const codes = ((await call(sb, C.activityTypes)).json as Array<{ ActivityEvent: number }>).map((t) => t.ActivityEvent);
		expect(codes).toContain(201);
		expect(codes).not.toContain(12000);
	});

	it('GetActivitySetting gives each field with its display name, data type, mandatory flag and dropdown options', async () => {
		const res = await call(sb, C.activitySetting, { query: { code: '202' } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ ID: '00000000-0000-4000-8000-000000000202', Name: 'Phone Call', DisplayName: 'Phone Call' });
		const fields = res.json.Fields as Array<Record<string, unknown>>;
		expect(fields.map((f) => [f.SchemaName, f.DisplayName, f.DataType, f.IsMandatory])).toEqual([
			['mx_Custom_1', 'Call Outcome', 'Dropdown', true],
			['mx_Custom_2', 'Duration (seconds)', 'Number', false],
			['mx_Custom_3', 'Call Notes', 'String', false],
			['mx_Custom_4', 'Follow-up Needed', 'Boolean', false],
			['mx_Custom_5', 'Call Back On', 'DateTime', false],
			['Owner', 'Owner', 'ActiveUsers', false],
		]);
		expect(fields[0]).toMatchObject({ Value: null, ShowInForm: true, Sequence: 1, MaxFieldLength: 200 });
		const options = JSON.parse(fields[0].OptionSet as string) as Array<{ Value: string; Order: number }>;
		expect(options.map((o) => o.Value)).toEqual(['Connected', 'No Answer', 'Busy', 'Wrong Number']);
		expect(options[1]).toMatchObject({ Order: 1, Text: '', IsDefault: false });
		expect(fields[1].OptionSet).toBe('');
	});

	it('GetActivitySetting: an unknown code, or no code, is an error', async () => {
		const unknown = await call(sb, C.activitySetting, { query: { code: '999' } });
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidActivityException',
			ExceptionMessage: 'Event Code is invalid or empty',
			IsMXException: true,
		});
		const missing = await call(sb, C.activitySetting);
		expect(missing.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: code' });
	});

	it('GetOpportunityTypeMetadata gives the opportunity type with Notes, Status, Owner and its custom fields', async () => {
		const res = await call(sb, C.oppTypeMetadata, { query: { code: '12001' } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ AllowAttachments: false, CanDelete: true, DisplayName: 'Loan', EventCode: 12001 });
		const fields = res.json.Fields as Array<Record<string, unknown>>;
		expect(fields.map((f) => f.SchemaName)).toEqual(['ActivityEvent_Note', 'Status', 'Owner', 'mx_Custom_1', 'mx_Custom_2', 'mx_Custom_3', 'mx_Custom_4']);
		expect(fields[1]).toMatchObject({ DataType: 'Dropdown', IsMandatory: true, IsDefault: true });
		expect(JSON.parse(fields[1].OptionSet as string).map((o: { Value: string }) => o.Value)).toEqual(['Open', 'Won', 'Lost']);
		const custom = await call(sb, C.oppTypeMetadata, { query: { code: '201' } });
		expect(custom.json).toMatchObject({ ExceptionType: 'MXInvalidActivityException' });
	});

	it('the types come from the activityTypes option (configure rebuilds them)', async () => {
		sb.configure({
			activityTypes: [
				...defaultActivityTypes(),
				{ code: 250, name: 'Site Visit', fields: [{ schemaName: 'mx_Custom_1', displayName: 'Rating', dataType: 'Number', mandatory: true }] },
			],
		});
		const list = (await call(sb, C.activityTypes)).json as Array<{ ActivityEvent: number; ActivityEventName: string }>;
		expect(list.find((t) => t.ActivityEvent === 250)?.ActivityEventName).toBe('Site Visit');
		const setting = await call(sb, C.activitySetting, { query: { code: '250' } });
		expect(setting.json.Fields[0]).toMatchObject({ DisplayName: 'Rating', DataType: 'Number', IsMandatory: true });
	});

	it('MX errors follow mxErrorStatus (the envelope is the same)', async () => {
		sb.configure({ mxErrorStatus: 200 });
		const res = await call(sb, C.activitySetting, { query: { code: '999' } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ Status: 'Error', IsMXException: true });
	});
});
