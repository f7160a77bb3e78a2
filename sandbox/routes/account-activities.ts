/**
 * Account activity endpoints (leadsquared-api-more.md §2.7): `CompanyActivity.svc/Create`, `Update` and
 * `Retrieve?companyId=`. An account activity's type belongs to the account's type (companies.ts); its
 * fields are checked like a custom activity's (activity-types.ts).
 */
import { randomUUID } from 'node:crypto';
import type { StoredCompanyActivity } from '../crm-extra-types';
import { eventCode } from '../activity-types';
import { jsonAnswer, type Answer } from '../http';
import { SANDBOX_USER_ID } from '../user';
import { formatDateTime } from '../values';
import { EVENT_CODE_INVALID, failureAnswer } from './activity-write';
import { badRequest, mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, dateWindow, fieldPairs, flag, int, isAnswer, prop, slice, stamp, str, successId, tieKeys, type Obj } from './crm-common';

const CA = '/v2/CompanyActivity.svc/';

export const ACCOUNT_ACTIVITY_ROUTES: Route[] = [
	{ name: 'CompanyActivity.Create', method: 'POST', path: `${CA}Create`, bucket: 'normal', handle: createAccountActivity },
	{ name: 'CompanyActivity.Update', method: 'POST', path: `${CA}Update`, bucket: 'normal', handle: updateAccountActivity },
	{ name: 'CompanyActivity.Retrieve', method: 'POST', path: `${CA}Retrieve`, bucket: 'normal', handle: retrieveAccountActivities },
];

/**
 * Source: [DOC] https://apidocs.leadsquared.com/post-an-activity-on-an-account/ : `{RelatedCompanyId, ActivityEvent,
 * ActivityNote, Fields:[{SchemaName, Value}]}` → `{"Status":"Success","Message":{"Id"}}`. An unknown account →
 * MXInvalidEntityException, a code that is not an activity type of the account's type → the event-code error,
 * ActivityDateTime optional (default now), Owner defaults to the API user [INF].
 */
