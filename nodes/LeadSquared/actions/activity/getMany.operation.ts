/**
 * Activity → Get Many: the activities of a lead (`ProspectActivity.svc/Retrieve?leadId=`), optionally of
 * one type, all of them or up to a limit, one output item each. Paging never repeats or skips an activity
 * and makes as few calls as the limit allows (model/activity/paging.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collectPages } from '../../model/activity/paging';
import { activityEventOf, activityIdOf, activityRecord, typedActivity } from '../../model/activity/records';
import type { ActivityTypeInfo } from '../../model/activity/types';
import { retrieveActivities } from '../../transport/activities';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { readLeadId } from '../lead/byId';
import { listingProperties, readLimit } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { activityTypeLocator, ActivityTypeCache, readActivityTypeCode } from './activityType';

/** Activities asked for per call, never more: LeadSquared refuses more than 1,000 ("PageSize can not be more than 1000" [live]); a lower limit it names is followed. */
export const ACTIVITY_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5d1c7f0e-3f43-11ee-9f2a-0a8b5c6d7e8f',
		description: "The ID (ProspectID) of the lead whose activities to get, e.g. the leadId output of Lead → Create or Update",
	},
	activityTypeLocator({
		searchListMethod: 'searchAllActivityTypes',
		required: false,
		description: 'Only activities of this type. Leave empty for activities of every type.',
	}),
	...listingProperties,
	optionsCollection(
		[
			{
				...typedValuesOption,
				description: `${typedValuesOption.description}. Applies to the activity's dates and, where the activity type's fields are known, to the values in Data.`,
			},
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['activity'], operation: ['getMany'] }, properties);

interface Query {
	leadId: string;
	code?: number;
	/** Undefined: all. */
	limit?: number;
}

interface Setup {
	types: ActivityTypeCache;
	typed: boolean;
}

class GetActivities implements Operation<Query, Setup> {
	readonly simplify = 'activity' as const;

	notFound(query: Query): string {
		const type = query.code === undefined ? '' : ` of the activity type ${query.code}`;
		return `No activity${type} exists for the lead with ProspectID ${query.leadId} in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		return { types: new ActivityTypeCache(run.client), typed: typedValuesOn(run.context, run.options) };
	}

	prepare(run: RunContext, index: number): Query {
		return {
			leadId: readLeadId(run.context, index),
			code: readActivityTypeCode(run.context, index, false),
			limit: readLimit(run.context, index),
		};
	}

	async send(run: RunContext, { prepared: query }: Entry<Query>, setup: Setup): Promise<IDataObject[]> {
		const { rows } = await collectPages<IDataObject>({
			fetch: async (paging) => await retrieveActivities(run.client, query.leadId, query.code, paging),
			idOf: (row) => activityIdOf(row),
			wanted: query.limit ?? Infinity,
			pageSize: ACTIVITY_PAGE_SIZE,
		});
		const records = rows.map((row) => activityRecord(row) as IDataObject);
		if (!setup.typed) return records;
		// The types' fields (one call per type per run); a type whose fields cannot be had keeps its values as text.
		const codes = [...new Set(records.map((record) => activityEventOf(record)).filter((code): code is number => code !== undefined))];
		const types = new Map<number, ActivityTypeInfo | undefined>();
		for (const code of codes) types.set(code, await setup.types.find(code));
		return records.map((record) => {
			const code = activityEventOf(record);
			return typedActivity(record, code === undefined ? undefined : types.get(code)?.fields) as IDataObject;
		});
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetActivities());
}
