/**
 * The account model (model/account): CompanyProperties and the account activity body built and checked,
 * Company.Get's Query, the rows read back, and LeadSquared's refusals explained.
 */
import { DateTime } from 'luxon';

import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { explainAccountFailure } from '../../nodes/LeadSquared/model/account/failures';
import {
	accountActivityCode,
	buildAccountActivity,
	buildAccountProperties,
	buildQuery,
	includeColumns,
	valueText,
	withOwner,
} from '../../nodes/LeadSquared/model/account/payload';
import { accountActivityIdOf, accountIdOf, accountRecord, typedAccountRecord } from '../../nodes/LeadSquared/model/account/records';

const UTC = { timezone: 'UTC', emptyValues: 'fail' as const };
const text = (value: unknown, timezone = 'UTC') => valueText(value, timezone);

describe('valueText: only what is certain is converted', () => {
	it('an ISO 8601 date and time with its zone (what n8n gives for a date) becomes LeadSquared\'s UTC date', () => {
		expect(text('2024-03-01T10:30:00+05:30')).toEqual({ ok: true, value: '2024-03-01 05:00:00' });
		expect(text('2024-03-01T00:00:00.000-05:00')).toEqual({ ok: true, value: '2024-03-01 05:00:00' });
		expect(text(' 2024-03-01T10:30Z ')).toEqual({ ok: true, value: '2024-03-01 10:30:00' });
		expect(text(DateTime.fromISO('2024-03-01T10:30:00Z'))).toEqual({ ok: true, value: '2024-03-01 10:30:00' });
		expect(text(new Date('2024-03-01T10:30:00Z'))).toEqual({ ok: true, value: '2024-03-01 10:30:00' });
	});

	it('any other text goes as written (a date without a zone, a date-only, a phone number); numbers and true/false written out', () => {
		for (const value of ['2024-03-01T10:30:00', '2024-03-01', '+91-8923748971', '  padded  ', 'T10:30Z']) expect(text(value, 'Asia/Kolkata')).toEqual({ ok: true, value });
		expect(text(42)).toEqual({ ok: true, value: '42' });
		expect(text(false)).toEqual({ ok: true, value: 'false' });
		expect(text([1])).toMatchObject({ ok: false, problem: expect.stringMatching(/^is a list/) });
	});
});

describe('buildAccountProperties', () => {
	const field = (name: unknown, value: unknown) => ({ name, value });

	it('CompanyName first, then the fields in order; the owner goes after the name', () => {
		const { properties } = buildAccountProperties({ name: ' Acme ', owner: true, fields: [field('Phone', '+91-1'), field(' mx_Employees ', 12)] }, UTC, true);
		expect(withOwner(properties, 'user-1')).toEqual([
			{ Attribute: 'CompanyName', Value: 'Acme' },
			{ Attribute: 'OwnerId', Value: 'user-1' },
			{ Attribute: 'Phone', Value: '+91-1' },
			{ Attribute: 'mx_Employees', Value: '12' },
		]);
		expect(withOwner([{ Attribute: 'City', Value: 'Pune' }], 'user-1')).toEqual([
			{ Attribute: 'OwnerId', Value: 'user-1' },
			{ Attribute: 'City', Value: 'Pune' },
		]);
	});

	it('Create needs a name; Update needs something to change (an owner alone is enough)', () => {
		expect(() => buildAccountProperties({ name: '', owner: false, fields: [] }, UTC, true)).toThrow(/^Account Name is empty/);
		expect(() => buildAccountProperties({ name: '', owner: false, fields: [] }, UTC, false)).toThrow(/^Nothing to update: no account name, owner or field/);
		expect(buildAccountProperties({ name: '', owner: true, fields: [] }, UTC, false).properties).toEqual([]);
	});

	it('empty values: fail, skip (listed) or clear (sent empty)', () => {
		const fields = [field('City', null), field('State', undefined)];
		expect(() => buildAccountProperties({ owner: false, fields }, UTC, false)).toThrow(/^Account field "City" has no value \(null\)/);
		expect(buildAccountProperties({ name: 'X', owner: false, fields }, { ...UTC, emptyValues: 'skip' }, false)).toEqual({ properties: [{ Attribute: 'CompanyName', Value: 'X' }], skippedFields: ['City', 'State'] });
		expect(buildAccountProperties({ owner: false, fields }, { ...UTC, emptyValues: 'clear' }, false).properties).toEqual([
			{ Attribute: 'City', Value: '' },
			{ Attribute: 'State', Value: '' },
		]);
	});

	it('refuses a nameless field, a name given twice in any letter case, and the fields with a parameter of their own', () => {
		const refused = (fields: Array<{ name: unknown; value: unknown }>) => {
			try {
				buildAccountProperties({ name: 'X', owner: false, fields }, UTC, true);
			} catch (error) {
				return [(error as InputError).message, (error as InputError).field];
			}
			return undefined;
		};
		expect(refused([field(' ', 'x')])).toEqual(["Account field 1's name is empty", 'accountFields']);
		expect(refused([field('City', 'a'), field('city', 'b')])).toEqual(['Account field "city" is given twice', 'city']);
		expect(refused([field('companyname', 'a')])).toEqual(['Account field "companyname" cannot be given in the field list', 'companyname']);
		expect(refused([field('OwnerId', 'a')])?.[0]).toMatch(/"OwnerId" cannot be given/);
		expect(refused([field('CompanyId', 'a')])?.[0]).toMatch(/"CompanyId" cannot be given/);
	});
});

