/**
 * Task endpoints (§11.1): create (to-dos and appointments), update, task types, retrieve by owner, and
 * MarkComplete [CODE: `GET Task.svc/MarkComplete?id=`, seen in public client code; no doc page found].
 */
import { randomUUID } from 'node:crypto';
import type { StoredTask, TaskTypeDefinition } from '../crm-types';
import { jsonAnswer, queryParam, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { failureAnswer, type WriteFailure } from './activity-write';
import { mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, diff, emit, int, isAnswer, prop, slice, stamp, str, successId, withMillis, type Obj } from './crm-common';
import { taskValues } from './task-input';

const TS = '/v2/Task.svc/';
const DAY_MS = 86_400_000;

export const TASK_ROUTES: Route[] = [
	{ name: 'Task.Create', method: 'POST', path: `${TS}Create`, bucket: 'normal', handle: createTask },
	{ name: 'Task.Update', method: 'POST', path: `${TS}Update`, bucket: 'normal', handle: updateTask },
	{ name: 'Task.RetrieveTaskType', method: 'GET', path: `${TS}RetrieveTaskType`, bucket: 'normal', handle: taskTypes },
	{ name: 'Task.Retrieve', method: 'POST', path: `${TS}Retrieve`, bucket: 'normal', handle: retrieveTasks },
	{ name: 'Task.MarkComplete', method: 'GET', path: `${TS}MarkComplete`, bucket: 'normal', handle: markComplete },
];

/**
 * Source: [DOC] https://apidocs.leadsquared.com/create-a-to-do/ and https://apidocs.leadsquared.com/create-task-appointment/
 * (bodies; values and rules in task-input.ts) → `{"Status":"Success","Message":{"Id":<UserTaskId>}}` [INF: the
 * answer of the documented writes].
 */
function createTask(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const values = taskValues(ctx, body);
	if ('ok' in values) return failureAnswer(ctx, values as WriteFailure);
	const now = formatDateTime(ctx.now);
	const { crm } = ctx.state;
	const task: StoredTask = {
		UserTaskId: randomUUID(),
		UserTaskAutoId: crm.nextTaskAutoId(),
		Name: '',
		Description: '',
		Category: 1,
		TaskTypeId: '',
		TaskTypeName: '',
		RelatedEntity: 0,
		RelatedEntityId: '',
		LeadId: '',
		DueDate: now,
		EndDate: now,
		Reminder: 0,
		ReminderBeforeDays: 0,
		ReminderTime: '',
		NotifyBy: '1000',
		StatusCode: 0,
		OwnerId: SANDBOX_USER_ID,
		Location: '',
		CustomFields: {},
		...values,
		CreatedBy: SANDBOX_USER_ID,
		CreatedOn: now,
		ModifiedBy: SANDBOX_USER_ID,
		ModifiedOn: now,
		CompletedOn: '',
	};
	crm.tasks.add(task);
	emit(ctx, 'task.created', task.LeadId, task);
	return successId(task.UserTaskId);
}

/** Source: [DOC] https://apidocs.leadsquared.com/update-task/ → `{"Status":"Success","Message":{"AffectedRows":1,"AutoId":…}}`. */
function updateTask(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const task = ctx.state.crm.tasks.get(str(body, 'UserTaskId'));
	if (!task) return mxError(ctx, 'MXInvalidEntityException', 'Task does not exist'); // [INF]
	const values = taskValues(ctx, body, task);
	if ('ok' in values) return failureAnswer(ctx, values as WriteFailure);
	const before = structuredClone(task) as unknown as Obj;
	Object.assign(task, values, { ModifiedBy: SANDBOX_USER_ID, ModifiedOn: formatDateTime(ctx.now) });
	ctx.state.crm.tasks.touch(task);
	const change = diff(before, task as unknown as Obj);
	change.changed = change.changed.filter((k) => k !== 'ModifiedOn' && k !== 'ModifiedBy');
	emit(ctx, 'task.updated', task.LeadId, task, change);
	return jsonAnswer(200, { Status: 'Success', Message: { AffectedRows: 1, AutoId: Number(task.UserTaskAutoId.replace(/\D/g, '')) } });
}

/** Source: [DOC] https://apidocs.leadsquared.com/get-list-of-task-types-2/ : `[?ColumnName=TaskTypeId|TaskTypeName|Category&ColumnValue=]`. */
function taskTypes(ctx: RouteContext): Answer {
	const column = (queryParam(ctx.query, 'ColumnName') ?? '').trim().toLowerCase();
	const value = (queryParam(ctx.query, 'ColumnValue') ?? '').trim().toLowerCase();
	const matches = (t: TaskTypeDefinition): boolean => {
		if (column === '' || value === '') return true;
		if (column === 'tasktypeid') return t.id.toLowerCase() === value;
		if (column === 'tasktypename' || column === 'taskname') return t.name.toLowerCase() === value;
		if (column === 'category') return String(t.category) === value;
		return true;
	};
	return jsonAnswer(200, ctx.state.crm.taskTypes.filter(matches).map(renderTaskType));
}

/** [DOC sample keys]; CreatedOn is a fixed .NET date [INF]. */
function renderTaskType(type: TaskTypeDefinition): Obj {
	const column = (schema: string, display: string, dataType: number, mandatory: boolean): Obj => ({
		DataType: dataType,
		DisplayName: display,
		InternalSchemaName: schema,
		IsDefault: true,
		IsMandatoryConfigurable: !mandatory,
		Mandatory: mandatory,
		Options: null,
		RenderType: 0,
		SchemaName: schema,
	});
	return {
		Category: type.category,
		Color: type.color ?? '#C5CAE9',
		ColumnConfiguration: [column('OwnerId', 'Owner', 8, true), column('RelatedEntityId', 'Associated Lead', 8, false), column('Name', 'Subject', 0, true)],
		CreatedBy: 'System',
		CreatedOn: '/Date(1502992091000+0000)/',
		DefaultDuration: type.category === 0 ? (type.defaultDurationMinutes ?? 30) : 0,
		Id: type.id,
		Name: type.name,
	};
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-tasks/ → `{RecordCount, List}` of one owner's tasks (LookupName OwnerId or OwnerEmailAddress), filtered
 * by DueDate within FromDate..ToDate, StatusCode and TypeName (a task type id or name); Sorting by
 * DueDate (default), CreatedOn, ModifiedOn or Name, ascending unless Direction 1 [INF]; Paging Offset
 * (rows to skip) and RowCount (default 25 [INF]).
 */
function retrieveTasks(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { crm, options } = ctx.state;
	const parameter = child(body, 'Parameter');
	const lookup = str(parameter, 'LookupName').trim().toLowerCase();
	if (lookup !== 'ownerid' && lookup !== 'owneremailaddress') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: LookupName'); // [INF]
	const lookupValue = str(parameter, 'LookupValue');
	const owner = lookup === 'ownerid' ? crm.users.byId(lookupValue) : crm.users.byEmail(lookupValue);

	const window: { from?: string; to?: string } = {};
	for (const name of ['FromDate', 'ToDate'] as const) {
		const raw = str(parameter, name);
		if (raw.trim() === '') continue;
		const parsed = stamp(raw, true);
		if (!parsed) return mxError(ctx, 'MXInvalidInputException', `Invalid Input! Parameter Name: ${name}`); // [INF]
		window[name === 'FromDate' ? 'from' : 'to'] = parsed;
	}
	const typeName = str(parameter, 'TypeName').trim();
	const type = typeName === '' ? undefined : crm.taskType(typeName);
	if (window.from && window.to && (type === undefined || type.category === 1)) {
		const days = (Date.parse(`${window.to.replace(' ', 'T')}Z`) - Date.parse(`${window.from.replace(' ', 'T')}Z`)) / DAY_MS;
		if (days > options.taskRetrieveMaxDays) {
			return mxError(ctx, 'MXInvalidInputException', `The difference between FromDate and ToDate cannot be more than ${options.taskRetrieveMaxDays} days`); // [INF message]
		}
	}
	const status = prop(parameter, 'StatusCode');
	const statusCode = status === undefined || status === null || status === '' ? undefined : int(parameter, 'StatusCode', -1);

	const found = crm.tasks.filter(
		(t) =>
			owner !== undefined &&
			t.OwnerId === owner.id &&
			(typeName === '' || (type !== undefined && t.TaskTypeId === type.id)) &&
			(statusCode === undefined || t.StatusCode === statusCode) &&
			(!window.from || t.DueDate >= window.from) &&
			(!window.to || t.DueDate <= window.to),
	);
	sortTasks(ctx, found, child(body, 'Sorting'));
	const paging = child(body, 'Paging');
	const rowCount = Math.max(0, int(paging, 'RowCount', 25)) || 25;
	const page = slice(found, Math.max(0, int(paging, 'Offset', 0)), rowCount);
	const exclude = str(child(body, 'Columns'), 'Exclude_CSV')
		.split(',')
		.map((c) => c.trim().toLowerCase())
		.filter((c) => c !== '');
	const rows = page.map((t) => {
		const row = renderTask(ctx, t);
		for (const key of Object.keys(row)) if (exclude.includes(key.toLowerCase())) delete row[key];
		return row;
	});
	return jsonAnswer(200, { RecordCount: found.length, List: rows });
}

function sortTasks(ctx: RouteContext, tasks: StoredTask[], sorting: Obj | undefined): void {
	const column = str(sorting, 'ColumnName').trim().toLowerCase();
	const key: keyof StoredTask = column === 'createdon' ? 'CreatedOn' : column === 'modifiedon' ? 'ModifiedOn' : column === 'name' ? 'Name' : 'DueDate';
	const direction = int(sorting, 'Direction', 0) === 1 ? -1 : 1;
	const seq = (t: StoredTask): number => ctx.state.crm.tasks.createdSeq(t);
	sortWithTies(tasks, (a, b) => direction * compareText(String(a[key]), String(b[key])), ctx.state.options.unstableTieOrder, (a, b) => direction * (seq(a) - seq(b)));
}

/** A task of Retrieve [DOC sample keys]; dates as 'yyyy-MM-dd HH:mm:ss.000'. */
function renderTask(ctx: RouteContext, task: StoredTask): Obj {
	const { crm, store } = ctx.state;
	let relatedName = '';
	if (task.RelatedEntity === 1) {
		const lead = store.byId(task.RelatedEntityId);
		relatedName = lead ? `${String(lead.FirstName ?? '')} ${String(lead.LastName ?? '')}`.trim() : '';
	} else if (task.RelatedEntity === 5) {
		relatedName = crm.opportunities.get(task.RelatedEntityId)?.Fields.mx_Custom_1 ?? '';
	}
	return {
		UserTaskId: task.UserTaskId,
		Name: task.Name,
		Category: task.Category,
		Description: task.Description,
		RelatedEntity: task.RelatedEntity,
		RelatedEntityId: task.RelatedEntityId,
		RelatedEntityIdName: relatedName,
		DueDate: withMillis(task.DueDate),
		EndDate: withMillis(task.EndDate),
		Reminder: task.Reminder,
		ReminderBeforeDays: task.ReminderBeforeDays,
		ReminderTime: task.ReminderTime,
		NotifyBy: task.NotifyBy,
		StatusCode: task.StatusCode,
		OwnerId: task.OwnerId,
		OwnerName: crm.users.nameOf(task.OwnerId),
		OwnerEmailAddress: crm.users.byId(task.OwnerId)?.emailAddress ?? '',
		CreatedBy: task.CreatedBy,
		CreatedByName: crm.users.nameOf(task.CreatedBy),
		CreatedOn: withMillis(task.CreatedOn),
		ModifiedBy: task.ModifiedBy,
		ModifiedByName: crm.users.nameOf(task.ModifiedBy),
		ModifiedOn: withMillis(task.ModifiedOn),
		CompletedOn: withMillis(task.CompletedOn),
		UserTaskAutoId: task.UserTaskAutoId,
		Location: task.Location,
		TaskType: { Id: task.TaskTypeId, Name: task.TaskTypeName, Category: task.Category },
		...task.CustomFields,
	};
}

/**
 * Source: [CODE] ids 55769086779 and 55762759671 (`GET Task.svc/MarkComplete?id=`, "Sets StatusCode=1,
 * CompletedOn=now"); no doc page found. The answer `{"Status":"Success","Message":{"AffectedRows":1}}` and that
 * completing twice changes nothing are [INF].
 */
function markComplete(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'id');
	if (typeof id !== 'string') return id;
	const task = ctx.state.crm.completeTask(id, ctx.state.events, ctx.now, SANDBOX_USER_ID);
	if (!task) return mxError(ctx, 'MXInvalidEntityException', 'Task does not exist'); // [INF]
	return jsonAnswer(200, { Status: 'Success', Message: { AffectedRows: 1 } });
}
