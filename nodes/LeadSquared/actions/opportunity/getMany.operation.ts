/**
 * Opportunity → Get Many: a lead's opportunities (`GetOpportunitiesOfLead`), optionally of one type;
 * Return All / Limit page by PageIndex/PageSize. Typed Values use each type's field metadata.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/checks';
import { opportunityCode, opportunityKinds } from '../../helpers/opportunity';
import type { OpportunityType } from '../../helpers/opportunity';
import { Collector, collectByPageIndex } from '../../helpers/pager';
import { opportunitiesOfLead } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { opportunityTypeLocator, readCheckedType, typeLookups } from './opportunityFields';
import type { TypeLookups } from './opportunityFields';

/** Opportunities per call (the documented example's PageSize). */
export const OPPORTUNITY_PAGE_SIZE = 100;

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

class GetManyOpportunities implements Operation<Prepared, TypeLookups> {
	async setup(run: RunContext): Promise<TypeLookups> {
		return typeLookups(run.client);
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: TypeLookups): Promise<Prepared> {
		const { context } = run;
		const leadId = requiredText(context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId', 'Give the ID of the lead whose opportunities to get.');
		return { leadId, code: await readCheckedType(context, index, false, setup), limit: readLimit(context, index) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: TypeLookups): Promise<IDataObject[]> {
		const idOf = (row: Record<string, unknown>) => (typeof row.OpportunityId === 'string' ? row.OpportunityId : undefined);
		const collector = new Collector<Record<string, unknown>>(prepared.limit, idOf);
		await collectByPageIndex(collector, OPPORTUNITY_PAGE_SIZE, async (pageIndex, pageSize) =>
			await opportunitiesOfLead(run.client, prepared.leadId, prepared.code, pageIndex, pageSize),
		);
		if (!typedValuesOn(run.context, run.options)) return collector.records as IDataObject[];
		return await Promise.all(
			collector.records.map(async (row) => outputRecord(row as IDataObject, true, opportunityKinds(await typeOf(setup.type, row.OpportunityEvent)))),
		);
	}
}

/** A row's type metadata for typing its values; without it (unknown code, a failed look-up) only the dates are typed. */
async function typeOf(types: TypeLookups['type'], event: unknown): Promise<OpportunityType | undefined> {
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
