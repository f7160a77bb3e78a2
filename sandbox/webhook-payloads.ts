/**
 * From the account's change events (events.ts) to webhook deliveries (§11.2): which event codes a
 * change triggers, the payload each one carries, and whether a webhook's filters (activity type,
 * watched fields, landing pages) let it through.
 *
 * Payloads: lead events carry the flat lead [DOC]; a lead field update carries `{Before, After}`,
 * two whole leads [OBS]; an activity carries `{ProspectActivityId, RelatedProspectId, ActivityEvent,
 * ActivityEventName, …, Data:{<fields>, Note}}` [OBS]; tasks and opportunities carry the flat record
 * [INF], an opportunity field update `{Before, After}` like leads [INF].
 */
import type { ActivityTypeRegistry } from './activity-types';
import type { StoredActivity, StoredOpportunity } from './crm-types';
import type { SandboxEvent } from './events';
import type { FieldRegistry } from './fields';
import { renderLead } from './leads';
import type { LeadRecord } from './types';
import { EVENT } from './webhook-events';
import type { StoredWebhook } from './webhooks';

type Obj = Record<string, unknown>;

/** One delivery a change calls for, before the webhooks are matched. */
export interface Candidate {
	code: number;
	payload: Obj;
	/** The activity or opportunity type, for webhooks limited to one. */
	typeCode?: number;
	/** The fields that changed (field update events). */
	changed?: string[];
	/** The submitted page (landing page submissions). */
	pageUrl?: string;
}

export interface PayloadContext {
	fields: FieldRegistry;
	activityTypes: ActivityTypeRegistry;
	/** Lead updates that change nothing still trigger Lead update (6). */
	unchangedLeadUpdates: boolean;
}

const STAGE_FIELDS = ['status', 'stage'];

/** The deliveries a change calls for. */
export function candidatesOf(event: SandboxEvent, ctx: PayloadContext): Candidate[] {
	switch (event.type) {
		case 'lead.created':
			return [{ code: EVENT.leadCreate, payload: renderLead(event.data, ctx.fields) }];
		case 'lead.updated':
			return leadUpdate(event, ctx);
		case 'activity.created':
		case 'activity.updated': {
			const activity = event.data as unknown as StoredActivity;
			const code = event.type === 'activity.created' ? EVENT.activityCreate : EVENT.activityUpdate;
			return [{ code, payload: activityPayload(activity, ctx.activityTypes), typeCode: activity.ActivityEvent }];
		}
		case 'task.created':
			return [{ code: EVENT.taskCreate, payload: { ...event.data } }];
		case 'task.updated':
			return [{ code: EVENT.taskUpdate, payload: { ...event.data } }];
		case 'task.completed':
			return [{ code: EVENT.taskComplete, payload: { ...event.data } }];
		case 'opportunity.created':
		case 'opportunity.updated':
		case 'opportunity.deleted':
			return opportunityEvents(event, ctx);
		case 'landingPage.submitted':
			return [{ code: EVENT.landingPage, payload: { ...event.data }, pageUrl: String(event.data.LandingPageUrl ?? '') }];
		default:
			return [];
	}
}

/** Lead update (6), and owner (4), stage (5), score (9) and field (26) changes. */
function leadUpdate(event: SandboxEvent, ctx: PayloadContext): Candidate[] {
	const changed = event.changed ?? [];
	if (changed.length === 0 && !ctx.unchangedLeadUpdates) return [];
	const lead = renderLead(event.data, ctx.fields);
	const out: Candidate[] = [{ code: EVENT.leadUpdate, payload: lead }];
	if (changed.length === 0) return out;
	const has = (name: string): boolean => changed.some((c) => c.toLowerCase() === name.toLowerCase());
	if (has('OwnerId')) out.push({ code: EVENT.ownerChange, payload: lead });
	if (has('ProspectStage')) out.push({ code: EVENT.stageChange, payload: lead });
	if (has('Score')) out.push({ code: EVENT.scoreChange, payload: lead });
	const before = renderLead(previous(event.data, event.before), ctx.fields);
	out.push({ code: EVENT.leadFieldChange, payload: { Before: before, After: lead }, changed });
	return out;
}

/** The record as it was: the current one with the changed fields' old values. */
function previous(current: Obj, before: Obj | undefined): LeadRecord {
	const out: Obj = { ...current };
	for (const [key, value] of Object.entries(before ?? {})) out[key] = value ?? '';
	return out;
}

