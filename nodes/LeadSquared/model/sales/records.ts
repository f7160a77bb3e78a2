/**
 * Sales activities as LeadSquared's reads return them (`RetrieveActivity` [DOC retrieve-sales-activity] and
 * `RetrieveByLeadId` [DOC retrieve-sales-activities-by-lead-id]): an object whose values come as a `Fields`
 * list of `{SchemaName, DisplayName, Value, DataType, …}`, with derived entries (`ProductName`, `SalesOwner`,
 * `IsDerived: true`). The node outputs one flat record per sale: the object's own keys (ID, Name, DisplayName,
 * the currency…) and each field under its schema name (Status, mx_Custom_1 the product, mx_Custom_2 the order
 * value, mx_Custom_3 the sales date, mx_Custom_4 the owner [DOC], the account's custom fields), typed by each
 * field's own DataType for Typed Values.
 * Pure: no n8n imports.
 */
import { isRecord, parseActivitySetting, pick } from '../activity/types';
import type { Failure } from '../../machinery/errors';
import { textOrNumber } from '../../machinery/loose';
import type { FieldIndex } from '../../values/fields';
import { isoOf } from '../../values/dates';
import { typedRecord } from '../../values/typed';

export type SaleRecord = Record<string, unknown>;

export interface SaleRead {
	record: SaleRecord;
	/** The fields' types, from their DataType; undefined when the answer had no Fields list. */
	fields?: FieldIndex;
}

/** The sales date field [DOC: mx_Custom_3 "Sales Date", DataType DateTime]. */
export const SALES_DATE_FIELD = 'mx_Custom_3';

/** A sale's id: `ID` [DOC], or the other names an id may carry. */
export function saleIdOf(record: SaleRecord): string | undefined {
	return textOrNumber(pick(record, 'ID', 'Id', 'SalesActivityId', 'ProspectActivityId', 'ActivityId'));
}

/** One sale object as a flat record; undefined when it is not an object. */
export function saleRecord(raw: unknown): SaleRead | undefined {
	if (!isRecord(raw)) return undefined;
	const record: SaleRecord = {};
	const fieldsKey = Object.keys(raw).find((key) => key.toLowerCase() === 'fields');
	for (const [key, value] of Object.entries(raw)) if (key !== fieldsKey) record[key] = value;
	const list = fieldsKey === undefined ? undefined : raw[fieldsKey];
	if (!Array.isArray(list)) return { record };
	for (const entry of list) {
		if (!isRecord(entry)) continue;
		const name = textOrNumber(pick(entry, 'SchemaName', 'InternalName'));
		// A field never hides the object's own keys (ID, Name…).
		if (name !== undefined && !(name in record)) record[name] = pick(entry, 'Value') ?? null;
	}
	return { record, fields: parseActivitySetting(raw, 1).fields };
}

/**
 * Whether RetrieveActivity's answer means "no such sale": nothing (null, an empty object or list), or an
 * object with neither an id nor fields. Anything else that is not a sale is an unexpected answer, never
 * taken as "not found".
 */
export function isEmptySale(answer: unknown): boolean {
	if (answer === null || answer === undefined || answer === '') return true;
	if (Array.isArray(answer)) return answer.length === 0;
	if (!isRecord(answer)) return false;
	const fields = pick(answer, 'Fields');
	return saleIdOf(answer) === undefined && (fields === undefined || fields === null || (Array.isArray(fields) && fields.length === 0));
}

/** RetrieveActivity's answer: the object [DOC], or the one object of a list. */
export function saleObject(answer: unknown): unknown {
	return Array.isArray(answer) && answer.length === 1 ? answer[0] : answer;
}

/** A refusal that says the sale does not exist (LeadSquared's entity error, or a message saying so), not any other failure. */
export function isSaleNotFound(failure: Failure): boolean {
	if (failure.kind !== 'business') return false;
	const message = failure.exceptionMessage ?? '';
	return /does ?n[o']t exist|not found|no (sales )?activity/i.test(message) && !/lead/i.test(message);
}

/** RetrieveByLeadId's answer: an array [DOC], or the list under List/Message/Data/SalesActivities; undefined for anything else. */
export function saleList(answer: unknown): unknown[] | undefined {
	if (Array.isArray(answer)) return answer;
	if (!isRecord(answer)) return undefined;
	return ['List', 'SalesActivities', 'Message', 'Data'].map((key) => pick(answer, key)).find(Array.isArray);
}

/** The record with typed values: each field by its DataType (numbers, ISO dates, true/false); the rest as it came. */
export function typedSale(read: SaleRead): SaleRecord {
	return typedRecord(read.record, read.fields);
}

/** When the sale was made, for ordering; -Infinity without a readable sales date. */
function soldAt(read: SaleRead): number {
	const iso = isoOf(read.record[SALES_DATE_FIELD]);
	return iso === undefined ? -Infinity : Date.parse(iso);
}

/**
 * Sales newest first by sales date; sales of the same date (and those without one, last) keep LeadSquared's
 * order. A sale the answer holds twice (same ID) is kept once.
 */
export function newestSalesFirst(reads: readonly SaleRead[]): SaleRead[] {
	const seen = new Set<string>();
	const distinct = reads.filter((read) => {
		const id = saleIdOf(read.record)?.toLowerCase();
		if (id === undefined) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
	return distinct
		.map((read, index) => ({ read, index, at: soldAt(read) }))
		.sort((a, b) => (a.at === b.at ? a.index - b.index : b.at - a.at))
		.map(({ read }) => read);
}
