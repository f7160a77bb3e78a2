/**
 * Lead deletion: `GET LeadManagement.svc/Lead/Delete/ById?leadId=` → `{"Status":"Success"}` (§11.1).
 * The API is off for an account until LeadSquared support enables it (`leadDeletionEnabled`). A hard
 * delete removes the lead from every list and emits lead.deleted, on which other modules delete the
 * lead's activities, tasks and opportunities.
 */
import { jsonAnswer, type Answer } from '../http';
import { emitLeadDeleted } from '../lead-events';
import type { LeadRecord } from '../types';
import { mxError, requiredParam, type Route, type RouteContext, type SandboxState } from './common';

export const LEAD_DELETE_ROUTES: Route[] = [
	{ name: 'Lead/Delete/ById', method: 'GET', path: '/v2/LeadManagement.svc/Lead/Delete/ById', bucket: 'normal', handle: deleteById },
];

/** [INF] type and message: no source shows what a disabled account answers. */
export const DELETION_DISABLED_MESSAGE =
	'Lead deletion through the API is not enabled for this account. Please write to support@leadsquared.com to enable it.';

/**
 * Source: [DOC] https://apidocs.leadsquared.com/lead-delete/ → `{"Status":"Success"}`; off for an account until
 * LeadSquared support enables it [DOC]; what a disabled account answers is [INF] (DELETION_DISABLED_MESSAGE).
 */
function deleteById(ctx: RouteContext): Answer {
	if (!ctx.state.options.leadDeletionEnabled) return mxError(ctx, 'MXUnAuthorizedAccessException', DELETION_DISABLED_MESSAGE);
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const lead = hardDeleteLead(ctx.state, leadId, ctx.now);
	if (!lead) return mxError(ctx, 'MXInvalidEntityException', 'Lead does not exist in the system'); // [INF] for delete
	return jsonAnswer(200, { Status: 'Success' });
}

/** Removes a lead, takes it out of every list and emits lead.deleted (its records go with it); undefined for an unknown id. */
export function hardDeleteLead(state: SandboxState, leadId: string, now: number): LeadRecord | undefined {
	const lead = state.store.remove(leadId);
	if (!lead) return undefined;
	state.lists.removeLead(String(lead.ProspectID));
	emitLeadDeleted(state.events, lead, now);
	return lead;
}
