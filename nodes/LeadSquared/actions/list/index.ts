import * as create from './create.operation';
import * as getLeads from './getLeads.operation';
import * as getMany from './getMany.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an empty static list (a marketing list that leads are added to)',
				action: 'Create an empty static list and return its list ID',
			},
			{
				name: 'Get Leads',
				value: 'getLeads',
				description: 'Get the leads in a static, dynamic or refreshable list',
				action: 'Get the leads in a list by list ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get the account's lists, of one type or all, optionally by name",
				action: 'Get many lists with the list ID and name of each',
			},
		],
		default: 'getMany',
	},
	{ create, getLeads, getMany },
);
