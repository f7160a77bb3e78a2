/**
 * From a LeadSquared webhook delivery to the trigger's items: reading the body (JSON, form fields or
 * plain text holding JSON; grouped activities as an array), one item per event, lead fields typed like
 * "Typed Values", the event name and the time it happened. Pure: no n8n imports.
 *
 * Items:
 * - lead events: `{event, eventTime, leadId, lead}`, plus `changedFields` and `changes` ({field: {before,
 *   after}}) when LeadSquared sent the lead before and after the change (lead field update);
 * - activities: `{event, eventTime, leadId, activityId, activityType, activityTypeName, activity}`;
 * - tasks: `{event, eventTime, taskId, leadId, task}`;
 * - opportunities: `{event, eventTime, opportunityId, leadId, opportunityType, opportunity}`;
 * - landing page submissions: `{event, eventTime, leadId, landingPage: {url, name}, lead}`.
 */
import { isoOf } from '../values/dates';
import type { FieldIndex } from '../values/fields';
import { textOrNumber } from '../machinery/loose';
import { typedRecord, typedValue } from '../values/typed';
import { eventByKey, STAGE_FIELD } from './events';
import type { EventFamily, TriggerEvent } from './events';

type Json = Record<string, unknown>;

export type BodyReading = { kind: 'empty' } | { kind: 'payloads'; payloads: Json[] } | { kind: 'unreadable'; problem: string };

