import * as create from './create.operation';
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
	{ create, update, getMany },
);
