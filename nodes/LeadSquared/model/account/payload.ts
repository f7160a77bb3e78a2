/**
 * Accounts (LeadSquared's companies, leadsquared-api-more.md §2): the `CompanyProperties` of Company.Create
 * and Company.Update, the `Query` of Company.Get, and the `Fields` of an account activity, built and checked
 * from one item's input.
 *
 * No public source shows an endpoint that describes an account type's fields (there is no company
 * counterpart of LeadsMetaData.Get), so the node cannot know a field's type: names are sent as given, values
 * as text, and only what is certain is converted (an n8n date becomes LeadSquared's UTC date; a number is
 * written out). LeadSquared itself checks each value against the account type's fields and its refusal is
 * passed on in its own words. Pure: no n8n imports.
 */
import { isBlank, optionalDateTime, optionalText, requiredText } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { describeValue, formatValue, toLeadSquaredDateTime } from '../../values/values';
import { eventCodeOf } from '../activity/types';
import { OPERATOR_NAMES, OPERATORS, parseOperator } from '../lead/search';
import type { Operator } from '../lead/search';

export interface AccountProperty {
	Attribute: string;
	Value: string;
}

export interface FieldInput {
	name: unknown;
	value: unknown;
}

export type EmptyValues = 'fail' | 'skip' | 'clear';

export interface FieldOptions {
	timezone: string;
	emptyValues: EmptyValues;
}

/** Fields with a parameter of their own (or set by LeadSquared), refused in the field list: each value has one place. */
const OWN_PARAMETER: Record<string, string> = {
	companyname: 'The account\'s name has its own parameter, Account Name: put it there',
	ownerid: 'The owner has its own parameter, Owner (a user from the list, by ID or by e-mail): put it there',
	companyid: "The account's ID is LeadSquared's: it is given when the account is created, and Account → Update takes it as Account ID",
};

/**
 * An ISO 8601 date and time that names its time zone (`2024-03-01T10:30:00Z`, `…+05:30`): what n8n gives for a
 * date (`{{ $now }}`, a Date & Time node), and certainly an instant whatever the field.
 */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * A value as LeadSquared's text: numbers written out, n8n dates (a date object, or an ISO 8601 date and time
 * with its time zone) as LeadSquared's UTC `yyyy-MM-dd HH:mm:ss`, any other text exactly as written.
 */
export function valueText(value: unknown, timezone: string): { ok: true; value: string } | { ok: false; problem: string } {
	if (typeof value === 'string' && ZONED_ISO.test(value.trim())) return toLeadSquaredDateTime(value.trim(), 'UTC');
	return formatValue(undefined, value, { timezone });
}

/**
 * Name/value pairs from a field list, checked: a name for each, no name twice, a value that is one text,
 * number, true/false or date. `what` names the list in messages ("Account field"); `reserved` are names
 * refused with a reason. Returns the pairs and the names left out for an empty value (Empty Values: skip).
 */
export function fieldPairs(
	inputs: FieldInput[],
	options: FieldOptions,
	{ what, parameter, reserved = {} }: { what: string; parameter: string; reserved?: Record<string, string> },
): { pairs: Array<{ name: string; value: string }>; skippedFields: string[] } {
	const pairs: Array<{ name: string; value: string }> = [];
	const skippedFields: string[] = [];
	const seen = new Set<string>();
	inputs.forEach((input, index) => {
		const name = requiredText(input.name, `${what} ${index + 1}'s name`, parameter, 'Enter the schema name of the field, e.g. mx_Industry or mx_Custom_1.');
		const reason = reserved[name.toLowerCase()];
		if (reason !== undefined) throw new InputError(`${what} "${name}" cannot be given in the field list`, name, reason);
		if (seen.has(name.toLowerCase())) throw new InputError(`${what} "${name}" is given twice`, name, 'Give each field once.');
		seen.add(name.toLowerCase());
		if (input.value === null || input.value === undefined) {
			if (options.emptyValues === 'skip') {
				skippedFields.push(name);
				return;
			}
			if (options.emptyValues === 'fail') {
				throw new InputError(`${what} "${name}" has no value (${describeValue(input.value)})`, name, 'Give it a value, or set Options → Empty Values to skip or clear such fields.');
			}
			pairs.push({ name, value: '' });
			return;
		}
		const text = valueText(input.value, options.timezone);
		if (!text.ok) throw new InputError(`${what} "${name}" ${text.problem}`, name);
		pairs.push({ name, value: text.value });
	});
	return { pairs, skippedFields };
}

