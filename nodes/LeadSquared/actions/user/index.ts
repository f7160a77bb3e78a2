import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a LeadSquared user by ID or e-mail address',
				action: 'Get a user by user ID or email',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get every user of the account, or the users that meet conditions',
				action: 'Get many users with the user ID and name and email and role of each',
			},
		],
		default: 'get',
	},
	{ get, getMany },
);
