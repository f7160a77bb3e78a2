import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import { buildTaskBody, retrieveTasksBody } from '../../nodes/LeadSquared/model/task/body';
import type { TaskInput } from '../../nodes/LeadSquared/model/task/body';

const base: TaskInput = { taskType: 'Follow Up', name: 'Call back', relatedTo: 'lead', relatedId: 'lead-1' };

function refusal(input: Partial<TaskInput>, timezone = 'UTC'): InputError {
	try {
		buildTaskBody({ ...base, ...input }, timezone);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('not refused');
}

describe('Task.svc/Create body', () => {
	it('the documented to-do body, from the node input', () => {
		expect(
			buildTaskBody(
				{
					taskType: ' Revive Old Lead ',
					name: 'Todo: Item',
					description: 'Describing the task',
					relatedTo: 'none',
					relatedId: 'ignored',
					dueDate: '2020-11-11 10:30:00',
					endDate: '2020-11-12T10:29:00Z',
					reminderDaysBefore: '1',
					reminderTime: '10:00',
					notifyByEmail: true,
					owner: { by: 'email', value: ' taskowner@example.com' },
				},
				'UTC',
			),
		).toEqual({
			Name: 'Todo: Item',
			Description: 'Describing the task',
			RelatedEntity: 0,
			RelatedEntityId: '',
			DueDate: '2020-11-11 10:30:00',
			EndDate: '2020-11-12 10:29:00',
			ReminderBeforeDays: 1,
			ReminderTime: '10:00:00',
			NotifyBy: '1100',
			OwnerEmailAddress: 'taskowner@example.com',
			TaskType: { Name: 'Revive Old Lead' },
		});
	});

	it('an appointment on an opportunity, owner by id, reminder in minutes, no notification, custom fields', () => {
		const body = buildTaskBody(
			{
				taskType: 'Meeting',
				name: 'Meeting: Subject',
				relatedTo: 'opportunity',
				relatedId: 'opp-1',
				owner: { by: 'id', value: 'user-1' },
				dueDate: '2024-05-01 10:30',
				reminderMinutes: 30,
				notifyByEmail: false,
				location: 'Koramangala',
				customFields: [{ name: 'mx_Custom_1', value: 5 }],
			},
			'Asia/Kolkata',
		);
		expect(body).toEqual({
			Name: 'Meeting: Subject',
			TaskType: { Name: 'Meeting' },
			RelatedEntity: 5,
			RelatedEntityId: 'opp-1',
			OwnerId: 'user-1',
			DueDate: '2024-05-01 05:00:00',
			Reminder: 30,
			NotifyBy: '1000',
			Location: 'Koramangala',
			CustomFields: { mx_Custom_1: '5' },
		});
	});

	it('sends only what was given (LeadSquared defaults the rest)', () => {
		expect(buildTaskBody(base, 'UTC')).toEqual({ Name: 'Call back', TaskType: { Name: 'Follow Up' }, RelatedEntity: 1, RelatedEntityId: 'lead-1' });
	});

	it.each<[string, Partial<TaskInput>, RegExp, string | undefined]>([
		['an empty subject', { name: '  ' }, /^Subject is empty$/, 'name'],
		['an empty task type', { taskType: '' }, /^Task Type is empty$/, 'taskType'],
		['a lead task without a lead id', { relatedId: '' }, /^Lead ID is empty$/, 'leadId'],
		['an opportunity task without an id', { relatedTo: 'opportunity', relatedId: undefined }, /^Opportunity ID is empty$/, 'opportunityId'],
		['an owner e-mail that is not one', { owner: { by: 'email', value: 'vir at example.com' } }, /^Owner is "vir at example.com", which is not an e-mail address$/, 'owner'],
		['a due date that is not a date', { dueDate: 'next tuesday' }, /^Due Date is "next tuesday", which is not a date/, 'dueDate'],
		['an end date before the due date', { dueDate: '2024-05-02 10:00', endDate: '2024-05-01 10:00' }, /^End Date \(2024-05-01 10:00:00 UTC\) is before Due Date/, 'endDate'],
		['a negative reminder', { reminderMinutes: -5 }, /^Reminder \(Minutes Before\) is -5; it must be a whole number 0 or more$/, 'reminderMinutes'],
		['a fractional reminder', { reminderDaysBefore: 1.5 }, /whole number/, 'reminderDaysBefore'],
		['a reminder time that is not a time', { reminderTime: '25:00' }, /^Reminder Time is "25:00", which is not a time of day/, 'reminderTime'],
		['a custom field without a name', { customFields: [{ name: '', value: 'x' }] }, /^Custom field 1's name is empty$/, 'customFields'],
		['a custom field given twice', { customFields: [{ name: 'mx_Custom_1', value: 'a' }, { name: 'MX_CUSTOM_1', value: 'b' }] }, /given twice/, 'MX_CUSTOM_1'],
		['a custom field holding an object', { customFields: [{ name: 'mx_Custom_1', value: { a: 1 } }] }, /is an object, which is not a text/, 'mx_Custom_1'],
		['a subject that is an object', { name: { text: 'x' } }, /^Subject is an object, which is not a text$/, 'name'],
	])('refuses %s, naming the field', (_name, input, message, field) => {
		const error = refusal(input);
		expect(error.message).toMatch(message);
		expect(error.field).toBe(field);
	});

	it('reads a zone-less due date in the given time zone, and refuses an unknown zone', () => {
		expect(buildTaskBody({ ...base, dueDate: '2024-05-01 10:30' }, 'America/New_York').DueDate).toBe('2024-05-01 14:30:00');
		expect(refusal({ dueDate: '2024-05-01 10:30' }, 'Mars/Base').message).toMatch(/not a time zone/);
	});
});

describe('Task.svc/Retrieve body', () => {
	it('the documented shape: lookup, window, status, type id, sorting by due date, Offset/RowCount paging', () => {
		expect(
			retrieveTasksBody(
				{ owner: { by: 'email', value: 'vir@example.com' }, status: 'pending', typeId: 'type-1', newestFirst: true },
				{ from: '2024-01-01 00:00:00', to: '2024-02-01 00:00:00' },
				100,
				50,
			),
		).toEqual({
			Parameter: { LookupName: 'OwnerEmailAddress', LookupValue: 'vir@example.com', FromDate: '2024-01-01 00:00:00', ToDate: '2024-02-01 00:00:00', StatusCode: 0, TypeName: 'type-1' },
			Sorting: { ColumnName: 'DueDate', Direction: '1' },
			Paging: { Offset: 100, RowCount: 50 },
		});
	});

	it('leaves out the filters not asked for', () => {
		expect(retrieveTasksBody({ owner: { by: 'id', value: 'u1' }, status: 'any', newestFirst: false }, {}, 0, 100)).toEqual({
			Parameter: { LookupName: 'OwnerId', LookupValue: 'u1' },
			Sorting: { ColumnName: 'DueDate', Direction: '0' },
			Paging: { Offset: 0, RowCount: 100 },
		});
		expect(retrieveTasksBody({ owner: { by: 'id', value: 'u1' }, status: 'completed', newestFirst: false }, {}, 0, 1).Parameter).toMatchObject({ StatusCode: 1 });
	});
});
