import * as create from './create.operation';
import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a note to a lead, optionally with a link to a file',
				action: 'Create a note',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a lead's notes",
				action: 'Get many notes',
			},
		],
		default: 'create',
	},
	{ create, getMany },
);
