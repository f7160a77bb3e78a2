/**
 * Activity endpoints (§2.8, §11.1): activity types and their fields, posting (single and bulk),
 * updating, and the reads (in activity-reads.ts).
 */
import { eventCode, kindOf } from '../activity-types';
import { jsonAnswer, type Answer } from '../http';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { ACTIVITY_READ_ROUTES } from './activity-reads';
import { EVENT_CODE_INVALID, failureAnswer, postActivity, type WriteFailure } from './activity-write';
import { badRequest, mxError, requiredParam, requireJsonBody, type Route, type RouteContext } from './common';
import { bodyObject, diff, emit, fieldPairs, flag, isAnswer, isObject, prop, str } from './crm-common';

const PA = '/v2/ProspectActivity.svc/';

export const ACTIVITY_ROUTES: Route[] = [
	{ name: 'ActivityTypes.Get', method: 'GET', path: `${PA}ActivityTypes.Get`, bucket: 'normal', handle: activityTypes },
	{ name: 'CustomActivity/GetActivitySetting', method: 'GET', path: `${PA}CustomActivity/GetActivitySetting`, bucket: 'normal', handle: activitySetting },
	{ name: 'ProspectActivity.Create', method: 'POST', path: `${PA}Create`, bucket: 'normal', handle: createActivity },
	{ name: 'Bulk/CustomActivity/Add/ByLeadId', method: 'POST', path: `${PA}Bulk/CustomActivity/Add/ByLeadId`, bucket: 'bulk', handle: bulkAdd },
	{ name: 'CustomActivity/Update', method: 'POST', path: `${PA}CustomActivity/Update`, bucket: 'normal', handle: updateActivity },
	...ACTIVITY_READ_ROUTES,
];

/**
 * `GET ActivityTypes.Get`: a bare array of every type [CODE 67007166726, 66561925744 read it as an array;
 * 56037757482 also accepts `{List}`], in the shape of renderSummary (EventType, EventDirection,
 * ActivityProperties… [CODE/live]). Opportunity types are included unless `activityTypesIncludeOpportunities`
 * is false [INF].
 */
function activityTypes(ctx: RouteContext): Answer {
	const { crm, options } = ctx.state;
	const listed = crm.activityTypes.all().filter((t) => options.activityTypesIncludeOpportunities || kindOf(t) !== 'opportunity');
	return jsonAnswer(200, listed.map((t) => crm.activityTypes.renderSummary(t, options.activityTypeSystemEventType)));
}

function activitySetting(ctx: RouteContext): Answer {
	const code = requiredParam(ctx, 'code');
	if (typeof code !== 'string') return code;
	const parsed = eventCode(code);
	const type = parsed === undefined ? undefined : ctx.state.crm.activityTypes.get(parsed);
	if (!type || kindOf(type) === 'opportunity') {
		return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF] for this endpoint
	}
	return jsonAnswer(200, ctx.state.crm.activityTypes.renderSetting(type));
}

/** `{"Status":"Success","Message":{"Id":…}}`; with IncludeLeadScore, `Message.LeadScore` [INF key]. */
function createActivity(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const outcome = postActivity(ctx, body, true);
	if (!outcome.ok) return failureAnswer(ctx, outcome);
	const message: Record<string, unknown> = { Id: outcome.activity.ProspectActivityId };
	if (flag(body, 'IncludeLeadScore')) message.LeadScore = outcome.leadScore;
	return jsonAnswer(200, { Status: 'Success', Message: message });
}

/**
 * Up to `activityBulkMaxRows` activities; per-row results `{Response:[{ProspectActivityId, RowNumber,
 * ActivityCreated, ExceptionType?, ExceptionMessage?}]}` [DOC start of the sample; keys CODE]. A failing
 * row does not stop the others.
 */
function bulkAdd(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (!Array.isArray(ctx.body)) return badRequest('Request body must be a JSON array of activities'); // [INF]
	const max = ctx.state.options.activityBulkMaxRows;
	if (ctx.body.length > max) {
		return mxError(ctx, 'MXInvalidInputException', `Number of activities in the request exceeds the maximum limit of ${max}`); // [INF]
	}
	const rows = ctx.body.map((row: unknown, index: number) => {
		const outcome = isObject(row)
			? postActivity(ctx, row, false)
			: ({ ok: false, exceptionType: 'MXInvalidInputException', message: `Row ${index + 1} is not an activity object` } as WriteFailure); // [INF]
		if (outcome.ok) return { ProspectActivityId: outcome.activity.ProspectActivityId, RowNumber: index + 1, ActivityCreated: true };
		return {
			ProspectActivityId: null,
			RowNumber: index + 1,
			ActivityCreated: false,
			ExceptionType: outcome.exceptionType,
			ExceptionMessage: outcome.message,
		};
	});
	return jsonAnswer(200, { Response: rows });
}

/**
 * `CustomActivity/Update` [DOC request]: the note and the given fields of a custom activity change.
 * Answer `{"Status":"Success","Message":{"Id":…,"IsSuccessful":true}}` [INF, as for account activities].
 */
function updateActivity(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { crm } = ctx.state;
	const id = str(body, 'ProspectActivityId').trim();
	const activity = id === '' ? undefined : crm.activities.get(id);
	if (!activity) return mxError(ctx, 'MXUnknownProspectActivityException', 'Activity does not exist.'); // [OBS type, INF message]
	const type = crm.activityTypes.get(activity.ActivityEvent);
	const sentEvent = prop(body, 'ActivityEvent');
	if (!type || (sentEvent !== undefined && sentEvent !== null && sentEvent !== '' && eventCode(sentEvent) !== activity.ActivityEvent)) {
		return failureAnswer(ctx, EVENT_CODE_INVALID);
	}
	const pairs = fieldPairs(prop(body, 'Fields'));
	if (typeof pairs === 'string') return badRequest(pairs);
	const checked = crm.activityTypes.checkFields(type, pairs, { skipDropdownCheck: flag(body, 'ValidateDropDownOptions'), mode: 'update', users: crm.users });
	if (!checked.ok) return mxError(ctx, checked.exceptionType, checked.message);

	const before = { ActivityNote: activity.ActivityNote, ...activity.Fields };
	if (prop(body, 'ActivityNote') !== undefined) activity.ActivityNote = str(body, 'ActivityNote');
	activity.Fields = { ...activity.Fields, ...checked.values };
	activity.ModifiedBy = SANDBOX_USER_ID;
	activity.ModifiedOn = formatDateTime(ctx.now);
	crm.activities.touch(activity);
	emit(ctx, 'activity.updated', activity.RelatedProspectId, activity, diff(before, { ActivityNote: activity.ActivityNote, ...activity.Fields }));
	return jsonAnswer(200, { Status: 'Success', Message: { Id: activity.ProspectActivityId, IsSuccessful: true } });
}
