/**
 * How item values reach LeadSquared: dates in LeadSquared's UTC format, the unknown-field check (fail
 * or drop), the dropdown check, typed values and empty values. Input the account would refuse fails
 * its item before any request.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { bodyValues, calls, leadParameters, upserts, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const base = { EmailAddress: '={{ $json.email }}', LastName: '={{ $json.last }}' };

describe('dates', () => {
	it('sends ISO dates with an offset, yyyy-MM-dd dates and Date-typed fields as UTC yyyy-MM-dd HH:mm:ss', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { ...base, mx_Date_of_Birth: '={{ $json.born }}', mx_Enrollment_Date: '={{ $json.enrolled }}' },
			}),
			items: [
				{ email: 'one@example.com', last: 'One', born: '1990-05-17', enrolled: '2024-05-01T10:30:00+05:30' },
				{ email: 'two@example.com', last: 'Two', born: '2001-02-28T00:00:00Z', enrolled: '2024-12-31T23:59:59.999-08:00' },
				{ email: 'three@example.com', last: 'Three', born: '1985-11-05 00:00:00', enrolled: '2024-05-01 10:30' },
			],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		// the calls run concurrently, so they may reach LeadSquared in any order: compare them by lead
		const sent = new Map(upserts(sandbox).map((entry) => bodyValues(entry)).map((values) => [values.EmailAddress, [values.mx_Date_of_Birth, values.mx_Enrollment_Date]]));
		expect(Object.fromEntries(sent)).toEqual({
			'one@example.com': ['1990-05-17 00:00:00', '2024-05-01 05:00:00'],
			'two@example.com': ['2001-02-28 00:00:00', '2025-01-01 07:59:59'],
			'three@example.com': ['1985-11-05 00:00:00', '2024-05-01 10:30:00'],
		});
		expect(Object.fromEntries(sandbox.leads().map((lead) => [lead.EmailAddress, lead.mx_Enrollment_Date]))).toEqual({
			'one@example.com': '2024-05-01 05:00:00',
			'two@example.com': '2025-01-01 07:59:59',
			'three@example.com': '2024-05-01 10:30:00',
		});
	});

	it('converts the dates n8n expressions produce (Luxon DateTime, JS Date)', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: {
					...base,
					mx_Enrollment_Date: "={{ DateTime.fromISO('2024-05-01T10:30:00', { zone: 'Asia/Kolkata' }) }}",
					mx_Date_of_Birth: "={{ new Date(Date.UTC(1990, 4, 17)) }}",
				},
			}),
			items: [{ email: 'luxon@example.com', last: 'Luxon' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(bodyValues(upserts(sandbox)[0])).toMatchObject({ mx_Enrollment_Date: '2024-05-01 05:00:00', mx_Date_of_Birth: '1990-05-17 00:00:00' });
	});

	it('reads zone-less date-times in the workflow\'s time zone with "Dates Without a Time Zone" = workflow', async () => {
		const parameters = (dateTimezone: string) =>
			leadParameters({ fields: { ...base, mx_Enrollment_Date: '={{ $json.enrolled }}' }, options: { dateTimezone } });
		const items = [
			{ email: 'ny@example.com', last: 'Summer', enrolled: '2024-07-01 09:15:00' },
			{ email: 'ny2@example.com', last: 'Winter', enrolled: '2024-01-15 09:15' },
			{ email: 'ny3@example.com', last: 'Zoned', enrolled: '2024-07-01T09:15:00Z' },
		];

		const workflow = await runLeadSquared({ parameters: parameters('workflow'), items, credentials: sandboxCredentials(sandbox), timezone: 'America/New_York' });
		// Other leads: mx_Enrollment_Date is locked after creation, so the same leads could not take new values.
		const utcItems = items.map((item) => ({ ...item, email: `utc.${item.email}` }));
		const utc = await runLeadSquared({ parameters: parameters('utc'), items: utcItems, credentials: sandboxCredentials(sandbox), timezone: 'America/New_York' });

		expect([workflow.status, utc.status]).toEqual(['success', 'success']);
		const sent = Object.fromEntries(upserts(sandbox).map((entry) => bodyValues(entry)).map((values) => [values.EmailAddress, values.mx_Enrollment_Date]));
		// New York is UTC-4 in July and UTC-5 in January; a date that names its zone keeps it.
		expect(sent).toEqual({
			'ny@example.com': '2024-07-01 13:15:00',
			'ny2@example.com': '2024-01-15 14:15:00',
			'ny3@example.com': '2024-07-01 09:15:00',
			'utc.ny@example.com': '2024-07-01 09:15:00',
			'utc.ny2@example.com': '2024-01-15 09:15:00',
			'utc.ny3@example.com': '2024-07-01 09:15:00',
		});
		for (const entry of upserts(sandbox)) {
			expect(entry.rawBody).toMatch(/"Attribute":"mx_Enrollment_Date","Value":"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"/);
		}
	});

	it('keeps the calendar day of a date-only value in a Date field in the workflow\'s time zone', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { ...base, mx_Date_of_Birth: '={{ $json.born }}', mx_Enrollment_Date: '={{ $json.enrolled }}' },
				options: { dateTimezone: 'workflow' },
			}),
			items: [{ email: 'kolkata@example.com', last: 'Born', born: '1990-05-17', enrolled: '2024-05-01 10:30' }],
			credentials: sandboxCredentials(sandbox),
			timezone: 'Asia/Kolkata',
		});

		expect(result.status).toBe('success');
		// Kolkata is UTC+5:30: the date-time moves to UTC, the date of birth stays the 17th.
		expect(bodyValues(upserts(sandbox)[0])).toMatchObject({ mx_Date_of_Birth: '1990-05-17 00:00:00', mx_Enrollment_Date: '2024-05-01 05:00:00' });
	});

	it('fails the item naming the field when a date cannot be read', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { ...base, mx_Enrollment_Date: '={{ $json.enrolled }}' } }),
			items: [{ email: 'bad.date@example.com', last: 'Date', enrolled: '31/02/2024' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(/^Field "mx_Enrollment_Date" is "31\/02\/2024", which is not a date/),
			details: { field: 'mx_Enrollment_Date', itemIndex: 0 },
		});
		expect(upserts(sandbox)).toHaveLength(0);
	});
});

describe('unknown fields', () => {
	const manual = [
		{ name: 'mx_Citty', value: 'Pune' },
		{ name: 'Favourite_Colour', value: 'green' },
	];
	const items = [{ email: 'unknown@example.com', last: 'Fields' }];

	it('fail mode: the item fails naming every unknown field, and no lead request is sent', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: base, manual, options: { unknownFields: 'fail' } }),
			items,
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Unknown fields "mx_Citty", "Favourite_Colour"');
		expect(result.error?.description).toContain('nothing was sent');
		expect(result.error?.context.itemIndex).toBe(0);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
		expect(upserts(sandbox)).toHaveLength(0);
		expect(sandbox.leads()).toHaveLength(0);
	});

	it('fail is the default, and applies to auto-mapped input keys too', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ autoMap: true }),
			items: [{ EmailAddress: 'auto@example.com', LastName: 'Auto', City: 'Pune' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(result.items[0].json).toMatchObject({ error: expect.stringContaining('The input item has a key that is not a LeadSquared lead field ("City")'), details: { field: 'City' } });
		expect(upserts(sandbox)).toHaveLength(0);
	});

	it('drop mode: the lead is sent without them and the output lists them', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: base,
				manual,
				cfs: { mx_KYC: [{ name: 'Status', value: 'Pending' }, { name: 'mx_Passport', value: 'X1' }] },
				options: { unknownFields: 'drop' },
			}),
			items,
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		const [request] = upserts(sandbox);
		expect(request.body).toEqual([
			{ Attribute: 'EmailAddress', Value: 'unknown@example.com' },
			{ Attribute: 'LastName', Value: 'Fields' },
			{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'Pending' }] },
		]);
		expect(result.items[0].json).toEqual({
			status: 'Success',
			leadId: sandbox.leads()[0].ProspectID,
			affectedRows: 1,
			droppedFields: ['mx_Citty', 'Favourite_Colour', 'mx_KYC.mx_Passport'],
		});
	});
});

describe('dropdowns and typed values', () => {
	it('fails the item naming the field when a dropdown value is not one of its options, sending nothing', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { ...base, mx_Course_Interest: '={{ $json.course }}' } }),
			items: [
				{ email: 'astro@example.com', last: 'Stars', course: 'Astrology' },
				{ email: 'eng@example.com', last: 'Bridges', course: 'engineering' },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			error: expect.stringContaining('Field "mx_Course_Interest" is "Astrology", which is not one of its options (Engineering, Medicine, Law, Business Administration)'),
			details: { field: 'mx_Course_Interest', itemIndex: 0 },
		});
		// Only the second item was sent, with the option's own spelling.
		expect(upserts(sandbox)).toHaveLength(1);
		expect(bodyValues(upserts(sandbox)[0]).mx_Course_Interest).toBe('Engineering');
		expect(sandbox.leads()).toEqual([expect.objectContaining({ EmailAddress: 'eng@example.com', mx_Course_Interest: 'Engineering' })]);
	});

	it('stops before any lead request when one item of several is invalid', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { ...base, mx_Course_Interest: '={{ $json.course }}' } }),
			items: [
				{ email: 'first@example.com', last: 'First', course: 'Law' },
				{ email: 'second@example.com', last: 'Second', course: 'Astrology' },
			],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('mx_Course_Interest');
		expect(result.error?.context.itemIndex).toBe(1);
		expect(upserts(sandbox)).toHaveLength(0);
	});

	it('sends numbers and booleans in LeadSquared\'s formats and refuses values that are not', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { ...base, mx_Annual_Income: '={{ $json.income }}', mx_Newsletter: '={{ $json.newsletter }}', DoNotCall: '={{ $json.doNotCall }}' },
			}),
			items: [
				{ email: 'typed@example.com', last: 'Typed', income: 75000.5, newsletter: true, doNotCall: 'no' },
				{ email: 'wrong@example.com', last: 'Wrong', income: '75,000', newsletter: true, doNotCall: false },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(bodyValues(upserts(sandbox)[0])).toMatchObject({ mx_Annual_Income: '75000.5', mx_Newsletter: '1', DoNotCall: '0' });
		expect(result.items[1].json).toMatchObject({
			error: expect.stringContaining('Field "mx_Annual_Income" is "75,000", which is not a number'),
			details: { field: 'mx_Annual_Income' },
		});
		expect(upserts(sandbox)).toHaveLength(1);
	});

	it('empty values: fail by default, or skip (listed in the output), or clear', async () => {
		const parameters = (emptyValues?: string) =>
			leadParameters({ fields: { ...base, mx_City: '={{ $json.city }}' }, options: emptyValues ? { emptyValues } : {} });
		const items = [{ email: 'empty@example.com', last: 'Empty', city: null }];
		const credentials = sandboxCredentials(sandbox);

		const failed = await runLeadSquared({ parameters: parameters(), items, credentials, continueOnFail: true });
		const skipped = await runLeadSquared({ parameters: parameters('skip'), items, credentials });
		const cleared = await runLeadSquared({ parameters: parameters('clear'), items, credentials });

		expect(failed.items[0].json).toMatchObject({ error: expect.stringContaining('Field "mx_City" has no value'), details: { field: 'mx_City' } });
		expect(skipped.items[0].json).toMatchObject({ status: 'Success', skippedFields: ['mx_City'] });
		expect(cleared.items[0].json).toEqual({ status: 'Success', leadId: skipped.items[0].json.leadId, affectedRows: 1 });
		const [skipRequest, clearRequest] = upserts(sandbox);
		expect(bodyValues(skipRequest)).not.toHaveProperty('mx_City');
		expect(bodyValues(clearRequest).mx_City).toBe('');
	});
});
