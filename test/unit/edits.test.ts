/**
 * The pure knowledge behind the operations that change or delete existing records: the Task.svc/Update body, the
 * DeleteTasks answer, the CustomActivity/Update and DeleteActivities bodies, GetOpportunityDetails read flat, the
 * refusals of an opportunity deletion, "does not exist" said about the record, and batches larger than 25.
 */
import { batchesByKeys } from '../../nodes/LeadSquared/machinery/bulk';
import { InputError, recordNotFound } from '../../nodes/LeadSquared/machinery/errors';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { activityUpdateFailure, buildActivityDeletion, buildActivityUpdate } from '../../nodes/LeadSquared/model/activity/edits';
import { parseActivitySetting } from '../../nodes/LeadSquared/model/activity/types';
import { deletionConfirmed, deletionNotAllowed, isNoSuchOpportunity, readOpportunityDetails } from '../../nodes/LeadSquared/model/opportunity/details';
import { readTaskDeletion, taskDeletionOutcome } from '../../nodes/LeadSquared/model/task/deletion';
import { buildTaskUpdateBody } from '../../nodes/LeadSquared/model/task/update';
import type { EmptyValues, TaskUpdateFields } from '../../nodes/LeadSquared/model/task/update';

const LEAD = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f';

function refused(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('not refused');
}

describe('Task.svc/Update body', () => {
	const update = (fields: TaskUpdateFields, emptyValues: EmptyValues = 'fail', owner?: { by: 'id' | 'email'; value: unknown }) =>
		buildTaskUpdateBody({ taskId: ' t-1 ', owner, fields }, 'Asia/Kolkata', emptyValues);

	it('only the fields given, converted as Create converts them (dates to UTC, NotifyBy codes, reminder time)', () => {
		expect(
			update({ name: ' Call ', dueDate: '2026-05-01 10:30', reminderTime: '9:05', notifyByEmail: 'false', customFields: [{ name: 'mx_Custom_1', value: 7 }] }, 'fail', {
				by: 'email',
				value: 'asha@example.com',
			}),
		).toEqual({
			body: { UserTaskId: 't-1', Name: 'Call', OwnerEmailAddress: 'asha@example.com', DueDate: '2026-05-01 05:00:00', ReminderTime: '09:05:00', NotifyBy: '1000', CustomFields: { mx_Custom_1: '7' } },
			skippedFields: [],
		});
		expect(update({ leadId: LEAD }).body).toEqual({ UserTaskId: 't-1', RelatedEntity: 1, RelatedEntityId: LEAD });
		expect(update({ opportunityId: 'o-1', notifyByEmail: true }).body).toEqual({ UserTaskId: 't-1', RelatedEntity: 5, RelatedEntityId: 'o-1', NotifyBy: '1100' });
	});

	it('empty values: skip lists them, clear empties the clearable ones, fail (and clear of the others) refuses', () => {
		const fields = { description: null, location: '', reminderTime: ' ', customFields: [{ name: 'mx_Custom_1', value: null }], dueDate: '2026-05-01' };
		expect(update(fields, 'skip')).toEqual({ body: { UserTaskId: 't-1', DueDate: '2026-04-30 18:30:00' }, skippedFields: ['Description', 'Reminder Time', 'Location', 'mx_Custom_1'] });
		expect(update(fields, 'clear').body).toEqual({ UserTaskId: 't-1', DueDate: '2026-04-30 18:30:00', Description: '', ReminderTime: '', Location: '', CustomFields: { mx_Custom_1: '' } });
		expect(refused(() => update(fields, 'fail'))).toMatchObject({ message: 'Update Fields → Description has no value', field: 'description' });
		expect(refused(() => update({ dueDate: '' }, 'clear'))).toMatchObject({ message: 'Update Fields → Due Date has no value', description: expect.stringMatching(/^LeadSquared cannot empty the Due Date of a task/) });
		expect(refused(() => update({ customFields: [{ name: 'mx_Custom_2', value: '' }] }, 'fail'))).toMatchObject({ message: 'Update Fields → Custom Fields → mx_Custom_2 has no value', field: 'mx_Custom_2' });
	});

	it('refuses nothing to update, both a lead and an opportunity, an end before the due date', () => {
		expect(refused(() => update({})).message).toBe('Nothing to update: no field and no owner given');
		expect(refused(() => update({ name: null }, 'skip')).message).toBe('Nothing to update: every field given was empty (Subject)');
		expect(refused(() => update({ leadId: LEAD, opportunityId: 'o-1' })).field).toBe('opportunityId');
		expect(refused(() => update({ dueDate: '2026-05-02', endDate: '2026-05-01' })).field).toBe('endDate');
		expect(refused(() => buildTaskUpdateBody({ taskId: '', fields: { name: 'x' } }, 'UTC', 'fail')).field).toBe('taskId');
	});
});

