/**
 * Parameters the task operations share: the task type and the owner (resource locators fed by the
 * account's task types and users), and reading the owner of one item.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isBlank } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import type { OwnerBy } from '../../model/task/body';

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

export function ownerLocator(extra: Partial<INodeProperties> & { description: string }): INodeProperties {
	return {
		displayName: 'Owner',
		name: 'owner',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 3b1041fb-8374-11e7-8758-0a106ee76b21' },
			{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'e.g. name@example.com' },
		],
		...extra,
	};
}

/** A resource locator's saved value as its mode and value; a plain value (an AI agent's, an older workflow's) is taken as given. */
export function locatorParts(raw: unknown): { mode: string; value: unknown } {
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' ? mode : 'list', value };
	}
	return { mode: 'list', value: raw };
}

/** A resource locator's mode and value for one item. */
export function locatorOf(context: IExecuteFunctions, name: string, itemIndex: number): { mode: string; value: unknown } {
	return locatorParts(context.getNodeParameter(name, itemIndex, { mode: 'list', value: '' }) as unknown);
}

/** A user from an owner locator's value: by id (From List, By ID) or by e-mail; undefined when empty. */
export function ownerFrom(raw: unknown, label = 'Owner', field = 'owner'): { by: OwnerBy; value: string } | undefined {
	const { mode, value } = locatorParts(raw);
	if (isBlank(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(`${label} is not a user id or an e-mail address`, field, 'Choose a user from the list, or give a user id or e-mail address.');
	}
	const text = String(value).trim();
	// "By ID" holding an e-mail address, or a list value typed by hand: an address is sent as one.
	return { by: mode === 'email' || text.includes('@') ? 'email' : 'id', value: text };
}

/** The owner of one item: by id (From List, By ID) or by e-mail; undefined when empty. */
export function readOwner(context: IExecuteFunctions, itemIndex: number): { by: OwnerBy; value: unknown } | undefined {
	return ownerFrom(context.getNodeParameter('owner', itemIndex, { mode: 'list', value: '' }) as unknown);
}
