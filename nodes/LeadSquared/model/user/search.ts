/**
 * Finding users: the filters the node applies to `Users.Get` (which takes no parameters and answers every
 * user, deactivated ones included), and the body of `User/AdvancedSearch` [DOC user-advanced-search]:
 * `{Columns:{Include_CSV}, GroupConditions:[{Condition:[{LookupName, Operator, LookupValue,
 * ConditionOperator}], GroupOperator}], GroupOperator, Sorting:[{ColumnName, Direction}], Paging}`.
 * One condition group: LeadSquared wants the same operator between all conditions of a group [DOC], so
 * "all conditions" joins them with AND and "any condition" with OR.
 * Pure: no n8n imports.
 */
import { InputError } from '../../machinery/errors';
import { describeValue } from '../../values/values';
import { userEntry } from './records';

type Row = Record<string, unknown>;

export type UserStatus = 'active' | 'deactivated';

export interface UserFilters {
	status?: UserStatus;
	role?: string;
	group?: string;
	/** Part of the name or e-mail address. */
	text?: string;
}

/** The roles LeadSquared documents (User/Create) [DOC]. */
export const USER_ROLES = ['Administrator', 'Marketing_User', 'Sales_Manager', 'Sales_User'];

/** "Sales User", "sales_user" and "SALES-USER" are the same role. */
function roleKey(role: string): string {
	return role.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The group names of a user: `MemberOfGroups` (Users.Get) or `Groups[].Name` (the single reads). */
function groupsOf(row: Row): string[] {
	const member = Array.isArray(row.MemberOfGroups) ? row.MemberOfGroups.map(text) : [];
	const groups = Array.isArray(row.Groups) ? row.Groups.map((group) => text((group as Row | null)?.Name ?? group)) : [];
	return [...member, ...groups].filter((name) => name !== '');
}

/** Whether a user row passes the filters (each one given must hold). */
export function matchesFilters(row: Row, filters: UserFilters): boolean {
	const user = userEntry(row);
	if (!user) return false;
	if (filters.status !== undefined && user.active !== (filters.status === 'active')) return false;
	if (filters.role !== undefined && roleKey(text(row.Role)) !== roleKey(filters.role)) return false;
	if (filters.group !== undefined) {
		const wanted = filters.group.toLowerCase();
		if (!groupsOf(row).some((name) => name.toLowerCase() === wanted)) return false;
	}
	if (filters.text !== undefined) {
		const wanted = filters.text.toLowerCase();
		if (![user.name, user.email].some((value) => value.toLowerCase().includes(wanted))) return false;
	}
	return true;
}

/** The Filters collection, checked: unknown statuses and values that are not text are refused. */
export function readFilters(raw: Row): UserFilters {
	const filters: UserFilters = {};
	const status = raw.status;
	if (status !== undefined && status !== '' && status !== 'any') {
		if (status !== 'active' && status !== 'deactivated') {
			throw new InputError(`Filters → Status is ${describeValue(status)}; it must be "active" or "deactivated"`, 'status');
		}
		filters.status = status;
	}
	for (const [key, label] of [
		['role', 'Role'],
		['group', 'Group'],
		['search', 'Name or Email Contains'],
	] as const) {
		const value = raw[key];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string' && typeof value !== 'number') {
			throw new InputError(`Filters → ${label} is ${describeValue(value)}, which is not a text`, key);
		}
		const trimmed = String(value).trim();
		if (trimmed === '') continue;
		if (key === 'search') filters.text = trimmed;
		else filters[key] = trimmed;
	}
	return filters;
}

export type SearchMatch = 'all' | 'any';

export interface SearchConditionInput {
	field: unknown;
	operator: unknown;
	value: unknown;
}

export interface UserSearch {
	Columns: { Include_CSV: string };
	GroupConditions: Array<{ Condition: Array<{ LookupName: string; Operator: string; LookupValue: string; ConditionOperator: string | null }>; GroupOperator: null }>;
	GroupOperator: null;
	Sorting: Array<{ ColumnName: string; Direction: 0 | 1 }>;
}

/**
 * Operators offered by name. `lik` (contains) is in LeadSquared's documented sample; the page's list of
 * operators is cut off in every stored copy, so `eq`, `neq` and `lik_s` are LeadSquared's advanced-search
 * names taken on trust [INF]. Any other operator given by expression is sent as it is: LeadSquared judges it.
 */
export const SEARCH_OPERATORS: Record<string, string> = { eq: 'Equals', neq: 'Not Equal', lik: 'Contains', lik_s: 'Starts With' };

/** A user attribute name as LeadSquared takes it (FirstName, mx_Custom_1). */
const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATOR = /^[a-z_]+$/i;

function condition(input: SearchConditionInput, position: number): { LookupName: string; Operator: string; LookupValue: string } {
	const where = `Condition ${position}`;
	const field = text(input.field);
	if (field === '') throw new InputError(`${where} has no field`, 'field', 'Choose the user attribute to search by (e.g. FirstName or EmailAddress).');
	if (!ATTRIBUTE.test(field)) {
		throw new InputError(`${where}: ${describeValue(input.field)} is not a user attribute name`, 'field', 'Use the attribute\'s schema name, e.g. FirstName, Department or mx_Custom_1.');
	}
	const operator = text(input.operator);
	if (!OPERATOR.test(operator)) {
		throw new InputError(`${where}: the operator ${describeValue(input.operator)} is not one LeadSquared names`, 'operator', `Choose one of ${Object.values(SEARCH_OPERATORS).join(', ')}.`);
	}
	if (typeof input.value !== 'string' && typeof input.value !== 'number' && typeof input.value !== 'boolean') {
		throw new InputError(`${where} (${field}): the value is ${describeValue(input.value)}, which is not a text`, 'value');
	}
	const value = String(input.value).trim();
	if (value === '') {
		throw new InputError(`${where} (${field}) has no value`, 'value', 'Give the text to compare with; to list every user, choose Get: All Users instead of a search.');
	}
	return { LookupName: field, Operator: operator.toLowerCase(), LookupValue: value };
}

/** The body of `User/AdvancedSearch` (without Paging): every attribute (`*`), one group of conditions, sorted. */
export function buildUserSearch(conditions: readonly SearchConditionInput[], match: SearchMatch, sort: { column: string; descending: boolean }): UserSearch {
	if (conditions.length === 0) {
		throw new InputError('Search has no conditions', 'conditions', 'Add a condition (e.g. FirstName contains "Ra"), or choose Get: All Users to list every user.');
	}
	const built = conditions.map((entry, index) => condition(entry, index + 1));
	const joiner = match === 'any' ? 'OR' : 'AND';
	const column = sort.column.trim();
	if (!ATTRIBUTE.test(column)) throw new InputError(`Options → Sort By ${describeValue(sort.column)} is not a user attribute name`, 'sortBy');
	return {
		Columns: { Include_CSV: '*' },
		GroupConditions: [
			{ Condition: built.map((entry, index) => ({ ...entry, ConditionOperator: index < built.length - 1 ? joiner : null })), GroupOperator: null },
		],
		GroupOperator: null,
		Sorting: [{ ColumnName: column, Direction: sort.descending ? 1 : 0 }],
	};
}
