/**
 * What the activity operations share: the Activity Type parameter (a resource locator: from the account's
 * list, or by code), reading it for an item, and the types' fields fetched once per node run.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventCodeOf, typeLabel } from '../../model/activity/types';
import type { ActivityTypeInfo } from '../../model/activity/types';
import { isBlank } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { kindOf, TYPE_CODE_OR_EMPTY, typeNames } from '../../model/activity/typeKinds';
import type { ActivityTypeSummary, OpportunityTypeList } from '../../model/activity/typeKinds';
import { describeValue } from '../../values/values';
import type { LeadSquaredClient } from '../../transport';
import { getActivityType } from '../../transport/activities';
import { loadActivityTypes } from '../../transport/typeCatalogue';

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
	private catalogue?: Promise<{ types: ActivityTypeSummary[]; opportunities: OpportunityTypeList } | undefined>;

	constructor(private readonly client: LeadSquaredClient) {}

	/** The account's types with their kinds, read once per run; undefined when they cannot be read. */
	private async listed(): Promise<{ types: ActivityTypeSummary[]; opportunities: OpportunityTypeList } | undefined> {
		this.catalogue ??= loadActivityTypes(this.client).then(
			(catalogue) => catalogue,
			() => undefined,
		);
		return await this.catalogue;
	}

	/**
	 * The type with its fields, for posting: a type the account lists as a system or opportunity type is
	 * refused before anything is sent (LeadSquared refuses it too). The list is read once per run; when it
	 * cannot be read, the check is left to LeadSquared.
	 */
	async postable(code: number): Promise<ActivityTypeInfo> {
		const types = (await this.listed())?.types;
		const listed = types?.find((type) => type.code === code);
		if (listed && listed.kind !== 'custom') throw notPostable(listed, types ?? []);
		return await this.get(code);
	}

	/**
	 * The type of activities to update or delete, which LeadSquared allows for custom activities only: a type the
	 * account lists as a system or opportunity type is refused before anything is sent, and so is a code it does
	 * not list whose range is not a custom one (below 200: LeadSquared's own activities, sales activities among
	 * them; 3000 and up; opportunity codes). When the list cannot be read, the check is left to LeadSquared.
	 */
	async editable(code: number, action: 'updated' | 'deleted'): Promise<ActivityTypeSummary> {
		const catalogue = await this.listed();
		if (!catalogue) return { code, name: `Activity type ${code}`, kind: 'custom' };
		const listed = catalogue.types.find((type) => type.code === code);
		const type = listed ?? { code, name: `Activity type ${code}`, kind: kindOf({ code, name: '' }, new Set(catalogue.opportunities.types.map((entry) => entry.code))) };
		if (type.kind !== 'custom') throw notEditable(type, listed !== undefined, action, catalogue.types);
		return type;
	}

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

/** A system or opportunity type given to Activity → Create: what it is, and the types that can be posted. */
function notPostable(type: ActivityTypeSummary, types: ActivityTypeSummary[]): InputError {
	const custom = types.filter((candidate) => candidate.kind === 'custom');
	const postable = custom.length > 0 ? ` Your custom activity types: ${typeNames(custom)}.` : '';
	if (type.kind === 'opportunity') {
		return new InputError(
			`Activity type ${typeLabel(type)} is an opportunity type, which cannot be posted as an activity`,
			ACTIVITY_TYPE,
			`Create opportunities with Opportunity → Create.${postable}`,
		);
	}
	return new InputError(
		`Activity type ${typeLabel(type)} is a system activity type: LeadSquared posts these itself and refuses them through the API`,
		ACTIVITY_TYPE,
		`Choose one of your custom activity types (Settings → Leads → Activities and Scores → Custom Activities & Scores).${postable} Nothing was sent for this item.`,
	);
}

/** A type given to Activity → Update or Delete that is not a custom type: what it is, and the types that can be changed. */
function notEditable(type: ActivityTypeSummary, listed: boolean, action: 'updated' | 'deleted', types: ActivityTypeSummary[]): InputError {
	const custom = types.filter((candidate) => candidate.kind === 'custom');
	const which = custom.length > 0 ? ` Your custom activity types: ${typeNames(custom)}.` : '';
	const what =
		type.kind === 'opportunity'
			? `Activity type ${typeLabel(type)} is an opportunity type`
			: listed
				? `Activity type ${typeLabel(type)} is a system activity type`
				: `Activity type ${type.code} is not one of your account's activity types, and its code is not in the range of custom types (200 to 2999): it is one of LeadSquared's own (system or sales activities)`;
	return new InputError(
		`${what}; LeadSquared lets only custom activities be ${action} through the API`,
		ACTIVITY_TYPE,
		`${type.kind === 'opportunity' ? 'Change opportunities with the Opportunity operations. ' : ''}Choose one of your custom activity types.${which} Nothing was sent for this item.`,
	);
}
