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
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Post an activity (a form fill, a call, a payment…) on a lead given by ID or by e-mail address',
				action: 'Create an activity on a lead by lead ID or email and activity type code with fields by schema name and dates in ISO 8601',
			},
			{
				name: 'Delete Activities of a Lead',
				value: 'delete',
				description:
					'Delete EVERY activity of one type on a lead (optionally between two dates), queued: LeadSquared cannot delete a single activity',
				action: 'Delete activities of a lead by activity ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the activities of a lead, optionally of one type',
				action: 'Get many activities of a lead by lead ID and optionally one activity type code',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a custom activity's note or fields, by its ID",
				action: 'Update the note or fields of an activity by activity ID',
			},
		],
		default: 'create',
	},
	{ create, update, delete: del, getMany },
);
