/**
 * Bad input for the task operations: each case fails naming the item and the field, and nothing is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { locator } from '../engine/support';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { C, captureBody, post } from '../sandbox/crm-client';
import { describeBadInput, useCatalogueSandbox, withOptions } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const leadId = '5d1c7f0e-0000-4000-8000-00000000b0b0';
let taskId = '';
let opportunityId = '';
const sandbox = useCatalogueSandbox({ leads: [{ ProspectID: leadId, EmailAddress: 'task-bad@example.com', LastName: 'Bad' }] }, async (opened) => {
	const created = await post(opened, C.taskCreate, { Name: 'To complete', TaskType: { Name: 'Follow Up' } });
	taskId = created.json.Message.Id as string;
	const captured = await post(opened, C.oppCapture, captureBody('task-bad@example.com', 12000, { mx_Custom_1: 'Bad input', mx_Custom_2: 'Law' }));
	opportunityId = captured.json.CreatedOpportunityId as string;
});

/** Task → Create, every value from the item (`$json`), so one item can be good and the next bad. */
function create(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'task',
		operation: 'create',
		taskType: locator('={{ $json.type }}'),
		name: '={{ $json.subject }}',
		relatedTo: 'lead',
		leadId: '={{ $json.lead }}',
		owner: locator('={{ $json.owner }}', 'email'),
		dueDate: '={{ $json.due }}',
		additionalFields: {
			endDate: '={{ $json.end }}',
			reminderMinutes: '={{ $json.minutes }}',
			reminderTime: '={{ $json.time }}',
			customFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
		},
		...extra,
	};
}

const good = (): IDataObject => ({ type: 'Follow Up', subject: 'Call', lead: leadId, owner: 'asha.rao@sandbox.example.com', due: '2026-05-01 10:00', end: '', minutes: 10, time: '09:30', field: 'mx_Custom_1', value: 'x' });
const bad = (values: IDataObject): IDataObject => ({ ...good(), ...values });

const CREATE: BadInputCase[] = [
	{ name: 'an empty subject', parameters: create(), good: good(), bad: bad({ subject: '   ' }), message: /^Subject is empty/, field: 'name' },
	{ name: 'a subject that is an object', parameters: create(), good: good(), bad: bad({ subject: { text: 'x' } }), message: /^Subject is an object, which is not a text/, field: 'name' },
	{ name: 'an empty task type', parameters: create(), good: good(), bad: bad({ type: '' }), message: /^Task Type is empty/, field: 'taskType' },
	{ name: 'a lead task without a lead id', parameters: create(), good: good(), bad: bad({ lead: '' }), message: /^Lead ID is empty/, field: 'leadId' },
	{
		name: 'an opportunity task without an opportunity id',
		parameters: create({ relatedTo: 'opportunity', opportunityId: '={{ $json.opp }}' }),
		good: () => ({ ...good(), opp: opportunityId }),
		bad: bad({ opp: '' }),
		message: /^Opportunity ID is empty/,
		field: 'opportunityId',
	},
	{ name: 'an owner e-mail address that is not one', parameters: create(), good: good(), bad: bad({ owner: 'asha at example' }), message: /^Owner is "asha at example", which is not an e-mail address/, field: 'owner' },
	{ name: 'an owner that is an object', parameters: create(), good: good(), bad: bad({ owner: { id: 1 } }), message: /^Owner is not a user id or an e-mail address/, field: 'owner' },
	{ name: 'a due date that is not a date', parameters: create(), good: good(), bad: bad({ due: 'next tuesday' }), message: /^Due Date is "next tuesday", which is not a date/, field: 'dueDate' },
	{ name: 'an impossible due date (30 February)', parameters: create(), good: good(), bad: bad({ due: '2026-02-30 10:00' }), message: /^Due Date is "2026-02-30 10:00", which is not a date/, field: 'dueDate' },
	{ name: 'an end date before the due date', parameters: create(), good: good(), bad: bad({ end: '2026-04-30 10:00' }), message: /^End Date \(2026-04-30 10:00:00 UTC\) is before Due Date \(2026-05-01 10:00:00 UTC\)/, field: 'endDate' },
	{ name: 'a negative reminder', parameters: create(), good: good(), bad: bad({ minutes: -1 }), message: /^Reminder \(Minutes Before\) is -1; it must be a whole number 0 or more/, field: 'reminderMinutes' },
	{ name: 'a reminder time that is not a time of day', parameters: create(), good: good(), bad: bad({ time: '9.30am' }), message: /^Reminder Time is "9\.30am", which is not a time of day/, field: 'reminderTime' },
	{ name: 'a custom field without a name', parameters: create(), good: good(), bad: bad({ field: '' }), message: /^Custom field 1's name is empty/, field: 'customFields' },
	{ name: 'a custom field holding a list', parameters: create(), good: good(), bad: bad({ value: ['a', 'b'] }), message: /^Custom field "mx_Custom_1" is a list/, field: 'mx_Custom_1' },
	{
		name: 'an unknown workflow time zone',
		parameters: { ...create(), options: { dateTimezone: 'workflow' } },
		good: { ...good(), due: '' },
		bad: bad({ due: '2026-05-01 10:00' }),
		message: /^Due Date cannot be converted: "Mars\/Base" is not a time zone/,
		field: 'dueDate',
		timezone: 'Mars/Base',
	},
];

function getMany(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'task',
		operation: 'getMany',
		owner: locator('={{ $json.owner }}', 'email'),
		dueFrom: '={{ $json.from }}',
		dueTo: '={{ $json.to }}',
		limit: '={{ $json.limit }}',
		...extra,
	};
}

