/**
 * LeadSquared's lead lists (contract §11.1, leadsquared-api-more.md §5): the account's lists (`Lists.Get`,
 * paged, filtered by type and name), creating a static list, the leads in a list, adding leads to a static
 * list (several per call, or one), removing one lead from it. Each function checks that the answer has the
 * documented shape.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../machinery/pager';
import type { ListInfo } from '../model/lead/failures';
import { LIST_TYPE_CODES, readCatalogue } from '../model/list/catalogue';
import { membersBody } from '../model/list/members';
import type { MembersPage } from '../model/list/members';
import { addedCount } from '../model/list/staticLists';
import type { LeadSquaredClient } from './index';
import { leadPage } from './leadReads';
import { listOrMessageList, messageId, succeeded, unconfirmedChange, unconfirmedWrite, unexpectedAnswer } from './shape';

/** ListType of Lists.Get. */
export const LIST_TYPES = LIST_TYPE_CODES;

export interface ListRow extends ListInfo {
	description: string;
	memberCount?: number;
	/** The row as LeadSquared returned it. */
	record: IDataObject;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** One page of `Lists.Get` (1-based), optionally of one type and with a part of the name. */
export async function getLists(
	client: LeadSquaredClient,
	page: { pageIndex: number; listType?: string; searchText?: string },
): Promise<ListRow[]> {
	const query: Record<string, string> = { PageIndex: String(page.pageIndex) };
	if (page.listType !== undefined) query.ListType = page.listType;
	if (page.searchText) query.SearchText = page.searchText;
	// A bare array [DOC], or inside {Status, Message} (a client guards against that form, contract §12.2).
	const lists = listOrMessageList(await client.request({ method: 'GET', path: 'LeadManagement.svc/Lists.Get', query }));
	if (!lists) throw unexpectedAnswer('Lists.Get', 'not a list of lists');
	return lists.flatMap((row: unknown): ListRow[] => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) return [];
		const record = row as IDataObject;
		const id = text(record.ListId).trim();
		if (id === '') return [];
		const count = Number(record.MemberCount);
		return [
			{
				id,
				name: text(record.ListName),
				type: text(record.ListType),
				description: text(record.ListDescription),
				memberCount: record.MemberCount !== null && record.MemberCount !== '' && Number.isFinite(count) ? count : undefined,
				record,
			},
		];
	});
}

/**
 * A list of the account by id (any casing), paging Lists.Get until it turns up or the lists end
 * (model/list/catalogue.ts). null when the account has no such list.
 */
export async function findList(client: LeadSquaredClient, listId: string): Promise<ListInfo | null> {
	const wanted = listId.trim().toLowerCase();
	const isWanted = (row: ListRow) => row.id.toLowerCase() === wanted;
	const { rows } = await readCatalogue({ fetch: async (pageIndex) => await getLists(client, { pageIndex }), until: isWanted });
	const found = rows.find(isWanted);
	return found ? { id: found.id, name: found.name, type: found.type } : null;
}

/**
 * `CreateEmptyList` [DOC create-empty-static-list]: a new static list; its id from `{"Status":"Success",
 * "Message":{"Id"}}`. Not sent twice: an account that allows duplicate names would get two lists.
 */
export async function createList(client: LeadSquaredClient, name: string, description: string): Promise<string> {
	const answer = await client.request({
		write: true,
		method: 'POST',
		path: 'LeadSegmentation.svc/CreateEmptyList',
		body: { Name: name, Description: description },
		idempotent: false,
	});
	const id = messageId(answer, { bareId: true });
	if (id === undefined) {
		throw unconfirmedWrite('CreateEmptyList', 'no list id (Message.Id)', "The list may or may not have been created: look at the account's lists (List → Get Many) before running the item again.");
	}
	return id;
}

/** One page of the leads in a list (`Leads/Retrieve/BySearchParameter`), each lead flat. */
export async function leadsInList(client: LeadSquaredClient, page: MembersPage): Promise<Page<IDataObject>> {
	const endpoint = 'Leads/Retrieve/BySearchParameter';
	const answer = await client.request({ method: 'POST', path: `LeadManagement.svc/${endpoint}`, body: membersBody(page) });
	const { leads, recordCount } = leadPage(endpoint, answer);
	return { rows: leads, total: recordCount };
}

/** `AddLeadsToStaticList`: how many of the leads were added (leads already in the list are not), when the answer says. */
export async function addLeadsToList(client: LeadSquaredClient, listId: string, leadIds: string[]): Promise<number | undefined> {
	const answer = await client.request({
		write: true,
		method: 'POST',
		path: 'LeadSegmentation.svc/AddLeadsToStaticList',
		body: { listId, leadIds },
	});
	if (!succeeded(answer)) throw unconfirmedChange('AddLeadsToStaticList', 'no Status "Success"', 'change to the list');
	return addedCount(answer);
}

/** `AddLeadToStaticList` (one lead): whether it was added (false: it was in the list already), when the answer says. */
export async function addLeadToList(client: LeadSquaredClient, listId: string, leadId: string): Promise<boolean | undefined> {
	const answer = (await client.request({
		write: true,
		method: 'POST',
		path: 'LeadManagement.svc/AddLeadToStaticList',
		query: { listId, leadId },
	})) as { Status?: unknown; Message?: { AffectedRows?: unknown } } | null;
	if (!succeeded(answer)) throw unconfirmedChange('AddLeadToStaticList', 'no Status "Success"', 'change to the list');
	const rows = Number(answer?.Message?.AffectedRows);
	return Number.isFinite(rows) ? rows > 0 : undefined;
}

/** `RemoveLeadFromStaticList` (one lead per call: LeadSquared has no multi-lead removal). */
export async function removeLeadFromList(client: LeadSquaredClient, listId: string, leadId: string): Promise<void> {
	const answer = await client.request({
		write: true,
		method: 'GET',
		path: 'LeadSegmentation.svc/RemoveLeadFromStaticList',
		query: { ListId: listId, LeadID: leadId },
	});
	if (!succeeded(answer)) throw unconfirmedChange('RemoveLeadFromStaticList', 'no Status "Success"', 'change to the list');
}
