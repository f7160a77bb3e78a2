/**
 * List → Get Many: the account's lists (`LeadManagement.svc/Lists.Get`), of one type or all, optionally
 * those whose name contains a text, page after page by PageIndex (model/list/catalogue.ts: the pages'
 * size is LeadSquared's and no total is given); one output item per list, paired to the input item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { isListType, LIST_TYPE_CODES, readCatalogue } from '../../model/list/catalogue';
import type { ListTypeName } from '../../model/list/catalogue';
import { optionalText } from '../../values/checks';
import { kindIndex } from '../../values/kinds';
import { describeValue } from '../../values/values';
import { getLists } from '../../transport/lists';
import type { ListRow } from '../../transport/lists';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';

const properties: INodeProperties[] = [
	{
		displayName: 'List Type',
		name: 'listType',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Lists of every type' },
			{ name: 'Dynamic', value: 'dynamic', description: 'Lists that take their leads from criteria (ListType 1)' },
			{ name: 'Refreshable', value: 'refreshable', description: 'Lists that take their leads from criteria when refreshed (ListType 2)' },
			{ name: 'Static', value: 'static', description: 'Lists that leads are added to one by one (ListType 0): the ones Lead → Add to List takes' },
		],
		description: 'Which lists to get',
	},
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Webinar',
		description: "Only lists whose name contains this text (LeadSquared's SearchText); every list when empty",
	},
	...listingProperties,
	optionsCollection(
		[{ ...typedValuesOption, description: `${typedValuesOption.description}. MemberCount becomes a number.` }, simplifyOption],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['list'], operation: ['getMany'] }, properties);

/** Kinds of the keys of a Lists.Get row, for Typed Values. */
const LIST_KINDS = kindIndex({ MemberCount: 'number', CreatedOn: 'dateTime', ModifiedOn: 'dateTime' });

interface Prepared {
	type?: ListTypeName;
	searchText?: string;
	limit?: number;
}

function readListType(value: unknown): ListTypeName | undefined {
	if (value === undefined || value === 'all') return undefined;
	if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(LIST_TYPE_CODES, value)) return value as ListTypeName;
	throw new InputError(`List Type is ${describeValue(value)}; it must be "all", "static", "dynamic" or "refreshable"`, 'listType');
}

class GetManyLists implements Operation<Prepared> {
	readonly simplify = 'list' as const;

	notFound(prepared: Prepared): string {
		const type = prepared.type === undefined ? '' : ` of type ${prepared.type}`;
		const text = prepared.searchText === undefined ? '' : ` matching "${prepared.searchText}"`;
		return `No list${type}${text} exists in LeadSquared.`;
	}

	prepare(run: RunContext, index: number): Prepared {
		const { context } = run;
		return {
			type: readListType(context.getNodeParameter('listType', index, 'all')),
			searchText: optionalText(context.getNodeParameter('searchText', index, ''), 'Search Text', 'searchText')?.trim(),
			limit: readLimit(context, index),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		const { type, searchText, limit } = prepared;
		const { rows } = await readCatalogue<ListRow>({
			fetch: async (pageIndex) => await getLists(run.client, { pageIndex, listType: type && LIST_TYPE_CODES[type], searchText }),
			// LeadSquared filters by type; a row of another type (an account that ignores ListType) is not returned.
			accept: (row) => isListType(row.type, type),
			limit,
		});
		const typed = typedValuesOn(run.context, run.options);
		return rows.map((row) => outputRecord(row.record, typed, LIST_KINDS));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyLists());
}
