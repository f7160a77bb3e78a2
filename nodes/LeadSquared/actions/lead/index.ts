import * as addToList from './addToList.operation';
import * as changeOwner from './changeOwner.operation';
import * as changeStage from './changeStage.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteLead from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeFromList from './removeFromList.operation';
import * as update from './update.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Add to List',
				value: 'addToList',
				description: 'Add a lead to a static list',
				action: 'Add a lead to a static list by lead ID and list ID',
			},
			{
				name: 'Change Owner',
				value: 'changeOwner',
				description: 'Give a lead a new owner (an active user), by the lead\'s ID',
				action: 'Change the owner of a lead by lead ID to a user given by user ID or email',
			},
			{
				name: 'Change Stage',
				value: 'changeStage',
				description: 'Move a lead to another of your lead stages, by the lead\'s ID',
				action: 'Change the stage of a lead by lead ID to a lead stage name',
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a new lead, or update the existing lead that matches',
				action: 'Create or update a lead matched by email with fields by schema name and dates in ISO 8601 and return its lead ID',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a lead by its ID (LeadSquared enables this on request)',
				action: 'Delete a lead by lead ID',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one lead by its ID, e-mail address or phone number',
				action: 'Get a lead by lead ID or email or phone number and return its fields by schema name',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the leads that meet conditions, or that a quick search finds',
				action: 'Get many leads by field conditions or a quick search on name or email or phone or company',
			},
			{
				name: 'Remove From List',
				value: 'removeFromList',
				description: 'Remove a lead from a static list',
				action: 'Remove a lead from a static list by lead ID and list ID',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update the fields of a lead by its ID',
				action: 'Update a lead by lead ID with fields by schema name and dates in ISO 8601',
			},
		],
		default: 'createOrUpdate',
	},
	{ createOrUpdate, update, changeOwner, changeStage, delete: deleteLead, get, getMany, addToList, removeFromList },
);
