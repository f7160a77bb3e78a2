/**
 * Activity → Delete Activities of a Lead: `ProspectActivity.svc/DeleteActivities` for each item. LeadSquared has
 * no delete by activity id: it deletes EVERY custom activity of one type on one lead (optionally within a window
 * of activity dates), and only later (the call queues the deletion). The parameters, a confirmation the item must
 * carry, and the output say so; system, opportunity and sales types are refused before anything is sent.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { buildActivityDeletion } from '../../model/activity/edits';
import type { ActivityDeletionBody } from '../../model/activity/edits';
import type { ActivityTypeSummary } from '../../model/activity/typeKinds';
import { typeLabel } from '../../model/activity/types';
import { deleteActivitiesOfLead } from '../../transport/activities';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { readStatusWebhookUrl, statusWebhookUrlOption } from '../queuedDeletion';
import { leadIdProperty } from '../lead/byId';
import { showFor } from '../utils';
import { activityTypeLocator, ActivityTypeCache, readActivityTypeCode } from './activityType';

const CONFIRM = 'confirmDeleteAll';

const properties: INodeProperties[] = [
	{
		displayName:
			'This deletes EVERY activity of the chosen type on the lead (within the dates, if given), not one activity: LeadSquared cannot delete a single activity by its ID. The deletion is QUEUED: the activities go a little later. It cannot be undone.',
		name: 'deleteActivitiesNotice',
		type: 'notice',
		default: '',
	},
	leadIdProperty('The lead whose activities of the type are deleted'),
	activityTypeLocator({
		searchListMethod: 'searchActivityTypes',
		required: true,
		description: 'Every activity of this type on the lead is deleted. Only custom activity types can be deleted.',
	}),
	{
		displayName: 'From Date',
		name: 'fromDate',
		type: 'dateTime',
		default: '',
		description: 'Only activities that happened at or after this date (their ActivityDateTime). Empty: from the first.',
	},
	{
		displayName: 'To Date',
		name: 'toDate',
		type: 'dateTime',
		default: '',
		description: 'Only activities that happened at or before this date. Empty: up to the last.',
	},
	{
		displayName: 'Confirm: Delete Every Activity of This Type on the Lead',
		name: CONFIRM,
		type: 'boolean',
		default: false,
		description:
			'Whether you understand that this deletes every activity of the chosen type on the lead (between the dates, if given), not one activity. Items are refused, before anything is sent, until this is on.',
	},
	optionsCollection(
		[
			dateTimezoneOption,
			statusWebhookUrlOption,
		],
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['activity'], operation: ['delete'] }, properties);

interface Setup {
	types: ActivityTypeCache;
	timezone: string;
	statusWebhookUrl?: string;
}

interface Prepared {
	body: ActivityDeletionBody;
	type: ActivityTypeSummary;
}

/** What was asked, in words: `every activity of type Phone Call (202) on lead … between … and … (UTC)`. */
function scope(body: ActivityDeletionBody, type: ActivityTypeSummary): string {
	const window =
		body.FromDate !== undefined && body.ToDate !== undefined
			? ` between ${body.FromDate} and ${body.ToDate} (UTC)`
			: body.FromDate !== undefined
				? ` from ${body.FromDate} (UTC) on`
				: body.ToDate !== undefined
					? ` up to ${body.ToDate} (UTC)`
					: '';
	return `every activity of type ${typeLabel(type)} on lead ${body.ProspectId}${window}`;
}

class DeleteActivities implements Operation<Prepared, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return {
			types: new ActivityTypeCache(run.client),
			timezone: readTimezone(run.context, run.options),
			statusWebhookUrl: readStatusWebhookUrl(run.options),
		};
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: Setup): Promise<Prepared> {
		const { context } = run;
		const code = readActivityTypeCode(context, index, true) as number;
		const body = buildActivityDeletion(
			{
				leadId: context.getNodeParameter('leadId', index, ''),
				code,
				from: context.getNodeParameter('fromDate', index, ''),
				to: context.getNodeParameter('toDate', index, ''),
				statusWebhookUrl: setup.statusWebhookUrl,
			},
			setup.timezone,
		);
		if (context.getNodeParameter(CONFIRM, index, false) !== true) {
			throw new InputError(
				'Confirm: Delete Every Activity of This Type on the Lead is off, so nothing was sent',
				CONFIRM,
				`This item would delete every activity of type ${code} on lead ${body.ProspectId}${body.FromDate !== undefined || body.ToDate !== undefined ? ' between the dates given' : ''}, not one activity. Turn the confirmation on if that is what you want.`,
			);
		}
		// The account's types are read once per run: a system, opportunity or sales type fails here, before any call.
		const type = await setup.types.editable(code, 'deleted');
		return { body, type };
	}

	keys(prepared: Prepared): string[] {
		return [`lead:${prepared.body.ProspectId.toLowerCase()}`];
	}

	check({ body, type }: Prepared): WriteCheck {
		return { record: 'activity', change: 'delete', read: 'Activity → Get Many', key: `${keyOf('Lead ID', body.ProspectId)}, type ${typeLabel(type)}` };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const { body, type } = prepared;
		const answer = await deleteActivitiesOfLead(run.client, body);
		return {
			status: answer.status,
			deletion: 'queued',
			leadId: body.ProspectId,
			activityEvent: type.code,
			activityType: type.name,
			fromDate: body.FromDate ?? null,
			toDate: body.ToDate ?? null,
			...(answer.message !== undefined ? { message: answer.message } : {}),
			note:
				`LeadSquared queued the deletion of ${scope(body, type)}: it is not done yet. ` +
				`To check, read the lead's activities of this type (Activity → Get Many) after a while${body.StatusWebhookURL !== undefined ? ', or wait for LeadSquared\'s report at the Status Webhook URL' : ''}.`,
		};
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new DeleteActivities());
}
