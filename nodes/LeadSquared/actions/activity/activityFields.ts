/**
 * Parameters the activity write operations share (Create, Update): the activity type's fields, from the mapper fed
 * by the type and by schema name, the dropdown check option, and reading the fields of one item.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ActivityFieldInput } from '../../model/activity/payload';
import { manualEntries, mappedEntries } from '../fieldEntries';

export const activityFieldProperties: INodeProperties[] = [
	{
		displayName: 'Activity Fields',
		name: 'activityFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			"The activity type's fields (schema names mx_Custom_1, mx_Custom_2, …), loaded from your account with their types and dropdown options",
		typeOptions: {
			loadOptionsDependsOn: ['activityType.value'],
			resourceMapper: {
				resourceMapperMethod: 'getActivityFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	},
	{
		displayName: 'Activity Fields (Manual Entry)',
		name: 'manualFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Activity Field',
		description: 'Fields to set by schema name, e.g. when the activity type is an expression. Each field may be given only once across both lists.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'mx_Custom_1',
						description: 'Schema name of the activity field',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const skipDropdownOption: INodeProperties = {
	displayName: 'Skip Dropdown Check (ValidateDropDownOptions)',
	name: 'validateDropDownOptions',
	type: 'boolean',
	default: false,
	description:
		"Whether LeadSquared should accept dropdown values that are not among the field's options. Sends ValidateDropDownOptions=true, which, despite its name, LeadSquared documents as skipping the check; the node then skips its own check too.",
};

/** Activity Fields (mapper) and Activity Fields (Manual Entry) of one item. */
export function readActivityFields(context: IExecuteFunctions, itemIndex: number): ActivityFieldInput[] {
	return [...mappedEntries(context, itemIndex, 'activityFields', 'activity fields'), ...manualEntries(context, itemIndex, 'manualFields.field')];
}
