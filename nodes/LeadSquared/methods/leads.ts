/**
 * Design-time look-ups of the lead reads: the account's lead fields for Fields to Return, for conditions
 * and for sorting, and the leads themselves for Lead → Get's "From List".
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { ALL_LEADS, TIE_BREAKER } from '../model/lead/search';
import { leadStages } from '../model/lead/stages';
import { LeadSquaredClient } from '../transport';
import { quickSearchLeads, searchLeads as searchLeadPage } from '../transport/leadReads';
import { DESIGN_TIME, label, loadFieldIndex, matchingName } from './designTime';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Every lead field (custom field sets included), for Fields to Return. */
export async function getLeadFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const index = await loadFieldIndex(this);
	return index.fields.map((field) => ({ name: label(field.displayName, field.schemaName), value: field.schemaName })).sort(byName);
}

/** The fields a search can filter and sort on: every lead field except custom field sets, and ProspectAutoId. */
export async function getLeadSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const index = await loadFieldIndex(this);
	const options = index.fields
		.filter((field) => field.kind !== 'cfs')
		.map((field) => ({ name: label(field.displayName, field.schemaName), value: field.schemaName, description: field.dataType || undefined }));
	if (!index.get(TIE_BREAKER)) options.push({ name: 'Lead Number (ProspectAutoId)', value: TIE_BREAKER, description: 'Number' });
	return options.sort(byName);
}

/** The account's lead stages (the options of ProspectStage, in the account's order), for Lead → Change Stage. */
export async function searchLeadStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const stages = leadStages(await loadFieldIndex(this));
	return { results: matchingName(stages.map((stage) => ({ name: stage, value: stage })), filter) };
}

const LIST_PAGE_SIZE = 50;
const LIST_COLUMNS = ['ProspectID', 'FirstName', 'LastName', 'EmailAddress', 'Phone', 'Mobile'];

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** How a lead shows in the list: its name, then its e-mail address or phone. */
function leadEntry(lead: IDataObject): { name: string; value: string } | undefined {
	const id = text(lead.ProspectID ?? lead.ProspectId);
	if (id === '') return undefined;
	const name = [text(lead.FirstName), text(lead.LastName)].filter((part) => part !== '').join(' ');
	const contact = text(lead.EmailAddress) || text(lead.Phone) || text(lead.Mobile);
	const shown = name && contact ? `${name} (${contact})` : name || contact || id;
	return { name: shown, value: id };
}

/**
 * Leads for "From List": with a search text, LeadSquared's quick search (name, e-mail, company, phone);
 * without one, the newest leads, a page at a time.
 */
export async function searchLeads(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const wanted = (filter ?? '').trim();
	if (wanted !== '') {
		const leads = await quickSearchLeads(client, wanted);
		return { results: leads.flatMap((lead) => leadEntry(lead) ?? []).slice(0, 100) };
	}
	const pageIndex = /^\d+$/.test(paginationToken ?? '') && Number(paginationToken) >= 1 ? Number(paginationToken) : 1;
	const page = await searchLeadPage(client, {
		condition: ALL_LEADS,
		columns: LIST_COLUMNS,
		sort: { field: TIE_BREAKER, descending: true },
		pageIndex,
		pageSize: LIST_PAGE_SIZE,
	});
	const results = page.leads.flatMap((lead) => leadEntry(lead) ?? []);
	return page.leads.length < LIST_PAGE_SIZE ? { results } : { results, paginationToken: String(pageIndex + 1) };
}
