/**
 * The account's lead fields, as `LeadsMetaData.Get` describes them, in a form the rest of the node can use.
 * Pure: no n8n imports.
 */

export type ValueKind = 'text' | 'email' | 'phone' | 'number' | 'boolean' | 'date' | 'dateTime' | 'time' | 'dropdown' | 'cfs';

export interface LeadField {
	schemaName: string;
	displayName: string;
	/** LeadSquared's DataType as reported, e.g. "Text", "Select", "DateTime". */
	dataType: string;
	kind: ValueKind;
	isMandatory: boolean;
	/** Fields LeadSquared can match a lead on (EmailAddress, Phone, Mobile, unique custom fields). */
	isIdentifier: boolean;
	lockAfterCreate: boolean;
	maxLength?: number;
	/** Allowed values of a dropdown (Select) field. Empty when the metadata carries none. */
	options: string[];
	/** Sub-fields of a custom field set, with their own types, when the metadata lists them. */
	subFields: LeadField[];
}

/** Fields LeadSquared matches on by default or marks unique out of the box. */
export const DEFAULT_IDENTIFIERS = ['EmailAddress', 'Phone', 'Mobile'];

const KIND_BY_DATA_TYPE: Record<string, ValueKind> = {
	text: 'text',
	string: 'text',
	textarea: 'text',
	website: 'text',
	url: 'text',
	email: 'email',
	phone: 'phone',
	number: 'number',
	decimal: 'number',
	integer: 'number',
	currency: 'number',
	boolean: 'boolean',
	checkbox: 'boolean',
	date: 'date',
	datetime: 'dateTime',
	time: 'time',
	select: 'dropdown',
	dropdown: 'dropdown',
	searchabledropdown: 'dropdown',
	customobject: 'cfs',
};

function asString(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function asFlag(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || (typeof value === 'string' && value.toLowerCase() === 'true');
}

function kindOf(dataType: string, renderType: string, schemaName: string, hasOptions: boolean): ValueKind {
	const byRender = KIND_BY_DATA_TYPE[renderType.toLowerCase().replace(/[^a-z]/g, '')];
	if (byRender === 'cfs') return 'cfs';
	const byType = KIND_BY_DATA_TYPE[dataType.toLowerCase().replace(/[^a-z]/g, '')];
	if (byType) return byType;
	if (schemaName === 'EmailAddress') return 'email';
	return hasOptions ? 'dropdown' : 'text';
}

function optionValues(raw: unknown): string[] {
	if (!Array.isArray(raw)) return [];
	return raw
		.map((option: unknown) => {
			if (typeof option === 'string') return option;
			if (option && typeof option === 'object') {
				const record = option as Record<string, unknown>;
				return asString(record.Value ?? record.value ?? record.Text ?? record.Label);
			}
			return '';
		})
		.filter((value) => value !== '');
}

function subFieldsOf(record: Record<string, unknown>): LeadField[] {
	const meta = record.CustomObjectMetaData as Record<string, unknown> | undefined;
	const fields = (meta && Array.isArray(meta.Fields) ? meta.Fields : record.Fields) as unknown;
	return Array.isArray(fields) ? (parseLeadFields(fields) ?? []).map((field) => ({ ...field, isIdentifier: false, subFields: [] })) : [];
}

/** Turns a `LeadsMetaData.Get` answer into fields; undefined when the answer is not a list. */
export function parseLeadFields(raw: unknown): LeadField[] | undefined {
	if (!Array.isArray(raw)) return undefined;
	const fields: LeadField[] = [];
	for (const entry of raw) {
		if (!entry || typeof entry !== 'object') continue;
		const record = entry as Record<string, unknown>;
		const schemaName = asString(record.SchemaName).trim();
		if (schemaName === '') continue;
		const options = optionValues(record.Options);
		const dataType = asString(record.DataType);
		const maxLength = Number.parseInt(asString(record.MaxLength), 10);
		fields.push({
			schemaName,
			displayName: asString(record.DisplayName).trim() || schemaName,
			dataType,
			kind: kindOf(dataType, asString(record.RenderTypeTextValue), schemaName, options.length > 0),
			isMandatory: asFlag(record.IsMandatory),
			isIdentifier: asFlag(record.IsLeadIdentifier) || asFlag(record.IsUnique) || DEFAULT_IDENTIFIERS.includes(schemaName),
			lockAfterCreate: asFlag(record.LockAfterCreate),
			maxLength: Number.isFinite(maxLength) && maxLength > 0 ? maxLength : undefined,
			options,
			subFields: subFieldsOf(record),
		});
	}
	return fields;
}

/**
 * Whether a field holds a LeadSquared user: the lead's owner (OwnerId) or a field of type ActiveUsers (an
 * activity's or an opportunity's Owner, a sales owner). The field mappers offer the account's users for it.
 */
export function isUserField(field: Pick<LeadField, 'schemaName' | 'dataType'>): boolean {
	return field.schemaName.toLowerCase() === 'ownerid' || field.dataType.toLowerCase().replace(/[^a-z]/g, '') === 'activeusers';
}

/** Case-insensitive look-up of the account's fields by schema name. */
export class FieldIndex {
	private readonly bySchemaName = new Map<string, LeadField>();

	constructor(readonly fields: readonly LeadField[]) {
		for (const field of fields) this.bySchemaName.set(field.schemaName.toLowerCase(), field);
	}

	get(schemaName: string): LeadField | undefined {
		return this.bySchemaName.get(schemaName.trim().toLowerCase());
	}

	/** Fields an item can be matched on: LeadSquared's identifiers, default ones first. */
	identifiers(): LeadField[] {
		const rank = (field: LeadField) => {
			const position = DEFAULT_IDENTIFIERS.indexOf(field.schemaName);
			return position === -1 ? DEFAULT_IDENTIFIERS.length : position;
		};
		return this.fields.filter((field) => field.isIdentifier && field.kind !== 'cfs').sort((a, b) => rank(a) - rank(b));
	}

	customFieldSets(): LeadField[] {
		return this.fields.filter((field) => field.kind === 'cfs');
	}
}
