/**
 * The account's active users, for the owner of a task (value: the user id).
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LeadSquaredClient } from '../transport';
import { listUsers } from '../transport/users';
import { DESIGN_TIME, matchingName } from './designTime';

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await LeadSquaredClient.connect(this, DESIGN_TIME);
	const entries = (await listUsers(client))
		.filter((user) => user.active)
		.map((user) => ({ name: user.email && user.email !== user.name ? `${user.name} (${user.email})` : user.name, value: user.id }));
	return { results: matchingName(entries, filter).sort((a, b) => a.name.localeCompare(b.name)) };
}
