/**
 * Changing activities that exist (leadsquared-api-more.md §4.1, §4.2):
 * - `ProspectActivity.svc/CustomActivity/Update` ([DOC] https://apidocs.leadsquared.com/update-activity/): the note
 *   and the fields given of one custom activity, checked against its type's fields as Activity → Create checks them;
 * - `ProspectActivity.svc/DeleteActivities` ([DOC] https://apidocs.leadsquared.com/delete-activities/): LeadSquared
 *   has no delete by activity id; it deletes, later (queued), **every** custom activity of the listed types on one
 *   lead, optionally within a window of activity dates.
 * The bodies built and checked from one item's input, and LeadSquared's refusals said about the activity.
 * Pure: no n8n imports.
 */
import { businessFailure, InputError, sentences } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';
import { checkRecordId } from '../../values/recordIds';
import { optionalDateTime, optionalText, requiredText } from '../../values/checks';
import { buildActivityFields } from './payload';
import type { ActivityField, ActivityFieldInput, ActivityOptions } from './payload';
import { typeLabel } from './types';
import type { ActivityTypeInfo } from './types';

export interface ActivityUpdateBody {
	ProspectActivityId: string;
	ActivityEvent: number;
	ActivityNote?: string;
	Fields?: ActivityField[];
	ValidateDropDownOptions?: true;
}

export interface ActivityUpdateInput {
	activityId: unknown;
	/** A new note; empty keeps the note. */
	note?: unknown;
	fields: ActivityFieldInput[];
}

/** The body of `CustomActivity/Update` for one item, and the fields left out for an empty value. */
export function buildActivityUpdate(
	input: ActivityUpdateInput,
	type: ActivityTypeInfo,
	options: ActivityOptions,
): { body: ActivityUpdateBody; skippedFields: string[] } {
	const activityId = requiredText(input.activityId, 'Activity ID', 'activityId', 'Give the ID of the activity to update (ProspectActivityId), e.g. the activityId output by Activity → Create.');
	const body: ActivityUpdateBody = { ProspectActivityId: activityId, ActivityEvent: type.code };
	const note = optionalText(input.note, 'Note', 'note');
	if (note !== undefined) body.ActivityNote = note;
	const { fields, skippedFields } = buildActivityFields(input.fields, type, { ...options, partial: true });
	if (fields.length > 0) body.Fields = fields;
	if (note === undefined && fields.length === 0) {
		throw new InputError(
			skippedFields.length > 0 ? `Nothing to update: every activity field given was empty (${skippedFields.join(', ')})` : 'Nothing to update: no activity field and no note',
			undefined,
			'Give a new note, or at least one activity field with a value.',
		);
	}
	if (options.skipDropdownCheck) body.ValidateDropDownOptions = true;
	return { body, skippedFields };
}

export interface ActivityDeletionBody {
	ProspectId: string;
	/** The type codes, as text (the documented sample: `["163","166"]`). */
	ActivityEventList: string[];
	FromDate?: string;
	ToDate?: string;
	StatusWebhookURL?: string;
}

export interface ActivityDeletionInput {
	leadId: unknown;
	code: number;
	from?: unknown;
	to?: unknown;
	statusWebhookUrl?: string;
}

/** The body of `DeleteActivities` for one item; throws InputError for a lead id that is not one, or a window that ends before it starts. */
export function buildActivityDeletion(input: ActivityDeletionInput, timezone: string): ActivityDeletionBody {
	const body: ActivityDeletionBody = { ProspectId: checkRecordId(input.leadId, 'lead'), ActivityEventList: [String(input.code)] };
	const from = optionalDateTime(input.from, 'From Date', 'fromDate', timezone);
	const to = optionalDateTime(input.to, 'To Date', 'toDate', timezone);
	if (from !== undefined && to !== undefined && from > to) {
		throw new InputError(`From Date (${from} UTC) is after To Date (${to} UTC)`, 'fromDate', 'Swap the two dates, or leave one of them empty.');
	}
	if (from !== undefined) body.FromDate = from;
	if (to !== undefined) body.ToDate = to;
	if (input.statusWebhookUrl !== undefined) body.StatusWebhookURL = input.statusWebhookUrl;
	return body;
}

/**
 * LeadSquared's refusal of an activity update, said about the activity: "does not exist" names the id; an event
 * code refusal means the activity is not of the type given (or the type is not a custom one).
 */
export function activityUpdateFailure(failure: Failure, body: ActivityUpdateBody, type: ActivityTypeInfo): Failure {
	if (failure.kind !== 'business') return failure;
	const said = failure.exceptionMessage ?? '';
	const base = businessFailure(failure.exceptionType, failure.exceptionMessage, failure.httpCode, 'the request');
	if (/activity/i.test(said) && /does ?n[o']t exist|not found|invalid activity/i.test(said)) {
		return {
			...base,
			message: `No activity with the ID "${body.ProspectActivityId}" was found in LeadSquared`,
			description: sentences(base.description, 'Copy the ID (ProspectActivityId) from Activity → Create or Activity → Get Many; a deleted activity cannot be changed'),
		};
	}
	if (/event ?code/i.test(said)) {
		return {
			...base,
			message: `LeadSquared refused the update: activity ${body.ProspectActivityId} is not an activity of type ${typeLabel(type)} (${said})`,
			description: sentences(
				base.description,
				"Activity Type must be the activity's own type: the ActivityEvent that Activity → Get Many shows for it (activityEvent in Activity → Create's output). Only custom activities can be updated",
			),
		};
	}
	return { ...base, message: `LeadSquared refused the update of activity ${body.ProspectActivityId}: ${said || failure.exceptionType || 'no reason given'}` };
}
