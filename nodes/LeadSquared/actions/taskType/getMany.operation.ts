/**
 * Task Type → Get Many: the account's task types (`Task.svc/RetrieveTaskType`, one call per run however many
 * items): the name Task → Create takes, the id, whether it is an appointment or a to-do, and an appointment's
 * default duration (model/discovery/types.ts). One output item per type, paired to the input item that asked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { taskTypeRecord } from '../../model/discovery/types';
import type { TaskType } from '../../model/task/types';
import { taskTypes } from '../../transport/tasks';
import { describeValue } from '../../values/values';
import { filtersCollection, once, readFilters, textFilter } from '../discovery';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	filtersCollection([
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			default: 'appointment',
			options: [
				{ name: 'Appointment', value: 'appointment', description: 'Tasks with a start and an end (a meeting, a visit)' },
				{ name: 'To-Do', value: 'toDo', description: 'Tasks with a due date' },
			],
			description: 'Only task types of this category',
		},
		{
			displayName: 'Name Contains',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. follow',
			description: 'Only task types whose name contains this text (any letter case)',
		},
	]),
	optionsCollection([], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['taskType'], operation: ['getMany'] }, properties);

interface Prepared {
	/** 0 appointment, 1 to-do; undefined for both. */
	category?: 0 | 1;
	search?: string;
}

class GetManyTaskTypes implements Operation<Prepared, () => Promise<TaskType[]>> {
	notFound(prepared: Prepared): string {
		return `No task type${prepared.search === undefined ? '' : ` matching "${prepared.search}"`} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<() => Promise<TaskType[]>> {
		return once(async () => await taskTypes(run.client));
	}

	prepare(run: RunContext, index: number): Prepared {
		const filters = readFilters(run, index);
		const category = filters.category;
		if (category !== undefined && category !== '' && category !== 'appointment' && category !== 'toDo') {
			throw new InputError(`Filters → Category is ${describeValue(category)}; it must be "appointment" or "toDo"`, 'category');
		}
		return {
			...(category === 'appointment' ? { category: 0 as const } : category === 'toDo' ? { category: 1 as const } : {}),
			search: textFilter(filters, 'search', 'Name Contains')?.toLowerCase(),
		};
	}

	async send(_run: RunContext, { prepared }: Entry<Prepared>, types: () => Promise<TaskType[]>): Promise<IDataObject[]> {
		return (await types())
			.filter((type) => prepared.category === undefined || type.category === prepared.category)
			.filter((type) => prepared.search === undefined || type.name.toLowerCase().includes(prepared.search))
			.map((type) => taskTypeRecord(type) as unknown as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyTaskTypes());
}
