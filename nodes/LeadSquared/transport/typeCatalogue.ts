/**
 * The account's activity types with their kind, and its opportunity types, as every list and check of the
 * node uses them: `ActivityTypes.Get` classified with `GetOpportunityTypes` (typeKinds.ts). Where
 * GetOpportunityTypes is unavailable (404, "disabled"), the opportunity types are ActivityTypes.Get's entries
 * from code 12000 on, and the list says so (`source: 'activityTypes'`).
 */
import { classifyActivityTypes, opportunityTypesAmong } from '../model/activity/typeKinds';
import type { ActivityTypeSummary, OpportunityTypeList } from '../model/activity/typeKinds';
import { getActivityTypes } from './activities';
import type { LeadSquaredClient } from './index';
import { requestOpportunityTypes } from './opportunities';

/** GetOpportunityTypes, or the fallback (one more call, to ActivityTypes.Get) when it is unavailable. */
export async function loadOpportunityTypes(client: LeadSquaredClient): Promise<OpportunityTypeList> {
	const answered = await requestOpportunityTypes(client);
	if (Array.isArray(answered)) return { types: answered, source: 'api' };
	return opportunityTypesAmong(await getActivityTypes(client), answered.unavailable);
}

/** Every activity type with its kind, and the opportunity types that decided it (both calls at once). */
export async function loadActivityTypes(client: LeadSquaredClient): Promise<{ types: ActivityTypeSummary[]; opportunities: OpportunityTypeList }> {
	const [entries, answered] = await Promise.all([getActivityTypes(client), requestOpportunityTypes(client)]);
	const opportunities: OpportunityTypeList = Array.isArray(answered) ? { types: answered, source: 'api' } : opportunityTypesAmong(entries, answered.unavailable);
	return { types: classifyActivityTypes(entries, opportunities), opportunities };
}
