/**
 * Posting one custom activity (§2.8): shared by ProspectActivity.svc/Create, every row of
 * Bulk/CustomActivity/Add/ByLeadId and Opportunity Capture's system activities. Everything is
 * validated before anything is written (the lead a post by EmailAddress creates included).
 */
import { randomUUID } from 'node:crypto';
import type { ActivityTypeDefinition, StoredActivity } from '../crm-types';
import { jsonAnswer, mxEnvelope, type Answer } from '../http';
import { emitLeadWrite } from '../lead-events';
import type { LeadRecord } from '../types';
import { createOrUpdate, type UpsertOutcome, type WriteMode } from '../upsert';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { badRequest, mxError, type RouteContext } from './common';
import { emit, fieldPairs, flag, prop, stamp, str, type Obj } from './crm-common';

export type WriteFailure = {
	ok: false;
	exceptionType: string;
	message: string;
	/** The body's structure is wrong (400 for a single call). */
	badRequest?: boolean;
	/** Answer with `"IsMXException": true` (seen with MXInvalidActivityException). */
	flagged?: boolean;
};

export type PostOutcome = { ok: true; activity: StoredActivity; leadScore: number } | WriteFailure;

/** [OBS] contract §1.6: a bad ActivityEvent answers this with HTTP 500 and `"IsMXException":true` (public client code). */
export const EVENT_CODE_INVALID: WriteFailure = {
	ok: false,
	exceptionType: 'MXInvalidActivityException',
	message: 'Event Code is invalid or empty',
	flagged: true,
};

export function failure(exceptionType: string, message: string, badRequest = false): WriteFailure {
	return { ok: false, exceptionType, message, badRequest };
}

/** An MX error answer; `flagged` adds `"IsMXException": true` as observed for MXInvalidActivityException. */
export function failureAnswer(ctx: RouteContext, f: WriteFailure): Answer {
	if (f.badRequest) return badRequest(f.message);
	if (!f.flagged) return mxError(ctx, f.exceptionType, f.message);
	return jsonAnswer(ctx.state.options.mxErrorStatus, { ...mxEnvelope(f.exceptionType, f.message), IsMXException: true });
}

export const LEAD_NOT_FOUND = (): WriteFailure => failure('MXInvalidEntityException', 'Lead does not exist in the system'); // [INF] for activities

/**
 * Posts a custom activity. `byEmail`: a payload without RelatedProspectId may name the lead by
 * EmailAddress; a missing lead is then created from FirstName, LastName, Phone and EmailAddress.
 */
