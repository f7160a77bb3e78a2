/**
 * One opportunity by id and its deletion (leadsquared-api-more.md §4.4, §4.5):
 * `OpportunityManagement.svc/GetOpportunityDetails?OpportunityId=` and `OpportunityManagement.svc/Delete?Id=`.
 * Kept apart from opportunities.ts (capture, update, the opportunities of a lead, the type metadata).
 */
import { jsonAnswer, type Answer } from '../http';
import { opportunityDeletable } from '../crm-extra-options';
import { mxError, requiredParam, type Route, type RouteContext } from './common';
import { emit, type Obj } from './crm-common';

const OM = '/v2/OpportunityManagement.svc/';

export const OPPORTUNITY_DETAIL_ROUTES: Route[] = [
	{ name: 'GetOpportunityDetails', method: 'GET', path: `${OM}GetOpportunityDetails`, bucket: 'normal', handle: opportunityDetails },
	{ name: 'Opportunity.Delete', method: 'GET', path: `${OM}Delete`, bucket: 'normal', handle: deleteOpportunity },
];

const NO_OPPORTUNITY = 'Opportunity does not exist in the system'; // [INF] as for Opportunity.Update

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-an-opportunity-by-id/ : `?OpportunityId=[&getFileURL=true]` →
 * `{ID, Name, DisplayName, Fields:[{SchemaName, DisplayName, DataType, Value, OptionSet (JSON text), …}]}`; the Fields
 * array (unlike GetOpportunitiesOfLead's flat rows) [OBS CODE id 63252965971]. The field objects are the type's
 * GetActivitySetting fields with their values (empty = null [INF]), ActivityEvent_Note first as in the type metadata
 * [INF]; ID = the opportunity id, Name/DisplayName = the type's [INF]. getFileURL is accepted and ignored (no file
 * fields are modelled). An unknown id → MXInvalidEntityException [INF].
 */
function opportunityDetails(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'OpportunityId');
	if (typeof id !== 'string') return id;
	const { crm } = ctx.state;
	const opportunity = crm.opportunities.get(id);
	const type = opportunity ? crm.activityTypes.get(opportunity.OpportunityEvent) : undefined;
	if (!opportunity || !type) return mxError(ctx, 'MXInvalidEntityException', NO_OPPORTUNITY);
	const setting = crm.activityTypes.renderSetting(type);
	const fields = Array.isArray(setting.Fields) ? (setting.Fields as Obj[]) : [];
	const note: Obj = { ...(fields[0] ?? {}), SchemaName: 'ActivityEvent_Note', InternalName: 'ActivityEvent_Note', DisplayName: 'Notes', DataType: 'String', IsMandatory: false, Sequence: 0, OptionSet: '' };
	const valued = (field: Obj, value: string | undefined): Obj => ({ ...field, Value: value === undefined || value === '' ? null : value });
	return jsonAnswer(200, {
		ID: opportunity.ProspectOpportunityId,
		Name: type.name,
		DisplayName: type.name,
		Fields: [valued(note, opportunity.OpportunityNote), ...fields.map((f) => valued(f, opportunity.Fields[String(f.SchemaName)]))],
	});
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/delete-an-opportunity/ : `GET ?Id=` → `{"Status":"Success","Message":
 * {"IsSuccessful":true}}`, only when the type allows deletion [DOC] (`opportunityDeleteAllowed`); the refusal's text is
 * not found [INF message]. GetOpportunityTypes and GetOpportunityTypeMetadata report the same rule as `CanDelete`.
 * Emits opportunity.deleted (webhook 35); the opportunity's tasks go with it [INF].
 */
function deleteOpportunity(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'Id');
	if (typeof id !== 'string') return id;
	const { crm, options } = ctx.state;
	const opportunity = crm.opportunities.get(id);
	if (!opportunity) return mxError(ctx, 'MXInvalidEntityException', NO_OPPORTUNITY);
	if (!opportunityDeletable(options.opportunityDeleteAllowed, opportunity.OpportunityEvent)) {
		return mxError(ctx, 'MXInvalidInputException', 'Opportunities of this type cannot be deleted. Enable Allow Delete for the opportunity type'); // [INF]
	}
	const lower = opportunity.ProspectOpportunityId.toLowerCase();
	crm.opportunities.removeWhere((o) => o.ProspectOpportunityId.toLowerCase() === lower);
	crm.tasks.removeWhere((t) => t.RelatedEntity === 5 && t.RelatedEntityId.toLowerCase() === lower);
	emit(ctx, 'opportunity.deleted', opportunity.RelatedProspectId, opportunity);
	return jsonAnswer(200, { Status: 'Success', Message: { IsSuccessful: true } });
}
