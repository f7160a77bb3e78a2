/**
 * The pure readers behind the discovery operations: fields described compactly (model/discovery/fields.ts),
 * the type records and filters (model/discovery/types.ts), task types read in every form (model/task/types.ts),
 * and the yes/no check of their filters (values/checks.ts).
 */
import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { parseActivitySetting } from '../../nodes/LeadSquared/model/activity/types';
import { describeField, describeLeadFields, fieldMatches, isCustomField } from '../../nodes/LeadSquared/model/discovery/fields';
import {
	activityTypeRecord,
	fallbackNote,
	fieldsUnavailableReason,
	opportunityTypeRecord,
	taskTypeRecord,
	typeMatches,
} from '../../nodes/LeadSquared/model/discovery/types';
import { readTaskTypes } from '../../nodes/LeadSquared/model/task/types';
import { flagOf } from '../../nodes/LeadSquared/values/checks';
import { parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import type { LeadField } from '../../nodes/LeadSquared/values/fields';
import { metadata } from './fixtures';

const fields = parseLeadFields([...metadata, { SchemaName: 'OwnerId', DisplayName: 'Owner', DataType: 'Text' }]) ?? [];
const field = (name: string): LeadField => {
	const found = fields.find((entry) => entry.schemaName === name);
	if (!found) throw new Error(name);
	return found;
};

describe('fields described for discovery', () => {
	it('each field: schema and display name, LeadSquared\'s DataType, the node\'s value type, and only the keys that say something', () => {
		expect(describeField(field('LastName'))).toEqual({ schemaName: 'LastName', displayName: 'Last Name', dataType: 'Text', valueType: 'text', mandatory: true, maxLength: 100 });
		expect(describeField(field('Phone'))).toEqual({ schemaName: 'Phone', displayName: 'Phone Number', dataType: 'Phone', valueType: 'phone', identifier: true });
		// EmailAddress is an identifier out of the box, whatever the metadata says.
		expect(describeField(field('EmailAddress'))).toEqual({ schemaName: 'EmailAddress', displayName: 'Email', dataType: 'Email', valueType: 'email', identifier: true, maxLength: 100 });
		expect(describeField(field('DoNotEmail'))).toEqual({ schemaName: 'DoNotEmail', displayName: 'Do Not Email', dataType: 'Boolean', valueType: 'boolean' });
		expect(describeField(field('OwnerId'))).toEqual({ schemaName: 'OwnerId', displayName: 'Owner', dataType: 'Text', valueType: 'user' });
		expect(describeField(field('mx_Course_Interest'))).toEqual({
			schemaName: 'mx_Course_Interest',
			displayName: 'Course Interest',
			dataType: 'Select',
			valueType: 'dropdown',
			options: ['Engineering', 'Medicine'],
		});
		expect(describeField(field('mx_Course_Interest'), { options: false })).not.toHaveProperty('options');
	});

	it('a custom field set is a fieldSet with its sub-fields (never an identifier); a length limit only for text, e-mail and phone values', () => {
		expect(describeField(field('mx_KYC'))).toEqual({
			schemaName: 'mx_KYC',
			displayName: 'KYC',
			dataType: 'CustomObject',
			valueType: 'fieldSet',
			fields: [
				{ schemaName: 'Status', displayName: 'Status', valueType: 'text' },
				{ schemaName: 'mx_CustomObject_1', displayName: 'mx_CustomObject_1', valueType: 'text' },
				{ schemaName: 'mx_CustomObject_2', displayName: 'mx_CustomObject_2', valueType: 'text' },
			],
		});
		const [number, date] = parseLeadFields([
			{ SchemaName: 'mx_N', DataType: 'Number', MaxLength: '50' },
			{ SchemaName: 'mx_D', DataType: 'Date', MaxLength: '50', IsMandatory: 'false', IsLeadIdentifier: 0 },
		]) ?? [];
		expect(describeField(number)).toEqual({ schemaName: 'mx_N', displayName: 'mx_N', dataType: 'Number', valueType: 'number' });
		expect(describeField(date)).toEqual({ schemaName: 'mx_D', displayName: 'mx_D', dataType: 'Date', valueType: 'date' });
	});

	it("an activity type's fields (GetActivitySetting) read the same way: Owner (ActiveUsers) is a user, dropdown values kept", () => {
		const type = parseActivitySetting(
			{
				Fields: [
					{ SchemaName: 'ActivityEvent_Note', DisplayName: 'Notes', DataType: 'String' },
					{ SchemaName: 'mx_Custom_1', DisplayName: 'Outcome', DataType: 'Dropdown', IsMandatory: true, OptionSet: '[{"Value":"Won"},{"Value":"Lost"}]', MaxFieldLength: 200 },
					{ SchemaName: 'Owner', DisplayName: 'Owner', DataType: 'ActiveUsers' },
				],
			},
			205,
		);
		expect(type.fields?.fields.map((entry) => describeField(entry))).toEqual([
			{ schemaName: 'mx_Custom_1', displayName: 'Outcome', dataType: 'Dropdown', valueType: 'dropdown', mandatory: true, options: ['Won', 'Lost'] },
			{ schemaName: 'Owner', displayName: 'Owner', dataType: 'ActiveUsers', valueType: 'user' },
		]);
	});

	it('filters: custom (mx_) fields only, mandatory only, a text in the schema name, display name or a sub-field', () => {
		const names = (filters: Parameters<typeof describeLeadFields>[1]) => describeLeadFields(fields, filters).map((entry) => entry.schemaName);
		expect(names({ customOnly: true })).toEqual(['mx_City', 'mx_Annual_Income', 'mx_Date_of_Birth', 'mx_Course_Interest', 'mx_Student_Id', 'mx_KYC']);
		expect(names({ mandatoryOnly: true })).toEqual(['LastName']);
		expect(names({ search: 'INCOME' })).toEqual(['mx_Annual_Income']);
		expect(names({ search: 'date of' })).toEqual(['mx_Date_of_Birth']);
		expect(names({ search: 'customobject_2' })).toEqual(['mx_KYC']);
		expect(names({ search: 'city', customOnly: true, mandatoryOnly: true })).toEqual([]);
		expect(names({})).toHaveLength(fields.length);
		expect(isCustomField({ schemaName: 'MX_Other' })).toBe(true);
		expect(fieldMatches(field('Phone'), '  ')).toBe(true);
	});
});

describe('type records', () => {
	const phoneCall = { code: 202, name: 'Phone Call', kind: 'custom' as const, eventType: 2, direction: 1, score: 3 };

	it('an activity type: code, name, kind, direction in words, score (0 too), fields when it has some, or why they are unavailable', () => {
		const outcome = { schemaName: 'mx_Custom_1', displayName: 'Outcome', valueType: 'text' as const };
		expect(activityTypeRecord(phoneCall, { fields: [outcome] })).toEqual({ code: 202, name: 'Phone Call', kind: 'custom', direction: 'outbound', score: 3, fields: [outcome] });
		expect(activityTypeRecord({ ...phoneCall, direction: 0, score: 0 }, { fields: [] })).toEqual({ code: 202, name: 'Phone Call', kind: 'custom', direction: 'inbound', score: 0 });
		expect(activityTypeRecord({ code: 22, name: 'Outbound', kind: 'system', direction: 7 })).toEqual({ code: 22, name: 'Outbound', kind: 'system' });
		expect(activityTypeRecord(phoneCall, { unavailable: 'refused' })).toMatchObject({ fieldsUnavailable: 'refused' });
		expect(activityTypeRecord(phoneCall, { unavailable: 'refused' })).not.toHaveProperty('fields');
	});

	it('an opportunity type: code, name, fields, and the fallback note only when GetOpportunityTypes was unavailable', () => {
		expect(fallbackNote({ types: [], source: 'api' })).toBeUndefined();
		const note = fallbackNote({ types: [], source: 'activityTypes', unavailable: 'GetOpportunityTypes answered HTTP 404' });
		expect(note).toBe(
			'GetOpportunityTypes is unavailable on this account (GetOpportunityTypes answered HTTP 404): these are the types ActivityTypes.Get lists with codes from 12000 on, which may miss a type',
		);
		expect(opportunityTypeRecord({ code: 12000, name: 'Admission' })).toEqual({ code: 12000, name: 'Admission' });
		expect(opportunityTypeRecord({ code: 12000, name: 'Admission' }, undefined, note)).toEqual({ code: 12000, name: 'Admission', fallback: note });
	});

	it('Code or Name: the whole code, or a part of the name in any letter case; empty keeps every type', () => {
		expect(typeMatches(phoneCall, '202')).toBe(true);
		expect(typeMatches(phoneCall, '20')).toBe(false);
		expect(typeMatches(phoneCall, ' phone ')).toBe(true);
		expect(typeMatches(phoneCall, 'CALL')).toBe(true);
		expect(typeMatches(phoneCall, 'visit')).toBe(false);
		expect(typeMatches(phoneCall, '')).toBe(true);
		expect(typeMatches(phoneCall, undefined)).toBe(true);
	});

	it("why a type's fields are unavailable: a refusal, a 404 or a 403 say so; a failure that may pass on a retry does not (it fails the item)", () => {
		const failure = (kind: Failure['kind'], extra: Partial<Failure> = {}): Failure => ({ kind, message: 'm', ...extra });
		expect(fieldsUnavailableReason(failure('business', { exceptionType: 'MXInvalidActivityException', exceptionMessage: 'No settings', httpCode: 500 }), 'GetActivitySetting')).toBe(
			'GetActivitySetting: LeadSquared MXInvalidActivityException: No settings (HTTP 500)',
		);
		expect(fieldsUnavailableReason(failure('notFound'), 'GetOpportunityTypeMetadata')).toBe('GetOpportunityTypeMetadata answered HTTP 404 on this account');
		expect(fieldsUnavailableReason(failure('forbidden'), 'GetActivitySetting')).toBe("the keys' user may not read GetActivitySetting (HTTP 403)");
		for (const kind of ['transient', 'rateLimit', 'unexpected', 'auth', 'cancelled'] as const) expect(fieldsUnavailableReason(failure(kind), 'X')).toBeUndefined();
	});
});

describe('task types', () => {
	it("reads the documented keys and the other names they may carry; a type without a name is skipped; no id → its name", () => {
		expect(
			readTaskTypes([
				{ Id: 'a', Name: 'Follow Up', Category: 1, DefaultDuration: 0 },
				{ TaskTypeId: 'b', TaskName: 'Meeting', Category: '0', DefaultDuration: '45' },
				{ ID: 'c', TaskTypeName: ' Visit ', Category: '' },
				{ Id: 'd', Name: '  ' },
				{ Name: 'Named only', Category: 7 },
			]),
		).toEqual([
			{ id: 'a', name: 'Follow Up', category: 1, defaultDuration: undefined },
			{ id: 'b', name: 'Meeting', category: 0, defaultDuration: 45 },
			{ id: 'c', name: 'Visit', category: undefined, defaultDuration: undefined },
			{ id: 'Named only', name: 'Named only', category: undefined, defaultDuration: undefined },
		]);
	});

	it('as output: name, id, category in words, and an appointment\'s default duration', () => {
		expect(taskTypeRecord({ id: 'b', name: 'Meeting', category: 0, defaultDuration: 45 })).toEqual({ name: 'Meeting', id: 'b', category: 'appointment', defaultDurationMinutes: 45 });
		expect(taskTypeRecord({ id: 'a', name: 'Follow Up', category: 1, defaultDuration: 30 })).toEqual({ name: 'Follow Up', id: 'a', category: 'to-do' });
		expect(taskTypeRecord({ id: 'c', name: 'Visit' })).toEqual({ name: 'Visit', id: 'c' });
	});
});

describe('yes/no filters', () => {
	it('true or false, also as text; empty is the default; anything else is refused naming the parameter', () => {
		expect(flagOf(true, 'F', 'f', false)).toBe(true);
		expect(flagOf(' FALSE ', 'F', 'f', true)).toBe(false);
		expect(flagOf('', 'F', 'f', true)).toBe(true);
		expect(flagOf(undefined, 'F', 'f', false)).toBe(false);
		expect(() => flagOf('yes', 'Filters → Custom Fields Only', 'customOnly', false)).toThrow(new InputError('Filters → Custom Fields Only is "yes", not true or false', 'customOnly'));
		expect(() => flagOf(1, 'F', 'f', false)).toThrow(InputError);
	});
});
