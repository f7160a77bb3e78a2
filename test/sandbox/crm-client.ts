/**
 * Paths and small helpers for the sandbox tests of activities, tasks, opportunities, notes and users.
 */
import type { Sandbox, SandboxEvent } from '../../sandbox';
import { call, pairs, upsert, type CallResult } from './client';

export const C = {
	activityTypes: '/v2/ProspectActivity.svc/ActivityTypes.Get',
	activitySetting: '/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting',
	activityCreate: '/v2/ProspectActivity.svc/Create',
	activityBulk: '/v2/ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId',
	activityUpdate: '/v2/ProspectActivity.svc/CustomActivity/Update',
	activityRetrieve: '/v2/ProspectActivity.svc/Retrieve',
	activityByEvent: '/v2/ProspectActivity.svc/CustomActivity/RetrieveByActivityEvent',
	taskCreate: '/v2/Task.svc/Create',
	taskUpdate: '/v2/Task.svc/Update',
	taskTypes: '/v2/Task.svc/RetrieveTaskType',
	taskRetrieve: '/v2/Task.svc/Retrieve',
	taskComplete: '/v2/Task.svc/MarkComplete',
	oppCapture: '/v2/OpportunityManagement.svc/Capture',
	oppUpdate: '/v2/OpportunityManagement.svc/Update',
	oppOfLead: '/v2/OpportunityManagement.svc/GetOpportunitiesOfLead',
	oppTypeMetadata: '/v2/OpportunityManagement.svc/GetOpportunityTypeMetadata',
	oppTypes: '/v2/OpportunityManagement.svc/GetOpportunityTypes',
	noteCreate: '/v2/LeadManagement.svc/CreateNote',
	noteRetrieve: '/v2/LeadManagement.svc/RetrieveNote',
	users: '/v2/UserManagement.svc/Users.Get',
	userById: '/v2/UserManagement.svc/User/Retrieve/ByUserId',
	userSearch: '/v2/UserManagement.svc/User/AdvancedSearch',
	leadDelete: '/v2/LeadManagement.svc/Lead/Delete/ById',
};

export const ADMIN_ID = '7c4d3a2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const ASHA = { id: '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4', email: 'asha.rao@sandbox.example.com' };
export const INACTIVE_USER_EMAIL = 'karan.mehta@sandbox.example.com';

/** Creates a lead through Lead.CreateOrUpdate; returns its ProspectID. */
export async function newLead(sb: Sandbox, email: string, extra: Record<string, string> = {}): Promise<string> {
	const res = await upsert(sb, { EmailAddress: email, LastName: 'Tester', ...extra });
	if (res.status !== 200) throw new Error(`lead not created: ${res.text}`);
	return res.json.Message.Id as string;
}

export function post(sb: Sandbox, path: string, body: unknown, query: Record<string, string> = {}): Promise<CallResult> {
	return call(sb, path, { body, query });
}

/** Posts a Form Submitted (201) activity on a lead at the given time. */
export async function formActivity(sb: Sandbox, leadId: string, at: string, form = 'Contact Us'): Promise<string> {
	const res = await post(sb, C.activityCreate, {
		RelatedProspectId: leadId,
		ActivityEvent: 201,
		ActivityNote: `Form ${form}`,
		ActivityDateTime: at,
		Fields: [{ SchemaName: 'mx_Custom_1', Value: form }],
	});
	if (res.status !== 200) throw new Error(`activity not posted: ${res.text}`);
	return res.json.Message.Id as string;
}

/** Records the events announced while the returned `stop` has not been called. */
export function recordEvents(sb: Sandbox): { events: SandboxEvent[]; stop: () => void } {
	const events: SandboxEvent[] = [];
	const stop = sb.onEvent((e) => events.push(e));
	return { events, stop };
}

/** Opportunity Capture body: lead by e-mail (SearchBy EmailAddress) and an opportunity of `code`. */
export function captureBody(email: string, code: number, fields: Record<string, string>, extra: Record<string, unknown> = {}): unknown {
	return {
		LeadDetails: [...pairs({ EmailAddress: email, LastName: 'Buyer' }), { Attribute: 'SearchBy', Value: 'EmailAddress' }],
		Opportunity: {
			OpportunityEventCode: code,
			OpportunityNote: 'Captured by test',
			Fields: Object.entries(fields).map(([SchemaName, Value]) => ({ SchemaName, Value })),
			...extra,
		},
	};
}
