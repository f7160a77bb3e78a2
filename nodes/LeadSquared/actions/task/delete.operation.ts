/**
 * Task → Delete: LeadSquared deletes tasks only through its bulk call `Task.svc/DeleteTasks`, which queues the
 * deletion and answers at once; the tasks go later. One call per item (so each item learns whether its task was
 * found), or with "Send in Batches" up to 5,000 items per call. Each item's output says the deletion is queued,
 * not done, and how to check.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { requiredText } from '../../values/checks';
import { MAX_TASK_IDS, taskDeletionOutcome } from '../../model/task/deletion';
import type { TaskDeletionCount } from '../../model/task/deletion';
import { deleteTasks } from '../../transport/tasks';
import { numberOption, optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Batching, Entry, Operation, Outcome, RunContext } from '../engine';
import { readStatusWebhookUrl, statusWebhookUrlOption } from '../queuedDeletion';
import { showFor } from '../utils';
import { taskIdProperty } from './taskFields';

const HOW_TO_CHECK =
	'The task is deleted when LeadSquared has run the deletion; until then it still shows in Task → Get Many. To be told when it has run, set Options → Status Webhook URL';

const properties: INodeProperties[] = [
	{
		displayName:
			'LeadSquared deletes tasks only in the background (its bulk call Task.svc/DeleteTasks): each item comes out as soon as the deletion is QUEUED, before the task is gone. The output says so; Task → Get Many shows whether it has gone. Deleting cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	taskIdProperty,
	optionsCollection(
		[
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_TASK_IDS, numberPrecision: 0 },
				default: 100,
				description: 'Task IDs per call when "Send in Batches" is on (LeadSquared takes up to 5,000)',
			},
			{
				displayName: 'Send in Batches',
				name: 'sendInBatches',
				type: 'boolean',
				default: false,
				description:
					"Whether to send many items' task IDs in one call. LeadSquared then only counts the tasks it queued: when a batch holds an ID no task has, its items cannot tell which one, and say so (deletion: unconfirmed). Off: one call per item, and an unknown ID fails its item.",
			},
			statusWebhookUrlOption,
		],
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['task'], operation: ['delete'] }, properties);

interface Setup {
	statusWebhookUrl?: string;
}

/** One item's output: its task, that its deletion is queued (or not confirmed), and how to check. */
function output(taskId: string, outcome: 'queued' | 'unconfirmed', sent: number, count: TaskDeletionCount, batched: boolean): IDataObject {
	const counts = batched ? { tasksInCall: sent, queuedInCall: count.queued ?? null } : {};
	if (outcome === 'unconfirmed') {
		return {
			status: 'Success',
			taskId,
			deletion: 'unconfirmed',
			...counts,
			note: `LeadSquared queued ${count.queued} of the ${sent} tasks of this call for deletion without saying which: an ID that no task has is not deleted. ${HOW_TO_CHECK}.`,
		};
	}
	return { status: 'Success', taskId, deletion: 'queued', ...counts, note: `The deletion is queued, not done yet. ${HOW_TO_CHECK}.` };
}

function notFound(taskId: string, count: TaskDeletionCount): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'business',
		message: `No task with the ID "${taskId}" was found in LeadSquared: nothing was queued for deletion`,
		description: `LeadSquared's DeleteTasks answered TasksCount ${count.sent ?? 1}, DeletedTasksCount 0. Copy the ID (UserTaskId) from Task → Create or Task → Get Many; a task already deleted is not found either.`,
	});
}

class DeleteTasks implements Operation<string, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return { statusWebhookUrl: readStatusWebhookUrl(run.options) };
	}

	prepare(run: RunContext, index: number): string {
		return requiredText(run.context.getNodeParameter('taskId', index, ''), 'Task ID', 'taskId', 'Give the ID of the task to delete (UserTaskId).');
	}

	/** An ID twice in one call would make LeadSquared's counts unreadable (TasksCount counts it twice). */
	keys(taskId: string): string[] {
		return [`task:${taskId.toLowerCase()}`];
	}

	check(taskId: string): WriteCheck {
		return { record: 'task', change: 'delete', read: 'Task → Get Many', key: `its owner; ${keyOf('task ID', taskId)}` };
	}

	async send(run: RunContext, { prepared: taskId }: Entry<string>, setup: Setup): Promise<IDataObject> {
		const count = await deleteTasks(run.client, [taskId], setup.statusWebhookUrl);
		const outcome = taskDeletionOutcome(1, count);
		if (outcome === 'notFound') throw notFound(taskId, count);
		return output(taskId, outcome, 1, count, false);
	}

	batching(run: RunContext, setup: Setup): Batching<string> | undefined {
		if (run.options.sendInBatches !== true) return undefined;
		const size = numberOption(run.options, { name: 'batchSize', label: 'Batch Size', min: 1, max: MAX_TASK_IDS, whole: true, fallback: 100 });
		return {
			size,
			max: MAX_TASK_IDS,
			send: async (entries): Promise<Outcome[]> => {
				const ids = entries.map((entry) => entry.prepared);
				const count = await deleteTasks(run.client, ids, setup.statusWebhookUrl);
				const outcome = taskDeletionOutcome(ids.length, count);
				return entries.map(({ index, prepared: taskId }) =>
					outcome === 'notFound'
						? { index, ok: false, error: notFound(taskId, count), extra: { tasksInCall: ids.length, queuedInCall: 0 } }
						: { index, ok: true, json: [output(taskId, outcome, ids.length, count, true)] },
				);
			},
		};
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new DeleteTasks());
}
