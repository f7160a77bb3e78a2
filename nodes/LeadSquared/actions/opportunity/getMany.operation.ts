/**
 * Opportunity → Get Many: a lead's opportunities (`GetOpportunitiesOfLead`), optionally of one type;
 * Return All / Limit page by PageIndex/PageSize. Typed Values use each type's field metadata.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/checks';
import { opportunityCode, opportunityKinds } from '../../helpers/opportunity';
import type { OpportunityType } from '../../helpers/opportunity';
import { readList } from '../../helpers/pager';
import { opportunitiesOfLead } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { opportunityTypeLocator, readTypeCode, typeCache } from './opportunityFields';

/** Opportunities per call (the documented example's PageSize). */
export const OPPORTUNITY_PAGE_SIZE = 100;
/** The largest page asked for when opportunities missing from the pages are read again [INF: no limit is documented]. */
const OPPORTUNITY_MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.leadId }}',
		description: "The lead's ID (ProspectID) whose opportunities to get",
	},
	opportunityTypeLocator({ description: 'Only opportunities of this type. Leave empty for every type.' }),
	...listingProperties,
	optionsCollection(
		[{ ...typedValuesOption, description: `${typedValuesOption.description}. Opportunity fields are typed by their type's metadata.` }],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['opportunity'], operation: ['getMany'] }, properties);

interface Prepared {
	leadId: string;
	code?: number;
	limit?: number;
}

type Setup = (code: number) => Promise<OpportunityType>;

class GetManyOpportunities implements Operation<Prepared, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return typeCache(run.client);
	}

	prepare(run: RunContext, index: number): Prepared {
		const { context } = run;
		return {
			leadId: requiredText(context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId', 'Give the ID of the lead whose opportunities to get.'),
			code: readTypeCode(context, index, false),
			limit: readLimit(context, index),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, types: Setup): Promise<IDataObject[]> {
		const { rows } = await readList<Record<string, unknown>>({
			addressing: 'pages',
			fetch: async (pageIndex, pageSize) => await opportunitiesOfLead(run.client, prepared.leadId, prepared.code, pageIndex, pageSize),
			idOf: (row) => (typeof row.OpportunityId === 'string' ? row.OpportunityId : undefined),
			pageSize: OPPORTUNITY_PAGE_SIZE,
			maxPageSize: OPPORTUNITY_MAX_PAGE_SIZE,
			limit: prepared.limit,
			noun: 'opportunities of the lead',
		});
		if (!typedValuesOn(run.context, run.options)) return rows as IDataObject[];
		return await Promise.all(rows.map(async (row) => outputRecord(row as IDataObject, true, opportunityKinds(await typeOf(types, row.OpportunityEvent)))));
	}
}

/** A row's type metadata for typing its values; without it (unknown code, a failed look-up) only the dates are typed. */
async function typeOf(types: Setup, event: unknown): Promise<OpportunityType | undefined> {
	const code = opportunityCode(event);
	if (code === undefined) return undefined;
	try {
		return await types(code);
	} catch {
		return undefined;
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyOpportunities());
}
