import type { LeadField } from '../../nodes/LeadSquared/values/fields';
import { formatValue, toLeadSquaredDateTime } from '../../nodes/LeadSquared/values/values';

function field(kind: LeadField['kind'], extra: Partial<LeadField> = {}): LeadField {
	return {
		schemaName: 'mx_Test',
		displayName: 'Test',
		dataType: kind,
		kind,
		isMandatory: false,
		isIdentifier: false,
		lockAfterCreate: false,
		options: [],
		subFields: [],
		...extra,
	};
}

const utc = { timezone: 'UTC' };

describe('dates', () => {
	it.each([
		['2024-05-01 10:30:00', '2024-05-01 10:30:00'],
		['2024-05-01 10:30', '2024-05-01 10:30:00'],
		['2024-05-01', '2024-05-01 00:00:00'],
		['2024-05-01T10:30:00Z', '2024-05-01 10:30:00'],
		['2024-05-01T10:30:00.123Z', '2024-05-01 10:30:00'],
		['2024-05-01T16:00:00+05:30', '2024-05-01 10:30:00'],
		['2024-05-01T06:30:00-0400', '2024-05-01 10:30:00'],
		['2024-05-01T10:30:00', '2024-05-01 10:30:00'],
		['Wed, 01 May 2024 10:30:00 GMT', '2024-05-01 10:30:00'],
	])('%s → %s (UTC)', (input, expected) => {
		expect(toLeadSquaredDateTime(input, 'UTC')).toEqual({ ok: true, value: expected });
	});

	it('reads zone-less dates in the given time zone, across DST', () => {
		expect(toLeadSquaredDateTime('2024-05-01 10:30:00', 'Asia/Kolkata')).toEqual({ ok: true, value: '2024-05-01 05:00:00' });
		expect(toLeadSquaredDateTime('2024-07-01 12:00', 'America/New_York')).toEqual({ ok: true, value: '2024-07-01 16:00:00' });
		expect(toLeadSquaredDateTime('2024-01-01 12:00', 'America/New_York')).toEqual({ ok: true, value: '2024-01-01 17:00:00' });
		// A zone in the text wins over the default zone.
		expect(toLeadSquaredDateTime('2024-05-01T10:30:00Z', 'Asia/Kolkata')).toEqual({ ok: true, value: '2024-05-01 10:30:00' });
	});

	it('takes Date objects, Luxon-like objects and epochs (ms or s)', () => {
		const date = new Date(Date.UTC(2024, 4, 1, 10, 30, 0));
		expect(toLeadSquaredDateTime(date, 'UTC')).toEqual({ ok: true, value: '2024-05-01 10:30:00' });
		expect(toLeadSquaredDateTime({ toJSDate: () => date }, 'UTC')).toEqual({ ok: true, value: '2024-05-01 10:30:00' });
		expect(toLeadSquaredDateTime(date.getTime(), 'UTC')).toEqual({ ok: true, value: '2024-05-01 10:30:00' });
		expect(toLeadSquaredDateTime(date.getTime() / 1000, 'UTC')).toEqual({ ok: true, value: '2024-05-01 10:30:00' });
	});

	it.each([['yesterday'], ['2024-13-01'], ['2024-02-30'], ['2024-05-01 25:00'], ['01/05/2024'], [''], [{}], [true]])(
		'refuses %p',
		(input) => {
			const result = toLeadSquaredDateTime(input, 'UTC');
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.problem).toMatch(/not a date/);
		},
	);

	it('pads fields', () => {
		expect(toLeadSquaredDateTime(new Date(Date.UTC(1987, 0, 2, 3, 4, 5)), 'UTC')).toEqual({ ok: true, value: '1987-01-02 03:04:05' });
	});

	it.each([
		[1.7e18, /is 1700000000000000000, which is not a date/],
		[1.7e15, /year 5\d{4}; LeadSquared stores dates from 1753 to 9999/],
		['0987-01-02', /year 987/],
		[31_536_000_000, /could be epoch seconds \(the year 2969\) or epoch milliseconds \(1971-01-01\)/],
	])('refuses %p: %p', (input, problem) => {
		const result = toLeadSquaredDateTime(input, 'UTC');
		expect(result).toEqual({ ok: false, problem: expect.stringMatching(problem) });
	});

	it('says so when the time zone is unknown', () => {
		const result = toLeadSquaredDateTime('2024-05-01 10:00', 'Mars/Olympus');
		expect(result).toEqual({ ok: false, problem: expect.stringMatching(/not a time zone/) });
	});
});

