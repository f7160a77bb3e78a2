/**
 * The closest valid names for a field name the account does not have (values/closest.ts, contract C2), on
 * their own: case, `mx_`, underscores and spaces ignored; display names count as well as schema names;
 * at most five; brief.
 */
import { closestNames, closestNamesSentence, editDistance, fieldLabelOf, normalName, withClosest } from '../../nodes/LeadSquared/values/closest';

const LEAD_FIELDS = [
	{ schemaName: 'FirstName', displayName: 'First Name' },
	{ schemaName: 'LastName', displayName: 'Last Name' },
	{ schemaName: 'EmailAddress', displayName: 'Email' },
	{ schemaName: 'Phone', displayName: 'Phone Number' },
	{ schemaName: 'Mobile', displayName: 'Mobile Number' },
	{ schemaName: 'mx_City', displayName: 'City' },
	{ schemaName: 'mx_Country', displayName: 'Country' },
	{ schemaName: 'mx_Student_Id', displayName: 'Student ID' },
	{ schemaName: 'Company', displayName: 'Company' },
	{ schemaName: 'ProspectStage', displayName: 'Lead Stage' },
];

const names = (given: string, max?: number) => closestNames(given, LEAD_FIELDS, max).map((field) => field.schemaName);

describe('normalName and editDistance', () => {
	it('compare names without case, the mx_ prefix, underscores, spaces, dashes or dots', () => {
		expect(normalName(' mx_Student_Id ')).toBe('studentid');
		expect(normalName('Student ID')).toBe('studentid');
		expect(normalName('e-mail.Address')).toBe('emailaddress');
	});

	it('counts insertions, deletions and substitutions', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('same', 'same')).toBe(0);
	});
});

describe('closestNames', () => {
	it('finds a custom field by its display name: "City" → mx_City first', () => {
		expect(names('City')[0]).toBe('mx_City');
	});

	it('ignores case, mx_ and underscores: "student id", "MX_STUDENT_ID", "StudentId" → mx_Student_Id', () => {
		for (const given of ['student id', 'MX_STUDENT_ID', 'StudentId']) expect(names(given)[0]).toBe('mx_Student_Id');
	});

	it('ranks a prefix and a substring above a mere likeness, and a typo by its edit distance', () => {
		expect(names('Email')[0]).toBe('EmailAddress');
		expect(names('Stage')[0]).toBe('ProspectStage');
		expect(names('Contry')[0]).toBe('mx_Country');
		expect(names('FristName')[0]).toBe('FirstName');
	});

	it('lists at most five (or max), each field once, even for a name like none of them', () => {
		expect(names('mx_Nonexistent_Field')).toHaveLength(5);
		expect(names('Phone', 2)).toHaveLength(2);
		expect(names('Phone', 2)[0]).toBe('Phone');
		expect(closestNames('x', [{ schemaName: 'A' }, { schemaName: 'a' }])).toHaveLength(1);
		expect(closestNames('x', [])).toEqual([]);
	});
});

describe('the sentence', () => {
	it('names each as "Display Name (SchemaName)", the schema name twice when there is no other display name', () => {
		expect(fieldLabelOf({ schemaName: 'mx_City', displayName: 'City' })).toBe('City (mx_City)');
		expect(fieldLabelOf({ schemaName: 'Company', displayName: 'Company' })).toBe('Company (Company)');
		expect(fieldLabelOf({ schemaName: 'ProspectID' })).toBe('ProspectID (ProspectID)');
		expect(fieldLabelOf({ schemaName: 'Status', displayName: ' ' })).toBe('Status (Status)');
	});

	it('one unknown name: "Closest valid names:" and at most five', () => {
		const sentence = closestNamesSentence('City', LEAD_FIELDS);
		expect(sentence).toMatch(/^Closest valid names: City \(mx_City\), /);
		expect(sentence.split(', ')).toHaveLength(5);
		expect(sentence.endsWith('.')).toBe(true);
	});

	it('several unknown names: the closest three of the first two, brief', () => {
		const sentence = closestNamesSentence(['City', 'Contry', 'Other', 'More'], LEAD_FIELDS);
		expect(sentence).toMatch(/^Closest valid names: for "City": City \(mx_City\), [^;]+; for "Contry": Country \(mx_Country\), [^;]+\.$/);
		expect(sentence.match(/\(/g)?.length).toBeLessThanOrEqual(6);
	});

	it('nothing to say without candidates; withClosest then keeps the message as it is', () => {
		expect(closestNamesSentence('City', [])).toBe('');
		expect(closestNamesSentence('mx_', LEAD_FIELDS)).toBe('');
		expect(closestNamesSentence(['', 'City'], LEAD_FIELDS)).toMatch(/^Closest valid names: City \(mx_City\), /);
		expect(withClosest('"City" is not a lead field', 'City', [])).toBe('"City" is not a lead field');
		expect(withClosest('"City" is not a lead field.', 'City', LEAD_FIELDS)).toMatch(/^"City" is not a lead field\. Closest valid names: City \(mx_City\)/);
	});
});
