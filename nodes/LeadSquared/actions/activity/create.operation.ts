/**
 * Activity → Create: `ProspectActivity.svc/Create` for each item, on a lead given by ID or by e-mail
 * address (LeadSquared then creates a missing lead); with "Send in Batches", up to 25 activities per call
 * to `Bulk/CustomActivity/Add/ByLeadId`. Fields are checked and converted by the activity type's fields
 * before anything is sent.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchCount, CountedRow } from '../../model/activity/bulk';
import { activityKeys, buildActivityPayload } from '../../model/activity/payload';
import type { ActivityInput, ActivityOptions, ActivityPayload } from '../../model/activity/payload';
import { MAX_BULK_ROWS } from '../../machinery/bulk';
import { InputError, LeadSquaredError, WrittenError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { typeLabel } from '../../model/activity/types';
import { findLeadIdByEmail, postActivitiesInBulk, postActivity } from '../../transport/activities';
import type { PostedActivity } from '../../transport/activities';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { numberOption, optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Batching, Entry, Operation, Outcome, RunContext } from '../engine';
import { OwnerResolver, ownerLocator, readOwner } from '../owner';
import { showFor } from '../utils';
import { activityFieldProperties, readActivityFields, skipDropdownOption } from './activityFields';
import { activityTypeLocator, ActivityTypeCache, readActivityTypeCode } from './activityType';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Lead By',
		name: 'leadBy',
		type: 'options',
		default: 'id',
		options: [
			{
				name: 'Email Address (Creates a Missing Lead)',
				value: 'email',
				description: 'Post on the lead with this e-mail address. When no lead has it, LeadSquared creates one.',
			},
			{ name: 'ID', value: 'id', description: "The lead's ID (ProspectID)" },
		],
		description: 'How to name the lead the activity is posted on',
	},
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5d1c7f0e-3f43-11ee-9f2a-0a8b5c6d7e8f',
		description: "The lead's ID (ProspectID), e.g. the leadId output of Lead → Create or Update",
		displayOptions: { show: { leadBy: ['id'] } },
	},
	{
		displayName: 'Lead Email Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The e-mail address of the lead. When no lead has it, LeadSquared creates a lead with it and the New Lead Details.',
		displayOptions: { show: { leadBy: ['email'] } },
	},
	{
		displayName: 'New Lead Details',
		name: 'newLead',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'Used only when no lead has the e-mail address and LeadSquared creates one',
		displayOptions: { show: { leadBy: ['email'] } },
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Needed when your account makes Last Name mandatory for new leads' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+919845098450' },
		],
	},
	activityTypeLocator({
		searchListMethod: 'searchActivityTypes',
		required: true,
		description: 'The type of activity to post: one of your custom activity types, e.g. a form submission or a phone call',
	}),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: "The activity's note (ActivityNote)",
	},
	{
		displayName: 'Date',
		name: 'activityDateTime',
		type: 'dateTime',
		default: '',
		description:
			'When the activity happened. Empty: now. Sent to LeadSquared in UTC; a date without a time zone is read as Options → Dates Without a Time Zone says.',
	},
	...activityFieldProperties,
	optionsCollection(
		[
			dateTimezoneOption,
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BULK_ROWS, numberPrecision: 0 },
				default: MAX_BULK_ROWS,
				description: 'Activities per bulk call when "Send in Batches" is on (LeadSquared allows at most 25)',
			},
			{
				displayName: 'Include Lead Score',
				name: 'includeLeadScore',
				type: 'boolean',
				default: false,
				description: "Whether to return the lead's score after the activity (sends IncludeLeadScore=true). Not available with Send in Batches.",
			},
			ownerLocator({
				// The name of the text field this was (Owner Email): workflows saved with it keep their value.
				name: 'ownerEmail',
				description:
					"The LeadSquared user who owns the activity, sent as ActivityOwnerEmail: a user from the list or by ID is sent as their e-mail address. Empty: the user of the credential's keys.",
			}),
			{
				displayName: 'Send in Batches',
				name: 'sendInBatches',
				type: 'boolean',
				default: false,
				description:
					'Whether to post up to 25 activities per call to the bulk API (leads given by ID; items that find their lead by e-mail are still posted one by one). Each item still gets its own result or error.',
			},
			skipDropdownOption,
		],
		sharedOptions({ bulk: true }),
	),
];

export const description = showFor({ resource: ['activity'], operation: ['create'] }, properties);

interface Setup {
	types: ActivityTypeCache;
	owners: OwnerResolver;
	payload: ActivityOptions;
	includeLeadScore: boolean;
}

function readLead(context: IExecuteFunctions, itemIndex: number): ActivityInput['lead'] {
	const leadBy = context.getNodeParameter('leadBy', itemIndex, 'id');
	if (leadBy === 'id') return { by: 'id', id: context.getNodeParameter('leadId', itemIndex, '') };
	if (leadBy === 'email') {
		const details = (context.getNodeParameter('newLead', itemIndex, {}) ?? {}) as IDataObject;
		return {
			by: 'email',
			email: context.getNodeParameter('email', itemIndex, ''),
			firstName: details.firstName,
			lastName: details.lastName,
			phone: details.phone,
		};
	}
	throw new InputError(`Find Lead By is "${String(leadBy)}"; it must be "id" or "email"`, 'leadBy');
}

/**
 * Options → Owner as the e-mail address ActivityOwnerEmail takes: a user from the list or by ID becomes their
 * address (an unknown or deactivated user is refused). A text (a workflow saved when this was the Owner Email
 * text field, or an AI agent's value) is the address itself, checked as before.
 */
