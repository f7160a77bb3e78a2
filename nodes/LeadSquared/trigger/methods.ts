/**
 * Design-time lists of the trigger nodes: the account's activity types, opportunity types and lead
 * fields. A list that cannot be loaded shows n8n's error with the reason (wrong keys, no network).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { typeLabel } from '../model/activity/types';
import { DESIGN_TIME } from '../methods/designTime';
import { fallbackNote } from '../methods/opportunities';
import { LeadSquaredClient } from '../transport';
import { loadActivityTypes, loadOpportunityTypes } from '../transport/typeCatalogue';

const ANY: INodePropertyOptions = { name: 'Any Type', value: '' };

function byName<T extends { name: string; code: number }>(types: T[]): INodePropertyOptions[] {
	return [...types].sort((a, b) => a.name.localeCompare(b.name)).map((type) => ({ name: typeLabel(type), value: String(type.code) }));
}

/** The account's activity types that are not opportunity types (custom and system types alike raise activity events), by name. */
async function activityTypeOptions(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	const { types } = await loadActivityTypes(client);
	return byName(types.filter((type) => type.kind !== 'opportunity'));
}

/** Activity types (opportunity types left out), "Any Type" first. */
export async function getTriggerActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [ANY, ...(await activityTypeOptions(this))];
}

/** Activity types for polling (one type is required). */
export async function getPollingActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await activityTypeOptions(this);
}

/**
 * Opportunity types (GetOpportunityTypes), "Any Type" first. Where the account has no such list, the types
 * are taken from the activity types (codes from 12000) and each entry says so.
 */
export async function getTriggerOpportunityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const list = await loadOpportunityTypes(client);
	const note = fallbackNote(list);
	const options = byName(list.types).map((option) => (note ? { ...option, description: note } : option));
	return [note ? { ...ANY, description: note } : ANY, ...options];
}
