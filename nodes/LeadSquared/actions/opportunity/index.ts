import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import type { Execute } from '../resources';

export const operations: Record<string, Execute> = {
	create: create.execute,
	getMany: getMany.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Create an opportunity on a lead (found by its e-mail or another field, or created), with LeadSquared's duplicate detection",
				action: 'Create an opportunity',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a lead's opportunities, optionally of one type",
				action: 'Get many opportunities',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an opportunity's fields or note, by its ID",
				action: 'Update an opportunity',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...getMany.description,
];
