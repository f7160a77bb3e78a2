/**
 * Account → Get Many: the accounts of one type (`CompanyManagement.svc/Company.Get`), optionally those whose
 * name contains a text, that meet one field condition and whose creation or change date lies in a range
 * (Company.Get's `Query`: SearchText, FilterBy, DateRange, which a live account verified all filter).
 * Return All / Limit page by PageIndex/PageSize through the shared list reader, which never repeats, skips
 * or passes off part of the list as all of it. Each account's attribute/value list becomes one flat item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { readList } from '../../machinery/pager';
import { buildQuery, includeColumns } from '../../model/account/payload';
import type { DateRangeInput, FilterInput } from '../../model/account/payload';
import { accountIdOf, accountRecord, typedAccountRecord } from '../../model/account/records';
import { searchAccounts } from '../../transport/accounts';
import type { AccountSearch } from '../../transport/accounts';
import { describeValue } from '../../values/values';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readDescending, readLimit, sortDirectionOption } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { accountTypeProperty, explainAccountError } from './accountFields';

/** Accounts per call (the documented example's PageSize). */
export const ACCOUNT_PAGE_SIZE = 100;
/** The largest page asked for when accounts missing from the pages are read again [INF: no limit is documented]. */
const ACCOUNT_MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{ ...accountTypeProperty, description: `The type of the accounts to get (LeadSquared searches one type at a time). ${accountTypeProperty.description}` },
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme',
		description: "Only accounts whose name contains this text (SearchText). Leave empty for every account of the type.",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Filter',
		description: 'LeadSquared applies each filter; an account must meet all of them',
		options: [
			{
				displayName: 'Field Condition',
				name: 'condition',
				values: [
					{ displayName: 'Field Name', name: 'field', type: 'string', default: '', placeholder: 'e.g. Stage', description: "The account field's schema name (FilterBy's LookupName)" },
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equals',
						options: [
							{ name: 'Equals (=)', value: 'equals' },
							{ name: 'Greater Than (>)', value: 'greaterThan' },
							{ name: 'Greater Than or Equal (>=)', value: 'greaterOrEqual' },
							{ name: 'Less Than (<)', value: 'lessThan' },
							{ name: 'Less Than or Equal (<=)', value: 'lessOrEqual' },
							{ name: 'Like (LIKE)', value: 'like', description: 'A pattern: % stands for any text, e.g. %Learning%' },
							{ name: 'Not Equal (<>)', value: 'notEqual' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Sent as text (an n8n date in UTC as yyyy-MM-dd HH:mm:ss, true/false as 1/0); LeadSquared compares it by the field\'s type',
					},
				],
			},
			{
				displayName: 'Date Range',
				name: 'dateRange',
				values: [
					{
						displayName: 'Date Field',
						name: 'dateField',
						type: 'options',
						default: 'ModifiedOn',
						options: [
							{ name: 'Created On', value: 'CreatedOn' },
							{ name: 'Modified On', value: 'ModifiedOn' },
						],
					},
					{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Start of the range (FromDate), included' },
					{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'End of the range (ToDate), included' },
				],
			},
		],
	},
	...listingProperties,
	optionsCollection(
		[
			{ ...dateTimezoneOption, description: 'How to read filter dates such as "2024-05-01 10:30" that carry no time zone. LeadSquared is always asked in UTC.' },
			{
				displayName: 'Fields to Return',
				name: 'fieldsToReturn',
				type: 'string',
				default: '',
				placeholder: 'e.g. CompanyName, Phone, OwnerName',
				description:
					'Comma-separated schema names (Include_CSV); CompanyId is always added. Leave empty for every field: LeadSquared refuses the whole call when one name is not a field of the type.',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. CompanyName',
				description: 'The schema name of the field the accounts are ordered by. Leave empty to order them by creation (CreatedOn).',
			},
			sortDirectionOption('Order of the accounts by the sort field (by creation, oldest first, when ascending without one)'),
			{
				...typedValuesOption,
				description:
					"Whether to return CreatedOn and ModifiedOn as ISO 8601 dates (UTC). LeadSquared's API describes no account type's fields, so every other value stays the text LeadSquared returns.",
			},
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['account'], operation: ['getMany'] }, properties);

interface Prepared {
	search: AccountSearch;
	limit?: number;
}

/** A fixed collection's group for one item: undefined when not added. */
function group<T>(context: IExecuteFunctions, index: number, path: string): T | undefined {
	const value = context.getNodeParameter(path, index, null) as unknown;
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(`${path} is ${describeValue(value)}, not a group of values`, 'filters');
	return value as T;
}

function readSorting(options: IDataObject): AccountSearch['sorting'] {
	const by = options.sortBy;
	if (by !== undefined && by !== null && typeof by !== 'string') throw new InputError(`Options → Sort By is ${describeValue(by)}, not a field name`, 'sortBy');
	return { ColumnName: by?.trim() || 'CreatedOn', Direction: readDescending(options) ? '1' : '0' };
}

class GetManyAccounts implements Operation<Prepared> {
	readonly simplify = 'account' as const;

	notFound(): string {
		return 'No account matches the search in LeadSquared.';
	}

	prepare(run: RunContext, index: number): Prepared {
		const { context, options } = run;
		const query = buildQuery(
			{
				type: context.getNodeParameter('accountType', index, ''),
				searchText: context.getNodeParameter('searchText', index, ''),
				filter: group<FilterInput>(context, index, 'filters.condition'),
				dateRange: group<DateRangeInput>(context, index, 'filters.dateRange'),
			},
			readTimezone(context, options),
		);
		return { search: { query, columns: includeColumns(options.fieldsToReturn), sorting: readSorting(options) }, limit: readLimit(context, index) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		let rows: Array<Record<string, unknown>>;
		try {
			({ rows } = await readList<Record<string, unknown>>({
				addressing: 'pages',
				fetch: async (pageIndex, pageSize) => {
					const page = await searchAccounts(run.client, prepared.search, pageIndex, pageSize);
					return { ...page, rows: page.rows.map(accountRecord) };
				},
				idOf: accountIdOf,
				pageSize: ACCOUNT_PAGE_SIZE,
				maxPageSize: ACCOUNT_MAX_PAGE_SIZE,
				limit: prepared.limit,
				noun: 'accounts',
			}));
		} catch (error) {
			throw explainAccountError(error, { typeName: prepared.search.query.CompanyType.CompanyTypeName });
		}
		const typed = typedValuesOn(run.context, run.options);
		return rows.map((row) => (typed ? typedAccountRecord(row) : row) as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyAccounts());
}