describe('buildQuery (Company.Get)', () => {
	it('the type alone; SearchText trimmed; a condition by word or symbol; true/false as 1/0; dates in UTC', () => {
		expect(buildQuery({ type: ' Partners ' }, 'UTC')).toEqual({ CompanyType: { CompanyTypeName: 'Partners' } });
		expect(
			buildQuery(
				{
					type: 'Partners',
					searchText: ' Acme ',
					filter: { field: 'mx_Active', operator: '<>', value: true },
					dateRange: { dateField: 'Created On', from: '2024-05-01 10:30', to: DateTime.fromISO('2024-06-01T00:00:00+05:30') },
				},
				'Asia/Kolkata',
			),
		).toEqual({
			CompanyType: { CompanyTypeName: 'Partners' },
			SearchText: 'Acme',
			DateRange: { DateField: 'CreatedOn', FromDate: '2024-05-01 05:00:00', ToDate: '2024-05-31 18:30:00' },
			FilterBy: { LookupName: 'mx_Active', LookupValue: '1', SqlOperator: '<>' },
		});
		expect(buildQuery({ type: 'P', filter: { field: 'Stage', operator: 'like', value: '%art%' }, dateRange: { from: '2024-01-01', to: '2024-01-02' } }, 'UTC')).toMatchObject({
			FilterBy: { SqlOperator: 'LIKE' },
			DateRange: { DateField: 'ModifiedOn' },
		});
	});

	it('refuses an unknown operator, an unknown date field and a range with one end', () => {
		expect(() => buildQuery({ type: 'P', filter: { field: 'Stage', operator: '!=', value: 'x' } }, 'UTC')).toThrow(/the operator "!=" is not one LeadSquared knows/);
		expect(() => buildQuery({ type: 'P', dateRange: { dateField: 'Birthday', from: '2024-01-01', to: '2024-01-02' } }, 'UTC')).toThrow(/is not CreatedOn or ModifiedOn/);
		expect(() => buildQuery({ type: 'P', dateRange: { from: '2024-01-01' } }, 'UTC')).toThrow(/^Filters → Date Range has no To date/);
		expect(() => buildQuery({ type: '' }, 'UTC')).toThrow(InputError);
	});

	it('includeColumns: CompanyId added when missing, names de-duplicated; empty means every field', () => {
		expect(includeColumns('CompanyName, Phone,,CompanyName')).toBe('CompanyId,CompanyName,Phone');
		expect(includeColumns('companyid,CompanyName')).toBe('companyid,CompanyName');
		expect(includeColumns(' , ')).toBeUndefined();
		expect(includeColumns('')).toBeUndefined();
		expect(() => includeColumns(['CompanyName'])).toThrow(/not a comma-separated list/);
	});
});

