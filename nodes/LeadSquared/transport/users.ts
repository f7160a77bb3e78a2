/**
 * The account's users (`UserManagement.svc/Users.Get`), for owner lists.
 */
import type { LeadSquaredClient } from './index';
import { readPage, unexpectedAnswer } from './shape';

export interface User {
	id: string;
	name: string;
	email: string;
	active: boolean;
}

export async function listUsers(client: LeadSquaredClient): Promise<User[]> {
	const answer = await client.request({ method: 'GET', path: 'UserManagement.svc/Users.Get' });
	const page = readPage(answer);
	if (!page) throw unexpectedAnswer('Users.Get', 'not a list of users');
	return page.rows.flatMap((row) => {
		const id = row.ID ?? row.Id ?? row.UserId;
		if (typeof id !== 'string' || id.trim() === '') return [];
		const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
		const email = text(row.EmailAddress);
		const name = `${text(row.FirstName)} ${text(row.LastName)}`.trim() || email || id;
		// StatusCode 0 = active [DOC]; a user without one is taken as active.
		const status = row.StatusCode;
		return [{ id, name, email, active: status === undefined || status === null || Number(status) === 0 }];
	});
}
