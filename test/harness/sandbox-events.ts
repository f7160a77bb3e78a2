/**
 * Changes in a sandbox's account, made through its API over HTTP as another LeadSquared integration
 * would make them, for the trigger tests: leads, activities, tasks and opportunities. Each helper fails
 * the test when the sandbox refuses the change.
 */
import type { Sandbox } from '../../sandbox';
import { call } from '../sandbox/client';

type Fields = Record<string, string>;

function pairs(fields: Fields): Array<{ Attribute: string; Value: string }> {
	return Object.entries(fields).map(([Attribute, Value]) => ({ Attribute, Value }));
}

async function post(sb: Sandbox, path: string, body: unknown, query?: Record<string, string>): Promise<Record<string, unknown>> {
	const res = await call(sb, path, { body, query });
	if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.text}`);
	return res.json as Record<string, unknown>;
}

/** Lead.CreateOrUpdate (matched by e-mail); the lead's id. A new lead needs a LastName (the sandbox's mandatory field). */
export async function upsertLead(sb: Sandbox, fields: Fields): Promise<string> {
	const answer = await post(sb, '/v2/LeadManagement.svc/Lead.CreateOrUpdate', pairs(fields));
	return (answer.Message as { Id: string }).Id;
}

/** Lead/Bulk/CreateOrUpdate in calls of 25. */
export async function bulkUpsertLeads(sb: Sandbox, leads: Fields[]): Promise<void> {
	for (let start = 0; start < leads.length; start += 25) {
		const rows = leads.slice(start, start + 25).map((lead) => pairs({ LastName: 'Trigger', ...lead }));
		await post(sb, '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate', rows);
	}
}

/** ProspectActivity.svc/Create; the activity's id. */
export async function postActivity(sb: Sandbox, leadId: string, code: number, fields: Fields, note = ''): Promise<string> {
	const answer = await post(sb, '/v2/ProspectActivity.svc/Create', {
		RelatedProspectId: leadId,
		ActivityEvent: code,
		ActivityNote: note,
		Fields: Object.entries(fields).map(([SchemaName, Value]) => ({ SchemaName, Value })),
	});
	return (answer.Message as { Id: string }).Id;
}

/** CustomActivity/Update of an activity's note. */
export async function updateActivityNote(sb: Sandbox, activityId: string, note: string): Promise<void> {
	await post(sb, '/v2/ProspectActivity.svc/CustomActivity/Update', { ProspectActivityId: activityId, ActivityNote: note, Fields: [] });
}

/** Task.svc/Create (a to-do on the lead); the task's id. */
export async function createTask(sb: Sandbox, leadId: string, name: string): Promise<string> {
	const answer = await post(sb, '/v2/Task.svc/Create', { Name: name, RelatedEntity: 1, RelatedEntityId: leadId, TaskType: { Name: 'Follow Up' } });
	return (answer.Message as { Id: string }).Id;
}

export async function completeTask(sb: Sandbox, taskId: string): Promise<void> {
	const res = await call(sb, '/v2/Task.svc/MarkComplete', { method: 'GET', query: { id: taskId } });
	if (res.status !== 200) throw new Error(`MarkComplete answered ${res.status}: ${res.text}`);
}

/** OpportunityManagement.svc/Capture of an Admission (12000) for the lead with this e-mail; the opportunity's id. */
export async function captureAdmission(sb: Sandbox, email: string, name: string, course = 'Law'): Promise<string> {
	const answer = await post(sb, '/v2/OpportunityManagement.svc/Capture', {
		LeadDetails: [...pairs({ EmailAddress: email, LastName: 'Trigger' }), { Attribute: 'SearchBy', Value: 'EmailAddress' }],
		Opportunity: {
			OpportunityEventCode: 12000,
			OpportunityNote: 'Captured by the trigger test',
			Fields: [
				{ SchemaName: 'mx_Custom_1', Value: name },
				{ SchemaName: 'mx_Custom_2', Value: course },
			],
		},
	});
	return String(answer.CreatedOpportunityId);
}

/** OpportunityManagement.svc/Update of an opportunity's status (Open, Won, Lost). */
export async function setOpportunityStatus(sb: Sandbox, opportunityId: string, status: string): Promise<void> {
	await post(sb, '/v2/OpportunityManagement.svc/Update', { ProspectOpportunityId: opportunityId, Fields: [{ SchemaName: 'Status', Value: status }] });
}
