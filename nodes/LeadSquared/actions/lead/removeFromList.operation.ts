/**
 * Lead → Remove from List: `RemoveLeadFromStaticList` for each item (LeadSquared removes one lead per
 * call; it has no multi-lead removal). A refused removal is explained by the list (unknown, not static)
 * or the lead (unknown), with LeadSquared's own reason kept.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { removeLeadFromList } from '../../transport/lists';
import { runOperation } from '../engine';
import type { Entry, RunContext } from '../engine';
import { showFor } from '../utils';
import { MembershipChange, membershipProperties } from './listTarget';
import type { Membership, MembershipSetup } from './listTarget';

const properties: INodeProperties[] = membershipProperties('The static list to remove the lead from', 'The lead to remove from the list');

export const description = showFor({ resource: ['lead'], operation: ['removeFromList'] }, properties);

class RemoveFromList extends MembershipChange {
	protected readonly change = 'remove';

	async send(run: RunContext, { prepared }: Entry<Membership>, setup: MembershipSetup): Promise<IDataObject> {
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
