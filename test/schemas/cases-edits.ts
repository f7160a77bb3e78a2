/**
 * Representative runs of the operations that change or delete existing records: Task Update/Delete (one call per
 * item, and in batches, one with an unknown id), Activity Update/Delete Activities of a Lead (with and without a
 * date window), Opportunity Get (each type, fields filled and few)/Delete, Note Update/Delete.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { ASHA, C, locator, newLead, parameters, post, seedOpportunity, seedTask } from '../engine/pipeline-support';
import { captureBody } from '../sandbox/crm-client';
import type { OutputCase } from './case';

const mapper = (value: IDataObject) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });
const byItem = (name: string) => `={{ $json.${name} }}`;
const UNKNOWN = '00000000-0000-0000-0000-000000000000';

async function seedActivity(sandbox: Sandbox, leadId: string, date: string): Promise<string> {
	const res = await post(sandbox, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 201, ActivityDateTime: date, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Contact Us' }] });
	if (res.status !== 200) throw new Error(`activity not posted: ${res.text}`);
	return res.json.Message.Id as string;
}

async function seedNote(sandbox: Sandbox, leadId: string, text: string): Promise<string> {
	const res = await post(sandbox, C.noteCreate, { RelatedProspectId: leadId, Note: text });
	if (res.status !== 200) throw new Error(`note not created: ${res.text}`);
	return res.json.Message.Id as string;
}

const TASK_CASES: OutputCase[] = [
	{
		resource: 'task',
		operation: 'update',
		async runs({ run, sandbox }) {
			const taskId = await seedTask(sandbox, { Name: 'Call back', Description: 'About the brochure' });
			await run(parameters('task', 'update', { taskId, owner: locator(ASHA.email, 'email'), updateFields: { name: 'Call back (moved)', dueDate: '2026-06-01T10:30:00Z' } }));
			await run(parameters('task', 'update', { taskId, updateFields: { name: 'Call back', description: byItem('text') } }, { emptyValues: 'skip' }), [{ text: null }]);
		},
	},
	{
		resource: 'task',
		operation: 'delete',
		sandbox: { queuedDeletionDelayMs: Infinity },
		async runs({ run, sandbox }) {
			const ids = [await seedTask(sandbox, { Name: 'One' }), await seedTask(sandbox, { Name: 'Two' })];
			await run(parameters('task', 'delete', { taskId: byItem('id') }), [{ id: ids[0] }]);
			await run(parameters('task', 'delete', { taskId: byItem('id') }, { sendInBatches: true }), [{ id: ids[0] }, { id: ids[1] }]);
			await run(parameters('task', 'delete', { taskId: byItem('id') }, { sendInBatches: true }), [{ id: ids[1] }, { id: UNKNOWN }]);
		},
	},
];

const ACTIVITY_CASES: OutputCase[] = [
	{
		resource: 'activity',
		operation: 'update',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'activity-update@schemas.example');
			const activityId = await seedActivity(sandbox, leadId, '2026-02-01 10:00:00');
			const values = { activityId, activityType: locator('201') };
			await run(parameters('activity', 'update', { ...values, note: 'Called back', activityFields: mapper({ mx_Custom_4: 'Facebook' }) }));
			await run(parameters('activity', 'update', { ...values, note: 'Checked', activityFields: mapper({ mx_Custom_2: null }) }));
		},
	},
	{
		resource: 'activity',
		operation: 'delete',
		sandbox: { queuedDeletionDelayMs: Infinity },
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'activity-delete@schemas.example');
			await seedActivity(sandbox, leadId, '2026-02-01 10:00:00');
			const values = { leadId, activityType: locator('201'), confirmDeleteAll: true };
			await run(parameters('activity', 'delete', { ...values, fromDate: '2026-01-01T00:00:00Z', toDate: '2026-03-01T00:00:00Z' }));
			await run(parameters('activity', 'delete', values, { statusWebhookUrl: 'https://n8n.example.com/webhook/done' }));
		},
	},
];

const OPPORTUNITY_CASES: OutputCase[] = [
	{
		resource: 'opportunity',
		operation: 'get',
		records: [''],
		async runs({ run, sandbox }) {
			const admission = await seedOpportunity(sandbox, 'get@schemas.example', 12000, {
				mx_Custom_1: 'Admission 2026',
				mx_Custom_2: 'Engineering',
				mx_Custom_3: '125000',
				mx_Custom_4: '2026-08-01',
				Owner: ASHA.id,
			});
			// A loan without a note (Value null) and with few fields.
			const captured = await post(sandbox, C.oppCapture, captureBody('get.loan@schemas.example', 12001, { mx_Custom_1: 'Loan', mx_Custom_2: '50000' }, { OpportunityNote: '' }));
			const loan = { opportunityId: captured.json.CreatedOpportunityId as string };
			await run(parameters('opportunity', 'get', { opportunityId: byItem('id') }), [{ id: admission.opportunityId }, { id: loan.opportunityId }]);
		},
	},
	{
		resource: 'opportunity',
		operation: 'delete',
		async runs({ run, sandbox }) {
			const { opportunityId } = await seedOpportunity(sandbox, 'delete@schemas.example', 12000, { mx_Custom_1: 'Gone', mx_Custom_2: 'Law' });
			await run(parameters('opportunity', 'delete', { opportunityId }));
		},
	},
];

const NOTE_CASES: OutputCase[] = [
	{
		resource: 'note',
		operation: 'update',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'note-update@schemas.example');
			const noteId = await seedNote(sandbox, leadId, 'First draft');
			await run(parameters('note', 'update', { leadId, noteId, note: 'Updated', updateFields: { attachmentUrl: 'https://example.com/brochure.pdf' } }));
		},
	},
	{
		resource: 'note',
		operation: 'delete',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'note-delete@schemas.example');
			const noteId = await seedNote(sandbox, leadId, 'Bye');
			await run(parameters('note', 'delete', { leadId, noteId }));
		},
	},
];

export const EDIT_CASES: OutputCase[] = [...TASK_CASES, ...ACTIVITY_CASES, ...OPPORTUNITY_CASES, ...NOTE_CASES];
