/**
 * LeadSquared's account endpoints (leadsquared-api-more.md §2): `CompanyManagement.svc` (Company.Create,
 * Company.Update, Company.Get, Company.Delete) and `CompanyActivity.svc` (Create, Retrieve). Writes carry the
 * fields inside `CompanyProperties`: a bare attribute list is refused on every call with "You're missing
 * Company details." [OBS OH-gotchas §8].
 */
import type { Page } from '../machinery/pager';
import type { AccountProperty, CompanyQuery } from '../model/account/payload';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, succeeded, unconfirmedChange, unconfirmedWrite, unexpectedAnswer } from './shape';

const CM = 'CompanyManagement.svc/';
const CA = 'CompanyActivity.svc/';

/** `POST Company.Create` [DOC create-an-account] → `{"Status":"Success","Message":{"Id"}}`. Not retried after a lost answer (a second account). */
export async function createAccount(client: LeadSquaredClient, typeName: string, properties: AccountProperty[]): Promise<{ status: string; accountId: string }> {
	const answer = await client.request({
		write: true,
		method: 'POST',
		path: `${CM}Company.Create`,
		body: { CompanyType: { CompanyTypeName: typeName }, CompanyProperties: properties },
		idempotent: false,
	});
	const accountId = messageId(answer);
	if (accountId === undefined) {
		throw unconfirmedWrite('Company.Create', 'no account id (Message.Id)', 'The account may or may not have been created: search for it (Account → Get Many) before running the item again.');
	}
	return { status: statusOf(answer), accountId };
}

/** `POST Company.Update?companyId=` [DOC update-an-account] → `{"Status":"Success","Message":{"AffectedRows":1}}`. */
export async function updateAccount(client: LeadSquaredClient, accountId: string, properties: AccountProperty[]): Promise<{ status: string; affectedRows: number | null }> {
	const answer = await client.request({ method: 'POST', path: `${CM}Company.Update`, query: { companyId: accountId }, body: { CompanyProperties: properties }, write: true });
	if (!succeeded(answer)) throw unconfirmedChange('Company.Update', 'no Status "Success"', 'update');
	const rows = Number((answer as { Message?: { AffectedRows?: unknown } }).Message?.AffectedRows);
	return { status: 'Success', affectedRows: Number.isFinite(rows) ? rows : null };
}

export interface AccountSearch {
	query: CompanyQuery;
	columns?: string;
	sorting: { ColumnName: string; Direction: '0' | '1' };
}

/** One page of `POST Company.Get` [DOC get-an-account] → `{RecordCount, Companies:[{companyPropertyList}]}`. */
export async function searchAccounts(client: LeadSquaredClient, search: AccountSearch, pageIndex: number, pageSize: number): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({
		method: 'POST',
		path: `${CM}Company.Get`,
		body: {
			Query: search.query,
			...(search.columns !== undefined ? { Columns: { Include_CSV: search.columns } } : {}),
			Sorting: search.sorting,
			Paging: { PageIndex: pageIndex, PageSize: pageSize },
		},
	});
	const page = readPage(answer, ['Companies', 'List']);
	if (!page) throw unexpectedAnswer('Company.Get', 'no Companies list');
	return page;
}

/**
 * `GET Company.Delete?companyId=&withLeadDelete=` [DOC delete-an-account] → `{"Status":"Success","Message":{}}`:
 * with true, LeadSquared also deletes the account's leads; with false it keeps them, no longer linked to it.
 */
export async function deleteAccount(client: LeadSquaredClient, accountId: string, withLeadDelete: boolean): Promise<{ status: string }> {
	const answer = await client.request({ method: 'GET', path: `${CM}Company.Delete`, query: { companyId: accountId, withLeadDelete: String(withLeadDelete) }, write: true });
	if (!succeeded(answer)) throw unconfirmedChange('Company.Delete', 'no Status "Success"', 'deletion');
	return { status: 'Success' };
}

export interface AccountActivityBody {
	RelatedCompanyId: string;
	ActivityEvent: number;
	ActivityNote?: string;
	ActivityDateTime?: string;
	Fields: Array<{ SchemaName: string; Value: string }>;
}

/** `POST CompanyActivity.svc/Create` [DOC post-an-activity-on-an-account] → `{"Status":"Success","Message":{"Id"}}`. */
export async function createAccountActivity(client: LeadSquaredClient, body: AccountActivityBody): Promise<{ status: string; accountActivityId: string }> {
	const answer = await client.request({ method: 'POST', path: `${CA}Create`, body, idempotent: false, write: true });
	const id = messageId(answer);
	if (id === undefined) {
		throw unconfirmedWrite('CompanyActivity.svc/Create', 'no activity id (Message.Id)', "The activity may or may not have been posted: look at the account's activities (Account Activity → Get Many) before running the item again.");
	}
	return { status: statusOf(answer), accountActivityId: id };
}

/**
 * One page of `POST CompanyActivity.svc/Retrieve?companyId=` [DOC retrieve-account-activities-by-account-id]:
 * `{Parameter:{FromDate, ToDate}, Paging}` → `{RecordCount, CompanyActivities:[…]}`.
 */
export async function accountActivities(
	client: LeadSquaredClient,
	accountId: string,
	window: { FromDate?: string; ToDate?: string },
	pageIndex: number,
	pageSize: number,
): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({
		method: 'POST',
		path: `${CA}Retrieve`,
		query: { companyId: accountId },
		body: { ...(window.FromDate !== undefined || window.ToDate !== undefined ? { Parameter: window } : {}), Paging: { PageIndex: pageIndex, PageSize: pageSize } },
	});
	const page = readPage(answer, ['CompanyActivities', 'List']);
	if (!page) throw unexpectedAnswer('CompanyActivity.svc/Retrieve', 'no CompanyActivities list');
	return page;
}
