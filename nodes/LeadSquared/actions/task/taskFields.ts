/**
 * Parameters the task operations share: the task type and the owner (resource locators fed by the
 * account's task types and by the one owner list), the task's own fields (Create's required ones and Additional
 * Fields, Update's Update Fields), and reading the owner and the custom fields of one item.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

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

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.taskId }}',
	description: "The task's ID (UserTaskId), e.g. the taskId output by Task → Create or a UserTaskId from Task → Get Many",
};

export const subjectProperty: INodeProperties = {
	displayName: 'Subject',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Call back about the brochure',
	description: "The task's name, shown in the owner's task list",
};

export const leadIdProperty: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.leadId }}',
	description: "The lead's ID (ProspectID), e.g. the leadId output by Lead → Create or Update",
};

export const opportunityIdProperty: INodeProperties = {
	displayName: 'Opportunity ID',
	name: 'opportunityId',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.opportunityId }}',
	description: "The opportunity's ID, e.g. the opportunityId output by Opportunity → Create",
};

export const dueDateProperty: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	default: '',
	description: 'When the task is due (an appointment: when it starts)',
};

/** The task's other fields: Create's Additional Fields, part of Update's Update Fields (alphabetical, as n8n lists them). */
export const taskDetailOptions: INodeProperties[] = [
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
];

/** The Custom Fields of a collection's value (Additional Fields, Update Fields); undefined when the collection has none. */
export function customFieldEntries(collection: IDataObject): Array<{ name: unknown; value: unknown }> | undefined {
	if (collection.customFields === undefined) return undefined;
	const entries = (collection.customFields as { field?: Array<{ name?: unknown; value?: unknown }> } | null)?.field ?? [];
	return entries.map((entry) => ({ name: entry.name, value: entry.value }));
}
