/**
 * The bad-input catalogue's cases (bad-input.test.ts runs them), part 1: the items and their checks'
 * shared pieces, and the cases about field names, non-scalar values, lengths and text, duplicates and
 * Match By.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { LeadRecord, Sandbox, SandboxOptions } from '../../sandbox';
import type { RunResult } from '../harness';
import { attributesOf, autoMap, customFieldSets, manualAttributes, mapped, matchOn, pairsOf } from './helpers';

export const KEEP = {
	EmailAddress: 'keep@example.com',
	FirstName: 'Keep',
	LastName: 'Existing',
	Phone: '+91-9000000001',
	mx_City: 'Pune',
};

/** A valid item, put in front of a bad one: it must not be sent when the bad one stops the node. */
export const GOOD: IDataObject = { EmailAddress: 'good@example.com', LastName: 'Good' };

export interface Check {
	sandbox: Sandbox;
	result: RunResult;
	/** Bodies of the Lead.CreateOrUpdate requests, in order. */
	bodies: unknown[];
	stored(email: string): LeadRecord;
}

export interface InputCase {
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

export const mapperFromItem = (...names: string[]) => Object.fromEntries(names.map((name) => [name, `={{ $json.${name} }}`]));
export const UNICODE = {
	FirstName: 'Zoë 😀 李 e\u0301',
	LastName: 'O\'Brien "Jr" Мария\nß',
	Notes: 'line 1\r\nline 2\n\ttabbed \\ backslash "double" \'single\' <b>&amp;</b> 🚀 مرحبا \u2028end',
	mx_City: 'São Paulo / Zürich — 東京',
};


export const FIELD_CASES: InputCase[] = [
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
		error: { item: 0, message: /^The Match By field "mx_Nope" is not in your LeadSquared account's lead fields\. Closest valid names: Notes \(Notes\), [^[]+\. \[item 0\]$/, field: 'mx_Nope' },
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
];
