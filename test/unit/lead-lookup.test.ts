import {
	checkEmail,
	checkLeadId,
	checkLookup,
	checkPhone,
	fieldList,
	leadIdOf,
	matchedPhoneField,
	pickFields,
} from '../../nodes/LeadSquared/model/lead/lookup';

const ID = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f';

describe('Lead → Get: checking what a lead is looked up by', () => {
	it('lead IDs are GUIDs, trimmed, any letter case', () => {
		expect(checkLeadId(` ${ID.toUpperCase()} `)).toEqual({ ok: true, value: ID.toUpperCase() });
		expect(checkLeadId('')).toMatchObject({ ok: false, problem: 'is empty' });
		expect(checkLeadId('1016')).toMatchObject({ ok: false, problem: 'is "1016", which is not a lead ID' });
		expect(checkLeadId('asha@example.com')).toMatchObject({ ok: false, hint: expect.stringContaining('By Email') });
		expect(checkLeadId({ id: ID })).toMatchObject({ ok: false, problem: 'is an object, not a lead ID' });
	});

	it('e-mail addresses', () => {
		expect(checkEmail(' Asha@Example.com ')).toEqual({ ok: true, value: 'Asha@Example.com' });
		expect(checkEmail('asha@')).toMatchObject({ ok: false, problem: 'is "asha@", which is not an e-mail address' });
		expect(checkEmail(null)).toMatchObject({ ok: false, problem: 'is null, not an e-mail address' });
	});

	it('phone numbers: separators and + dropped, digits only sent', () => {
		expect(checkPhone('+91-98450 98450')).toEqual({ ok: true, value: '919845098450' });
		expect(checkPhone('+1 (415) 555-0100')).toEqual({ ok: true, value: '14155550100' });
		expect(checkPhone(9845098450)).toEqual({ ok: true, value: '9845098450' });
		expect(checkPhone('98450 ext 12')).toMatchObject({ ok: false, problem: expect.stringContaining('not a phone number') });
		expect(checkPhone('123')).toMatchObject({ ok: false, problem: expect.stringContaining('has 3 digits') });
		expect(checkPhone('1'.repeat(21))).toMatchObject({ ok: false, problem: expect.stringContaining('has 21 digits') });
	});

	it('the mode decides the check; From List gives a lead ID', () => {
		expect(checkLookup('list', ID)).toEqual({ ok: true, value: ID });
		expect(checkLookup('phone', '9845098450')).toEqual({ ok: true, value: '9845098450' });
		expect(checkLookup('email', ID).ok).toBe(false);
	});
});

describe('which phone field matched', () => {
	it('Phone before Mobile; with or without the country code', () => {
		expect(matchedPhoneField({ Phone: '+91-9845098450', Mobile: null }, '9845098450')).toBe('Phone');
		expect(matchedPhoneField({ Phone: '0201234567', Mobile: '9845098450' }, '919845098450')).toBe('Mobile');
		expect(matchedPhoneField({ Phone: '9845098450', Mobile: '9845098450' }, '9845098450')).toBe('Phone');
		expect(matchedPhoneField({ Phone: '123', Mobile: null }, '9845098450')).toBeUndefined();
		// A short number does not match the end of a long one.
		expect(matchedPhoneField({ Phone: '450' }, '9845098450')).toBeUndefined();
	});
});

describe('output fields', () => {
	const lead = { ProspectID: ID, FirstName: 'Asha', Score: '10', mx_City: 'Pune' };

	it('keeps the wanted fields (any casing) and ProspectID; all fields when none are wanted', () => {
		expect(pickFields(lead, ['firstname', 'SCORE', 'mx_Missing'], ['ProspectID'])).toEqual({ ProspectID: ID, FirstName: 'Asha', Score: '10' });
		expect(pickFields(lead, [], ['ProspectID'])).toBe(lead);
	});

	it('reads field lists from a multi-select or comma-separated text, without repeats', () => {
		expect(fieldList(['FirstName', ' Score ', 'firstname'])).toEqual(['FirstName', 'Score']);
		expect(fieldList('FirstName, mx_City,,')).toEqual(['FirstName', 'mx_City']);
		expect(fieldList(undefined)).toEqual([]);
		expect(fieldList(42)).toBeUndefined();
		expect(fieldList(['FirstName', 3])).toBeUndefined();
	});

	it('finds the lead id whatever its casing', () => {
		expect(leadIdOf({ ProspectId: ID })).toBe(ID);
		expect(leadIdOf({ FirstName: 'x' })).toBeUndefined();
	});
});
