/**
 * Sales Activity → Cancel: `SalesActivity.svc/Cancel` `{activityId, activityEventNote}` per item [DOC]. LeadSquared
 * answers `{"Status":"Success","Message":{"Id"}}` with an Id that is not the sale's (the documented sample): the
 * cancellation it records on the lead. The output gives both ids. Never sent twice for one item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { cancelSale } from '../../transport/salesActivities';
import { optionalText } from '../../values/checks';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { readSalesActivityId, salesActivityIdProperty } from './salesFields';

const properties: INodeProperties[] = [
	salesActivityIdProperty('The sales activity to cancel (e.g. for a refund or a return)'),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Deal is not done.',
		description: 'Why the sale is cancelled (sent as activityEventNote, the note of the cancellation)',
	},
	optionsCollection([], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['salesActivity'], operation: ['cancel'] }, properties);

interface Prepared {
	id: string;
	note: string;
}

class CancelSale implements Operation<Prepared> {
	prepare(run: RunContext, index: number): Prepared {
		const { context } = run;
		return {
			id: readSalesActivityId(context, index),
			note: optionalText(context.getNodeParameter('reason', index, ''), 'Reason', 'reason') ?? '',
		};
	}

	keys(prepared: Prepared): string[] {
		return [`sale:${prepared.id.toLowerCase()}`];
	}

	check({ id }: Prepared): WriteCheck {
		return { record: 'sales activity', change: 'cancel', read: 'Sales Activity → Get', key: keyOf('Sales Activity ID', id) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const answer = await cancelSale(run.client, prepared.id, prepared.note);
		return { status: answer.status, salesActivityId: prepared.id, cancelled: true, cancellationId: answer.cancellationId, reason: prepared.note };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CancelSale());
}