/** Keys whose form-encoded values are JSON text (objects LeadSquared nests in a delivery). */
const NESTED_KEYS = new Set(['before', 'after', 'data']);

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** A form-decoded object: `payload` holding a JSON array (grouped activities), nested objects as JSON text. */
function unfold(object: Json): Json | Json[] {
	const keys = Object.keys(object);
	if (keys.length === 1 && keys[0] === 'payload' && typeof object.payload === 'string') {
		const parsed = parseJson(object.payload);
		if (parsed.ok && (Array.isArray(parsed.value) || isObject(parsed.value))) return parsed.value as Json | Json[];
	}
	const out: Json = {};
	for (const [key, value] of Object.entries(object)) {
		const text = Array.isArray(value) && value.length > 0 ? value[0] : value;
		if (typeof text === 'string' && NESTED_KEYS.has(key.toLowerCase()) && /^\s*[[{]/.test(text)) {
			const parsed = parseJson(text);
			out[key] = parsed.ok ? parsed.value : text;
		} else {
			out[key] = text;
		}
	}
	return out;
}

/**
 * The events a delivery carries. n8n has already parsed JSON and form bodies; a text/plain body arrives
 * as the JSON text LeadSquared sent. An empty body (a check without payload) carries no event.
 */
export function readBody(body: unknown): BodyReading {
	let value = body;
	if (typeof value === 'string') {
		if (value.trim() === '') return { kind: 'empty' };
		const parsed = parseJson(value.trim());
		if (!parsed.ok) return { kind: 'unreadable', problem: 'The body is not JSON' };
		value = parsed.value;
	}
	if (value === undefined || value === null) return { kind: 'empty' };
	if (isObject(value)) {
		if (Object.keys(value).length === 0) return { kind: 'empty' };
		value = unfold(value);
	}
	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0) return { kind: 'empty' };
	const payloads: Json[] = [];
	for (const entry of list) {
		if (!isObject(entry)) return { kind: 'unreadable', problem: 'The body holds something other than LeadSquared records' };
		payloads.push(entry);
	}
	return { kind: 'payloads', payloads };
}

/** The event a payload looks like, for deliveries that do not say (no event header). */
export function guessEvent(payload: Json): TriggerEvent {
	const has = (key: string) => Object.keys(payload).some((name) => name.toLowerCase() === key.toLowerCase());
	let key = 'lead.updated';
	if (has('Before') && has('After')) key = isObject(payload.After) && 'ProspectOpportunityId' in payload.After ? 'opportunity.updated' : 'lead.fieldUpdated';
	else if (has('ProspectActivityId')) key = 'activity.created';
	else if (has('UserTaskId')) key = 'task.updated';
	else if (has('ProspectOpportunityId')) key = 'opportunity.updated';
	else if (has('LandingPageUrl')) key = 'landingPage.submitted';
	return eventByKey(key) as TriggerEvent;
}

export interface MappingOptions {
	/** Numbers, true/false and ISO dates by the account's field types. */
	typed: boolean;
	/** The account's lead field types (see fieldKinds.ts). */
	fields?: FieldIndex;
	/** When n8n received the delivery (ISO 8601): the event time when the record carries none. */
	receivedAt: string;
	/** Lead Field Updated: only changes of these fields make items (empty: any field). */
	watchFields?: string[];
	/** Activity or opportunity type the trigger is limited to (code); others are dropped. */
	typeCode?: number;
}

function code(value: unknown): number | undefined {
	const raw = textOrNumber(value);
	return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Typed values of a non-lead record: dates as ISO 8601, numbers as numbers (when typing is on). */
export function typedOther(record: Json, typed: boolean, dates: readonly string[], numbers: readonly string[] = []): Json {
	if (!typed) return record;
	const out: Json = {};
	for (const [key, value] of Object.entries(record)) {
		if (dates.includes(key)) out[key] = typedValue('dateTime', value);
		else if (numbers.includes(key)) out[key] = typedValue('number', value);
		else out[key] = value;
	}
	return out;
}

function lead(record: Json, options: MappingOptions): Json {
	return options.typed ? typedRecord(record, options.fields) : record;
}

/** Fields whose value differs between two versions of a record (dates of the change itself left out). */
export function changedFields(before: Json, after: Json): string[] {
	const ignore = new Set(['modifiedon', 'leadlastmodifiedon', 'lastmodifiedon', 'modifiedby', 'modifiedbyname']);
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	const norm = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
	return keys.filter((key) => !ignore.has(key.toLowerCase()) && norm(before[key]) !== norm(after[key]));
}

function leadItem(event: TriggerEvent, payload: Json, options: MappingOptions): Json | undefined {
	const hasVersions = isObject(payload.Before) && isObject(payload.After);
	const after = hasVersions ? (payload.After as Json) : payload;
	const item: Json = {
		event: event.key,
		eventTime: isoOf(after[event.timeField ?? 'ModifiedOn']) ?? options.receivedAt,
		leadId: textOrNumber(after.ProspectID ?? after.ProspectId) ?? null,
	};
	if (hasVersions) {
		const before = payload.Before as Json;
		const changed = changedFields(before, after);
		const watched = event.key === 'lead.stageChanged' ? [STAGE_FIELD] : (options.watchFields ?? []);
		const lower = changed.map((name) => name.toLowerCase());
		if (watched.length > 0 && !watched.some((name) => lower.includes(name.toLowerCase()))) return undefined;
		const typedBefore = lead(before, options);
		const typedAfter = lead(after, options);
		item.changedFields = changed;
		item.changes = Object.fromEntries(changed.map((name) => [name, { before: typedBefore[name] ?? null, after: typedAfter[name] ?? null }]));
		item.lead = typedAfter;
		return item;
	}
	item.lead = lead(after, options);
	return item;
}

/** An activity's date fields (webhook deliveries and polled activities). */
export const ACTIVITY_DATES = ['ActivityDateTime', 'CreatedOn', 'ModifiedOn'];

function activityItem(event: TriggerEvent, payload: Json, options: MappingOptions): Json | undefined {
	const type = code(payload.ActivityEvent);
	if (options.typeCode !== undefined && type !== undefined && type !== options.typeCode) return undefined;
	let data = payload.Data;
	if (typeof data === 'string' && /^\s*\{/.test(data)) {
		const parsed = parseJson(data);
		if (parsed.ok) data = parsed.value;
	}
	return {
		event: event.key,
		eventTime: isoOf(payload[event.timeField ?? 'ModifiedOn']) ?? isoOf(payload.ActivityDateTime) ?? options.receivedAt,
		leadId: textOrNumber(payload.RelatedProspectId) ?? null,
		activityId: textOrNumber(payload.ProspectActivityId) ?? null,
		activityType: type ?? null,
		activityTypeName: textOrNumber(payload.ActivityEventName) ?? null,
		activity: { ...typedOther(payload, options.typed, ACTIVITY_DATES, ['Score']), ...(data !== undefined ? { Data: data } : {}) },
	};
}

const TASK_DATES = ['DueDate', 'EndDate', 'CreatedOn', 'ModifiedOn', 'CompletedOn'];

function taskItem(event: TriggerEvent, payload: Json, options: MappingOptions): Json {
	const relatedLead = code(payload.RelatedEntity) === 1 ? textOrNumber(payload.RelatedEntityId) : undefined;
	return {
		event: event.key,
		eventTime: (event.timeField ? isoOf(payload[event.timeField]) : undefined) ?? options.receivedAt,
		taskId: textOrNumber(payload.UserTaskId) ?? null,
		leadId: textOrNumber(payload.LeadId) ?? relatedLead ?? null,
		task: typedOther(payload, options.typed, TASK_DATES),
	};
}

const OPPORTUNITY_DATES = ['OpportunityDateTime', 'CreatedOn', 'ModifiedOn'];

function opportunityItem(event: TriggerEvent, payload: Json, options: MappingOptions): Json | undefined {
	const record = isObject(payload.After) ? (payload.After as Json) : payload;
	const type = code(record.OpportunityEvent ?? record.ActivityEvent);
	if (options.typeCode !== undefined && type !== undefined && type !== options.typeCode) return undefined;
	return {
		event: event.key,
		eventTime: (event.timeField ? isoOf(record[event.timeField]) : undefined) ?? options.receivedAt,
		opportunityId: textOrNumber(record.ProspectOpportunityId ?? record.OpportunityId) ?? null,
		leadId: textOrNumber(record.RelatedProspectId) ?? null,
		opportunityType: type ?? null,
		opportunity: typedOther(record, options.typed, OPPORTUNITY_DATES),
	};
}

function landingPageItem(event: TriggerEvent, payload: Json, options: MappingOptions): Json {
	const { LandingPageUrl, LandingPageName, ...fields } = payload;
	return {
		event: event.key,
		eventTime: options.receivedAt,
		leadId: textOrNumber(fields.ProspectID ?? fields.ProspectId) ?? null,
		landingPage: { url: textOrNumber(LandingPageUrl) ?? null, name: textOrNumber(LandingPageName) ?? null },
		lead: lead(fields, options),
	};
}

const MAPPERS: Record<EventFamily, (event: TriggerEvent, payload: Json, options: MappingOptions) => Json | undefined> = {
	lead: leadItem,
	activity: activityItem,
	task: taskItem,
	opportunity: opportunityItem,
	landingPage: landingPageItem,
};

/** One item per event of the delivery (grouped activities: one each); events the filters leave out make none. */
export function itemsOf(event: TriggerEvent | undefined, payloads: readonly Json[], options: MappingOptions): Json[] {
	const items: Json[] = [];
	for (const payload of payloads) {
		const kind = event ?? guessEvent(payload);
		const item = MAPPERS[kind.family](kind, payload, options);
		if (item) items.push(item);
	}
	return items;
}
