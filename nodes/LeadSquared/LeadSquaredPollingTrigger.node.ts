import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { typedValuesOption } from './actions/typedValues';
import * as credentialTest from './methods/credentialTest';
import { getPollingActivityTypes } from './trigger/methods';
import { DEFAULT_MAX_RECORDS, poll } from './trigger/poll';

export class LeadSquaredPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Polling Trigger',
		name: 'leadSquaredPollingTrigger',
		icon: { light: 'file:leadsquared.svg', dark: 'file:leadsquared.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on a schedule with the leads or activities that changed in LeadSquared since the last check (no webhooks needed)',
		defaults: { name: 'LeadSquared Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Activity', value: 'activityCreated', description: 'An activity of the chosen type is posted' },
					{ name: 'New Lead', value: 'leadCreated', description: 'A lead is created' },
					{ name: 'New or Updated Activity', value: 'activityCreatedOrUpdated', description: 'An activity of the chosen type is posted or changed' },
					{ name: 'New or Updated Lead', value: 'leadCreatedOrUpdated', description: 'A lead is created or any of its fields changes' },
				],
				default: 'leadCreatedOrUpdated',
				description: 'What starts the workflow; each check emits every new record or change once',
			},
			{
				displayName: 'Activity Type Name or ID',
				name: 'activityType',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPollingActivityTypes' },
				displayOptions: { show: { event: ['activityCreated', 'activityCreatedOrUpdated'] } },
				required: true,
				default: '',
				description: 'The activity type to watch. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Records per Poll',
						name: 'maxRecordsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: DEFAULT_MAX_RECORDS,
						description:
							'Most records one check emits. When more changed (after a pause or a bulk change), the next check goes on where this one stopped, so nothing is lost. Records changed in the same second are never split, so a check can emit a few more.',
					},
					typedValuesOption,
				],
			},
		],
	};

	methods = { credentialTest, loadOptions: { getPollingActivityTypes } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
