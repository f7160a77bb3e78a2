/**
 * Bad input for the operations that change or delete existing records (Task Update/Delete, Activity Update/Delete,
 * Opportunity Get/Delete, Note Update/Delete): each case fails naming the item and the field, and nothing is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { locator } from '../engine/support';
import { C, captureBody, post } from '../sandbox/crm-client';
import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const LEAD = '5d1c7f0e-0000-4000-8000-00000000e0e0';
let taskId = '';
let activityId = '';
let opportunityId = '';
const notes: string[] = [];

const sandbox = useCatalogueSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'edits-bad@example.com', LastName: 'Bad' }], queuedDeletionDelayMs: Infinity }, async (opened) => {
	taskId = (await post(opened, C.taskCreate, { Name: 'To change', TaskType: { Name: 'Follow Up' } })).json.Message.Id as string;
	activityId = (await post(opened, C.activityCreate, { RelatedProspectId: LEAD, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Contact Us' }] })).json.Message.Id as string;
	opportunityId = (await post(opened, C.oppCapture, captureBody('edits-bad@example.com', 12000, { mx_Custom_1: 'Bad input', mx_Custom_2: 'Law' }))).json.CreatedOpportunityId as string;
	for (let index = 0; index < 4; index++) notes.push((await post(opened, C.noteCreate, { RelatedProspectId: LEAD, Note: `Note ${index}` })).json.Message.Id as string);
});

const taskUpdate = (updateFields: IDataObject, options: IDataObject = {}): IDataObject => ({
	resource: 'task',
	operation: 'update',
	taskId: '={{ $json.id }}',
	owner: locator('={{ $json.owner }}', 'email'),
	updateFields,
	options,
});
const taskItem = (values: IDataObject = {}) => () => ({ id: taskId, owner: '', subject: 'Call', due: '2026-05-01 10:00', end: '2026-05-01 11:00', minutes: 10, notify: true, ...values });
const allTaskFields = { name: '={{ $json.subject }}', dueDate: '={{ $json.due }}', endDate: '={{ $json.end }}', reminderMinutes: '={{ $json.minutes }}', notifyByEmail: '={{ $json.notify }}' };

const TASK_UPDATE: BadInputCase[] = [
	{ name: 'an empty task id', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ id: ' ' }), message: /^Task ID is empty/, field: 'taskId' },
	{ name: 'no field and no owner', parameters: taskUpdate({ name: '={{ $json.subject }}' }, { emptyValues: 'skip' }), good: taskItem(), bad: taskItem({ subject: '' }), message: /^Nothing to update: every field given was empty \(Subject\)/ },
	{ name: 'a subject given empty (Empty Values: fail)', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ subject: null }), message: /^Update Fields → Subject has no value/, field: 'name' },
	{ name: 'a subject given empty (Empty Values: clear)', parameters: taskUpdate(allTaskFields, { emptyValues: 'clear' }), good: taskItem(), bad: taskItem({ subject: '' }), message: /^Update Fields → Subject has no value/, field: 'name' },
	{ name: 'a due date that is not a date', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ due: 'next tuesday' }), message: /^Due Date is "next tuesday", which is not a date/, field: 'dueDate' },
	{ name: 'an end date before the due date', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ end: '2026-04-30 10:00' }), message: /^End Date \(2026-04-30 10:00:00 UTC\) is before Due Date/, field: 'endDate' },
	{ name: 'a negative reminder', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ minutes: -5 }), message: /^Reminder \(Minutes Before\) is -5; it must be a whole number 0 or more/, field: 'reminderMinutes' },
	{ name: 'a notification flag that is not true or false', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ notify: 'maybe' }), message: /^Notify Owner by Email is "maybe", which is not true or false/, field: 'notifyByEmail' },
	{ name: 'an owner e-mail address that is not one', parameters: taskUpdate(allTaskFields), good: taskItem(), bad: taskItem({ owner: 'asha at example' }), message: /^Owner is "asha at example", which is not an e-mail address/, field: 'owner' },
	{
		name: 'both a lead and an opportunity',
		parameters: taskUpdate({ leadId: '={{ $json.lead }}', opportunityId: '={{ $json.opp }}' }, { emptyValues: 'skip' }),
		good: () => ({ id: taskId, lead: LEAD, opp: '' }),
		bad: () => ({ id: taskId, lead: LEAD, opp: opportunityId }),
		message: /^Update Fields has both a Lead ID and an Opportunity ID/,
		field: 'opportunityId',
	},
];

const TASK_DELETE: BadInputCase[] = [
	{ name: 'an empty task id', parameters: { resource: 'task', operation: 'delete', taskId: '={{ $json.id }}' }, good: () => ({ id: taskId }), bad: { id: '' }, message: /^Task ID is empty/, field: 'taskId' },
];

const activityUpdate: IDataObject = {
	resource: 'activity',
	operation: 'update',
	activityId: '={{ $json.id }}',
	activityType: locator('={{ $json.type }}', 'code'),
	note: '={{ $json.note }}',
	manualFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
};
const activityItem = (values: IDataObject = {}) => () => ({ id: activityId, type: '201', note: 'Checked', field: 'mx_Custom_4', value: 'Facebook', ...values });

const ACTIVITY_UPDATE: BadInputCase[] = [
	{ name: 'an empty activity id', parameters: activityUpdate, good: activityItem(), bad: activityItem({ id: '' }), message: /^Activity ID is empty/, field: 'activityId' },
	{ name: 'a field the type does not have', parameters: activityUpdate, good: activityItem(), bad: activityItem({ field: 'mx_Custom_9' }), message: /^Unknown activity field "mx_Custom_9": not a field of Form Submitted \(201\)/, field: 'mx_Custom_9' },
	{ name: 'a dropdown value that is not an option', parameters: activityUpdate, good: activityItem(), bad: activityItem({ value: 'Television' }), message: /^Activity field "Campaign" \(mx_Custom_4\) /, field: 'mx_Custom_4' },
	{ name: 'a system activity type', parameters: activityUpdate, good: activityItem(), bad: activityItem({ type: '23' }), message: /^Activity type Lead Capture \(23\) is a system activity type/, field: 'activityType' },
	{ name: 'an opportunity type', parameters: activityUpdate, good: activityItem(), bad: activityItem({ type: '12001' }), message: /^Activity type Loan \(12001\) is an opportunity type/, field: 'activityType' },
	{ name: 'a type that is not a code', parameters: activityUpdate, good: activityItem(), bad: activityItem({ type: 'Form' }), message: /^Activity Type is "Form", which is not an activity type code/, field: 'activityType' },
	{ name: 'nothing to update', parameters: activityUpdate, good: activityItem(), bad: activityItem({ note: '', value: '' }), message: /^Nothing to update: every activity field given was empty \(mx_Custom_4\)/ },
	{ name: 'an empty field with Empty Values: fail', parameters: { ...activityUpdate, options: { emptyValues: 'fail' } }, good: activityItem(), bad: activityItem({ value: null }), message: /^Activity field "Campaign" \(mx_Custom_4\) has no value/, field: 'mx_Custom_4' },
];

const activityDelete: IDataObject = {
	resource: 'activity',
	operation: 'delete',
	leadId: '={{ $json.lead }}',
	activityType: locator('={{ $json.type }}', 'code'),
	fromDate: '={{ $json.from }}',
	toDate: '={{ $json.to }}',
	confirmDeleteAll: '={{ $json.confirm }}',
};
const deletionItem = (values: IDataObject = {}): IDataObject => ({ lead: LEAD, type: '202', from: '2026-01-01', to: '2026-02-01', confirm: true, ...values });

const ACTIVITY_DELETE: BadInputCase[] = [
	{ name: 'no confirmation', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ confirm: false }), message: /^Confirm: Delete Every Activity of This Type on the Lead is off, so nothing was sent/, field: 'confirmDeleteAll' },
	{ name: 'a lead id that is an e-mail address', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ lead: 'edits-bad@example.com' }), message: /^Lead ID "edits-bad@example\.com" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'a window that ends before it starts', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ from: '2026-03-01' }), message: /^From Date \(2026-03-01 00:00:00 UTC\) is after To Date/, field: 'fromDate' },
	{ name: 'a date that is not a date', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ to: 'soon' }), message: /^To Date is "soon", which is not a date/, field: 'toDate' },
	{ name: 'a system activity type', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ type: '21' }), message: /^Activity type Inbound Phone Call Activity \(21\) is a system activity type/, field: 'activityType' },
	{ name: 'a code outside the custom range', parameters: activityDelete, good: deletionItem(), bad: deletionItem({ type: '98' }), message: /^Activity type 98 is not one of your account's activity types/, field: 'activityType' },
];

const opportunity = (operation: string): IDataObject => ({ resource: 'opportunity', operation, opportunityId: '={{ $json.id }}' });
const OPPORTUNITY_GET: BadInputCase[] = [{ name: 'an empty opportunity id', parameters: opportunity('get'), good: () => ({ id: opportunityId }), bad: { id: null }, message: /^Opportunity ID is empty/, field: 'opportunityId' }];
const OPPORTUNITY_DELETE: BadInputCase[] = [{ name: 'an empty opportunity id', parameters: opportunity('delete'), good: () => ({ id: opportunityId }), bad: { id: '  ' }, message: /^Opportunity ID is empty/, field: 'opportunityId' }];

const noteUpdate: IDataObject = { resource: 'note', operation: 'update', leadId: '={{ $json.lead }}', noteId: '={{ $json.id }}', note: '={{ $json.text }}', updateFields: { attachmentUrl: '={{ $json.url }}' } };
const noteItem = (values: IDataObject = {}) => () => ({ lead: LEAD, id: notes[0], text: 'Changed', url: '', ...values });

const NOTE_UPDATE: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: noteUpdate, good: noteItem(), bad: noteItem({ lead: '' }), message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'an empty note id', parameters: noteUpdate, good: noteItem(), bad: noteItem({ id: null }), message: /^Note ID is empty/, field: 'noteId' },
	{ name: 'a lead id that is an e-mail address', parameters: noteUpdate, good: noteItem(), bad: noteItem({ lead: 'edits-bad@example.com' }), message: /^Lead ID "edits-bad@example\.com" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'neither a text nor an attachment', parameters: noteUpdate, good: noteItem(), bad: noteItem({ text: ' ' }), message: /^Nothing to update: no note text and no attachment URL/, field: 'note' },
	{ name: 'an attachment URL that is not a URL', parameters: noteUpdate, good: noteItem(), bad: noteItem({ url: 'brochure.pdf' }), message: /^Attachment URL is "brochure\.pdf", which is not an http\(s\) URL/, field: 'attachmentUrl' },
];

/** Each run that goes through deletes its good item's note: every run gets a note of its own. */
let nextNote = 1;
const NOTE_DELETE: BadInputCase[] = [
	{ name: 'an empty note id', parameters: { resource: 'note', operation: 'delete', leadId: LEAD, noteId: '={{ $json.id }}' }, good: () => ({ id: notes[nextNote++] }), bad: { id: '' }, message: /^Note ID is empty/, field: 'noteId' },
];

describeBadInput('Task → Update', TASK_UPDATE, sandbox, 'Task.Update');
describeBadInput('Task → Delete', TASK_DELETE, sandbox, 'Task.DeleteTasks');
describeBadInput('Activity → Update', ACTIVITY_UPDATE, sandbox, 'CustomActivity/Update');
describeBadInput('Activity → Delete Activities of a Lead', ACTIVITY_DELETE, sandbox, 'DeleteActivities');
describeBadInput('Opportunity → Get', OPPORTUNITY_GET, sandbox, 'GetOpportunityDetails');
describeBadInput('Opportunity → Delete', OPPORTUNITY_DELETE, sandbox, 'Opportunity.Delete');
describeBadInput('Note → Update', NOTE_UPDATE, sandbox, 'UpdateNote');
describeBadInput('Note → Delete', NOTE_DELETE, sandbox, 'DeleteNote');
