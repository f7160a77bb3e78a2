/**
 * Lead → Delete: `Lead/Delete/ById?leadId=` for each item (LeadSquared has no bulk deletion). The API is
 * switched off for every account until LeadSquared support enables it: that answer becomes a message
 * saying so and what to ask for, and the items after it are not sent (they would get the same answer).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { deletionRefused } from '../../model/lead/failures';
import { deleteLead } from '../../transport/leads';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { explainLeadError, leadIdProperty, leadKey, readLeadId } from './byId';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a lead also deletes its activities, tasks and opportunities, and cannot be undone. LeadSquared enables lead deletion through the API only on request (support@leadsquared.com).',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	leadIdProperty('The lead to delete'),
	optionsCollection([], sharedOptions()),
];

export const description = showFor({ resource: ['lead'], operation: ['delete'] }, properties);

/** The transport retries a call whose answer was lost: a deletion that went through then reads as "no such lead". */
const LOST_ANSWER =
	'If the connection to LeadSquared failed during this item and the node retried the call, the first attempt may have deleted the lead';

interface Setup {
	/** LeadSquared's "deletion is not enabled" answer, once an item met it. */
	refused?: LeadSquaredError;
}

class Delete implements Operation<string, Setup> {
	setup(): Promise<Setup> {
		return Promise.resolve({});
	}

	prepare(run: RunContext, index: number): string {
		return readLeadId(run.context, index);
	}

	keys(leadId: string): string[] {
		return [leadKey(leadId)];
	}

	check(leadId: string): WriteCheck {
		return { record: 'lead', change: 'delete', read: 'Lead → Get', key: keyOf('Lead ID', leadId) };
	}

	async send(run: RunContext, { prepared: leadId }: Entry<string>, setup: Setup): Promise<IDataObject> {
		// Deletion is on or off for the whole account: after one such answer, the others would only repeat it.
		if (setup.refused) throw setup.refused;
		try {
			await deleteLead(run.client, leadId);
		} catch (error) {
			if (error instanceof LeadSquaredError) {
				const refused = deletionRefused(error.failure);
				if (refused) {
					const refusal = new LeadSquaredError(refused);
					if (refused.kind === 'business') setup.refused = refusal;
					throw refusal;
				}
			}
			throw explainLeadError(error, leadId, LOST_ANSWER);
		}
		return { deleted: true, leadId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new Delete());
}
