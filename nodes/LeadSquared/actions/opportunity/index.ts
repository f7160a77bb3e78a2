import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
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
				name: 'Delete',
				value: 'delete',
				description: 'Delete an opportunity by its ID (types that allow deletion only)',
				action: 'Delete an opportunity',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an opportunity by its ID, with its fields',
				action: 'Get an opportunity',
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
	{ create, update, get, getMany, delete: del },
);
