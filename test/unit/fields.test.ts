import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { metadata } from './fixtures';

describe('parseLeadFields', () => {
	const fields = parseLeadFields(metadata)!;
	const byName = (name: string) => fields.find((field) => field.schemaName === name)!;

	it('reads types, flags, lengths, options and custom field sets', () => {
		expect(byName('mx_Course_Interest')).toMatchObject({ kind: 'dropdown', options: ['Engineering', 'Medicine'] });
		expect(byName('LastName')).toMatchObject({ kind: 'text', isMandatory: true, maxLength: 100 });
		expect(byName('mx_Annual_Income').kind).toBe('number');
		expect(byName('mx_Date_of_Birth').kind).toBe('date');
		expect(byName('DoNotEmail').kind).toBe('boolean');
		expect(byName('EmailAddress')).toMatchObject({ kind: 'email', isIdentifier: true });
		expect(byName('mx_Student_Id').isIdentifier).toBe(true);
		expect(byName('mx_KYC')).toMatchObject({ kind: 'cfs' });
		expect(byName('mx_KYC')?.subFields.map((sub) => sub.schemaName)).toEqual(['Status', 'mx_CustomObject_1', 'mx_CustomObject_2']);
	});

	it('skips entries without a schema name and refuses what is not a list', () => {
		expect(parseLeadFields([{ DisplayName: 'x' }, null, 'y'])).toEqual([]);
		expect(parseLeadFields({ Status: 'Error' })).toBeUndefined();
	});

	it('looks fields up case-insensitively and lists identifiers default ones first', () => {
		const index = new FieldIndex(fields);
		expect(index.get(' emailaddress ')?.schemaName).toBe('EmailAddress');
		expect(index.identifiers().map((field) => field.schemaName)).toEqual(['EmailAddress', 'Phone', 'Mobile', 'mx_Student_Id']);
		expect(index.customFieldSets().map((field) => field.schemaName)).toEqual(['mx_KYC']);
	});
});
