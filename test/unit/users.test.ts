/**
 * The pure user knowledge (model/user): one id key (`UserId`) whatever the answer said, the entries of the
 * owner list, the Users.Get filters, the User/AdvancedSearch body; and lead stages as the account spells them.
 */
import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import { resolveStage } from '../../nodes/LeadSquared/model/lead/stages';
import { describeUser, UserIndex, userEntry, userIdOf, userRecord } from '../../nodes/LeadSquared/model/user/records';
import { buildUserSearch, matchesFilters, readFilters } from '../../nodes/LeadSquared/model/user/search';
import { FieldIndex, isUserField, parseLeadFields } from '../../nodes/LeadSquared/values/fields';

const ASHA_ID = '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4';
/** A Users.Get element [DOC sample keys]. */
const SUMMARY = { ID: ASHA_ID, FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha.rao@example.com', Role: 'Sales_User', StatusCode: 0, MemberOfGroups: ['North India'], Tag: null, IsPhoneCallAgent: true };
/** A ByUserId element (no StatusCode in the documented keys). */
const DETAIL = { UserId: ASHA_ID, FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha.rao@example.com', Role: 'Sales_User', Groups: [{ Id: '1', Name: 'North India' }] };

function thrown(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('no InputError thrown');
}

describe('one key for the user id', () => {
	it('Users.Get\'s ID, the single reads\' UserId and Include_CSV\'s UserID all become UserId, first, with no second id key', () => {
		expect(Object.keys(userRecord(SUMMARY))[0]).toBe('UserId');
		expect(userRecord(SUMMARY)).toEqual({ UserId: ASHA_ID, FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha.rao@example.com', Role: 'Sales_User', StatusCode: 0, MemberOfGroups: ['North India'], Tag: null, IsPhoneCallAgent: true });
		expect(userRecord({ UserID: ASHA_ID, FirstName: 'Asha' })).toEqual({ UserId: ASHA_ID, FirstName: 'Asha' });
		expect(userRecord(DETAIL, true)).toEqual({ ...DETAIL, StatusCode: 0 });
		expect(Object.keys(userRecord(SUMMARY))).not.toContain('ID');
	});

	it('a single read that carries a StatusCode keeps it; a row without an id gets UserId null', () => {
		expect(userRecord({ ...DETAIL, StatusCode: 1 }, true).StatusCode).toBe(1);
		expect(userRecord({ FirstName: 'Nobody' })).toEqual({ UserId: null, FirstName: 'Nobody' });
		expect(userIdOf({ Id: ' x ' })).toBe('x');
		expect(userIdOf({ ID: '' })).toBeUndefined();
	});
});

describe('owner list entries', () => {
	it('name, e-mail, active by StatusCode (0 or missing = active)', () => {
		expect(userEntry(SUMMARY)).toEqual({ id: ASHA_ID, name: 'Asha Rao', email: 'asha.rao@example.com', active: true });
		expect(userEntry({ ...SUMMARY, StatusCode: 1 })?.active).toBe(false);
		expect(userEntry({ ...SUMMARY, StatusCode: '1' })?.active).toBe(false);
		expect(userEntry(DETAIL)?.active).toBe(true);
		expect(userEntry({ ID: ASHA_ID, EmailAddress: 'x@example.com' })?.name).toBe('x@example.com');
		expect(userEntry({ FirstName: 'No id' })).toBeUndefined();
		expect(describeUser(userEntry(SUMMARY)!)).toBe(`Asha Rao (asha.rao@example.com, ${ASHA_ID})`);
	});

	it('finds users by id or e-mail in any letter case; an address shared with a deactivated user finds the active one', () => {
		const old = { ...SUMMARY, ID: '190e7b6f-39da-11e6-b61b-22000aa8e760', StatusCode: 1 };
		const index = new UserIndex([userEntry(old)!, userEntry(SUMMARY)!, userEntry({ ID: 'b', FirstName: 'Aaron', EmailAddress: 'a@example.com' })!]);
		expect(index.find('email', 'ASHA.RAO@example.com')?.id).toBe(ASHA_ID);
		expect(index.find('id', ASHA_ID.toUpperCase())?.id).toBe(ASHA_ID);
		expect(index.find('id', old.ID)?.active).toBe(false);
		expect(index.active().map((user) => user.name)).toEqual(['Aaron', 'Asha Rao']);
	});

	it('owner fields: OwnerId and fields of type ActiveUsers', () => {
		expect(isUserField({ schemaName: 'OwnerId', dataType: 'Text' })).toBe(true);
		expect(isUserField({ schemaName: 'Owner', dataType: 'ActiveUsers' })).toBe(true);
		expect(isUserField({ schemaName: 'mx_Custom_4', dataType: 'Active Users' })).toBe(true);
		expect(isUserField({ schemaName: 'mx_City', dataType: 'Text' })).toBe(false);
	});
});

describe('Users.Get filters', () => {
	it('status, role (any spelling), group (either answer form), name or e-mail contains', () => {
		expect(matchesFilters(SUMMARY, { status: 'active' })).toBe(true);
		expect(matchesFilters(SUMMARY, { status: 'deactivated' })).toBe(false);
		expect(matchesFilters(SUMMARY, { role: 'sales user' })).toBe(true);
		expect(matchesFilters(SUMMARY, { role: 'Sales_Manager' })).toBe(false);
		expect(matchesFilters(SUMMARY, { group: 'north india' })).toBe(true);
		expect(matchesFilters(DETAIL, { group: 'North India' })).toBe(true);
		expect(matchesFilters(SUMMARY, { group: 'North' })).toBe(false);
		expect(matchesFilters(SUMMARY, { text: 'RAO' })).toBe(true);
		expect(matchesFilters(SUMMARY, { text: '@example.com' })).toBe(true);
		expect(matchesFilters(SUMMARY, { text: 'vir' })).toBe(false);
	});

	it('reads the Filters collection; empty filters are none; a wrong status or a list is refused', () => {
		expect(readFilters({})).toEqual({});
		expect(readFilters({ status: 'active', role: ' Sales_User ', group: '', search: 'ra' })).toEqual({ status: 'active', role: 'Sales_User', text: 'ra' });
		expect(thrown(() => readFilters({ status: 'gone' })).message).toBe('Filters → Status is "gone"; it must be "active" or "deactivated"');
		expect(thrown(() => readFilters({ role: ['a'] })).field).toBe('role');
	});
});

describe('User/AdvancedSearch body', () => {
	it('one condition group, joined by AND (all) or OR (any), the last condition with ConditionOperator null, every column, sorted', () => {
		const body = buildUserSearch(
			[
				{ field: 'FirstName', operator: 'lik', value: ' Bo ' },
				{ field: 'Role', operator: 'eq', value: 'Sales_User' },
			],
			'any',
			{ column: 'FirstName', descending: false },
		);
		expect(body).toEqual({
			Columns: { Include_CSV: '*' },
			GroupConditions: [
				{
					Condition: [
						{ LookupName: 'FirstName', Operator: 'lik', LookupValue: 'Bo', ConditionOperator: 'OR' },
						{ LookupName: 'Role', Operator: 'eq', LookupValue: 'Sales_User', ConditionOperator: null },
					],
					GroupOperator: null,
				},
			],
			GroupOperator: null,
			Sorting: [{ ColumnName: 'FirstName', Direction: 0 }],
		});
		const all = buildUserSearch([{ field: 'StatusCode', operator: 'EQ', value: 0 }], 'all', { column: 'EmailAddress', descending: true });
		expect(all.GroupConditions[0].Condition).toEqual([{ LookupName: 'StatusCode', Operator: 'eq', LookupValue: '0', ConditionOperator: null }]);
		expect(all.Sorting).toEqual([{ ColumnName: 'EmailAddress', Direction: 1 }]);
	});

	it.each([
		['no condition', [], /^Search has no conditions$/, 'conditions'],
		['no field', [{ field: '', operator: 'lik', value: 'a' }], /^Condition 1 has no field$/, 'field'],
		['a field that is not a name', [{ field: 'First Name', operator: 'lik', value: 'a' }], /^Condition 1: "First Name" is not a user attribute name$/, 'field'],
		['an operator that is not a word', [{ field: 'FirstName', operator: '>=', value: 'a' }], /^Condition 1: the operator ">=" is not one LeadSquared names$/, 'operator'],
		['an empty value', [{ field: 'FirstName', operator: 'lik', value: 'a' }, { field: 'City', operator: 'eq', value: '  ' }], /^Condition 2 \(City\) has no value$/, 'value'],
		['a value that is a list', [{ field: 'FirstName', operator: 'eq', value: ['a'] }], /^Condition 1 \(FirstName\): the value is a list, which is not a text$/, 'value'],
	])('refuses %s, naming the field', (_name, conditions, message, field) => {
		const error = thrown(() => buildUserSearch(conditions, 'all', { column: 'FirstName', descending: false }));
		expect(error.message).toMatch(message);
		expect(error.field).toBe(field);
	});
});

describe('lead stages', () => {
	const fields = new FieldIndex(parseLeadFields([{ SchemaName: 'ProspectStage', DataType: 'Select', Options: [{ Value: 'Prospect' }, { Value: 'Invalid/ Junk' }, { Value: 'Closed, Won' }] }]) ?? []);

	it("sends the account's own spelling: exact, any letter case, any spacing", () => {
		expect(resolveStage('Prospect', fields)).toBe('Prospect');
		expect(resolveStage(' prospect ', fields)).toBe('Prospect');
		expect(resolveStage('Invalid/Junk', fields)).toBe('Invalid/ Junk');
		expect(resolveStage('closed,won', fields)).toBe('Closed, Won');
	});

	it('refuses a stage the account does not have, listing its stages; an empty stage; passes any text when the account lists none', () => {
		const unknown = thrown(() => resolveStage('Won', fields));
		expect(unknown.message).toBe('Stage "Won" is not one of your account\'s lead stages');
		expect(unknown.description).toContain('"Prospect", "Invalid/ Junk", "Closed, Won"');
		expect(unknown.field).toBe('stage');
		expect(thrown(() => resolveStage('  ', fields)).message).toBe('Stage is empty');
		expect(thrown(() => resolveStage({}, fields)).message).toBe('Stage is an object');
		expect(resolveStage('Anything', new FieldIndex([]))).toBe('Anything');
	});
});
