/**
 * Validation of the body of `Task.svc/Create` and `Task.svc/Update` (§11.1; the to-do and appointment
 * pages): owner, related entity, dates, reminder and notification settings. Messages are [INF].
 */
import type { StoredTask, TaskTypeDefinition } from '../crm-types';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { failure, LEAD_NOT_FOUND, type WriteFailure } from './activity-write';
import type { RouteContext } from './common';
import { child, int, isObject, prop, stamp, str, text, type Obj } from './crm-common';

/** The task fields a body sets (Create: all of them). */
export type TaskValues = Partial<StoredTask>;

const INPUT = 'MXInvalidInputException';

/** A body's values; `existing` = the task an Update changes (only the keys present in the body are set). */
export function taskValues(ctx: RouteContext, body: Obj, existing?: StoredTask): TaskValues | WriteFailure {
	const has = (name: string): boolean => prop(body, name) !== undefined;
	const creating = existing === undefined;
	const values: TaskValues = {};

	if (creating || has('Name')) {
		values.Name = str(body, 'Name');
		if (values.Name.trim() === '') return failure('MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - Name'); // [INF] message, worded as the sandbox's lead writes word it
	}
	if (creating) {
		const type = taskTypeOf(ctx, body);
		if ('ok' in type) return type;
		Object.assign(values, { TaskTypeId: type.id, TaskTypeName: type.name, Category: type.category });
	}
	if (creating || has('Description')) values.Description = str(body, 'Description');

	const owner = ownerOf(ctx, body);
	if (typeof owner !== 'string') return owner;
	if (owner !== '') values.OwnerId = owner;
	else if (creating) values.OwnerId = SANDBOX_USER_ID; // [INF] the API user

	if (creating || has('RelatedEntity') || has('RelatedEntityId')) {
		const related = relatedOf(ctx, body);
		if ('ok' in related) return related;
		Object.assign(values, related);
	}

	const dates = datesOf(ctx, body, existing, values.Category ?? existing?.Category ?? 1);
	if ('ok' in dates) return dates;
	Object.assign(values, dates);

	if (creating || has('Reminder')) values.Reminder = Math.max(0, int(body, 'Reminder', 0));
	if (creating || has('ReminderBeforeDays')) values.ReminderBeforeDays = Math.max(0, int(body, 'ReminderBeforeDays', 0));
	if (creating || has('ReminderTime')) values.ReminderTime = str(body, 'ReminderTime');
	if (creating || has('NotifyBy')) {
		values.NotifyBy = str(body, 'NotifyBy').trim() || '1000';
		if (!['1100', '1000'].includes(values.NotifyBy)) {
			return failure(INPUT, `Invalid NotifyBy '${values.NotifyBy}'. Pass 1100 (notify the owner by e-mail) or 1000 (no notification)`); // [INF] message
		}
	}
	if (creating || has('Location')) values.Location = str(body, 'Location');
	if (creating || has('CustomFields')) values.CustomFields = customFieldsOf(body);
	return values;
}

function taskTypeOf(ctx: RouteContext, body: Obj): TaskTypeDefinition | WriteFailure {
	const raw = prop(body, 'TaskType');
	const name = isObject(raw) ? str(raw, 'Name') || str(raw, 'Id') : (text(raw) ?? '');
	if (name.trim() === '') return failure(INPUT, 'Invalid Input! Parameter Name: TaskType'); // [INF] modelled on the [CODE] fixture "Invalid Input! Parameter Name: activity"
	return ctx.state.crm.taskType(name) ?? failure(INPUT, `Task type '${name.trim()}' does not exist`); // [INF] message
}

