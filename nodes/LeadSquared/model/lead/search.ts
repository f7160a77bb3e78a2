/**
 * Lead → Get Many's conditions and order: each condition's value checked and converted like a lead value
 * (numbers checked, true/false as 1/0, dates in LeadSquared's UTC format), and — for the conditions
 * LeadSquared's `Leads.Get` cannot take (it takes one) — the same comparison LeadSquared makes, applied
 * by the node to each page: numbers numerically, dates as instants, true/false as 1/0, everything else as
 * text ignoring letter case; an empty field matches no condition (SQL NULL); LIKE with `%` (any run) and
 * `_` (one character) over the whole value. Also the node-side sort with its tie-breaker.
 * Pure: no n8n imports.
 */
import { leadSquaredToIso } from '../../values/dates';
import { isBlank } from '../../values/checks';
import { withClosest } from '../../values/closest';
import { InputError } from '../../machinery/errors';
import type { FieldIndex, LeadField, ValueKind } from '../../values/fields';
import { kindsOf } from '../../values/typed';
import { describeValue, formatValue, NUMBER } from '../../values/values';

export const OPERATORS = ['=', 'LIKE', '>', '<', '>=', '<=', '<>'] as const;
export type Operator = (typeof OPERATORS)[number];

export type SearchKind = 'number' | 'date' | 'boolean' | 'text';

/** Columns every account has, accepted even when the field list does not show them. */
const SYSTEM_COLUMNS = ['ProspectID', 'ProspectAutoId', 'CreatedOn', 'ModifiedOn', 'LeadLastModifiedOn', 'CreatedBy', 'ModifiedBy', 'OwnerId'];

/** The unique, stable order used to page and to break ties. */
export const TIE_BREAKER = 'ProspectAutoId';

export interface Condition {
	/** The field's schema name as the account spells it. */
	field: string;
	kind: SearchKind;
	operator: Operator;
	/** The value as sent to LeadSquared. */
	value: string;
}

/** Without conditions every lead is wanted: Leads.Get needs one condition, and every lead was created after 1900. */
export const ALL_LEADS: Condition = { field: 'CreatedOn', kind: 'date', operator: '>', value: '1900-01-01 00:00:00' };

export interface ConditionInput {
	field: unknown;
	operator: unknown;
	value: unknown;
}

export interface SearchColumn {
	field: string;
	kind: SearchKind;
}

function searchKind(kind: ValueKind | undefined): SearchKind {
	if (kind === 'number') return 'number';
	if (kind === 'date' || kind === 'dateTime') return 'date';
	if (kind === 'boolean') return 'boolean';
	return 'text';
}

/**
 * A field a search can filter or sort on: one of the account's fields (not a custom field set) or a
 * system column. `label` names the parameter in messages.
 */
export function resolveColumn(name: unknown, fields: FieldIndex, label: string, parameter: string): SearchColumn & { leadField?: LeadField } {
	if (typeof name !== 'string' || name.trim() === '') {
		throw new InputError(`${label} has no field`, parameter, 'Choose a lead field from the list, or give its schema name, e.g. mx_City.');
	}
	const trimmed = name.trim();
	const field = fields.get(trimmed);
	if (field?.kind === 'cfs') {
		throw new InputError(
			`${label}: "${field.schemaName}" is a custom field set, which LeadSquared cannot search or sort by`,
			parameter,
			'Choose an ordinary lead field.',
		);
	}
	const system = SYSTEM_COLUMNS.find((column) => column.toLowerCase() === trimmed.toLowerCase());
	if (!field && !system) {
		throw new InputError(
			withClosest(`${label}: "${trimmed}" is not a lead field of your LeadSquared account`, trimmed, [
				...fields.fields.filter((known) => known.kind !== 'cfs'),
				...SYSTEM_COLUMNS.map((column) => ({ schemaName: column })),
			]),
			parameter,
			'Choose the field from the list, or check the schema name (My Account → Settings → Lead Fields shows them).',
		);
	}
	const schemaName = field?.schemaName ?? (system as string);
	return { field: schemaName, kind: searchKind(kindsOf(fields)(schemaName)), leadField: field };
}

/**
 * The parameter's values are words: n8n reads a parameter value starting with "=" as an expression. An
 * expression may give either the word or LeadSquared's symbol.
 */
export const OPERATOR_NAMES: Record<string, Operator> = {
	equals: '=',
	notEqual: '<>',
	greaterThan: '>',
	greaterOrEqual: '>=',
	lessThan: '<',
	lessOrEqual: '<=',
	like: 'LIKE',
};

export function parseOperator(value: unknown): Operator | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	const named = Object.entries(OPERATOR_NAMES).find(([name]) => name.toLowerCase() === trimmed.toLowerCase())?.[1];
	if (named) return named;
	const operator = trimmed.toUpperCase();
	return (OPERATORS as readonly string[]).includes(operator) ? (operator as Operator) : undefined;
}

/** A value of a text field (or a LIKE pattern) as text. */
function plainText(value: unknown, timezone: string): { ok: true; value: string } | { ok: false; problem: string } {
	if (typeof value === 'string') return { ok: true, value };
	if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
	if (typeof value === 'boolean') return { ok: true, value: value ? 'true' : 'false' };
	if (value instanceof Date || (typeof value === 'object' && value !== null && 'toJSDate' in value)) return formatValue(undefined, value, { timezone });
	return { ok: false, problem: `is ${describeValue(value)}; a condition takes one text, number, true/false or date value` };
}

/** Kinds whose condition values are checked and converted like lead values. */
const TYPED_KINDS: ValueKind[] = ['number', 'boolean', 'date', 'dateTime', 'time'];
const PSEUDO_FIELD = { displayName: '', dataType: '', isMandatory: false, isIdentifier: false, lockAfterCreate: false, options: [], subFields: [] };

