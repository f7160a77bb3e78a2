/**
 * Representative runs of the activity, task, opportunity and note operations: records with every field of
 * their type filled and with few, every option that adds a key, and (injected) LeadSquared answers the
 * sandbox never gives on its own but the node reads: an activity answer saying the lead was created, an
 * activity type without a name, a Capture answer without any documented key.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { ASHA, C, locator, newLead, parameters, post, seedOpportunity, seedTask, VIR } from '../engine/pipeline-support';
import { call } from '../sandbox/client';
import type { OutputCase } from './case';

const mapper = (value: IDataObject) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });
const byItem = (name: string) => `={{ $json.${name} }}`;

async function seedActivity(sandbox: Sandbox, leadId: string, body: IDataObject): Promise<void> {
	const res = await post(sandbox, C.activityCreate, { RelatedProspectId: leadId, ...body });
	if (res.status !== 200) throw new Error(`activity not posted: ${res.text}`);
}

async function seedNote(sandbox: Sandbox, body: IDataObject): Promise<void> {
	const res = await post(sandbox, C.noteCreate, body);
	if (res.status !== 200) throw new Error(`note not created: ${res.text}`);
}

/** GetActivitySetting's answer for a type without the keys that name it. */
async function namelessSetting(sandbox: Sandbox, code: number): Promise<IDataObject> {
	const setting = (await call(sandbox, C.activitySetting, { query: { code: String(code) } })).json as IDataObject;
	for (const key of ['DisplayName', 'Name', 'ActivityEventName']) delete setting[key];
	return setting;
}

const ACTIVITY_CASES: OutputCase[] = [
	{
		resource: 'activity',
		operation: 'create',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'activity@schemas.example');
			const byId = { leadBy: 'id', leadId: byItem('leadId'), activityType: locator('201'), note: 'Asked for a brochure' };
			const fields = mapper({ mx_Custom_1: 'Contact Us', mx_Custom_2: byItem('url') });
			await run(parameters('activity', 'create', { ...byId, activityFields: fields }, { includeLeadScore: true }), [{ leadId, url: 'https://example.com' }, { leadId, url: null }]);
			await run(parameters('activity', 'create', { ...byId, activityFields: fields }, { sendInBatches: true }), [{ leadId, url: 'https://example.com' }, { leadId, url: null }]);
			// A bulk answer that only counts the activities posted: no ids, and a note on finding them.
			sandbox.configure({ answerForms: { activityBulk: 'count' } });
			await run(parameters('activity', 'create', { ...byId, activityFields: fields }, { sendInBatches: true }), [{ leadId, url: 'https://example.com' }]);
			sandbox.configure({ answerForms: undefined });
			const byEmail = { leadBy: 'email', email: byItem('email'), newLead: { lastName: 'New' }, activityType: locator('201'), activityFields: mapper({ mx_Custom_1: 'Contact Us' }) };
			await run(parameters('activity', 'create', byEmail), [{ email: 'activity@schemas.example' }, { email: 'new.activity@schemas.example' }]);
			// An answer that says whether LeadSquared created the lead, for a type whose settings carry no name.
			sandbox.injectFault({ type: 'json', endpoint: 'CustomActivity/GetActivitySetting', body: await namelessSetting(sandbox, 201) });
			sandbox.injectFault({
				type: 'json',
				endpoint: 'ProspectActivity.Create',
				body: { Status: 'Success', Message: { Id: 'c9f97054-5df5-11e5-981b-22000a9700b4', RelatedProspectId: leadId, LeadCreated: false } },
			});
			await run(parameters('activity', 'create', byEmail), [{ email: 'activity@schemas.example' }]);
		},
	},
	{
		resource: 'activity',
		operation: 'getMany',
		records: ['', 'Data'],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'activities@schemas.example');
			const field = (SchemaName: string, Value: string) => ({ SchemaName, Value });
			await seedActivity(sandbox, leadId, {
				ActivityEvent: 202,
				ActivityNote: 'Called back',
				ActivityDateTime: '2026-02-01 09:30:00',
				Fields: [field('mx_Custom_1', 'Connected'), field('mx_Custom_2', '75'), field('mx_Custom_3', 'Wants a call'), field('mx_Custom_4', 'true'), field('mx_Custom_5', '2026-02-03 10:00:00')],
			});
			await seedActivity(sandbox, leadId, { ActivityEvent: 201, ActivityDateTime: '2026-01-15 08:00:00', Fields: [field('mx_Custom_1', 'Contact Us')] });
			await seedActivity(sandbox, leadId, {
				ActivityEvent: 203,
				ActivityNote: '',
				ActivityDateTime: '2026-01-20 12:00:00',
				Fields: [field('mx_Custom_1', '1499.50'), field('mx_Custom_2', 'INR'), field('mx_Custom_3', '2026-01-20'), field('mx_Custom_6', 'payer@example.com')],
			});
			await run(parameters('activity', 'getMany', { leadId: byItem('leadId'), activityType: locator(''), returnAll: true }), [{ leadId }]);
		},
	},
];

