/**
 * Accounts and account activities as LeadSquared returns them, made into the records the node outputs.
 * Company.Get gives each account as an attribute/value list (`companyPropertyList`, lower-case c, in the
 * documented sample; `CompanyPropertyList` and a flat object are accepted too): the node flattens it.
 * Typed Values convert only what is certain without field metadata (no public endpoint describes an account
 * type's fields): LeadSquared's own dates. Every other value stays the text LeadSquared returned.
 * Pure: no n8n imports.
 */
import { flattenProperties, typedValue } from '../../values/typed';

export type Row = Record<string, unknown>;

/** Where a Company.Get row keeps its attribute/value list [DOC get-an-account: `companyPropertyList`]. */
const PROPERTY_LISTS = ['companyPropertyList', 'CompanyPropertyList', 'CompanyProperties'];

/** One Company.Get row as a flat record: its property list flattened, or the row itself when it is already flat. */
export function accountRecord(row: Row): Row {
	const listKey = PROPERTY_LISTS.find((key) => Array.isArray(row[key]));
	if (listKey === undefined) return row;
	const rest = Object.fromEntries(Object.entries(row).filter(([key]) => key !== listKey));
	return { ...rest, ...flattenProperties(row[listKey]) };
}

/** An account's id (CompanyId, any letter case of the key). */
export function accountIdOf(record: Row): string | undefined {
	const key = Object.keys(record).find((name) => name.toLowerCase() === 'companyid');
	const id = key === undefined ? undefined : record[key];
	return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

/** The dates LeadSquared keeps on every account and every account activity (`yyyy-MM-dd HH:mm:ss`, UTC). */
const SYSTEM_DATES = new Set(['createdon', 'modifiedon', 'activitydatetime']);

/** A record with LeadSquared's own dates as ISO 8601 (UTC); every other value as it came. */
export function typedAccountRecord(record: Row): Row {
	return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, SYSTEM_DATES.has(key.toLowerCase()) ? typedValue('dateTime', value) : value]));
}

/** An account activity's id. */
export function accountActivityIdOf(row: Row): string | undefined {
	const id = row.CompanyActivityId ?? row.Id;
	return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}
