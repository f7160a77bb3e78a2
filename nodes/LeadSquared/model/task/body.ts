/**
 * The bodies of LeadSquared's task APIs, built and checked from one item's input: `Task.svc/Create` (a
 * to-do or an appointment, as the create-a-to-do and create-task-appointment pages document it) and
 * `Task.svc/Retrieve` (the retrieve-tasks page). Pure: no n8n imports.
 */
import { emailAddress, isBlank, optionalDateTime, optionalText, optionalWholeNumber, requiredText, textOf } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { describeValue } from '../../values/values';

export type RelatedTo = 'none' | 'lead' | 'opportunity';
export type OwnerBy = 'id' | 'email';

/** RelatedEntity codes [DOC]: 0 none, 1 lead, 5 opportunity. */
export const RELATED_ENTITY: Record<RelatedTo, 0 | 1 | 5> = { none: 0, lead: 1, opportunity: 5 };
/** NotifyBy codes [DOC]: 1100 e-mail the owner, 1000 no notification. */
export const NOTIFY_BY_EMAIL = '1100';
export const NOTIFY_NONE = '1000';

export interface TaskInput {
	taskType: unknown;
	name: unknown;
	relatedTo: RelatedTo;
	relatedId: unknown;
	owner?: { by: OwnerBy; value: unknown };
	dueDate?: unknown;
	endDate?: unknown;
	description?: unknown;
	reminderMinutes?: unknown;
	reminderDaysBefore?: unknown;
	reminderTime?: unknown;
	/** undefined: not sent (LeadSquared's default, no notification). */
	notifyByEmail?: boolean;
	location?: unknown;
	customFields?: Array<{ name: unknown; value: unknown }>;
}

export interface TaskBody {
	Name: string;
	TaskType: { Name: string };
	RelatedEntity: 0 | 1 | 5;
	RelatedEntityId: string;
	OwnerId?: string;
	OwnerEmailAddress?: string;
	DueDate?: string;
	EndDate?: string;
	Description?: string;
	Reminder?: number;
	ReminderBeforeDays?: number;
	ReminderTime?: string;
	NotifyBy?: string;
	Location?: string;
	CustomFields?: Record<string, string>;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** `HH:mm` or `HH:mm:ss` as LeadSquared's `HH:mm:ss`. */
export function timeOfDay(value: unknown): string | undefined {
	const text = optionalText(value, 'Reminder Time', 'reminderTime')?.trim();
	if (text === undefined) return undefined;
	const match = TIME.exec(text);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) {
		throw new InputError(`Reminder Time is ${describeValue(value)}, which is not a time of day (HH:mm or HH:mm:ss)`, 'reminderTime');
	}
	return `${match[1].padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}`;
}

/**
 * `CustomFields` by schema name. `empty` decides about a field without a value (null, undefined, blank): true sends
 * it empty (Create's rule), false leaves it out (listed in `skipped`); it may throw to refuse it.
 */
export function customFields(
	entries: Array<{ name: unknown; value: unknown }> | undefined,
	empty: (name: string) => boolean = () => true,
	skipped: string[] = [],
): Record<string, string> | undefined {
	if (!entries || entries.length === 0) return undefined;
	const fields: Record<string, string> = {};
	const seen = new Set<string>();
	entries.forEach((entry, index) => {
		const name = requiredText(entry.name, `Custom field ${index + 1}'s name`, 'customFields', 'Enter the schema name of the task field, e.g. mx_Custom_1.');
		if (seen.has(name.toLowerCase())) throw new InputError(`Custom field "${name}" is given twice`, name);
		seen.add(name.toLowerCase());
		if (isBlank(entry.value) && !empty(name)) {
			skipped.push(name);
			return;
		}
		const value = entry.value === null || entry.value === undefined ? '' : textOf(entry.value);
		if (value === undefined) throw new InputError(`Custom field "${name}" is ${describeValue(entry.value)}, which is not a text, number or true/false`, name);
		fields[name] = value;
	});
	return Object.keys(fields).length > 0 ? fields : undefined;
}