export interface AccountInput {
	/** Account Name (CompanyName): required on Create, optional on Update. */
	name?: unknown;
	/** Whether the item names an owner (its user id is added later, withOwner). */
	owner: boolean;
	fields: FieldInput[];
}

/**
 * `CompanyProperties` without the owner: CompanyName and the account fields. `requireName`: Create, where
 * LeadSquared requires CompanyName [DOC create-an-account]. An Update with nothing to change is refused.
 */
export function buildAccountProperties(input: AccountInput, options: FieldOptions, requireName: boolean): { properties: AccountProperty[]; skippedFields: string[] } {
	const properties: AccountProperty[] = [];
	if (requireName) {
		properties.push({ Attribute: 'CompanyName', Value: requiredText(input.name, 'Account Name', 'accountName', "Give the account's name (CompanyName, which LeadSquared requires).") });
	} else if (!isBlank(input.name)) {
		properties.push({ Attribute: 'CompanyName', Value: requiredText(input.name, 'Account Name', 'accountName') });
	}
	const { pairs, skippedFields } = fieldPairs(input.fields, options, { what: 'Account field', parameter: 'accountFields', reserved: OWN_PARAMETER });
	properties.push(...pairs.map((pair) => ({ Attribute: pair.name, Value: pair.value })));
	if (properties.length === 0 && !input.owner) {
		throw new InputError(
			skippedFields.length > 0 ? `Nothing to update: every account field given was empty and left out (${skippedFields.join(', ')})` : 'Nothing to update: no account name, owner or field',
			undefined,
			'Give a new name, an owner or at least one account field.',
		);
	}
	return { properties, skippedFields };
}

/** The properties with the owner's user id (OwnerId [CODE id 63375367859]) after the name. */
export function withOwner(properties: AccountProperty[], ownerId: string | undefined): AccountProperty[] {
	if (ownerId === undefined) return properties;
	const at = properties[0]?.Attribute === 'CompanyName' ? 1 : 0;
	return [...properties.slice(0, at), { Attribute: 'OwnerId', Value: ownerId }, ...properties.slice(at)];
}

/** The account type (CompanyTypeName), required by Company.Create and Company.Get [DOC]. */
export function accountTypeName(value: unknown): string {
	return requiredText(
		value,
		'Account Type',
		'accountType',
		"Give the name of one of your account's types exactly as LeadSquared shows it (e.g. Partners). The API cannot create account types.",
	);
}

export interface FilterInput {
	field?: unknown;
	operator?: unknown;
	value?: unknown;
}

export interface DateRangeInput {
	dateField?: unknown;
	from?: unknown;
	to?: unknown;
}

export interface SearchInput {
	type: unknown;
	searchText?: unknown;
	filter?: FilterInput;
	dateRange?: DateRangeInput;
}

export interface CompanyQuery {
	CompanyType: { CompanyTypeName: string };
	SearchText?: string;
	DateRange?: { DateField: string; FromDate: string; ToDate: string };
	FilterBy?: { LookupName: string; LookupValue: string; SqlOperator: Operator };
}

/** The date fields Company.Get's DateRange takes [DOC get-an-account: "Created On, Modified On, etc."]. */
export const DATE_FIELDS = ['CreatedOn', 'ModifiedOn'] as const;

/** A condition's value: as text, n8n dates in UTC, true/false as 1/0 (LeadSquared stores true/false so, contract §12.3). */
function filterValue(value: unknown, timezone: string): string {
	if (typeof value === 'boolean') return value ? '1' : '0';
	const text = valueText(value, timezone);
	if (!text.ok) throw new InputError(`Filters → Field Condition: the value ${text.problem}`, 'filters');
	return text.value;
}

function readFilter(filter: FilterInput, timezone: string): CompanyQuery['FilterBy'] {
	const field = requiredText(filter.field, 'Filters → Field Condition → Field Name', 'filters', 'Enter the schema name of an account field, e.g. Stage or mx_Industry.');
	const operator = parseOperator(filter.operator ?? 'equals');
	if (!operator) {
		throw new InputError(
			`Filters → Field Condition (${field}): the operator ${describeValue(filter.operator)} is not one LeadSquared knows`,
			'filters',
			`Use one of ${Object.keys(OPERATOR_NAMES).join(', ')} (or LeadSquared's ${OPERATORS.join(' ')}).`,
		);
	}
	if (isBlank(filter.value)) {
		throw new InputError(`Filters → Field Condition (${field} ${operator}) has no value`, 'filters', 'Enter a value, or remove the condition.');
	}
	return { LookupName: field, LookupValue: filterValue(filter.value, timezone), SqlOperator: operator };
}

