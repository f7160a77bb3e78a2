/**
 * Sales Activity → Get Many: a lead's sales activities, `SalesActivity.svc/RetrieveByLeadId?leadId=&
 * includeOption=false` (parameters [DOC], path [CODE]). The documented call has no paging: one answer holds
 * every sale of the lead, which the node outputs newest sales date first (Return All), or the newest Limit.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { newestSalesFirst, saleRecord, typedSale } from '../../model/sales/records';
import type { SaleRead } from '../../model/sales/records';
import { salesOfLead } from '../../transport/salesActivities';
import { unexpectedAnswer } from '../../transport/shape';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import { leadIdProperty, readLeadId } from '../lead/byId';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	leadIdProperty('The lead whose sales activities to get'),
	...listingProperties,
	optionsCollection(
		[{ ...typedValuesOption, description: `${typedValuesOption.description}. Each field is typed by its own data type: the order value as a number, the sales date as ISO 8601.` }, simplifyOption],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['salesActivity'], operation: ['getMany'] }, properties);

interface Prepared {
	leadId: string;
	limit?: number;
}

class GetManySales implements Operation<Prepared> {
	readonly simplify = 'salesActivity' as const;

	notFound(prepared: Prepared): string {
		return `No sales activity exists for the lead with ProspectID ${prepared.leadId} in LeadSquared.`;
	}

	prepare(run: RunContext, index: number): Prepared {
		return {
			leadId: readLeadId(run.context, index),
			limit: readLimit(run.context, index),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		const reads = (await salesOfLead(run.client, prepared.leadId)).map((row) => {
			const read = saleRecord(row);
			if (!read) throw unexpectedAnswer('SalesActivity.svc/RetrieveByLeadId', 'a row that is not a sales activity');
			return read;
		});
		const ordered: SaleRead[] = newestSalesFirst(reads);
		const kept = prepared.limit === undefined ? ordered : ordered.slice(0, prepared.limit);
		const typed = typedValuesOn(run.context, run.options);
		return kept.map((read) => (typed ? typedSale(read) : read.record) as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManySales());
}
