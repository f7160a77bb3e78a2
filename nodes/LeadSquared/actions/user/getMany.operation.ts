/**
 * User → Get Many: every user (`Users.Get`, one unpaged call; Filters applied by the node), or the users
 * that meet conditions (`User/AdvancedSearch`, page after page through the shared list reader, which never
 * returns a partial list). One output item per user, all paired to the input item that asked; the id is
 * always `UserId` (model/user/records.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { readList } from '../../machinery/pager';
import { userIdOf, userRecord } from '../../model/user/records';
import { buildUserSearch, matchesFilters, readFilters, SEARCH_OPERATORS, USER_ROLES } from '../../model/user/search';
import type { SearchMatch, UserFilters, UserSearch } from '../../model/user/search';
import { getAllUsers, searchUsersPage } from '../../transport/users';
import { describeValue } from '../../values/values';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { showFor } from '../utils';
import { USER_ATTRIBUTES } from './attributes';

/** Users per search call [INF: no maximum is documented; the sample asks for 5]. */
export const USER_PAGE_SIZE = 100;
/** The largest page asked for when users missing from the pages are read again [INF]. */
const USER_MAX_PAGE_SIZE = 500;

const attributeOptions = USER_ATTRIBUTES.map(([value, name]) => ({ name: `${name} (${value})`, value })).sort((a, b) => a.name.localeCompare(b.name));

const properties: INodeProperties[] = [
	{
		displayName: 'Get',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: [
			{ name: 'All Users', value: 'all', description: 'Every user of the account, deactivated ones included, with the filters below (Users.Get)' },
			{ name: 'Users Matching Conditions', value: 'search', description: "LeadSquared's user advanced search (User/AdvancedSearch)" },
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { source: ['all'] } },
		options: [
			{ displayName: 'Group', name: 'group', type: 'string', default: '', placeholder: 'e.g. North India', description: 'Only members of this user group (its exact name, any letter case)' },
			{
				displayName: 'Name or Email Contains',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. rao',
				description: "Only users whose name or e-mail address contains this text (any letter case)",
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				default: 'Sales_User',
				options: USER_ROLES.map((role) => ({ name: role.replace(/_/g, ' '), value: role })),
				description: "Only users with this role. Your account's own role names can be given by expression.",
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active', description: 'StatusCode 0' },
					{ name: 'Deactivated', value: 'deactivated', description: 'StatusCode 1' },
				],
				description: 'Only active or only deactivated users',
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
		description: 'What the users must meet; see Match for how conditions combine',
		displayOptions: { show: { source: ['search'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'options',
						default: 'FirstName',
						options: attributeOptions,
						description: 'The user attribute to compare. Another attribute can be given by expression (its schema name).',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'lik',
						options: Object.entries(SEARCH_OPERATORS)
							.map(([value, name]) => ({ name: `${name} (${value})`, value }))
							.sort((a, b) => a.name.localeCompare(b.name)),
						description: "LeadSquared's operator: Contains (lik) is the one its documentation shows",
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The text to compare with (letter case is LeadSquared\'s to judge)' },
				],
			},
		],
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'all',
		displayOptions: { show: { source: ['search'] } },
		options: [
			{ name: 'All Conditions (AND)', value: 'all' },
			{ name: 'Any Condition (OR)', value: 'any' },
		],
		description: 'How the conditions combine: LeadSquared takes one operator between all conditions of a group',
	},
	...listingProperties,
	optionsCollection(
		[
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'FirstName',
				options: attributeOptions,
				displayOptions: { show: { '/source': ['search'] } },
				description: 'The attribute the search results are ordered by (users with the same value may come in any order; the node still reads each once)',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'ascending',
				displayOptions: { show: { '/source': ['search'] } },
				options: [
					{ name: 'Ascending', value: 'ascending' },
					{ name: 'Descending', value: 'descending' },
				],
			},
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['user'], operation: ['getMany'] }, properties);

type Prepared = { limit?: number } & ({ source: 'all'; filters: UserFilters } | { source: 'search'; search: UserSearch });

function readSearch(run: RunContext, index: number): UserSearch {
	const raw = run.context.getNodeParameter('conditions.condition', index, []) as unknown;
	if (!Array.isArray(raw)) throw new InputError(`Conditions is ${describeValue(raw)}, not a list of conditions`, 'conditions');
	const conditions = raw.map((entry: unknown) => {
		const { field, operator, value } = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
		return { field, operator, value };
	});
	const match = run.context.getNodeParameter('match', index, 'all');
	if (match !== 'all' && match !== 'any') throw new InputError(`Match is ${describeValue(match)}; it must be "all" or "any"`, 'match');
	const direction = run.options.sortDirection ?? 'ascending';
	if (direction !== 'ascending' && direction !== 'descending') {
		throw new InputError(`Options → Sort Direction is ${describeValue(direction)}; it must be "ascending" or "descending"`, 'sortDirection');
	}
	const sortBy = run.options.sortBy ?? 'FirstName';
	if (typeof sortBy !== 'string') throw new InputError(`Options → Sort By is ${describeValue(sortBy)}, not an attribute name`, 'sortBy');
	return buildUserSearch(conditions, match as SearchMatch, { column: sortBy, descending: direction === 'descending' });
}

class GetManyUsers implements Operation<Prepared> {
	readonly simplify = 'user' as const;

	notFound(prepared: Prepared): string {
		return prepared.source === 'search' ? 'No user matches the search conditions in LeadSquared.' : 'No user matches the filters in LeadSquared.';
	}

	prepare(run: RunContext, index: number): Prepared {
		const source = run.context.getNodeParameter('source', index, 'all');
		const limit = readLimit(run.context, index);
		if (source === 'all') {
			const raw = run.context.getNodeParameter('filters', index, {}) as unknown;
			return { source, limit, filters: readFilters(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}) };
		}
		if (source === 'search') return { source, limit, search: readSearch(run, index) };
		throw new InputError(`Get is ${describeValue(source)}; it must be "all" or "search"`, 'source');
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		if (prepared.source === 'all') {
			const users = (await getAllUsers(run.client)).filter((row) => matchesFilters(row, prepared.filters));
			const kept = prepared.limit === undefined ? users : users.slice(0, prepared.limit);
			return kept.map((row) => userRecord(row) as IDataObject);
		}
		const { rows } = await readList<Record<string, unknown>>({
			addressing: 'pages',
			fetch: async (pageIndex, pageSize) => await searchUsersPage(run.client, prepared.search, pageIndex, pageSize),
			idOf: userIdOf,
			pageSize: USER_PAGE_SIZE,
			maxPageSize: USER_MAX_PAGE_SIZE,
			limit: prepared.limit,
			noun: 'users found by the search',
		});
		return rows.map((row) => userRecord(row) as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyUsers());
}
