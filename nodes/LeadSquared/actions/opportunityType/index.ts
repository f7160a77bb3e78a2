import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunityType'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					"List the account's opportunity types with their fields: use a type's code and its fields' schema names with Opportunity → Create and Update",
				action: 'Get many opportunity types with their codes and fields',
			},
		],
		default: 'getMany',
	},
	{ getMany },
);
