/**
 * LeadSquared's activity endpoints (§2.8, §11.1 of the API contract; more §4.1, §4.2): activity types and their
 * fields, posting one activity or up to 25 at once, updating one, deleting a lead's activities of a type (queued),
 * and the activities of a lead. Answers are read tolerantly where their shape is not documented, and checked
 * where it is.
 */
import type { IDataObject } from 'n8n-workflow';

import { countedRows, postedCount } from '../model/activity/bulk';
import type { BulkRowResult } from '../model/activity/bulk';
import { activityUpdateFailure } from '../model/activity/edits';
import type { ActivityDeletionBody, ActivityUpdateBody } from '../model/activity/edits';
import type { ActivityBody } from '../model/activity/payload';
import { activityFailure, mapBulkActivityResults } from '../model/activity/payload';
import { parseActivitySetting, parseActivityTypes, pick } from '../model/activity/types';
import type { ActivityTypeEntry, ActivityTypeInfo } from '../model/activity/types';
import { explainNotFound, LeadSquaredError, sentences } from '../machinery/errors';
import { looseFlag, nonEmptyText } from '../machinery/loose';
import { settle } from '../machinery/scheduler';
import type { LeadSquaredClient } from './index';
import { knownLeadIds } from './leads';
import { statusOf, unconfirmedWrite, unexpectedAnswer } from './shape';

const PA = 'ProspectActivity.svc/';

/**
 * A failed post, said about the activity: LeadSquared's refusal as "refused the activity", and, when an
 * answer may have been lost after LeadSquared posted (a timeout, a server error, a garbled answer), that
 * the activity may exist: unlike a lead write, posting it again adds a second activity.
 */
function asActivityError(error: unknown): unknown {
	if (!(error instanceof LeadSquaredError)) return error;
	const { failure } = error;
	if (failure.kind === 'business') return new LeadSquaredError(activityFailure(failure.exceptionType, failure.exceptionMessage, failure.httpCode));
	if (failure.kind === 'transient' || (failure.kind === 'unexpected' && failure.httpCode !== undefined)) {
		return new LeadSquaredError({
			...failure,
			description: sentences(
				failure.kind === 'unexpected' ? failure.description?.replace(/The request may or may not have been applied\.?/, '') : undefined,
				"The activity may or may not have been posted, and posting it again would add a second one: check the lead's activities (Activity → Get Many) before running the item again",
			),
		});
	}
	return error;
}

/** `ActivityTypes.Get`: every activity type of the account (kinds: typeCatalogue.ts). */
export async function getActivityTypes(client: LeadSquaredClient): Promise<ActivityTypeEntry[]> {
	const answer = await client.request({ method: 'GET', path: `${PA}ActivityTypes.Get` });
	const types = parseActivityTypes(answer);
	if (!types) throw unexpectedAnswer('ActivityTypes.Get', 'no list of activity types');
	return types;
}

/**
 * `CustomActivity/GetActivitySetting?code=`: the type's name and fields. A code LeadSquared does not know
 * as an activity type fails with LeadSquared's words and advice on where codes are found.
 */
export async function getActivityType(client: LeadSquaredClient, code: number): Promise<ActivityTypeInfo> {
	const attempt = await settle(
		async () => await client.request({ method: 'GET', path: `${PA}CustomActivity/GetActivitySetting`, query: { code: String(code) } }),
	);
	if (!attempt.ok) throw unknownType(attempt.error, code);
	return parseActivitySetting(attempt.value, code);
}

/** LeadSquared refused the code: said about the type, with where codes are found; other errors unchanged. */
function unknownType(error: unknown, code: number): unknown {
	if (!(error instanceof LeadSquaredError) || error.failure.kind !== 'business') return error;
	const { failure } = error;
	return new LeadSquaredError({
		...failure,
		message: `Activity type ${code} is not a custom activity type of your LeadSquared account${
			failure.exceptionMessage ? ` (LeadSquared: "${failure.exceptionMessage}")` : ''
		}`,
		description:
			'Choose the type from the list, or copy its code from My Account → Settings → Leads → Activities and Scores → ' +
			'Custom Activities & Scores. Nothing was sent for this item.',
	});
}

export interface PostedActivity {
	activityId: string;
	/** The lead, when LeadSquared's answer names it (it does not in the documented samples). */
	leadId?: string;
	/** Whether a lead was created for the e-mail address, when LeadSquared's answer says so. */
	leadCreated?: boolean;
	/** With IncludeLeadScore: the lead's score after the post. */
	leadScore?: number;
}

/** `ProspectActivity.svc/Create` → `{"Status":"Success","Message":{"Id":"<activity id>"}}`. */
export async function postActivity(client: LeadSquaredClient, body: ActivityBody & { IncludeLeadScore?: true }): Promise<PostedActivity> {
	let answer: unknown;
	try {
		answer = await client.request({ method: 'POST', path: `${PA}Create`, body, idempotent: false, write: true });
	} catch (error) {
		throw asActivityError(error);
	}
	const record = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
	const message = (pick(record, 'Message') ?? {}) as Record<string, unknown>;
	const inner = typeof message === 'object' && message !== null ? message : {};
	const activityId = nonEmptyText(pick(inner, 'Id', 'ProspectActivityId', 'ActivityId'));
	if (activityId === undefined) {
		throw unconfirmedWrite(
			'ProspectActivity.svc/Create',
			'no activity id (Message.Id)',
			'The activity may or may not have been posted: check the lead before sending the item again.',
		);
	}
	const leadId = nonEmptyText(pick(inner, 'RelatedProspectId', 'LeadId', 'ProspectId', 'ProspectID')) ?? nonEmptyText(pick(record, 'RelatedProspectId', 'LeadId'));
	const leadCreated = looseFlag(pick(inner, 'LeadCreated', 'IsLeadCreated', 'IsNewLead'));
	const score = Number(pick(inner, 'LeadScore', 'Score'));
	return {
		activityId,
		...(leadId !== undefined ? { leadId } : {}),
		...(leadCreated !== undefined ? { leadCreated } : {}),
		...(pick(inner, 'LeadScore', 'Score') !== undefined && Number.isFinite(score) ? { leadScore: score } : {}),
	};
}

