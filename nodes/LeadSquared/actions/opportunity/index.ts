import * as create from './create.operation';
import * as del from './delete.operation';
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
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Create an opportunity on a lead (found by its e-mail or another field, or created), with LeadSquared's duplicate detection",
				action: 'Create an opportunity of a type code on a lead found by email or phone with fields by schema name and dates in ISO 8601',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an opportunity by its ID (types that allow deletion only)',
				action: 'Delete an opportunity by opportunity ID',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an opportunity by its ID, with its fields',
				action: 'Get an opportunity with its fields by opportunity ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a lead's opportunities, optionally of one type",
				action: 'Get many opportunities of a lead by lead ID and optionally one type code',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an opportunity's fields or note, by its ID",
				action: 'Update the fields or note of an opportunity by opportunity ID with dates in ISO 8601',
			},
		],
		default: 'create',
	},
	{ create, update, get, getMany, delete: del },
);
