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
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Post an activity (a form fill, a call, a payment…) on a lead given by ID or by e-mail address',
				action: 'Create an activity',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the activities of a lead, optionally of one type',
				action: 'Get many activities',
			},
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
];
