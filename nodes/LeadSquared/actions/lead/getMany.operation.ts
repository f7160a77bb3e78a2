/**
 * Lead → Get Many: the leads that meet conditions (`Leads.Get`, page after page) or a quick search
 * (`Leads.GetByQuickSearch`), one output item per lead, all paired to the input item that asked.
 * `Leads.Get` takes one condition: the first goes to LeadSquared, the node checks the others on each page
 * the same way (model/lead/search.ts). Paging, order and de-duplication: model/lead/paging.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import { collectPages, DEFAULT_PAGE_SIZE, leadKey, MAX_PAGE_SIZE, planSearch } from '../../model/lead/paging';
import type { SearchPlan } from '../../model/lead/paging';
import { collectTied } from '../../model/lead/ties';
import { ALL_LEADS, allConditions, buildCondition, resolveColumn, sortLeads, TIE_BREAKER } from '../../model/lead/search';
import type { Condition, SortOrder } from '../../model/lead/search';
import { describeValue } from '../../values/values';
import { quickSearchLeads, searchLeads } from '../../transport/leadReads';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { numberOption, optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readDescending, sortDirectionOption } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { accountFields } from './leadFields';
import { ALWAYS_RETURNED, fieldsToReturnOption, leadOutput, readFieldsToReturn } from './leadRead';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchMode',
		type: 'options',
		noDataExpression: true,
		default: 'conditions',
		options: [
			{
				name: 'Conditions',
				value: 'conditions',
				description: "Leads whose fields meet every condition, e.g. City = Pune and Score > 50 (LeadSquared's Leads.Get)",
			},
			{
				name: 'Quick Search',
				value: 'quickSearch',
				description: "Leads whose name, e-mail address, company or phone contain a text, as LeadSquared's search box finds them",
			},
		],
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Condition',
		description:
			'Leads must meet every condition. LeadSquared filters on the first one; the node checks the others on each page it reads, so put the most selective condition first. Without conditions, every lead is returned.',
		displayOptions: { show: { searchMode: ['conditions'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getLeadSearchFields' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equals',
						options: [
							{ name: 'Equals (=)', value: 'equals', description: 'Text is compared ignoring letter case' },
							{ name: 'Greater Than (>)', value: 'greaterThan' },
							{ name: 'Greater Than or Equal (>=)', value: 'greaterOrEqual' },
							{ name: 'Less Than (<)', value: 'lessThan' },
							{ name: 'Less Than or Equal (<=)', value: 'lessOrEqual' },
							{ name: 'Like (LIKE)', value: 'like', description: 'A pattern: % stands for any text, _ for one character, e.g. %@example.com' },
							{ name: 'Not Equal (<>)', value: 'notEqual', description: 'The field has a value, and not this one' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Compared by the field\'s type: numbers as numbers, dates as dates (e.g. 2024-05-01 or 2024-05-01T10:30:00Z), true/false as 1/0, other fields as text. A lead whose field is empty matches no condition.',
					},
				],
			},
		],
	},
	{
		displayName: 'Search Text',
		name: 'quickSearchText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Sharma',
		description: 'Text to find in the lead\'s name, e-mail address, company or phone number',
		displayOptions: { show: { searchMode: ['quickSearch'] } },
	},
	...listingProperties,
	optionsCollection(
		[
			{
				...dateTimezoneOption,
				description: 'How to read condition values such as "2024-05-01 10:30" that carry no time zone. LeadSquared is always asked in UTC.',
			},
			fieldsToReturnOption,
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE, numberPrecision: 0 },
				default: 1000,
				description:
					'Leads per call to LeadSquared when several calls are needed (Return All, a Limit above it, or more than one condition). Larger pages mean fewer calls but larger answers.',
			},
			sortDirectionOption('Order of the leads by the sort field, or by creation (oldest first when ascending) without one'),
			{
				displayName: 'Sort Field Name or ID',
				name: 'sortBy',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLeadSearchFields' },
				default: '',
				description:
					'The field the leads are ordered by; leads with the same value come in creation order. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			typedValuesOption,
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['lead'], operation: ['getMany'] }, properties);

interface Search {
	quickSearch?: string;
	conditions: Condition[];
	/** undefined = Return All. */
	limit?: number;
}

interface Setup {
	fields: FieldIndex;
	typed: boolean;
	wanted: string[];
	pageSize: number;
	sort?: SortOrder;
	descending: boolean;
	timezone: string;
}

function readLimit(context: IExecuteFunctions, index: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', index, false) as unknown;
	if (returnAll === true || returnAll === 'true') return undefined;
	const raw = context.getNodeParameter('limit', index, 50) as unknown;
	const limit = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InputError(`Limit is ${describeValue(raw)}; it must be a whole number of 1 or more`, 'limit', 'Or turn on Return All.');
	}
	return limit;
}