export function postActivity(ctx: RouteContext, payload: Obj, byEmail: boolean): PostOutcome {
	const { crm } = ctx.state;
	const type = crm.activityTypes.find(prop(payload, 'ActivityEvent'), 'custom');
	if (!type) return EVENT_CODE_INVALID;

	const rawDate = str(payload, 'ActivityDateTime');
	const activityDate = rawDate.trim() === '' ? formatDateTime(ctx.now) : stamp(rawDate);
	if (!activityDate) return failure('MXInvalidInputException', `Invalid ActivityDateTime '${rawDate}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF]

	const pairs = fieldPairs(prop(payload, 'Fields'));
	if (typeof pairs === 'string') return failure('MXInvalidInputException', pairs, true);
	const ownerEmail = str(payload, 'ActivityOwnerEmail').trim();
	if (ownerEmail !== '') {
		const owner = crm.users.active(ownerEmail);
		if (!owner) return failure('MXInvalidInputException', `Invalid ActivityOwnerEmail '${ownerEmail}': no active user has this e-mail address`); // [INF]
		if (!pairs.some((p) => p.name.toLowerCase() === 'owner')) pairs.push({ name: 'Owner', value: owner.id });
	}
	const checked = crm.activityTypes.checkFields(type, pairs, {
		skipDropdownCheck: flag(payload, 'ValidateDropDownOptions'),
		mode: 'create',
		users: crm.users,
	});
	if (!checked.ok) return checked;

	const resolved = resolveLead(ctx, payload, byEmail);
	if (!resolved.ok) return resolved;
	const leadId = String(resolved.lead.ProspectID);
	const values = { Owner: SANDBOX_USER_ID, ...checked.values };
	const activity = storeActivity(ctx, type, leadId, str(payload, 'ActivityNote'), activityDate, values);
	return { ok: true, activity, leadScore: addScore(ctx, leadId, type) };
}

/** Stores an activity (already validated) and emits activity.created. */
export function storeActivity(
	ctx: RouteContext,
	type: ActivityTypeDefinition,
	leadId: string,
	note: string,
	activityDate: string,
	values: Record<string, string>,
): StoredActivity {
	const now = formatDateTime(ctx.now);
	const activity: StoredActivity = {
		ProspectActivityId: randomUUID(),
		RelatedProspectId: leadId,
		ActivityEvent: type.code,
		ActivityNote: note,
		ActivityDateTime: activityDate,
		Fields: values,
		CreatedBy: SANDBOX_USER_ID,
		CreatedOn: now,
		ModifiedBy: SANDBOX_USER_ID,
		ModifiedOn: now,
	};
	ctx.state.crm.activities.add(activity);
	emit(ctx, 'activity.created', leadId, activity);
	return activity;
}

/** The lead by RelatedProspectId, else (when allowed) by EmailAddress, created when missing. */
function resolveLead(ctx: RouteContext, payload: Obj, byEmail: boolean): { ok: true; lead: LeadRecord } | WriteFailure {
	const { store, fields } = ctx.state;
	const leadId = str(payload, 'RelatedProspectId').trim();
	const found = (lead: LeadRecord | undefined): { ok: true; lead: LeadRecord } | WriteFailure => (lead ? { ok: true, lead } : LEAD_NOT_FOUND());
	if (leadId !== '') return found(store.byId(leadId));
	const email = str(payload, 'EmailAddress').trim();
	if (!byEmail || email === '') return failure('MXInvalidInputException', 'Invalid Input! Parameter Name: RelatedProspectId'); // [INF]
	const emailField = fields.get('EmailAddress');
	const existing = emailField ? store.mostRecent(store.findBy(emailField, email)) : undefined;
	if (existing) return found(existing);
	const attributes = ['EmailAddress', 'FirstName', 'LastName', 'Phone']
		.map((name) => ({ Attribute: name, Value: str(payload, name) }))
		.filter((pair) => pair.Value.trim() !== '');
	const outcome = writeLead(ctx, attributes, { kind: 'create' });
	if (!outcome.ok) return failure(outcome.exceptionType, outcome.message);
	return found(store.byId(outcome.id));
}

/** A lead write through the CreateOrUpdate engine, with the automation log entry and the lead event. */
export function writeLead(ctx: RouteContext, payload: unknown, mode: WriteMode): UpsertOutcome {
	const { store, fields, options } = ctx.state;
	const outcome = createOrUpdate(payload, store, fields, options, ctx.now, mode);
	if (outcome.ok) {
		emitLeadWrite(ctx.state.events, store, outcome.id, outcome.created, outcome.before, ctx.now);
		if (outcome.created) ctx.state.automation.push({ leadId: outcome.id, endpoint: ctx.endpoint, at: ctx.now, trigger: 'create' });
	}
	return outcome;
}

/** [INF] The type's Score is added to the lead's Score; returns the lead's score after the post. */
function addScore(ctx: RouteContext, leadId: string, type: ActivityTypeDefinition): number {
	const lead = ctx.state.store.byId(leadId);
	const current = Number(lead?.Score ?? 0) || 0;
	const score = type.score ?? 0;
	if (!lead || score === 0) return current;
	ctx.state.store.update(leadId, { Score: String(current + score) }, ctx.now);
	return current + score;
}