const goodRead = (): IDataObject => ({ owner: 'asha.rao@sandbox.example.com', from: '2026-01-01', to: '2026-02-01', limit: 5 });
const badRead = (values: IDataObject): IDataObject => ({ ...goodRead(), ...values });

const GET_MANY: BadInputCase[] = [
	{ name: 'an empty owner', parameters: getMany(), good: goodRead(), bad: badRead({ owner: '' }), message: /^Owner is empty/, field: 'owner' },
	{ name: 'a window that ends before it starts', parameters: getMany(), good: goodRead(), bad: badRead({ from: '2026-03-01', to: '2026-02-01' }), message: /^Due From \(2026-03-01 00:00:00 UTC\) is after Due To/, field: 'dueFrom' },
	{ name: 'a due-from that is not a date', parameters: getMany(), good: goodRead(), bad: badRead({ from: 'yesterday' }), message: /^Due From is "yesterday", which is not a date/, field: 'dueFrom' },
	{ name: 'a limit of 0', parameters: getMany(), good: goodRead(), bad: badRead({ limit: 0 }), message: /^Limit is 0; it must be a whole number 1 or more/, field: 'limit' },
	{ name: 'a limit that is not a number', parameters: getMany(), good: goodRead(), bad: badRead({ limit: 'ten' }), message: /^Limit is "ten"; it must be a whole number/, field: 'limit' },
	{
		name: 'a task type the account does not have',
		parameters: getMany({ taskType: locator('={{ $json.type }}') }),
		good: { ...goodRead(), type: 'Follow Up' },
		bad: badRead({ type: 'Astrology' }),
		message: /^Task Type "Astrology" is not a task type of your LeadSquared account/,
		field: 'taskType',
	},
];

const COMPLETE: BadInputCase[] = [
	{
		name: 'an empty task id',
		parameters: { resource: 'task', operation: 'complete', taskId: '={{ $json.id }}' },
		good: () => ({ id: taskId }),
		bad: { id: ' ' },
		message: /^Task ID is empty/,
		field: 'taskId',
	},
];

describeBadInput('Task → Create', CREATE, sandbox, 'Task.Create');
describeBadInput('Task → Get Many', GET_MANY, sandbox, 'Task.Retrieve');
describeBadInput('Task → Complete', COMPLETE, sandbox, 'Task.MarkComplete');

describe('Task options', () => {
	it('a shared option out of range fails every item before any call', async () => {
		const result = await runLeadSquared({
			parameters: withOptions({ ...create(), options: { concurrency: 0 } }),
			items: [good()],
			credentials: sandboxCredentials(sandbox()),
			continueOnFail: true,
			node: { typeVersion: 1.1 },
		});
		expect(result.items[0].json.error).toMatch(/Concurrent Requests/);
		expect(sandbox().log.filter((entry) => entry.endpoint === 'Task.Create')).toHaveLength(0);
	});
});