function readConditions(context: IExecuteFunctions, index: number, setup: Setup): Condition[] {
	const raw = context.getNodeParameter('conditions.condition', index, []) as unknown;
	if (!Array.isArray(raw)) throw new InputError(`Conditions is ${describeValue(raw)}, not a list of conditions`, 'conditions');
	return raw.map((entry: unknown, position) => {
		const { field, operator, value } = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
		return buildCondition({ field, operator, value }, position + 1, setup.fields, setup.timezone);
	});
}

/** Include_CSV: the wanted fields plus what the node itself reads (id, other conditions' fields, the sort). */
function searchColumns(setup: Setup, rest: Condition[], plan: SearchPlan): string[] | undefined {
	if (setup.wanted.length === 0) return undefined;
	const names = [...ALWAYS_RETURNED, ...setup.wanted, ...rest.map((condition) => condition.field)];
	const sort = plan.nodeSort ?? plan.groups;
	if (sort) names.push(sort.column.field, TIE_BREAKER);
	return names.filter((name, position) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === position);
}

class GetMany implements Operation<Search, Setup> {
	readonly simplify = 'lead' as const;

	notFound(search: Search): string {
		if (search.quickSearch !== undefined) return `No lead matches the quick search "${search.quickSearch}" in LeadSquared.`;
		if (search.conditions.length === 0) return 'No lead exists in LeadSquared.';
		return `No lead matches ${search.conditions.map((condition) => `${condition.field} ${condition.operator} ${condition.value}`).join(' and ')} in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		const { options, context } = run;
		const pageSize = numberOption(options, { name: 'pageSize', label: 'Page Size', min: 1, max: MAX_PAGE_SIZE, whole: true, fallback: DEFAULT_PAGE_SIZE });
		const wanted = readFieldsToReturn(options);
		const descending = readDescending(options);
		const timezone = readTimezone(context, options);
		const fields = await accountFields(context, run.client);
		const sortBy = options.sortBy;
		const sort: SortOrder | undefined =
			sortBy === undefined || sortBy === '' ? undefined : { column: resolveColumn(sortBy, fields, 'Options → Sort Field', 'sortBy'), descending };
		return { fields, typed: typedValuesOn(context, options), wanted, pageSize, sort, descending, timezone };
	}

	prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: Setup): Search {
		const { context } = run;
		const limit = readLimit(context, index);
		if (context.getNodeParameter('searchMode', index, 'conditions') === 'quickSearch') {
			const text = context.getNodeParameter('quickSearchText', index, '') as unknown;
			if (typeof text !== 'string' && typeof text !== 'number') {
				throw new InputError(`Search Text is ${describeValue(text)}, not a text`, 'quickSearchText');
			}
			if (String(text).trim() === '') {
				throw new InputError('Search Text is empty', 'quickSearchText', 'Enter a name, e-mail address, company or phone number to search for.');
			}
			return { quickSearch: String(text).trim(), conditions: [], limit };
		}
		return { conditions: readConditions(context, index, setup), limit };
	}

	async send(run: RunContext, { prepared: search }: Entry<Search>, setup: Setup): Promise<IDataObject[]> {
		const leads = search.quickSearch !== undefined ? await quickSearch(run, search, setup) : await searchByConditions(run, search, setup);
		return leads.map((lead) => leadOutput(lead, setup.wanted, setup.typed, setup.fields));
	}
}

/** Quick search answers every match at once: the node removes repeats, sorts (with Sort Field) and applies the limit. */
async function quickSearch(run: RunContext, search: Search, setup: Setup): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const unique = (await quickSearchLeads(run.client, search.quickSearch as string)).filter((lead) => {
		const key = leadKey(lead);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	const ordered = setup.sort ? sortLeads(unique, setup.sort) : unique;
	return search.limit === undefined ? ordered : ordered.slice(0, search.limit);
}

async function searchByConditions(run: RunContext, search: Search, setup: Setup): Promise<IDataObject[]> {
	const [first = ALL_LEADS, ...rest] = search.conditions;
	const plan = planSearch({
		returnAll: search.limit === undefined,
		limit: search.limit ?? 0,
		pageSize: setup.pageSize,
		filtersInNode: rest.length > 0,
		sort: setup.sort,
		descending: setup.descending,
	});
	const columns = searchColumns(setup, rest, plan);
	const accept = rest.length > 0 ? allConditions(rest) : undefined;
	if (plan.groups && plan.limit !== undefined) {
		const leads = await collectTied({
			sort: plan.groups,
			limit: plan.limit,
			pageSize: plan.pageSize,
			condition: first,
			conditions: search.conditions,
			accept,
			fetch: async (condition, sort, pageIndex, pageSize) => await searchLeads(run.client, { condition, columns, sort, pageIndex, pageSize }),
		});
		return leads as IDataObject[];
	}
	const collected = await collectPages({
		pageSize: plan.pageSize,
		limit: plan.limit,
		accept,
		fetch: async (pageIndex, pageSize) => await searchLeads(run.client, { condition: first, columns, sort: plan.serverSort, pageIndex, pageSize }),
	});
	const leads = collected.leads as IDataObject[];
	return plan.nodeSort ? sortLeads(leads, plan.nodeSort) : leads;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetMany());
}
