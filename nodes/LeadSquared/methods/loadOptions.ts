import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { label, loadFieldIndex } from './designTime';

/** The account's custom field sets (CFS), for the Custom Field Sets parameter. */
export async function getCustomFieldSets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const index = await loadFieldIndex(this);
	return index.customFieldSets().map((field) => ({
		name: label(field.displayName, field.schemaName),
		value: field.schemaName,
		description: field.subFields.length > 0 ? `Sub-fields: ${field.subFields.map((sub) => sub.schemaName).join(', ')}` : undefined,
	}));
}
export { getLeadFieldNames, getLeadSearchFields } from './leads';
