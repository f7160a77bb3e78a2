/**
 * The one owner list: the account's active users (`Users.Get`), by name, each shown with its e-mail address.
 * Every owner field of every resource offers it: the Owner resource locators (Task → Create and Get Many,
 * Lead → Change Owner, Activity → Create's Owner, User → Get's From List) through `searchUsers`, whose value
 * is the user id; the owner fields of the field mappers (the lead's OwnerId, an activity's or an
 * opportunity's Owner: fields of type ActiveUsers) as a dropdown of the same users, also by id. Where a field
 * needs the e-mail address (Activity → Create's ActivityOwnerEmail), the node turns the id into it when it runs.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { UserIndex, userLabel } from '../model/user/records';
import type { LeadField } from '../values/fields';
import { isUserField } from '../values/fields';
import { LeadSquaredClient } from '../transport';
import { listUsers } from '../transport/users';
import { DESIGN_TIME, matchingName } from './designTime';

/** The active users as list entries (name with e-mail, value the user id), by name. */
async function ownerChoices(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	return new UserIndex(await listUsers(client)).active().map((user) => ({ name: userLabel(user), value: user.id }));
}

/** listSearch: the owner list, filtered by what the user types (name or e-mail, any letter case). */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const entries = (await ownerChoices(this)).map(({ name, value }) => ({ name, value: String(value) }));
	return { results: matchingName(entries, filter) };
}

/**
 * The owner list for a field mapper, loaded only when `fields` hold an owner field; undefined when there is
 * none or the users cannot be read (the owner fields then stay text: the mapper itself must still load).
 */
export async function ownerOptionsFor(context: ILoadOptionsFunctions, fields: readonly LeadField[]): Promise<INodePropertyOptions[] | undefined> {
	if (!fields.some(isUserField)) return undefined;
	try {
		return await ownerChoices(context);
	} catch {
		return undefined;
	}
}
