/**
 * What the lead reads (Get, Get Many) share: the "Fields to Return" option, and a lead as the user asked
 * for it (only the fields wanted, ProspectID always; typed or as LeadSquared returned it).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import { fieldList, pickFields } from '../../model/lead/lookup';
import { describeValue } from '../../values/values';
import { outputRecord } from '../typedValues';

/** Every output lead keeps its id, whatever the user picked. */
export const ALWAYS_RETURNED = ['ProspectID'];

export const fieldsToReturnOption: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fieldsToReturn',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLeadFieldNames' },
	default: [],
	description:
		'The fields each lead is returned with; every field when none is chosen. ProspectID (the lead ID) is always returned. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Options → Fields to Return: schema names, or [] for every field. */
export function readFieldsToReturn(options: IDataObject): string[] {
	const names = fieldList(options.fieldsToReturn);
	if (names === undefined) {
		throw new InputError(
			`Options → Fields to Return is ${describeValue(options.fieldsToReturn)}, which is not a list of field names`,
			'fieldsToReturn',
			'Pick fields from the list, or give an expression that returns schema names as a list or as comma-separated text.',
		);
	}
	return names;
}

/** A lead for the output: the wanted fields (all when none), typed when asked. */
export function leadOutput(lead: IDataObject, wanted: readonly string[], typed: boolean, fields: FieldIndex | undefined): IDataObject {
	return outputRecord(pickFields(lead, wanted, ALWAYS_RETURNED) as IDataObject, typed, fields);
}
