/**
 * Lead → Add to List: puts each item's lead (by id) on a static list. Items for the same list share one
 * `AddLeadsToStaticList` call (up to 25 leads; items for other lists in the same batch get their own call),
 * and each item still gets its own result: the answer only counts the leads added, so when it counts fewer
 * than were sent, one `Leads/Retrieve/ByIds` call tells unknown lead ids (which fail their items) from
 * leads that were in the list already. When LeadSquared refuses the whole call, the list is checked
 * (unknown, not static: every item fails with that), or else each lead goes again on its own
 * (`AddLeadToStaticList`), so a bad lead id fails only its own item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { addResults, groupByList } from '../../model/list/staticLists';
import { knownLeadIds } from '../../transport/leads';
import { addLeadsToList, addLeadToList } from '../../transport/lists';
import { runOperation } from '../engine';
import type { Batching, Entry, Outcome, RunContext } from '../engine';
import { showFor } from '../utils';
import { MembershipChange, membershipProperties } from './listTarget';
import type { Membership as Prepared, MembershipSetup as Setup } from './listTarget';

/** Leads per AddLeadsToStaticList call (the engine's batches hold at most 25 items). */
const LEADS_PER_CALL = 25;

const properties: INodeProperties[] = membershipProperties('The static list to add the lead to', 'The lead to add to the list');

export const description = showFor({ resource: ['lead'], operation: ['addToList'] }, properties);

function added(prepared: Prepared, alreadyInList: boolean | undefined, leadsInCall: number, addedInCall: number | undefined): IDataObject {
	return {
		status: 'Success',
		listId: prepared.listId,
		leadId: prepared.leadId,
		inList: true,
		...(alreadyInList !== undefined ? { alreadyInList } : {}),
		leadsInCall,
		...(addedInCall !== undefined ? { addedInCall } : {}),
	};
}

function notAdded(leadId: string): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'business',
		message: `No lead with ID ${leadId} in this LeadSquared account, so it was not added to the list`,
		description:
			'LeadSquared added the other leads of the same call but not this one, and has no lead with this ID. Check the Lead ID: the lead may have been deleted or merged into another lead.',
	});
}

/** Each lead on its own (`AddLeadToStaticList`), after LeadSquared refused them together. */
async function oneByOne(run: RunContext, group: Array<Entry<Prepared>>, setup: Setup): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const { index, prepared } of group) {
		try {
			const wasAdded = await addLeadToList(run.client, prepared.listId, prepared.leadId);
			const json = added(prepared, wasAdded === undefined ? undefined : !wasAdded, 1, wasAdded === undefined ? undefined : Number(wasAdded));
			outcomes.push({ index, ok: true, json: [json] });
		} catch (error) {
			outcomes.push({ index, ok: false, error: await setup.lists.explain(error, prepared.listId, prepared.leadId) });
		}
	}
	return outcomes;
}

/** One call for the leads of one list. */
async function addGroup(run: RunContext, group: Array<Entry<Prepared>>, setup: Setup): Promise<Outcome[]> {
	const { listId } = group[0].prepared;
	const leadIds = group.map(({ prepared }) => prepared.leadId);
	let count: number | undefined;
	try {
		count = await addLeadsToList(run.client, listId, leadIds);
	} catch (error) {
		const listProblem = await setup.lists.listProblem(error, listId);
		if (listProblem || !(error instanceof LeadSquaredError) || error.failure.kind !== 'business') {
			return group.map(({ index }) => ({ index, ok: false, error: listProblem ?? error }));
		}
		return await oneByOne(run, group, setup);
	}
	const known = count === leadIds.length ? undefined : await knownLeadIds(run.client, leadIds);
	const results = addResults(leadIds, count, known);
	return group.map(({ index, prepared }, position): Outcome => {
		const result = results[position];
		if (!result.ok) return { index, ok: false, error: notAdded(prepared.leadId) };
		return { index, ok: true, json: [added(prepared, result.alreadyInList, leadIds.length, count)] };
	});
}

async function sendBatch(run: RunContext, entries: Array<Entry<Prepared>>, setup: Setup): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const group of groupByList(entries, (entry) => entry.prepared.listId)) outcomes.push(...(await addGroup(run, group, setup)));
	return outcomes;
}

class AddToList extends MembershipChange {
	protected readonly change = 'add';

	async send(run: RunContext, entry: Entry<Prepared>, setup: Setup): Promise<IDataObject[]> {
		const [outcome] = await addGroup(run, [entry], setup);
		if (!outcome.ok) throw outcome.error;
		return outcome.json;
	}

	batching(run: RunContext, setup: Setup): Batching<Prepared> {
		return { size: LEADS_PER_CALL, send: async (entries) => await sendBatch(run, entries, setup) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new AddToList());
}
