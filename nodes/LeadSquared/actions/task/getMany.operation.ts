/**
 * Task → Get Many: an owner's tasks (`Task.svc/Retrieve`), filtered by due-date window, status and type.
 * LeadSquared answers to-dos only for windows of at most 100 days: a longer window is asked as
 * consecutive windows of at most 100 days, merged in due-date order without repeats. Return All / Limit
 * page by Offset/RowCount.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isBlank, optionalDateTime } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { kindIndex } from '../../values/kinds';
import { Collector } from '../../machinery/pager';
import { retrieveTasksBody } from '../../model/task/body';
import type { TaskQuery, TaskStatus } from '../../model/task/body';
import { splitWindow } from '../../model/task/windows';
import type { DateWindow } from '../../model/task/windows';
import { retrieveTasks, taskTypes } from '../../transport/tasks';
import type { TaskType } from '../../transport/tasks';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { locatorOf, ownerLocator, readOwner, taskTypeLocator } from './taskFields';

/** Tasks per call [INF: the documented example asks for 200]. */
export const TASK_PAGE_SIZE = 100;
/** The largest page asked for when tasks missing from the pages are read again [INF: no limit is documented]. */
const TASK_MAX_PAGE_SIZE = 1000;
const TASK_KINDS = kindIndex({ DueDate: 'dateTime', EndDate: 'dateTime', CompletedOn: 'dateTime', CreatedOn: 'dateTime', ModifiedOn: 'dateTime' });

const properties: INodeProperties[] = [
	ownerLocator({
		required: true,
		description: "Whose tasks to read: a user chosen from the list, or the user's ID or e-mail address",
	}),
	{
		displayName: 'Due From',
		name: 'dueFrom',
		type: 'dateTime',
		default: '',
		description: 'Only tasks due at or after this date. Windows longer than 100 days are read in several calls (LeadSquared allows 100 days for to-dos).',
	},
	{
		displayName: 'Due To',
		name: 'dueTo',
		type: 'dateTime',
		default: '',
		description: 'Only tasks due at or before this date',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Completed', value: 'completed', description: 'StatusCode 1' },
			{ name: 'Pending', value: 'pending', description: 'Not completed yet (StatusCode 0)' },
		],
		description: 'Only tasks with this status',
	},
	taskTypeLocator({ description: 'Only tasks of this type. Leave empty for every type.' }, true),
	...listingProperties,
	optionsCollection(
		[
			dateTimezoneOption,
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'dueFirst',
				options: [
					{ name: 'Earliest Due First', value: 'dueFirst' },
					{ name: 'Latest Due First', value: 'dueLast' },
				],
				description: 'The order of the tasks, by due date',
			},
			{ ...typedValuesOption, description: `${typedValuesOption.description}. Task dates become ISO 8601 (UTC).` },
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['task'], operation: ['getMany'] }, properties);

interface Prepared {
	query: TaskQuery;
	windows: Array<Partial<DateWindow>>;
	limit: number | undefined;
}

interface Setup {
	/** The account's task types, fetched once when an item names a type. */
	types: () => Promise<TaskType[]>;
	timezone: string;
}

/** The type filter: its id and whether it is an appointment type (which has no 100-day limit). */
async function readType(run: RunContext, index: number, setup: Setup): Promise<{ id: string; appointment: boolean } | undefined> {
	const { mode, value } = locatorOf(run.context, 'taskType', index);
	if (isBlank(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError('Task Type is not a name or an ID', 'taskType');
	const wanted = String(value).trim();
	const types = await setup.types();
	const found =
		mode === 'id'
			? types.find((type) => type.id.toLowerCase() === wanted.toLowerCase())
			: (types.find((type) => type.name.toLowerCase() === wanted.toLowerCase()) ?? types.find((type) => type.id.toLowerCase() === wanted.toLowerCase()));
	if (!found && mode !== 'id') {
		const names = types.map((type) => type.name);
		throw new InputError(
			`Task Type "${wanted}" is not a task type of your LeadSquared account`,
			'taskType',
			`Its task types are: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}.`,
		);
	}
	return { id: found?.id ?? wanted, appointment: found?.category === 0 };
}

class GetManyTasks implements Operation<Prepared, Setup> {
	readonly simplify = 'task' as const;

	notFound({ query }: Prepared): string {
		const status = query.status === 'any' ? '' : ` ${query.status}`;
		const window = query.from || query.to ? ` due${query.from ? ` from ${query.from}` : ''}${query.to ? ` to ${query.to}` : ''}` : '';
		return `No${status} task${window} exists for the user with ${query.owner.by === 'id' ? 'UserId' : 'EmailAddress'} ${query.owner.value} in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		let types: Promise<TaskType[]> | undefined;
		const load = (): Promise<TaskType[]> => {
			const loading = taskTypes(run.client);
			// A failed look-up is not kept: the next item that names a type tries again.
			loading.catch(() => {
				if (types === loading) types = undefined;
			});
			return loading;
		};
		return {
			types: async () => await (types ??= load()),
			timezone: readTimezone(run.context, run.options),
		};
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: Setup): Promise<Prepared> {
		const { context } = run;
		const owner = readOwner(context, index);
		if (!owner) throw new InputError('Owner is empty', 'owner', "Choose the user whose tasks to read, or give the user's ID or e-mail address.");
		const from = optionalDateTime(context.getNodeParameter('dueFrom', index, ''), 'Due From', 'dueFrom', setup.timezone);
		const to = optionalDateTime(context.getNodeParameter('dueTo', index, ''), 'Due To', 'dueTo', setup.timezone);
		if (from !== undefined && to !== undefined && from > to) {
			throw new InputError(`Due From (${from} UTC) is after Due To (${to} UTC)`, 'dueFrom', 'Swap the two dates, or leave one of them empty.');
		}
		const limit = readLimit(context, index);
		const type = await readType(run, index, setup);
		const newestFirst = run.options.order === 'dueLast';
		// Appointments have no 100-day limit; to-dos (and every type together) do.
		let windows: Array<Partial<DateWindow>> = [{ from, to }];
		if (from !== undefined && to !== undefined && !type?.appointment) windows = splitWindow({ from, to });
		if (newestFirst) windows.reverse();
		const status = context.getNodeParameter('status', index, 'any') as TaskStatus;
		return { query: { owner: { by: owner.by, value: String(owner.value) }, status, typeId: type?.id, newestFirst }, windows, limit };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		const collector = new Collector<Record<string, unknown>>(prepared.limit, (task) => (typeof task.UserTaskId === 'string' ? task.UserTaskId : undefined));
		for (const window of prepared.windows) {
			if (collector.full()) break;
			await collector.read({
				addressing: 'rows',
				fetch: async (offset, rowCount) => await retrieveTasks(run.client, retrieveTasksBody(prepared.query, window, offset, rowCount)),
				pageSize: TASK_PAGE_SIZE,
				maxPageSize: TASK_MAX_PAGE_SIZE,
				noun: 'tasks of the owner',
			});
		}
		const typed = typedValuesOn(run.context, run.options);
		return collector.records.map((task) => outputRecord(task as IDataObject, typed, TASK_KINDS));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyTasks());
}