function createAccountActivity(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { companies, crm } = ctx.state;
	const companyId = str(body, 'RelatedCompanyId').trim();
	if (companyId === '') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: RelatedCompanyId'); // [INF]
	const company = companies.companies.get(companyId);
	if (!company) return mxError(ctx, 'MXInvalidEntityException', 'Company does not exist'); // [INF]
	const code = eventCode(prop(body, 'ActivityEvent'));
	const type = code === undefined ? undefined : companies.activityType(company, code);
	if (!type) return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF] for account activities
	const rawDate = str(body, 'ActivityDateTime');
	const date = rawDate.trim() === '' ? formatDateTime(ctx.now) : stamp(rawDate);
	if (!date) return mxError(ctx, 'MXInvalidInputException', `Invalid ActivityDateTime '${rawDate}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF]
	const pairs = fieldPairs(prop(body, 'Fields'));
	if (typeof pairs === 'string') return badRequest(pairs);
	const registry = companies.typeOf(company)?.activityTypes;
	const checked = registry?.checkFields(type, pairs, { skipDropdownCheck: flag(body, 'ValidateDropDownOptions'), mode: 'create', users: crm.users });
	if (!checked || !checked.ok) return mxError(ctx, checked?.exceptionType ?? 'MXInvalidActivityFieldsException', checked?.message ?? ''); // [INF] messages of activity-types.ts
	const now = formatDateTime(ctx.now);
	const activity: StoredCompanyActivity = {
		CompanyActivityId: randomUUID(),
		RelatedCompanyId: company.CompanyId,
		ActivityEvent: type.code,
		ActivityNote: str(body, 'ActivityNote'),
		ActivityDateTime: date,
		Fields: { Owner: SANDBOX_USER_ID, ...checked.values },
		CreatedBy: SANDBOX_USER_ID,
		CreatedOn: now,
		ModifiedBy: SANDBOX_USER_ID,
		ModifiedOn: now,
	};
	companies.activities.add(activity);
	return successId(activity.CompanyActivityId);
}

/**
 * Source: [DOC] http://apidocs.leadsquared.com/update-an-account-activity/ : `{CompanyActivityId, ActivityNote, Fields}` →
 * `{"Status":"Success","Message":{"Id","IsSuccessful":true}}`. Only what is sent changes; an unknown id →
 * MXInvalidEntityException [INF].
 */
function updateAccountActivity(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { companies, crm } = ctx.state;
	const activity = companies.activities.get(str(body, 'CompanyActivityId'));
	const company = activity ? companies.companies.get(activity.RelatedCompanyId) : undefined;
	const type = activity && company ? companies.activityType(company, activity.ActivityEvent) : undefined;
	if (!activity || !company || !type) return mxError(ctx, 'MXInvalidEntityException', 'Account activity does not exist'); // [INF]
	const pairs = fieldPairs(prop(body, 'Fields'));
	if (typeof pairs === 'string') return badRequest(pairs);
	const checked = companies.typeOf(company)?.activityTypes.checkFields(type, pairs, { skipDropdownCheck: flag(body, 'ValidateDropDownOptions'), mode: 'update', users: crm.users });
	if (!checked || !checked.ok) return mxError(ctx, checked?.exceptionType ?? 'MXInvalidActivityFieldsException', checked?.message ?? ''); // [INF] messages of activity-types.ts
	if (prop(body, 'ActivityNote') !== undefined) activity.ActivityNote = str(body, 'ActivityNote');
	activity.Fields = { ...activity.Fields, ...checked.values };
	activity.ModifiedBy = SANDBOX_USER_ID;
	activity.ModifiedOn = formatDateTime(ctx.now);
	companies.activities.touch(activity);
	return jsonAnswer(200, { Status: 'Success', Message: { Id: activity.CompanyActivityId, IsSuccessful: true } });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-account-activities-by-account-id/ : `?companyId=` with
 * `{Parameter:{FromDate, ToDate}, Paging:{PageIndex, PageSize}}` → `{RecordCount, CompanyActivities:[…]}`. The window is
 * on ActivityDateTime, both ends inclusive and optional; newest first, ties the later posted first (or shuffled,
 * `unstableTieOrder`); PageSize default
 * 100, at most `activityMaxPageSize`; an unknown account has none [INF, as for lead activities].
 */
function retrieveAccountActivities(ctx: RouteContext): Answer {
	const companyId = requiredParam(ctx, 'companyId');
	if (typeof companyId !== 'string') return companyId;
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const { companies, options } = ctx.state;
	const window = dateWindow(child(body, 'Parameter'));
	if ('bad' in window) return mxError(ctx, 'MXInvalidInputException', `Invalid Input! Parameter Name: ${window.bad}`); // [INF]
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', 100)) || 100;
	if (pageSize > options.activityMaxPageSize) return mxError(ctx, 'MXInvalidInputException', `PageSize can not be more than ${options.activityMaxPageSize}`); // [INF] as for lead activities
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const lower = companyId.toLowerCase();
	const found = companies.activities.filter(
		(a) => a.RelatedCompanyId.toLowerCase() === lower && (!window.from || a.ActivityDateTime >= window.from) && (!window.to || a.ActivityDateTime <= window.to),
	);
	const ties = tieKeys(found, (a) => -companies.activities.createdSeq(a), options.unstableTieOrder);
	found.sort((a, b) => (a.ActivityDateTime === b.ActivityDateTime ? (ties.get(a) ?? 0) - (ties.get(b) ?? 0) : a.ActivityDateTime < b.ActivityDateTime ? 1 : -1));
	return jsonAnswer(200, { RecordCount: found.length, CompanyActivities: slice(found, (pageIndex - 1) * pageSize, pageSize).map((a) => renderAccountActivity(ctx, a)) });
}

/** A row of Retrieve [DOC sample keys]; ActivityType 2 as in the sample; ActivityFields the stored values [DOC: an object]. */
function renderAccountActivity(ctx: RouteContext, activity: StoredCompanyActivity): Obj {
	const { companies, crm } = ctx.state;
	const company = companies.companies.get(activity.RelatedCompanyId);
	const type = company ? companies.activityType(company, activity.ActivityEvent) : undefined;
	return {
		CompanyActivityId: activity.CompanyActivityId,
		RelatedCompanyId: activity.RelatedCompanyId,
		ActivityEvent: activity.ActivityEvent,
		ActivityNote: activity.ActivityNote,
		ActivityDateTime: activity.ActivityDateTime,
		ActivityType: 2,
		CreatedByName: crm.users.nameOf(activity.CreatedBy),
		ActivityDisplayName: type?.name ?? '',
		CreatedOn: activity.CreatedOn,
		ModifiedOn: activity.ModifiedOn,
		CreatedBy: activity.CreatedBy,
		ModifiedBy: activity.ModifiedBy,
		ModifiedByName: crm.users.nameOf(activity.ModifiedBy),
		ActivityFields: { ...activity.Fields },
	};
}
