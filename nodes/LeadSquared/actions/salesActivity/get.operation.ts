/**
 * Sales Activity → Get: `SalesActivity.svc/RetrieveActivity?activityId=` per item [DOC], as one flat record
 * (the sale's own keys and each field under its schema name), typed by the fields' own DataType. A sale that
 * does not exist gives no output item, or an error with "Fail When Not Found" (as Lead → Get).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { settle } from '../../machinery/scheduler';
import { isEmptySale, isSaleNotFound, saleObject, saleRecord, typedSale } from '../../model/sales/records';
import { retrieveSale } from '../../transport/salesActivities';
import { unexpectedAnswer } from '../../transport/shape';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { readSalesActivityId, salesActivityIdProperty } from './salesFields';

const properties: INodeProperties[] = [
	salesActivityIdProperty('The sales activity to get, e.g. the salesActivityId output by Create'),
	optionsCollection(
		[
			{
				displayName: 'Fail When Not Found',
				name: 'failWhenNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether an item whose sales activity does not exist fails with an error. Off: such an item gives no output item, and the others go on.',
			},
			{ ...typedValuesOption, description: `${typedValuesOption.description}. Each field is typed by its own data type: the order value as a number, the sales date as ISO 8601.` },
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['salesActivity'], operation: ['get'] }, properties);

function notFound(id: string, said?: string): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'notFound',
		message: `No sales activity with the ID "${id}" was found in LeadSquared`,
		description: `${said ? `LeadSquared answered: ${said}. ` : ''}Turn off Options → "Fail When Not Found" to let items whose sales activity does not exist pass without output.`,
	});
}

class GetSale implements Operation<string> {
	readonly simplify = 'salesActivity' as const;

	notFound(id: string): string {
		return `No sales activity with ID ${id} exists in LeadSquared.`;
	}

	prepare(run: RunContext, index: number): string {
		return readSalesActivityId(run.context, index);
	}

	keys(id: string): string[] {
		return [`sale:${id.toLowerCase()}`];
	}

	async send(run: RunContext, { prepared: id }: Entry<string>): Promise<IDataObject | undefined> {
		const failIfMissing = run.options.failWhenNotFound === true;
		const attempt = await settle(async () => await retrieveSale(run.client, id));
		if (!attempt.ok) {
			const { error } = attempt;
			if (!(error instanceof LeadSquaredError) || !isSaleNotFound(error.failure)) throw attempt.error;
			if (failIfMissing) throw notFound(id, error.failure.exceptionMessage);
			return undefined;
		}
		const answer = saleObject(attempt.value);
		if (isEmptySale(answer)) {
			if (failIfMissing) throw notFound(id);
			return undefined;
		}
		const read = saleRecord(answer);
		if (!read) throw unexpectedAnswer('SalesActivity.svc/RetrieveActivity', 'not a sales activity');
		return (typedValuesOn(run.context, run.options) ? typedSale(read) : read.record) as IDataObject;
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetSale());
}
