/**
 * Shared helpers of the task, opportunity and note engine tests: node parameters in the shapes the editor
 * saves and records seeded straight into the sandbox over HTTP (`locator` and `expectNoKeys` come from
 * support.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { ASHA, C, captureBody, newLead, post } from '../sandbox/crm-client';
import { FAST } from './support';

export { ADMIN_ID, ASHA, C, INACTIVE_USER_EMAIL, newLead, post } from '../sandbox/crm-client';
export { expectNoKeys, locator } from './support';

export const ADMIN_EMAIL = 'admin@sandbox.example.com';
export const VIR = { id: '3b1041fb-8374-11e7-8758-0a106ee76b21', email: 'vir.singh@sandbox.example.com' };
export const TASK_TYPES = {
	followUp: '0500cfd9-4cf5-11ec-993a-06f221480cd8',
	meeting: '0500d41c-4cf5-11ec-993a-06f221480cd8',
};

/** Node parameters for a resource/operation, options merged over FAST. */
export function parameters(resource: string, operation: string, values: Record<string, unknown> = {}, options: Record<string, unknown> = {}): INodeParameters {
	// The editor's saved shapes (resource mappers, fixed collections) are wider than INodeParameters' static type.
	return { resource, operation, ...values, options: { ...FAST, ...options } } as INodeParameters;
}

/** Creates a task straight through the sandbox's API; returns its id. */
export async function seedTask(sandbox: Sandbox, body: IDataObject): Promise<string> {
	const res = await post(sandbox, C.taskCreate, { Name: 'Seeded', TaskType: { Name: 'Follow Up' }, OwnerEmailAddress: ASHA.email, ...body });
	if (res.status !== 200) throw new Error(`task not created: ${res.text}`);
	return res.json.Message.Id as string;
}

/** Captures an opportunity straight through the sandbox's API; returns `{leadId, opportunityId}`. */
export async function seedOpportunity(
	sandbox: Sandbox,
	email: string,
	code: number,
	fields: Record<string, string>,
): Promise<{ leadId: string; opportunityId: string }> {
	const res = await post(sandbox, C.oppCapture, captureBody(email, code, fields));
	if (res.status !== 200 || !res.json.CreatedOpportunityId) throw new Error(`opportunity not captured: ${res.text}`);
	return { leadId: res.json.RelatedProspectId as string, opportunityId: res.json.CreatedOpportunityId as string };
}

/** A lead for the tests (through Lead.CreateOrUpdate). */
export async function seedLead(sandbox: Sandbox, email: string): Promise<string> {
	return await newLead(sandbox, email);
}

/** `YYYY-MM-DD HH:mm:ss` of a UTC day offset from a start, for seeding due dates. */
export function utcDay(start: string, days: number, time = '10:00:00'): string {
	const date = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000);
	return `${date.toISOString().slice(0, 10)} ${time}`;
}