describe('account activities', () => {
	it('the documented body; the code as a number; Owner has its own parameter', () => {
		expect(buildAccountActivity({ code: ' 10001 ', note: 'Kick-off', dateTime: '2026-03-01 09:00:00', owner: false, fields: [{ name: 'mx_Custom_1', value: 5 }] }, UTC)).toEqual({
			ActivityEvent: 10001,
			ActivityNote: 'Kick-off',
			ActivityDateTime: '2026-03-01 09:00:00',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: '5' }],
			skippedFields: [],
		});
		expect(buildAccountActivity({ code: 10002, owner: false, fields: [] }, UTC)).toEqual({ ActivityEvent: 10002, Fields: [], skippedFields: [] });
		expect(() => accountActivityCode('10.5')).toThrow(/^Activity Type Code is "10\.5", which is not an activity type code/);
		expect(() => accountActivityCode(0)).toThrow(InputError);
		expect(() => buildAccountActivity({ code: 10001, owner: false, fields: [{ name: 'owner', value: 'x' }] }, UTC)).toThrow(/^Activity field "owner" cannot be given in the field list/);
	});
});

describe('rows read back', () => {
	it('companyPropertyList (and CompanyPropertyList) flattened; a flat row kept; ids found in any letter case', () => {
		const row = { companyPropertyList: [{ Attribute: 'CompanyId', Value: 'id-1' }, { Attribute: 'Phone', Value: null }, { Attribute: 'CreatedOn', Value: '2026-01-01 10:00:00' }] };
		expect(accountRecord(row)).toEqual({ CompanyId: 'id-1', Phone: null, CreatedOn: '2026-01-01 10:00:00' });
		expect(accountRecord({ CompanyPropertyList: [{ Attribute: 'CompanyName', Value: 'X' }], Extra: 1 })).toEqual({ Extra: 1, CompanyName: 'X' });
		expect(accountRecord({ CompanyId: 'flat' })).toEqual({ CompanyId: 'flat' });
		expect(accountIdOf({ companyId: 'id-2' })).toBe('id-2');
		expect(accountIdOf({ CompanyId: '' })).toBeUndefined();
		expect(accountActivityIdOf({ CompanyActivityId: 'a-1' })).toBe('a-1');
	});

	it('Typed Values: only LeadSquared\'s own dates; numbers-looking text and the activity fields stay text', () => {
		expect(
			typedAccountRecord({ CompanyId: 'id', mx_Employees: '120', CreatedOn: '2026-01-01 10:00:00', ModifiedOn: '', ActivityDateTime: '2026-01-02 08:00:00.000', ActivityFields: { mx_Custom_1: '5' } }),
		).toEqual({
			CompanyId: 'id',
			mx_Employees: '120',
			CreatedOn: '2026-01-01T10:00:00.000Z',
			ModifiedOn: null,
			ActivityDateTime: '2026-01-02T08:00:00.000Z',
			ActivityFields: { mx_Custom_1: '5' },
		});
	});
});

describe('explainAccountFailure', () => {
	const business = (exceptionType: string, exceptionMessage: string): Failure => ({ kind: 'business', exceptionType, exceptionMessage, httpCode: 500, message: `LeadSquared refused the request: ${exceptionMessage}` });

	it('an unknown account, an unknown type, an activity code, an unknown field; other failures unchanged', () => {
		const id = '00000000-0000-4000-8000-000000000000';
		expect(explainAccountFailure(business('MXInvalidEntityException', 'Company does not exist'), { accountId: id }, 'A hint')).toMatchObject({
			message: `No account with ID ${id} in this LeadSquared account (LeadSquared: "Company does not exist")`,
			description: expect.stringContaining('A hint. LeadSquared MXInvalidEntityException: Company does not exist (HTTP 500).'),
			exceptionType: 'MXInvalidEntityException',
		});
		expect(explainAccountFailure(business('MXInvalidInputException', "Company type 'X' does not exist."), { typeName: 'X' })?.message).toMatch(/^Account type "X" does not exist/);
		expect(explainAccountFailure(business('MXInvalidActivityException', 'Event Code is invalid or empty'), { accountId: id, activityCode: 10003 })?.message).toMatch(/^10003 is not an account activity type/);
		expect(explainAccountFailure(business('MXUnknownAttributeException', 'Attribute(s) does not exist - Fax'), { typeName: 'P' })?.description).toMatch(/^LeadSquared refuses the whole account/);
		expect(explainAccountFailure(business('MXInvalidInputException', "Invalid value 'x'"), { accountId: id })).toBeUndefined();
		expect(explainAccountFailure({ kind: 'transient', message: 'Network' }, { accountId: id })).toBeUndefined();
	});
});
