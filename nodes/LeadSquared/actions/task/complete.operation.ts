/**
 * Task → Complete: `GET Task.svc/MarkComplete?id=` for each item. No LeadSquared documentation page
 * describes this endpoint; public client code calls it against live accounts (contract §11.1, sandbox
 * README). Completing a completed task succeeds and changes nothing.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { requiredText } from '../../values/checks';
import { markTaskComplete } from '../../transport/tasks';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { taskIdProperty } from './taskFields';

const properties: INodeProperties[] = [
	taskIdProperty,
	optionsCollection([], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['task'], operation: ['complete'] }, properties);

class CompleteTask implements Operation<string> {
	prepare(run: RunContext, index: number): string {
		return requiredText(run.context.getNodeParameter('taskId', index, ''), 'Task ID', 'taskId', 'Give the ID of the task to complete (UserTaskId).');
	}

	keys(taskId: string): string[] {
		return [`task:${taskId.toLowerCase()}`];
	}

	check(taskId: string): WriteCheck {
		return { record: 'task', change: 'complete', read: 'Task → Get Many', key: `its owner; ${keyOf('task ID', taskId)}` };
	}

	async send(run: RunContext, { prepared: taskId }: Entry<string>): Promise<IDataObject> {
		return { status: await markTaskComplete(run.client, taskId), taskId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CompleteTask());
}
