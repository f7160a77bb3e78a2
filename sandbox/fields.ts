/**
 * The emulated account's lead fields: the default fixture, a case-insensitive registry and the
 * rendering of `LeadsMetaData.Get` objects (§2.1 of the contract).
 */
import type { FieldDataType, FieldDefinition, SubFieldDefinition } from './types';

/** The account's lead fields (system + custom + one CFS). Returns fresh objects on every call. */
export function defaultFields(): FieldDefinition[] {
	return [
		{ schemaName: 'ProspectID', displayName: 'Lead Id', dataType: 'Text', readOnly: true, maxLength: 50 },
		{ schemaName: 'FirstName', displayName: 'First Name', dataType: 'Text', maxLength: 100 },
		{ schemaName: 'LastName', displayName: 'Last Name', dataType: 'Text', maxLength: 100 },
		{ schemaName: 'EmailAddress', displayName: 'Email', dataType: 'Email', unique: true, leadIdentifier: true },
		{ schemaName: 'Phone', displayName: 'Phone Number', dataType: 'Phone', unique: true, leadIdentifier: true },
		{ schemaName: 'Mobile', displayName: 'Mobile Number', dataType: 'Phone', unique: true, leadIdentifier: true },
		{ schemaName: 'Company', displayName: 'Company', dataType: 'Text' },
		{ schemaName: 'JobTitle', displayName: 'Job Title', dataType: 'Text' },
		{ schemaName: 'Source', displayName: 'Lead Source', dataType: 'Text' },
		{
			schemaName: 'ProspectStage',
			displayName: 'Lead Stage',
			dataType: 'Select',
			options: ['Prospect', 'Opportunity', 'Customer', 'Invalid'],
		},
		{ schemaName: 'Notes', displayName: 'Notes', dataType: 'Text', maxLength: 2000, renderTypeTextValue: 'TextArea', renderType: 1 },
		{ schemaName: 'DoNotEmail', displayName: 'Do Not Email', dataType: 'Boolean' },
		{ schemaName: 'DoNotCall', displayName: 'Do Not Call', dataType: 'Boolean' },
		{ schemaName: 'Score', displayName: 'Score', dataType: 'Number' },
		{ schemaName: 'OwnerId', displayName: 'Owner', dataType: 'Text', maxLength: 50 },
		{ schemaName: 'CreatedOn', displayName: 'Created On', dataType: 'DateTime', readOnly: true },
		{ schemaName: 'ModifiedOn', displayName: 'Modified On', dataType: 'DateTime', readOnly: true },
		{ schemaName: 'mx_City', displayName: 'City', dataType: 'Text', maxLength: 200 },
		{ schemaName: 'mx_Date_of_Birth', displayName: 'Date of Birth', dataType: 'Date' },
		{ schemaName: 'mx_Annual_Income', displayName: 'Annual Income', dataType: 'Number' },
		{ schemaName: 'mx_Newsletter', displayName: 'Newsletter', dataType: 'Boolean' },
		{
			schemaName: 'mx_Course_Interest',
			displayName: 'Course Interest',
			dataType: 'Select',
			options: ['Engineering', 'Medicine', 'Law', 'Business Administration'],
		},
		{ schemaName: 'mx_Student_Id', displayName: 'Student Id', dataType: 'Text', unique: true, leadIdentifier: true, maxLength: 50 },
		{ schemaName: 'mx_Enrollment_Date', displayName: 'Enrollment Date', dataType: 'DateTime', lockAfterCreate: 1 },
		{
			schemaName: 'mx_Branch',
			displayName: 'Branch',
			dataType: 'Select',
			options: ['Online', 'Bangalore', 'Mumbai', 'Delhi'],
		},
		{
			schemaName: 'mx_KYC',
			displayName: 'KYC',
			dataType: 'CustomObject',
			subFields: [
				{ schemaName: 'Status', displayName: 'Status', dataType: 'Text' },
				{ schemaName: 'mx_CustomObject_1', displayName: 'Document', dataType: 'Text' },
				{ schemaName: 'mx_CustomObject_2', displayName: 'Document Number', dataType: 'Text' },
			],
		},
	];
}

/** [INF] except Dropdown = 13, Phone = 6, Time = 21, which appear in documented samples. */
const RENDER_BY_TYPE: Record<FieldDataType, { renderType: number; text: string }> = {
	Text: { renderType: 0, text: 'Textbox' },
	Email: { renderType: 9, text: 'Email' },
	Phone: { renderType: 6, text: 'Phone' },
	Number: { renderType: 0, text: 'Textbox' },
	Date: { renderType: 4, text: 'Date' },
	DateTime: { renderType: 5, text: 'DateTime' },
	Time: { renderType: 21, text: 'Time' },
	Boolean: { renderType: 3, text: 'CheckBox' },
	Select: { renderType: 13, text: 'Dropdown' },
	Website: { renderType: 10, text: 'URL' },
	CustomObject: { renderType: 26, text: 'CustomObject' },
};

