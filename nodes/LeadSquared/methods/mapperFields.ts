/**
 * What the field mappers (lead, activity and opportunity fields) share: a field as n8n's resource mapper
 * shows it (its type, dropdown options and label).
 */
import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import type { LeadField } from '../values/fields';
import { isUserField } from '../values/fields';
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
 * (e.g. ", required"); `canBeUsedToMatch` for fields that find records (lead identifiers). `owners`: the
 * one owner list (methods/users.ts), offered by an owner field (OwnerId, ActiveUsers) as its dropdown.
 */
export function toMapperField(field: LeadField, note = '', canBeUsedToMatch = false, owners?: INodePropertyOptions[]): ResourceMapperField {
	const listed = owners !== undefined && isUserField(field);
	const type = listed ? 'options' : field.kind === 'dropdown' && field.options.length === 0 ? 'string' : FIELD_TYPES[field.kind];
	const options = listed ? owners : field.options.map((option) => ({ name: option, value: option }));
	return {
		id: field.schemaName,
		displayName: label(field.displayName, field.schemaName) + note,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch,
		display: true,
		type,
		...(type === 'options' ? { options } : {}),
	};
}
