/**
 * Activities as `ProspectActivity.svc/Retrieve` returns them, made dependable for workflows: `Data` (the
 * note and the field values) becomes one object whatever form LeadSquared sent it in (the documented
 * "key-value pair" is a list of `{Key, Value}` in the sandbox [INF]; an object or its JSON text is read as
 * well), and with Typed Values the fields get the types of the activity type's fields.
 * Pure: no n8n imports.
 */
import { eventCodeOf, isRecord, pick } from './types';
import type { FieldIndex } from '../../values/fields';
import { textOrNumber } from '../../machinery/loose';
import { typedRecord } from '../../values/typed';

type Row = Record<string, unknown>;

/** `Data` as an object: from `[{Key, Value}]` (also Name/Attribute/SchemaName keys), an object, or JSON text. */
export function activityData(raw: unknown): Row {
	let data: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			data = JSON.parse(raw) as unknown;
		} catch {
			return { value: raw };
		}
	}
	if (isRecord(data)) return { ...data };
	const object: Row = {};
	if (!Array.isArray(data)) return object;
	for (const entry of data) {
		if (!isRecord(entry)) continue;
		const key = pick(entry, 'Key', 'Name', 'Attribute', 'SchemaName');
		if (typeof key === 'string' && key !== '') object[key] = pick(entry, 'Value') ?? null;
	}
	return object;
}

/** The activity's id (`Id` in Retrieve rows; `ProspectActivityId` elsewhere). */
export function activityIdOf(row: Row): string | undefined {
	return textOrNumber(pick(row, 'Id', 'ProspectActivityId', 'ActivityId'));
}

/** The activity's type code (`EventCode` in Retrieve rows). */
export function activityEventOf(row: Row): number | undefined {
	return eventCodeOf(pick(row, 'EventCode', 'ActivityEvent'));
}

/** The row with `Data` as an object. */
export function activityRecord(row: Row): Row {
	const record: Row = { ...row };
	const key = Object.keys(row).find((name) => name.toLowerCase() === 'data');
	if (key !== undefined) {
		delete record[key];
		record.Data = activityData(row[key]);
	}
	return record;
}

/**
 * Typed values: the row's dates (CreatedOn, ModifiedOn) as ISO 8601 in UTC, and `Data` by the type's
 * fields (numbers, true/false, dates); values of fields the type does not describe stay as they came.
 */
export function typedActivity(record: Row, fields: FieldIndex | undefined): Row {
	const { Data: data, ...rest } = record;
	const typed = typedRecord(rest, undefined);
	return isRecord(data) ? { ...typed, Data: typedRecord(data, fields) } : typed;
}
