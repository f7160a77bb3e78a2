import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import type { Execute } from '../resources';

export const operations: Record<string, Execute> = {
	create: create.execute,
	getMany: getMany.execute,
};

export const description: INodeProperties[] = [
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
	...create.description,
	...getMany.description,
];
