/**
 * Opportunity types (a searchable list; value: the type's code) and the field mapper of the chosen type.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { typeLabel } from '../model/activity/types';
import { opportunityCode } from '../model/opportunity/payload';
import type { OpportunityTypeList } from '../model/activity/typeKinds';
import { LeadSquaredClient } from '../transport';
import { opportunityType } from '../transport/opportunities';
import { loadOpportunityTypes } from '../transport/typeCatalogue';
import { DESIGN_TIME, matchingName } from './designTime';
import { toMapperField } from './mapperFields';
import { ownerOptionsFor } from './users';

/** What a list of opportunity types taken from the activity types says about itself; undefined for the account's own list. */
export function fallbackNote(list: OpportunityTypeList): string | undefined {
	if (list.source === 'api') return undefined;
	return `Listed from the activity types (codes from 12000): ${list.unavailable ?? 'GetOpportunityTypes is unavailable'}`;
}

/**
 * The account's opportunity types (GetOpportunityTypes). Where it has no such list, the activity types from
 * code 12000 on, each marked "from activity types" (with the reason in its description).
 */
export async function searchOpportunityTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const list = await loadOpportunityTypes(client);
	const note = fallbackNote(list);
	const entries = list.types.map((type) => ({
		name: note ? `${typeLabel(type)}, from activity types` : typeLabel(type),
		value: String(type.code),
		...(note ? { description: note } : {}),
	}));
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
		const owners = await ownerOptionsFor(this, type.fields.fields);
		return { fields: type.fields.fields.map((field) => toMapperField(field, field.isMandatory ? ', required' : '', false, owners)) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		return {
			fields: [],
			emptyFieldsNotice: `Could not load the fields of opportunity type ${code} (${reason}). Check the credential and the type, or enter fields by schema name under "Opportunity Fields (Manual Entry)".`,
		};
	}
}
