/**
 * The account's task types, for Task → Create and Get Many (value: the type's name, which Create sends
 * as TaskType.Name and Get Many turns into the type's id).
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LeadSquaredClient } from '../transport';
import { taskTypes } from '../transport/tasks';
import type { TaskType } from '../transport/tasks';
import { DESIGN_TIME, matchingName } from './designTime';

function describe(type: TaskType): string {
	if (type.category === 1) return `${type.name} (to-do)`;
	if (type.category === 0) return `${type.name} (appointment${type.defaultDuration ? `, ${type.defaultDuration} min` : ''})`;
	return type.name;
}

export async function searchTaskTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const entries = (await taskTypes(client)).map((type) => ({ name: describe(type), value: type.name }));
	return { results: matchingName(entries, filter) };
}
