import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an account (company) of an existing account type',
				action: 'Create an account of an account type and return its ID',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an account, optionally with its leads',
				action: 'Delete an account by account ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Search the accounts of a type by name, a field condition or a date range',
				action: 'Get many accounts of a type by name or a field condition or a date range',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an account's name, owner or fields",
				action: 'Update the name or owner or fields of an account by account ID',
			},
		],
		default: 'create',
	},
	{ create, delete: deleteOperation, getMany, update },
);
