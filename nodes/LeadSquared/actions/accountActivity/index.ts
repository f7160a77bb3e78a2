import * as create from './create.operation';
import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountActivity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Post an activity on an account',
				action: 'Create an account activity by account ID and activity type code',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get an account's activities",
				action: 'Get many account activities of an account by account ID',
			},
		],
		default: 'create',
	},
	{ create, getMany },
);
