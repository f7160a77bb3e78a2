/**
 * Opportunity → Delete: `GET OpportunityManagement.svc/Delete?Id=` for each item. LeadSquared deletes an opportunity
 * only when its type allows deletion ("Allow Delete"); that refusal becomes a message saying what to change.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { requiredText } from '../../values/checks';
import { deleteOpportunity } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { opportunityIdProperty } from './opportunityFields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting an opportunity cannot be undone. LeadSquared deletes opportunities only of types that allow it ("Allow Delete" in the opportunity type\'s settings).',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	opportunityIdProperty,
	optionsCollection([], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['opportunity'], operation: ['delete'] }, properties);

/** The transport retries a call whose answer was lost: a deletion that went through then reads as "no such opportunity". */
const LOST_ANSWER =
	'If the connection to LeadSquared failed during this item and the node retried the call, the first attempt may have deleted the opportunity';

class DeleteOpportunity implements Operation<string> {
	prepare(run: RunContext, index: number): string {
		return requiredText(run.context.getNodeParameter('opportunityId', index, ''), 'Opportunity ID', 'opportunityId', 'Give the ID of the opportunity to delete.');
	}

	keys(opportunityId: string): string[] {
		return [`opportunity:${opportunityId.toLowerCase()}`];
	}

	check(opportunityId: string): WriteCheck {
		return { record: 'opportunity', change: 'delete', read: 'Opportunity → Get', key: keyOf('Opportunity ID', opportunityId) };
	}

	async send(run: RunContext, { prepared: opportunityId }: Entry<string>): Promise<IDataObject> {
		await deleteOpportunity(run.client, opportunityId, LOST_ANSWER);
		return { deleted: true, opportunityId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new DeleteOpportunity());
}
