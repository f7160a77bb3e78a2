/**
 * The bad-input catalogue's cases, part 2: typed values, unknown fields, custom field sets, empty items and
 * what only LeadSquared knows.
 */
import { attributesOf, autoMap, customFieldSets, mapped, pairsOf } from './helpers';
import { GOOD, mapperFromItem } from './bad-input-cases';
import type { InputCase } from './bad-input-cases';

export const VALUE_CASES: InputCase[] = [
	// ---------------------------------------------------------------- typed values
	{
		name: 'an invalid e-mail address',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'not-an-email', LastName: 'E' }],
		error: { item: 1, message: /^Field "EmailAddress" is "not-an-email", which is not an e-mail address \[item 1\]$/, field: 'EmailAddress' },
	},
	{
		name: 'an e-mail address with a space inside',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'ada lovelace@example.com', LastName: 'E' }],
		error: { item: 1, message: /^Field "EmailAddress" is "ada lovelace@example.com", which is not an e-mail address \[item 1\]$/, field: 'EmailAddress' },
	},
	{
		name: 'an unparseable date',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'date@example.com', LastName: 'D', mx_Date_of_Birth: 'next tuesday' }],
		error: { item: 1, message: /^Field "mx_Date_of_Birth" is "next tuesday", which is not a date\. .* \[item 1\]$/, field: 'mx_Date_of_Birth' },
	},
	{
		name: 'an impossible date (30 February)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'date2@example.com', LastName: 'D', mx_Date_of_Birth: '2024-02-30' }],
		error: { item: 1, message: /^Field "mx_Date_of_Birth" is "2024-02-30", which is not a date\. .* \[item 1\]$/, field: 'mx_Date_of_Birth' },
	},
	{
		name: 'an ISO date with an offset is stored in UTC',
		parameters: autoMap(),
		items: [{ EmailAddress: 'iso@example.com', LastName: 'D', mx_Enrollment_Date: '2024-05-01T10:30:00+05:30' }],
		check: ({ stored }) => expect(stored('iso@example.com').mx_Enrollment_Date).toBe('2024-05-01 05:00:00'),
	},
	{
		name: "a date without a zone read in the workflow's time zone",
		parameters: autoMap({}, { dateTimezone: 'workflow' }),
		items: [{ EmailAddress: 'tz@example.com', LastName: 'D', mx_Enrollment_Date: '2024-05-01 10:30' }],
		timezone: 'Asia/Kolkata',
		check: ({ stored }) => expect(stored('tz@example.com').mx_Enrollment_Date).toBe('2024-05-01 05:00:00'),
	},
	{
		name: 'an unknown time zone',
		parameters: autoMap({}, { dateTimezone: 'workflow' }),
		items: [{ EmailAddress: 'badtz@example.com', LastName: 'D', mx_Enrollment_Date: '2024-05-01 10:30' }],
		timezone: 'Mars/Olympus_Mons',
		error: { item: 0, message: /^Field "mx_Enrollment_Date" cannot be converted: "Mars\/Olympus_Mons" is not a time zone \[item 0\]$/, field: 'mx_Enrollment_Date' },
	},
	{
		name: 'a dropdown value outside its options',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'dropdown@example.com', LastName: 'D', mx_Course_Interest: 'Astrology' }],
		error: {
			item: 1,
			message: /^Field "mx_Course_Interest" is "Astrology", which is not one of its options \(Engineering, Medicine, Law, Business Administration\) \[item 1\]$/,
			field: 'mx_Course_Interest',
		},
	},
	{
		name: 'a dropdown value in other letter case is sent as the option',
		parameters: autoMap(),
		items: [{ EmailAddress: 'dropdown2@example.com', LastName: 'D', mx_Course_Interest: 'business administration' }],
		check: ({ stored }) => expect(stored('dropdown2@example.com').mx_Course_Interest).toBe('Business Administration'),
	},
	{
		name: 'a non-numeric Number field',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'number@example.com', LastName: 'N', Score: 'ten' }],
		error: { item: 1, message: /^Field "Score" is "ten", which is not a number \[item 1\]$/, field: 'Score' },
	},
	{
		name: 'a number with a thousands separator',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'number2@example.com', LastName: 'N', mx_Annual_Income: '1,000,000' }],
		error: { item: 1, message: /^Field "mx_Annual_Income" is "1,000,000", which is not a number \[item 1\]$/, field: 'mx_Annual_Income' },
	},
	{
		name: 'Infinity from an expression in a Number field',
		parameters: mapped({ ...mapperFromItem('EmailAddress', 'LastName'), Score: '={{ $json.points / 0 }}' }),
		items: [{ EmailAddress: 'infinity@example.com', LastName: 'N', points: 5 }],
		error: { item: 0, message: /^Field "Score" is Infinity, which is not a number LeadSquared can store \[item 0\]$/, field: 'Score' },
	},
	{
		name: 'a boolean field with "maybe"',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'bool@example.com', LastName: 'B', DoNotEmail: 'maybe' }],
		error: { item: 1, message: /^Field "DoNotEmail" is "maybe", which is not true or false \[item 1\]$/, field: 'DoNotEmail' },
	},
	{
		name: 'numbers and booleans as JSON types are sent in LeadSquared form',
		parameters: autoMap(),
		items: [{ EmailAddress: 'types@example.com', LastName: 'T', Score: 42.5, DoNotEmail: true, mx_Newsletter: 'No' }],
		check: ({ stored }) => expect(stored('types@example.com')).toMatchObject({ Score: '42.5', DoNotEmail: '1', mx_Newsletter: '0' }),
	},
	// ---------------------------------------------------------------- unknown fields
	{
		name: 'an unknown mx_ field with Unknown Fields = fail',
		parameters: autoMap({}, { unknownFields: 'fail' }),
		items: [GOOD, { EmailAddress: 'unknown@example.com', LastName: 'U', mx_Nope: 'x' }],
		error: {
			item: 1,
			message:
				/^The input item has a key that is not a LeadSquared lead field \("mx_Nope"\): set Options → Unknown Fields to "Drop Them and List Them in the Output", or remove it before this node\. Closest valid names: Notes \(Notes\), [^[]+\. \[item 1\]$/,
			field: 'mx_Nope',
		},
	},
	{
		name: 'several unknown fields are all named',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'unknown2@example.com', LastName: 'U', mx_Nope: 'x', City: 'Pune' }],
		error: { item: 1, message: /^The input item has keys that are not LeadSquared lead fields \("mx_Nope", "City"\): set Options/, field: 'mx_Nope' },
	},
	{
		name: 'an unknown mx_ field with Unknown Fields = drop',
		parameters: autoMap({}, { unknownFields: 'drop' }),
		items: [{ EmailAddress: 'drop@example.com', LastName: 'D', mx_Nope: 'x', mx_City: 'Pune' }],
		check: ({ result, bodies, stored }) => {
			expect(attributesOf(bodies[0])).toEqual({ EmailAddress: 'drop@example.com', LastName: 'D', mx_City: 'Pune' });
			expect(result.items[0].json.droppedFields).toEqual(['mx_Nope']);
			expect(stored('drop@example.com')).toMatchObject({ mx_City: 'Pune' });
			expect(stored('drop@example.com').mx_Nope).toBeUndefined();
		},
	},
	// ---------------------------------------------------------------- custom field sets
	{
		name: 'a custom field set with no sub-fields',
		parameters: autoMap(customFieldSets({ field: 'mx_KYC', subFields: [] })),
		items: [GOOD],
		error: { item: 0, message: /^Custom field set "mx_KYC" has no sub-fields \[item 0\]$/, field: 'mx_KYC' },
	},
	{
		name: 'a custom field set on a field that is not one',
		parameters: autoMap(customFieldSets({ field: 'mx_City', subFields: [{ name: 'Status', value: 'x' }] })),
		items: [GOOD],
		error: { item: 0, message: /^Field "mx_City" is not a custom field set \[item 0\]$/, field: 'mx_City' },
	},
	{
		name: 'an unknown sub-field of a custom field set',
		parameters: autoMap(customFieldSets({ field: 'mx_KYC', subFields: [{ name: 'Status', value: 'ok' }, { name: 'mx_Nope', value: 'x' }] })),
		items: [GOOD],
		error: { item: 0, message: /^Custom field set "mx_KYC" has no sub-field "mx_Nope"\. Closest valid names: Document \(mx_CustomObject_1\), Document Number \(mx_CustomObject_2\), Status \(Status\)\. \[item 0\]$/, field: 'mx_KYC.mx_Nope' },
	},
	{
		name: 'a custom field set sent as a plain field',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'cfsplain@example.com', LastName: 'C', mx_KYC: 'Verified' }],
		error: { item: 1, message: /^Field "mx_KYC" is a custom field set \[item 1\]$/, field: 'mx_KYC' },
	},
	{
		name: 'a custom field set with its sub-fields is stored as an object',
		parameters: autoMap(
			customFieldSets({
				field: 'mx_KYC',
				subFields: [
					{ name: 'Status', value: 'Verified' },
					{ name: 'mx_customobject_1', value: 'PAN' },
				],
			}),
		),
		items: [{ EmailAddress: 'cfs@example.com', LastName: 'C' }],
		check: ({ bodies, stored }) => {
			expect(pairsOf(bodies[0]).find((pair) => pair.Attribute === 'mx_KYC')).toEqual({
				Attribute: 'mx_KYC',
				Value: '',
				Fields: [
					{ Attribute: 'Status', Value: 'Verified' },
					{ Attribute: 'mx_CustomObject_1', Value: 'PAN' },
				],
			});
			expect(stored('cfs@example.com').mx_KYC).toEqual({ Status: 'Verified', mx_CustomObject_1: 'PAN' });
		},
	},
	// ---------------------------------------------------------------- empty items
	{
		name: 'an empty auto-mapped item ({})',
		parameters: autoMap(),
		items: [GOOD, {}],
		error: { item: 1, message: /^No lead fields to send \[item 1\]$/ },
	},
	// ---------------------------------------------------------------- what only LeadSquared knows
	{
		name: 'a new lead without a mandatory field (LeadSquared refuses it)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'nolastname@example.com', FirstName: 'No' }],
		error: { item: 1, message: /^LeadSquared refused the lead: Mandatory attribute\(s\) missing - LastName$/, remote: true },
	},
];
