/**
 * Lead criteria as `Leads.Get` and dynamic lists use them (§2.4 of the contract): one
 * LookupName / LookupValue / SqlOperator condition compared by the field's metadata type, the sort
 * order with its tie order, paging, and the Include_CSV column list.
 *
 * Comparisons [INF]: numbers numerically, dates as dates, booleans as 1/0, everything else as text
 * compared case-insensitively (SQL Server's default collation). An empty field is SQL NULL: it
 * matches no operator, except `<>` when `emptyMatchesNotEqual` is set.
 */
import type { FieldRegistry } from './fields';
import { sortWithTies } from './ties';
import type { LeadRecord } from './types';
import { normalizeDate } from './values';

export const SQL_OPERATORS = ['=', 'LIKE', '>', '<', '>=', '<=', '<>', 'IN'] as const;
export type SqlOperator = (typeof SQL_OPERATORS)[number];

/** One search condition, as in `Parameter` of Leads.Get. */
export interface Criterion {
	LookupName: string;
	LookupValue: string;
	SqlOperator: string;
}

export interface MatchSettings {
	/** [INF] LIKE without any `%` matches as "contains" (default false: SQL semantics, the whole value). */
	likeMatchesContains: boolean;
	/** [INF] `<>` also matches leads whose field is empty (default false: SQL NULL semantics). */
	emptyMatchesNotEqual: boolean;
	/**
	 * A Boolean field compared with the words true/false: 'internalError' (default) answers HTTP 500, as a live account
	 * did; 'accept' compares them as 1/0. [live] id 63560990962: "LookupValue="true" returns HTTP 500, LookupValue="1" works".
	 */
	booleanWordsInFilters?: 'internalError' | 'accept';
}

/** A business error to answer with the MX envelope. */
export interface SearchError {
	exceptionType: string;
	message: string;
}

type Kind = 'number' | 'date' | 'boolean' | 'text';

/** A column a search can filter or sort on. */
export interface Column {
	name: string;
	kind: Kind;
}

export interface SortSpec {
	column: Column;
	descending: boolean;
}

export type LeadPredicate = (lead: LeadRecord) => boolean;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const BOOLEAN: Record<string, string> = { true: '1', false: '0', '1': '1', '0': '0' };
const BOOLEAN_WORDS = new Set(['true', 'false']);

export function isSearchError(value: unknown): value is SearchError {
	return typeof value === 'object' && value !== null && 'exceptionType' in value && 'message' in value;
}

const invalidInput = (message: string): SearchError => ({ exceptionType: 'MXInvalidInputException', message });

/** `Invalid Input! Parameter Name: <name>` (the form of §1.6). */
export const missingParameter = (name: string): SearchError => invalidInput(`Invalid Input! Parameter Name: ${name}`);

/** A lead field (or ProspectAutoId) by schema name, any casing. */
export function resolveColumn(fields: FieldRegistry, name: string): Column | SearchError {
	const trimmed = name.trim();
	if (trimmed.toLowerCase() === 'prospectautoid') return { name: 'ProspectAutoId', kind: 'number' };
	const field = fields.get(trimmed);
	if (!field) return { exceptionType: 'MXUnknownAttributeException', message: `Attribute(s) does not exist - ${trimmed}` }; // [INF]
	if (field.dataType === 'CustomObject') return invalidInput(`Attribute '${field.schemaName}' can not be used to search or sort leads`); // [INF]
	let kind: Kind = 'text';
	if (field.dataType === 'Number') kind = 'number';
	else if (field.dataType === 'Date' || field.dataType === 'DateTime') kind = 'date';
	else if (field.dataType === 'Boolean') kind = 'boolean';
	return { name: field.schemaName, kind };
}

/** The comparable form of a value of `kind`; undefined when the text is not a value of that kind. */
function keyOf(kind: Kind, text: string): number | string | undefined {
	switch (kind) {
		case 'number':
			return NUMBER.test(text.trim()) ? Number(text.trim()) : undefined;
		case 'date':
			return normalizeDate(text.trim());
		case 'boolean':
			return BOOLEAN[text.trim().toLowerCase()];
		default:
			return text.toLowerCase();
	}
}

/** The stored value of a lead as a comparable key; null = empty (SQL NULL), or not readable as its kind. */
function storedKey(lead: LeadRecord, column: Column): number | string | null {
	const value = lead[column.name];
	if (value === undefined || value === null || value === '' || typeof value === 'object') return null;
	return keyOf(column.kind, String(value)) ?? null;
}