async function readActivityOwner(run: RunContext, index: number, owners: OwnerResolver): Promise<unknown> {
	const raw = run.context.getNodeParameter('options.ownerEmail', index, '') as unknown;
	if (raw === null || typeof raw !== 'object') return raw;
	const owner = readOwner(run.context, index, 'options.ownerEmail', 'Options → Owner', 'ownerEmail');
	if (!owner || owner.by === 'email') return owner?.value;
	const user = await owners.active(owner, 'Options → Owner', 'ownerEmail');
	if (user.email === '') {
		throw new InputError(`Options → Owner: LeadSquared lists no e-mail address for user ${user.id}`, 'ownerEmail', 'LeadSquared takes the owner of an activity by e-mail address: choose a user who has one.');
	}
	return user.email;
}

/**
 * The item's output: the activity, its lead, and what LeadSquared said about both. `count`: the bulk
 * answer only counted the activities posted, so the id is null and the output says how to find it.
 */
function output(payload: ActivityPayload, activityId: string | null, leadId: string, posted?: PostedActivity, count?: BatchCount): IDataObject {
	return {
		status: 'Success',
		activityId,
		leadId,
		activityEvent: payload.type.code,
		...(payload.type.name !== undefined ? { activityType: payload.type.name } : {}),
		...(posted?.leadCreated !== undefined ? { leadCreated: posted.leadCreated } : {}),
		...(posted?.leadScore !== undefined ? { leadScore: posted.leadScore } : {}),
		...(payload.skippedFields.length > 0 ? { skippedFields: payload.skippedFields } : {}),
		...(count
			? {
					...batchCount(count),
					activityIdNote:
						`LeadSquared's bulk answer said ${count.posted} of the ${count.sent} activities of this batch were posted, without their ids. ` +
						`To get this activity's id, read the activities of type ${payload.type.code} on lead ${leadId} (Activity → Get Many).`,
				}
			: {}),
	};
}

function batchCount(count: BatchCount): IDataObject {
	return { activitiesInCall: count.sent, postedInCall: count.posted };
}

/** The error item's details of a row a counted bulk answer did not confirm: whether it was posted (false, or 'unknown'). */
function countedDetails(payload: ActivityPayload, result: CountedRow & { ok: false }): IDataObject {
	return { leadId: payload.body.RelatedProspectId ?? '', activityEvent: payload.type.code, activityPosted: result.posted, ...batchCount(result.count) };
}

/** The lead of an activity posted by e-mail address: LeadSquared's answer names only the activity. */
async function leadIdByEmail(run: RunContext, email: string, activityId: string): Promise<string> {
	let leadId: string | undefined;
	let cause: LeadSquaredError | undefined;
	try {
		leadId = await findLeadIdByEmail(run.client, email);
	} catch (error) {
		cause = error instanceof LeadSquaredError ? error : new LeadSquaredError({ kind: 'unexpected', message: String(error) });
	}
	if (leadId !== undefined) return leadId;
	const reason = cause ? `finding its lead by e-mail address failed: ${cause.failure.message}` : `LeadSquared found no lead with the e-mail address ${email}`;
	throw new WrittenError(
		{
			...cause?.failure,
			kind: cause?.failure.kind ?? 'unexpected',
			message: `The activity was posted (id ${activityId}), but ${reason}`,
			description:
				'The activity itself was posted, so there is no need to send the item again. Find the lead later with Lead → Get by e-mail address.',
		},
		{ activityId },
	);
}