describe('DeleteTasks answer', () => {
	it('reads the documented counts (also inside Message), and a stated failure', () => {
		expect(readTaskDeletion({ Status: 'Success', Operation: 'Bulk Delete Tasks', TasksCount: 67, DeletedTasksCount: 67, FailureReason: null })).toEqual({ ok: true, count: { sent: 67, queued: 67 } });
		expect(readTaskDeletion({ Status: 'Success', Message: { TasksCount: '3', DeletedTasksCount: '2' } })).toEqual({ ok: true, count: { sent: 3, queued: 2 } });
		expect(readTaskDeletion({ Status: 'Success' })).toEqual({ ok: true, count: { sent: undefined, queued: undefined } });
		expect(readTaskDeletion({ Status: 'Success', TasksCount: 1, DeletedTasksCount: 0, FailureReason: 'Tasks are locked' })).toMatchObject({
			ok: false,
			failure: { kind: 'business', message: 'LeadSquared refused to delete the task(s): Tasks are locked', exceptionMessage: 'Tasks are locked' },
		});
		expect(readTaskDeletion([1])).toBeUndefined();
	});

	it("what each item of a call learns: queued, not found (none queued), unconfirmed (some)", () => {
		expect(taskDeletionOutcome(1, { sent: 1, queued: 1 })).toBe('queued');
		expect(taskDeletionOutcome(3, {})).toBe('queued');
		expect(taskDeletionOutcome(1, { sent: 1, queued: 0 })).toBe('notFound');
		expect(taskDeletionOutcome(3, { sent: 3, queued: 0 })).toBe('notFound');
		expect(taskDeletionOutcome(3, { sent: 3, queued: 2 })).toBe('unconfirmed');
	});
});

