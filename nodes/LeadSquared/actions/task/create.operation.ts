/**
 * Task → Create: `Task.svc/Create` for each item, a to-do or an appointment (the task type decides),
 * optionally about a lead or an opportunity, owned by a user given by id or e-mail.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { buildTaskBody } from '../../model/task/body';
import type { RelatedTo, TaskBody } from '../../model/task/body';
import { createTask } from '../../transport/tasks';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { customFieldEntries, dueDateProperty, leadIdProperty, locatorOf, opportunityIdProperty, ownerLocator, readOwner, subjectProperty, taskDetailOptions, taskTypeLocator } from './taskFields';

const properties: INodeProperties[] = [
	taskTypeLocator({
		required: true,
		description:
			'The task type, as set up in LeadSquared (My Account → Settings → Tasks). A to-do type (e.g. Follow Up) makes a to-do, an appointment type (e.g. Meeting) an appointment.',
	}),
	{ ...subjectProperty, required: true },
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
	{ ...leadIdProperty, required: true, displayOptions: { show: { relatedTo: ['lead'] } } },
	{ ...opportunityIdProperty, required: true, displayOptions: { show: { relatedTo: ['opportunity'] } } },
	ownerLocator({
		description: 'The user the task is assigned to, by ID or e-mail address. Leave empty for the user whose API keys the credential holds.',
	}),
	{ ...dueDateProperty, description: 'When the task is due (an appointment: when it starts). Leave empty for now.' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: taskDetailOptions,
	},
	optionsCollection([dateTimezoneOption], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['task'], operation: ['create'] }, properties);

function readBody(context: IExecuteFunctions, itemIndex: number, timezone: string): TaskBody {
	const relatedTo = context.getNodeParameter('relatedTo', itemIndex, 'lead') as RelatedTo;
	const extra = (context.getNodeParameter('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
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
			customFields: customFieldEntries(extra),
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

	check(body: TaskBody): WriteCheck {
		const owner = body.OwnerEmailAddress ?? body.OwnerId;
		const key = [owner !== undefined ? keyOf('owner', owner) : "the keys' user as owner", keyOf('type', body.TaskType.Name), ...(body.DueDate ? [keyOf('due', body.DueDate)] : [])];
		return { record: 'task', change: 'create', read: 'Task → Get Many', key: `${key.join(', ')}; look for ${keyOf('the subject', body.Name)}` };
	}

	async send(run: RunContext, { prepared }: Entry<TaskBody>): Promise<IDataObject> {
		return { ...(await createTask(run.client, prepared)) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateTask());
}