const DEFAULT_MAX_LENGTH: Record<FieldDataType, number> = {
	Text: 256,
	Email: 256,
	Phone: 50,
	Number: 50,
	Date: 50,
	DateTime: 50,
	Time: 50,
	Boolean: 5,
	Select: 256,
	Website: 256,
	CustomObject: 256,
};

/** Fixed timestamp used for the metadata's .NET dates. */
const METADATA_DATE = '/Date(1751910591000+0000)/';

export interface OptionValue {
	value: string;
	text: string;
}

export function optionValues(field: FieldDefinition | SubFieldDefinition): OptionValue[] {
	return (field.options ?? []).map((o) => (typeof o === 'string' ? { value: o, text: o } : { value: o.value, text: o.text ?? o.value }));
}

export function maxLengthOf(field: FieldDefinition | SubFieldDefinition): number {
	return field.maxLength ?? DEFAULT_MAX_LENGTH[field.dataType];
}

/** Case-insensitive view over the account's fields, with the mandatory set applied. */
export class FieldRegistry {
	private readonly byLowerName = new Map<string, FieldDefinition>();
	private readonly mandatory: Set<string>;

	constructor(
		private readonly fields: FieldDefinition[],
		mandatoryFields: string[],
	) {
		for (const field of fields) this.byLowerName.set(field.schemaName.toLowerCase(), field);
		this.mandatory = new Set(mandatoryFields.map((n) => n.toLowerCase()));
		for (const field of fields) if (field.mandatory) this.mandatory.add(field.schemaName.toLowerCase());
	}

	all(): FieldDefinition[] {
		return this.fields;
	}

	get(name: string): FieldDefinition | undefined {
		return this.byLowerName.get(name.toLowerCase());
	}

	isMandatory(field: FieldDefinition): boolean {
		return this.mandatory.has(field.schemaName.toLowerCase());
	}

	mandatoryFields(): FieldDefinition[] {
		return this.fields.filter((f) => this.isMandatory(f));
	}

	/** The metadata array of LeadsMetaData.Get [DOC] https://apidocs.leadsquared.com/get-lead-field-properties (sample keys; RenderType numbers [INF] except 13, 6, 21). */
	render(options: { excludeOptionSets?: boolean; schemaName?: string } = {}): Array<Record<string, unknown>> {
		let fields = this.fields;
		if (options.schemaName !== undefined) {
			const one = this.get(options.schemaName);
			fields = one ? [one] : [];
		}
		return fields.map((f) => this.renderField(f, options.excludeOptionSets === true));
	}

	private renderField(field: FieldDefinition, excludeOptionSets: boolean): Record<string, unknown> {
		const render = RENDER_BY_TYPE[field.dataType];
		const custom = field.schemaName.startsWith('mx_');
		const out: Record<string, unknown> = {
			Entity: '1',
			EntityAttributeId: null,
			SchemaName: field.schemaName,
			DisplayName: field.displayName,
			Name: field.displayName,
			Description: field.description ?? '',
			DataType: field.dataType,
			IsMandatory: this.isMandatory(field),
			MaxLength: String(maxLengthOf(field)),
			EntityAttributeType: custom ? 1 : 0,
			RenderType: field.renderType ?? render.renderType,
			RenderTypeTextValue: field.renderTypeTextValue ?? render.text,
			IsVisible: true,
			IsSearchable: field.dataType !== 'CustomObject',
			ShowInMailMerge: field.dataType !== 'CustomObject',
			RangeMin: field.dataType === 'Phone' ? '10' : null,
			DefaultValue: null,
			AllowMultiple: false,
			ShowInImport: !field.readOnly,
			ShowInQuickAdd: !field.readOnly,
			ShowInQuickSearch: field.dataType === 'Email' || field.dataType === 'Phone',
			CreatedOn: METADATA_DATE,
			ModifiedOn: METADATA_DATE,
			IsLeadIdentifier: field.leadIdentifier ?? field.unique === true,
			LockAfterCreate: field.lockAfterCreate ?? 0,
			UseInLeadClone: !field.readOnly,
			IsSortable: field.dataType !== 'CustomObject',
		};
		if (field.dataType === 'Select' && !excludeOptionSets) {
			out.Options = optionValues(field).map((o) => ({ Value: o.value, Text: o.text }));
		}
		if (field.dataType === 'CustomObject') {
			// [INF] shape of the CFS sub-field list.
			out.CustomObjectMetaData = {
				Fields: (field.subFields ?? []).map((s) => ({ SchemaName: s.schemaName, DisplayName: s.displayName, DataType: s.dataType })),
			};
		}
		return out;
	}
}
