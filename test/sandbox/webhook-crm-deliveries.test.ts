import { defaultFields, startSandbox, type Sandbox } from '../../sandbox';
import { ActivityTypeRegistry } from '../../sandbox/activity-types';
import { defaultActivityTypes } from '../../sandbox/crm-defaults';
import { FieldRegistry } from '../../sandbox/fields';
import { candidatesOf } from '../../sandbox/webhook-payloads';
import { call } from './client';
import { Receiver } from './receiver';
import { registerWebhook } from './webhook-helpers';

const PA = '/v2/ProspectActivity.svc/';
const TS = '/v2/Task.svc/';
const OM = '/v2/OpportunityManagement.svc/';
const LEAD = 'lead-1';

type Json = Record<string, unknown>;

describe('sandbox: webhook deliveries of activities, tasks and opportunities', () => {
	let sb: Sandbox;
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await Receiver.start();
		sb = await startSandbox({
			leads: [{ ProspectID: LEAD, FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com' }],
			rateLimit: { calls: 0, windowMs: 1000 },
			bulkRateLimit: { calls: 0, windowMs: 1000 },
			webhookRetryDelayMs: 0,
		});
	});
	afterAll(async () => {
		await sb.close();
		await receiver.close();
	});
	beforeEach(() => {
		sb.reset();
		sb.configure({ webhookActivityBatchMs: undefined, webhookActivityAsArray: undefined });
		receiver.clear();
	});

	const hook = (path: string, overrides: Record<string, unknown>): Promise<string> => registerWebhook(sb, `${receiver.url}${path}`, overrides);
	const received = (path: string) => receiver.posts().filter((r) => r.path === path);
	const formActivity = (name: string) => ({
		RelatedProspectId: LEAD,
		ActivityEvent: 201,
		ActivityNote: `Submitted ${name}`,
		Fields: [{ SchemaName: 'mx_Custom_1', Value: name }],
	});
	const postActivity = async (body: Json): Promise<string> => {
		const res = await call(sb, `${PA}Create`, { body });
		expect(res.status).toBe(200);
		return res.json.Message.Id as string;
	};

	it('activity create (2) and update (15) reach the webhooks of that activity type, as an array of activities with their fields under Data', async () => {
		await hook('/forms', { WebhookEvent: 2, ActivityEvent: 201 });
		await hook('/calls', { WebhookEvent: 2, ActivityEvent: '202' });
		await hook('/form-updates', { WebhookEvent: 15, ActivityEvent: 201 });
		const id = await postActivity(formActivity('Contact us'));
		await call(sb, `${PA}CustomActivity/Update`, { body: { ProspectActivityId: id, ActivityNote: 'Edited', Fields: [] } });
		await sb.deliveriesSettled();

		expect(received('/calls')).toHaveLength(0);
		expect(received('/forms').map((r) => r.json)).toEqual([
			[
				expect.objectContaining({
					ProspectActivityId: id,
					RelatedProspectId: LEAD,
					ActivityEvent: '201',
					ActivityEventName: 'Form Submitted',
					Data: expect.objectContaining({ mx_Custom_1: 'Contact us', Note: 'Submitted Contact us' }),
				}),
			],
		]);
		expect(received('/form-updates').map((r) => r.json)).toEqual([[expect.objectContaining({ ProspectActivityId: id, Data: expect.objectContaining({ Note: 'Edited' }) })]]);
		expect(sb.deliveries().map((d) => [d.eventName, d.items])).toEqual([
			['LeadActivity_Post_Create', 1],
			['LeadActivity_Post_Update', 1],
		]);
	});

	it('webhookActivityAsArray: false sends a lone activity as an object', async () => {
		sb.configure({ webhookActivityAsArray: false });
		await hook('/forms', { WebhookEvent: 2, ActivityEvent: 201 });
		const id = await postActivity(formActivity('Brochure'));
		await sb.deliveriesSettled();
		expect(received('/forms').map((r) => (r.json as Json).ProspectActivityId)).toEqual([id]);
	});

	it('with webhookActivityBatchMs, activities of one window arrive as one delivery (an array), as LeadSquared groups them', async () => {
		sb.configure({ webhookActivityBatchMs: 50 });
		await hook('/forms', { WebhookEvent: 2, ActivityEvent: 201 });
		await hook('/leads', { WebhookEvent: 3 });
		const bulk = await call(sb, `${PA}Bulk/CustomActivity/Add/ByLeadId`, { body: [formActivity('A'), formActivity('B'), formActivity('C')] });
		expect(bulk.json.Response.every((r: Json) => r.ActivityCreated === true)).toBe(true);
		await sb.deliveriesSettled();

		const forms = received('/forms');
		expect(forms).toHaveLength(1);
		expect((forms[0].json as Json[]).map((a) => (a.Data as Json).mx_Custom_1)).toEqual(['A', 'B', 'C']);
		expect(sb.deliveries()).toEqual([expect.objectContaining({ eventName: 'LeadActivity_Post_Create', items: 3, outcome: 'delivered' })]);
	});

	it('tasks: create (7), update (17), complete (16) and a simulated reminder (8) carry the task', async () => {
		await hook('/task-create', { WebhookEvent: 7 });
		await hook('/task-update', { WebhookEvent: 17 });
		await hook('/task-complete', { WebhookEvent: 16 });
		await hook('/task-reminder', { WebhookEvent: 8 });
		const created = await call(sb, `${TS}Create`, { body: { Name: 'Call back', TaskType: { Name: 'Follow Up' }, RelatedEntity: 1, RelatedEntityId: LEAD } });
		expect(created.status).toBe(200);
		const taskId = created.json.Message.Id as string;
		await call(sb, `${TS}Update`, { body: { UserTaskId: taskId, Name: 'Call back today' } });
		expect(sb.remindTask(taskId)).toBe(true);
		expect(sb.remindTask('no-such-task')).toBe(false);
		expect(sb.completeTask(taskId)).toBe(true);
		await sb.deliveriesSettled();

		expect(received('/task-create').map((r) => r.json)).toEqual([expect.objectContaining({ UserTaskId: taskId, Name: 'Call back', LeadId: LEAD, StatusCode: 0 })]);
		expect(received('/task-update').map((r) => (r.json as Json).Name)).toEqual(['Call back today']);
		expect(received('/task-reminder').map((r) => (r.json as Json).UserTaskId)).toEqual([taskId]);
		expect(received('/task-complete').map((r) => r.json)).toEqual([expect.objectContaining({ UserTaskId: taskId, StatusCode: 1 })]);
	});

	it('opportunities: create (31), update (32), field update (33, before and after) and stage update (34, when Status changes)', async () => {
		await hook('/opp-create', { WebhookEvent: 31 });
		await hook('/opp-update', { WebhookEvent: 32 });
		await hook('/opp-field', { WebhookEvent: 33, WebhookProperties: '{"FieldName":"mx_Custom_3"}' });
		await hook('/opp-stage', { WebhookEvent: 34 });
		await hook('/loans-only', { WebhookEvent: 31, OpportunityEvent: 12001 });
		const capture = await call(sb, `${OM}Capture`, {
			body: {
				LeadDetails: [
					{ Attribute: 'EmailAddress', Value: 'asha@example.com' },
					{ Attribute: 'SearchBy', Value: 'EmailAddress' },
				],
				Opportunity: { OpportunityEventCode: 12000, OpportunityNote: 'Walk-in', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Engineering seat' }, { SchemaName: 'Status', Value: 'Open' }] },
			},
		});
		expect(capture.status).toBe(200);
		const opportunityId = sb.records().opportunities[0].ProspectOpportunityId;
		await call(sb, `${OM}Update`, { body: { ProspectOpportunityId: opportunityId, Fields: [{ SchemaName: 'mx_Custom_3', Value: '150000' }] } });
		await call(sb, `${OM}Update`, { body: { ProspectOpportunityId: opportunityId, Fields: [{ SchemaName: 'Status', Value: 'Won' }] } });
		await sb.deliveriesSettled();

		expect(received('/opp-create').map((r) => r.json)).toEqual([
			expect.objectContaining({ ProspectOpportunityId: opportunityId, RelatedProspectId: LEAD, OpportunityEvent: '12000', OpportunityEventName: 'Admission', mx_Custom_1: 'Engineering seat', Status: 'Open' }),
		]);
		expect(received('/loans-only')).toHaveLength(0);
		expect(received('/opp-update')).toHaveLength(2);
		expect(received('/opp-field').map((r) => r.json)).toEqual([
			{
				Before: expect.objectContaining({ ProspectOpportunityId: opportunityId, mx_Custom_3: '' }),
				After: expect.objectContaining({ ProspectOpportunityId: opportunityId, mx_Custom_3: '150000' }),
			},
		]);
		expect(received('/opp-stage').map((r) => (r.json as Json).Status)).toEqual(['Won']);
	});

	it('no endpoint deletes opportunities yet: an opportunity.deleted event maps to Opportunity delete (35); lead.deleted to nothing', () => {
		const ctx = { fields: new FieldRegistry(defaultFields(), ['LastName']), activityTypes: new ActivityTypeRegistry(defaultActivityTypes()), unchangedLeadUpdates: false };
		const opportunity = { ProspectOpportunityId: 'o-1', RelatedProspectId: LEAD, OpportunityEvent: 12000, OpportunityNote: '', OpportunityDateTime: '', Fields: { Status: 'Lost' } };
		const deleted = candidatesOf({ type: 'opportunity.deleted', at: 0, leadId: LEAD, data: opportunity }, ctx);
		expect(deleted).toEqual([{ code: 35, typeCode: 12000, payload: expect.objectContaining({ ProspectOpportunityId: 'o-1', OpportunityEventName: 'Admission', Status: 'Lost' }) }]);
		expect(candidatesOf({ type: 'lead.deleted', at: 0, leadId: LEAD, data: { ProspectID: LEAD } }, ctx)).toEqual([]);
	});
});