/** Checks and converts one condition; throws an InputError naming the condition and the value. */
export function buildCondition(input: ConditionInput, position: number, fields: FieldIndex, timezone: string): Condition {
	const label = `Condition ${position}`;
	const column = resolveColumn(input.field, fields, label, 'conditions');
	const operator = parseOperator(input.operator);
	if (!operator) {
		throw new InputError(
			`${label} (${column.field}): the operator ${describeValue(input.operator)} is not one LeadSquared knows`,
			'conditions',
			`Use one of ${Object.keys(OPERATOR_NAMES).join(', ')} (or LeadSquared's ${OPERATORS.join(' ')}).`,
		);
	}
	const named = `${label} (${column.field} ${operator})`;
	const value = input.value;
	if (isBlank(value)) {
		throw new InputError(
			`${named} has no value`,
			'conditions',
			'LeadSquared treats an empty field as having no value at all, so a condition on an empty value matches no lead. Enter a value, or remove the condition.',
		);
	}
	const kind = kindsOf(fields)(column.field);
	const typed = kind !== undefined && TYPED_KINDS.includes(kind);
	const dropdown = kind === 'dropdown' && (operator === '=' || operator === '<>');
	const converted =
		operator !== 'LIKE' && (typed || dropdown)
			? formatValue(column.leadField ?? { ...PSEUDO_FIELD, schemaName: column.field, kind: kind ?? 'text' }, value, { timezone })
			: plainText(value, timezone);
	if (!converted.ok) throw new InputError(`${named}: the value ${converted.problem}`, 'conditions');
	return { field: column.field, kind: column.kind, operator, value: converted.value };
}

const BOOLEAN: Record<string, number> = { '1': 1, true: 1, yes: 1, '0': 0, false: 0, no: 0 };

/** The comparable form of a text of `kind`; undefined when it is not a value of that kind. */
function keyOf(kind: SearchKind, text: string): number | string | undefined {
	const trimmed = text.trim();
	switch (kind) {
		case 'number':
			return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
		case 'date': {
			const iso = leadSquaredToIso(trimmed);
			return iso === undefined ? undefined : Date.parse(iso);
		}
		case 'boolean':
			return BOOLEAN[trimmed.toLowerCase()];
		default:
			return text.toLowerCase();
	}
}

/** A lead's value as a comparable key; null when empty (SQL NULL) or not readable as its kind. */
export function storedKey(lead: Record<string, unknown>, column: SearchColumn): number | string | null {
	const value = lead[column.field] ?? lead[Object.keys(lead).find((key) => key.toLowerCase() === column.field.toLowerCase()) ?? ''];
	if (value === undefined || value === null || value === '' || typeof value === 'object') return null;
	return keyOf(column.kind, String(value)) ?? null;
}

function compareKeys(a: number | string, b: number | string): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** SQL LIKE over the whole value: `%` any run, `_` one character, letter case ignored. */
export function likePattern(pattern: string): RegExp {
	let source = '';
	for (const character of pattern) {
		if (character === '%') source += '.*';
		else if (character === '_') source += '.';
		else source += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'is');
}

/** A lead test for a condition, comparing as LeadSquared does. */
export function conditionTest(condition: Condition): (lead: Record<string, unknown>) => boolean {
	if (condition.operator === 'LIKE') {
		const pattern = likePattern(condition.value);
		return (lead) => {
			const key = storedKey(lead, { field: condition.field, kind: 'text' });
			return key !== null && pattern.test(String(key));
		};
	}
	const wanted = keyOf(condition.kind, condition.value);
	return (lead) => {
		const key = storedKey(lead, condition);
		if (key === null || wanted === undefined) return false;
		const order = compareKeys(key, wanted);
		switch (condition.operator) {
			case '=':
				return order === 0;
			case '<>':
				return order !== 0;
			case '>':
				return order > 0;
			case '<':
				return order < 0;
			case '>=':
				return order >= 0;
			default:
				return order <= 0;
		}
	};
}

/** Whether a lead meets every condition. */
export function allConditions(conditions: readonly Condition[]): (lead: Record<string, unknown>) => boolean {
	const tests = conditions.map(conditionTest);
	return (lead) => tests.every((test) => test(lead));
}

export interface SortOrder {
	column: SearchColumn;
	descending: boolean;
}

/**
 * Sorts leads as LeadSquared would: by the column's kind, empty values first when ascending (SQL NULLs)
 * and last when descending; ties by ProspectAutoId ascending, then by lead ID, so the order is total.
 */
export function sortLeads<T extends Record<string, unknown>>(leads: readonly T[], order: SortOrder): T[] {
	const tie: SearchColumn = { field: TIE_BREAKER, kind: 'number' };
	const decorated = leads.map((lead) => ({
		lead,
		key: storedKey(lead, order.column),
		tie: storedKey(lead, tie),
		id: String(lead.ProspectID ?? lead.ProspectId ?? ''),
	}));
	decorated.sort((a, b) => {
		let result: number;
		if (a.key === null || b.key === null) result = a.key === b.key ? 0 : a.key === null ? -1 : 1;
		else result = compareKeys(a.key, b.key);
		if (result !== 0) return order.descending ? -result : result;
		const ties = a.tie === null || b.tie === null ? 0 : compareKeys(a.tie, b.tie);
		return ties !== 0 ? ties : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
	return decorated.map((entry) => entry.lead);
}

/** Whether a column holds a different value on every lead, so ordering by it alone is stable. */
export function isUniqueColumn(field: string): boolean {
	return ['prospectautoid', 'prospectid'].includes(field.toLowerCase());
}
