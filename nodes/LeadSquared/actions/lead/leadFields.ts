/**
 * What the lead write operations (Create or Update, Update; Opportunity → Create for its lead) share: the
 * field mapper fed by the account's lead fields, manual entry by schema name, custom field sets, the Match
 * Field, the write options, and reading one item's lead input from those parameters.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError, WrittenError } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import type { AttributeInput, CustomFieldSetInput, EmptyValueMode, PayloadOptions, UnknownFieldMode } from '../../model/lead/payload';
import type { LeadSquaredClient } from '../../transport';
import { leadFieldsForExecution } from '../../transport/leadFields';
import { getLeadById } from '../../transport/leads';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { manualEntries, mappedEntries } from '../fieldEntries';

export const leadFieldProperties: INodeProperties[] = [
	{
		displayName: 'Lead Fields',
		name: 'attributes',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			"The lead's fields, loaded from your LeadSquared account with their types and dropdown options. Map them one by one, or let the input's keys (schema names such as EmailAddress or mx_City) map automatically.",
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getLeadFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	},
	{
		displayName: 'Lead Fields (Manual Entry)',
		name: 'manualAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Lead Field',
		description:
			'Fields to set by schema name, e.g. ones created after this node was set up. Each field may be given only once across both lists.',
		options: [
			{
				displayName: 'Field',
				name: 'attribute',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'mx_City',
						description: 'Schema name of the lead field (My Account → Settings → Lead Fields shows them)',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Custom Field Sets',
		name: 'customFieldSets',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field Set',
		description: 'Custom field sets (CFS) such as mx_KYC, sent with their sub-fields',
		options: [
			{
				displayName: 'Custom Field Set',
				name: 'set',
				values: [
					{
						displayName: 'Custom Field Set Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFieldSets' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Sub-Fields',
						name: 'subFields',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						placeholder: 'Add Sub-Field',
						options: [
							{
								displayName: 'Sub-Field',
								name: 'field',
								values: [
									{ displayName: 'Sub-Field Name', name: 'name', type: 'string', default: '', placeholder: 'mx_CustomObject_1' },
									{ displayName: 'Value', name: 'value', type: 'string', default: '' },
								],
							},
						],
					},
				],
			},
		],
	},
];

/** Match Field (shown for Match By → A Specific Field): the field LeadSquared finds the lead by, sent as SearchBy. */
export function matchFieldProperty(description: string): INodeProperties {
	return {
		displayName: 'Match Field',
		name: 'searchBy',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show: { matchBy: ['field'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a field...',
				typeOptions: { searchListMethod: 'searchMatchFields', searchable: true },
			},
			{ displayName: 'By Schema Name', name: 'name', type: 'string', placeholder: 'e.g. mx_Student_Id' },
		],
	};
}

/** An item's Match Field: undefined unless Match By is "A Specific Field"; then an empty one is refused. */
export function readMatchField(context: IExecuteFunctions, itemIndex: number, empty: { field?: string; hint: string }): string | undefined {
	if (context.getNodeParameter('matchBy', itemIndex, 'default') !== 'field') return undefined;
	const searchBy = context.getNodeParameter('searchBy', itemIndex, '', { extractValue: true });
	if (typeof searchBy !== 'string' || searchBy.trim() === '') {
		throw new InputError('Match By is "A Specific Field", but the Match Field is empty', empty.field, empty.hint);
	}
	return searchBy;
}

/** Trigger LeadSquared Automations: postUpdatedLead=true. */
export const triggerAutomationsOption: INodeProperties = {
	displayName: 'Trigger LeadSquared Automations',
	name: 'triggerAutomations',
	type: 'boolean',
	default: false,
	description:
		'Whether lead-update automations, webhooks and notifications should fire for this change (sends postUpdatedLead=true). LeadSquared does not fire them for API updates by default.',
};

/** Options of every lead write. */
export const leadWriteOptions: INodeProperties[] = [
	dateTimezoneOption,
	{
		displayName: 'Empty Values',
		name: 'emptyValues',
		type: 'options',
		default: 'fail',
		options: [
			{ name: 'Fail the Item', value: 'fail' },
			{ name: 'Leave the Field Out', value: 'skip', description: 'The field keeps its value in LeadSquared; the output lists it' },
			{ name: 'Send Empty (Clears the Field)', value: 'clear' },
		],
		description: 'What to do with a field whose value is null or missing',
	},
	triggerAutomationsOption,
	{
		displayName: 'Unknown Fields',
		name: 'unknownFields',
		type: 'options',
		default: 'fail',
		options: [
			{ name: 'Fail the Item', value: 'fail', description: 'LeadSquared would reject the whole lead anyway' },
			{ name: 'Drop Them and List Them in the Output', value: 'drop' },
		],
		description: 'What to do with fields that do not exist in your LeadSquared account',
	},
];

export interface LeadFieldsInput {
	attributes: AttributeInput[];
	customFieldSets: CustomFieldSetInput[];
}

/** Reads one item's lead fields from the node's parameters (expressions resolved for that item). */
export function readLeadFields(context: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): LeadFieldsInput {
	const mappingMode = context.getNodeParameter('attributes.mappingMode', itemIndex, 'defineBelow') as string;
	let attributes: AttributeInput[];
	if (mappingMode === 'autoMapInputData') {
		attributes = Object.entries(item.json).map(([name, value]) => ({ name, value, source: 'input item' }));
	} else {
		attributes = mappedEntries(context, itemIndex, 'attributes', 'lead fields');
	}
	attributes.push(...manualEntries(context, itemIndex, 'manualAttributes.attribute'));

	const sets = context.getNodeParameter('customFieldSets.set', itemIndex, []) as Array<{
		field?: unknown;
		subFields?: { field?: Array<{ name?: unknown; value?: unknown }> };
	}>;
	const customFieldSets: CustomFieldSetInput[] = sets.map((set) => ({
		field: set.field,
		subFields: (set.subFields?.field ?? []).map((sub) => ({ name: sub.name, value: sub.value })),
	}));
	return { attributes, customFieldSets };
}

/** How values are checked and converted, from the write options. */
export function payloadOptions(context: IExecuteFunctions, options: IDataObject): PayloadOptions {
	return {
		unknownFields: (options.unknownFields as UnknownFieldMode | undefined) ?? 'fail',
		emptyValues: (options.emptyValues as EmptyValueMode | undefined) ?? 'fail',
		timezone: readTimezone(context, options),
	};
}

/** The account's lead fields, fetched once per execution. */
export async function accountFields(context: IExecuteFunctions, client: LeadSquaredClient): Promise<FieldIndex> {
	return await leadFieldsForExecution(context, client);
}

/** Lists dropped and skipped fields in an item's output, when there are any. */
export function fieldNotes(payload: { droppedFields: string[]; skippedFields: string[] }): IDataObject {
	return {
		...(payload.droppedFields.length > 0 ? { droppedFields: payload.droppedFields } : {}),
		...(payload.skippedFields.length > 0 ? { skippedFields: payload.skippedFields } : {}),
	};
}

/** Return Full Lead after a successful write: a failed read-back still says the lead was written, with its id. */
export async function readBack(client: LeadSquaredClient, leadId: string): Promise<IDataObject> {
	try {
		return await getLeadById(client, leadId);
	} catch (error) {
		throw WrittenError.readBack(error, leadId);
	}
}
