/**
 * Reading a field mapper and its "Manual Entry" list for one item (lead, activity and opportunity
 * fields): each entry with its name, its value and where it came from, which error messages name.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export interface FieldEntry<S extends string> {
	name: unknown;
	value: unknown;
	source: S;
}

/**
 * The mapper's values (Define Below). The node checks each value against the field's type itself, with
 * messages naming the field, so n8n's own coercion is skipped: the same rules apply to every source.
 */
export function mappedEntries<S extends string>(context: IExecuteFunctions, itemIndex: number, parameter: string, source: S): Array<FieldEntry<S>> {
	const mapped = (context.getNodeParameter(`${parameter}.value`, itemIndex, {}, { skipValidation: true }) ?? {}) as IDataObject;
	return Object.entries(mapped).map(([name, value]) => ({ name, value, source }));
}

/** A Manual Entry list of name/value pairs (`path`: the fixed collection and its entry, e.g. `manualFields.field`). */
export function manualEntries(context: IExecuteFunctions, itemIndex: number, path: string): Array<FieldEntry<'manual entry'>> {
	const manual = context.getNodeParameter(path, itemIndex, []) as Array<{ name?: unknown; value?: unknown }>;
	const entries: Array<FieldEntry<'manual entry'>> = [];
	for (const entry of manual) entries.push({ name: entry.name, value: entry.value, source: 'manual entry' });
	return entries;
}
