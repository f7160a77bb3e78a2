/**
 * Fields as the discovery operations describe them (Lead Field → Get Many, and the fields of Activity Type and
 * Opportunity Type → Get Many): compact and typed, for a person building a workflow and for an AI model
 * choosing what to send. Each key is there only when it says something: no empty option list, no `false`
 * flag, no LeadSquared bookkeeping (ids, dates, render settings). Pure: no n8n imports.
 */
import { isUserField } from '../../values/fields';
import type { LeadField } from '../../values/fields';

/**
 * How a value is given to the node's write operations (the rules of values/values.ts): text, a number, true or
 * false, a date, a date and time, a time, one of the field's options, a LeadSquared user (id or e-mail), or
 * a custom field set (its sub-fields).
 */
export type ValueType = 'text' | 'email' | 'phone' | 'number' | 'boolean' | 'date' | 'dateTime' | 'time' | 'dropdown' | 'user' | 'fieldSet';

export interface FieldDescription {
	/** The name the write operations take (mapper, manual entry, conditions). */
	schemaName: string;
	displayName: string;
	/** LeadSquared's DataType as reported ("Text", "Select", "DateTime", "ActiveUsers"…); absent when it reports none. */
	dataType?: string;
	valueType: ValueType;
	/** Present (true) when LeadSquared requires the field on a new record. */
	mandatory?: true;
	/** Lead fields LeadSquared can match a lead on (Match By, Lead → Get): present (true) for those only. */
	identifier?: true;
	/** The longest value LeadSquared takes: for text, e-mail and phone fields (what it reports for others says nothing about their values). */
	maxLength?: number;
	/** A dropdown's values, in LeadSquared's spelling: present when LeadSquared lists them (and they are asked for). */
	options?: string[];
	/** A custom field set's sub-fields. */
	fields?: FieldDescription[];
}

export interface DescribeOptions {
	/** Whether dropdown values are listed (default true). */
	options?: boolean;
}

/** The value types whose length LeadSquared limits in a way that matters to what is sent. */
const TEXT_LIKE = new Set<ValueType>(['text', 'email', 'phone']);

function valueTypeOf(field: LeadField): ValueType {
	if (field.kind === 'cfs') return 'fieldSet';
	if (isUserField(field)) return 'user';
	return field.kind;
}

/** One field, compact. */
export function describeField(field: LeadField, { options = true }: DescribeOptions = {}): FieldDescription {
	const described: FieldDescription = {
		schemaName: field.schemaName,
		displayName: field.displayName,
		...(field.dataType.trim() !== '' ? { dataType: field.dataType } : {}),
		valueType: valueTypeOf(field),
	};
	if (field.isMandatory) described.mandatory = true;
	if (field.isIdentifier && field.kind !== 'cfs') described.identifier = true;
	if (field.maxLength !== undefined && TEXT_LIKE.has(described.valueType)) described.maxLength = field.maxLength;
	if (options && field.options.length > 0) described.options = [...field.options];
	if (field.subFields.length > 0) described.fields = field.subFields.map((sub) => describeField(sub, { options }));
	return described;
}

/** The account's own fields: schema names starting `mx_` (LeadSquared's system fields never do). */
export function isCustomField(field: Pick<LeadField, 'schemaName'>): boolean {
	return /^mx_/i.test(field.schemaName);
}

/** Whether the field's schema name or display name (or a sub-field's) contains the text, letter case aside. */
export function fieldMatches(field: LeadField, search: string): boolean {
	const wanted = search.trim().toLowerCase();
	if (wanted === '') return true;
	const names = [field.schemaName, field.displayName].map((name) => name.toLowerCase());
	return names.some((name) => name.includes(wanted)) || field.subFields.some((sub) => fieldMatches(sub, wanted));
}

export interface LeadFieldFilters {
	customOnly?: boolean;
	mandatoryOnly?: boolean;
	/** Text in the schema name or display name. */
	search?: string;
}

/** The lead fields that pass the filters, described, in LeadSquared's order. */
export function describeLeadFields(fields: readonly LeadField[], filters: LeadFieldFilters, options: DescribeOptions = {}): FieldDescription[] {
	return fields
		.filter((field) => !filters.customOnly || isCustomField(field))
		.filter((field) => !filters.mandatoryOnly || field.isMandatory)
		.filter((field) => fieldMatches(field, filters.search ?? ''))
		.map((field) => describeField(field, options));
}
