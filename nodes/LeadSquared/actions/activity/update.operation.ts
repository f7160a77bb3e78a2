/**
 * Activity → Update: `ProspectActivity.svc/CustomActivity/Update` for each item, by activity id: the note and the
 * fields given change, the others stay. Custom activities only: a system or opportunity type (or a code outside
 * the custom range, such as a sales activity's) is refused before anything is sent, and the fields are checked
 * against the type's fields as Activity → Create checks them.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildActivityUpdate } from '../../model/activity/edits';
import type { ActivityUpdateBody } from '../../model/activity/edits';
import type { ActivityOptions } from '../../model/activity/payload';
import { typeLabel } from '../../model/activity/types';
import type { ActivityTypeInfo } from '../../model/activity/types';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { updateActivity } from '../../transport/activities';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { leadWriteOptions } from '../lead/leadFields';
import { showFor } from '../utils';
import { activityFieldProperties, readActivityFields, skipDropdownOption } from './activityFields';
import { activityTypeLocator, ActivityTypeCache, readActivityTypeCode } from './activityType';

const emptyValuesOption = leadWriteOptions.find((option) => option.name === 'emptyValues') as INodeProperties;

const properties: INodeProperties[] = [
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.activityId }}',
		description: "The activity's ID (ProspectActivityId), e.g. the activityId output by Activity → Create or a ProspectActivityId from Activity → Get Many",
	},
	activityTypeLocator({
		searchListMethod: 'searchActivityTypes',
		required: true,
		description:
			"The activity's own type (its ActivityEvent in Activity → Get Many): lists its fields below. Only custom activity types can be updated.",
	}),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: "A new note for the activity (ActivityNote). Leave empty to keep the note it has.",
	},
	...activityFieldProperties,
	optionsCollection(
		[
			dateTimezoneOption,
			{
				...emptyValuesOption,
				default: 'skip',
				description: 'What to do with an activity field whose value is empty (null, missing or blank text)',
			},
			skipDropdownOption,
		],
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['activity'], operation: ['update'] }, properties);

interface Setup {
	types: ActivityTypeCache;
	payload: ActivityOptions;
}

interface Prepared {
	body: ActivityUpdateBody;
	type: ActivityTypeInfo;
	skippedFields: string[];
}

class UpdateActivity implements Operation<Prepared, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return {
			types: new ActivityTypeCache(run.client),
			payload: {
				timezone: readTimezone(run.context, run.options),
				skipDropdownCheck: run.options.validateDropDownOptions === true,
				emptyValues: (run.options.emptyValues as ActivityOptions['emptyValues']) ?? 'skip',
			},
		};
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: Setup): Promise<Prepared> {
		const { context } = run;
		const code = readActivityTypeCode(context, index, true) as number;
		// The account's types are read once per run (a system, opportunity or sales type fails here, before any call),
		// then the type's fields, once per type.
		await setup.types.editable(code, 'updated');
		const type = await setup.types.get(code);
		const input = { activityId: context.getNodeParameter('activityId', index, ''), note: context.getNodeParameter('note', index, ''), fields: readActivityFields(context, index) };
		return { ...buildActivityUpdate(input, type, setup.payload), type };
	}

	keys(prepared: Prepared): string[] {
		return [`activity:${prepared.body.ProspectActivityId.toLowerCase()}`];
	}

	check({ body, type }: Prepared): WriteCheck {
		return {
			record: 'activity',
			change: 'update',
			read: 'Activity → Get Many',
			key: `its lead's ID, type ${typeLabel(type)}; ${keyOf('activity ID', body.ProspectActivityId)}`,
			safeRepeat: 'it sets the same values on the same activity',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const { body, type, skippedFields } = prepared;
		return {
			status: await updateActivity(run.client, body, type),
			activityId: body.ProspectActivityId,
			activityEvent: type.code,
			...(type.name !== undefined ? { activityType: type.name } : {}),
			...(skippedFields.length > 0 ? { skippedFields } : {}),
		};
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateActivity());
}
