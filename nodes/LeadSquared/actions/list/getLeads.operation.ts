/**
 * List → Get Leads: the leads in a list, static, dynamic or refreshable
 * (`LeadManagement.svc/Leads/Retrieve/BySearchParameter` with the ListId), page after page in creation
 * order through the shared list reader (machinery/pager.ts: RecordCount, gaps and repeats, refused page
 * sizes), one output item per lead, paired to the input item; typed by the account's lead fields.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { readList } from '../../machinery/pager';
import { leadIdOf } from '../../model/lead/lookup';
import { MEMBER_MAX_PAGE_SIZE, MEMBER_PAGE_SIZE, unknownList } from '../../model/list/members';
import type { FieldIndex } from '../../values/fields';
import { leadsInList } from '../../transport/lists';
import { numberOption, optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { accountFields } from '../lead/leadFields';
import { ALWAYS_RETURNED, fieldsToReturnOption, leadOutput, readFieldsToReturn } from '../lead/leadRead';
import { listProperty, readListId } from '../lead/listTarget';

const properties: INodeProperties[] = [
	listProperty('The list whose leads to get', true),
	...listingProperties,
	optionsCollection(
		[
			fieldsToReturnOption,
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'oldestFirst',
				options: [
					{ name: 'Newest First', value: 'newestFirst' },
					{ name: 'Oldest First', value: 'oldestFirst' },
				],
				description: 'The order of the leads, by when they were created (ProspectAutoId)',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MEMBER_MAX_PAGE_SIZE, numberPrecision: 0 },
				default: 200,
				description: 'Leads per call to LeadSquared when several calls are needed. Larger pages mean fewer calls but larger answers.',
			},
			typedValuesOption,
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['list'], operation: ['getLeads'] }, properties);

interface Prepared {
	listId: string;
	limit?: number;
}

interface Setup {
	wanted: string[];
	typed: boolean;
	newestFirst: boolean;
	pageSize: number;
	/** The account's lead fields, read only for Typed Values. */
	fields?: FieldIndex;
}

class GetLeads implements Operation<Prepared, Setup> {
	readonly simplify = 'lead' as const;

	notFound(prepared: Prepared): string {
		return `No lead is a member of the list with ListId ${prepared.listId} in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		const { options, context } = run;
		const pageSize = numberOption(options, { name: 'pageSize', label: 'Page Size', min: 1, max: MEMBER_MAX_PAGE_SIZE, whole: true, fallback: MEMBER_PAGE_SIZE });
		const wanted = readFieldsToReturn(options);
		const typed = typedValuesOn(context, options);
		return { wanted, typed, newestFirst: options.order === 'newestFirst', pageSize, fields: typed ? await accountFields(context, run.client) : undefined };
	}

	prepare(run: RunContext, index: number): Prepared {
		return { listId: readListId(run.context, index), limit: readLimit(run.context, index) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup): Promise<IDataObject[]> {
		const { listId, limit } = prepared;
		const columns = setup.wanted.length > 0 ? [...ALWAYS_RETURNED, ...setup.wanted] : undefined;
		try {
			const { rows } = await readList<IDataObject>({
				addressing: 'pages',
				fetch: async (pageIndex, pageSize) => await leadsInList(run.client, { listId, columns, newestFirst: setup.newestFirst, pageIndex, pageSize }),
				idOf: leadIdOf,
				pageSize: setup.pageSize,
				maxPageSize: MEMBER_MAX_PAGE_SIZE,
				limit,
				noun: 'leads of the list',
			});
			return rows.map((lead) => leadOutput(lead, setup.wanted, setup.typed, setup.fields));
		} catch (error) {
			const failure = error instanceof LeadSquaredError ? unknownList(error.failure, listId) : undefined;
			throw failure ? new LeadSquaredError(failure) : error;
		}
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetLeads());
}