describe('CustomActivity/Update and DeleteActivities bodies', () => {
	const type = parseActivitySetting(
		{
			DisplayName: 'Phone Call',
			Fields: [
				{ SchemaName: 'mx_Custom_1', DisplayName: 'Call Outcome', DataType: 'Dropdown', IsMandatory: true, OptionSet: '[{"Value":"Connected"},{"Value":"Busy"}]' },
				{ SchemaName: 'mx_Custom_2', DisplayName: 'Duration', DataType: 'Number' },
			],
		},
		202,
	);
	const options = { timezone: 'UTC', skipDropdownCheck: false };

	it('the documented update body: id, type, note, the fields given (a mandatory field may be left out)', () => {
		expect(buildActivityUpdate({ activityId: 'a-1', note: 'Sample Note', fields: [{ name: 'mx_Custom_2', value: 42, source: 'activity fields' }] }, type, options)).toEqual({
			body: { ProspectActivityId: 'a-1', ActivityEvent: 202, ActivityNote: 'Sample Note', Fields: [{ SchemaName: 'mx_Custom_2', Value: '42' }] },
			skippedFields: [],
		});
		expect(buildActivityUpdate({ activityId: 'a-1', fields: [{ name: 'mx_custom_1', value: 'busy', source: 'manual entry' }] }, type, { ...options, skipDropdownCheck: false }).body.Fields).toEqual([
			{ SchemaName: 'mx_Custom_1', Value: 'Busy' },
		]);
		expect(buildActivityUpdate({ activityId: 'a-1', note: 'x', fields: [{ name: 'mx_Custom_2', value: null, source: 'activity fields' }] }, type, { ...options, emptyValues: 'clear' }).body.Fields).toEqual([
			{ SchemaName: 'mx_Custom_2', Value: '' },
		]);
		expect(refused(() => buildActivityUpdate({ activityId: 'a-1', fields: [] }, type, options)).message).toBe('Nothing to update: no activity field and no note');
		expect(refused(() => buildActivityUpdate({ activityId: 'a-1', fields: [{ name: 'mx_Custom_2', value: 'ten', source: 'activity fields' }] }, type, options)).field).toBe('mx_Custom_2');
	});

	it('the documented delete body: the lead, the type as text, the window in UTC; refuses a window that ends before it starts', () => {
		expect(buildActivityDeletion({ leadId: ` ${LEAD} `, code: 202, from: '2018-05-01', to: '2018-06-20 23:59:59', statusWebhookUrl: 'https://example.com/s' }, 'Asia/Kolkata')).toEqual({
			ProspectId: LEAD,
			ActivityEventList: ['202'],
			FromDate: '2018-04-30 18:30:00',
			ToDate: '2018-06-20 18:29:59',
			StatusWebhookURL: 'https://example.com/s',
		});
		expect(buildActivityDeletion({ leadId: LEAD, code: 202 }, 'UTC')).toEqual({ ProspectId: LEAD, ActivityEventList: ['202'] });
		expect(refused(() => buildActivityDeletion({ leadId: LEAD, code: 202, from: '2026-02-01', to: '2026-01-01' }, 'UTC')).field).toBe('fromDate');
		expect(refused(() => buildActivityDeletion({ leadId: '1016', code: 202 }, 'UTC')).field).toBe('leadId');
	});

	it("LeadSquared's refusals of an update, said about the activity", () => {
		const body = { ProspectActivityId: 'a-1', ActivityEvent: 202 };
		const failure = (exceptionType: string, exceptionMessage: string): Failure => ({ kind: 'business', message: 'x', exceptionType, exceptionMessage });
		expect(activityUpdateFailure(failure('MXUnknownProspectActivityException', 'Activity does not exist.'), body, type).message).toBe('No activity with the ID "a-1" was found in LeadSquared');
		expect(activityUpdateFailure(failure('MXInvalidActivityException', 'Event Code is invalid or empty'), body, type).message).toMatch(/^LeadSquared refused the update: activity a-1 is not an activity of type Phone Call \(202\)/);
		expect(activityUpdateFailure(failure('MXInvalidActivityFieldsException', 'Field is locked'), body, type).message).toBe('LeadSquared refused the update of activity a-1: Field is locked');
		expect(activityUpdateFailure({ kind: 'transient', message: 'timeout' }, body, type)).toEqual({ kind: 'transient', message: 'timeout' });
	});
});

