/**
 * The "Typed Values" option shared by operations that return LeadSquared records: on (numbers,
 * true/false, ISO 8601 dates) unless the user turns it off; nodes created before version 1.1 keep
 * LeadSquared's text values unless the user turns it on.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldIndex } from '../values/fields';
import { typedRecord } from '../values/typed';

export const typedValuesOption: INodeProperties = {
	displayName: 'Typed Values',
	name: 'typedValues',
	type: 'boolean',
	default: true,
	description:
		'Whether to return numbers, true/false and dates (ISO 8601, UTC) by the field types of your account, instead of the text LeadSquared returns for every value',
};

export function typedValuesOn(context: IExecuteFunctions, options: IDataObject): boolean {
	if (typeof options.typedValues === 'boolean') return options.typedValues;
	return context.getNode().typeVersion >= 1.1;
}

/** The record as the user asked for it: typed, or as LeadSquared returned it. */
export function outputRecord(record: IDataObject, typed: boolean, fields: FieldIndex | undefined): IDataObject {
	return typed ? (typedRecord(record, fields) as IDataObject) : record;
}
