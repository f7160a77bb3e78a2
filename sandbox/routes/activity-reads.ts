/**
 * Activity reads (§2.8, §11.1): the activities of a lead (`ProspectActivity.svc/Retrieve?leadId=`) and
 * the activities of one type in a date window (`CustomActivity/RetrieveByActivityEvent`).
 */
import { eventCode, kindOf } from '../activity-types';
import type { StoredActivity } from '../crm-types';
import { jsonAnswer, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { EVENT_CODE_INVALID, failureAnswer } from './activity-write';
import { mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, flag, int, isAnswer, prop, slice, stamp, str, type Obj } from './crm-common';

const PA = '/v2/ProspectActivity.svc/';
const DEFAULT_ROW_COUNT = 25;

export const ACTIVITY_READ_ROUTES: Route[] = [
	{ name: 'ProspectActivity.Retrieve', method: 'POST', path: `${PA}Retrieve`, bucket: 'normal', handle: retrieveOfLead },
	{ name: 'CustomActivity/RetrieveByActivityEvent', method: 'POST', path: `${PA}CustomActivity/RetrieveByActivityEvent`, bucket: 'normal', handle: retrieveByEvent },
];

/** `PageSize can not be more than 1000` ([live] ids 68297653413, 68455460439) above `activityMaxPageSize`. */
function pageSizeProblem(ctx: RouteContext, size: number): Answer | undefined {
	const max = ctx.state.options.activityMaxPageSize;
	return size > max ? mxError(ctx, 'MXInvalidInputException', `PageSize can not be more than ${max}`) : undefined; // [live] message
}

/** An optional ActivityEvent filter: undefined = none; null = given but not a known code. */
function eventFilter(ctx: RouteContext, raw: unknown): number | undefined | null {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const code = eventCode(raw);
	return code !== undefined && ctx.state.crm.activityTypes.get(code) ? code : null;
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-activities-of-a-lead/ : `{Parameter:{ActivityEvent},
 * Paging:{Offset, RowCount}}` → `{RecordCount, ProspectActivities}` [DOC]; RowCount 25 by default. Ordered by ActivityDateTime
 * (`leadActivitiesOrder`, newest first by default [INF]); ties as `unstableTieOrder` says. An unknown lead has no
 * activities [INF].
 */
function retrieveOfLead(ctx: RouteContext): Answer {
	const leadId = requiredParam(ctx, 'leadId');
	if (typeof leadId !== 'string') return leadId;
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const event = eventFilter(ctx, prop(child(body, 'Parameter'), 'ActivityEvent'));
	if (event === null) return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF] for a read
	const paging = child(body, 'Paging');
	const rowCount = Math.max(0, int(paging, 'RowCount', DEFAULT_ROW_COUNT)) || DEFAULT_ROW_COUNT;
	const tooBig = pageSizeProblem(ctx, rowCount);
	if (tooBig) return tooBig;
	const offsetValue = Math.max(0, int(paging, 'Offset', 0));
	// [INF] "the page number" in the docs, Offset 0 in their example: rows to skip, a page from 1 (0 = 1), or a page from 0.
	const reading = ctx.state.options.activityRetrieveOffset;
	const offset = reading === 'pages' ? (Math.max(1, offsetValue) - 1) * rowCount : reading === 'pagesFromZero' ? offsetValue * rowCount : offsetValue;

	const { crm } = ctx.state;
	const lower = leadId.toLowerCase();
	const found = crm.activities.filter((a) => a.RelatedProspectId.toLowerCase() === lower && (event === undefined || a.ActivityEvent === event));
	const direction = ctx.state.options.leadActivitiesOrder === 'newestFirst' ? -1 : 1;
	const seq = (a: StoredActivity): number => crm.activities.createdSeq(a);
	sortWithTies(found, (a, b) => direction * compareText(a.ActivityDateTime, b.ActivityDateTime), ctx.state.options.unstableTieOrder, (a, b) => direction * (seq(a) - seq(b)));
	return jsonAnswer(200, { RecordCount: found.length, ProspectActivities: slice(found, offset, rowCount).map((a) => renderOfLead(ctx, a)) });
}

/** A row of Retrieve [DOC sample keys]; `Data` holds the note and the non-empty field values as `{Key, Value}` [INF shape]. */
function renderOfLead(ctx: RouteContext, activity: StoredActivity): Obj {
	const type = ctx.state.crm.activityTypes.get(activity.ActivityEvent);
	const data = [{ Key: 'ActivityEvent_Note', Value: activity.ActivityNote }, ...Object.entries(activity.Fields).map(([Key, Value]) => ({ Key, Value }))];
	return {
		Id: activity.ProspectActivityId,
		EventCode: activity.ActivityEvent,
		EventName: type?.name ?? '',
		ActivityScore: type?.score ?? 0,
		CreatedOn: activity.ActivityDateTime,
		ActivityType: type && kindOf(type) === 'system' ? 3 : 2,
		IsEmailType: false,
		Type: type?.direction === 1 ? 'Outbound' : 'Inbound',
		SessionId: activity.ProspectActivityId,
		TrackLocation: 0,
		Latitude: null,
		Longitude: null,
		ModifiedOn: activity.ModifiedOn,
		Data: data.filter((d) => d.Value !== ''),
	};
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/bulk-retrieve-activities-by-activity-event/ ; [CODE] id 67162514356
 * pages it by PageIndex/PageSize and reads List and RecordCount; [live] id 68297653413 (the 1,000-row cap).
 * `{RecordCount, List}` [DOC] (§11.1): activities of one type whose ModifiedOn (or CreatedOn, when
 * Sorting.ColumnName is CreatedOn [INF]) lies within FromDate..ToDate, both inclusive [INF], whole UTC
 * seconds [INF, as Leads.RecentlyModified]; a ToDate in the future is accepted [INF].
 * Order: Sorting.ColumnName ModifiedOn (the default [DOC]) or CreatedOn; Direction 1 = newest first,
 * 0 (default [INF]) = oldest first. Rows that tie on that date come back in a new order on every call
 * under `unstableTieOrder` [live] (§12.4), else in write order. ColumnName ProspectActivityId sorts by
 * the activity's id, a unique order [INF] (§12.4 names it as the safe order; no source shows LeadSquared
 * accepting it). PageSize above `activityMaxPageSize` → `PageSize can not be more than 1000` [live].
 */
function retrieveByEvent(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const parameter = child(body, 'Parameter');
	const event = eventFilter(ctx, prop(parameter, 'ActivityEvent'));
	if (event === undefined || event === null) return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF]
	const from = stamp(str(parameter, 'FromDate'), true);
	if (!from) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: FromDate'); // [INF]
	const to = stamp(str(parameter, 'ToDate'), true);
	if (!to) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: ToDate'); // [INF]
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', DEFAULT_ROW_COUNT)) || DEFAULT_ROW_COUNT;
	const tooBig = pageSizeProblem(ctx, pageSize);
	if (tooBig) return tooBig;
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const sorting = child(body, 'Sorting');
	const column = str(sorting, 'ColumnName').replace(/\s+/g, '').toLowerCase();
	const byCreated = column === 'createdon';
	const byId = column === 'prospectactivityid';
	const descending = int(sorting, 'Direction', 0) === 1;

	const { crm, options } = ctx.state;
	const dateOf = (a: StoredActivity): string => (byCreated ? a.CreatedOn : a.ModifiedOn);
	const seq = (a: StoredActivity): number => (byCreated ? crm.activities.createdSeq(a) : crm.activities.modifiedSeq(a));
	const key = (a: StoredActivity): string => (byId ? a.ProspectActivityId.toLowerCase() : dateOf(a));
	const found = crm.activities.filter((a) => a.ActivityEvent === event && dateOf(a) >= from && dateOf(a) <= to);
	const direction = descending ? -1 : 1;
	sortWithTies(found, (a, b) => direction * compareText(key(a), key(b)), options.unstableTieOrder, (a, b) => direction * (seq(a) - seq(b)));
	const removeEmpty = flag(parameter, 'RemoveEmptyValue');
	const page = slice(found, (pageIndex - 1) * pageSize, pageSize).map((a) => renderFlat(ctx, a, removeEmpty));
	return jsonAnswer(200, { RecordCount: found.length, List: page });
}

