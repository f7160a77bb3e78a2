import * as complete from './complete.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				description: 'Mark a task as completed',
				action: 'Complete a task by task ID',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a to-do or an appointment for a user, about a lead or an opportunity',
				action: 'Create a task of a task type for an owner by user ID or email about a lead or opportunity by ID with dates in ISO 8601',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a task. LeadSquared queues the deletion: the task goes a little later.',
				action: 'Delete a task by task ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a user's tasks, by due date, status and type",
				action: 'Get many tasks of a user by user ID or email and due dates in ISO 8601 and status',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a task's subject, owner, dates, reminders or other fields, by its ID",
				action: 'Update a task by task ID with dates in ISO 8601',
			},
		],
		default: 'create',
	},
	{ create, update, delete: del, getMany, complete },
);
