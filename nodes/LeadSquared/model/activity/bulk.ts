/**
 * The other form of `Bulk/CustomActivity/Add/ByLeadId`'s answer: instead of one result per row
 * (`{Response:[…]}`, documented), only how many activities LeadSquared posted,
 * `{"Status":"Success","Message":{"Count":N}}` (a production client accepts it: contract §12.2). What
 * each row of the call learns from that count is worked out here, never claiming more than it says:
 * - all posted: each row was, its id unknown (the item succeeds; the id can be read later);
 * - none posted: no row was (the item fails; sending it again adds no duplicate);
 * - some: a row whose lead LeadSquared does not know cannot have been posted; when the rows left are as
 *   many as the count, each of them was; otherwise which were cannot be told, and each such row says so.
 * Pure: no n8n imports.
 */
import type { ActivityRowResult } from './payload';
import { pick } from './types';
import type { Failure } from '../../machinery/errors';

/** What a counted answer said about the call a row was in. */
export interface BatchCount {
	/** Activities sent in the call. */
	sent: number;
	/** Activities LeadSquared says it posted. */
	posted: number;
}

/** One row of a counted answer: posted (id unknown), or a failure saying whether it was certainly not posted or may have been. */
export type CountedRow =
	| { ok: true; activityId: null; count: BatchCount }
	| { ok: false; failure: Failure; count: BatchCount; posted: false | 'unknown' };

/** A row's result in either form of the answer. */
export type BulkRowResult = ActivityRowResult | CountedRow;

/** N of `{"Status":"Success","Message":{"Count":N}}` (a whole number, also as text); undefined when the answer is not that form. */
export function postedCount(answer: unknown): number | undefined {
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
	const record = answer as Record<string, unknown>;
	if (pick(record, 'Status') !== 'Success') return undefined;
	const message = pick(record, 'Message');
	if (!message || typeof message !== 'object' || Array.isArray(message)) return undefined;
	const count = pick(message as Record<string, unknown>, 'Count');
	const value = typeof count === 'string' && /^\s*\d+\s*$/.test(count) ? Number(count) : count;
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A row of the call: the lead it was posted on and the activity type. */
export interface CountedRowInput {
	leadId: string;
	code: number;
}

function notPosted(count: BatchCount, message: string, description: string): CountedRow {
	return { ok: false, posted: false, count, failure: { kind: 'business', httpCode: 200, message, description } };
}

function unknownLead(row: CountedRowInput, count: BatchCount): CountedRow {
	return notPosted(
		count,
		`No lead with ID ${row.leadId} in this LeadSquared account, so the activity was not posted`,
		`LeadSquared posted ${count.posted} of the ${count.sent} activities of this batch and has no lead with this ID. ` +
			'Check the Lead ID (the lead may have been deleted or merged into another lead); sending the item again adds no duplicate.',
	);
}

function mayBePosted(row: CountedRowInput, count: BatchCount): CountedRow {
	return {
		ok: false,
		posted: 'unknown',
		count,
		failure: {
			kind: 'unexpected',
			httpCode: 200,
			unknownOutcome: true,
			message: `LeadSquared posted ${count.posted} of the ${count.sent} activities of this batch without saying which, so this item's activity may or may not have been posted`,
			description:
				`Before sending this item again, look for it among the activities of type ${row.code} on lead ${row.leadId} (Activity → Get Many): ` +
				'sending it again when it was posted adds a second activity. LeadSquared gave no reason for the activities it did not post; ' +
				"with Send in Batches off, each activity gets LeadSquared's own answer.",
		},
	};
}

/**
 * Each row's result of one bulk call of `rows` (in order) that LeadSquared answered with a count of
 * `posted`. `known`: lower-cased ids of the rows' leads LeadSquared knows, when the caller could check
 * (needed only when 0 < posted < rows).
 */
export function countedRows(rows: readonly CountedRowInput[], posted: number, known?: ReadonlySet<string>): CountedRow[] {
	const count: BatchCount = { sent: rows.length, posted };
	if (posted >= rows.length) return rows.map(() => ({ ok: true, activityId: null, count }));
	if (posted === 0) {
		return rows.map(() =>
			notPosted(
				count,
				`LeadSquared posted none of the ${rows.length} activities of this batch, and gave no reason`,
				"Nothing was posted for this item, so sending it again adds no duplicate. LeadSquared's answer only counted the activities it posted: " +
					"turn off Send in Batches to get LeadSquared's reason for each activity.",
			),
		);
	}
	const isKnown = (row: CountedRowInput) => known === undefined || known.has(row.leadId.toLowerCase());
	const onKnownLeads = rows.filter(isKnown).length;
	// More posted than rows on existing leads: the look-up contradicts the count, so neither is trusted.
	if (known === undefined || posted > onKnownLeads) return rows.map((row) => mayBePosted(row, count));
	return rows.map((row) => {
		if (!isKnown(row)) return unknownLead(row, count);
		return posted === onKnownLeads ? { ok: true, activityId: null, count } : mayBePosted(row, count);
	});
}
