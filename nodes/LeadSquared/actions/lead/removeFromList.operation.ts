/**
 * Lead → Remove from List: `RemoveLeadFromStaticList` for each item (LeadSquared removes one lead per
 * call; it has no multi-lead removal). A refused removal is explained by the list (unknown, not static)
 * or the lead (unknown), with LeadSquared's own reason kept.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { removeLeadFromList } from '../../transport/lists';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { leadIdProperty, readLeadId } from './byId';
import { ListDiagnosis, listProperty, membershipKey, readListId } from './listTarget';

const properties: INodeProperties[] = [
	listProperty('The static list to remove the lead from'),
	leadIdProperty('The lead to remove from the list'),
	optionsCollection([], sharedOptions()),
];

export const description = showFor({ resource: ['lead'], operation: ['removeFromList'] }, properties);

interface Prepared {
	listId: string;
	leadId: string;
}

interface Setup {
	lists: ListDiagnosis;
}

class RemoveFromList implements Operation<Prepared, Setup> {
	setup(run: RunContext): Promise<Setup> {
		return Promise.resolve({ lists: new ListDiagnosis(run.client) });
	}

	prepare(run: RunContext, index: number): Prepared {
		return { listId: readListId(run.context, index), leadId: readLeadId(run.context, index) };
	}

	keys({ listId, leadId }: Prepared): string[] {
		return [membershipKey(listId, leadId)];
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup): Promise<IDataObject> {
		const { listId, leadId } = prepared;
		try {
			await removeLeadFromList(run.client, listId, leadId);
		} catch (error) {
			throw await setup.lists.explain(error, listId, leadId);
		}
		return { status: 'Success', listId, leadId, inList: false };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new RemoveFromList());
}
