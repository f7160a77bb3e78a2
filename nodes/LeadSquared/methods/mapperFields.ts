/**
 * What the field mappers (lead, activity and opportunity fields) share: a field as n8n's resource mapper
 * shows it (its type, dropdown options and label).
 */
import type { FieldType, ResourceMapperField } from 'n8n-workflow';

import type { LeadField } from '../values/fields';
import { label } from './designTime';

const FIELD_TYPES: Record<LeadField['kind'], FieldType> = {
	text: 'string',
	email: 'string',
	phone: 'string',
	number: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	dateTime: 'dateTime',
	time: 'time',
	dropdown: 'options',
	cfs: 'string',
};

/**
 * A field for the resource mapper (dropdowns without options become text): `note` follows its label
 * (e.g. ", required"); `canBeUsedToMatch` for fields that find records (lead identifiers).
 */
export function toMapperField(field: LeadField, note = '', canBeUsedToMatch = false): ResourceMapperField {
	const type = field.kind === 'dropdown' && field.options.length === 0 ? 'string' : FIELD_TYPES[field.kind];
	return {
		id: field.schemaName,
		displayName: label(field.displayName, field.schemaName) + note,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch,
		display: true,
		type,
		...(type === 'options' ? { options: field.options.map((option) => ({ name: option, value: option })) } : {}),
	};
}
