/**
 * Design-time lists of the trigger nodes: the account's activity types, opportunity types and lead
 * fields. A list that cannot be loaded shows n8n's error with the reason (wrong keys, no network).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { label, loadFieldIndex } from '../methods/designTime';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';

const DESIGN_TIME = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 10_000, maxRetries: 1, timeoutMs: 15_000 };

interface TypeRow {
	code: string;
	name: string;
	opportunity: boolean;
}

/** `ProspectActivity.svc/ActivityTypes.Get`: `[{ActivityEvent, ActivityEventName, …, IsOpportunityType?}]`. */
async function activityTypes(context: ILoadOptionsFunctions): Promise<TypeRow[]> {
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	const answer = await client.request({ method: 'GET', path: 'ProspectActivity.svc/ActivityTypes.Get' });
	if (!Array.isArray(answer)) return [];
	const rows: TypeRow[] = [];
	for (const entry of answer as Array<Record<string, unknown>>) {
		const code = entry?.ActivityEvent;
		if (typeof code !== 'number' && typeof code !== 'string') continue;
		const name = String(entry.DisplayName ?? entry.ActivityEventName ?? code);
		const opportunity = entry.IsOpportunityType === true || String(entry.IsOpportunityType).toLowerCase() === 'true';
		rows.push({ code: String(code), name, opportunity });
	}
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}

const ANY: INodePropertyOptions = { name: 'Any Type', value: '' };

/** Activity types (opportunity types left out), "Any Type" first. */
export async function getTriggerActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await activityTypes(this);
	return [ANY, ...rows.filter((row) => !row.opportunity).map((row) => ({ name: `${row.name} (${row.code})`, value: row.code }))];
}

/** Activity types for polling (one type is required). */
export async function getPollingActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await activityTypes(this);
	return rows.filter((row) => !row.opportunity).map((row) => ({ name: `${row.name} (${row.code})`, value: row.code }));
}

/** Opportunity types, "Any Type" first. */
export async function getTriggerOpportunityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await activityTypes(this);
	return [ANY, ...rows.filter((row) => row.opportunity).map((row) => ({ name: `${row.name} (${row.code})`, value: row.code }))];
}

/** The account's lead fields (custom field sets included), for Fields to Watch. */
export async function getTriggerLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const index = await loadFieldIndex(this);
	return index.fields
		.map((field) => ({ name: label(field.displayName, field.schemaName), value: field.schemaName }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
