/**
 * Bad-input catalogue: items and parameters the node must refuse (or pass through intact), each run
 * through n8n's engine against the sandbox.
 *
 * For a refused item: without "continue on fail" the run fails with a message naming the field and ending
 * in `[item N]`, and — when the node can see the problem itself — nothing at all was sent to
 * Lead.CreateOrUpdate (every item is checked before the first call, so the good item in front of the bad
 * one is not sent either). With "continue on fail" the bad item becomes an error item paired to it (with
 * the field in its details) and the other items go through.
 * For an accepted item: what was sent and stored.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { LeadRecord, Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import {
	attributesOf,
	autoMap,
	customFieldSets,
	leadsWithEmail,
	manualAttributes,
	mapped,
	matchOn,
	pairsOf,
	requestsTo,
	SINGLE_ENDPOINT,
	UNLIMITED,
} from './helpers';

const KEEP = {
	EmailAddress: 'keep@example.com',
	FirstName: 'Keep',
	LastName: 'Existing',
	Phone: '+91-9000000001',
	mx_City: 'Pune',
};

/** A valid item, put in front of a bad one: it must not be sent when the bad one stops the node. */
const GOOD: IDataObject = { EmailAddress: 'good@example.com', LastName: 'Good' };

interface Check {
	sandbox: Sandbox;
	result: RunResult;
	/** Bodies of the Lead.CreateOrUpdate requests, in order. */
	bodies: unknown[];
	stored(email: string): LeadRecord;
}

interface InputCase {
	name: string;
	parameters: INodeParameters;
	items: IDataObject[];
	timezone?: string;
	/** Sandbox options for this case (restored afterwards). */
	configure?: Partial<SandboxOptions>;
	/** The item the node must refuse. `remote`: LeadSquared refuses it, the node cannot know beforehand. */
	error?: { item: number; message: RegExp; field?: string; remote?: boolean };
	/** For accepted items: what was sent and stored. */
	check?: (check: Check) => void;
}

const mapperFromItem = (...names: string[]) => Object.fromEntries(names.map((name) => [name, `={{ $json.${name} }}`]));
const UNICODE = {
	FirstName: 'Zoë 😀 李 e\u0301',
	LastName: 'O\'Brien "Jr" Мария\nß',
	Notes: 'line 1\r\nline 2\n\ttabbed \\ backslash "double" \'single\' <b>&amp;</b> 🚀 مرحبا \u2028end',
	mx_City: 'São Paulo / Zürich — 東京',
};

