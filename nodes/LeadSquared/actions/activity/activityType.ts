/**
 * What the activity operations share: the Activity Type parameter (a resource locator: from the account's
 * list, or by code), reading it for an item, and the types' fields fetched once per node run.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventCodeOf } from '../../helpers/activityTypes';
import type { ActivityTypeInfo } from '../../helpers/activityTypes';
import { isBlank } from '../../helpers/checks';
import { InputError } from '../../helpers/errors';
import { TYPE_CODE_OR_EMPTY } from '../../helpers/typeKinds';
import { describeValue } from '../../helpers/values';
import type { LeadSquaredClient } from '../../transport';
import { getActivityType } from '../../transport/activities';

export const ACTIVITY_TYPE = 'activityType';

/** The Activity Type locator; `searchListMethod` decides which types the list offers. */
export function activityTypeLocator(spec: { searchListMethod: string; required: boolean; description: string }): INodeProperties {
	return {
		displayName: 'Activity Type',
		name: ACTIVITY_TYPE,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an activity type...',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. 201',
				hint: 'The code LeadSquared shows next to the type under Settings → Leads → Activities and Scores',
				validation: [{ type: 'regex', properties: { regex: TYPE_CODE_OR_EMPTY, errorMessage: 'Enter the numeric code, e.g. 201' } }],
			},
		],
	};
}

/** The item's activity type code; undefined when it is optional and empty. */
export function readActivityTypeCode(context: IExecuteFunctions, itemIndex: number, required: boolean): number | undefined {
	const raw = context.getNodeParameter(ACTIVITY_TYPE, itemIndex, '', { extractValue: true });
	if (isBlank(raw)) {
		if (!required) return undefined;
		throw new InputError(
			'Activity Type is empty',
			ACTIVITY_TYPE,
			'Choose the activity type from the list, or enter its code (e.g. 201), or make sure its expression gives a code for every item.',
		);
	}
	const code = eventCodeOf(raw);
	if (code === undefined) {
		throw new InputError(
			`Activity Type is ${describeValue(raw)}, which is not an activity type code`,
			ACTIVITY_TYPE,
			'Activity types are numbered (e.g. 201): choose one from the list or enter its code.',
		);
	}
	return code;
}

/** Activity types and their fields, each fetched at most once per node run. */
export class ActivityTypeCache {
	private readonly types = new Map<number, Promise<ActivityTypeInfo>>();

	constructor(private readonly client: LeadSquaredClient) {}

	/** The type with its fields; rejects when LeadSquared does not know the code or cannot be asked. */
	async get(code: number): Promise<ActivityTypeInfo> {
		let type = this.types.get(code);
		if (!type) {
			type = getActivityType(this.client, code);
			this.types.set(code, type);
			// Kept even when it fails: every item of this type fails with the same reason, without a call each.
			type.catch(() => undefined);
		}
		return await type;
	}

	/** The type with its fields, or undefined when they cannot be had (reads type what they can). */
	async find(code: number): Promise<ActivityTypeInfo | undefined> {
		try {
			return await this.get(code);
		} catch {
			return undefined;
		}
	}
}
