import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import type { LeadField } from '../values/fields';
import { loadFieldIndex } from './designTime';
import { toMapperField } from './mapperFields';
import { ownerOptionsFor } from './users';

/** A lead field in the mapper: identifiers can match leads; mandatory fields are needed when a lead is created. */
function leadMapperField(field: LeadField, owners: INodePropertyOptions[] | undefined): ResourceMapperField {
	return toMapperField(field, field.isMandatory ? ', required for new leads' : '', field.isIdentifier, owners);
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
		const fields = index.fields.filter((field) => field.kind !== 'cfs' && !SYSTEM_MANAGED.has(field.schemaName.toLowerCase()));
		const owners = await ownerOptionsFor(this, fields);
		return { fields: fields.map((field) => leadMapperField(field, owners)) };
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