const CASES: InputCase[] = [
	// ---------------------------------------------------------------- field names
	{
		name: 'manual entry with an empty field name',
		parameters: autoMap(manualAttributes({ name: '', value: 'x' })),
		items: [GOOD],
		error: { item: 0, message: /^Lead field 1 from the manual entry has no field name \[item 0\]$/ },
	},
	{
		name: 'manual entry with a blank (whitespace) field name',
		parameters: mapped({ EmailAddress: 'blank@example.com', LastName: 'Blank' }, manualAttributes({ name: '   ', value: 'x' })),
		items: [{}],
		error: { item: 0, message: /has no field name \[item 0\]$/ },
	},
	{
		name: 'auto-mapped item with an empty key',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'emptykey@example.com', LastName: 'Key', '': 'orphan value' }],
		error: { item: 1, message: /^Lead field 3 from the input item has no field name \[item 1\]$/ },
	},
	{
		name: 'an item carrying SearchBy as an attribute',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'searchby@example.com', LastName: 'S', SearchBy: 'Phone' }],
		error: { item: 1, message: /^"SearchBy" is not a lead field \[item 1\]$/, field: 'SearchBy' },
	},
	// ---------------------------------------------------------------- values that are not scalars
	{
		name: 'a value that is an object (auto-mapped)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'object@example.com', LastName: 'O', mx_City: { name: 'Pune' } }],
		error: { item: 1, message: /^Field "mx_City" is an object; .* \[item 1\]$/, field: 'mx_City' },
	},
	{
		name: 'a value that is an object (mapped by expression)',
		parameters: mapped({ ...mapperFromItem('EmailAddress', 'LastName'), mx_City: '={{ $json.city }}' }),
		items: [
			{ ...GOOD, city: 'Delhi' },
			{ EmailAddress: 'object2@example.com', LastName: 'O', city: { name: 'Pune', pin: 411001 } },
		],
		error: { item: 1, message: /^Field "mx_City" is an object; .* \[item 1\]$/, field: 'mx_City' },
	},
	{
		name: 'a value that is an array',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'array@example.com', LastName: 'A', mx_City: ['Pune', 'Delhi'] }],
		error: { item: 1, message: /^Field "mx_City" is a list; .* \[item 1\]$/, field: 'mx_City' },
	},
	{
		name: 'null with Empty Values = fail',
		parameters: autoMap({}, { emptyValues: 'fail' }),
		items: [GOOD, { EmailAddress: KEEP.EmailAddress, LastName: KEEP.LastName, FirstName: null }],
		error: { item: 1, message: /^Field "FirstName" has no value \(null\) \[item 1\]$/, field: 'FirstName' },
	},
	{
		name: 'null with Empty Values = skip (sent without it, listed in skippedFields)',
		parameters: autoMap({}, { emptyValues: 'skip' }),
		items: [{ EmailAddress: KEEP.EmailAddress, LastName: KEEP.LastName, FirstName: null }],
		check: ({ result, bodies, stored }) => {
			expect(attributesOf(bodies[0])).toEqual({ EmailAddress: KEEP.EmailAddress, LastName: KEEP.LastName });
			expect(result.items[0].json.skippedFields).toEqual(['FirstName']);
			expect(stored(KEEP.EmailAddress).FirstName).toBe('Keep');
		},
	},
	{
		name: 'null with Empty Values = clear (sent as "")',
		parameters: autoMap({}, { emptyValues: 'clear' }),
		items: [{ EmailAddress: KEEP.EmailAddress, LastName: KEEP.LastName, FirstName: null }],
		check: ({ result, bodies, stored }) => {
			expect(attributesOf(bodies[0])).toEqual({ EmailAddress: KEEP.EmailAddress, LastName: KEEP.LastName, FirstName: '' });
			expect(result.items[0].json.skippedFields).toBeUndefined();
			expect(stored(KEEP.EmailAddress).FirstName).toBe('');
		},
	},
	{
		name: 'undefined (an expression naming a key the item lacks)',
		parameters: mapped(mapperFromItem('EmailAddress', 'LastName', 'FirstName')),
		items: [
			{ ...GOOD, FirstName: 'Present' },
			{ EmailAddress: 'undefined@example.com', LastName: 'U' },
		],
		error: { item: 1, message: /^Field "FirstName" has no value.* \[item 1\]$/, field: 'FirstName' },
	},
	{
		name: 'undefined with Empty Values = skip',
		parameters: mapped(mapperFromItem('EmailAddress', 'LastName', 'FirstName'), {}, { emptyValues: 'skip' }),
		items: [{ EmailAddress: 'undefined-skip@example.com', LastName: 'U' }],
		check: ({ result, bodies, stored }) => {
			expect(attributesOf(bodies[0])).toEqual({ EmailAddress: 'undefined-skip@example.com', LastName: 'U' });
			expect(result.items[0].json.skippedFields).toEqual(['FirstName']);
			expect(stored('undefined-skip@example.com').FirstName).toBeUndefined();
		},
	},
	// ---------------------------------------------------------------- lengths and text
	{
		name: 'a string one character beyond MaxLength (FirstName, 100)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'long@example.com', LastName: 'L', FirstName: 'x'.repeat(101) }],
		error: { item: 1, message: /^Field "FirstName" is 101 characters long; LeadSquared allows at most 100 in this field \[item 1\]$/, field: 'FirstName' },
	},
	{
		name: 'a huge string (100 000 characters) in a field with the default MaxLength (Company, 256)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'huge@example.com', LastName: 'H', Company: 'y'.repeat(100_000) }],
		error: { item: 1, message: /^Field "Company" is 100000 characters long; LeadSquared allows at most 256 in this field \[item 1\]$/, field: 'Company' },
	},
	{
		name: 'a string exactly at MaxLength passes',
		parameters: autoMap(),
		items: [{ EmailAddress: 'exact@example.com', LastName: 'E', FirstName: 'z'.repeat(100) }],
		check: ({ stored }) => expect(stored('exact@example.com').FirstName).toBe('z'.repeat(100)),
	},
	{
		name: 'emoji, non-Latin scripts, newlines and quotes pass through intact',
		parameters: autoMap(),
		items: [{ EmailAddress: 'unicode@example.com', ...UNICODE }],
		check: ({ stored, bodies }) => {
			const lead = stored('unicode@example.com');
			for (const [name, value] of Object.entries(UNICODE)) {
				expect(lead[name]).toBe(value);
				expect(Buffer.from(String(lead[name]), 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
				expect(attributesOf(bodies[0])[name]).toBe(value);
			}
		},
	},
	{
		name: 'a text with quotes and newlines in a custom field set sub-field passes through intact',
		parameters: mapped(mapperFromItem('EmailAddress', 'LastName'), customFieldSets({ field: 'mx_KYC', subFields: [{ name: 'Status', value: '={{ $json.kyc }}' }] })),
		items: [{ EmailAddress: 'cfs-text@example.com', LastName: 'C', kyc: 'Line "1"\nLine \'2\' 😀' }],
		check: ({ stored }) => expect(stored('cfs-text@example.com').mx_KYC).toEqual({ Status: 'Line "1"\nLine \'2\' 😀' }),
	},
	// ---------------------------------------------------------------- duplicates
	{
		name: 'the same field twice in the mapper (different casing)',
		parameters: mapped({ EmailAddress: 'twice@example.com', LastName: 'T', FirstName: 'One', firstname: 'Two' }),
		items: [{}],
		error: { item: 0, message: /^Field "FirstName" is given twice \(the lead fields and the lead fields\) \[item 0\]$/, field: 'FirstName' },
	},
	{
		name: 'the same field twice in the manual entry',
		parameters: mapped(
			{ EmailAddress: 'twice2@example.com', LastName: 'T' },
			manualAttributes({ name: 'mx_City', value: 'Pune' }, { name: 'MX_CITY', value: 'Delhi' }),
		),
		items: [{}],
		error: { item: 0, message: /^Field "mx_City" is given twice \(the manual entry and the manual entry\) \[item 0\]$/, field: 'mx_City' },
	},
	{
		name: 'the same field in the mapper and the manual entry',
		parameters: mapped({ EmailAddress: 'twice3@example.com', LastName: 'T', FirstName: 'Mapped' }, manualAttributes({ name: 'FirstName', value: 'Manual' })),
		items: [{}],
		error: { item: 0, message: /^Field "FirstName" is given twice \(the lead fields and the manual entry\) \[item 0\]$/, field: 'FirstName' },
	},
	{
		name: 'the same field twice in an auto-mapped item (different casing)',
		parameters: autoMap(),
		items: [GOOD, { EmailAddress: 'twice4@example.com', emailaddress: 'other@example.com', LastName: 'T' }],
		error: { item: 1, message: /^Field "EmailAddress" is given twice \(the input item and the input item\) \[item 1\]$/, field: 'EmailAddress' },
	},
	{
		name: 'a field in the auto-mapped item and in the manual entry',
		parameters: autoMap(manualAttributes({ name: 'mx_City', value: 'Manual City' })),
		items: [GOOD, { EmailAddress: 'twice5@example.com', LastName: 'T', mx_City: 'Item City' }],
		error: { item: 1, message: /^Field "mx_City" is given twice \(the input item and the manual entry\) \[item 1\]$/, field: 'mx_City' },
	},
	// ---------------------------------------------------------------- Match By
	{
		name: 'Match By field absent from the item',
		parameters: autoMap(matchOn('Phone')),
		items: [{ ...GOOD, Phone: '+91-9111111111' }, { EmailAddress: 'nophone@example.com', LastName: 'N' }],
		error: { item: 1, message: /^No value for "Phone", the field chosen in Match By \[item 1\]$/, field: 'Phone' },
	},
	{
		name: 'Match By field present but empty',
		parameters: autoMap(matchOn('Phone')),
		items: [{ ...GOOD, Phone: '+91-9111111111' }, { EmailAddress: 'emptyphone@example.com', LastName: 'N', Phone: '  ' }],
		error: { item: 1, message: /^No value for "Phone", the field chosen in Match By \[item 1\]$/, field: 'Phone' },
	},
	{
		name: 'Match By naming a field that does not exist',
		parameters: autoMap(matchOn('mx_Nope')),
		items: [GOOD],
		error: { item: 0, message: /^The Match By field "mx_Nope" is not in your LeadSquared account's lead fields \[item 0\]$/, field: 'mx_Nope' },
	},
	{
		name: 'Match By naming a custom field set',
		parameters: autoMap(matchOn('mx_KYC')),
		items: [GOOD],
		error: { item: 0, message: /^The Match By field "mx_KYC" is a custom field set; leads cannot be matched on it \[item 0\]$/, field: 'mx_KYC' },
	},
	{
		name: 'default matching with no e-mail, phone or other identifier',
		parameters: autoMap(),
		items: [GOOD, { FirstName: 'No', LastName: 'Identifier' }],
		error: { item: 1, message: /^No value for any field LeadSquared can match a lead on \(EmailAddress, Phone, Mobile, mx_Student_Id\) \[item 1\]$/ },
	},
	{
		name: "an item with only the Match By field updates the lead that has it",
		parameters: autoMap(matchOn('Phone')),
		items: [{ Phone: KEEP.Phone }],
		check: ({ sandbox, result, bodies, stored }) => {
			expect(pairsOf(bodies[0])).toEqual([
				{ Attribute: 'Phone', Value: KEEP.Phone },
				{ Attribute: 'SearchBy', Value: 'Phone' },
			]);
			expect(result.items[0].json.leadId).toBe(stored(KEEP.EmailAddress).ProspectID);
			expect(sandbox.leads()).toHaveLength(1);
			expect(stored(KEEP.EmailAddress)).toMatchObject(KEEP);
		},
	},
	{
		name: 'an item with only the Match By field creates a lead when none has it',
		parameters: autoMap(matchOn('Phone')),
		items: [{ Phone: '+91-9222222222' }],
		configure: { mandatoryFields: [] },
		check: ({ sandbox, result }) => {
			const created = sandbox.findLeads((lead) => lead.Phone === '+91-9222222222');
			expect(created).toHaveLength(1);
			expect(result.items[0].json.leadId).toBe(created[0].ProspectID);
			expect(sandbox.leads()).toHaveLength(2);
		},
	},
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
				/^The input item has a key that is not a LeadSquared lead field \("mx_Nope"\): set Options → Unknown Fields to "Drop Them and List Them in the Output", or remove it before this node \[item 1\]$/,
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
		error: { item: 0, message: /^Custom field set "mx_KYC" has no sub-field "mx_Nope" \[item 0\]$/, field: 'mx_KYC.mx_Nope' },
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

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED, leads: [KEEP] });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

async function run(testCase: InputCase, continueOnFail: boolean): Promise<RunResult> {
	if (testCase.configure) sandbox.configure(testCase.configure);
	try {
		sandbox.reset();
		return await runLeadSquared({
			parameters: testCase.parameters,
			items: testCase.items,
			credentials: sandboxCredentials(sandbox),
			timezone: testCase.timezone,
			continueOnFail,
		});
	} finally {
		if (testCase.configure) {
			sandbox.configure(Object.fromEntries(Object.keys(testCase.configure).map((key) => [key, undefined])));
		}
	}
}

function checkOf(result: RunResult): Check {
	return {
		sandbox,
		result,
		bodies: requestsTo(sandbox, SINGLE_ENDPOINT).map((entry) => entry.body),
		stored: (email) => {
			const leads = leadsWithEmail(sandbox, email);
			expect(leads).toHaveLength(1);
			return leads[0];
		},
	};
}

const refused = CASES.filter((testCase) => testCase.error);
const accepted = CASES.filter((testCase) => !testCase.error);

describe('bad-input catalogue', () => {
	it('has at least 30 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
		expect(accepted.every((testCase) => testCase.check)).toBe(true);
	});

	describe('refused, stop on fail: the run fails naming the field and the item', () => {
		it.each(refused.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const { error } = testCase;
			const result = await run(testCase, false);

			expect(result.status).toBe('error');
			expect(result.items).toEqual([]);
			expect(result.error?.message).toMatch(error!.message);
			expect(result.error?.context?.itemIndex).toBe(error!.item);
			const writes = requestsTo(sandbox, SINGLE_ENDPOINT);
			if (error!.remote) {
				expect(result.error?.name).toBe('NodeApiError');
				// The items before it were sent, then this one (refused by LeadSquared), then nothing.
				expect(writes).toHaveLength(error!.item + 1);
			} else {
				expect(result.error?.name).toBe('NodeOperationError');
				expect(result.error?.message).toMatch(new RegExp(` \\[item ${error!.item}\\]$`));
				if (error!.field) expect(result.error?.message).toContain(`"${error!.field.split('.').pop()}"`);
				// Checked before the first call: nothing at all was sent, not even the good items in front of it.
				expect(writes).toHaveLength(0);
			}
		});
	});

	describe('refused, continue on fail: an error item for the bad item, the others go through', () => {
		it.each(refused.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const { error } = testCase;
			const result = await run(testCase, true);

			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(testCase.items.length);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				if (index === error!.item) {
					expect(item.json.error).toMatch(error!.message);
					expect(item.json.details).toMatchObject({ itemIndex: index, ...(error!.field ? { field: error!.field } : {}) });
				} else {
					expect(item.json.error).toBeUndefined();
					expect(item.json.leadId).toEqual(expect.any(String));
				}
			});
			// Only the good items were sent (plus the bad one when only LeadSquared could refuse it).
			const sent = requestsTo(sandbox, SINGLE_ENDPOINT);
			expect(sent).toHaveLength(testCase.items.length - (error!.remote ? 0 : 1));
			const badEmail = testCase.items[error!.item].EmailAddress;
			if (typeof badEmail === 'string') {
				if (!error!.remote) expect(sent.every((entry) => attributesOf(entry.body).EmailAddress !== badEmail)).toBe(true);
				expect(leadsWithEmail(sandbox, badEmail).filter((lead) => lead.EmailAddress !== KEEP.EmailAddress)).toHaveLength(0);
			}
		});
	});

	describe('accepted: what was sent and stored', () => {
		it.each(accepted.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, false);

			expect(result.error?.message).toBeUndefined();
			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(testCase.items.length);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.leadId).toEqual(expect.any(String));
			});
			expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(testCase.items.length);
			testCase.check!(checkOf(result));
		});
	});

	it('Match By "A Specific Field" whose field expression resolves to nothing: refused, not silently matched on e-mail', async () => {
		const result = await run(
			{
				name: 'empty match field',
				parameters: autoMap({ matchBy: 'field', searchBy: { __rl: true, mode: 'name', value: '={{ $json.matchOn }}' } }),
				items: [{ EmailAddress: KEEP.EmailAddress, LastName: 'Overwritten', mx_Student_Id: 'S-1' }],
			},
			false,
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Match (By|Field)/);
		expect(requestsTo(sandbox, SINGLE_ENDPOINT)).toHaveLength(0);
	});

	it('emoji count against MaxLength the way LeadSquared counts them (60 emoji = 120 UTF-16 units > 100): refused naming the field, nothing stored', async () => {
		const result = await run(
			{ name: 'emoji', parameters: autoMap(), items: [{ EmailAddress: 'emoji@example.com', LastName: 'E', FirstName: '😀'.repeat(60) }] },
			true,
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/FirstName/);
		expect(result.items[0].json.error).toMatch(/100/);
		expect(leadsWithEmail(sandbox, 'emoji@example.com')).toHaveLength(0);
	});
});
