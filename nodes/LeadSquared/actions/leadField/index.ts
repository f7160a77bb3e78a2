import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['leadField'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					"List the account's lead fields: schema name, display name, type, whether mandatory, dropdown values. Use the schema names with Lead → Create or Update, Update and Get Many.",
				action: 'Get many lead fields with their schema names and types',
			},
		],
		default: 'getMany',
	},
	{ getMany },
);