/** The owner's user id from OwnerId or OwnerEmailAddress (an active user); '' when neither is given. */
function ownerOf(ctx: RouteContext, body: Obj): string | WriteFailure {
	const { users } = ctx.state.crm;
	const id = str(body, 'OwnerId').trim();
	const email = str(body, 'OwnerEmailAddress').trim();
	if (id === '' && email === '') return '';
	const user = id !== '' ? users.byId(id) : users.byEmail(email);
	if (!user || (user.statusCode ?? 0) !== 0) return failure(INPUT, `Task owner '${id || email}' does not exist or is not an active user`); // [INF] message
	return user.id;
}

/** RelatedEntity 0 (none), 1 (lead) or 5 (opportunity) with its RelatedEntityId; LeadId follows. */
function relatedOf(ctx: RouteContext, body: Obj): TaskValues | WriteFailure {
	const entity = int(body, 'RelatedEntity', 0);
	const id = str(body, 'RelatedEntityId').trim();
	if (entity === 0) return { RelatedEntity: 0, RelatedEntityId: '', LeadId: '' };
	if (entity === 1) {
		const lead = id === '' ? undefined : ctx.state.store.byId(id);
		if (!lead) return LEAD_NOT_FOUND();
		return { RelatedEntity: 1, RelatedEntityId: String(lead.ProspectID), LeadId: String(lead.ProspectID) };
	}
	if (entity === 5) {
		const opportunity = id === '' ? undefined : ctx.state.crm.opportunities.get(id);
		if (!opportunity) return failure('MXInvalidEntityException', 'Opportunity does not exist in the system'); // [INF] message
		return { RelatedEntity: 5, RelatedEntityId: opportunity.ProspectOpportunityId, LeadId: opportunity.RelatedProspectId };
	}
	return failure(INPUT, `Invalid RelatedEntity '${str(body, 'RelatedEntity')}'. Pass 0 (none), 1 (lead) or 5 (opportunity)`); // [INF] message
}

/**
 * DueDate defaults to now [DOC: "the current day"]; EndDate to DueDate plus the type's default duration
 * for an appointment, DueDate for a to-do [INF]. EndDate before DueDate is refused [INF].
 */
function datesOf(ctx: RouteContext, body: Obj, existing: StoredTask | undefined, category: 0 | 1): TaskValues | WriteFailure {
	const out: TaskValues = {};
	const given = (name: string): string => str(body, name).trim();
	let due = existing?.DueDate ?? formatDateTime(ctx.now);
	if (given('DueDate') !== '') {
		const parsed = stamp(given('DueDate'));
		if (!parsed) return failure(INPUT, `Invalid DueDate '${given('DueDate')}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF] message
		due = parsed;
	}
	if (!existing || given('DueDate') !== '') out.DueDate = due;
	let end = existing && given('DueDate') === '' ? existing.EndDate : '';
	if (given('EndDate') !== '') {
		const parsed = stamp(given('EndDate'));
		if (!parsed) return failure(INPUT, `Invalid EndDate '${given('EndDate')}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF] message
		end = parsed;
	} else if (end === '' || given('DueDate') !== '') {
		const type = existing ? ctx.state.crm.taskType(existing.TaskTypeId) : ctx.state.crm.taskType(typeName(body));
		const minutes = category === 0 ? (type?.defaultDurationMinutes ?? 30) : 0;
		end = formatDateTime(Date.parse(`${due.replace(' ', 'T')}Z`) + minutes * 60_000);
	}
	if (end < due) return failure(INPUT, 'EndDate cannot be earlier than DueDate'); // [INF] message
	if (!existing || end !== existing.EndDate) out.EndDate = end;
	return out;
}

function typeName(body: Obj): string {
	const raw = child(body, 'TaskType');
	return raw ? str(raw, 'Name') || str(raw, 'Id') : str(body, 'TaskType');
}

/** `CustomFields: {mx_Custom_1: …}` (the bulk create page) [DOC]; stored as strings, not validated [INF]. */
function customFieldsOf(body: Obj): Record<string, string> {
	const raw = child(body, 'CustomFields') ?? {};
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		const t = text(value);
		if (t !== undefined) out[key] = t;
	}
	return out;
}
