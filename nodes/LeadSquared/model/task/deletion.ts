/**
 * Deleting tasks: LeadSquared has only `Task.svc/DeleteTasks` ([DOC] https://apidocs.leadsquared.com/delete-tasks-in-bulk/),
 * a bulk call of up to 5,000 task ids that answers at once and deletes later ("performed asynchronously; the webhook
 * will be invoked when … completed"). Its answer, `{Status, Operation, TasksCount, DeletedTasksCount, FailureReason}`,
 * counts the ids sent and the tasks queued for deletion, without naming them. Here: reading that answer, and what
 * each item learns from it. Pure: no n8n imports.
 */
import { businessFailure } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';

/** The most task ids DeleteTasks takes in one call [DOC]. */
export const MAX_TASK_IDS = 5000;

export interface TaskDeletionCount {
	/** Ids sent (TasksCount). */
	sent?: number;
	/** Tasks queued for deletion (DeletedTasksCount). */
	queued?: number;
}

function count(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
	return Number.isInteger(number) && number >= 0 ? number : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * DeleteTasks' answer: the counts (also read inside `Message`), or the failure it states (`Status` other than
 * Success, or a `FailureReason`); undefined when the answer is not an object at all.
 */
export function readTaskDeletion(answer: unknown): { ok: true; count: TaskDeletionCount } | { ok: false; failure: Failure } | undefined {
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
	const top = answer as Record<string, unknown>;
	const message = top.Message && typeof top.Message === 'object' && !Array.isArray(top.Message) ? (top.Message as Record<string, unknown>) : {};
	const pick = (key: string): unknown => top[key] ?? message[key];
	const reason = text(pick('FailureReason'));
	const status = text(top.Status);
	if (reason !== undefined || (status !== undefined && status.toLowerCase() !== 'success')) {
		const failure = businessFailure(text(top.ExceptionType), reason ?? text(top.ExceptionMessage) ?? `Status "${status}"`, undefined, 'the request');
		return { ok: false, failure: { ...failure, message: `LeadSquared refused to delete the task(s): ${reason ?? status}` } };
	}
	return { ok: true, count: { sent: count(pick('TasksCount')), queued: count(pick('DeletedTasksCount')) } };
}

/** What one item of a DeleteTasks call learns: queued; not found (its call queued nothing); or unknown (the call queued fewer than it sent). */
export type TaskDeletionOutcome = 'queued' | 'notFound' | 'unconfirmed';

/**
 * The outcome of every item of a call that sent `sent` ids (one per item): all queued when LeadSquared counts as
 * many as were sent (or gives no count); none when it counts 0; otherwise LeadSquared does not say which were.
 */
export function taskDeletionOutcome(sent: number, count: TaskDeletionCount): TaskDeletionOutcome {
	if (count.queued === undefined || count.queued >= sent) return 'queued';
	return count.queued === 0 ? 'notFound' : 'unconfirmed';
}
