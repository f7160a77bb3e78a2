/**
 * The pure activity helpers: activity types and their fields read from LeadSquared's answers (documented
 * samples and tolerated variants), the Create body built and checked against the type, the bulk answer
 * mapped back to its rows, and retrieved activities made dependable (Data as an object, typed values).
 */
import { activityKeys, buildActivityPayload, mapBulkActivityResults } from '../../nodes/LeadSquared/model/activity/payload';
import type { ActivityInput } from '../../nodes/LeadSquared/model/activity/payload';
import { activityData, activityEventOf, activityIdOf, activityRecord, typedActivity } from '../../nodes/LeadSquared/model/activity/records';
import { eventCodeOf, parseActivitySetting, parseActivityTypes, typeLabel } from '../../nodes/LeadSquared/model/activity/types';
import { InputError } from '../../nodes/LeadSquared/machinery/errors';

const LEAD = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f';

/** The documented GetActivitySetting sample's shape, for a Phone Call type. */
const SETTING = {
	ID: '008e841a-5d3a-11e6-96be-22000aa8e760',
	Name: 'Phone Call',
	DisplayName: 'Phone Call',
	Fields: [
		{ SchemaName: 'mx_Custom_1', DisplayName: 'Outcome', DataType: 'Dropdown', IsMandatory: true, OptionSet: JSON.stringify([{ Value: 'Connected' }, { Value: 'Busy' }]) },
		{ SchemaName: 'mx_Custom_2', DisplayName: 'Duration', DataType: 'Number', IsMandatory: false, OptionSet: '' },
		{ SchemaName: 'mx_Custom_3', DisplayName: 'Call Back On', DataType: 'DateTime', IsMandatory: false, OptionSet: '' },
		{ SchemaName: 'mx_Custom_4', DisplayName: 'Follow-up', DataType: 'Boolean', IsMandatory: false, OptionSet: '' },
		{ SchemaName: 'mx_Custom_5', DisplayName: 'Notes', DataType: 'String', IsMandatory: false, MaxFieldLength: 10 },
		{ SchemaName: 'mx_Custom_6', DisplayName: 'Tags', DataType: 'Dropdown', IsMultiSelectDropdown: true, OptionSet: '[{"Value":"A"}]' },
		{ SchemaName: 'Status', DisplayName: 'Status', DataType: 'SearchableDropdown', IsMandatory: true, OptionSet: '' },
		{ SchemaName: 'ActivityEvent_Note', DisplayName: 'Notes', DataType: 'String' },
	],
};
const TYPE = parseActivitySetting(SETTING, 202);
const OPTIONS = { timezone: 'UTC', skipDropdownCheck: false };

