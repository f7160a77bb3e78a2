/**
 * Field kinds for records whose keys LeadSquared does not describe in metadata (tasks, notes, an
 * opportunity's own dates), for Typed Values. Pure: no n8n imports.
 */
import { FieldIndex } from './fields';
import type { ValueKind } from './fields';

/** A FieldIndex holding only the given keys and their kinds. */
export function kindIndex(kinds: Record<string, ValueKind>): FieldIndex {
	return new FieldIndex(
		Object.entries(kinds).map(([schemaName, kind]) => ({
			schemaName,
			displayName: schemaName,
			dataType: kind,
			kind,
			isMandatory: false,
			isIdentifier: false,
			lockAfterCreate: false,
			options: [],
			subFields: [],
		})),
	);
}
