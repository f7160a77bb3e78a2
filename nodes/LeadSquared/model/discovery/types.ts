/**
 * The account's activity, opportunity and task types as the discovery operations output them: the code or name
 * each write operation takes, what kind of type it is, and (for activity and opportunity types) its fields.
 * Compact like fields.ts: a key is there only when it says something. Pure: no n8n imports.
 */
import { describeException } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';
import type { ActivityTypeKind, ActivityTypeSummary, OpportunityTypeList, OpportunityTypeSummary } from '../activity/typeKinds';
import type { TaskType } from '../task/types';
import type { FieldDescription } from './fields';

/** A type's fields as read, or why they could not be. */
export type TypeFields = { fields: FieldDescription[] } | { unavailable: string };

function fieldKeys(fields: TypeFields | undefined): { fields?: FieldDescription[]; fieldsUnavailable?: string } {
	if (fields === undefined) return {};
	if ('unavailable' in fields) return { fieldsUnavailable: fields.unavailable };
	return fields.fields.length > 0 ? { fields: fields.fields } : {};
}

/**
 * Why a type's fields cannot be read, when reading them failed for good: LeadSquared refused (the type has no
 * settings to give), or the call is not there (404) or not allowed (403) on this account. Undefined for a
 * failure that may pass on a retry (network, rate limit, an unreadable answer): that one fails the item.
 */
export function fieldsUnavailableReason(failure: Failure, call: string): string | undefined {
	if (failure.kind === 'business') return `${call}: ${describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode) ?? failure.message}`;
	if (failure.kind === 'notFound') return `${call} answered HTTP 404 on this account`;
	if (failure.kind === 'forbidden') return `the keys' user may not read ${call} (HTTP 403)`;
	return undefined;
}

/**
 * Whether a type is the one asked for: its code (the whole text, e.g. "201") or a part of its name (letter
 * case aside). An empty search keeps every type.
 */
export function typeMatches(type: { code: number; name: string }, search: string | undefined): boolean {
	const wanted = (search ?? '').trim().toLowerCase();
	if (wanted === '') return true;
	return String(type.code) === wanted || type.name.toLowerCase().includes(wanted);
}

export interface ActivityTypeRecord {
	/** ActivityEvent: what Activity → Create (and the activity reads) take as the Activity Type. */
	code: number;
	name: string;
	/** custom: postable through the API (Activity → Create, Update); system: LeadSquared's own; opportunity: an opportunity type. */
	kind: ActivityTypeKind;
	direction?: 'inbound' | 'outbound';
	/** What an activity of the type adds to the lead's score. */
	score?: number;
	/** The type's fields (the note is Activity → Create's Note parameter, not a field). Absent when it has none. */
	fields?: FieldDescription[];
	/** Why the fields could not be read (the type is listed all the same). */
	fieldsUnavailable?: string;
}

const DIRECTIONS: Record<number, 'inbound' | 'outbound'> = { 0: 'inbound', 1: 'outbound' };

export function activityTypeRecord(type: ActivityTypeSummary, fields?: TypeFields): ActivityTypeRecord {
	const direction = type.direction === undefined ? undefined : DIRECTIONS[type.direction];
	return {
		code: type.code,
		name: type.name,
		kind: type.kind,
		...(direction ? { direction } : {}),
		...(type.score !== undefined ? { score: type.score } : {}),
		...fieldKeys(fields),
	};
}

export interface OpportunityTypeRecord {
	/** What Opportunity → Create and Get Many take as the Opportunity Type. */
	code: number;
	name: string;
	fields?: FieldDescription[];
	fieldsUnavailable?: string;
	/** Present when GetOpportunityTypes is unavailable and the list comes from ActivityTypes.Get instead: why, and what that means. */
	fallback?: string;
}

/** What the output says when the opportunity types are not the account's own list. */
export function fallbackNote(list: OpportunityTypeList): string | undefined {
	if (list.source === 'api') return undefined;
	const why = list.unavailable ? ` (${list.unavailable})` : '';
	return `GetOpportunityTypes is unavailable on this account${why}: these are the types ActivityTypes.Get lists with codes from 12000 on, which may miss a type`;
}

export function opportunityTypeRecord(type: OpportunityTypeSummary, fields?: TypeFields, fallback?: string): OpportunityTypeRecord {
	return { code: type.code, name: type.name, ...fieldKeys(fields), ...(fallback ? { fallback } : {}) };
}

export interface TaskTypeRecord {
	/** What Task → Create takes as the Task Type (By Name); also Task → Get Many's filter. */
	name: string;
	id: string;
	category?: 'appointment' | 'to-do';
	/** Appointments: the minutes LeadSquared gives one when no end is set. */
	defaultDurationMinutes?: number;
}

export function taskTypeRecord(type: TaskType): TaskTypeRecord {
	const category = type.category === 0 ? 'appointment' : type.category === 1 ? 'to-do' : undefined;
	return {
		name: type.name,
		id: type.id,
		...(category ? { category } : {}),
		...(category === 'appointment' && type.defaultDuration !== undefined ? { defaultDurationMinutes: type.defaultDuration } : {}),
	};
}