/** A flat row of string values [DOC sample keys]; empty fields are null, or left out with RemoveEmptyValue. */
function renderFlat(ctx: RouteContext, activity: StoredActivity, removeEmpty: boolean): Obj {
	const { crm } = ctx.state;
	const type = crm.activityTypes.get(activity.ActivityEvent);
	const row: Obj = {
		ProspectActivityId: activity.ProspectActivityId,
		RelatedProspectId: activity.RelatedProspectId,
		ActivityType: type && kindOf(type) === 'system' ? '3' : '2',
		ActivityEvent: String(activity.ActivityEvent),
		ActivityEvent_Note: activity.ActivityNote,
		ActivityDateTime: activity.ActivityDateTime,
	};
	const fieldNames = new Set([...(type ? crm.activityTypes.fieldsOf(type).map((f) => f.schemaName) : []), ...Object.keys(activity.Fields)]);
	for (const name of fieldNames) row[name] = activity.Fields[name] ?? '';
	Object.assign(row, {
		CreatedOn: activity.CreatedOn,
		CreatedBy: activity.CreatedBy,
		CreatedByName: crm.users.nameOf(activity.CreatedBy),
		CreatedByEmailAddress: crm.users.byId(activity.CreatedBy)?.emailAddress ?? '',
		ModifiedOn: activity.ModifiedOn,
		ModifiedBy: activity.ModifiedBy,
		ModifiedByName: crm.users.nameOf(activity.ModifiedBy),
	});
	for (const [key, value] of Object.entries(row)) {
		if (value !== '') continue;
		if (removeEmpty) delete row[key];
		else row[key] = null;
	}
	return row;
}
