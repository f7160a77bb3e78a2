/**
 * Design-time lists of the trigger nodes: the account's activity types, opportunity types and lead
 * fields. A list that cannot be loaded shows n8n's error with the reason (wrong keys, no network).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DESIGN_TIME } from '../methods/designTime';
import { LeadSquaredClient } from '../transport';
import { getActivityTypes } from '../transport/activities';

/** The account's activity types (`ActivityTypes.Get`) that are, or are not, opportunity types, by name. */
async function typeOptions(context: ILoadOptionsFunctions, opportunity: boolean): Promise<INodePropertyOptions[]> {
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	return (await getActivityTypes(client))
		.filter((type) => type.isOpportunity === opportunity)
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((type) => ({ name: `${type.name} (${type.code})`, value: String(type.code) }));
}

const ANY: INodePropertyOptions = { name: 'Any Type', value: '' };

/** Activity types (opportunity types left out), "Any Type" first. */
export async function getTriggerActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [ANY, ...(await typeOptions(this, false))];
}

/** Activity types for polling (one type is required). */
export async function getPollingActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await typeOptions(this, false);
}

/** Opportunity types, "Any Type" first. */
export async function getTriggerOpportunityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [ANY, ...(await typeOptions(this, true))];
}