const TASK_CASES: OutputCase[] = [
	{
		resource: 'task',
		operation: 'create',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'task@schemas.example');
			const { opportunityId } = await seedOpportunity(sandbox, 'task.opportunity@schemas.example', 12000, { mx_Custom_1: 'Admission 2026', mx_Custom_2: 'Law' });
			const task = { name: 'Call back about the brochure', owner: locator(ASHA.email, 'email'), dueDate: '2026-11-11T10:30:00Z' };
			await run(parameters('task', 'create', { ...task, taskType: locator('Follow Up'), relatedTo: 'lead', leadId, additionalFields: { description: 'From the web form', reminderMinutes: 15 } }));
			await run(parameters('task', 'create', { ...task, taskType: locator('Meeting'), relatedTo: 'opportunity', opportunityId, owner: locator(VIR.id), additionalFields: { location: 'Pune' } }));
			await run(parameters('task', 'create', { ...task, taskType: locator('Follow Up'), relatedTo: 'none' }));
		},
	},
	{
		resource: 'task',
		operation: 'getMany',
		records: ['', 'TaskType'],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'tasks@schemas.example');
			await seedTask(sandbox, {
				Name: 'Call back',
				Description: 'About the brochure',
				RelatedEntity: 1,
				RelatedEntityId: leadId,
				DueDate: '2026-05-01 05:00:00',
				Reminder: 15,
				NotifyBy: '1100',
			});
			await seedTask(sandbox, { Name: 'Meeting', TaskType: { Name: 'Meeting' }, DueDate: '2026-05-02 10:00:00', Location: 'Pune' });
			const done = await seedTask(sandbox, { Name: 'Done', DueDate: '2026-04-01 10:00:00' });
			sandbox.completeTask(done);
			await run(parameters('task', 'getMany', { owner: locator(ASHA.email, 'email'), returnAll: true }));
		},
	},
	{
		resource: 'task',
		operation: 'complete',
		async runs({ run, sandbox }) {
			const taskId = await seedTask(sandbox, { Name: 'To complete' });
			await run(parameters('task', 'complete', { taskId: byItem('taskId') }), [{ taskId }, { taskId }]);
		},
	},
];

