import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskType'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					"List the account's task types: name, ID, appointment or to-do, an appointment's default duration. Use the name as the Task Type of Task → Create.",
				action: 'Get many task types with the names to create tasks',
			},
		],
		default: 'getMany',
	},
	{ getMany },
);
