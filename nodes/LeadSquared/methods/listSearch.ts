import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { label, loadFieldIndex, matchingName } from './designTime';

/** Fields a lead can be matched on: e-mail, phone, mobile and the account's unique custom fields. */
export async function searchMatchFields(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const index = await loadFieldIndex(this);
	const entries = index.identifiers().map((field) => ({ name: label(field.displayName, field.schemaName), value: field.schemaName }));
	return { results: matchingName(entries, filter) };
}
export { searchActivityTypes, searchAllActivityTypes } from './activities';
export { searchLeads, searchLeadStages } from './leads';
export { searchAllLists, searchStaticLists } from './lists';
export { searchOpportunityTypes } from './opportunities';
export { searchProducts } from './sales';
export { searchTaskTypes } from './tasks';
export { searchUsers } from './users';
