/**
 * Webhook registration (§11.2): `POST Webhook.svc/Create` [DOC], `POST Webhook.svc/Retrieve` [DOC],
 * `POST Webhook.svc/Update` [DOC] and `GET Webhook.svc/Delete?webhookId=` ([CODE]: a POST answers
 * 405). Body validation is in webhook-input.ts, the registry in webhooks.ts.
 */
import { jsonAnswer, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { isSearchError, page, readPaging } from '../search';
import { SANDBOX_USER_ID } from '../user';
import { eventByName, toInt } from '../webhook-events';
import { isInputError, mergeForUpdate, pick, readWebhookBody, type InputContext, type InputError } from '../webhook-input';
import { renderWebhook, statusesFiltered, type StoredWebhook } from '../webhooks';
import type { WebhookStatusReading } from '../webhook-types';
import { badRequest, mxError, requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, isAnswer, isObject, successId } from './crm-common';

const WH = '/v2/Webhook.svc/';

export const WEBHOOK_ROUTES: Route[] = [
	{ name: 'Webhook.Create', method: 'POST', path: `${WH}Create`, bucket: 'normal', handle: createWebhook },
	{ name: 'Webhook.Retrieve', method: 'POST', path: `${WH}Retrieve`, bucket: 'normal', handle: retrieveWebhooks },
	{ name: 'Webhook.Update', method: 'POST', path: `${WH}Update`, bucket: 'normal', handle: updateWebhook },
	{ name: 'Webhook.Delete', method: 'GET', path: `${WH}Delete`, bucket: 'normal', handle: deleteWebhook },
];

/** [INF] The answer for a webhook id that is not registered. */
const NOT_FOUND = 'Webhook does not exist';
/** [INF] The largest (and default) PageSize of Retrieve. */
const RETRIEVE_MAX_PAGE_SIZE = 100;

function inputContext(ctx: RouteContext): InputContext {
	return { options: ctx.state.options, fields: ctx.state.fields, activityTypes: ctx.state.crm.activityTypes };
}

function fail(ctx: RouteContext, error: InputError): Answer {
	return error.badRequest ? badRequest(error.message) : mxError(ctx, error.exceptionType, error.message);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/create-a-webhook/ (the body; validation in webhook-input.ts) → `{"Status":"Success",
 * "Message":{"Id":"<WebhookId>"}}` ([CODE] id 70701181602 reads Message.Id), or with answerForms.webhookCreate
 * 'bareId' `{"Status":"Success","Message":"<WebhookId>"}` (the same client reads that form too).
 */
function createWebhook(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { webhooks, options } = ctx.state;
	const values = readWebhookBody(body, inputContext(ctx));
	if (isInputError(values)) return fail(ctx, values);
	if (webhooks.registry.count() >= options.webhookLimit) {
		return mxError(ctx, 'MXInvalidInputException', `You have reached the maximum number of webhooks (${options.webhookLimit}) allowed for your plan`); // [INF]
	}
	const hook = webhooks.registry.add(values, ctx.now, SANDBOX_USER_ID);
	webhooks.registered(hook);
	if (options.answerForms.webhookCreate === 'bareId') return jsonAnswer(200, { Status: 'Success', Message: hook.WebhookId });
	return successId(hook.WebhookId);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/update-a-webhook/ : `{WebhookId, …the Create keys}`; that the keys
 * given replace the webhook's values and the answer `{"Status":"Success","Message":{"Id"}}` are [INF].
 */
function updateWebhook(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { webhooks } = ctx.state;
	const id = pick(body, 'WebhookId');
	if (typeof id !== 'string' || id.trim() === '') return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: WebhookId'); // [INF]
	const hook = webhooks.registry.get(id);
	if (!hook) return mxError(ctx, 'MXInvalidEntityException', NOT_FOUND);
	const values = readWebhookBody(mergeForUpdate(hook, body), inputContext(ctx));
	if (isInputError(values)) return fail(ctx, values);
	const moved = values.URL !== hook.URL;
	webhooks.registry.update(hook, values, ctx.now);
	if (moved) webhooks.registered(hook);
	return successId(hook.WebhookId);
}

/**
 * Source: [live] id 63252965971 ("Delete is a GET with the id in the query string", a POST answers 405) and
 * [CODE] id 63199550982; no doc page found. `?webhookId=` (any casing) → `{"Status":"Success"}` [INF]. Pending
 * deliveries of the webhook are dropped.
 */
function deleteWebhook(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'webhookId');
	if (typeof id !== 'string') return id;
	if (!ctx.state.webhooks.registry.remove(id)) return mxError(ctx, 'MXInvalidEntityException', NOT_FOUND);
	return jsonAnswer(200, { Status: 'Success' });
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/retrieve-a-webhook/ (StatusCode: two versions of the page
 * disagree, contract §12.2).
 * `{Parameter:{Type, WebhookEvent, StatusCode, WebhookId, SearchText}, Sorting:{ColumnName, Direction},
 * Paging:{PageIndex, PageSize}}` [DOC] → `{RecordCount, Response:[…]}` [DOC]. The filters given
 * (non-empty) must all hold [INF]; WebhookEvent is a Retrieve name (Lead_Post_Create, …) or [INF] a
 * code; SearchText is a case-insensitive part of the description or event name [INF]. Default order:
 * creation [INF]; Direction "1" = descending. StatusCode, in the rows and the filter, in the reading of
 * `webhookStatusCodes` (two versions of the page disagree [DOC], see WebhookStatusReading).
 */
function retrieveWebhooks(ctx: RouteContext): Answer {
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const parameter = pick(body, 'Parameter');
	const filter = isObject(parameter) ? parameter : {};
	const given = (value: unknown): boolean => value !== undefined && value !== null && String(value).trim() !== '';
	const reading = ctx.state.options.webhookStatusCodes;
	let hooks = ctx.state.webhooks.registry.all();

	const type = pick(filter, 'Type');
	if (given(type) && String(type).trim().toLowerCase() !== 'webhook') hooks = []; // Lapps are not modelled
	const rawEvent = pick(filter, 'WebhookEvent');
	if (given(rawEvent)) {
		const event = eventByName(rawEvent);
		if (!event) return mxError(ctx, 'MXInvalidInputException', `Invalid WebhookEvent '${String(rawEvent)}'`); // [INF]
		hooks = hooks.filter((h) => h.WebhookEvent === event.code);
	}
	const rawStatus = pick(filter, 'StatusCode');
	if (given(rawStatus)) {
		const code = toInt(rawStatus);
		const statuses = code === undefined ? undefined : statusesFiltered(code, reading);
		if (!statuses) return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: StatusCode'); // [INF]
		hooks = hooks.filter((h) => statuses.includes(h.StatusCode));
	}
	const id = pick(filter, 'WebhookId');
	if (given(id)) hooks = hooks.filter((h) => h.WebhookId.toLowerCase() === String(id).trim().toLowerCase());
	const text = pick(filter, 'SearchText');
	if (given(text)) {
		const needle = String(text).trim().toLowerCase();
		hooks = hooks.filter((h) => [h.Description, String(renderWebhook(h, reading).EventName)].some((s) => s.toLowerCase().includes(needle)));
	}

	const sorted = sortHooks(hooks, pick(body, 'Sorting'), reading, ctx.state.options.unstableTieOrder);
	if (typeof sorted === 'string') return mxError(ctx, 'MXInvalidInputException', sorted);
	const paging = readPaging(pick(body, 'Paging'), RETRIEVE_MAX_PAGE_SIZE);
	if (isSearchError(paging)) return mxError(ctx, paging.exceptionType, paging.message);
	return jsonAnswer(200, { RecordCount: sorted.length, Response: page(sorted, paging).map((hook) => renderWebhook(hook, reading)) });
}

/** Sorts by a column of the answer rows (any casing) [INF]; ties as `unstableTieOrder` says. A string = the error message. */
function sortHooks(hooks: StoredWebhook[], sorting: unknown, reading: WebhookStatusReading, unstableTies: boolean): StoredWebhook[] | string {
	const spec = isObject(sorting) ? sorting : {};
	const column = pick(spec, 'ColumnName');
	const descending = String(pick(spec, 'Direction') ?? '0').trim() === '1';
	if (typeof column !== 'string' || column.trim() === '') return descending ? [...hooks].reverse() : hooks;
	const sample = renderWebhook(hooks[0] ?? ({ CustomHeaders: [], LandingPageUrls: [] } as unknown as StoredWebhook), reading);
	const key = Object.keys(sample).find((k) => k.toLowerCase() === column.trim().toLowerCase());
	if (!key) return `Invalid Sorting ColumnName '${column}'`; // [INF]
	const rows = hooks.map((hook) => ({ hook, value: String(renderWebhook(hook, reading)[key] ?? '') }));
	const direction = descending ? -1 : 1;
	return sortWithTies(rows, (a, b) => direction * compareText(a.value, b.value), unstableTies, (a, b) => a.hook.seq - b.hook.seq).map((r) => r.hook);
}
