/**
 * The body of `Task.svc/Update` ([DOC] https://apidocs.leadsquared.com/update-task/): `UserTaskId` and only the
 * fields an item gives, each converted and checked by the same rules as `Task.svc/Create` (body.ts). A field given
 * without a value follows the "Empty Values" choice: refused, left out, or sent empty where LeadSquared keeps an empty
 * value (description, location, reminder time, custom fields); a subject, dates, reminders or a related record
 * cannot be emptied. Pure: no n8n imports.
 */
import { isBlank, optionalText, optionalWholeNumber, requiredText } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { toLeadSquaredDateTime } from '../../values/dates';
import { describeValue } from '../../values/values';
import { customFields, NOTIFY_BY_EMAIL, NOTIFY_NONE, RELATED_ENTITY, taskOwner, timeOfDay } from './body';
import type { OwnerBy, TaskBody } from './body';

export type EmptyValues = 'fail' | 'skip' | 'clear';

/** The fields an item gives: a key present is a field to change (its value may still be empty). */
export interface TaskUpdateFields {
	name?: unknown;
	leadId?: unknown;
	opportunityId?: unknown;
	dueDate?: unknown;
	endDate?: unknown;
	description?: unknown;
	reminderMinutes?: unknown;
	reminderDaysBefore?: unknown;
	reminderTime?: unknown;
	notifyByEmail?: unknown;
	location?: unknown;
	customFields?: Array<{ name: unknown; value: unknown }>;
}

export interface TaskUpdateInput {
	taskId: unknown;
	/** The new owner; undefined keeps the owner. */
	owner?: { by: OwnerBy; value: unknown };
	fields: TaskUpdateFields;
}

export type TaskUpdateBody = { UserTaskId: string } & Partial<Omit<TaskBody, 'TaskType' | 'RelatedEntity'>> & { RelatedEntity?: 1 | 5 };

/** The editor's labels of the fields, for messages and for `skippedFields`. */
const LABELS: Record<Exclude<keyof TaskUpdateFields, 'customFields'>, string> = {
	name: 'Subject',
	leadId: 'Lead ID',
	opportunityId: 'Opportunity ID',
	dueDate: 'Due Date',
	endDate: 'End Date',
	description: 'Description',
	reminderMinutes: 'Reminder (Minutes Before)',
	reminderDaysBefore: 'Reminder Days Before',
	reminderTime: 'Reminder Time',
	notifyByEmail: 'Notify Owner by Email',
	location: 'Location',
};

/** Fields LeadSquared keeps empty when sent empty [INF: text fields of the documented body]. */
const CLEARABLE = new Set<keyof TaskUpdateFields>(['description', 'location', 'reminderTime']);

function notifyBy(value: unknown): string {
	const flag = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (flag === true || flag === 'true') return NOTIFY_BY_EMAIL;
	if (flag === false || flag === 'false') return NOTIFY_NONE;
	throw new InputError(`Notify Owner by Email is ${describeValue(value)}, which is not true or false`, 'notifyByEmail');
}

function dateOf(value: unknown, label: string, field: string, timezone: string): string {
	const result = toLeadSquaredDateTime(value, timezone);
	if (!result.ok) throw new InputError(`${label} ${result.problem}`, field);
	return result.value;
}

