import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ADMIN_ID, ASHA, C, captureBody, INACTIVE_USER_EMAIL, newLead, post, recordEvents } from './crm-client';

describe('sandbox: tasks', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ taskRetrieveMaxDays: undefined });
		sb.reset();
	});

	const todo = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
		Name: 'Todo: Item',
		Description: 'Describing the task',
		RelatedEntity: 0,
		RelatedEntityId: '',
		DueDate: '2026-11-11 10:30:00',
		EndDate: '2026-11-12 10:29:00',
		ReminderBeforeDays: '1',
		ReminderTime: '10:00:00',
		NotifyBy: '1100',
		OwnerEmailAddress: ` ${ASHA.email}`,
		TaskType: { Name: 'Revive Old Lead' },
		...extra,
	});
	const createTask = (body: Record<string, unknown>) => post(sb, C.taskCreate, body);
	const retrieve = (parameter: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
		post(sb, C.taskRetrieve, { Parameter: { LookupName: 'OwnerEmailAddress', LookupValue: ASHA.email, ...parameter }, ...rest });

	it('creates a to-do (the documented body) → {Status, Message:{Id}} and announces task.created', async () => {
		const { events, stop } = recordEvents(sb);
		const res = await createTask(todo());
		stop();
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const [task] = sb.records().tasks;
		expect(task).toMatchObject({
			UserTaskId: res.json.Message.Id,
			UserTaskAutoId: 'T10001',
			Name: 'Todo: Item',
			Category: 1,
			TaskTypeName: 'Revive Old Lead',
			RelatedEntity: 0,
			LeadId: '',
			DueDate: '2026-11-11 10:30:00',
			EndDate: '2026-11-12 10:29:00',
			ReminderBeforeDays: 1,
			ReminderTime: '10:00:00',
			NotifyBy: '1100',
			StatusCode: 0,
			OwnerId: ASHA.id,
			CompletedOn: '',
		});
		expect(events).toEqual([expect.objectContaining({ type: 'task.created', data: expect.objectContaining({ UserTaskId: task.UserTaskId }) })]);
	});

	it('creates an appointment on a lead; EndDate defaults to DueDate + the type duration, the owner to the API user', async () => {
		const leadId = await newLead(sb, 'appt@example.com', { FirstName: 'Anu' });
		const res = await createTask({ Name: 'Meeting: Subject', RelatedEntity: 1, RelatedEntityId: leadId, DueDate: '2026-11-11 10:30:00', Reminder: 30, TaskType: { Name: 'site visit' } });
		expect(res.status).toBe(200);
		expect(sb.records().tasks[0]).toMatchObject({ Category: 0, TaskTypeName: 'Site Visit', RelatedEntity: 1, RelatedEntityId: leadId, LeadId: leadId, EndDate: '2026-11-11 11:30:00', Reminder: 30, OwnerId: ADMIN_ID, NotifyBy: '1000' });
	});

	it('a task on an opportunity (RelatedEntity 5) belongs to the opportunity lead', async () => {
		const captured = await post(sb, C.oppCapture, captureBody('opp-task@example.com', 12000, { mx_Custom_1: 'MBA', mx_Custom_2: 'Law' }));
		const oppId = captured.json.CreatedOpportunityId as string;
		const res = await createTask(todo({ RelatedEntity: 5, RelatedEntityId: oppId }));
		expect(res.status).toBe(200);
		expect(sb.records().tasks[0]).toMatchObject({ RelatedEntity: 5, RelatedEntityId: oppId, LeadId: captured.json.RelatedProspectId });
	});

	it.each([
		['an unknown owner e-mail', { OwnerEmailAddress: 'nobody@example.com' }, 'MXInvalidInputException', "Task owner 'nobody@example.com' does not exist or is not an active user"],
		['an inactive owner', { OwnerEmailAddress: INACTIVE_USER_EMAIL }, 'MXInvalidInputException', `Task owner '${INACTIVE_USER_EMAIL}' does not exist or is not an active user`],
		['an unknown OwnerId', { OwnerEmailAddress: undefined, OwnerId: 'no-such-user' }, 'MXInvalidInputException', "Task owner 'no-such-user' does not exist or is not an active user"],
		['an unknown task type', { TaskType: { Name: 'Lunch' } }, 'MXInvalidInputException', "Task type 'Lunch' does not exist"],
		['no task type', { TaskType: undefined }, 'MXInvalidInputException', 'Invalid Input! Parameter Name: TaskType'],
		['an unknown lead', { RelatedEntity: 1, RelatedEntityId: 'a0000000-0000-0000-0000-000000000000' }, 'MXInvalidEntityException', 'Lead does not exist in the system'],
		['an unknown opportunity', { RelatedEntity: 5, RelatedEntityId: 'nope' }, 'MXInvalidEntityException', 'Opportunity does not exist in the system'],
		['RelatedEntity 3', { RelatedEntity: 3 }, 'MXInvalidInputException', "Invalid RelatedEntity '3'. Pass 0 (none), 1 (lead) or 5 (opportunity)"],
		['no Name', { Name: '' }, 'MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - Name'],
		['a bad DueDate', { DueDate: '11/11/2026' }, 'MXInvalidInputException', "Invalid DueDate '11/11/2026'. Pass it in UTC as yyyy-MM-dd HH:mm:ss"],
		['EndDate before DueDate', { EndDate: '2026-11-10 10:00:00' }, 'MXInvalidInputException', 'EndDate cannot be earlier than DueDate'],
		['NotifyBy 1200', { NotifyBy: '1200' }, 'MXInvalidInputException', "Invalid NotifyBy '1200'. Pass 1100 (notify the owner by e-mail) or 1000 (no notification)"],
	])('refuses %s', async (_label, change, type, message) => {
		const res = await createTask(todo(change));
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ Status: 'Error', ExceptionType: type, ExceptionMessage: message });
		expect(sb.records().tasks).toHaveLength(0);
	});

	it('RetrieveTaskType lists to-do (Category 1) and appointment (Category 0) types, filtered by ColumnName/ColumnValue', async () => {
		const all = await call(sb, C.taskTypes);
		expect(all.json.map((t: { Name: string; Category: number }) => [t.Name, t.Category])).toEqual([
			['Follow Up', 1],
			['Document Collection', 1],
			['Revive Old Lead', 1],
			['Meeting', 0],
			['Site Visit', 0],
			['Demo Call', 0],
		]);
		expect(all.json[3]).toMatchObject({ Id: expect.any(String), Color: '#F8BBD0', CreatedBy: 'System', DefaultDuration: 30 });
		expect(all.json[3].ColumnConfiguration.map((c: { SchemaName: string }) => c.SchemaName)).toEqual(['OwnerId', 'RelatedEntityId', 'Name']);
		const appointments = await call(sb, C.taskTypes, { query: { ColumnName: 'Category', ColumnValue: '0' } });
		expect(appointments.json).toHaveLength(3);
		const byName = await call(sb, C.taskTypes, { query: { ColumnName: 'TaskTypeName', ColumnValue: 'meeting' } });
		expect(byName.json.map((t: { Name: string }) => t.Name)).toEqual(['Meeting']);
	});

	it('Retrieve: an owner tasks by e-mail or id, filtered by StatusCode, TypeName and DueDate, sorted and paged', async () => {
		for (let day = 1; day <= 5; day++) await createTask(todo({ Name: `Task ${day}`, DueDate: `2026-03-0${day} 09:00:00`, EndDate: '' }));
		await createTask(todo({ Name: 'Admin task', OwnerEmailAddress: undefined }));
		await createTask(todo({ Name: 'Meeting', TaskType: { Name: 'Meeting' }, DueDate: '2026-03-03 12:00:00', EndDate: '' }));
		const all = await retrieve({});
		expect(all.json.RecordCount).toBe(6);
		expect(all.json.List.map((t: { Name: string }) => t.Name)).toEqual(['Task 1', 'Task 2', 'Task 3', 'Meeting', 'Task 4', 'Task 5']);
		expect(all.json.List[0]).toMatchObject({
			DueDate: '2026-03-01 09:00:00.000',
			OwnerId: ASHA.id,
			OwnerName: 'Asha Rao',
			CreatedByName: 'Sandbox Admin',
			CompletedOn: '',
			TaskType: { Name: 'Revive Old Lead', Category: 1 },
		});
		expect((await retrieve({ LookupName: 'OwnerId', LookupValue: ASHA.id })).json.RecordCount).toBe(6);
		expect((await retrieve({ LookupName: 'OwnerId', LookupValue: ADMIN_ID })).json.RecordCount).toBe(1);
		expect((await retrieve({ LookupValue: 'nobody@example.com' })).json).toEqual({ RecordCount: 0, List: [] });
		expect((await retrieve({ TypeName: 'Meeting' })).json.RecordCount).toBe(1);
		const meetingType = (await call(sb, C.taskTypes, { query: { ColumnName: 'TaskTypeName', ColumnValue: 'Meeting' } })).json[0].Id as string;
		expect((await retrieve({ TypeName: meetingType })).json.RecordCount).toBe(1);
		const window = await retrieve({ FromDate: '2026-03-02 00:00:00', ToDate: '2026-03-03 23:59:59' });
		expect(window.json.List.map((t: { Name: string }) => t.Name)).toEqual(['Task 2', 'Task 3', 'Meeting']);
		const desc = await retrieve({}, { Sorting: { ColumnName: 'Duedate', Direction: '1' }, Paging: { Offset: 1, RowCount: 2 } });
		expect(desc.json.RecordCount).toBe(6);
		expect(desc.json.List.map((t: { Name: string }) => t.Name)).toEqual(['Task 4', 'Meeting']);
		const trimmed = await retrieve({}, { Columns: { Exclude_CSV: 'Description,OwnerName' } });
		expect(Object.keys(trimmed.json.List[0])).not.toContain('OwnerName');
		expect(Object.keys(trimmed.json.List[0])).not.toContain('Description');
		expect((await retrieve({ LookupName: 'Email' })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: LookupName');
	});

	it('Retrieve: a window longer than 100 days is refused when the answer can hold to-dos', async () => {
		const long = { FromDate: '2026-01-01 00:00:00', ToDate: '2026-04-11 00:00:01' };
		const res = await retrieve(long);
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'The difference between FromDate and ToDate cannot be more than 100 days',
		});
		expect((await retrieve({ FromDate: '2026-01-01 00:00:00', ToDate: '2026-04-11 00:00:00' })).status).toBe(200);
		expect((await retrieve({ ...long, TypeName: 'Meeting' })).status).toBe(200);
		expect((await retrieve({ ...long, TypeName: 'Follow Up' })).status).toBe(500);
		sb.configure({ taskRetrieveMaxDays: 365 });
		expect((await retrieve(long)).status).toBe(200);
	});

	it('MarkComplete (GET ?id=) completes a task once: StatusCode 1, CompletedOn, task.completed', async () => {
		const leadId = await newLead(sb, 'done@example.com');
		const id = (await createTask(todo({ RelatedEntity: 1, RelatedEntityId: leadId }))).json.Message.Id as string;
		const { events, stop } = recordEvents(sb);
		const res = await call(sb, C.taskComplete, { query: { id } });
		expect(res.json).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		expect((await call(sb, C.taskComplete, { query: { id } })).status).toBe(200);
		stop();
		expect(events).toEqual([
			expect.objectContaining({ type: 'task.completed', leadId, changed: ['StatusCode', 'CompletedOn'], before: { StatusCode: 0, CompletedOn: '' } }),
		]);
		const [task] = sb.records().tasks;
		expect(task.StatusCode).toBe(1);
		expect(task.CompletedOn).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect((await retrieve({ StatusCode: 1 })).json.RecordCount).toBe(1);
		expect((await retrieve({ StatusCode: 0 })).json.RecordCount).toBe(0);
		expect((await call(sb, C.taskComplete, { query: { id: 'nope' } })).json.ExceptionType).toBe('MXInvalidEntityException');
		expect((await call(sb, C.taskComplete)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: id');
	});

	it('sb.completeTask() completes a task like the UI would', async () => {
		const id = (await createTask(todo())).json.Message.Id as string;
		expect(sb.completeTask(id)).toBe(true);
		expect(sb.completeTask('unknown')).toBe(false);
		expect(sb.records().tasks[0].StatusCode).toBe(1);
	});

	it('Update changes the given values and announces task.updated with the changes', async () => {
		const id = (await createTask(todo())).json.Message.Id as string;
		const { events, stop } = recordEvents(sb);
		const res = await post(sb, C.taskUpdate, { UserTaskId: id, Name: 'Document Collection', DueDate: '2026-11-11 11:00:00', OwnerId: ADMIN_ID });
		stop();
		expect(res.json).toEqual({ Status: 'Success', Message: { AffectedRows: 1, AutoId: 10001 } });
		expect(sb.records().tasks[0]).toMatchObject({ Name: 'Document Collection', DueDate: '2026-11-11 11:00:00', EndDate: '2026-11-11 11:00:00', OwnerId: ADMIN_ID, Description: 'Describing the task' });
		expect(events).toEqual([
			expect.objectContaining({
				type: 'task.updated',
				changed: ['Name', 'DueDate', 'EndDate', 'OwnerId'],
				before: { Name: 'Todo: Item', DueDate: '2026-11-11 10:30:00', EndDate: '2026-11-12 10:29:00', OwnerId: ASHA.id },
			}),
		]);
		expect((await post(sb, C.taskUpdate, { UserTaskId: 'nope', Name: 'x' })).json.ExceptionMessage).toBe('Task does not exist');
	});
});
