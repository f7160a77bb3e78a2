import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a note to a lead, optionally with a link to a file',
				action: 'Create a note on a lead by lead ID and return its note ID',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a note of a lead',
				action: 'Delete a note by note ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a lead's notes",
				action: 'Get many notes of a lead by lead ID',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a note's text or its attachment URL",
				action: 'Update the text or attachment of a note by note ID',
			},
		],
		default: 'create',
	},
	{ create, update, delete: del, getMany },
);