/** The body of `Task.svc/Update` for one item, and the fields left out for an empty value; throws InputError for bad input. */
export function buildTaskUpdateBody(input: TaskUpdateInput, timezone: string, emptyValues: EmptyValues): { body: TaskUpdateBody; skippedFields: string[] } {
	const body: TaskUpdateBody = {
		UserTaskId: requiredText(input.taskId, 'Task ID', 'taskId', 'Give the ID of the task to update (UserTaskId), e.g. the taskId output by Task → Create.'),
	};
	const skippedFields: string[] = [];
	const { fields } = input;
	/** Whether a field given empty is sent empty (true) or left out (false); refuses it otherwise. */
	const sendEmpty = (key: keyof TaskUpdateFields, label: string, field: string = key): boolean => {
		if (emptyValues === 'skip') return false;
		if (emptyValues === 'clear' && (CLEARABLE.has(key) || key === 'customFields')) return true;
		throw new InputError(
			`Update Fields → ${label} has no value`,
			field,
			emptyValues === 'clear'
				? `LeadSquared cannot empty the ${label} of a task: give it a value, or remove it from Update Fields.`
				: 'Give it a value, remove it from Update Fields, or set Options → Empty Values to leave such fields out (or to clear those that can be cleared).',
		);
	};
	const given = (key: Exclude<keyof TaskUpdateFields, 'customFields'>): 'value' | 'empty' | 'absent' => {
		if (!Object.prototype.hasOwnProperty.call(fields, key)) return 'absent';
		if (!isBlank(fields[key])) return 'value';
		if (sendEmpty(key, LABELS[key])) return 'empty';
		skippedFields.push(LABELS[key]);
		return 'absent';
	};

	if (given('name') === 'value') body.Name = requiredText(fields.name, 'Subject', 'name');
	const lead = given('leadId');
	const opportunity = given('opportunityId');
	if (lead === 'value' && opportunity === 'value') {
		throw new InputError('Update Fields has both a Lead ID and an Opportunity ID', 'opportunityId', 'A task is about one lead or one opportunity: keep one of the two.');
	}
	if (lead === 'value') Object.assign(body, { RelatedEntity: RELATED_ENTITY.lead, RelatedEntityId: requiredText(fields.leadId, 'Lead ID', 'leadId') });
	if (opportunity === 'value') {
		Object.assign(body, { RelatedEntity: RELATED_ENTITY.opportunity, RelatedEntityId: requiredText(fields.opportunityId, 'Opportunity ID', 'opportunityId') });
	}
	Object.assign(body, taskOwner(input.owner));
	if (given('dueDate') === 'value') body.DueDate = dateOf(fields.dueDate, 'Due Date', 'dueDate', timezone);
	if (given('endDate') === 'value') body.EndDate = dateOf(fields.endDate, 'End Date', 'endDate', timezone);
	if (body.DueDate !== undefined && body.EndDate !== undefined && body.EndDate < body.DueDate) {
		throw new InputError(`End Date (${body.EndDate} UTC) is before Due Date (${body.DueDate} UTC)`, 'endDate');
	}
	const text = (key: 'description' | 'location'): string | undefined => {
		const state = given(key);
		return state === 'absent' ? undefined : state === 'empty' ? '' : optionalText(fields[key], LABELS[key], key);
	};
	body.Description = text('description');
	if (given('reminderMinutes') === 'value') body.Reminder = optionalWholeNumber(fields.reminderMinutes, LABELS.reminderMinutes, 'reminderMinutes');
	if (given('reminderDaysBefore') === 'value') body.ReminderBeforeDays = optionalWholeNumber(fields.reminderDaysBefore, LABELS.reminderDaysBefore, 'reminderDaysBefore');
	const time = given('reminderTime');
	if (time !== 'absent') body.ReminderTime = time === 'empty' ? '' : timeOfDay(fields.reminderTime);
	if (given('notifyByEmail') === 'value') body.NotifyBy = notifyBy(fields.notifyByEmail);
	body.Location = text('location');
	body.CustomFields = customFields(fields.customFields, (name) => sendEmpty('customFields', `Custom Fields → ${name}`, name), skippedFields);
	for (const key of Object.keys(body) as Array<keyof TaskUpdateBody>) if (body[key] === undefined) delete body[key];
	if (Object.keys(body).length === 1) {
		throw new InputError(
			skippedFields.length > 0 ? `Nothing to update: every field given was empty (${skippedFields.join(', ')})` : 'Nothing to update: no field and no owner given',
			undefined,
			'Add at least one field under Update Fields, or choose a new Owner.',
		);
	}
	return { body, skippedFields };
}
