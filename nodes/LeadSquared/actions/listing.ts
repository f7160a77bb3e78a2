/**
 * Return All / Limit and the Sort Direction option, shared by the Get Many operations, and reading them.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../machinery/errors';
import { optionalWholeNumber } from '../values/checks';
import { describeValue } from '../values/values';

export const listingProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The item's limit: undefined for Return All; a whole number of 1 or more, else an InputError. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return optionalWholeNumber(context.getNodeParameter('limit', itemIndex, 50), 'Limit', 'limit', 1) ?? 50;
}

/** Options → Sort Direction; `description` says what is ordered by what. */
export function sortDirectionOption(description: string): INodeProperties {
	return {
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		default: 'ascending',
		options: [
			{ name: 'Ascending', value: 'ascending' },
			{ name: 'Descending', value: 'descending' },
		],
		description,
	};
}

/** Whether Options → Sort Direction asks for descending order (ascending when absent). */
export function readDescending(options: IDataObject): boolean {
	const direction = options.sortDirection ?? 'ascending';
	if (direction !== 'ascending' && direction !== 'descending') {
		throw new InputError(`Options → Sort Direction is ${describeValue(direction)}; it must be "ascending" or "descending"`, 'sortDirection');
	}
	return direction === 'descending';
}
