/**
 * Reading LeadSquared's answers tolerantly: lists that may come bare or inside `List`, ids inside
 * `Message`, and the error for an answer that is not the documented shape.
 */
import { LeadSquaredError } from '../machinery/errors';
import type { Page } from '../machinery/pager';

export function unexpectedAnswer(endpoint: string, what: string, description?: string): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'unexpected',
		httpCode: 200,
		message: `LeadSquared answered ${endpoint} with JSON that is not the documented shape: ${what}`,
		description,
	});
}

/**
 * A write LeadSquared answered in a shape that does not say whether it was applied (no id, no Status
 * "Success"): its outcome is unknown, and the item's message says how to check (machinery/outcome.ts).
 */
export function unconfirmedWrite(endpoint: string, what: string, description?: string): LeadSquaredError {
	const { failure } = unexpectedAnswer(endpoint, what, description);
	return new LeadSquaredError({ ...failure, unknownOutcome: true });
}

/** LeadSquared accepted a change but its answer is not the documented success; whether it applied the change is unknown. */
export function unconfirmedChange(endpoint: string, what: string, change: string): LeadSquaredError {
	return unconfirmedWrite(endpoint, what, `The ${change} may or may not have been applied; running the item again is safe.`);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * `{RecordCount, List}` (documented), a bare list, or the rows under another key some answers use
 * (`listKeys`, tried in order, in either first-letter case); undefined for anything else.
 */
export function readPage(answer: unknown, listKeys: readonly string[] = ['List']): Page<Record<string, unknown>> | undefined {
	const record = asRecord(answer);
	const list = Array.isArray(answer) ? answer : record ? listKeys.map((key) => record[key] ?? record[lowerFirst(key)]).find(Array.isArray) : undefined;
	if (!Array.isArray(list)) return undefined;
	const rows = list.filter((row): row is Record<string, unknown> => asRecord(row) !== undefined);
	const total = Number(record?.RecordCount);
	return { rows, total: record?.RecordCount !== undefined && record.RecordCount !== null && Number.isFinite(total) ? total : undefined };
}

function lowerFirst(key: string): string {
	return key.charAt(0).toLowerCase() + key.slice(1);
}

/**
 * The id of `{"Status":"Success","Message":{"Id":"…"}}` (also a top-level Id); undefined when there is none.
 * With `bareId`, `Message` may also be the id itself (`{"Status":"Success","Message":"<id>"}`), when it is one
 * word (a sentence such as "Created successfully" is not an id).
 */
export function messageId(answer: unknown, options: { bareId?: boolean } = {}): string | undefined {
	const record = asRecord(answer);
	const message = record?.Message;
	if (options.bareId && typeof message === 'string' && /^[\w-]+$/.test(message.trim())) return message.trim();
	const id = asRecord(message)?.Id ?? record?.Id;
	return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

/** A list answered bare (documented) or inside `Message` (`{Status, Message:[…]}`); undefined for anything else. */
export function listOrMessageList(answer: unknown): unknown[] | undefined {
	if (Array.isArray(answer)) return answer;
	const message = asRecord(answer)?.Message;
	return Array.isArray(message) ? message : undefined;
}

/** Whether an answer says `Status: "Success"` (an answer without it does not). */
export function succeeded(answer: unknown): boolean {
	return (answer as { Status?: unknown } | null)?.Status === 'Success';
}

/** `Status` of an answer, 'Success' when it has none. */
export function statusOf(answer: unknown): string {
	const status = asRecord(answer)?.Status;
	return typeof status === 'string' && status !== '' ? status : 'Success';
}
