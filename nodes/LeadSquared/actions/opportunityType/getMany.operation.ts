/**
 * Opportunity Type → Get Many: the account's opportunity types (`GetOpportunityTypes`; where the account does
 * not offer it, ActivityTypes.Get's codes from 12000 on, and every item says so: transport/typeCatalogue.ts),
 * each with its fields (`GetOpportunityTypeMetadata?code=`, the call Opportunity → Create checks fields against:
 * one per type listed, a few at once, each type once per run). One output item per type, paired to the input
 * item that asked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OpportunityTypeList } from '../../model/activity/typeKinds';
import { fallbackNote, opportunityTypeRecord, typeMatches } from '../../model/discovery/types';
import { opportunityType } from '../../transport/opportunities';
import { loadOpportunityTypes } from '../../transport/typeCatalogue';
import { flagOf } from '../../values/checks';
import { codeOrNameFilter, filtersCollection, once, readFilters, textFilter, TypeFieldReader } from '../discovery';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Include Fields',
		name: 'includeFields',
		type: 'boolean',
		default: true,
		description:
			"Whether to list each type's fields (schema name, type, mandatory, dropdown values). Takes one more call per type listed (GetOpportunityTypeMetadata).",
	},
	filtersCollection([codeOrNameFilter('opportunity type', '12000 or loan')]),
	optionsCollection([], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['opportunityType'], operation: ['getMany'] }, properties);

interface Prepared {
	includeFields: boolean;
	search?: string;
}

interface Setup {
	list: () => Promise<OpportunityTypeList>;
	fields: TypeFieldReader;
}

class GetManyOpportunityTypes implements Operation<Prepared, Setup> {
	notFound(prepared: Prepared): string {
		return `No opportunity type${prepared.search === undefined ? '' : ` matching "${prepared.search}"`} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		return {
			list: once(async () => await loadOpportunityTypes(run.client)),
			fields: new TypeFieldReader(async (code) => await opportunityType(run.client, code), 'GetOpportunityTypeMetadata'),
		};
	}

	prepare(run: RunContext, index: number): Prepared {
		return {
			includeFields: flagOf(run.context.getNodeParameter('includeFields', index, true), 'Include Fields', 'includeFields', true),
			search: textFilter(readFilters(run, index), 'search', 'Code or Name'),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup): Promise<IDataObject[]> {
		const list = await setup.list();
		const types = list.types.filter((type) => typeMatches(type, prepared.search));
		const fields = await setup.fields.readAll(prepared.includeFields ? types.map((type) => type.code) : [], run.settings.concurrency);
		const fallback = fallbackNote(list);
		return types.map((type) => opportunityTypeRecord(type, fields.get(type.code), fallback) as unknown as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyOpportunityTypes());
}
