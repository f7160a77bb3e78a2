/**
 * The account's users (`UserManagement.svc`, leadsquared-api-more.md §1): every user (`Users.Get`, unpaged,
 * deactivated users included with StatusCode 1), one user by id or e-mail (an array of one, or `[]` for a
 * user who does not exist or is deactivated [DOC]), and the advanced search, a page at a time.
 */
import type { Page } from '../machinery/pager';
import type { UserSearch } from '../model/user/search';
import { userEntry } from '../model/user/records';
import type { UserEntry } from '../model/user/records';
import type { LeadSquaredClient } from './index';
import { listOrMessageList, readPage, unexpectedAnswer } from './shape';

type Row = Record<string, unknown>;

function rowsOf(list: unknown[]): Row[] {
	return list.filter((row): row is Row => row !== null && typeof row === 'object' && !Array.isArray(row));
}

/** `Users.Get`: every user, as LeadSquared returns them (a bare array [DOC]; `{Status, Message:[…]}` accepted). */
export async function getAllUsers(client: LeadSquaredClient): Promise<Row[]> {
	const answer = await client.request({ method: 'GET', path: 'UserManagement.svc/Users.Get' });
	const list = listOrMessageList(answer) ?? readPage(answer)?.rows;
	if (!list) throw unexpectedAnswer('Users.Get', 'not a list of users');
	return rowsOf(list);
}

/** Every user as an entry (id, name, e-mail, active), rows without an id left out. */
export async function listUsers(client: LeadSquaredClient): Promise<UserEntry[]> {
	return (await getAllUsers(client)).flatMap((row) => userEntry(row) ?? []);
}

export type UserLookup = 'id' | 'email';

export const USER_READS: Record<UserLookup, { endpoint: string; path: string; parameter: string }> = {
	id: { endpoint: 'User/Retrieve/ByUserId', path: 'UserManagement.svc/User/Retrieve/ByUserId', parameter: 'userId' },
	email: { endpoint: 'User/Retrieve/ByEmailAddress', path: 'UserManagement.svc/User/Retrieve/ByEmailAddress', parameter: 'emailAddress' },
};

/** One user by id or e-mail address: the answer's user, or undefined for `[]` (no such user, or a deactivated one). */
export async function getUser(client: LeadSquaredClient, by: UserLookup, value: string): Promise<Row | undefined> {
	const { endpoint, path, parameter } = USER_READS[by];
	const answer = await client.request({ method: 'GET', path, query: { [parameter]: value } });
	// An array of one [DOC]; a bare object is taken as the user too.
	const list = Array.isArray(answer) ? answer : answer && typeof answer === 'object' && userEntry(answer as Row) ? [answer] : undefined;
	if (!list) throw unexpectedAnswer(endpoint, 'not a list of users');
	return rowsOf(list)[0];
}

/** One page of `User/AdvancedSearch`: a bare array of users [INF, the documented sample shows one user], or `{RecordCount, List|Users}`. */
export async function searchUsersPage(client: LeadSquaredClient, search: UserSearch, pageIndex: number, pageSize: number): Promise<Page<Row>> {
	const answer = await client.request({
		method: 'POST',
		path: 'UserManagement.svc/User/AdvancedSearch',
		body: { ...search, Paging: { PageIndex: pageIndex, PageSize: pageSize } },
	});
	const page = readPage(answer, ['List', 'Users', 'Records']);
	if (!page) throw unexpectedAnswer('User/AdvancedSearch', 'not a list of users');
	return page;
}
