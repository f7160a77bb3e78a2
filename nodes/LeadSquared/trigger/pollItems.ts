/**
 * The polling trigger's records and items: leads from Leads.RecentlyModified and activities from
 * RetrieveByActivityEvent as the cursor sees them, and the items they become (the same shapes as the
 * webhook trigger's). Pure: no n8n imports.
 */
import { isoOf } from '../values/dates';
import type { FieldIndex } from '../values/fields';
import { textOrNumber } from '../machinery/loose';
import { typedRecord } from '../values/typed';
import { digest, secondsOf } from './cursor';
import type { PollRow } from './cursor';
import { ACTIVITY_DATES, typedOther } from './payload';

type Json = Record<string, unknown>;

export type PollSource = 'lead' | 'activity';

export const POLL_EVENTS = {
	leadCreatedOrUpdated: { source: 'lead', mode: 'changes' },
	leadCreated: { source: 'lead', mode: 'created' },
	activityCreatedOrUpdated: { source: 'activity', mode: 'changes' },
	activityCreated: { source: 'activity', mode: 'created' },
} as const;
export type PollEventKey = keyof typeof POLL_EVENTS;

export function pollEvent(raw: unknown): (typeof POLL_EVENTS)[PollEventKey] | undefined {
	return typeof raw === 'string' && raw in POLL_EVENTS ? POLL_EVENTS[raw as PollEventKey] : undefined;
}

/** How the cursor sees a record of either source. */
export function pollRowOf(source: PollSource, record: Json): PollRow | undefined {
	const id = source === 'lead' ? textOrNumber(record.ProspectID ?? record.ProspectId) : textOrNumber(record.ProspectActivityId ?? record.Id);
	if (id === undefined) return undefined;
	const modified = secondsOf(source === 'lead' ? (record.ModifiedOn ?? record.LeadLastModifiedOn) : record.ModifiedOn);
	return { id, modified, created: secondsOf(record.CreatedOn), digest: digest(record) };
}

export interface PollItemOptions {
	typed: boolean;
	fields?: FieldIndex;
	/** Fallback event time (ISO 8601). */
	now: string;
}

export function leadPollItem(record: Json, isNew: boolean, options: PollItemOptions): Json {
	return {
		event: isNew ? 'lead.created' : 'lead.updated',
		eventTime: isoOf(isNew ? record.CreatedOn : (record.ModifiedOn ?? record.LeadLastModifiedOn)) ?? options.now,
		leadId: textOrNumber(record.ProspectID ?? record.ProspectId) ?? null,
		lead: options.typed ? typedRecord(record, options.fields) : record,
	};
}

export function activityPollItem(record: Json, isNew: boolean, options: PollItemOptions): Json {
	const type = textOrNumber(record.ActivityEvent);
	return {
		event: isNew ? 'activity.created' : 'activity.updated',
		eventTime: isoOf(isNew ? record.CreatedOn : record.ModifiedOn) ?? options.now,
		leadId: textOrNumber(record.RelatedProspectId) ?? null,
		activityId: textOrNumber(record.ProspectActivityId) ?? null,
		activityType: type !== undefined && /^\d+$/.test(type) ? Number(type) : null,
		activity: typedOther(record, options.typed, ACTIVITY_DATES),
	};
}
