import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { buildLeadPayload, InputError, toRequestBody } from '../../nodes/LeadSquared/model/lead/payload';
import type { AttributeInput, LeadInput, PayloadOptions } from '../../nodes/LeadSquared/model/lead/payload';
import { metadata } from './fixtures';

const fields = new FieldIndex(parseLeadFields(metadata)!);
const options: PayloadOptions = { unknownFields: 'fail', emptyValues: 'fail', timezone: 'UTC' };

function attrs(values: Record<string, unknown>, source: AttributeInput['source'] = 'lead fields'): AttributeInput[] {
	return Object.entries(values).map(([name, value]) => ({ name, value, source }));
}

function build(input: Partial<LeadInput>, overrides: Partial<PayloadOptions> = {}) {
	return buildLeadPayload({ attributes: [], customFieldSets: [], ...input }, fields, { ...options, ...overrides });
}

function problem(input: Partial<LeadInput>, overrides: Partial<PayloadOptions> = {}): InputError {
	try {
		build(input, overrides);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('buildLeadPayload', () => {
	it("builds the documented example body byte for byte", () => {
		const payload = build({
			attributes: attrs({
				EmailAddress: 'john.smith@acmeconsulting.co',
				FirstName: 'John',
				LastName: 'Smith',
				Phone: '+919845098450',
			}),
			customFieldSets: [
				{
					field: 'mx_KYC',
					subFields: [
						{ name: 'Status', value: 'Pending' },
						{ name: 'mx_CustomObject_1', value: 'XYZ12345.png' },
						{ name: 'mx_CustomObject_2', value: '864563' },
					],
				},
			],
			searchBy: 'EmailAddress',
		});
		expect(JSON.stringify(toRequestBody(payload, payload.searchBy))).toBe(
			'[{"Attribute":"EmailAddress","Value":"john.smith@acmeconsulting.co"},{"Attribute":"FirstName","Value":"John"},' +
				'{"Attribute":"LastName","Value":"Smith"},{"Attribute":"Phone","Value":"+919845098450"},' +
				'{"Attribute":"mx_KYC","Value":"","Fields":[{"Attribute":"Status","Value":"Pending"},' +
				'{"Attribute":"mx_CustomObject_1","Value":"XYZ12345.png"},{"Attribute":"mx_CustomObject_2","Value":"864563"}]},' +
				'{"Attribute":"SearchBy","Value":"EmailAddress"}]',
		);
	});

	it('uses the canonical schema names and converts values by field type', () => {
		const payload = build({
			attributes: attrs({ emailaddress: 'a@b.co', MX_ANNUAL_INCOME: 1200, mx_date_of_birth: '1990-05-17', donotemail: false }),
		});
		expect(payload.attributes).toEqual([
			{ Attribute: 'EmailAddress', Value: 'a@b.co' },
			{ Attribute: 'mx_Annual_Income', Value: '1200' },
			{ Attribute: 'mx_Date_of_Birth', Value: '1990-05-17 00:00:00' },
			{ Attribute: 'DoNotEmail', Value: '0' },
		]);
		expect(payload.searchBy).toBeUndefined();
	});

	it('fails on unknown fields, naming all of them, or drops and lists them', () => {
		const input = { attributes: attrs({ EmailAddress: 'a@b.co', mx_Nope: 1, Colour: 'red' }) };
		const error = problem(input);
		expect(error.message).toBe(
			'Unknown fields "mx_Nope", "Colour": not in your LeadSquared account\'s lead fields. Closest valid names: ' +
				'for "mx_Nope": Lead Id (ProspectID), Do Not Email (DoNotEmail), Phone Number (Phone); for "Colour": Course Interest (mx_Course_Interest), Mobile Number (Mobile), Annual Income (mx_Annual_Income).',
		);
		expect(error.field).toBe('mx_Nope');
		const dropped = build(input, { unknownFields: 'drop' });
		expect(dropped.attributes).toEqual([{ Attribute: 'EmailAddress', Value: 'a@b.co' }]);
		expect(dropped.droppedFields).toEqual(['mx_Nope', 'Colour']);
	});

	it('applies the empty-value rule', () => {
		const input = { attributes: attrs({ EmailAddress: 'a@b.co', FirstName: null }) };
		expect(problem(input).message).toBe('Field "FirstName" has no value (null)');
		expect(build(input, { emptyValues: 'skip' })).toMatchObject({
			attributes: [{ Attribute: 'EmailAddress', Value: 'a@b.co' }],
			skippedFields: ['FirstName'],
		});
		expect(build(input, { emptyValues: 'clear' }).attributes[1]).toEqual({ Attribute: 'FirstName', Value: '' });
	});

	it('refuses a field given twice, even with other letter case or from another source', () => {
		const error = problem({
			attributes: [...attrs({ EmailAddress: 'a@b.co' }), ...attrs({ emailAddress: 'c@d.co' }, 'manual entry')],
		});
		expect(error.message).toBe('Field "EmailAddress" is given twice (the lead fields and the manual entry)');
	});

	it('needs a value for the Match By field, and a field that exists', () => {
		expect(problem({ attributes: attrs({ EmailAddress: 'a@b.co' }), searchBy: 'Phone' }).message).toBe(
			'No value for "Phone", the field chosen in Match By',
		);
		expect(problem({ attributes: attrs({ Phone: '  ' }), searchBy: 'phone' }).message).toBe(
			'No value for "Phone", the field chosen in Match By',
		);
		expect(problem({ attributes: attrs({ EmailAddress: 'a@b.co' }), searchBy: 'mx_Nope' }).message).toBe(
			'The Match By field "mx_Nope" is not in your LeadSquared account\'s lead fields. Closest valid names: Lead Id (ProspectID), Do Not Email (DoNotEmail), Phone Number (Phone), Mobile Number (Mobile), Last Name (LastName).',
		);
		expect(build({ attributes: attrs({ mx_Student_Id: 'S-1' }), searchBy: 'MX_STUDENT_ID' }).searchBy).toBe('mx_Student_Id');
	});

	it('needs an identifier for LeadSquared default matching', () => {
		expect(problem({ attributes: attrs({ FirstName: 'Ann' }) }).message).toBe(
			'No value for any field LeadSquared can match a lead on (EmailAddress, Phone, Mobile, mx_Student_Id)',
		);
		expect(build({ attributes: attrs({ Mobile: '98450' }) }).attributes).toHaveLength(1);
	});

	it('refuses an item with nothing to send', () => {
		expect(problem({}).message).toBe('No lead fields to send');
	});

	it('refuses SearchBy as an attribute, blank names and custom field sets given as values', () => {
		expect(problem({ attributes: attrs({ SearchBy: 'Phone' }) }).message).toBe('"SearchBy" is not a lead field');
		expect(problem({ attributes: [{ name: '  ', value: 'x', source: 'manual entry' }] }).message).toBe(
			'Lead field 1 from the manual entry has no field name',
		);
		expect(problem({ attributes: attrs({ mx_KYC: 'x' }) }).message).toBe('Field "mx_KYC" is a custom field set');
	});

	it('checks custom field sets', () => {
		const email = attrs({ EmailAddress: 'a@b.co' });
		expect(problem({ attributes: email, customFieldSets: [{ field: 'mx_KYC', subFields: [] }] }).message).toBe(
			'Custom field set "mx_KYC" has no sub-fields',
		);
		expect(problem({ attributes: email, customFieldSets: [{ field: 'mx_City', subFields: [{ name: 'a', value: 'b' }] }] }).message).toBe(
			'Field "mx_City" is not a custom field set',
		);
		expect(problem({ attributes: email, customFieldSets: [{ field: 'mx_KYC', subFields: [{ name: 'Nope', value: 'b' }] }] }).message).toBe(
			'Custom field set "mx_KYC" has no sub-field "Nope". Closest valid names: mx_CustomObject_1 (mx_CustomObject_1), mx_CustomObject_2 (mx_CustomObject_2), Status (Status).',
		);
		const dropped = build(
			{ attributes: email, customFieldSets: [{ field: 'mx_KYC', subFields: [{ name: 'Nope', value: 'b' }, { name: 'status', value: 'OK' }] }] },
			{ unknownFields: 'drop' },
		);
		expect(dropped.attributes[1]).toEqual({ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'OK' }] });
		expect(dropped.droppedFields).toEqual(['mx_KYC.Nope']);
	});

	it('names the field in value problems', () => {
		expect(problem({ attributes: attrs({ EmailAddress: 'a@b.co', mx_Course_Interest: 'Astrology' }) }).message).toBe(
			'Field "mx_Course_Interest" is "Astrology", which is not one of its options (Engineering, Medicine)',
		);
		expect(problem({ attributes: attrs({ EmailAddress: 'a@b.co', mx_City: 'A very long city name' }) }).message).toBe(
			'Field "mx_City" is 21 characters long; LeadSquared allows at most 10 in this field',
		);
	});
});
