/**
 * The one Owner parameter every operation that names a LeadSquared user shares (Task → Create and Get Many,
 * Lead → Change Owner, Activity → Create's Owner, User → Get): a resource locator whose list is the one
 * owner list (methods/users.ts, `searchUsers`: active users by name and e-mail, value the user id), By ID and
 * By Email; reading it for an item; and turning it into the active user it names (OwnerResolver), for the
 * fields that need a user id when given an e-mail address, or the other way round.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../machinery/errors';
import { describeUser, UserIndex, userEntry } from '../model/user/records';
import type { UserEntry } from '../model/user/records';
import type { LeadSquaredClient } from '../transport';
import { getUser, listUsers } from '../transport/users';
import type { UserLookup } from '../transport/users';
import { isBlank } from '../values/checks';
import { isGuid } from '../values/recordIds';
import { describeValue, EMAIL } from '../values/values';

export const EXAMPLE_USER_ID = '3b1041fb-8374-11e7-8758-0a106ee76b21';

/** An Owner resource locator (name `owner` unless `extra` says otherwise). */
export function ownerLocator(extra: Partial<INodeProperties> & { description: string }): INodeProperties {
	return {
		displayName: 'Owner',
		name: 'owner',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: `e.g. ${EXAMPLE_USER_ID}` },
			{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'e.g. name@example.com' },
		],
		...extra,
	};
}

/** A resource locator's saved value as its mode and value. */
export function locatorParts(raw: unknown): { mode: string; value: unknown } {
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' ? mode : 'list', value };
	}
	// A plain value (e.g. set by an AI agent or a workflow saved before the parameter was a locator): taken as given.
	return { mode: 'list', value: raw };
}

/** A resource locator's mode and value for one item. */
export function locatorOf(context: IExecuteFunctions, name: string, itemIndex: number): { mode: string; value: unknown } {
	return locatorParts(context.getNodeParameter(name, itemIndex, { mode: 'list', value: '' }) as unknown);
}

export interface OwnerInput {
	by: UserLookup;
	value: string;
}

/**
 * A user from an owner locator's saved value (also one inside a collection, e.g. a sales activity's Sales
 * Owner): by id (From List, By ID) or by e-mail; undefined when empty. A value with an @ is an e-mail address
 * whatever the mode.
 */
export function ownerFrom(raw: unknown, label = 'Owner', field = 'owner'): OwnerInput | undefined {
	const { mode, value } = locatorParts(raw);
	if (isBlank(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(`${label} is not a user id or an e-mail address`, field, 'Choose a user from the list, or give a user id or e-mail address.');
	}
	const text = String(value).trim();
	// "By ID" holding an e-mail address, or a list value typed by hand: an address is sent as one.
	return { by: mode === 'email' || text.includes('@') ? 'email' : 'id', value: text };
}

/** The owner of one item (parameter `name`, default `owner`); undefined when empty. */
export function readOwner(context: IExecuteFunctions, itemIndex: number, name = 'owner', label = 'Owner', field = name): OwnerInput | undefined {
	return ownerFrom(context.getNodeParameter(name, itemIndex, { mode: 'list', value: '' }) as unknown, label, field);
}

/** Refuses a user id that is not a GUID and an e-mail address that is not one, naming the parameter. */
export function checkOwner(owner: OwnerInput, label: string, field: string): void {
	if (owner.by === 'id' && !isGuid(owner.value)) {
		throw new InputError(
			`${label}: ${describeValue(owner.value)} is not a LeadSquared user ID`,
			field,
			`User IDs are GUIDs such as ${EXAMPLE_USER_ID}: choose the user from the list, or give their e-mail address (By Email).`,
		);
	}
	if (owner.by === 'email' && !EMAIL.test(owner.value)) {
		throw new InputError(`${label}: ${describeValue(owner.value)} is not an e-mail address`, field, 'Choose the user from the list, or give their ID or e-mail address.');
	}
}

/**
 * The active users an execution names, found in `Users.Get` (one call, on first need) or, for a user it does
 * not list, by the single read: an unknown or deactivated user is refused before anything is sent, naming
 * the parameter and the user.
 */
export class OwnerResolver {
	private index: Promise<UserIndex> | undefined;
	private readonly single = new Map<string, Promise<UserEntry | undefined>>();

	constructor(private readonly client: LeadSquaredClient) {}

	/** Every user of the account (Users.Get, deactivated ones included), read once. */
	async users(): Promise<UserIndex> {
		this.index ??= listUsers(this.client).then((users) => new UserIndex(users));
		return await this.index;
	}

	/** The single read (ByUserId / ByEmailAddress), once per user: it answers active users only [DOC]. */
	private async read(owner: OwnerInput): Promise<UserEntry | undefined> {
		const key = `${owner.by}:${owner.value.toLowerCase()}`;
		let found = this.single.get(key);
		if (!found) {
			found = getUser(this.client, owner.by, owner.value).then((row) => (row ? userEntry(row) : undefined));
			this.single.set(key, found);
		}
		return await found;
	}

	/** The active user `owner` names; `label` and `field` name the parameter in errors. */
	async active(owner: OwnerInput, label = 'Owner', field = 'owner'): Promise<UserEntry> {
		checkOwner(owner, label, field);
		const what = owner.by === 'id' ? 'ID' : 'e-mail address';
		const listed = (await this.users()).find(owner.by, owner.value);
		if (listed && !listed.active) {
			throw new InputError(
				`${label}: ${describeUser(listed)} is a deactivated LeadSquared user`,
				field,
				'Choose an active user: LeadSquared offers only active users as owners, and the node gives nothing to a deactivated one.',
			);
		}
		const user = listed ?? (await this.read(owner));
		if (!user) {
			throw new InputError(
				`${label}: no LeadSquared user has the ${what} "${owner.value}"`,
				field,
				'Choose the user from the list (My Account → Users and Permissions shows them). LeadSquared answers the same for a user who was deactivated.',
			);
		}
		return user;
	}
}
