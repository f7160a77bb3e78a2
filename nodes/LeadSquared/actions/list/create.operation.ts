/**
 * List → Create: a new, empty static list (`LeadSegmentation.svc/CreateEmptyList` {Name, Description},
 * [DOC create-empty-static-list]); leads go in with Lead → Add to List. Whether LeadSquared takes a second
 * list with a name another list has is not documented (accounts may refuse it with
 * MXDuplicateEntryException or create it), so unless told to send the name as it is, the node looks the
 * name up first (Lists.Get with SearchText) and fails, or returns the existing list, the same way on
 * every account. Items with the same name never run at once.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError, sentences } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { readCatalogue, sameListName } from '../../model/list/catalogue';
import { optionalText, requiredText } from '../../values/checks';
import { describeValue } from '../../values/values';
import type { LeadSquaredClient } from '../../transport';
import { createList, getLists } from '../../transport/lists';
import type { ListRow } from '../../transport/lists';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';

type IfTaken = 'fail' | 'useExisting' | 'create';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Webinar May 2026',
		description: 'The name of the new static list',
	},
	{
		displayName: 'Description',
		name: 'listDescription',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: "The list's description, shown in LeadSquared",
	},
	optionsCollection(
		[
			{
				displayName: 'If a List Has the Name',
				name: 'ifNameTaken',
				type: 'options',
				default: 'fail',
				options: [
					{
						name: 'Create Anyway',
						value: 'create',
						description: 'No look-up: LeadSquared decides. Depending on the account it refuses the name or creates a second list of the same name.',
					},
					{
						name: 'Fail',
						value: 'fail',
						description: 'The item fails and nothing is created (the node looks the name up first, ignoring letter case)',
					},
					{
						name: 'Return the Existing List',
						value: 'useExisting',
						description: 'The static list of that name is returned with created: false: running the workflow again makes no second list',
					},
				],
				description: 'What to do when the account already has a list of this name',
			},
		],
		sharedOptions(),
	),
];

export const description = showFor({ resource: ['list'], operation: ['create'] }, properties);

interface Prepared {
	name: string;
	description: string;
	ifTaken: IfTaken;
}

function readIfTaken(value: unknown): IfTaken {
	if (value === undefined || value === 'fail' || value === 'useExisting' || value === 'create') return value ?? 'fail';
	throw new InputError(`Options → If a List Has the Name is ${describeValue(value)}; it must be "fail", "useExisting" or "create"`, 'ifNameTaken');
}

/** The account's list of that name (any type, letter case ignored), or undefined. */
async function listNamed(client: LeadSquaredClient, name: string): Promise<ListRow | undefined> {
	const isNamed = (row: ListRow) => sameListName(row.name, name);
	const { rows } = await readCatalogue({ fetch: async (pageIndex) => await getLists(client, { pageIndex, searchText: name }), until: isNamed });
	return rows.find(isNamed);
}

function nameTaken(name: string, existing: ListRow | undefined, cause?: LeadSquaredError): LeadSquaredError {
	const failure = cause?.failure;
	const kind = existing?.type.trim().toLowerCase();
	return new LeadSquaredError({
		...failure,
		kind: 'business',
		message: `A list named "${existing?.name ?? name}" already exists in this LeadSquared account${kind ? ` (a ${kind} list, ID ${existing?.id})` : ''}`,
		description: sentences(
			'Give the new list another name, or set Options → "If a List Has the Name" to "Return the Existing List"',
			failure?.description,
		),
	});
}

function notStatic(existing: ListRow): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'business',
		message: `The list named "${existing.name}" is a ${existing.type.trim().toLowerCase() || 'non-static'} list (ID ${existing.id}), not a static list`,
		description: 'Only static lists take leads one by one (Lead → Add to List). Give the new static list another name.',
	});
}

function output(list: { id: string; name: string }, created: boolean): IDataObject {
	return { status: 'Success', listId: list.id, listName: list.name, created };
}

function isDuplicate(error: unknown): error is LeadSquaredError {
	return error instanceof LeadSquaredError && error.failure.kind === 'business' && /duplicate|already exist/i.test(`${error.failure.exceptionType ?? ''} ${error.failure.exceptionMessage ?? ''}`);
}

class CreateList implements Operation<Prepared> {
	prepare(run: RunContext, index: number): Prepared {
		const { context } = run;
		return {
			name: requiredText(context.getNodeParameter('name', index, ''), 'Name', 'name', 'Give the new list a name.'),
			description: optionalText(context.getNodeParameter('listDescription', index, ''), 'Description', 'listDescription')?.trim() ?? '',
			ifTaken: readIfTaken(run.options.ifNameTaken),
		};
	}

	keys({ name }: Prepared): string[] {
		return [`list-name:${name.toLowerCase()}`];
	}

	check({ name, ifTaken }: Prepared): WriteCheck {
		return {
			record: 'list',
			change: 'create',
			read: 'List → Get Many',
			key: keyOf('name', name),
			...(ifTaken === 'useExisting' ? { safeRepeat: 'with "If a List Has the Name" on Return the Existing List, repeating it returns the list it created' } : {}),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const { client } = run;
		const { name, ifTaken } = prepared;
		if (ifTaken !== 'create') {
			const existing = await listNamed(client, name);
			if (existing && ifTaken === 'fail') throw nameTaken(name, existing);
			if (existing) return this.existing(existing);
		}
		try {
			return output({ id: await createList(client, name, prepared.description), name }, true);
		} catch (error) {
			return await this.refused(client, prepared, error);
		}
	}

	/** LeadSquared refused the list: a taken name is explained (or, another list got it since the look-up, returned). */
	private async refused(client: LeadSquaredClient, { name, ifTaken }: Prepared, error: unknown): Promise<IDataObject> {
		if (!isDuplicate(error)) throw error;
		const existing = ifTaken === 'create' ? undefined : await listNamed(client, name);
		if (existing && ifTaken === 'useExisting') return this.existing(existing);
		throw nameTaken(name, existing, error);
	}

	private existing(list: ListRow): IDataObject {
		if (list.type.trim() !== '' && list.type.trim().toLowerCase() !== 'static') throw notStatic(list);
		return output(list, false);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateList());
}
