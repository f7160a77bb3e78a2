/**
 * Opportunity → Get Many: a lead's opportunities (`GetOpportunitiesOfLead`), of one type or, with the type
 * empty, of every type (read type by type: some accounts require the type); Return All / Limit page by
 * PageIndex/PageSize. Rows are read in the documented and in the live form. Typed Values use each type's
 * field metadata.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { typeLabel } from '../../model/activity/types';
import { requiredText } from '../../values/checks';
import { LeadSquaredError, sentences } from '../../machinery/errors';
import { opportunityCode, opportunityKinds } from '../../model/opportunity/payload';
import type { OpportunityType } from '../../model/opportunity/payload';
import { NEWEST_FIRST, newestFirst, opportunityIdOf, opportunityRow } from '../../model/opportunity/rows';
import type { OpportunityRow } from '../../model/opportunity/rows';
import { readList } from '../../machinery/pager';
import { opportunitiesOfLead } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { opportunityTypeLocator, readCheckedType, typeLookups } from './opportunityFields';
import type { OpportunityTypes, TypeLookups } from './opportunityFields';

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
	opportunityTypeLocator({ description: 'Only opportunities of this type. Leave empty for every type (newest first).' }),
	...listingProperties,
	optionsCollection(
		[{ ...typedValuesOption, description: `${typedValuesOption.description}. Opportunity fields are typed by their type's metadata.` }, simplifyOption],
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
	readonly simplify = 'opportunity' as const;

	notFound(prepared: Prepared): string {
		const type = prepared.code === undefined ? '' : ` of the opportunity type ${prepared.code}`;
		return `No opportunity${type} exists for the lead with ProspectID ${prepared.leadId} in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<TypeLookups> {
		return typeLookups(run.client);
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: TypeLookups): Promise<Prepared> {
		const { context } = run;
		const leadId = requiredText(context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId', 'Give the ID of the lead whose opportunities to get.');
		return { leadId, code: await readCheckedType(context, index, false, setup), limit: readLimit(context, index) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: TypeLookups): Promise<IDataObject[]> {
		const rows = prepared.code !== undefined ? await readType(run, prepared, prepared.code) : await readEveryType(run, prepared, setup.types);
		if (!typedValuesOn(run.context, run.options)) return rows as IDataObject[];
		return await Promise.all(rows.map(async (row) => outputRecord(row as IDataObject, true, opportunityKinds(await typeOf(setup.type, row.OpportunityEvent)))));
	}
}

/** The lead's opportunities of one type (or, without `code`, the documented call for every type), page by page. */
async function readType(run: RunContext, prepared: Prepared, code: number | undefined, sorting?: typeof NEWEST_FIRST): Promise<OpportunityRow[]> {
	const { rows } = await readList<OpportunityRow>({
		addressing: 'pages',
		fetch: async (pageIndex, pageSize) => {
			const page = await opportunitiesOfLead(run.client, prepared.leadId, code, pageIndex, pageSize, sorting);
			return { ...page, rows: page.rows.map((row) => opportunityRow(row, code)) };
		},
		idOf: opportunityIdOf,
		pageSize: OPPORTUNITY_PAGE_SIZE,
		maxPageSize: OPPORTUNITY_MAX_PAGE_SIZE,
		limit: prepared.limit,
		noun: 'opportunities of the lead',
	});
	return rows;
}

/**
 * Every type's opportunities of the lead. `opportunityType` is documented as optional but was required on a
 * live account (§12.2), and an account may answer a call without it with an error or with nothing: the
 * lead is read type by type (the account's opportunity types), each newest first and up to the Limit, and
 * the types' rows merged. A type that cannot be read fails the item: never a partial result.
 */
async function readEveryType(run: RunContext, prepared: Prepared, types: OpportunityTypes): Promise<OpportunityRow[]> {
	const list = await types.all();
	if (list.types.length === 0) return list.source === 'api' ? [] : await readType(run, prepared, undefined);
	if (list.types.length === 1) return await readType(run, prepared, list.types[0].code);
	const perType: OpportunityRow[][] = [];
	for (const type of list.types) {
		try {
			perType.push(await readType(run, prepared, type.code, NEWEST_FIRST));
		} catch (error) {
			throw ofType(error, type);
		}
	}
	return newestFirst(perType, prepared.limit);
}

/** A failed read of one type, said about the type (the other types' rows are not returned either). */
function ofType(error: unknown, type: { code: number; name: string }): unknown {
	if (!(error instanceof LeadSquaredError)) return error;
	return new LeadSquaredError({
		...error.failure,
		message: `Reading the lead's opportunities of type ${typeLabel(type)} failed: ${error.failure.message}`,
		description: sentences(error.failure.description, 'The node reads a lead\'s opportunities type by type; no opportunity is returned for this item when one type cannot be read'),
	});
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
