/**
 * Task → Create: `Task.svc/Create` for each item, a to-do or an appointment (the task type decides),
 * optionally about a lead or an opportunity, owned by a user given by id or e-mail.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildTaskBody } from '../../model/task/body';
import type { RelatedTo, TaskBody } from '../../model/task/body';
import { createTask } from '../../transport/tasks';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { locatorOf, ownerLocator, readOwner, taskTypeLocator } from './taskFields';

const properties: INodeProperties[] = [
	taskTypeLocator({
		required: true,
		description:
			'The task type, as set up in LeadSquared (My Account → Settings → Tasks). A to-do type (e.g. Follow Up) makes a to-do, an appointment type (e.g. Meeting) an appointment.',
	}),
	{
		displayName: 'Subject',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Call back about the brochure',
		description: "The task's name, shown in the owner's task list",
	},
	{
		displayName: 'Related To',
		name: 'relatedTo',
		type: 'options',
		default: 'lead',
		options: [
			{ name: 'A Lead', value: 'lead', description: 'The task appears on the lead (RelatedEntity 1)' },
			{ name: 'An Opportunity', value: 'opportunity', description: 'The task appears on the opportunity (RelatedEntity 5)' },
			{ name: 'Nothing', value: 'none', description: 'A task of the owner only (RelatedEntity 0)' },
		],
		description: 'What the task is about',
	},
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.leadId }}',
		description: "The lead's ID (ProspectID), e.g. the leadId output by Lead → Create or Update",
		displayOptions: { show: { relatedTo: ['lead'] } },
	},
	{
		displayName: 'Opportunity ID',
		name: 'opportunityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.opportunityId }}',
		description: "The opportunity's ID, e.g. the opportunityId output by Opportunity → Create",
		displayOptions: { show: { relatedTo: ['opportunity'] } },
	},
	ownerLocator({
		description: 'The user the task is assigned to, by ID or e-mail address. Leave empty for the user whose API keys the credential holds.',
	}),
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'When the task is due (an appointment: when it starts). Leave empty for now.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Custom Field',
				description: "The task type's own fields, by schema name (sent as CustomFields)",
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Field Name', name: 'name', type: 'string', default: '', placeholder: 'mx_Custom_1' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description:
					"When the task ends. Leave empty for LeadSquared's default: the due date plus the type's default duration for an appointment.",
			},
			{ displayName: 'Location', name: 'location', type: 'string', default: '', description: 'Where an appointment takes place' },
			{
				displayName: 'Notify Owner by Email',
				name: 'notifyByEmail',
				type: 'boolean',
				default: true,
				description: 'Whether LeadSquared e-mails the owner about the task (NotifyBy 1100); off sends NotifyBy 1000 (no notification)',
			},
			{
				displayName: 'Reminder (Minutes Before)',
				name: 'reminderMinutes',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 30,
				description: 'For appointments: how many minutes before the start the owner is reminded',
			},
			{
				displayName: 'Reminder Days Before',
				name: 'reminderDaysBefore',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 1,
				description: 'For to-dos: how many days before the due date the owner is reminded (with Reminder Time)',
			},
			{
				displayName: 'Reminder Time',
				name: 'reminderTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10:00',
				description: 'For to-dos: the time of day of the reminder, HH:mm or HH:mm:ss',
			},
		],
	},
	optionsCollection([dateTimezoneOption], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['task'], operation: ['create'] }, properties);

function readBody(context: IExecuteFunctions, itemIndex: number, timezone: string): TaskBody {
	const relatedTo = context.getNodeParameter('relatedTo', itemIndex, 'lead') as RelatedTo;
	const extra = (context.getNodeParameter('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
	const custom = (extra.customFields as { field?: Array<{ name?: unknown; value?: unknown }> } | undefined)?.field ?? [];
	return buildTaskBody(
		{
			taskType: locatorOf(context, 'taskType', itemIndex).value,
			name: context.getNodeParameter('name', itemIndex, ''),
			relatedTo,
			relatedId: relatedTo === 'none' ? undefined : context.getNodeParameter(relatedTo === 'lead' ? 'leadId' : 'opportunityId', itemIndex, ''),
			owner: readOwner(context, itemIndex),
			dueDate: context.getNodeParameter('dueDate', itemIndex, ''),
			endDate: extra.endDate,
			description: extra.description,
			reminderMinutes: extra.reminderMinutes,
			reminderDaysBefore: extra.reminderDaysBefore,
			reminderTime: extra.reminderTime,
			notifyByEmail: typeof extra.notifyByEmail === 'boolean' ? extra.notifyByEmail : undefined,
			location: extra.location,
			customFields: custom.map((entry) => ({ name: entry.name, value: entry.value })),
		},
		timezone,
	);
}

class CreateTask implements Operation<TaskBody, string> {
	async setup(run: RunContext): Promise<string> {
		return readTimezone(run.context, run.options);
	}

	prepare(run: RunContext, index: number, _item: INodeExecutionData, timezone: string): TaskBody {
		return readBody(run.context, index, timezone);
	}

	async send(run: RunContext, { prepared }: Entry<TaskBody>): Promise<IDataObject> {
		return { ...(await createTask(run.client, prepared)) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateTask());
}
