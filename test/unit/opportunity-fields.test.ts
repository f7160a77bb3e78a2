import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import { buildOpportunityFields, opportunityKinds, parseOpportunityType, readCaptureAnswer } from '../../nodes/LeadSquared/model/opportunity/payload';
import type { FieldInput, OpportunityType } from '../../nodes/LeadSquared/model/opportunity/payload';
import { typedRecord } from '../../nodes/LeadSquared/values/typed';

/** The documented sample's shape (GetOpportunityTypeMetadata), shortened. */
const METADATA = {
	AllowAttachments: false,
	CanDelete: false,
	Description: '',
	DisplayName: 'Loan',
	EventCode: 12005,
	Fields: [
		{ SchemaName: 'ActivityEvent_Note', DisplayName: 'Notes', DataType: 'String', IsMandatory: false, OptionSet: '', MaxFieldLength: 200 },
		{
			SchemaName: 'Status',
			DisplayName: 'Status',
			DataType: 'SearchableDropdown',
			IsMandatory: true,
			OptionSet: JSON.stringify([{ IsDefault: true, Text: '', Value: 'Open', Order: 0 }, { Value: 'Won', Order: 1 }, { Value: 'Lost', Order: 2 }]),
		},
		{ SchemaName: 'Owner', DisplayName: 'Owner', DataType: 'ActiveUsers', IsMandatory: false, OptionSet: '' },
		{ SchemaName: 'mx_Custom_1', DisplayName: 'Opportunity Name', DataType: 'String', IsMandatory: true, MaxFieldLength: 10 },
		{ SchemaName: 'mx_Custom_2', DisplayName: 'Loan Amount', DataType: 'Number' },
		{ SchemaName: 'mx_Custom_4', DisplayName: 'Sanction Date', DataType: 'DateTime' },
		{ SchemaName: 'mx_Custom_5', DisplayName: 'Close Date', DataType: 'Date' },
	],
};

const type = parseOpportunityType(METADATA, 12005);
const utc = { timezone: 'UTC', emptyValues: 'fail' as const };
const mapped = (values: Record<string, unknown>): FieldInput[] => Object.entries(values).map(([name, value]) => ({ name, value, source: 'opportunity fields' }));

