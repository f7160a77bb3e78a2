import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ADMIN_ID, ASHA, C, newLead, post, recordEvents } from './crm-client';

describe('sandbox: ProspectActivity.svc/Create and CustomActivity/Update', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ mxErrorStatus: undefined });
		sb.reset();
	});

	const call202 = (leadId: string, fields: Array<{ SchemaName: string; Value: string }>, extra: Record<string, unknown> = {}) =>
		post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 202, ActivityNote: 'Spoke to the lead', Fields: fields, ...extra });

	it('posts on a lead by RelatedProspectId, with normalised field values, and announces activity.created', async () => {
		const leadId = await newLead(sb, 'call@example.com');
		const { events, stop } = recordEvents(sb);
		const res = await call202(leadId, [
			{ SchemaName: 'mx_Custom_1', Value: 'Connected' },
			{ SchemaName: 'mx_Custom_2', Value: ' 95 ' },
			{ SchemaName: 'mx_Custom_4', Value: 'true' },
			{ SchemaName: 'mx_Custom_5', Value: '2026-03-01 10:30:00' },
		], { ActivityDateTime: '2026-02-27 09:15:00', ProcessFilesAsync: true });
		stop();
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const [stored] = sb.records().activities;
		expect(stored).toEqual({
			ProspectActivityId: res.json.Message.Id,
			RelatedProspectId: leadId,
			ActivityEvent: 202,
			ActivityNote: 'Spoke to the lead',
			ActivityDateTime: '2026-02-27 09:15:00',
			Fields: { Owner: ADMIN_ID, mx_Custom_1: 'Connected', mx_Custom_2: '95', mx_Custom_4: '1', mx_Custom_5: '2026-03-01 10:30:00' },
			CreatedBy: ADMIN_ID,
			CreatedOn: expect.any(String),
			ModifiedBy: ADMIN_ID,
			ModifiedOn: expect.any(String),
		});
		expect(events.filter((e) => e.type.startsWith('activity'))).toEqual([
			expect.objectContaining({ type: 'activity.created', leadId, data: expect.objectContaining({ ProspectActivityId: stored.ProspectActivityId }) }),
		]);
	});

	it('ActivityDateTime defaults to now; Owner may be given as a user e-mail and is stored as the user id', async () => {
		const leadId = await newLead(sb, 'owner@example.com');
		const res = await call202(leadId, [
			{ SchemaName: 'mx_Custom_1', Value: 'Busy' },
			{ SchemaName: 'Owner', Value: ASHA.email.toUpperCase() },
		]);
		expect(res.status).toBe(200);
		const [stored] = sb.records().activities;
		expect(stored.ActivityDateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(stored.Fields.Owner).toBe(ASHA.id);
	});

	it('by EmailAddress: posts on the existing lead (compared case-insensitively) without changing it', async () => {
		const leadId = await newLead(sb, 'known@example.com', { FirstName: 'Kim' });
		const res = await post(sb, C.activityCreate, { EmailAddress: 'KNOWN@example.com', FirstName: 'Other', ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Demo' }] });
		expect(res.status).toBe(200);
		expect(sb.records().activities[0].RelatedProspectId).toBe(leadId);
		expect(sb.leads()).toHaveLength(1);
		expect(sb.leads()[0].FirstName).toBe('Kim');
	});

	it('by EmailAddress: creates a missing lead from FirstName, LastName, Phone and EmailAddress', async () => {
		const { events, stop } = recordEvents(sb);
		const res = await post(sb, C.activityCreate, {
			EmailAddress: 'john.smith@acmeconsulting.co',
			ActivityEvent: 201,
			ActivityNote: 'Note for the activity',
			ActivityDateTime: '2015-10-11 12:13:44',
			FirstName: 'John',
			LastName: 'Smith',
			Phone: '+919845098450',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Brochure' }],
		});
		stop();
		expect(res.status).toBe(200);
		const [lead] = sb.leads();
		expect(lead).toMatchObject({ EmailAddress: 'john.smith@acmeconsulting.co', FirstName: 'John', LastName: 'Smith', Phone: '+919845098450' });
		expect(sb.records().activities[0].RelatedProspectId).toBe(lead.ProspectID);
		expect(events.map((e) => e.type)).toEqual(['lead.created', 'activity.created']);
		expect(sb.automationLog()).toEqual([expect.objectContaining({ leadId: lead.ProspectID, trigger: 'create' })]);
	});

	it('by EmailAddress: a lead that cannot be created (mandatory LastName) fails and nothing is written', async () => {
		const res = await post(sb, C.activityCreate, { EmailAddress: 'nolast@example.com', ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }] });
		expect(res.json).toMatchObject({ ExceptionType: 'MXMandatoryAttributeMissingException', ExceptionMessage: 'Mandatory attribute(s) missing - LastName' });
		expect(sb.leads()).toHaveLength(0);
		expect(sb.records().activities).toHaveLength(0);
	});

	it.each([
		['missing', undefined],
		['unknown', 999],
		['not a number', 'abc'],
		['an opportunity type', 12000],
		['a system type', 22],
	])('ActivityEvent %s → MXInvalidActivityException with IsMXException', async (_label, code) => {
		const leadId = await newLead(sb, 'evt@example.com');
		const res = await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: code });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidActivityException',
			ExceptionMessage: 'Event Code is invalid or empty',
			IsMXException: true,
		});
		expect(sb.records().activities).toHaveLength(0);
	});

	it('an unknown lead id, or no lead at all, is an error', async () => {
		const unknown = await call202('00000000-0000-0000-0000-000000000000', [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }]);
		expect(unknown.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' });
		const none = await post(sb, C.activityCreate, { ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }] });
		expect(none.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: RelatedProspectId' });
	});

	it.each(['2026-02-30 10:00:00', '2026-02-27', '27/02/2026 10:00:00', '2026-02-27T10:00:00Z'])('ActivityDateTime %s is refused', async (when) => {
		const leadId = await newLead(sb, 'date@example.com');
		const res = await call202(leadId, [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }], { ActivityDateTime: when });
		expect(res.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: expect.stringContaining(`Invalid ActivityDateTime '${when}'`) });
	});

	it('validates Fields against the type: unknown field, wrong type, dropdown option, mandatory field', async () => {
		const leadId = await newLead(sb, 'fields@example.com');
		const cases: Array<[Array<{ SchemaName: string; Value: string }>, string]> = [
			[[{ SchemaName: 'mx_Custom_1', Value: 'Busy' }, { SchemaName: 'mx_Custom_9', Value: 'x' }], "Field name : 'mx_Custom_9' does not exist."],
			[[{ SchemaName: 'mx_Custom_1', Value: 'Busy' }, { SchemaName: 'mx_Custom_2', Value: 'ten' }], "Field name : 'mx_Custom_2' of datatype : 'Number' has an invalid value : 'ten'."],
			[[{ SchemaName: 'mx_Custom_1', Value: 'Busy' }, { SchemaName: 'mx_Custom_5', Value: 'tomorrow' }], "Field name : 'mx_Custom_5' of datatype : 'DateTime' has an invalid value : 'tomorrow'."],
			[[{ SchemaName: 'mx_Custom_1', Value: 'Voicemail' }], "Field name : 'mx_Custom_1' of datatype : 'Dropdown' has an invalid value : 'Voicemail'. Allowed values: Connected, No Answer, Busy, Wrong Number"],
			[[{ SchemaName: 'mx_Custom_2', Value: '30' }], "Field name : 'mx_Custom_1' of datatype : 'Dropdown' is mandatory."],
			[[{ SchemaName: 'mx_Custom_1', Value: '' }], "Field name : 'mx_Custom_1' of datatype : 'Dropdown' is mandatory."],
			[[{ SchemaName: 'mx_Custom_1', Value: 'Busy' }, { SchemaName: 'Owner', Value: 'karan.mehta@sandbox.example.com' }], "Field name : 'Owner' of datatype : 'ActiveUsers' has an invalid value : 'karan.mehta@sandbox.example.com'. No active user has this id or e-mail address."],
		];
		for (const [fields, message] of cases) {
			const res = await call202(leadId, fields);
			expect(res.status).toBe(500);
			expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidActivityFieldsException', ExceptionMessage: message });
		}
		expect(sb.records().activities).toHaveLength(0);
	});

	it('ValidateDropDownOptions: true skips the dropdown option check (only that check)', async () => {
		const leadId = await newLead(sb, 'mavis@example.com');
		const ok = await call202(leadId, [{ SchemaName: 'mx_Custom_1', Value: 'Voicemail' }], { ValidateDropDownOptions: true });
		expect(ok.status).toBe(200);
		expect(sb.records().activities[0].Fields.mx_Custom_1).toBe('Voicemail');
		const still = await call202(leadId, [{ SchemaName: 'mx_Custom_1', Value: 'x' }, { SchemaName: 'mx_Custom_2', Value: 'ten' }], { ValidateDropDownOptions: true });
		expect(still.json.ExceptionType).toBe('MXInvalidActivityFieldsException');
	});

	it('a Fields element that is not a SchemaName/Value pair answers 400', async () => {
		const leadId = await newLead(sb, 'shape@example.com');
		const res = await call202(leadId, [{ Attribute: 'mx_Custom_1', Value: 'Busy' } as unknown as { SchemaName: string; Value: string }]);
		expect(res.status).toBe(400);
		expect(res.json.ExceptionType).toBe('MXInvalidInputException');
	});

	it('the type score is added to the lead Score; IncludeLeadScore returns it', async () => {
		const leadId = await newLead(sb, 'score@example.com', { Score: '10' });
		const res = await post(sb, C.activityCreate, {
			RelatedProspectId: leadId,
			ActivityEvent: 203,
			IncludeLeadScore: true,
			Fields: [{ SchemaName: 'mx_Custom_1', Value: '1500.50' }, { SchemaName: 'mx_Custom_2', Value: 'INR' }],
		});
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.any(String), LeadScore: 20 } });
		expect(sb.leads()[0].Score).toBe('20');
		const plain = await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 203, Fields: [{ SchemaName: 'mx_Custom_1', Value: '5' }] });
		expect(plain.json.Message).toEqual({ Id: expect.any(String) });
	});

	it('CustomActivity/Update changes the note and the given fields and announces activity.updated with the changes', async () => {
		const leadId = await newLead(sb, 'upd@example.com');
		const created = await call202(leadId, [{ SchemaName: 'mx_Custom_1', Value: 'No Answer' }, { SchemaName: 'mx_Custom_3', Value: 'first try' }]);
		const id = created.json.Message.Id as string;
		const { events, stop } = recordEvents(sb);
		const res = await post(sb, C.activityUpdate, {
			ProspectActivityId: id,
			ActivityEvent: 202,
			ActivityNote: 'Called back',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Connected' }, { SchemaName: 'mx_Custom_2', Value: '120' }],
		});
		stop();
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: id } });
		expect(sb.records().activities[0]).toMatchObject({
			ActivityNote: 'Called back',
			Fields: { mx_Custom_1: 'Connected', mx_Custom_2: '120', mx_Custom_3: 'first try' },
		});
		expect(events).toEqual([
			expect.objectContaining({
				type: 'activity.updated',
				leadId,
				changed: ['ActivityNote', 'mx_Custom_1', 'mx_Custom_2'],
				before: { ActivityNote: 'Spoke to the lead', mx_Custom_1: 'No Answer', mx_Custom_2: null },
			}),
		]);
	});

	it('CustomActivity/Update: unknown activity, another event code, a mandatory field emptied', async () => {
		const leadId = await newLead(sb, 'upd2@example.com');
		const id = (await call202(leadId, [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }])).json.Message.Id as string;
		const unknown = await post(sb, C.activityUpdate, { ProspectActivityId: '11111111-2222-3333-4444-555555555555', ActivityNote: 'x' });
		expect(unknown.json).toMatchObject({ ExceptionType: 'MXUnknownProspectActivityException' });
		const otherEvent = await post(sb, C.activityUpdate, { ProspectActivityId: id, ActivityEvent: 201 });
		expect(otherEvent.json).toMatchObject({ ExceptionType: 'MXInvalidActivityException', IsMXException: true });
		const emptied = await post(sb, C.activityUpdate, { ProspectActivityId: id, Fields: [{ SchemaName: 'mx_Custom_1', Value: '' }] });
		expect(emptied.json).toMatchObject({ ExceptionType: 'MXInvalidActivityFieldsException' });
		expect(sb.records().activities[0].Fields.mx_Custom_1).toBe('Busy');
	});

	it('a body that is not a JSON object answers 400', async () => {
		expect((await call(sb, C.activityCreate, { rawBody: '[1]' })).status).toBe(400);
		expect((await call(sb, C.activityCreate, { rawBody: '{"a":', contentType: 'application/json' })).status).toBe(400);
	});
});
