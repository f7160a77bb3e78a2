import * as sendToLead from './sendToLead.operation';
import { resourceOf } from '../utils';

export const { operations, description } = resourceOf(
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: [
			{
				name: 'Send to Lead',
				value: 'sendToLead',
				description: 'Send an e-mail (HTML or a template) to a lead, now or at a scheduled time',
				action: 'Send an email to a lead by lead ID now or at a time in ISO 8601',
			},
		],
		default: 'sendToLead',
	},
	{ sendToLead },
);
