/**
 * `OpportunityManagement.svc/Capture` (§11.1, capture-opportunities page): the lead is created or
 * updated like Lead.CreateOrUpdate (LeadDetails with SearchBy), then an opportunity is created — or,
 * when the type's duplicate detection rule finds an existing one, none is created and the answer
 * names the conflict. An "opportunity captured" activity is always posted on the lead; a "duplicate
 * detected" activity too on a duplicate, unless DoNotPostDuplicateActivity.
 */
import { randomUUID } from 'node:crypto';
import { DUPLICATE_OPPORTUNITY_EVENT, OPPORTUNITY_CAPTURED_EVENT } from '../crm-defaults';
import type { ActivityTypeDefinition, StoredOpportunity } from '../crm-types';
import { jsonAnswer, type Answer } from '../http';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { EVENT_CODE_INVALID, failureAnswer, storeActivity, writeLead } from './activity-write';
import { badRequest, mxError, type RouteContext } from './common';
import { bodyObject, child, diff, emit, fieldPairs, flag, isAnswer, isObject, prop, stamp, str, text, type Obj } from './crm-common';

/** Flags are read from `Opportunity`, else from the top level [INF]. */
function option(body: Obj, opportunity: Obj, name: string): boolean {
	return prop(opportunity, name) !== undefined ? flag(opportunity, name) : flag(body, name);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/capture-opportunities/ (body, duplicate detection,
 * AdditionalDetails/ActivityId/PostDeDupActionPerformed/ConflictedOpportunityId); Status, RelatedProspectId and
 * CreatedOpportunityId at the top level of the answer: [CODE] two public clients (contract §11.1, sandbox/README.md).
 */
export function capture(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { crm } = ctx.state;
	const opportunity = child(body, 'Opportunity');
	if (!opportunity) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: Opportunity'); // [INF]
	const overwrite = option(body, opportunity, 'OverwriteFields');
	const updateEmpty = option(body, opportunity, 'UpdateEmptyFields');
	if (overwrite && updateEmpty) return mxError(ctx, 'MXInvalidInputException', 'OverwriteFields and UpdateEmptyFields both cannot be true'); // [OBS]

	const type = crm.activityTypes.find(prop(opportunity, 'OpportunityEventCode'), 'opportunity');
	if (!type) return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF] for opportunities
	const rawDate = str(opportunity, 'OpportunityDateTime');
	const when = rawDate.trim() === '' ? formatDateTime(ctx.now) : stamp(rawDate);
	if (!when) return mxError(ctx, 'MXInvalidInputException', `Invalid OpportunityDateTime '${rawDate}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF]
	const pairs = fieldPairs(prop(opportunity, 'Fields'));
	if (typeof pairs === 'string') return badRequest(pairs);
	const checked = crm.activityTypes.checkFields(type, withDefaults(crm.activityTypes.fieldsOf(type), pairs), {
		skipDropdownCheck: option(body, opportunity, 'ValidateDropDownOptions'),
		mode: 'create',
		users: crm.users,
	});
	if (!checked.ok) return mxError(ctx, checked.exceptionType, checked.message);

	const leadDetails = prop(body, 'LeadDetails');
	const leadProblem = checkLeadDetails(ctx, leadDetails);
	if (leadProblem) return mxError(ctx, 'MXInvalidInputException', leadProblem);
	const lead = writeLead(ctx, leadDetails, { kind: 'upsert' });
	if (!lead.ok) return lead.badRequest ? badRequest(lead.message) : mxError(ctx, lead.exceptionType, lead.message);

	const note = str(opportunity, 'OpportunityNote');
	const conflict = findDuplicate(ctx, type, lead.id, checked.values);
	const captured = storeActivity(ctx, systemType(ctx, OPPORTUNITY_CAPTURED_EVENT, 'Opportunity Captured'), lead.id, note, when, {});
	let created: StoredOpportunity | undefined;
	if (conflict) {
		const sent = Object.fromEntries(Object.entries(checked.values).filter(([name]) => pairs.some((p) => p.name.toLowerCase() === name.toLowerCase())));
		if (overwrite || updateEmpty) applyToDuplicate(ctx, conflict, sent, note, updateEmpty, option(body, opportunity, 'DoNotChangeOwner'));
		if (!option(body, opportunity, 'DoNotPostDuplicateActivity')) {
			const duplicateType = systemType(ctx, DUPLICATE_OPPORTUNITY_EVENT, 'Duplicate Opportunity Detected');
			storeActivity(ctx, duplicateType, lead.id, `Duplicate of opportunity ${conflict.ProspectOpportunityId}`, when, {});
		}
	} else {
		created = createOpportunity(ctx, type, lead.id, note, when, checked.values);
	}
	return jsonAnswer(200, {
		Status: 'Success',
		RelatedProspectId: lead.id,
		CreatedOpportunityId: created?.ProspectOpportunityId ?? null,
		ConflictedOpportunityId: conflict?.ProspectOpportunityId ?? null,
		AdditionalDetails: [{ ActivityId: captured.ProspectActivityId, PostDeDupActionPerformed: conflict ? 3 : 1 }],
	});
}

/** [INF] Status defaults to the first option (Open) and Owner to the API user [DOC: with a support setting]. */
function withDefaults(fields: Array<{ schemaName: string; options?: string[] }>, pairs: Array<{ name: string; value: string }>): Array<{ name: string; value: string }> {
	const out = [...pairs];
	const given = (name: string): boolean => pairs.some((p) => p.name.toLowerCase() === name.toLowerCase() && p.value !== '');
	for (const field of fields) {
		if (field.schemaName === 'Status' && field.options?.length && !given('Status')) out.unshift({ name: 'Status', value: field.options[0] });
		if (field.schemaName === 'Owner' && !given('Owner')) out.unshift({ name: 'Owner', value: SANDBOX_USER_ID });
	}
	return out;
}

/** LeadDetails must be Attribute/Value pairs with SearchBy [INF: `opportunitySearchByRequired`] and a unique field [DOC]. */
function checkLeadDetails(ctx: RouteContext, details: unknown): string | undefined {
	if (!Array.isArray(details)) return 'Invalid Input! Parameter Name: LeadDetails'; // [INF]
	const pairs = details.filter(isObject).map((p) => ({ name: (text(prop(p, 'Attribute')) ?? '').trim(), value: text(prop(p, 'Value')) ?? '' }));
	const searchBy = pairs.find((p) => p.name.toLowerCase() === 'searchby');
	if (ctx.state.options.opportunitySearchByRequired && (!searchBy || searchBy.value.trim() === '')) return 'Invalid SearchBy value provided'; // [OBS message]
	const unique = pairs.some((p) => {
		const field = ctx.state.fields.get(p.name);
		return field !== undefined && (field.unique || field.leadIdentifier || field.schemaName === 'ProspectID') && p.value.trim() !== '';
	});
	return unique ? undefined : 'At least one unique lead field (e.g. EmailAddress) must be passed in LeadDetails'; // [INF message]
}

/** The oldest opportunity of the type (on the lead, or in the account) whose duplicate-rule fields all equal the values. */
function findDuplicate(ctx: RouteContext, type: ActivityTypeDefinition, leadId: string, values: Record<string, string>): StoredOpportunity | undefined {
	const rule = type.duplicateDetectionFields ?? [];
	if (rule.length === 0 || rule.some((name) => (values[name] ?? '').trim() === '')) return undefined;
	const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
	const byLead = ctx.state.options.opportunityDuplicateScope === 'lead';
	return ctx.state.crm.opportunities
		.all()
		.find((o) => o.OpportunityEvent === type.code && (!byLead || same(o.RelatedProspectId, leadId)) && rule.every((name) => same(o.Fields[name] ?? '', values[name])));
}

function createOpportunity(ctx: RouteContext, type: ActivityTypeDefinition, leadId: string, note: string, when: string, values: Record<string, string>): StoredOpportunity {
	const now = formatDateTime(ctx.now);
	const opportunity: StoredOpportunity = {
		ProspectOpportunityId: randomUUID(),
		RelatedProspectId: leadId,
		OpportunityEvent: type.code,
		OpportunityNote: note,
		OpportunityDateTime: when,
		Fields: values,
		CreatedBy: SANDBOX_USER_ID,
		CreatedOn: now,
		ModifiedBy: SANDBOX_USER_ID,
		ModifiedOn: now,
	};
	ctx.state.crm.opportunities.add(opportunity);
	emit(ctx, 'opportunity.created', leadId, opportunity);
	return opportunity;
}

/** OverwriteFields: every value given replaces; UpdateEmptyFields: only empty fields are filled [INF]. DoNotChangeOwner keeps Owner [INF]. */
function applyToDuplicate(ctx: RouteContext, target: StoredOpportunity, values: Record<string, string>, note: string, onlyEmpty: boolean, keepOwner: boolean): void {
	const before = { OpportunityNote: target.OpportunityNote, ...target.Fields };
	for (const [name, value] of Object.entries(values)) {
		if (keepOwner && name === 'Owner') continue;
		if (onlyEmpty && (target.Fields[name] ?? '') !== '') continue;
		target.Fields[name] = value;
	}
	if (note !== '' && (!onlyEmpty || target.OpportunityNote === '')) target.OpportunityNote = note;
	const change = diff(before, { OpportunityNote: target.OpportunityNote, ...target.Fields });
	if (change.changed.length === 0) return;
	target.ModifiedBy = SANDBOX_USER_ID;
	target.ModifiedOn = formatDateTime(ctx.now);
	ctx.state.crm.opportunities.touch(target);
	emit(ctx, 'opportunity.updated', target.RelatedProspectId, target, change);
}

function systemType(ctx: RouteContext, code: number, name: string): ActivityTypeDefinition {
	return ctx.state.crm.activityTypes.get(code) ?? { code, name, kind: 'system' };
}
