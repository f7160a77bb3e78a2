import type { INodeProperties } from 'n8n-workflow';

import * as createOrUpdate from './createOrUpdate.operation';
import type { Execute } from '../resources';

export const operations: Record<string, Execute> = {
	createOrUpdate: createOrUpdate.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a new lead, or update the existing lead that matches',
				action: 'Create or update a lead',
			},
		],
		default: 'createOrUpdate',
	},
	...createOrUpdate.description,
];