async function postOne(run: RunContext, payload: ActivityPayload, setup: Setup): Promise<IDataObject> {
	const posted = await postActivity(run.client, setup.includeLeadScore ? { ...payload.body, IncludeLeadScore: true } : payload.body);
	const leadId = payload.lead.by === 'id' ? payload.lead.id : (posted.leadId ?? (await leadIdByEmail(run, payload.lead.email, posted.activityId)));
	return output(payload, posted.activityId, leadId, posted);
}

/** One bulk call for the batch's activities on leads given by ID; those by e-mail go one by one. */
async function sendBatch(run: RunContext, batch: Array<Entry<ActivityPayload>>, setup: Setup): Promise<Outcome[]> {
	const byId = batch.filter(({ prepared }) => prepared.lead.by === 'id');
	const outcomes: Outcome[] = [];
	if (byId.length > 0) {
		try {
			const results = await postActivitiesInBulk(
				run.client,
				byId.map(({ prepared }) => prepared.body),
			);
			byId.forEach(({ index, prepared }, row) => {
				const result = results[row];
				const count = 'count' in result ? result.count : undefined;
				if (result.ok) outcomes.push({ index, ok: true, json: [output(prepared, result.activityId, prepared.body.RelatedProspectId ?? '', undefined, count)] });
				else {
					const extra = 'count' in result ? countedDetails(prepared, result) : undefined;
					outcomes.push({ index, ok: false, error: new LeadSquaredError(result.failure), ...(extra ? { extra } : {}) });
				}
			});
		} catch (error) {
			// The whole call failed (rate limit past the wait, network, a refused batch): so did each of its rows.
			byId.forEach(({ index }) => outcomes.push({ index, ok: false, error }));
		}
	}
	for (const { index, prepared } of batch.filter((entry) => entry.prepared.lead.by === 'email')) {
		try {
			outcomes.push({ index, ok: true, json: [await postOne(run, prepared, setup)] });
		} catch (error) {
			outcomes.push({ index, ok: false, error, ...(error instanceof WrittenError ? { extra: error.extra } : {}) });
		}
	}
	return outcomes;
}

class CreateActivity implements Operation<ActivityPayload, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return {
			types: new ActivityTypeCache(run.client),
			owners: new OwnerResolver(run.client),
			payload: {
				timezone: readTimezone(run.context, run.options),
				skipDropdownCheck: run.options.validateDropDownOptions === true,
			},
			includeLeadScore: run.options.includeLeadScore === true,
		};
	}

	check({ lead, type }: ActivityPayload): WriteCheck {
		const leadKey = lead.by === 'id' ? keyOf('Lead ID', lead.id) : `the ID of the lead with e-mail "${lead.email}"`;
		return { record: 'activity', change: 'create', read: 'Activity → Get Many', key: `${leadKey}, type ${typeLabel(type)}` };
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: Setup): Promise<ActivityPayload> {
		const { context } = run;
		const code = readActivityTypeCode(context, index, true) as number;
		const input: ActivityInput = {
			lead: readLead(context, index),
			note: context.getNodeParameter('note', index, ''),
			dateTime: context.getNodeParameter('activityDateTime', index, ''),
			ownerEmail: await readActivityOwner(run, index, setup.owners),
			fields: readActivityFields(context, index),
		};
		// The type's fields are fetched once per run (a code LeadSquared does not know, or a system or opportunity
		// type, fails here, before any post).
		const type = await setup.types.postable(code);
		return buildActivityPayload(input, type, setup.payload);
	}

	keys(payload: ActivityPayload): string[] {
		return activityKeys(payload);
	}

	async send(run: RunContext, { prepared }: Entry<ActivityPayload>, setup: Setup): Promise<IDataObject> {
		return await postOne(run, prepared, setup);
	}

	batching(run: RunContext, setup: Setup): Batching<ActivityPayload> | undefined {
		if (run.options.sendInBatches !== true) return undefined;
		if (setup.includeLeadScore) {
			throw new InputError(
				'Options → Include Lead Score cannot be combined with Send in Batches',
				'includeLeadScore',
				"LeadSquared's bulk activity API does not return lead scores: turn off one of the two options.",
			);
		}
		const size = numberOption(run.options, { name: 'batchSize', label: 'Batch Size', min: 1, max: MAX_BULK_ROWS, whole: true, fallback: MAX_BULK_ROWS });
		return { size, send: async (entries) => await sendBatch(run, entries, setup) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateActivity());
}
