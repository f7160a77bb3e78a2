import * as cancel from './cancel.operation';
import * as create from './create.operation';
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
		displayOptions: { show: { resource: ['salesActivity'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel a sales activity (a refund or a return), with a reason',
				action: 'Cancel a sales activity by its ID with a reason',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Record a sale of one or more products on a lead (one sales activity per product)',
				action: 'Create a sales activity for each product sold to a lead by lead ID with dates in ISO 8601',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a sales activity by its ID',
				action: 'Get a sales activity by its ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a lead's sales activities",
				action: 'Get many sales activities of a lead by lead ID',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a sales activity's product, order value, date, owner or status",
				action: 'Update a sales activity by its ID with dates in ISO 8601',
			},
		],
		default: 'create',
	},
	{ create, update, get, getMany, cancel },
);
