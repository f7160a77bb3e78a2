/**
 * Task → Update: `Task.svc/Update` for each item, by task id: only the fields the item gives change (the same
 * fields, checks and conversions as Task → Create), the others stay as they are.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { buildTaskUpdateBody } from '../../model/task/update';
import type { EmptyValues, TaskUpdateBody, TaskUpdateFields } from '../../model/task/update';
import { updateTask } from '../../transport/tasks';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import { leadWriteOptions } from '../lead/leadFields';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { customFieldEntries, dueDateProperty, taskIdProperty, leadIdProperty, opportunityIdProperty, ownerLocator, readOwner, subjectProperty, taskDetailOptions } from './taskFields';

const emptyValuesOption = leadWriteOptions.find((option) => option.name === 'emptyValues') as INodeProperties;

const updateFields: INodeProperties[] = [
	subjectProperty,
	{ ...leadIdProperty, description: 'Make the task about this lead (RelatedEntity 1), e.g. {{ $json.leadId }}' },
	{ ...opportunityIdProperty, description: 'Make the task about this opportunity (RelatedEntity 5), e.g. {{ $json.opportunityId }}' },
	dueDateProperty,
	...taskDetailOptions,
];

const properties: INodeProperties[] = [
	taskIdProperty,
	ownerLocator({
		description: 'A new owner for the task, by ID or e-mail address. Leave empty to keep its owner.',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; the fields not added keep their values. The task type cannot be changed.',
		options: updateFields.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(
		[
			dateTimezoneOption,
			{
				...emptyValuesOption,
				description:
					'What to do with a field added under Update Fields whose value is empty (e.g. an expression that gives nothing). Send Empty clears Description, Location, Reminder Time and custom fields; the other fields of a task cannot be emptied and fail the item.',
			},
		],
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['task'], operation: ['update'] }, properties);

interface Prepared {
	body: TaskUpdateBody;
	skippedFields: string[];
}

/** The Update Fields of one item: the keys the user added, custom fields as a list. */
function readFields(context: IExecuteFunctions, index: number): TaskUpdateFields {
	const collection = (context.getNodeParameter('updateFields', index, {}) ?? {}) as IDataObject;
	const { customFields: _custom, ...fields } = collection;
	const custom = customFieldEntries(collection);
	return { ...fields, ...(custom !== undefined ? { customFields: custom } : {}) };
}

class UpdateTask implements Operation<Prepared, string> {
	async setup(run: RunContext): Promise<string> {
		return readTimezone(run.context, run.options);
	}

	prepare(run: RunContext, index: number, _item: INodeExecutionData, timezone: string): Prepared {
		const { context, options } = run;
		const emptyValues = (options.emptyValues as EmptyValues | undefined) ?? 'fail';
		return buildTaskUpdateBody(
			{ taskId: context.getNodeParameter('taskId', index, ''), owner: readOwner(context, index), fields: readFields(context, index) },
			timezone,
			emptyValues,
		);
	}

	keys(prepared: Prepared): string[] {
		return [`task:${prepared.body.UserTaskId.toLowerCase()}`];
	}

	check({ body }: Prepared): WriteCheck {
		return {
			record: 'task',
			change: 'update',
			read: 'Task → Get Many',
			key: `its owner; ${keyOf('task ID', body.UserTaskId)}`,
			safeRepeat: 'it sets the same values on the same task',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		return { ...(await updateTask(run.client, prepared.body)), ...(prepared.skippedFields.length > 0 ? { skippedFields: prepared.skippedFields } : {}) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateTask());
}
