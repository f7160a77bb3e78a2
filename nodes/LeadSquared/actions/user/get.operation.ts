/**
 * User → Get: one user per input item, by ID (`User/Retrieve/ByUserId`) or e-mail address
 * (`User/Retrieve/ByEmailAddress`). Both answer `[]` for a user who does not exist **and** for a deactivated
 * one [DOC]; on such an answer the node looks in `Users.Get` (once per execution), which lists deactivated
 * users too: a deactivated user comes out as Users.Get lists them, with `StatusCode: 1`; a user found
 * nowhere gives no output item, or an error with "Fail When Not Found". The id is always `UserId`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../../machinery/errors';
import { userIdOf, userRecord } from '../../model/user/records';
import { getAllUsers, getUser, USER_READS } from '../../transport/users';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { checkOwner, ownerLocator, readOwner } from '../owner';
import type { OwnerInput } from '../owner';
import { showFor } from '../utils';

type Row = Record<string, unknown>;

const properties: INodeProperties[] = [
	ownerLocator({
		displayName: 'User',
		name: 'user',
		required: true,
		description:
			'The user to get: pick one from the list (active users), or give their user ID or e-mail address. A deactivated user is returned too, with StatusCode 1 and the fields LeadSquared lists for them.',
	}),
	optionsCollection(
		[
			{
				displayName: 'Fail When Not Found',
				name: 'failWhenNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether an item whose user does not exist fails with an error. Off: such an item gives no output item, and the others go on.',
			},
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['user'], operation: ['get'] }, properties);

interface Setup {
	/** Users.Get, read on the first user the single reads do not return. */
	everyone(): Promise<Row[]>;
}

function notFound(owner: OwnerInput): LeadSquaredError {
	const what = owner.by === 'id' ? 'ID' : 'e-mail address';
	return new LeadSquaredError({
		kind: 'notFound',
		message: `No LeadSquared user has the ${what} "${owner.value}"`,
		description: `LeadSquared answered ${USER_READS[owner.by].endpoint} with no user, and Users.Get (which also lists deactivated users) has none with this ${what}. Turn off Options → "Fail When Not Found" to let such items pass without output.`,
	});
}

/** The row of Users.Get with this id or e-mail address (an active user first, when an address is shared). */
function listedUser(rows: Row[], owner: OwnerInput): Row | undefined {
	const wanted = owner.value.toLowerCase();
	const matches = rows.filter((row) =>
		owner.by === 'id' ? userIdOf(row)?.toLowerCase() === wanted : typeof row.EmailAddress === 'string' && row.EmailAddress.trim().toLowerCase() === wanted,
	);
	return matches.find((row) => Number(row.StatusCode ?? 0) === 0) ?? matches[0];
}

class GetUser implements Operation<OwnerInput, Setup> {
	readonly simplify = 'user' as const;

	notFound(owner: OwnerInput): string {
		return `No user with ${owner.by === 'id' ? 'UserId' : 'EmailAddress'} ${owner.value} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		let rows: Promise<Row[]> | undefined;
		return { everyone: async () => await (rows ??= getAllUsers(run.client)) };
	}

	prepare(run: RunContext, index: number): OwnerInput {
		const owner = readOwner(run.context, index, 'user', 'User');
		if (!owner) throw new InputError('User is empty', 'user', 'Choose a user from the list, or give their user ID or e-mail address.');
		checkOwner(owner, 'User', 'user');
		return owner;
	}

	async send(run: RunContext, { prepared: owner }: Entry<OwnerInput>, setup: Setup): Promise<IDataObject | undefined> {
		const user = await getUser(run.client, owner.by, owner.value);
		if (user) return userRecord(user, true) as IDataObject;
		// [] also means "deactivated": Users.Get says which.
		const listed = listedUser(await setup.everyone(), owner);
		if (listed) return userRecord(listed) as IDataObject;
		if (run.options.failWhenNotFound === true) throw notFound(owner);
		return undefined;
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetUser());
}
