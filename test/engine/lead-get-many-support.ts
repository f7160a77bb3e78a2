/**
 * Shared by the Lead → Get Many engine tests: the node's parameters in the shapes the editor saves, and
 * readings of the sandbox's Leads.Get requests.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { FAST } from './support';

export interface ManySpec {
	conditions?: Array<{ field: string; operator?: string; value: unknown }>;
	/** Quick search text (Search By → Quick Search). */
	quick?: string;
	returnAll?: boolean;
	limit?: number | string;
	options?: IDataObject;
}

export function manyParameters(spec: ManySpec = {}): INodeParameters {
	const parameters: IDataObject = {
		resource: 'lead',
		operation: 'getMany',
		searchMode: spec.quick !== undefined ? 'quickSearch' : 'conditions',
		returnAll: spec.returnAll ?? false,
		options: { ...FAST, ...spec.options },
	};
	if (spec.limit !== undefined) parameters.limit = spec.limit;
	if (spec.quick !== undefined) parameters.quickSearchText = spec.quick;
	if (spec.conditions) {
		parameters.conditions = { condition: spec.conditions.map((condition) => ({ operator: 'equals', ...condition })) };
	}
	return parameters as INodeParameters;
}

export interface SearchCall {
	Parameter: { LookupName: string; LookupValue: string; SqlOperator: string };
	Columns?: { Include_CSV: string };
	Sorting: { ColumnName: string; Direction: string };
	Paging: { PageIndex: number; PageSize: number };
}

export function searchCalls(sandbox: Sandbox): SearchCall[] {
	return sandbox.log.filter((entry: RequestLogEntry) => entry.endpoint === 'Leads.Get').map((entry) => entry.body as SearchCall);
}

/** The ProspectIDs of a run's output items, in order. */
export function idsOf(items: Array<{ json: IDataObject }>): string[] {
	return items.map((item) => String(item.json.ProspectID));
}
