/**
 * LeadSquared's users as the node reads and shows them. The same user comes back under two id keys:
 * `Users.Get` says `ID`, the single reads (`User/Retrieve/ByUserId`, `ByEmailAddress`), `User/AdvancedSearch`
 * and `LeadOwner.Get` say `UserId` [DOC]. The node's output always says **`UserId`**: it is the key of three
 * of the four answers, the name of the by-id read's parameter (`userId`) and of User/Update's, and it cannot be
 * mistaken for another record's id in a workflow that mixes leads (ProspectID), tasks and users.
 * Pure: no n8n imports.
 */

export const USER_ID_KEY = 'UserId';

/** The id keys LeadSquared's user answers use (any letter case): `ID` (Users.Get), `UserId`, `UserID` (Include_CSV). */
const ID_KEYS = new Set(['id', 'userid']);

type Row = Record<string, unknown>;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** A user's id from any of LeadSquared's answers; undefined when it has none. */
export function userIdOf(row: Row): string | undefined {
	for (const [key, value] of Object.entries(row)) {
		if (ID_KEYS.has(key.toLowerCase()) && text(value) !== '') return text(value);
	}
	return undefined;
}

/**
 * A user record for the output: `UserId` first, the other keys as LeadSquared returned them, no second id
 * key. `fromSingleRead`: the answer of ByUserId / ByEmailAddress, which answer only active users [DOC], so a
 * missing `StatusCode` is 0 (Users.Get's code for an active user); a StatusCode the answer carries is kept.
 */
export function userRecord(row: Row, fromSingleRead = false): Row {
	const out: Row = { [USER_ID_KEY]: userIdOf(row) ?? null };
	for (const [key, value] of Object.entries(row)) {
		if (!ID_KEYS.has(key.toLowerCase())) out[key] = value;
	}
	if (fromSingleRead && !('StatusCode' in out)) out.StatusCode = 0;
	return out;
}

/** A user as the owner lists and owner checks need one. */
export interface UserEntry {
	id: string;
	/** "First Last", or the e-mail address (or the id) when the user has no name. */
	name: string;
	email: string;
	/** StatusCode 0 [DOC]; a user without one is taken as active. */
	active: boolean;
}

/** The entry of one row of any user answer; undefined for a row without an id. */
export function userEntry(row: Row): UserEntry | undefined {
	const id = userIdOf(row);
	if (id === undefined) return undefined;
	const email = text(row.EmailAddress);
	const name = `${text(row.FirstName)} ${text(row.LastName)}`.trim() || email || id;
	const status = row.StatusCode;
	return { id, name, email, active: status === undefined || status === null || status === '' || Number(status) === 0 };
}

/** How a user shows in a list: "Asha Rao (asha.rao@example.com)", the name alone when it is the address. */
export function userLabel(user: UserEntry): string {
	return user.email && user.email !== user.name ? `${user.name} (${user.email})` : user.name;
}

/** "Asha Rao (asha.rao@example.com, 718ae557-…)" for messages: who exactly. */
export function describeUser(user: UserEntry): string {
	return user.email && user.email !== user.name ? `${user.name} (${user.email}, ${user.id})` : `${user.name} (${user.id})`;
}

/** The account's users found by id or e-mail address, both without regard to letter case. */
export class UserIndex {
	private readonly byId = new Map<string, UserEntry>();
	private readonly byEmail = new Map<string, UserEntry>();

	constructor(readonly users: readonly UserEntry[]) {
		for (const user of users) {
			this.byId.set(user.id.toLowerCase(), user);
			// Users.Get lists deactivated users too: an address a deactivated and an active user share finds the active one.
			const key = user.email.toLowerCase();
			if (key !== '' && (!this.byEmail.has(key) || user.active)) this.byEmail.set(key, user);
		}
	}

	find(by: 'id' | 'email', value: string): UserEntry | undefined {
		return (by === 'id' ? this.byId : this.byEmail).get(value.trim().toLowerCase());
	}

	/** Active users, by name. */
	active(): UserEntry[] {
		return this.users.filter((user) => user.active).sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
	}
}
