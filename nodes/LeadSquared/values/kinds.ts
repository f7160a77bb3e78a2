/**
 * Field kinds for records whose keys LeadSquared does not describe in metadata (tasks, notes, an
 * opportunity's own dates, the trigger's stored lead field kinds), for Typed Values. Pure: no n8n imports.
 */
import { FieldIndex } from './fields';
import type { LeadField, ValueKind } from './fields';

/** A field known only by its name and kind (and its sub-fields, for a custom field set). */
export function kindField(schemaName: string, kind: ValueKind, subFields: LeadField[] = []): LeadField {
	return {
		schemaName,
		displayName: schemaName,
		dataType: kind,
		kind,
		isMandatory: false,
		isIdentifier: false,
		lockAfterCreate: false,
		options: [],
		subFields,
	};
}

/** A FieldIndex holding only the given keys and their kinds. */
export function kindIndex(kinds: Record<string, ValueKind>): FieldIndex {
	return new FieldIndex(Object.entries(kinds).map(([schemaName, kind]) => kindField(schemaName, kind)));
}
