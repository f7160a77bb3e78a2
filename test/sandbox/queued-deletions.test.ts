import { startSandbox, type Sandbox } from '../../sandbox';
import { C, formActivity, newLead, post } from './crm-client';
import { X } from './crm-extra-client';
import { Receiver } from './receiver';

describe('sandbox: queued deletions (DeleteTasks, DeleteActivities)', () => {
	let sb: Sandbox;
	let receiver: Receiver;
	beforeAll(async () => {
		sb = await startSandbox();
		receiver = await Receiver.start();
	});
	afterAll(async () => {
		await sb.close();
		await receiver.close();
	});
	beforeEach(() => {
		sb.configure({ queuedDeletionDelayMs: Infinity });
		sb.reset();
		receiver.received.length = 0;
	});

	const newTask = async (name: string): Promise<string> => (await post(sb, C.taskCreate, { Name: name, TaskType: { Name: 'Follow Up' } })).json.Message.Id as string;

	it('DeleteTasks answers the documented summary at once; the tasks are gone only when the queue runs', async () => {
		const a = await newTask('a');
		const b = await newTask('b');
		const keep = await newTask('keep');
		const res = await post(sb, X.tasksDelete, { TaskIds: [a, b, 'b0000000-0000-0000-0000-000000000000'] });
		expect(res.json).toEqual({ Status: 'Success', Operation: 'Bulk Delete Tasks', TasksCount: 3, DeletedTasksCount: 2, FailureReason: null });
		expect(sb.records().tasks.map((t) => t.UserTaskId)).toEqual([a, b, keep]);
		expect(sb.queuedJobs()).toEqual([expect.objectContaining({ kind: 'deleteTasks', state: 'queued', ranAt: null, deletedIds: [] })]);
		expect(sb.runQueuedJobs()).toBe(1);
		expect(sb.records().tasks.map((t) => t.UserTaskId)).toEqual([keep]);
		expect(sb.queuedJobs()[0]).toMatchObject({ state: 'done', deletedIds: [a, b] });
		expect(sb.runQueuedJobs()).toBe(0);
	});

	it('with the default delay the queue runs by itself; the StatusWebhookURL gets the status when done', async () => {
		sb.configure({ queuedDeletionDelayMs: undefined });
		const a = await newTask('a');
		await post(sb, X.tasksDelete, { TaskIds: [a], StatusWebhookURL: `${receiver.url}/status` });
		await sb.queueSettled();
		expect(sb.records().tasks).toEqual([]);
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0]).toMatchObject({ method: 'POST', path: '/status' });
		expect(JSON.parse(receiver.received[0].body)).toEqual({ Status: 'Success', Operation: 'Bulk Delete Tasks', TasksCount: 1, DeletedTasksCount: 1, FailureReason: null });
		expect(sb.queuedJobs()[0].statusCall).toMatchObject({ status: 200, error: '' });
	});

	it('DeleteTasks errors: no ids, more than 5000, a bad StatusWebhookURL; reset drops queued jobs', async () => {
		expect((await post(sb, X.tasksDelete, { TaskIds: [] })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: TaskIds');
		const many = Array.from({ length: 5001 }, (_, n) => `t-${n}`);
		expect((await post(sb, X.tasksDelete, { TaskIds: many })).json.ExceptionMessage).toBe('Maximum of 5000 tasks can be sent in one request');
		expect((await post(sb, X.tasksDelete, { TaskIds: ['x'], StatusWebhookURL: 'ftp://nope' })).json.ExceptionMessage).toBe("Invalid StatusWebhookURL 'ftp://nope'");
		expect(sb.queuedJobs()).toEqual([]);
		await post(sb, X.tasksDelete, { TaskIds: [await newTask('x')] });
		sb.reset({ keepLeads: true });
		expect(sb.queuedJobs()).toEqual([]);
		expect(sb.records().tasks).toHaveLength(1);
	});

	it('DeleteActivities queues "Your request for delete activities has been queued."; then deletes the listed types in the window', async () => {
		const leadId = await newLead(sb, 'trail@example.com');
		const other = await newLead(sb, 'other-trail@example.com');
		const early = await formActivity(sb, leadId, '2026-01-10 10:00:00');
		const inWindow = await formActivity(sb, leadId, '2026-02-10 10:00:00');
		const call = await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 202, ActivityDateTime: '2026-02-11 10:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }] });
		const otherLead = await formActivity(sb, other, '2026-02-10 10:00:00');
		const res = await post(sb, X.activitiesDelete, { ProspectId: leadId, ActivityEventList: ['201'], FromDate: '2026-02-01 00:00:00', ToDate: '2026-02-28 23:59:59' });
		expect(res.json).toEqual({ Status: 'Success', Message: { Message: 'Your request for delete activities has been queued.' } });
		expect(sb.records().activities).toHaveLength(4);
		sb.runQueuedJobs();
		expect(sb.records().activities.map((a) => a.ProspectActivityId)).toEqual([early, call.json.Message.Id, otherLead]);
		expect(sb.queuedJobs()[0]).toMatchObject({ kind: 'deleteActivities', deletedIds: [inWindow] });
		await post(sb, X.activitiesDelete, { ProspectId: leadId, ActivityEventList: [201, '202'] });
		sb.runQueuedJobs();
		expect(sb.records().activities.map((a) => a.ProspectActivityId)).toEqual([otherLead]);
	});

	it('DeleteActivities errors: no lead, unknown lead, no types, a system or unknown type, a bad date', async () => {
		const leadId = await newLead(sb, 'del-err@example.com');
		expect((await post(sb, X.activitiesDelete, { ActivityEventList: ['201'] })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: ProspectId');
		expect((await post(sb, X.activitiesDelete, { ProspectId: 'b0000000-0000-0000-0000-000000000000', ActivityEventList: ['201'] })).json.ExceptionMessage).toBe('Lead does not exist in the system');
		expect((await post(sb, X.activitiesDelete, { ProspectId: leadId, ActivityEventList: [] })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: ActivityEventList');
		for (const code of ['22', '98', '999', '12000']) {
			expect((await post(sb, X.activitiesDelete, { ProspectId: leadId, ActivityEventList: [code] })).json).toMatchObject({ ExceptionType: 'MXInvalidActivityException', ExceptionMessage: 'Event Code is invalid or empty' });
		}
		expect((await post(sb, X.activitiesDelete, { ProspectId: leadId, ActivityEventList: ['201'], FromDate: 'last week' })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: FromDate');
		expect(sb.queuedJobs()).toEqual([]);
	});
});
