/**
 * buildLeadUpdatePayload (Lead → Update): the same checks and conversions as Create or Update, but the
 * lead is named by its id, so no SearchBy is resolved and no identifier is required.
 */
import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { buildLeadPayload, buildLeadUpdatePayload, InputError, toRequestBody } from '../../nodes/LeadSquared/model/lead/payload';
import type { AttributeInput, LeadInput, PayloadOptions } from '../../nodes/LeadSquared/model/lead/payload';
import { metadata } from './fixtures';

const fields = new FieldIndex(parseLeadFields(metadata)!);
const options: PayloadOptions = { unknownFields: 'fail', emptyValues: 'fail', timezone: 'UTC' };

function attrs(values: Record<string, unknown>, source: AttributeInput['source'] = 'lead fields'): AttributeInput[] {
	return Object.entries(values).map(([name, value]) => ({ name, value, source }));
}

function update(input: Partial<Omit<LeadInput, 'searchBy'>>, overrides: Partial<PayloadOptions> = {}) {
	return buildLeadUpdatePayload({ attributes: [], customFieldSets: [], ...input }, fields, { ...options, ...overrides });
}

function problem(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('buildLeadUpdatePayload', () => {
	it('needs no e-mail, phone or other identifier (Create or Update would refuse the same fields)', () => {
		const input = { attributes: attrs({ FirstName: 'Asha', mx_City: 'Pune' }), customFieldSets: [] };
		const payload = update(input);
		expect(payload).toEqual({
			attributes: [
				{ Attribute: 'FirstName', Value: 'Asha' },
				{ Attribute: 'mx_City', Value: 'Pune' },
			],
			searchBy: undefined,
			droppedFields: [],
			skippedFields: [],
		});
		expect(toRequestBody(payload, payload.searchBy)).toEqual(payload.attributes);
		expect(problem(() => buildLeadPayload(input, fields, options)).message).toMatch(/^No value for any field LeadSquared can match a lead on/);
	});

	it('converts values by field type and uses canonical schema names, as Create or Update does', () => {
		const payload = update({ attributes: attrs({ mx_annual_income: 1200, donotemail: true, MX_DATE_OF_BIRTH: '1990-05-17T00:00:00Z' }) });
		expect(payload.attributes).toEqual([
			{ Attribute: 'mx_Annual_Income', Value: '1200' },
			{ Attribute: 'DoNotEmail', Value: '1' },
			{ Attribute: 'mx_Date_of_Birth', Value: '1990-05-17 00:00:00' },
		]);
	});

	it('sends custom field sets with their sub-fields', () => {
		const payload = update({ customFieldSets: [{ field: 'mx_kyc', subFields: [{ name: 'status', value: 'Verified' }] }] });
		expect(payload.attributes).toEqual([{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'Verified' }] }]);
	});

	it('keeps the value checks: unknown fields, bad values, duplicates, empty values', () => {
		expect(problem(() => update({ attributes: attrs({ mx_Nope: 'x' }) })).message).toMatch(/^Unknown field "mx_Nope"/);
		expect(problem(() => update({ attributes: attrs({ mx_Annual_Income: 'lots' }) })).field).toBe('mx_Annual_Income');
		expect(problem(() => update({ attributes: [...attrs({ FirstName: 'A' }), ...attrs({ firstname: 'B' }, 'manual entry')] })).message).toMatch(
			/given twice/,
		);
		expect(problem(() => update({ attributes: attrs({ FirstName: null }) })).message).toBe('Field "FirstName" has no value (null)');
		expect(update({ attributes: attrs({ FirstName: null, LastName: 'K' }) }, { emptyValues: 'skip' }).skippedFields).toEqual(['FirstName']);
		expect(update({ attributes: attrs({ FirstName: null }) }, { emptyValues: 'clear' }).attributes).toEqual([{ Attribute: 'FirstName', Value: '' }]);
		expect(update({ attributes: attrs({ mx_Nope: 'x', LastName: 'K' }) }, { unknownFields: 'drop' }).droppedFields).toEqual(['mx_Nope']);
	});

	it('refuses an update with nothing to send', () => {
		expect(problem(() => update({})).message).toBe('No lead fields to send');
		expect(problem(() => update({ attributes: attrs({ mx_Nope: 'x' }) }, { unknownFields: 'drop' })).message).toBe('No lead fields to send');
	});

	it('refuses a SearchBy attribute with advice that fits an update by id', () => {
		const error = problem(() => update({ attributes: attrs({ SearchBy: 'Phone', FirstName: 'A' }) }));
		expect(error.message).toBe('"SearchBy" is not a lead field');
		expect(error.description).toMatch(/finds the lead by its Lead ID/);
	});

	it('does not change Create or Update: the same builder still resolves SearchBy there', () => {
		const payload = buildLeadPayload({ attributes: attrs({ Mobile: '9876543210', LastName: 'M' }), customFieldSets: [] }, fields, options);
		expect(payload.searchBy).toBe('Mobile');
	});
});
