/**
 * Lead Field → Get Many: the account's lead fields from `LeadsMetaData.Get` (one call per run, however many
 * items), compact (model/discovery/fields.ts): the schema names the lead operations take, each field's type,
 * whether it is mandatory or identifies a lead, its length limit, its dropdown values and a custom field set's
 * sub-fields. Filters keep a long list short (an account may have 400 fields). One output item per field, all
 * paired to the input item that asked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { describeLeadFields } from '../../model/discovery/fields';
import type { LeadFieldFilters } from '../../model/discovery/fields';
import { fetchLeadFields } from '../../transport/leadFields';
import type { LeadField } from '../../values/fields';
import { flagOf } from '../../values/checks';
import { filtersCollection, flagFilter, once, readFilters, textFilter } from '../discovery';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	filtersCollection([
		{
			displayName: 'Custom Fields Only',
			name: 'customOnly',
			type: 'boolean',
			default: true,
			description: "Whether to list only your account's own fields (schema names starting mx_), not LeadSquared's system fields",
		},
		{
			displayName: 'Mandatory Fields Only',
			name: 'mandatoryOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to list only the fields LeadSquared requires on a new lead',
		},
		{
			displayName: 'Name Contains',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. city',
			description: 'Only fields whose schema name or display name contains this text (any letter case), e.g. "city" finds mx_City',
		},
	]),
	optionsCollection(
		[
			{
				displayName: 'Include Dropdown Options',
				name: 'includeOptions',
				type: 'boolean',
				default: true,
				description: "Whether to list each dropdown field's values. Turn off to keep the output short when dropdowns are long.",
			},
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['leadField'], operation: ['getMany'] }, properties);

interface Prepared {
	filters: LeadFieldFilters;
	options: boolean;
}

class GetManyLeadFields implements Operation<Prepared, () => Promise<LeadField[]>> {
	notFound(): string {
		return 'No lead field matches the filters in LeadSquared.';
	}

	async setup(run: RunContext): Promise<() => Promise<LeadField[]>> {
		return once(async () => await fetchLeadFields(run.client));
	}

	prepare(run: RunContext, index: number): Prepared {
		const filters = readFilters(run, index);
		return {
			filters: {
				customOnly: flagFilter(filters, 'customOnly', 'Custom Fields Only'),
				mandatoryOnly: flagFilter(filters, 'mandatoryOnly', 'Mandatory Fields Only'),
				search: textFilter(filters, 'search', 'Name Contains'),
			},
			options: flagOf(run.options.includeOptions, 'Options → Include Dropdown Options', 'includeOptions', true),
		};
	}

	async send(_run: RunContext, { prepared }: Entry<Prepared>, fields: () => Promise<LeadField[]>): Promise<IDataObject[]> {
		return describeLeadFields(await fields(), prepared.filters, { options: prepared.options }) as unknown as IDataObject[];
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyLeadFields());
}
