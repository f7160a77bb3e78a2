import * as create from './create.operation';
import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
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
	{ create, getMany },
);
