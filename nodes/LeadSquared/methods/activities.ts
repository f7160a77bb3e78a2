/**
 * Design-time look-ups for activities: the account's activity types (for the Activity Type lists) and
 * the chosen type's fields (for the Activity Fields mapper). A list that cannot be loaded shows n8n's
 * error with the reason; the mapper shows a notice instead, and manual entry still works.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { eventCodeOf, typeLabel } from '../model/activity/types';
import type { LeadField } from '../values/fields';
import { LeadSquaredClient } from '../transport';
import { getActivityType, getActivityTypes } from '../transport/activities';
import { loadActivityTypes } from '../transport/typeCatalogue';
import { DESIGN_TIME, matchingName } from './designTime';
import { toMapperField } from './mapperFields';
import { ownerOptionsFor } from './users';

/** The types as a searchable list, by name. A failure (wrong keys, no network) shows as n8n's error; "By Code" still works. */
function typeList(types: Array<{ code: number; name: string }>, filter: string | undefined): INodeListSearchResult {
	const entries = types.map((type) => ({ name: typeLabel(type), value: String(type.code) }));
	return { results: matchingName(entries, filter).sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Activity types that can be posted through the API: custom types (EventType 2), not system types (which
 * LeadSquared posts itself) nor opportunity types (GetOpportunityTypes, codes from 12000).
 */
export async function searchActivityTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const { types } = await loadActivityTypes(client);
	return typeList(types.filter((type) => type.kind === 'custom'), filter);
}

/** Every activity type of the account, for reading activities (no kind needed: one call). */
export async function searchAllActivityTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	return typeList(await getActivityTypes(client), filter);
}

/** An activity field in the mapper: custom fields (mx_…) LeadSquared requires say so. */
function activityMapperField(field: LeadField, owners: INodePropertyOptions[] | undefined): ResourceMapperField {
	return toMapperField(field, field.isMandatory && /^mx_/i.test(field.schemaName) ? ', required' : '', false, owners);
}

/** The chosen activity type's fields (from CustomActivity/GetActivitySetting), for the Activity Fields mapper. */
export async function getActivityFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	let raw: unknown;
	try {
		raw = this.getNodeParameter('activityType', '', { extractValue: true });
	} catch {
		raw = undefined;
	}
	const code = eventCodeOf(raw);
	if (code === undefined) {
		return {
			fields: [],
			emptyFieldsNotice:
				'Choose the activity type first (from the list, or by its code) to see its fields. With an expression as the type, enter fields under "Activity Fields (Manual Entry)".',
		};
	}
	try {
		const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
		const type = await getActivityType(client, code);
		if (!type.fields) {
			return { fields: [], emptyFieldsNotice: `LeadSquared did not list the fields of ${typeLabel(type)}: enter them under "Activity Fields (Manual Entry)".` };
		}
		if (type.fields.fields.length === 0) return { fields: [], emptyFieldsNotice: `${typeLabel(type)} has no fields.` };
		const fields = type.fields.fields.filter((field) => field.kind !== 'cfs');
		const owners = await ownerOptionsFor(this, fields);
		return { fields: fields.map((field) => activityMapperField(field, owners)) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		return {
			fields: [],
			emptyFieldsNotice: `Could not load the fields of activity type ${code} (${reason}). Check the credential and the type, or enter fields by schema name under "Activity Fields (Manual Entry)".`,
		};
	}
}
