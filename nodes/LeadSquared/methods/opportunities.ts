/**
 * Opportunity types (a searchable list; value: the type's code) and the field mapper of the chosen type.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { opportunityCode } from '../helpers/opportunity';
import { LeadSquaredClient } from '../transport';
import { opportunityType, opportunityTypes } from '../transport/opportunities';
import { DESIGN_TIME, matchingName } from './designTime';
import { toMapperField } from './mapperFields';

export async function searchOpportunityTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const entries = (await opportunityTypes(client)).map((type) => ({ name: `${type.name} (${type.code})`, value: String(type.code) }));
	return { results: matchingName(entries, filter) };
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
		return { fields: type.fields.fields.map((field) => toMapperField(field, field.isMandatory ? ', required' : '')) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		return {
			fields: [],
			emptyFieldsNotice: `Could not load the fields of opportunity type ${code} (${reason}). Check the credential and the type, or enter fields by schema name under "Opportunity Fields (Manual Entry)".`,
		};
	}
}
