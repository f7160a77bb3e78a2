/**
 * Opportunity types (a searchable list; value: the type's code) and the field mapper of the chosen type.
 */
import type {
	FieldType,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { LeadField } from '../helpers/fields';
import { opportunityCode } from '../helpers/opportunity';
import { LeadSquaredClient } from '../transport';
import { opportunityType, opportunityTypes } from '../transport/opportunities';
import { DESIGN_TIME, label } from './designTime';

export async function searchOpportunityTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (await opportunityTypes(client))
		.map((type) => ({ name: `${type.name} (${type.code})`, value: String(type.code) }))
		.filter((entry) => wanted === '' || entry.name.toLowerCase().includes(wanted));
	return { results };
}

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
		displayName: label(field.displayName, field.schemaName) + (field.isMandatory ? ', required' : ''),
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type,
		...(type === 'options' ? { options: field.options.map((option) => ({ name: option, value: option })) } : {}),
	};
}

/** The chosen opportunity type's fields (the note is its own parameter). */
export async function getOpportunityFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const chosen = this.getCurrentNodeParameter('opportunityType', { extractValue: true });
	const code = opportunityCode(chosen);
	if (code === undefined) {
		return { fields: [], emptyFieldsNotice: 'Choose the opportunity type first: its fields are listed here.' };
	}
	try {
		const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
		const type = await opportunityType(client, code);
		if (!type.fields) {
			return {
				fields: [],
				emptyFieldsNotice: `LeadSquared did not describe the fields of opportunity type ${code}. Enter them by schema name under "Opportunity Fields (Manual Entry)".`,
			};
		}
		return { fields: type.fields.fields.map(toMapperField) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		return {
			fields: [],
			emptyFieldsNotice: `Could not load the fields of opportunity type ${code} (${reason}). Check the credential and the type, or enter fields by schema name under "Opportunity Fields (Manual Entry)".`,
		};
	}
}
