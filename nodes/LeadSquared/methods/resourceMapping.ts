import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import type { LeadField } from '../helpers/fields';
import { label, loadFieldIndex } from './designTime';

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

function toMapperField(field: LeadField): ResourceMapperField {
	const type = field.kind === 'dropdown' && field.options.length === 0 ? 'string' : FIELD_TYPES[field.kind];
	return {
		id: field.schemaName,
		displayName: label(field.displayName, field.schemaName) + (field.isMandatory ? ', required for new leads' : ''),
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: field.isIdentifier,
		display: true,
		type,
		...(type === 'options' ? { options: field.options.map((option) => ({ name: option, value: option })) } : {}),
	};
}

/** Fields LeadSquared sets itself: offering them in the mapper would only invite writes that do nothing. */
const SYSTEM_MANAGED = new Set(
	['CreatedOn', 'ModifiedOn', 'CreatedBy', 'ModifiedBy', 'CreatedByName', 'ModifiedByName', 'ProspectAutoId', 'LeadLastModifiedOn'].map(
		(name) => name.toLowerCase(),
	),
);

/**
 * The field mapper's fields: the account's lead fields, except custom field sets (sent under Custom Field
 * Sets) and fields LeadSquared manages itself.
 */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	try {
		const index = await loadFieldIndex(this);
		return {
			fields: index.fields
				.filter((field) => field.kind !== 'cfs' && !SYSTEM_MANAGED.has(field.schemaName.toLowerCase()))
				.map(toMapperField),
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		return {
			fields: [],
			emptyFieldsNotice: `Could not load your LeadSquared lead fields (${reason}). Check the credential, or enter fields by schema name under "Lead Fields (Manual Entry)".`,
		};
	}
}
export { getActivityFields } from './activities';
export { getOpportunityFields } from './opportunities';
