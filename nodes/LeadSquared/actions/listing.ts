/**
 * Return All / Limit, shared by the Get Many operations, and reading them for one item.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalWholeNumber } from '../values/checks';

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
