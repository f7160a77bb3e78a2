/** The LeadSquared Trigger's parameters. */
import type { INodeProperties } from 'n8n-workflow';

import { TRIGGER_EVENTS } from './events';

const ACTIVITY_EVENTS = TRIGGER_EVENTS.filter((event) => event.family === 'activity').map((event) => event.key);
const OPPORTUNITY_EVENTS = TRIGGER_EVENTS.filter((event) => event.family === 'opportunity').map((event) => event.key);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Activating the workflow registers one LeadSquared webhook per event (an administrator\'s API keys are needed, and each event uses one webhook of your plan). Without them, use the LeadSquared Polling Trigger.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: TRIGGER_EVENTS.map((event) => ({ name: event.name, value: event.key, description: event.description })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: [],
		description: 'The LeadSquared events that start the workflow; each makes one item per event',
	},
	{
		displayName: 'Activity Type Name or ID',
		name: 'activityType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTriggerActivityTypes' },
		displayOptions: { show: { events: ACTIVITY_EVENTS } },
		default: '',
		description:
			'Only activities of this type. Some LeadSquared accounts require one type for activity webhooks. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Opportunity Type Name or ID',
		name: 'opportunityType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTriggerOpportunityTypes' },
		displayOptions: { show: { events: OPPORTUNITY_EVENTS } },
		default: '',
		description: 'Only opportunities of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Fields to Watch Names or IDs',
		name: 'watchFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTriggerLeadFields' },
		displayOptions: { show: { events: ['lead.fieldUpdated'] } },
		default: [],
		description:
			'For Lead Field Updated: only changes of these fields start the workflow (none: any field). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Landing Page URLs',
		name: 'landingPageUrls',
		type: 'string',
		displayOptions: { show: { events: ['landingPage.submitted'] } },
		default: '',
		placeholder: 'https://example.com/enquiry, https://example.com/brochure',
		description: 'For Landing Page Submitted: only these pages, separated by commas (empty: every landing page)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Delivery Format',
				name: 'contentType',
				type: 'options',
				options: [
					{ name: 'Form Fields', value: 'form' },
					{ name: 'JSON', value: 'json' },
					{ name: 'Plain Text Holding JSON', value: 'text' },
				],
				default: 'json',
				description: 'How LeadSquared posts events (its Content Type setting); the trigger reads all three',
			},
			{
				displayName: 'Notify on Failure',
				name: 'notifyOnFailure',
				type: 'boolean',
				default: true,
				description: "Whether LeadSquared e-mails the account's administrators when it cannot deliver an event",
			},
			{
				displayName: 'Typed Values',
				name: 'typedValues',
				type: 'boolean',
				default: true,
				description:
					'Whether to return numbers, true/false and dates (ISO 8601, UTC) by the field types of your account, instead of the text LeadSquared sends for every value',
			},
		],
	},
];