/** `OwnerId` or `OwnerEmailAddress` [DOC: either names the owner]; nothing when no owner is given. */
export function taskOwner(owner: { by: OwnerBy; value: unknown } | undefined): Pick<TaskBody, 'OwnerId' | 'OwnerEmailAddress'> {
	if (!owner || owner.value === undefined || owner.value === null || owner.value === '') return {};
	return owner.by === 'email' ? { OwnerEmailAddress: emailAddress(owner.value, 'Owner', 'owner') } : { OwnerId: requiredText(owner.value, 'Owner', 'owner') };
}

/** The body of `Task.svc/Create` for one item; throws InputError for bad input. */
export function buildTaskBody(input: TaskInput, timezone: string): TaskBody {
	const body: TaskBody = {
		Name: requiredText(input.name, 'Subject', 'name', 'Give the task a subject, e.g. "Call back about the brochure".'),
		TaskType: { Name: requiredText(input.taskType, 'Task Type', 'taskType', 'Choose a task type from the list, or type its name, e.g. Follow Up or Meeting.') },
		RelatedEntity: RELATED_ENTITY[input.relatedTo],
		RelatedEntityId: '',
	};
	if (input.relatedTo === 'lead') body.RelatedEntityId = requiredText(input.relatedId, 'Lead ID', 'leadId', 'Give the ID of the lead the task is about (its ProspectID).');
	if (input.relatedTo === 'opportunity') {
		body.RelatedEntityId = requiredText(input.relatedId, 'Opportunity ID', 'opportunityId', 'Give the ID of the opportunity the task is about.');
	}
	Object.assign(body, taskOwner(input.owner));
	body.DueDate = optionalDateTime(input.dueDate, 'Due Date', 'dueDate', timezone);
	body.EndDate = optionalDateTime(input.endDate, 'End Date', 'endDate', timezone);
	if (body.DueDate !== undefined && body.EndDate !== undefined && body.EndDate < body.DueDate) {
		throw new InputError(`End Date (${body.EndDate} UTC) is before Due Date (${body.DueDate} UTC)`, 'endDate');
	}
	body.Description = optionalText(input.description, 'Description', 'description');
	body.Reminder = optionalWholeNumber(input.reminderMinutes, 'Reminder (Minutes Before)', 'reminderMinutes');
	body.ReminderBeforeDays = optionalWholeNumber(input.reminderDaysBefore, 'Reminder Days Before', 'reminderDaysBefore');
	body.ReminderTime = timeOfDay(input.reminderTime);
	if (input.notifyByEmail !== undefined) body.NotifyBy = input.notifyByEmail ? NOTIFY_BY_EMAIL : NOTIFY_NONE;
	body.Location = optionalText(input.location, 'Location', 'location');
	body.CustomFields = customFields(input.customFields);
	for (const key of Object.keys(body) as Array<keyof TaskBody>) if (body[key] === undefined) delete body[key];
	return body;
}

export type TaskStatus = 'any' | 'pending' | 'completed';

export interface TaskQuery {
	owner: { by: OwnerBy; value: string };
	from?: string;
	to?: string;
	status: TaskStatus;
	/** A task type id [DOC: "The task type Id"]. */
	typeId?: string;
	newestFirst: boolean;
}

/** The body of `Task.svc/Retrieve` for one window and page. */
export function retrieveTasksBody(query: TaskQuery, window: { from?: string; to?: string }, offset: number, rowCount: number): Record<string, unknown> {
	const parameter: Record<string, unknown> = {
		LookupName: query.owner.by === 'email' ? 'OwnerEmailAddress' : 'OwnerId',
		LookupValue: query.owner.value,
	};
	if (window.from !== undefined) parameter.FromDate = window.from;
	if (window.to !== undefined) parameter.ToDate = window.to;
	if (query.status !== 'any') parameter.StatusCode = query.status === 'completed' ? 1 : 0;
	if (query.typeId !== undefined) parameter.TypeName = query.typeId;
	return {
		Parameter: parameter,
		Sorting: { ColumnName: 'DueDate', Direction: query.newestFirst ? '1' : '0' },
		Paging: { Offset: offset, RowCount: rowCount },
	};
}
