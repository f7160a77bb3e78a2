/**
 * Parameters the task operations share: the task type and the owner (resource locators fed by the
 * account's task types and by the one owner list), and reading the owner of one item.
 */
import type { INodeProperties } from 'n8n-workflow';

export function taskTypeLocator(extra: Partial<INodeProperties> & { description: string }, withId = false): INodeProperties {
	return {
		displayName: 'Task Type',
		name: 'taskType',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a task type...',
				typeOptions: { searchListMethod: 'searchTaskTypes', searchable: true },
			},
			...(withId ? [{ displayName: 'By ID', name: 'id', type: 'string' as const, placeholder: 'e.g. 0500cfd9-4cf5-11ec-993a-06f221480cd8' }] : []),
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Follow Up' },
		],
		...extra,
	};
}

/** The owner parameter and its reading are shared by every operation that names a user (../owner.ts). */
export { locatorOf, ownerLocator, readOwner } from '../owner';