const OPPORTUNITY_CASES: OutputCase[] = [
	{
		resource: 'opportunity',
		operation: 'create',
		opaque: ['answer'],
		async runs({ run, sandbox }) {
			const capture = (course: string | null, options: IDataObject = {}, lead: IDataObject = { EmailAddress: byItem('email'), LastName: 'Buyer' }) =>
				parameters(
					'opportunity',
					'create',
					{
						attributes: mapper(lead),
						opportunityType: locator('12000'),
						opportunityFields: mapper({ mx_Custom_1: 'Admission 2026', mx_Custom_2: course }),
						note: 'Captured from the web form',
						opportunityDate: '2026-05-01T10:00:00Z',
					},
					options,
				);
			const items = [{ email: 'buyer@schemas.example' }];
			await run(capture('Law'), items); // a new opportunity
			await run(capture('Law'), items); // LeadSquared's duplicate detection finds the first one
			await run(capture(null, { unknownFields: 'drop', emptyValues: 'skip' }, { EmailAddress: byItem('email'), LastName: 'Other', mx_Unknown: 'x', FirstName: null }), [
				{ email: 'other.buyer@schemas.example' },
			]);
			// A Capture answer with none of the keys the node knows, kept whole.
			sandbox.injectFault({ type: 'json', endpoint: 'Opportunity.Capture', body: { Status: 'Success', Message: 'Opportunity captured' } });
			await run(capture('Medicine'), items);
		},
	},
	{
		resource: 'opportunity',
		operation: 'update',
		async runs({ run, sandbox }) {
			const { opportunityId } = await seedOpportunity(sandbox, 'update@schemas.example', 12000, { mx_Custom_1: 'Admission', mx_Custom_2: 'Law' });
			const values = { opportunityId: byItem('id'), opportunityType: locator('12000'), note: 'Fee paid' };
			await run(parameters('opportunity', 'update', { ...values, opportunityFields: mapper({ Status: 'Won', mx_Custom_3: 125000 }) }), [{ id: opportunityId }]);
			await run(parameters('opportunity', 'update', { ...values, opportunityFields: mapper({ mx_Custom_4: null }) }, { emptyValues: 'skip' }), [{ id: opportunityId }]);
		},
	},
	{
		resource: 'opportunity',
		operation: 'getMany',
		records: [''],
		async runs({ run, sandbox }) {
			// A lead with a first name and a phone number (two opportunities), and one without (one).
			await newLead(sandbox, 'opportunities@schemas.example', { FirstName: 'Asha', Phone: '+91-9845012345' });
			const { leadId } = await seedOpportunity(sandbox, 'opportunities@schemas.example', 12000, {
				mx_Custom_1: 'Admission 2026',
				mx_Custom_2: 'Engineering',
				mx_Custom_3: '125000',
				mx_Custom_4: '2026-08-01',
			});
			await seedOpportunity(sandbox, 'opportunities@schemas.example', 12001, { mx_Custom_1: 'Loan', mx_Custom_2: '50000' });
			const other = await seedOpportunity(sandbox, 'few.details@schemas.example', 12000, { mx_Custom_1: 'Admission 2027' });
			await run(parameters('opportunity', 'getMany', { leadId: byItem('leadId'), returnAll: true }), [{ leadId }, { leadId: other.leadId }]);
		},
	},
];

const NOTE_CASES: OutputCase[] = [
	{
		resource: 'note',
		operation: 'create',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'note@schemas.example');
			const url = 'http://help.leadsquared.com/wp-content/uploads/2015/02/reports-home.png';
			await run(parameters('note', 'create', { leadId, note: byItem('text'), additionalFields: { attachmentUrl: byItem('url') } }), [
				{ text: 'With a file', url },
				{ text: 'Without a file', url: '' },
			]);
		},
	},
	{
		resource: 'note',
		operation: 'getMany',
		records: [''],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'notes@schemas.example');
			await seedNote(sandbox, { RelatedProspectId: leadId, Note: 'With a file', AttachmentName: 'http://help.leadsquared.com/wp-content/uploads/2015/02/reports-home.png' });
			await seedNote(sandbox, { RelatedProspectId: leadId, Note: 'Without a file' });
			await run(parameters('note', 'getMany', { leadId, returnAll: true }));
		},
	},
];

export const CRM_CASES: OutputCase[] = [...ACTIVITY_CASES, ...TASK_CASES, ...OPPORTUNITY_CASES, ...NOTE_CASES];
