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
import { bodyObject, diff, emit, fieldPairs, flag, isAnswer, isObject, prop, str, successId } from './crm-common';

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
 * Source: [CODE] `LeadSquared/php-library` and `chatwoot/chatwoot` call it; a bare array of every type [CODE ids
 * 67007166726, 66561925744 read it as an array; id 56037757482 also accepts `{List}`], its entries in the real shape
 * (ActivityEvent, ActivityEventName, EventType, EventDirection, ActivityProperties… [CODE] ids 56037757482,
 * 67007166726 and [live] 63418286132, contract §12.1), rendered by activity-types.ts renderSummary. Opportunity
 * types are included unless `activityTypesIncludeOpportunities` is false [INF: no source lists the catalogue of an
 * account with opportunity types both ways]. The sales activity types are left out unless
 * `salesActivityTypesListed` [INF: no source lists them here].
 */
function activityTypes(ctx: RouteContext): Answer {
	const { crm, options, sales } = ctx.state;
	const listed = crm.activityTypes
		.all()
		.filter((t) => (options.activityTypesIncludeOpportunities || kindOf(t) !== 'opportunity') && (options.salesActivityTypesListed || !sales.isSaleCode(t.code)));
	return jsonAnswer(200, listed.map((t) => crm.activityTypes.renderSummary(t, options.activityTypeSystemEventType)));
}

/**
 * Source: [live] id 68483312883 (called with the plain numeric code, answered the type's fields) and [CODE]
 * id 56037757482; the setting object is rendered by activity-types.ts. A code that is not an activity type:
 * the event-code error [INF for this endpoint].
 */
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

/**
 * Source: [DOC] https://apidocs.leadsquared.com/post-an-activity-to-lead/ (and, by e-mail address,
 * https://apidocs.leadsquared.com/post-activity-with-lead-email-address/) → `{"Status":"Success","Message":
 * {"Id":…}}` ([CODE] `chatwoot/chatwoot` activity_client.rb); with IncludeLeadScore, `Message.LeadScore` [INF key].
 */
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
 * Source: [DOC] https://apidocs.leadsquared.com/post-bulk-activities-on-leads (up to 25 activities, shown as
 * `activityBulkMaxRows`); per-row results `{Response:[{ProspectActivityId, RowNumber, ActivityCreated, ExceptionType?,
 * ExceptionMessage?}]}` [DOC start of the sample; keys CODE id 70701181602], or with answerForms.activityBulk
 * 'count' only `{"Status":"Success","Message":{"Count":<rows created>}}` ([CODE] id 70701181602 accepts that
 * form; that it counts the rows created, and answers Success with Count 0 when none was, is [INF]). A failing
 * row does not stop the others [INF: the per-row ActivityCreated of the sample implies it].
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
	if (ctx.state.options.answerForms.activityBulk === 'count') {
		return jsonAnswer(200, { Status: 'Success', Message: { Count: rows.filter((row) => row.ActivityCreated).length } });
	}
	return jsonAnswer(200, { Response: rows });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-activity/ : the note and the given fields of a custom
 * activity change; "custom activities only" [DOC], so a system activity (a sales activity, Opportunity Captured,
 * …) answers the event-code error [INF answer]. Answer `{"Status":"Success","Message":{"Id":…}}` as in the
 * documented sample [DOC] (the Id there differs from the activity's; the sandbox answers the activity's [INF]).
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
	if (!type || kindOf(type) !== 'custom' || (sentEvent !== undefined && sentEvent !== null && sentEvent !== '' && eventCode(sentEvent) !== activity.ActivityEvent)) {
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
	return successId(activity.ProspectActivityId);
}
