/**
 * LeadSquared's lead reads for Lead → Get and Lead → Get Many, each checking the documented answer shape:
 * by id, e-mail and phone (an array: `[]` when no lead matches), quick search (an array) and search by
 * criteria (`Leads.Get`: an array of leads, or `{RecordCount, Leads}`; the documentation shows no answer,
 * so both are read, as is a `LeadPropertyList` per lead as other list reads return).
 */
import type { IDataObject } from 'n8n-workflow';

import { flattenProperties } from '../values/typed';
import type { LeadSquaredClient } from './index';
import { unexpectedAnswer } from './shape';

const LM = 'LeadManagement.svc/';

/** A lead as a flat record: as it came, or flattened from `LeadPropertyList`. */
function flatLead(entry: unknown): IDataObject | undefined {
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	const record = entry as IDataObject;
	return Array.isArray(record.LeadPropertyList) ? (flattenProperties(record.LeadPropertyList) as IDataObject) : record;
}

function leadList(endpoint: string, list: unknown): IDataObject[] {
	if (!Array.isArray(list)) throw unexpectedAnswer(endpoint, 'not a list of leads');
	const leads: IDataObject[] = [];
	for (const entry of list) {
		const lead = flatLead(entry);
		if (!lead) throw unexpectedAnswer(endpoint, 'a lead that is not an object');
		leads.push(lead);
	}
	return leads;
}

async function getList(client: LeadSquaredClient, endpoint: string, query: Record<string, string>): Promise<IDataObject[]> {
	return leadList(endpoint, await client.request({ method: 'GET', path: `${LM}${endpoint}`, query }));
}

export type LookupBy = 'id' | 'email' | 'phone';

/** Where each way of finding one lead goes. */
export const LOOKUP_ENDPOINTS: Record<LookupBy, { endpoint: string; parameter: string }> = {
	id: { endpoint: 'Leads.GetById', parameter: 'id' },
	email: { endpoint: 'Leads.GetByEmailaddress', parameter: 'emailaddress' },
	phone: { endpoint: 'RetrieveLeadByPhoneNumber', parameter: 'phone' },
};

/** The leads LeadSquared returns for a lead id, e-mail address or phone number (`[]` when none). */
export async function lookUpLeads(client: LeadSquaredClient, by: LookupBy, value: string): Promise<IDataObject[]> {
	const { endpoint, parameter } = LOOKUP_ENDPOINTS[by];
	return await getList(client, endpoint, { [parameter]: value });
}

/** `Leads.GetByQuickSearch?key=`: leads whose name, e-mail, company or phone contain the text. */
export async function quickSearchLeads(client: LeadSquaredClient, key: string): Promise<IDataObject[]> {
	return await getList(client, 'Leads.GetByQuickSearch', { key });
}

export interface SearchRequest {
	condition: { field: string; operator: string; value: string };
	/** Include_CSV; undefined = every field. */
	columns?: string[];
	sort: { field: string; descending: boolean };
	pageIndex: number;
	pageSize: number;
}

export interface SearchPage {
	leads: IDataObject[];
	recordCount?: number;
}

/** The body of one `Leads.Get` call (§2.4 of the contract). */
export function searchBody(request: SearchRequest): IDataObject {
	return {
		Parameter: { LookupName: request.condition.field, LookupValue: request.condition.value, SqlOperator: request.condition.operator },
		...(request.columns ? { Columns: { Include_CSV: request.columns.join(',') } } : {}),
		Sorting: { ColumnName: request.sort.field, Direction: request.sort.descending ? '1' : '0' },
		Paging: { PageIndex: request.pageIndex, PageSize: request.pageSize },
	};
}

/** A page of leads answered bare or as `{RecordCount, Leads}`, each lead flat or a `LeadPropertyList`. */
export function leadPage(endpoint: string, answer: unknown): SearchPage {
	if (Array.isArray(answer)) return { leads: leadList(endpoint, answer) };
	if (answer && typeof answer === 'object' && Array.isArray((answer as IDataObject).Leads)) {
		const { Leads, RecordCount } = answer as { Leads: unknown; RecordCount?: unknown };
		const count = Number(RecordCount);
		return {
			leads: leadList(endpoint, Leads),
			recordCount: RecordCount !== undefined && RecordCount !== null && Number.isFinite(count) ? count : undefined,
		};
	}
	throw unexpectedAnswer(endpoint, 'neither a list of leads nor {RecordCount, Leads}');
}

/** One page of `Leads.Get`. */
export async function searchLeads(client: LeadSquaredClient, request: SearchRequest): Promise<SearchPage> {
	return leadPage('Leads.Get', await client.request({ method: 'POST', path: `${LM}Leads.Get`, body: searchBody(request) }));
}
