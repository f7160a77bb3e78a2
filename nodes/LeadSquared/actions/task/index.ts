import * as complete from './complete.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
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
				action: 'Complete a task',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a to-do or an appointment for a user, about a lead or an opportunity',
				action: 'Create a task',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a user's tasks, by due date, status and type",
				action: 'Get many tasks',
			},
		],
		default: 'create',
	},
	{ create, getMany, complete },
);