function refusal(inputs: FieldInput[], known: OpportunityType | undefined = type): InputError {
	try {
		buildOpportunityFields(inputs, known, utc);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('not refused');
}

describe('opportunity type metadata', () => {
	it('reads the name and the fields, leaving out the note', () => {
		expect(type.name).toBe('Loan');
		expect(type.fields?.fields.map((field) => [field.schemaName, field.kind])).toEqual([
			['Status', 'dropdown'],
			['Owner', 'text'],
			['mx_Custom_1', 'text'],
			['mx_Custom_2', 'number'],
			['mx_Custom_4', 'dateTime'],
			['mx_Custom_5', 'date'],
		]);
		expect(type.fields?.get('status')?.options).toEqual(['Open', 'Won', 'Lost']);
	});

	it('an answer without a field list leaves the fields unknown', () => {
		expect(parseOpportunityType({ DisplayName: 'Odd' }, 1).fields).toBeUndefined();
		expect(parseOpportunityType('nonsense', 1).fields).toBeUndefined();
	});
});

describe('Fields of Capture and Update', () => {
	it('checks and converts each value by its type, with the schema name as the metadata spells it', () => {
		const { fields } = buildOpportunityFields(
			[
				...mapped({ status: 'won', mx_Custom_2: 250000, mx_Custom_4: '2024-05-01T16:00:00+05:30', mx_Custom_5: '2024-05-17' }),
				{ name: 'Owner', value: 'vir@example.com', source: 'manual entry' },
			],
			type,
			utc,
		);
		expect(fields).toEqual([
			{ SchemaName: 'Status', Value: 'Won' },
			{ SchemaName: 'mx_Custom_2', Value: '250000' },
			{ SchemaName: 'mx_Custom_4', Value: '2024-05-01 10:30:00' },
			{ SchemaName: 'mx_Custom_5', Value: '2024-05-17 00:00:00' },
			{ SchemaName: 'Owner', Value: 'vir@example.com' },
		]);
	});

	it('without the type, sends names as given and values as text', () => {
		expect(buildOpportunityFields(mapped({ mx_Custom_9: 12, mx_Custom_10: true }), undefined, utc).fields).toEqual([
			{ SchemaName: 'mx_Custom_9', Value: '12' },
			{ SchemaName: 'mx_Custom_10', Value: 'true' },
		]);
	});

	it('empty values: fail, skip (listed) or clear', () => {
		expect(refusal(mapped({ mx_Custom_2: null })).message).toMatch(/^Opportunity field "mx_Custom_2" has no value \(null\)$/);
		expect(buildOpportunityFields(mapped({ mx_Custom_2: null }), type, { ...utc, emptyValues: 'skip' })).toEqual({ fields: [], skippedFields: ['mx_Custom_2'] });
		expect(buildOpportunityFields(mapped({ mx_Custom_2: undefined }), type, { ...utc, emptyValues: 'clear' }).fields).toEqual([{ SchemaName: 'mx_Custom_2', Value: '' }]);
	});

	it.each<[string, FieldInput[], RegExp, string | undefined]>([
		['an unknown field', mapped({ mx_Custom_99: 'x' }), /^Opportunity field "mx_Custom_99" is not a field of the opportunity type Loan \(12005\)\. Closest valid names: Opportunity Name \(mx_Custom_1\), Loan Amount \(mx_Custom_2\), Sanction Date \(mx_Custom_4\), Close Date \(mx_Custom_5\), Status \(Status\)\.$/, 'mx_Custom_99'],
		['a dropdown value outside its options', mapped({ Status: 'Maybe' }), /^Opportunity field "Status" is "Maybe", which is not one of its options \(Open, Won, Lost\)$/, 'Status'],
		['a number that is not one', mapped({ mx_Custom_2: '1,00,000' }), /is "1,00,000", which is not a number$/, 'mx_Custom_2'],
		['a date that is not one', mapped({ mx_Custom_4: 'soon' }), /is "soon", which is not a date/, 'mx_Custom_4'],
		['a text longer than the field allows', mapped({ mx_Custom_1: 'x'.repeat(11) }), /11 characters long; LeadSquared allows at most 10/, 'mx_Custom_1'],
		['a field given twice', [...mapped({ mx_Custom_1: 'a' }), { name: 'MX_CUSTOM_1', value: 'b', source: 'manual entry' }], /given twice \(the opportunity fields and the manual entry\)/, 'mx_Custom_1'],
		['a manual field without a name', [{ name: ' ', value: 'x', source: 'manual entry' }], /^Opportunity field 1 from the manual entry has no field name$/, undefined],
		['the note as a field', mapped({ ActivityEvent_Note: 'x' }), /is the opportunity's note/, 'ActivityEvent_Note'],
		['a value that is a list', mapped({ mx_Custom_1: ['a'] }), /is a list/, 'mx_Custom_1'],
	])('refuses %s', (_name, inputs, message, field) => {
		const error = refusal(inputs);
		expect(error.message).toMatch(message);
		expect(error.field).toBe(field);
	});
});

describe("Capture's answer", () => {
	it('a new opportunity (documented AdditionalDetails, top-level ids from public client code)', () => {
		expect(
			readCaptureAnswer({
				Status: 'Success',
				RelatedProspectId: 'lead-1',
				CreatedOpportunityId: 'opp-1',
				ConflictedOpportunityId: null,
				AdditionalDetails: [{ ActivityId: 'act-1', PostDeDupActionPerformed: 1 }],
			}),
		).toEqual({
			status: 'Success',
			leadId: 'lead-1',
			opportunityId: 'opp-1',
			created: true,
			duplicate: false,
			postDeDupActionPerformed: 1,
			conflictedOpportunityId: null,
			activityId: 'act-1',
		});
	});

	it('a duplicate: nothing created, the existing opportunity named', () => {
		expect(
			readCaptureAnswer({
				Status: 'Success',
				RelatedProspectId: 'lead-1',
				CreatedOpportunityId: null,
				ConflictedOpportunityId: 'opp-0',
				AdditionalDetails: [{ ActivityId: 'act-2', PostDeDupActionPerformed: 3 }],
			}),
		).toMatchObject({ opportunityId: 'opp-0', created: false, duplicate: true, postDeDupActionPerformed: 3, conflictedOpportunityId: 'opp-0' });
	});

	it('finds the keys where another answer shape puts them', () => {
		expect(readCaptureAnswer({ Status: 'Success', AdditionalDetails: [{ ConflictedOpportunityId: 'opp-0', PostDeDupActionPerformed: '3', RelatedProspectId: 'l' }] })).toMatchObject({
			duplicate: true,
			postDeDupActionPerformed: 3,
			opportunityId: 'opp-0',
			leadId: 'l',
		});
		expect(readCaptureAnswer({ Status: 'Success', Message: { OpportunityId: 'opp-9', ProspectId: 'l' } })).toMatchObject({ created: true, opportunityId: 'opp-9', leadId: 'l' });
		expect(readCaptureAnswer({ Status: 'Success' })).toBeUndefined();
		expect(readCaptureAnswer([])).toBeUndefined();
	});
});

describe('typed opportunity rows', () => {
	it('types fields by the metadata and the opportunity dates as ISO 8601', () => {
		const row = { OpportunityId: 'o', mx_Custom_2: '250000', mx_Custom_5: '2024-05-17 00:00:00', OpportunityDateTime: '2024-05-01 10:30:00', Status: 'Open', CreatedOn: '2024-05-01 10:30:00.000' };
		expect(typedRecord(row, opportunityKinds(type))).toEqual({
			OpportunityId: 'o',
			mx_Custom_2: 250000,
			mx_Custom_5: '2024-05-17',
			OpportunityDateTime: '2024-05-01T10:30:00.000Z',
			Status: 'Open',
			CreatedOn: '2024-05-01T10:30:00.000Z',
		});
		expect(typedRecord({ mx_Custom_2: '5' }, opportunityKinds(undefined))).toEqual({ mx_Custom_2: '5' });
	});
});
