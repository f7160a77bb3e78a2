/**
 * LeadSquared's lead endpoints, each checking that the answer has the documented shape.
 */
import type { IDataObject } from 'n8n-workflow';

import { mapBulkResults } from '../machinery/bulk';
import type { RowResult } from '../machinery/bulk';
import { LeadSquaredError } from '../machinery/errors';
import type { LsqAttribute } from '../model/lead/payload';
import type { LeadSquaredClient } from './index';
import { succeeded, unconfirmedChange, unconfirmedWrite, unexpectedAnswer } from './shape';

export interface UpsertResult {
	status: string;
	leadId: string;
	affectedRows?: number;
}

function unexpectedShape(endpoint: string, what: string, mayHaveWritten: boolean): LeadSquaredError {
	if (!mayHaveWritten) return unexpectedAnswer(endpoint, what);
	return unconfirmedWrite(endpoint, what, 'The lead may or may not have been written; running the item again is safe, as Create or Update finds the same lead.');
}

export async function createOrUpdateLead(
	client: LeadSquaredClient,
	body: LsqAttribute[],
	postUpdatedLead: boolean,
): Promise<UpsertResult> {
	const answer = (await client.request({
		write: true,
		method: 'POST',
		path: 'LeadManagement.svc/Lead.CreateOrUpdate',
		query: { postUpdatedLead: String(postUpdatedLead) },
		body,
	})) as { Status?: unknown; Message?: { Id?: unknown; AffectedRows?: unknown } } | null;
	const id = answer?.Message?.Id;
	if (typeof id !== 'string' || id.trim() === '') {
		throw unexpectedShape('Lead.CreateOrUpdate', 'no lead id (Message.Id)', true);
	}
	const affectedRows = Number(answer?.Message?.AffectedRows);
	return {
		status: typeof answer?.Status === 'string' ? answer.Status : 'Success',
		leadId: id,
		affectedRows: Number.isFinite(affectedRows) ? affectedRows : undefined,
	};
}

export async function bulkCreateOrUpdateLeads(
	client: LeadSquaredClient,
	rows: LsqAttribute[][],
	postUpdatedLead: boolean,
): Promise<RowResult[]> {
	const answer = await client.request({
		write: true,
		method: 'POST',
		path: 'LeadManagement.svc/Lead/Bulk/CreateOrUpdate',
		query: { postUpdatedLead: String(postUpdatedLead) },
		body: rows,
		bulk: true,
	});
	const results = mapBulkResults(rows.length, answer);
	if (!results) throw unexpectedShape('Lead/Bulk/CreateOrUpdate', 'not a list of row results', true);
	return results;
}

export async function getLeadById(client: LeadSquaredClient, id: string): Promise<IDataObject> {
	const answer = await client.request({ method: 'GET', path: 'LeadManagement.svc/Leads.GetById', query: { id } });
	if (!Array.isArray(answer)) throw unexpectedShape('Leads.GetById', 'not a list of leads', false);
	const lead = answer[0] as IDataObject | undefined;
	if (!lead || typeof lead !== 'object') throw missingLead(id);
	return lead;
}

/** The write succeeded but the read-back found nothing: said plainly, with the lead id. */
export function missingLead(id: string): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'unexpected',
		httpCode: 200,
		message: `The lead was written (id ${id}), but LeadSquared returned no record for it`,
		description: 'Turn off Options → "Return Full Lead", or fetch the lead later.',
	});
}

/** Full records of many leads in one call (`Leads/Retrieve/ByIds`), by lead id. */
export async function getLeadsByIds(client: LeadSquaredClient, ids: string[]): Promise<Map<string, IDataObject>> {
	const answer = (await client.request({
		method: 'POST',
		path: 'LeadManagement.svc/Leads/Retrieve/ByIds',
		body: { SearchParameters: { LeadIds: ids }, Paging: { PageIndex: 1, PageSize: Math.max(ids.length, 1) } },
	})) as { Leads?: unknown } | null;
	if (!answer || !Array.isArray(answer.Leads)) throw unexpectedShape('Leads/Retrieve/ByIds', 'no Leads list', false);
	const byId = new Map<string, IDataObject>();
	for (const lead of answer.Leads as IDataObject[]) {
		const id = lead?.ProspectID ?? lead?.ProspectId ?? lead?.Id;
		if (typeof id === 'string') byId.set(id, lead);
	}
	return byId;
}

/** Lower-cased ids of those of `ids` LeadSquared knows (one `Leads/Retrieve/ByIds` call), or undefined when it cannot be told. */
export async function knownLeadIds(client: LeadSquaredClient, ids: string[]): Promise<Set<string> | undefined> {
	try {
		const leads = await getLeadsByIds(client, ids);
		return new Set([...leads.keys()].map((id) => id.toLowerCase()));
	} catch {
		return undefined;
	}
}

/** `Lead.Update?leadId=`: only the fields given change. */
export async function updateLead(
	client: LeadSquaredClient,
	leadId: string,
	body: LsqAttribute[],
	postUpdatedLead: boolean,
): Promise<{ status: string; affectedRows?: number }> {
	const answer = (await client.request({
		write: true,
		method: 'POST',
		path: 'LeadManagement.svc/Lead.Update',
		query: { leadId, postUpdatedLead: String(postUpdatedLead) },
		body,
	})) as { Status?: unknown; Message?: { AffectedRows?: unknown } } | null;
	if (!answer || typeof answer !== 'object' || (answer.Status !== 'Success' && typeof answer.Message !== 'object')) {
		throw unconfirmedChange('Lead.Update', 'no Status "Success"', 'update');
	}
	const affectedRows = Number(answer.Message?.AffectedRows);
	return { status: 'Success', affectedRows: Number.isFinite(affectedRows) ? affectedRows : undefined };
}

/** `Lead/Delete/ById?leadId=` → `{"Status":"Success"}`. */
export async function deleteLead(client: LeadSquaredClient, leadId: string): Promise<void> {
	const answer = await client.request({ method: 'GET', path: 'LeadManagement.svc/Lead/Delete/ById', query: { leadId }, write: true });
	if (!succeeded(answer)) throw unconfirmedChange('Lead/Delete/ById', 'no Status "Success"', 'deletion');
}
