import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activityType'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					"List the account's activity types with their fields: use a custom type's code and its fields' schema names with Activity → Create",
				action: 'Get many activity types with the codes and fields to post activities',
			},
		],
		default: 'getMany',
	},
	{ getMany },
);