describe('GetOpportunityDetails and Delete', () => {
	const answer = {
		ID: 'o-1',
		Name: 'Loan',
		DisplayName: 'Loan',
		Fields: [
			{ SchemaName: 'ActivityEvent_Note', DisplayName: 'Notes', DataType: 'String', Value: 'Captured' },
			{ SchemaName: 'Status', DataType: 'SearchableDropdown', Value: 'Open', OptionSet: '[{"Value":"Open"}]' },
			{ SchemaName: 'mx_Custom_2', DisplayName: 'Loan Amount', DataType: 'Number', Value: '2500000' },
			{ SchemaName: 'OpportunityId', DataType: 'String', Value: 'ignored' },
			{ DisplayName: 'no schema name', Value: 'x' },
		],
	};

	it('reads the opportunity flat (note as OpportunityNote, own keys kept), with its fields\' metadata; no opportunity as "none"', () => {
		const details = readOpportunityDetails(answer, 'asked');
		expect(details).toMatchObject({ record: { OpportunityId: 'o-1', OpportunityType: 'Loan', OpportunityNote: 'Captured', Status: 'Open', mx_Custom_2: '2500000' }, typeName: 'Loan' });
		expect(details !== 'none' && details?.type.fields?.get('mx_Custom_2')?.kind).toBe('number');
		expect(readOpportunityDetails([answer], 'asked')).toMatchObject({ record: { OpportunityId: 'o-1' } });
		for (const none of [null, '', {}, [], { Status: 'Success' }]) expect(readOpportunityDetails(none, 'asked')).toBe('none');
		expect(readOpportunityDetails({ ID: 'o-1', Fields: 'not a list' }, 'asked')).toBeUndefined();
	});

	it('tells no such opportunity, a type without Allow Delete, and IsSuccessful false', () => {
		const business = (exceptionMessage: string): Failure => ({ kind: 'business', message: 'x', exceptionType: 'MXException', exceptionMessage });
		expect(isNoSuchOpportunity(business('Opportunity does not exist in the system'))).toBe(true);
		expect(isNoSuchOpportunity(business('Lead does not exist in the system'))).toBe(false);
		expect(deletionNotAllowed(business('Opportunities of this type cannot be deleted. Enable Allow Delete for the opportunity type'))?.message).toMatch(/^LeadSquared does not allow deleting this opportunity/);
		expect(deletionNotAllowed(business('You do not have permission to delete'))).toBeDefined();
		expect(deletionNotAllowed(business('Opportunity does not exist in the system'))).toBeUndefined();
		expect(deletionConfirmed({ Status: 'Success', Message: { IsSuccessful: true } })).toBe(true);
		expect(deletionConfirmed({ Status: 'Success', Message: { IsSuccessful: false } })).toBe(false);
		expect(deletionConfirmed({ Status: 'Success', Message: { IsSuccessful: 'False' } })).toBe(false);
		expect(deletionConfirmed({ Status: 'Success' })).toBe(true);
	});
});

describe('"does not exist" said about the record', () => {
	const failure: Failure = { kind: 'business', message: 'LeadSquared refused the request: Task does not exist', exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Task does not exist' };

	it('names the record when LeadSquared names it; keeps every other failure', () => {
		expect(recordNotFound(failure, 'task', 't-1', 'Copy the ID')).toEqual({
			...failure,
			message: 'No task with the ID "t-1" was found in LeadSquared',
			description: 'LeadSquared MXInvalidEntityException: Task does not exist. Copy the ID.',
		});
		expect(recordNotFound({ ...failure, exceptionMessage: 'Lead does not exist in the system' }, 'task', 't-1')).toBeUndefined();
		expect(recordNotFound({ ...failure, exceptionMessage: 'Invalid Input! Parameter Name: noteId' }, 'note', 'n-1')).toBeUndefined();
		expect(recordNotFound({ ...failure, kind: 'transient' }, 'task', 't-1')).toBeUndefined();
	});
});

describe('batchesByKeys beyond 25', () => {
	it('takes the bulk API\'s own limit (DeleteTasks: 5,000), and still never puts one key twice in a batch', () => {
		const entries = Array.from({ length: 120 }, (_, index) => ({ id: index === 110 ? 'id-0' : `id-${index}` }));
		const batches = batchesByKeys(entries, 100, (entry) => [entry.id], 5000);
		expect(batches.map((batch) => batch.length)).toEqual([100, 20]);
		expect(batchesByKeys(entries, 100, (entry) => [entry.id]).map((batch) => batch.length)).toEqual([25, 25, 25, 25, 20]);
		expect(batches[1].map((entry) => entry.id)).toContain('id-0');
	});
});