describe('formatValue', () => {
	it('sends numbers as strings and checks numeric text', () => {
		expect(formatValue(field('number'), 42.5, utc)).toEqual({ ok: true, value: '42.5' });
		expect(formatValue(field('number'), ' 1200 ', utc)).toEqual({ ok: true, value: '1200' });
		expect(formatValue(field('number'), 'twelve', utc)).toEqual({ ok: false, problem: expect.stringMatching(/not a number/) });
		expect(formatValue(field('number'), Number.NaN, utc).ok).toBe(false);
	});

	it('sends booleans as 1/0', () => {
		expect(formatValue(field('boolean'), true, utc)).toEqual({ ok: true, value: '1' });
		expect(formatValue(field('boolean'), 'No', utc)).toEqual({ ok: true, value: '0' });
		expect(formatValue(field('boolean'), 1, utc)).toEqual({ ok: true, value: '1' });
		expect(formatValue(field('boolean'), 'maybe', utc).ok).toBe(false);
	});

	it('checks dropdown values against the options, fixing only letter case', () => {
		const dropdown = field('dropdown', { options: ['Engineering', 'Medicine'] });
		expect(formatValue(dropdown, 'Engineering', utc)).toEqual({ ok: true, value: 'Engineering' });
		expect(formatValue(dropdown, 'medicine', utc)).toEqual({ ok: true, value: 'Medicine' });
		expect(formatValue(dropdown, 'Astrology', utc)).toEqual({
			ok: false,
			problem: 'is "Astrology", which is not one of its options (Engineering, Medicine)',
		});
		expect(formatValue(field('dropdown'), 'anything', utc)).toEqual({ ok: true, value: 'anything' });
	});

	it('checks e-mail addresses and trims them', () => {
		expect(formatValue(field('email'), ' a@b.co ', utc)).toEqual({ ok: true, value: 'a@b.co' });
		expect(formatValue(field('email'), 'not-an-email', utc)).toEqual({ ok: false, problem: expect.stringMatching(/not an e-mail/) });
	});

	it('checks the maximum length in UTF-16 units, as LeadSquared\'s .NET / SQL Server stack counts', () => {
		const short = field('text', { maxLength: 5 });
		expect(formatValue(short, 'Zoë李x', utc)).toEqual({ ok: true, value: 'Zoë李x' });
		expect(formatValue(short, '123456', utc)).toEqual({ ok: false, problem: 'is 6 characters long; LeadSquared allows at most 5 in this field' });
		expect(formatValue(short, '😀😀😀', utc)).toEqual({ ok: false, problem: 'is 6 characters long; LeadSquared allows at most 5 in this field' });
	});

	it('passes text through intact: non-Latin, emoji, newlines, quotes', () => {
		const text = 'Zoë 李 😀\n"quoted" \'single\' \\ back';
		expect(formatValue(field('text'), text, utc)).toEqual({ ok: true, value: text });
	});

	it('refuses objects and lists', () => {
		expect(formatValue(field('text'), { a: 1 }, utc)).toEqual({ ok: false, problem: expect.stringMatching(/is an object/) });
		expect(formatValue(field('text'), [1, 2], utc)).toEqual({ ok: false, problem: expect.stringMatching(/is a list/) });
	});

	it('normalises times of day', () => {
		expect(formatValue(field('time'), '9:05', utc)).toEqual({ ok: true, value: '09:05:00' });
		expect(formatValue(field('time'), '24:00', utc).ok).toBe(false);
	});

	it('sends values of fields it has no metadata for as text', () => {
		expect(formatValue(undefined, 12, utc)).toEqual({ ok: true, value: '12' });
		expect(formatValue(undefined, false, utc)).toEqual({ ok: true, value: 'false' });
	});
});

describe('Date fields keep their calendar day', () => {
	const dateField = field('date');
	it.each([
		['1990-05-17', 'Asia/Kolkata', '1990-05-17 00:00:00'],
		['1990-05-17', 'America/New_York', '1990-05-17 00:00:00'],
		['1990-05-17T23:30:00-05:00', 'Asia/Kolkata', '1990-05-17 00:00:00'],
		['1990-05-17 10:00:00', 'UTC', '1990-05-17 00:00:00'],
	])('%s in %s → %s', (input, timezone, expected) => {
		expect(formatValue(dateField, input, { timezone })).toEqual({ ok: true, value: expected });
	});

	it('takes a Luxon-like date in its own zone, and a JavaScript Date in the given zone', () => {
		// 17 May 1990, 00:30 in Kolkata = 16 May 19:00 UTC.
		const instant = new Date(Date.UTC(1990, 4, 16, 19, 0, 0));
		expect(formatValue(dateField, { year: 1990, month: 5, day: 17, toJSDate: () => instant }, { timezone: 'UTC' })).toEqual({
			ok: true,
			value: '1990-05-17 00:00:00',
		});
		expect(formatValue(dateField, instant, { timezone: 'Asia/Kolkata' })).toEqual({ ok: true, value: '1990-05-17 00:00:00' });
		expect(formatValue(dateField, instant, { timezone: 'UTC' })).toEqual({ ok: true, value: '1990-05-16 00:00:00' });
	});

	it('refuses what is not a date', () => {
		expect(formatValue(dateField, '1990-02-30', utc).ok).toBe(false);
		expect(formatValue(dateField, 'soon', utc).ok).toBe(false);
	});
});
