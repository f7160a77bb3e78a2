/**
 * The asynchronous deletes (leadsquared-api-more.md §4.2, §4.3): `Task.svc/DeleteTasks` (bulk; there is
 * no single-task delete) and `ProspectActivity.svc/DeleteActivities` (every activity of the listed types
 * on one lead; there is no delete by activity id). Both answer at once and delete later, through the job
 * queue (job-queue.ts): after `queuedDeletionDelayMs`, or when `sb.runQueuedJobs()` is called.
 */
import { eventCode, kindOf } from '../activity-types';
import { jsonAnswer, type Answer } from '../http';
import { EVENT_CODE_INVALID, failureAnswer } from './activity-write';
import { mxError, type Route, type RouteContext } from './common';
import { bodyObject, dateWindow, isAnswer, prop, str, type Obj } from './crm-common';

export const QUEUED_DELETION_ROUTES: Route[] = [
	{ name: 'Task.DeleteTasks', method: 'POST', path: '/v2/Task.svc/DeleteTasks', bucket: 'normal', handle: deleteTasks },
	{ name: 'DeleteActivities', method: 'POST', path: '/v2/ProspectActivity.svc/DeleteActivities', bucket: 'normal', handle: deleteActivities },
];

/** [DOC] https://apidocs.leadsquared.com/delete-tasks-in-bulk/ : "Maximum of 5,000 tasks can be sent in one request". */
const MAX_TASK_IDS = 5000;

/** The StatusWebhookURL ('' when absent), or the MX error for one that is not an http(s) URL [INF]. */
function statusUrl(ctx: RouteContext, body: Obj): string | Answer {
	const url = str(body, 'StatusWebhookURL').trim();
	if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) return mxError(ctx, 'MXInvalidInputException', `Invalid StatusWebhookURL '${url}'`); // [INF]
	return url;
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/delete-tasks-in-bulk/ : `{TaskIds:[…] (≤ 5000), StatusWebhookURL}` →
 * `{"Status":"Success","Operation":"Bulk Delete Tasks","TasksCount","DeletedTasksCount","FailureReason":null}`; "performed
 * asynchronously; the webhook will be invoked when … completed" [DOC]. TasksCount = ids sent, DeletedTasksCount = the
 * ids of existing tasks, queued for deletion; the same object (with the count really deleted) is POSTed to the
 * StatusWebhookURL when done [INF].
 */
function deleteTasks(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const raw = prop(body, 'TaskIds');
	if (!Array.isArray(raw) || raw.length === 0 || raw.some((id) => typeof id !== 'string')) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: TaskIds'); // [INF]
	if (raw.length > MAX_TASK_IDS) return mxError(ctx, 'MXInvalidInputException', `Maximum of ${MAX_TASK_IDS} tasks can be sent in one request`); // [DOC] limit, [INF] message
	const url = statusUrl(ctx, body);
	if (typeof url !== 'string') return url;
	const { crm, queue } = ctx.state;
	const ids = [...new Set((raw as string[]).map((id) => id.trim().toLowerCase()))];
	const queued = ids.filter((id) => crm.tasks.get(id) !== undefined);
	const summary = (deleted: number): Obj => ({ Status: 'Success', Operation: 'Bulk Delete Tasks', TasksCount: raw.length, DeletedTasksCount: deleted, FailureReason: null });
	queue.enqueue(
		{
			kind: 'deleteTasks',
			statusWebhookUrl: url,
			run: () => {
				const deleted = crm.tasks.removeWhere((t) => queued.includes(t.UserTaskId.toLowerCase())).map((t) => t.UserTaskId);
				return { deletedIds: deleted, status: summary(deleted.length) };
			},
		},
		ctx.now,
	);
	return jsonAnswer(200, summary(queued.length));
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/delete-activities/ : `{ProspectId, ActivityEventList:["163"], FromDate, ToDate,
 * StatusWebhookURL}` → `{"Status":"Success","Message":{"Message":"Your request for delete activities has been queued."}}`;
 * custom activities only [DOC]: another code → the event-code error [INF]. The window (both ends inclusive, either
 * optional) is on ActivityDateTime [INF]. The status POSTed when done: `{Status, Operation:"Delete Activities",
 * ProspectId, DeletedActivitiesCount, FailureReason:null}` [INF: no source shows it].
 */
function deleteActivities(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { store, crm, queue } = ctx.state;
	const leadId = str(body, 'ProspectId').trim();
	if (leadId === '') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: ProspectId'); // [INF]
	const lead = store.byId(leadId);
	if (!lead) return mxError(ctx, 'MXInvalidEntityException', 'Lead does not exist in the system'); // [INF]
	const list = prop(body, 'ActivityEventList');
	if (!Array.isArray(list) || list.length === 0) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: ActivityEventList'); // [INF]
	const codes: number[] = [];
	for (const raw of list) {
		const code = eventCode(raw);
		const type = code === undefined ? undefined : crm.activityTypes.get(code);
		if (!type || kindOf(type) !== 'custom') return failureAnswer(ctx, EVENT_CODE_INVALID); // [INF] for system and unknown codes
		codes.push(type.code);
	}
	const window = dateWindow(body);
	if ('bad' in window) return mxError(ctx, 'MXInvalidInputException', `Invalid Input! Parameter Name: ${window.bad}`); // [INF]
	const url = statusUrl(ctx, body);
	if (typeof url !== 'string') return url;
	const prospectId = String(lead.ProspectID);
	queue.enqueue(
		{
			kind: 'deleteActivities',
			statusWebhookUrl: url,
			run: () => {
				const deleted = crm.activities
					.removeWhere(
						(a) =>
							a.RelatedProspectId === prospectId &&
							codes.includes(a.ActivityEvent) &&
							(!window.from || a.ActivityDateTime >= window.from) &&
							(!window.to || a.ActivityDateTime <= window.to),
					)
					.map((a) => a.ProspectActivityId);
				return { deletedIds: deleted, status: { Status: 'Success', Operation: 'Delete Activities', ProspectId: prospectId, DeletedActivitiesCount: deleted.length, FailureReason: null } };
			},
		},
		ctx.now,
	);
	return jsonAnswer(200, { Status: 'Success', Message: { Message: 'Your request for delete activities has been queued.' } });
}
