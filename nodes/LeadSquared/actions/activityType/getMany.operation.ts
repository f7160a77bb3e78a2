/**
 * Activity Type → Get Many: the account's activity types (`ActivityTypes.Get`, classified with
 * `GetOpportunityTypes` as custom, system or opportunity types: model/activity/typeKinds.ts), by default only the
 * custom ones Activity → Create can post, each with its fields (`CustomActivity/GetActivitySetting?code=`, the
 * call Activity → Create checks fields against: one per custom type listed, a few at once, each paced by the
 * client, each type once per run). One output item per type, paired to the input item that asked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import type { ActivityTypeSummary } from '../../model/activity/typeKinds';
import { activityTypeRecord, typeMatches } from '../../model/discovery/types';
import { getActivityType } from '../../transport/activities';
import { loadActivityTypes } from '../../transport/typeCatalogue';
import { flagOf } from '../../values/checks';
import { describeValue } from '../../values/values';
import { codeOrNameFilter, filtersCollection, once, readFilters, textFilter, TypeFieldReader } from '../discovery';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Types',
		name: 'types',
		type: 'options',
		default: 'custom',
		options: [
			{
				name: 'Custom Types (Postable)',
				value: 'custom',
				description: "Your account's custom activity types: the ones Activity → Create can post",
			},
			{
				name: 'All Types',
				value: 'all',
				description: "Custom types, LeadSquared's own (system) types and opportunity types, each with its kind",
			},
		],
		description: 'Which activity types to list',
	},
	{
		displayName: 'Include Fields',
		name: 'includeFields',
		type: 'boolean',
		default: true,
		description:
			"Whether to list each custom type's fields (schema name, type, mandatory, dropdown values). Takes one more call per custom type listed (GetActivitySetting).",
	},
	filtersCollection([codeOrNameFilter('activity type', '201 or phone call')]),
	optionsCollection([], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['activityType'], operation: ['getMany'] }, properties);

interface Prepared {
	customOnly: boolean;
	includeFields: boolean;
	search?: string;
}

interface Setup {
	types: () => Promise<ActivityTypeSummary[]>;
	fields: TypeFieldReader;
}

class GetManyActivityTypes implements Operation<Prepared, Setup> {
	notFound(prepared: Prepared): string {
		return `No activity type${prepared.search === undefined ? '' : ` matching "${prepared.search}"`} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		return {
			types: once(async () => (await loadActivityTypes(run.client)).types),
			fields: new TypeFieldReader(async (code) => await getActivityType(run.client, code), 'GetActivitySetting'),
		};
	}

	prepare(run: RunContext, index: number): Prepared {
		const types = run.context.getNodeParameter('types', index, 'custom');
		if (types !== 'custom' && types !== 'all') throw new InputError(`Types is ${describeValue(types)}; it must be "custom" or "all"`, 'types');
		return {
			customOnly: types === 'custom',
			includeFields: flagOf(run.context.getNodeParameter('includeFields', index, true), 'Include Fields', 'includeFields', true),
			search: textFilter(readFilters(run, index), 'search', 'Code or Name'),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup): Promise<IDataObject[]> {
		const types = (await setup.types()).filter((type) => (!prepared.customOnly || type.kind === 'custom') && typeMatches(type, prepared.search));
		// Only custom types have fields to post; system and opportunity types are listed without them.
		const described = prepared.includeFields ? types.filter((type) => type.kind === 'custom').map((type) => type.code) : [];
		const fields = await setup.fields.readAll(described, run.settings.concurrency);
		return types.map((type) => activityTypeRecord(type, fields.get(type.code)) as unknown as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyActivityTypes());
}