function readDateRange(range: DateRangeInput, timezone: string): CompanyQuery['DateRange'] {
	const raw = typeof range.dateField === 'string' && range.dateField.trim() !== '' ? range.dateField.trim() : 'ModifiedOn';
	const dateField = DATE_FIELDS.find((name) => name.toLowerCase() === raw.replace(/\s+/g, '').toLowerCase());
	if (!dateField) throw new InputError(`Filters → Date Range: the date field ${describeValue(range.dateField)} is not CreatedOn or ModifiedOn`, 'filters');
	const from = optionalDateTime(range.from, 'Filters → Date Range → From', 'filters', timezone);
	const to = optionalDateTime(range.to, 'Filters → Date Range → To', 'filters', timezone);
	if (from === undefined || to === undefined) {
		throw new InputError(
			`Filters → Date Range has no ${from === undefined ? 'From' : 'To'} date`,
			'filters',
			'LeadSquared\'s date range takes both ends (FromDate and ToDate). Give both, or remove the date range.',
		);
	}
	if (from > to) throw new InputError(`Filters → Date Range: From (${from} UTC) is after To (${to} UTC)`, 'filters');
	return { DateField: dateField, FromDate: from, ToDate: to };
}

/** Company.Get's `Query` [DOC get-an-account; its four parts verified live, OBS OH-gotchas §1]. */
export function buildQuery(input: SearchInput, timezone: string): CompanyQuery {
	const searchText = typeof input.searchText === 'string' ? input.searchText.trim() : isBlank(input.searchText) ? '' : filterValue(input.searchText, timezone);
	return {
		CompanyType: { CompanyTypeName: accountTypeName(input.type) },
		...(searchText !== '' ? { SearchText: searchText } : {}),
		...(input.dateRange ? { DateRange: readDateRange(input.dateRange, timezone) } : {}),
		...(input.filter ? { FilterBy: readFilter(input.filter, timezone) } : {}),
	};
}

/**
 * Include_CSV from a comma-separated list, CompanyId first when the list lacks it (the node tells accounts
 * apart by it while paging); undefined for an empty list (full records, which one live team advises:
 * Include_CSV "is picky", OBS OH-gotchas).
 */
export function includeColumns(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value !== 'string') throw new InputError(`Options → Fields to Return is ${describeValue(value)}, not a comma-separated list of field names`, 'fieldsToReturn');
	const names = [...new Set(value.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
	if (names.length === 0) return undefined;
	if (!names.some((name) => name.toLowerCase() === 'companyid')) names.unshift('CompanyId');
	return names.join(',');
}

export interface AccountActivityInput {
	code: unknown;
	note?: unknown;
	/** Already in LeadSquared's UTC format, or undefined. */
	dateTime?: string;
	/** Whether the item names an owner (the operation adds its user id as the Owner field). */
	owner: boolean;
	fields: FieldInput[];
}

/** Fields of an account activity with a parameter of their own. */
const ACTIVITY_OWN_PARAMETER: Record<string, string> = {
	owner: "The activity's owner has its own parameter, Owner (a user from the list, by ID or by e-mail): put it there",
};

/** An account activity type code: a whole number (the documented examples use 10001, 10002). */
export function accountActivityCode(value: unknown): number {
	const code = eventCodeOf(value);
	if (code === undefined) {
		throw new InputError(
			isBlank(value) ? 'Activity Type Code is empty' : `Activity Type Code is ${describeValue(value)}, which is not an activity type code`,
			'activityTypeCode',
			"Give the account activity type's code, a whole number such as 10001 (LeadSquared shows it in the account activity type's settings; no API lists them).",
		);
	}
	return code;
}

/** `ActivityEvent`, `ActivityNote`, `ActivityDateTime` and `Fields` of CompanyActivity.svc/Create [DOC post-an-activity-on-an-account]. */
export function buildAccountActivity(
	input: AccountActivityInput,
	options: FieldOptions,
): { ActivityEvent: number; ActivityNote?: string; ActivityDateTime?: string; Fields: Array<{ SchemaName: string; Value: string }>; skippedFields: string[] } {
	const code = accountActivityCode(input.code);
	const note = optionalText(input.note, 'Note', 'note');
	const { pairs, skippedFields } = fieldPairs(input.fields, options, { what: 'Activity field', parameter: 'accountActivityFields', reserved: ACTIVITY_OWN_PARAMETER });
	return {
		ActivityEvent: code,
		...(note !== undefined ? { ActivityNote: note } : {}),
		...(input.dateTime !== undefined ? { ActivityDateTime: input.dateTime } : {}),
		Fields: pairs.map((pair) => ({ SchemaName: pair.name, Value: pair.value })),
		skippedFields,
	};
}
