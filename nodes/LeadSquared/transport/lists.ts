/**
 * LeadSquared's lead lists (contract §11.1): the account's lists (`Lists.Get`, paged, filtered by type
 * and name), adding leads to a static list (several per call, or one), removing one lead from it.
 * Each function checks that the answer has the documented shape.
 */
import type { ListInfo } from '../model/lead/failures';
import { addedCount } from '../model/list/staticLists';
import type { LeadSquaredClient } from './index';
import { listOrMessageList, succeeded, unconfirmedChange, unexpectedAnswer } from './shape';

/** ListType of Lists.Get. */
export const LIST_TYPES = { static: '0', dynamic: '1', refreshable: '2' } as const;

export interface ListRow extends ListInfo {
	description: string;
	memberCount?: number;
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
		const record = (row ?? {}) as Record<string, unknown>;
		const id = text(record.ListId).trim();
		if (id === '') return [];
		const count = Number(record.MemberCount);
		return [
			{
				id,
				name: text(record.ListName),
				type: text(record.ListType),
				description: text(record.ListDescription),
				memberCount: Number.isFinite(count) ? count : undefined,
			},
		];
	});
}

/** Pages Lists.Get looks through for one list before giving up. */
const MAX_LIST_PAGES = 50;

/**
 * A list of the account by id (any casing), paging Lists.Get until it turns up, a page is empty, or a page
 * brings no list not seen before (an API that ignores PageIndex would repeat its first page forever).
 * null when the account has no such list.
 */
export async function findList(client: LeadSquaredClient, listId: string): Promise<ListInfo | null> {
	const wanted = listId.trim().toLowerCase();
	const seen = new Set<string>();
	for (let pageIndex = 1; pageIndex <= MAX_LIST_PAGES; pageIndex++) {
		const rows = await getLists(client, { pageIndex });
		const found = rows.find((row) => row.id.toLowerCase() === wanted);
		if (found) return { id: found.id, name: found.name, type: found.type };
		const fresh = rows.filter((row) => !seen.has(row.id.toLowerCase()));
		if (fresh.length === 0) return null;
		for (const row of fresh) seen.add(row.id.toLowerCase());
	}
	return null;
}

/** `AddLeadsToStaticList`: how many of the leads were added (leads already in the list are not), when the answer says. */
export async function addLeadsToList(client: LeadSquaredClient, listId: string, leadIds: string[]): Promise<number | undefined> {
	const answer = await client.request({
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
		method: 'GET',
		path: 'LeadSegmentation.svc/RemoveLeadFromStaticList',
		query: { ListId: listId, LeadID: leadId },
	});
	if (!succeeded(answer)) throw unconfirmedChange('RemoveLeadFromStaticList', 'no Status "Success"', 'change to the list');
}
