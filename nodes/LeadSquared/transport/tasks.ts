/**
 * LeadSquared's task endpoints (§11.1, more §4.3): create a to-do or appointment, update one, delete tasks (queued,
 * in bulk), read an owner's tasks, the account's task types, and mark a task complete.
 */
import { explainNotFound, LeadSquaredError } from '../machinery/errors';
import type { Page } from '../machinery/pager';
import type { TaskBody } from '../model/task/body';
import { readTaskDeletion } from '../model/task/deletion';
import type { TaskDeletionCount } from '../model/task/deletion';
import { readTaskTypes } from '../model/task/types';
import type { TaskType } from '../model/task/types';
import type { TaskUpdateBody } from '../model/task/update';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, unconfirmedWrite, unexpectedAnswer } from './shape';

export type { TaskType } from '../model/task/types';

/** What to do when LeadSquared says a task does not exist. */
const NO_TASK = 'Copy the ID (UserTaskId) from Task → Create or Task → Get Many; a deleted task cannot be changed';

export async function createTask(client: LeadSquaredClient, body: TaskBody): Promise<{ status: string; taskId: string }> {
	const answer = await client.request({ method: 'POST', path: 'Task.svc/Create', body, idempotent: false, write: true });
	const taskId = messageId(answer);
	if (taskId === undefined) {
		throw unconfirmedWrite(
			'Task.svc/Create',
			'no task id (Message.Id)',
			"The task may or may not have been created: look at the owner's tasks before running the item again, or it may be created twice.",
		);
	}
	return { status: statusOf(answer), taskId };
}

export async function retrieveTasks(client: LeadSquaredClient, body: Record<string, unknown>): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({ method: 'POST', path: 'Task.svc/Retrieve', body });
	const page = readPage(answer);
	if (!page) throw unexpectedAnswer('Task.svc/Retrieve', 'no List of tasks');
	return page;
}

/** The account's task types (`Task.svc/RetrieveTaskType`), read by model/task/types.ts. */
export async function taskTypes(client: LeadSquaredClient): Promise<TaskType[]> {
	const answer = await client.request({ method: 'GET', path: 'Task.svc/RetrieveTaskType' });
	const page = readPage(answer);
	if (!page) throw unexpectedAnswer('Task.svc/RetrieveTaskType', 'not a list of task types');
	return readTaskTypes(page.rows);
}

/** `GET Task.svc/MarkComplete?id=` [CODE: public client code that used it live; no documentation page]. */
export async function markTaskComplete(client: LeadSquaredClient, taskId: string): Promise<string> {
	const answer = await client.request({ method: 'GET', path: 'Task.svc/MarkComplete', query: { id: taskId }, write: true });
	return statusOf(answer);
}

/** `POST Task.svc/Update` [DOC update-task]: `{"Status":"Success","Message":{"AffectedRows":1,"AutoId":…}}`. */
export async function updateTask(client: LeadSquaredClient, body: TaskUpdateBody): Promise<{ status: string; taskId: string; affectedRows?: number }> {
	let answer: unknown;
	try {
		answer = await client.request({ method: 'POST', path: 'Task.svc/Update', body, write: true });
	} catch (error) {
		throw explainNotFound(error, 'task', body.UserTaskId, NO_TASK);
	}
	const rows = Number((answer as { Message?: { AffectedRows?: unknown } } | null)?.Message?.AffectedRows);
	return { status: statusOf(answer), taskId: body.UserTaskId, ...(Number.isInteger(rows) ? { affectedRows: rows } : {}) };
}

/**
 * `POST Task.svc/DeleteTasks` [DOC delete-tasks-in-bulk]: queues the deletion of the tasks (≤ 5000 ids) and answers at
 * once with the counts; LeadSquared deletes them later and then POSTs its report to `statusWebhookUrl`, when given.
 */
export async function deleteTasks(client: LeadSquaredClient, taskIds: string[], statusWebhookUrl?: string): Promise<TaskDeletionCount> {
	const answer = await client.request({
		write: true,
		method: 'POST',
		path: 'Task.svc/DeleteTasks',
		body: { TaskIds: taskIds, ...(statusWebhookUrl !== undefined ? { StatusWebhookURL: statusWebhookUrl } : {}) },
	});
	const read = readTaskDeletion(answer);
	if (!read) throw unconfirmedWrite('Task.svc/DeleteTasks', 'not an object with TasksCount and DeletedTasksCount', 'The deletion may or may not have been queued: look for the task(s) with Task → Get Many.');
	if (!read.ok) throw new LeadSquaredError(read.failure);
	return read.count;
}
