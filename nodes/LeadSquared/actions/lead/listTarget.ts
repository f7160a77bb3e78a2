/**
 * What Add to List and Remove from List share: the List parameter (the account's static lists, searchable,
 * or an id) next to the Lead ID, reading both for an item, and explaining a refused change by what the
 * account's lists say about the list (unknown, or not static), looked up once per list and execution.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { listRefused } from '../../model/lead/failures';
import type { ListInfo } from '../../model/lead/failures';
import { checkRecordId, GUID_PATTERN, recordKey } from '../../values/recordIds';
import type { LeadSquaredClient } from '../../transport';
import { findList } from '../../transport/lists';
import { optionsCollection, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { explainLeadError, leadIdProperty, readLeadId } from './byId';

/** The List parameter: the account's static lists (`anyType`: every list), searchable, or a ListId. */
export function listProperty(description: string, anyType = false): INodeProperties {
	return {
		displayName: 'List',
		name: 'list',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: anyType ? `${description}. Static, dynamic and refreshable lists.` : `${description}. Only static lists take leads one by one; dynamic lists take theirs from their criteria.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: anyType ? 'Select a list...' : 'Select a static list...',
				typeOptions: { searchListMethod: anyType ? 'searchAllLists' : 'searchStaticLists', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 13eeca05-e095-11e7-9f0f-0236dfe9c25a',
				validation: [{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: 'Not a LeadSquared list ID (a GUID)' } }],
			},
		],
	};
}

/** The item's list id, checked (a GUID). */
export function readListId(context: IExecuteFunctions, index: number): string {
	return checkRecordId(context.getNodeParameter('list', index, '', { extractValue: true }), 'list');
}

/** The scheduler key of one lead in one list: the same lead and list are never changed twice at once. */
export function membershipKey(listId: string, leadId: string): string {
	return `${recordKey('list', listId)}/${recordKey('lead', leadId)}`;
}

/** Explains refused list changes; remembers what Lists.Get said about each list for the execution. */
export class ListDiagnosis {
	private readonly lists = new Map<string, Promise<ListInfo | null>>();

	constructor(private readonly client: LeadSquaredClient) {}

	/** The list as the account's lists describe it, or null; throws when Lists.Get fails. */
	async list(listId: string): Promise<ListInfo | null> {
		const key = listId.toLowerCase();
		let found = this.lists.get(key);
		if (!found) {
			found = findList(this.client, listId);
			this.lists.set(key, found);
		}
		return await found;
	}

	/**
	 * Whether a refusal is about the list itself (unknown, not static): the error to give every lead of
	 * the call, or undefined when the list is a static list of the account (or it cannot be told).
	 */
	async listProblem(error: unknown, listId: string): Promise<LeadSquaredError | undefined> {
		if (!(error instanceof LeadSquaredError) || error.failure.kind !== 'business') return undefined;
		let list: ListInfo | null;
		try {
			list = await this.list(listId);
		} catch {
			return undefined; // the lists could not be read: LeadSquared's own reason stands
		}
		const failure = listRefused(error.failure, listId, list);
		return failure ? new LeadSquaredError(failure) : undefined;
	}

	/** A refused change of one lead: the list's problem, else "no such lead", else LeadSquared's reason. */
	async explain(error: unknown, listId: string, leadId: string): Promise<unknown> {
		const listProblem = await this.listProblem(error, listId);
		return listProblem ?? explainLeadError(error, leadId);
	}
}

/** One item of a list change: a lead and a static list. */
export interface Membership {
	listId: string;
	leadId: string;
}

export interface MembershipSetup {
	lists: ListDiagnosis;
}

/** A list change's parameters: the list and the lead (each description says what is done) and the shared options. */
export function membershipProperties(listDescription: string, leadDescription: string): INodeProperties[] {
	return [listProperty(listDescription), leadIdProperty(leadDescription), optionsCollection([], sharedOptions())];
}

/**
 * What Add to List and Remove from List do alike: the lists' diagnosis for the execution, reading an
 * item's list and lead, and never changing one lead in one list twice at once. Sending is their own.
 */
export abstract class MembershipChange implements Operation<Membership, MembershipSetup> {
	setup(run: RunContext): Promise<MembershipSetup> {
		return Promise.resolve({ lists: new ListDiagnosis(run.client) });
	}

	prepare(run: RunContext, index: number): Membership {
		return { listId: readListId(run.context, index), leadId: readLeadId(run.context, index) };
	}

	keys({ listId, leadId }: Membership): string[] {
		return [membershipKey(listId, leadId)];
	}

	/** Whether the operation adds the lead to the list or removes it. */
	protected abstract readonly change: 'add' | 'remove';

	check({ listId }: Membership): WriteCheck {
		return { record: 'lead', change: this.change, read: 'List → Get Leads', key: keyOf('List ID', listId) };
	}

	abstract send(run: RunContext, entry: Entry<Membership>, setup: MembershipSetup): Promise<IDataObject | IDataObject[]>;
}