/** `ActivityEvent` as a string and the fields under `Data`, with the note as `Data.Note` [OBS]. */
export function activityPayload(activity: StoredActivity, types: ActivityTypeRegistry): Obj {
	return {
		ProspectActivityId: activity.ProspectActivityId,
		RelatedProspectId: activity.RelatedProspectId,
		ActivityEvent: String(activity.ActivityEvent),
		ActivityEventName: types.nameOf(activity.ActivityEvent),
		ActivityDateTime: activity.ActivityDateTime,
		CreatedBy: activity.CreatedBy,
		CreatedOn: activity.CreatedOn,
		ModifiedBy: activity.ModifiedBy,
		ModifiedOn: activity.ModifiedOn,
		Score: types.get(activity.ActivityEvent)?.score ?? 0,
		Data: { ...activity.Fields, Note: activity.ActivityNote },
	};
}

/** The flat opportunity [INF], as GetOpportunitiesOfLead lists it: ids, type, note, date, then its fields. */
export function opportunityPayload(opportunity: StoredOpportunity, types: ActivityTypeRegistry): Obj {
	return {
		ProspectOpportunityId: opportunity.ProspectOpportunityId,
		RelatedProspectId: opportunity.RelatedProspectId,
		OpportunityEvent: String(opportunity.OpportunityEvent),
		OpportunityEventName: types.nameOf(opportunity.OpportunityEvent),
		OpportunityNote: opportunity.OpportunityNote,
		OpportunityDateTime: opportunity.OpportunityDateTime,
		...opportunity.Fields,
		CreatedBy: opportunity.CreatedBy,
		CreatedOn: opportunity.CreatedOn,
		ModifiedBy: opportunity.ModifiedBy,
		ModifiedOn: opportunity.ModifiedOn,
	};
}

/** Opportunity create (31), update (32), field update (33), stage update (34, Status or Stage changed [INF]), delete (35). */
function opportunityEvents(event: SandboxEvent, ctx: PayloadContext): Candidate[] {
	const opportunity = event.data as unknown as StoredOpportunity;
	const payload = opportunityPayload(opportunity, ctx.activityTypes);
	const typeCode = opportunity.OpportunityEvent;
	if (event.type === 'opportunity.created') return [{ code: EVENT.opportunityCreate, payload, typeCode }];
	if (event.type === 'opportunity.deleted') return [{ code: EVENT.opportunityDelete, payload, typeCode }];
	const changed = event.changed ?? [];
	if (changed.length === 0 && !ctx.unchangedLeadUpdates) return [];
	const out: Candidate[] = [{ code: EVENT.opportunityUpdate, payload, typeCode }];
	if (changed.length === 0) return out;
	const fieldsBefore: Obj = { ...opportunity.Fields };
	let noteBefore = opportunity.OpportunityNote;
	for (const [key, value] of Object.entries(event.before ?? {})) {
		if (key === 'OpportunityNote') noteBefore = String(value ?? '');
		else fieldsBefore[key] = value ?? '';
	}
	const before = opportunityPayload({ ...opportunity, OpportunityNote: noteBefore, Fields: fieldsBefore as Record<string, string> }, ctx.activityTypes);
	out.push({ code: EVENT.opportunityFieldUpdate, payload: { Before: before, After: payload }, typeCode, changed });
	if (changed.some((c) => STAGE_FIELDS.includes(c.toLowerCase()))) out.push({ code: EVENT.opportunityStageUpdate, payload, typeCode });
	return out;
}

/** Whether a webhook's filters let a delivery through. */
export function matches(hook: StoredWebhook, candidate: Candidate): boolean {
	if (hook.WebhookEvent !== candidate.code) return false;
	if (hook.ActivityEvent !== undefined && candidate.typeCode !== hook.ActivityEvent) return false;
	if (hook.watchedFields && candidate.changed) {
		const changed = candidate.changed.map((c) => c.toLowerCase());
		if (!hook.watchedFields.some((f) => changed.includes(f.toLowerCase()))) return false;
	}
	if (candidate.code === EVENT.landingPage && hook.IsSpecificLandingPage) {
		const page = comparablePage(candidate.pageUrl ?? '');
		if (!hook.LandingPageUrls.some((u) => comparablePage(u) === page)) return false;
	}
	return true;
}

/** [INF] Pages compare without scheme, query, fragment, trailing slash and case. */
function comparablePage(url: string): string {
	return url
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '');
}