/**
 * `Bulk/CustomActivity/Add/ByLeadId`: up to 25 activities, one result per row (a failed row fails alone).
 * Answered with only a count of the activities posted (contract §12.2), each row gets what the count tells
 * (model/activity/bulk.ts); when it is neither all nor none, one `Leads/Retrieve/ByIds` call finds the
 * rows on leads LeadSquared does not know, which cannot have been posted.
 */
export async function postActivitiesInBulk(client: LeadSquaredClient, rows: ActivityBody[]): Promise<BulkRowResult[]> {
	let answer: unknown;
	try {
		answer = await client.request({ method: 'POST', path: `${PA}Bulk/CustomActivity/Add/ByLeadId`, body: rows, bulk: true, idempotent: false, write: true });
	} catch (error) {
		throw asActivityError(error);
	}
	const posted = postedCount(answer);
	if (posted !== undefined) {
		const counted = rows.map((row) => ({ leadId: row.RelatedProspectId ?? '', code: row.ActivityEvent }));
		const partly = posted > 0 && posted < rows.length;
		return countedRows(counted, posted, partly ? await knownLeadIds(client, counted.map((row) => row.leadId)) : undefined);
	}
	const results = mapBulkActivityResults(rows.length, answer);
	if (!results) {
		throw unconfirmedWrite(
			'Bulk/CustomActivity/Add/ByLeadId',
			'not a list of row results',
			'The activities may or may not have been posted: check the leads before sending the items again.',
		);
	}
	return results;
}

/** `LeadManagement.svc/Leads.GetByEmailaddress`: the id of the lead with this e-mail address, if any. */
export async function findLeadIdByEmail(client: LeadSquaredClient, email: string): Promise<string | undefined> {
	const answer = await client.request({ method: 'GET', path: 'LeadManagement.svc/Leads.GetByEmailaddress', query: { emailaddress: email } });
	if (!Array.isArray(answer)) throw unexpectedAnswer('Leads.GetByEmailaddress', 'not a list of leads');
	for (const lead of answer) {
		if (!lead || typeof lead !== 'object') continue;
		const id = nonEmptyText(pick(lead as Record<string, unknown>, 'ProspectID', 'ProspectId', 'Id'));
		if (id !== undefined) return id;
	}
	return undefined;
}

export interface ActivityPage {
	rows: IDataObject[];
	recordCount?: number;
}

/** `ProspectActivity.svc/Retrieve?leadId=`: one page of a lead's activities, optionally of one type. */
export async function retrieveActivities(
	client: LeadSquaredClient,
	leadId: string,
	code: number | undefined,
	paging: { offset: number; rowCount: number },
): Promise<ActivityPage> {
	const answer = await client.request({
		method: 'POST',
		path: `${PA}Retrieve`,
		query: { leadId },
		body: {
			...(code !== undefined ? { Parameter: { ActivityEvent: code } } : {}),
			Paging: { Offset: paging.offset, RowCount: paging.rowCount },
		},
	});
	const record = (answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : undefined) as Record<string, unknown> | undefined;
	const list = Array.isArray(answer) ? answer : record ? pick(record, 'ProspectActivities', 'Activities', 'List') : undefined;
	if (!Array.isArray(list)) throw unexpectedAnswer('ProspectActivity.svc/Retrieve', 'no ProspectActivities list');
	const count = record ? Number(pick(record, 'RecordCount')) : NaN;
	return {
		rows: list.filter((row): row is IDataObject => !!row && typeof row === 'object' && !Array.isArray(row)),
		...(Number.isFinite(count) ? { recordCount: count } : {}),
	};
}

/** `POST CustomActivity/Update` [DOC update-activity] → `{"Status":"Success","Message":{"Id":…}}`: the note and fields given change. */
export async function updateActivity(client: LeadSquaredClient, body: ActivityUpdateBody, type: ActivityTypeInfo): Promise<string> {
	try {
		return statusOf(await client.request({ method: 'POST', path: `${PA}CustomActivity/Update`, body, write: true }));
	} catch (error) {
		throw error instanceof LeadSquaredError ? new LeadSquaredError(activityUpdateFailure(error.failure, body, type)) : error;
	}
}

/**
 * `POST DeleteActivities` [DOC delete-activities] → `{"Status":"Success","Message":{"Message":"Your request for delete
 * activities has been queued."}}`: LeadSquared deletes the lead's activities of the listed types later.
 */
export async function deleteActivitiesOfLead(client: LeadSquaredClient, body: ActivityDeletionBody): Promise<{ status: string; message?: string }> {
	let answer: unknown;
	try {
		answer = await client.request({ method: 'POST', path: `${PA}DeleteActivities`, body, write: true });
	} catch (error) {
		throw explainNotFound(error, 'lead', body.ProspectId, "It is the lead's ProspectID, e.g. {{ $json.leadId }} after Lead → Create or Update");
	}
	const record = (answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}) as Record<string, unknown>;
	const inner = pick(record, 'Message');
	const message = nonEmptyText(inner) ?? (inner && typeof inner === 'object' ? nonEmptyText(pick(inner as Record<string, unknown>, 'Message')) : undefined);
	return { status: statusOf(answer), ...(message !== undefined ? { message } : {}) };
}