function build(input: Partial<ActivityInput>, options = OPTIONS) {
	return buildActivityPayload({ lead: { by: 'id', id: LEAD }, fields: [{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' }], ...input }, TYPE, options);
}

function refusal(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('no InputError');
}

describe('activity types', () => {
	it('reads ActivityTypes.Get as a list, or inside an object; codes, EventType, EventDirection and Score as numbers or text; skips entries without a code', () => {
		const list = [
			{ ActivityEvent: 201, ActivityEventName: 'Form Submitted', EventType: 2, EventDirection: 0, Score: 5, ActivityProperties: '{"FormMetaData":[]}' },
			{ ActivityEvent: '12000', ActivityEventName: 'Admission', EventType: '2', EventDirection: '1', Score: '-3' },
			{ ActivityEvent: 22, DisplayName: 'Outbound Phone Call Activity', EventType: 0 },
			{ ActivityEventName: 'No code' },
			{ Code: 205 },
		];
		const expected = [
			{ code: 201, name: 'Form Submitted', eventType: 2, direction: 0, score: 5 },
			{ code: 12000, name: 'Admission', eventType: 2, direction: 1, score: -3 },
			{ code: 22, name: 'Outbound Phone Call Activity', eventType: 0 },
			{ code: 205, name: 'Activity type 205' },
		];
		expect(parseActivityTypes(list)).toEqual(expected);
		expect(parseActivityTypes({ List: list })).toEqual(expected);
		expect(parseActivityTypes({ Status: 'Success' })).toBeUndefined();
	});

	it('reads a type\'s fields with their kinds, options and limits; the note is not a field', () => {
		const fields = TYPE.fields?.fields ?? [];
		expect(TYPE.name).toBe('Phone Call');
		expect(fields.map((field) => [field.schemaName, field.kind, field.isMandatory])).toEqual([
			['mx_Custom_1', 'dropdown', true],
			['mx_Custom_2', 'number', false],
			['mx_Custom_3', 'dateTime', false],
			['mx_Custom_4', 'boolean', false],
			['mx_Custom_5', 'text', false],
			['mx_Custom_6', 'text', false],
			['Status', 'dropdown', true],
		]);
		expect(fields[0].options).toEqual(['Connected', 'Busy']);
		expect(fields[4].maxLength).toBe(10);
		expect(typeLabel(TYPE)).toBe('Phone Call (202)');
	});

	it('leaves the fields unknown when the answer has none to read', () => {
		expect(parseActivitySetting({ Name: 'X' }, 5)).toEqual({ code: 5, name: 'X' });
		expect(parseActivitySetting('nonsense', 5)).toEqual({ code: 5 });
	});

	it.each([
		[201, 201],
		['201', 201],
		[' 201 ', 201],
		[0, undefined],
		['-1', undefined],
		['2.5', undefined],
		['abc', undefined],
		[null, undefined],
	])('event code %p → %p', (raw, code) => {
		expect(eventCodeOf(raw)).toBe(code);
	});
});

describe('buildActivityPayload', () => {
	it('builds the documented body in order, values converted by the field types', () => {
		const payload = build({
			note: 'Called',
			dateTime: '2026-03-01T10:00:00+05:30',
			ownerEmail: 'owner@example.com',
			fields: [
				{ name: 'mx_custom_1', value: 'busy', source: 'activity fields' },
				{ name: 'mx_Custom_2', value: 90, source: 'activity fields' },
				{ name: 'mx_Custom_3', value: '2026-03-02 09:00', source: 'activity fields' },
				{ name: 'mx_Custom_4', value: 'yes', source: 'manual entry' },
				{ name: 'mx_Custom_6', value: 'A;B', source: 'manual entry' },
			],
		});
		expect(JSON.stringify(payload.body)).toBe(
			JSON.stringify({
				RelatedProspectId: LEAD,
				ActivityEvent: 202,
				ActivityNote: 'Called',
				ActivityDateTime: '2026-03-01 04:30:00',
				ActivityOwnerEmail: 'owner@example.com',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: 'Busy' },
					{ SchemaName: 'mx_Custom_2', Value: '90' },
					{ SchemaName: 'mx_Custom_3', Value: '2026-03-02 09:00:00' },
					{ SchemaName: 'mx_Custom_4', Value: '1' },
					{ SchemaName: 'mx_Custom_6', Value: 'A;B' },
				],
			}),
		);
		expect(payload.lead).toEqual({ by: 'id', id: LEAD });
		expect(activityKeys(payload)).toEqual([]);
	});

	it('names the lead by e-mail with the details for a new lead; items by one address share a key', () => {
		const payload = build({ lead: { by: 'email', email: ' Ada@Example.com ', firstName: 'Ada', lastName: '', phone: 9845098450 } });
		expect(payload.body).toMatchObject({ EmailAddress: 'Ada@Example.com', FirstName: 'Ada', Phone: '9845098450' });
		expect(payload.body).not.toHaveProperty('LastName');
		expect(activityKeys(payload)).toEqual(['email:ada@example.com']);
	});

	it('reads dates without a zone in the given time zone', () => {
		expect(build({ dateTime: '2026-03-01 10:00' }, { ...OPTIONS, timezone: 'Asia/Kolkata' }).body.ActivityDateTime).toBe('2026-03-01 04:30:00');
	});

	it('with ValidateDropDownOptions, sends it and accepts any dropdown value', () => {
		const payload = build({ fields: [{ name: 'mx_Custom_1', value: 'Voicemail', source: 'activity fields' }] }, { ...OPTIONS, skipDropdownCheck: true });
		expect(payload.body).toMatchObject({ Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Voicemail' }], ValidateDropDownOptions: true });
	});

	it('leaves out and lists fields without a value', () => {
		const payload = build({
			fields: [
				{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' },
				{ name: 'mx_Custom_2', value: null, source: 'activity fields' },
				{ name: 'mx_Custom_5', value: '  ', source: 'manual entry' },
			],
		});
		expect(payload.skippedFields).toEqual(['mx_Custom_2', 'mx_Custom_5']);
		expect(payload.body.Fields).toEqual([{ SchemaName: 'mx_Custom_1', Value: 'Busy' }]);
	});

	it('sends fields as text, unchecked, when the type\'s fields are unknown', () => {
		const payload = buildActivityPayload(
			{ lead: { by: 'id', id: LEAD }, fields: [{ name: 'mx_Custom_9', value: 12, source: 'manual entry' }] },
			{ code: 300 },
			OPTIONS,
		);
		expect(payload.body).toEqual({ RelatedProspectId: LEAD, ActivityEvent: 300, Fields: [{ SchemaName: 'mx_Custom_9', Value: '12' }] });
	});

	it.each<[string, Partial<ActivityInput>, RegExp, string | undefined]>([
		['an empty lead id', { lead: { by: 'id', id: ' ' } }, /^Lead ID is empty$/, 'leadId'],
		['a lead id that is no GUID', { lead: { by: 'id', id: 'ada@example.com' } }, /^Lead ID "ada@example.com" is not a LeadSquared lead ID$/, 'leadId'],
		['an empty e-mail', { lead: { by: 'email', email: '' } }, /^Lead Email Address is empty$/, 'email'],
		['a bad e-mail', { lead: { by: 'email', email: 'ada(at)example.com' } }, /is "ada\(at\)example.com", which is not an e-mail address$/, 'email'],
		['an object as the phone', { lead: { by: 'email', email: 'a@b.co', phone: { n: 1 } } }, /^New Lead Details → Phone is an object/, 'phone'],
		['an object as the note', { note: { text: 'x' } }, /^Note is an object; it must be a text$/, 'note'],
		['a date that is no date', { dateTime: 'tomorrow' }, /^Date is "tomorrow", which is not a date/, 'activityDateTime'],
		['a bad owner e-mail', { ownerEmail: 'owner' }, /^Options → Owner Email is "owner", which is not an e-mail address$/, 'ownerEmail'],
		['an unknown field', { fields: [{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' }, { name: 'mx_Custom_99', value: 'x', source: 'manual entry' }] }, /^Unknown activity field "mx_Custom_99": not a field of Phone Call \(202\)\. Closest valid names: Outcome \(mx_Custom_1\), Duration \(mx_Custom_2\), Call Back On \(mx_Custom_3\), Follow-up \(mx_Custom_4\), Notes \(mx_Custom_5\)\.$/, 'mx_Custom_99'],
		['a field without a name', { fields: [{ name: '', value: 'x', source: 'manual entry' }] }, /^Activity field 1 from the manual entry has no field name$/, undefined],
		['the note as a field', { fields: [{ name: 'ActivityEvent_Note', value: 'x', source: 'manual entry' }] }, /is the activity's note, not one of its fields$/, 'ActivityEvent_Note'],
		['a field given twice', { fields: [{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' }, { name: 'MX_CUSTOM_1', value: 'Busy', source: 'manual entry' }] }, /^Activity field "mx_Custom_1" is given twice \(in the activity fields and in the manual entry\)$/, 'mx_Custom_1'],
		['a number that is no number', { fields: [{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' }, { name: 'mx_Custom_2', value: 'ninety', source: 'activity fields' }] }, /^Activity field "Duration" \(mx_Custom_2\) is "ninety", which is not a number$/, 'mx_Custom_2'],
		['a value outside the options', { fields: [{ name: 'mx_Custom_1', value: 'Voicemail', source: 'activity fields' }] }, /^Activity field "Outcome" \(mx_Custom_1\) is "Voicemail", which is not one of its options \(Connected, Busy\)$/, 'mx_Custom_1'],
		['a text too long', { fields: [{ name: 'mx_Custom_1', value: 'Busy', source: 'activity fields' }, { name: 'mx_Custom_5', value: 'x'.repeat(11), source: 'activity fields' }] }, /is 11 characters long; LeadSquared allows at most 10/, 'mx_Custom_5'],
		['a mandatory field missing', { fields: [{ name: 'mx_Custom_2', value: 5, source: 'activity fields' }] }, /^"Outcome" \(mx_Custom_1\) is mandatory for Phone Call \(202\), but has no value$/, 'mx_Custom_1'],
	])('refuses %s, naming the field', (_, input, message, field) => {
		const error = refusal(() => build(input));
		expect(error.message).toMatch(message);
		expect(error.field).toBe(field);
	});
});

describe('mapBulkActivityResults', () => {
	it('maps each row back, a failed row with LeadSquared\'s words', () => {
		const answer = {
			Response: [
				{ ProspectActivityId: 'a1', RowNumber: 1, ActivityCreated: true },
				{ ProspectActivityId: null, RowNumber: 2, ActivityCreated: false, ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' },
				{ ProspectActivityId: 'a3', RowNumber: 3, ActivityCreated: true },
			],
		};
		const results = mapBulkActivityResults(4, answer);
		expect(results?.[0]).toEqual({ ok: true, activityId: 'a1' });
		expect(results?.[1]).toMatchObject({
			ok: false,
			failure: { kind: 'business', message: 'LeadSquared refused the activity: Lead does not exist in the system', exceptionType: 'MXInvalidEntityException' },
		});
		expect(results?.[2]).toEqual({ ok: true, activityId: 'a3' });
		expect(results?.[3]).toMatchObject({ ok: false, failure: { kind: 'unexpected', message: "LeadSquared's bulk answer has no result for activity 4 of the batch" } });
	});

	it('reads a bare list, 0-based row numbers, rows in order without numbers', () => {
		expect(mapBulkActivityResults(2, [{ ProspectActivityId: 'x' }, { ProspectActivityId: 'y' }])).toEqual([
			{ ok: true, activityId: 'x' },
			{ ok: true, activityId: 'y' },
		]);
		expect(mapBulkActivityResults(2, { Response: [{ ProspectActivityId: 'y', RowNumber: 1 }, { ProspectActivityId: 'x', RowNumber: 0 }] })).toEqual([
			{ ok: true, activityId: 'x' },
			{ ok: true, activityId: 'y' },
		]);
		expect(mapBulkActivityResults(1, { Status: 'Success' })).toBeUndefined();
	});
});

describe('retrieved activities', () => {
	it('turns Data into one object from a key/value list, an object or JSON text', () => {
		expect(activityData([{ Key: 'ActivityEvent_Note', Value: 'n' }, { Key: 'mx_Custom_1', Value: '5' }, { nope: 1 }])).toEqual({ ActivityEvent_Note: 'n', mx_Custom_1: '5' });
		expect(activityData({ mx_Custom_1: '5' })).toEqual({ mx_Custom_1: '5' });
		expect(activityData('{"mx_Custom_1":"5"}')).toEqual({ mx_Custom_1: '5' });
		expect(activityData('not json')).toEqual({ value: 'not json' });
		expect(activityData(undefined)).toEqual({});
	});

	it('types the dates of the activity and the values in Data by the type\'s fields', () => {
		const record = activityRecord({
			Id: 'a1',
			EventCode: 202,
			CreatedOn: '2026-02-01 09:30:00',
			data: [
				{ Key: 'mx_Custom_2', Value: '75' },
				{ Key: 'mx_Custom_3', Value: '2026-02-03 10:00:00' },
				{ Key: 'mx_Custom_4', Value: '0' },
				{ Key: 'Owner', Value: 'u1' },
			],
		});
		expect(activityIdOf(record)).toBe('a1');
		expect(activityEventOf(record)).toBe(202);
		expect(typedActivity(record, TYPE.fields)).toEqual({
			Id: 'a1',
			EventCode: 202,
			CreatedOn: '2026-02-01T09:30:00.000Z',
			Data: { mx_Custom_2: 75, mx_Custom_3: '2026-02-03T10:00:00.000Z', mx_Custom_4: false, Owner: 'u1' },
		});
		expect(typedActivity(record, undefined).Data).toEqual({ mx_Custom_2: '75', mx_Custom_3: '2026-02-03 10:00:00', mx_Custom_4: '0', Owner: 'u1' });
	});
});