function compareKeys(a: number | string, b: number | string): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	// no String() when both are text: sorting 100,000 leads calls this millions of times
	const x = typeof a === 'string' ? a : String(a);
	const y = typeof b === 'string' ? b : String(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** SQL LIKE: `%` any run, `_` one character, case-insensitive; [INF] `[…]` classes are not supported. */
function likePattern(pattern: string, contains: boolean): RegExp {
	const p = contains && !pattern.includes('%') ? `%${pattern}%` : pattern;
	let source = '';
	for (const ch of p) {
		if (ch === '%') source += '.*';
		else if (ch === '_') source += '.';
		else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'is');
}

/** The operator as accepted (trimmed, any casing), or undefined. */
export function parseOperator(text: string): SqlOperator | undefined {
	const op = text.trim().toUpperCase();
	return (SQL_OPERATORS as readonly string[]).includes(op) ? (op as SqlOperator) : undefined;
}

/** Compiles a criterion into a lead predicate, or the MX error LeadSquared would answer. */
export function compileCriterion(fields: FieldRegistry, criterion: Criterion, settings: MatchSettings): LeadPredicate | SearchError {
	const op = parseOperator(criterion.SqlOperator);
	if (!op) return { exceptionType: 'MXInvalidEntityException', message: `Invalid SqlOperator '${criterion.SqlOperator}'` }; // [INF message]
	const column = resolveColumn(fields, criterion.LookupName);
	if (isSearchError(column)) return column;
	const value = criterion.LookupValue;
	if (column.kind === 'boolean' && (settings.booleanWordsInFilters ?? 'internalError') === 'internalError' && value.split(',').some((part) => BOOLEAN_WORDS.has(part.trim().toLowerCase()))) {
		// [live] id 63560990962: HTTP 500 for LookupValue "true"; the body [INF]: LeadSquared's envelope around a failure of its own
		return { exceptionType: 'MySqlException', message: 'There was an error processing the request' };
	}
	const badValue = (v: string): SearchError => invalidInput(`Invalid value '${v}' for attribute '${column.name}' in the search`); // [INF]

	if (op === 'LIKE') {
		const regex = likePattern(value, settings.likeMatchesContains);
		return (lead) => {
			const stored = lead[column.name];
			return typeof stored === 'string' && stored !== '' && regex.test(stored);
		};
	}
	if (op === 'IN') {
		const keys: Array<number | string> = [];
		for (const part of value.split(',')) {
			const text = part.trim();
			if (text === '') continue;
			const key = keyOf(column.kind, text);
			if (key === undefined) return badValue(text);
			keys.push(key);
		}
		return (lead) => {
			const key = storedKey(lead, column);
			return key !== null && keys.some((k) => compareKeys(key, k) === 0);
		};
	}
	const wanted = keyOf(column.kind, value);
	if (wanted === undefined) return badValue(value);
	return (lead) => {
		const key = storedKey(lead, column);
		if (key === null) return op === '<>' && settings.emptyMatchesNotEqual;
		const c = compareKeys(key, wanted);
		switch (op) {
			case '=':
				return c === 0;
			case '<>':
				return c !== 0;
			case '>':
				return c > 0;
			case '<':
				return c < 0;
			case '>=':
				return c >= 0;
			default:
				return c <= 0;
		}
	};
}

/**
 * Leads sorted by `sort` (default ProspectAutoId ascending [INF]); empty values come first in
 * ascending order, like SQL NULLs. Ties are shuffled anew on every call (`unstableTies`, ties.ts), or
 * broken by ProspectAutoId ascending, so pages never overlap.
 */
export function sortLeads(leads: LeadRecord[], sort: SortSpec | undefined, unstableTies: boolean): LeadRecord[] {
	const spec: SortSpec = sort ?? { column: { name: 'ProspectAutoId', kind: 'number' }, descending: false };
	const decorated = leads.map((lead) => ({ lead, key: storedKey(lead, spec.column), autoId: Number(lead.ProspectAutoId) || 0 }));
	const byKey = (a: (typeof decorated)[number], b: (typeof decorated)[number]): number => {
		const c = a.key === null || b.key === null ? (a.key === b.key ? 0 : a.key === null ? -1 : 1) : compareKeys(a.key, b.key);
		return spec.descending ? -c : c;
	};
	return sortWithTies(decorated, byKey, unstableTies, (a, b) => a.autoId - b.autoId).map((d) => d.lead);
}

/** A body property by name: the exact key, else any casing [INF]. */
export function bodyProp(obj: unknown, name: string): unknown {
	if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
	const record = obj as Record<string, unknown>;
	if (name in record) return record[name];
	const lower = name.toLowerCase();
	const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : record[key];
}

/** `Sorting {ColumnName, Direction}`: "1" = descending, anything else ascending [INF]; absent = default order. */
export function readSorting(fields: FieldRegistry, sorting: unknown): SortSpec | undefined | SearchError {
	const name = bodyProp(sorting, 'ColumnName');
	if (typeof name !== 'string' || name.trim() === '') return undefined;
	const column = resolveColumn(fields, name);
	if (isSearchError(column)) return column;
	return { column, descending: String(bodyProp(sorting, 'Direction') ?? '0').trim() === '1' };
}

/** `Paging {PageIndex (1-based), PageSize}`; absent values = page 1 and the maximum size [INF]. */
export function readPaging(paging: unknown, maxPageSize: number): { index: number; size: number } | SearchError {
	const read = (name: string, fallback: number): number | SearchError => {
		const raw = bodyProp(paging, name);
		if (raw === undefined || raw === null || raw === '') return fallback;
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
		return Number.isInteger(n) && n >= 1 ? n : missingParameter(name); // [INF]
	};
	const index = read('PageIndex', 1);
	if (isSearchError(index)) return index;
	const size = read('PageSize', maxPageSize);
	if (isSearchError(size)) return size;
	if (size > maxPageSize) return invalidInput(`PageSize can not be more than ${maxPageSize}`); // [OBS] contract §1.6 (lead pages: 5000)
	return { index, size };
}

/** `Columns {Include_CSV}` → schema names; undefined = all fields. */
export function readColumns(columns: unknown): string[] | undefined {
	const csv = bodyProp(columns, 'Include_CSV');
	if (typeof csv !== 'string') return undefined;
	const names = csv
		.split(',')
		.map((c) => c.trim())
		.filter((c) => c !== '');
	return names.length > 0 ? names : undefined;
}

export function page<T>(items: T[], paging: { index: number; size: number }): T[] {
	return items.slice((paging.index - 1) * paging.size, paging.index * paging.size);
}
