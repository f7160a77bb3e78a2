/**
 * What the lead write operations (Create or Update, Update) share: the field mapper fed by the account's
 * lead fields, manual entry by schema name, custom field sets, the write options, and reading one item's
 * lead input from those parameters.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { FieldIndex } from '../../helpers/fields';
import type { AttributeInput, CustomFieldSetInput, EmptyValueMode, PayloadOptions, UnknownFieldMode } from '../../helpers/payload';
import type { LeadSquaredClient } from '../../transport';
import { leadFieldsForExecution } from '../../transport/leadFields';

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

/** Options of every lead write. */
export const leadWriteOptions: INodeProperties[] = [
	{
		displayName: 'Dates Without a Time Zone',
		name: 'dateTimezone',
		type: 'options',
		default: 'utc',
		options: [
			{ name: 'Are in UTC', value: 'utc', description: "LeadSquared's own convention" },
			{ name: "Are in the Workflow's Time Zone", value: 'workflow' },
		],
		description: 'How to read dates such as "2024-05-01 10:30" that carry no time zone. Dates are always sent to LeadSquared in UTC.',
	},
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
	{
		displayName: 'Trigger LeadSquared Automations',
		name: 'triggerAutomations',
		type: 'boolean',
		default: false,
		description:
			'Whether lead-update automations, webhooks and notifications should fire for this change (sends postUpdatedLead=true). LeadSquared does not fire them for API updates by default.',
	},
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
		// The node checks each value against the account's fields itself (with messages naming the
		// field), so n8n's own coercion of the mapper's values is skipped: the same rules then apply
		// to mapped, automatic and manual fields alike.
		const mapped = (context.getNodeParameter('attributes.value', itemIndex, {}, { skipValidation: true }) ?? {}) as IDataObject;
		attributes = Object.entries(mapped).map(([name, value]) => ({ name, value, source: 'lead fields' }));
	}
	const manual = context.getNodeParameter('manualAttributes.attribute', itemIndex, []) as Array<{ name?: unknown; value?: unknown }>;
	for (const entry of manual) attributes.push({ name: entry.name, value: entry.value, source: 'manual entry' });

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
		timezone: options.dateTimezone === 'workflow' ? context.getTimezone() : 'UTC',
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
