/**
 * Shared helpers of the activity engine and bad-input tests: node parameters in the shapes the editor
 * saves, activities and leads seeded straight into the sandbox over HTTP, and the endpoints its log names
 * (read with support.ts `calls`).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { C, newLead, post } from '../sandbox/crm-client';
import { FAST, locator } from './support';

export { newLead } from '../sandbox/crm-client';
export { expectNoKeys, locator, mapper } from './support';

export const ENDPOINTS = {
	create: 'ProspectActivity.Create',
	bulk: 'Bulk/CustomActivity/Add/ByLeadId',
	retrieve: 'ProspectActivity.Retrieve',
	setting: 'CustomActivity/GetActivitySetting',
	types: 'ActivityTypes.Get',
	byEmail: 'Leads.GetByEmailaddress',
} as const;

/** A GUID no lead has. */
export const UNKNOWN_LEAD = '0b9d2c4e-7a1f-4e3b-9c8d-5f6a7b8c9d0e';

/** Activity → Create parameters: a lead by ID from the item's `leadId`, type 201, options over FAST. */
export function createParameters(values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	return {
		resource: 'activity',
		operation: 'create',
		leadBy: 'id',
		leadId: '={{ $json.leadId }}',
		activityType: locator('201'),
		...values,
		options: { ...FAST, ...options },
	} as INodeParameters;
}

/** Activity → Get Many parameters: the lead from the item's `leadId`, options over FAST. */
export function getManyParameters(values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	return {
		resource: 'activity',
		operation: 'getMany',
		leadId: '={{ $json.leadId }}',
		activityType: locator(''),
		returnAll: true,
		...values,
		options: { ...FAST, ...options },
	} as INodeParameters;
}

/** Posts a Form Submitted (201) activity straight through the sandbox's API; returns its id. */
export async function seedActivity(sandbox: Sandbox, leadId: string, date: string, body: IDataObject = {}): Promise<string> {
	const res = await post(sandbox, C.activityCreate, {
		RelatedProspectId: leadId,
		ActivityEvent: 201,
		ActivityDateTime: date,
		ActivityNote: `Seeded ${date}`,
		Fields: [{ SchemaName: 'mx_Custom_1', Value: `Form ${date}` }],
		...body,
	});
	if (res.status !== 200) throw new Error(`activity not posted: ${res.text}`);
	return res.json.Message.Id as string;
}

/** A lead with `count` Form Submitted activities a minute apart from 2026-01-01 10:00 (oldest first); their ids. */
export async function leadWithActivities(sandbox: Sandbox, email: string, count: number): Promise<{ leadId: string; ids: string[] }> {
	const leadId = await newLead(sandbox, email);
	const ids: string[] = [];
	for (let n = 0; n < count; n++) {
		const minute = String(n % 60).padStart(2, '0');
		const hour = String(10 + Math.floor(n / 60)).padStart(2, '0');
		ids.push(await seedActivity(sandbox, leadId, `2026-01-01 ${hour}:${minute}:00`));
	}
	return { leadId, ids };
}

