/**
 * What the LeadSquared Trigger registers: one LeadSquared webhook per chosen event, all pointing at the
 * node's webhook URL, each carrying two custom headers: the secret generated at registration (LeadSquared
 * signs nothing, so the secret is how the node knows a call comes from LeadSquared) and the event (a
 * delivery's body does not say which event it is). Also: the Create bodies, and whether a Retrieve row
 * is still the webhook the node registered. Pure: no n8n imports (the secret itself is made in lifecycle.ts).
 */
import { LEAD_FIELD_UPDATE_CODE, codeOfRow, eventByKey, STAGE_FIELD } from './events';
import type { TriggerEvent } from './events';

/** The custom header carrying the secret generated at registration. */
export const GUARD_HEADER = 'X-N8n-LeadSquared-Secret';
/** The custom header naming the event (a delivery's body does not say). */
export const EVENT_HEADER = 'X-N8n-LeadSquared-Event';

export const CONTENT_TYPES = {
	json: 'application/json',
	form: 'application/x-www-form-urlencoded',
	text: 'text/plain',
} as const;
export type ContentTypeOption = keyof typeof CONTENT_TYPES;

/** The secret's length: 64 letters and digits (about 380 bits). */
export const SECRET_LENGTH = 64;

/** Whether a header value is the secret; the comparison takes the same time wherever the two differ. */
export function secretMatches(expected: unknown, given: unknown): boolean {
	const raw = Array.isArray(given) ? given[0] : given;
	if (typeof expected !== 'string' || expected.length < 32 || typeof raw !== 'string') return false;
	const value = raw.trim();
	if (value.length !== expected.length) return false;
	let difference = 0;
	for (let index = 0; index < expected.length; index++) difference |= expected.charCodeAt(index) ^ value.charCodeAt(index);
	return difference === 0;
}

/** The node's settings that shape the webhooks. */
export interface TriggerSettings {
	events: string[];
	/** Activity events: one activity type (code), or none for every type. */
	activityType?: number;
	/** Opportunity events: one opportunity type (code), or none for every type. */
	opportunityType?: number;
	/** Lead Field Updated: the fields to watch (empty: any field). */
	watchFields: string[];
	/** Landing Page Submitted: only these pages (empty: every page). */
	landingPageUrls: string[];
	contentType: ContentTypeOption;
	notifyOnFailure: boolean;
}

/** One webhook to register. */
export interface WebhookSpec {
	event: string;
	code: number;
	activityEvent?: number;
	properties?: Record<string, unknown>;
	landingPageUrls: string[];
}

export class SettingsError extends Error {}

/** The webhooks the settings call for, one per event, in the order of the events list. */
export function planWebhooks(settings: TriggerSettings): WebhookSpec[] {
	const events = [...new Set(settings.events)].map((key) => {
		const event = eventByKey(key);
		if (!event) throw new SettingsError(`Unknown event '${key}'`);
		return event;
	});
	if (events.length === 0) throw new SettingsError('Choose at least one event under Events');
	return events.map((event): WebhookSpec => {
		const spec: WebhookSpec = { event: event.key, code: event.code, landingPageUrls: [] };
		if (event.family === 'activity' && settings.activityType !== undefined) spec.activityEvent = settings.activityType;
		if (event.family === 'opportunity' && settings.opportunityType !== undefined) spec.activityEvent = settings.opportunityType;
		if (event.key === 'lead.fieldUpdated' && settings.watchFields.length > 0) spec.properties = { FieldName: settings.watchFields.join(',') };
		if (event.family === 'landingPage') spec.landingPageUrls = settings.landingPageUrls;
		return spec;
	});
}

/**
 * LeadSquared may refuse to create a stage change webhook through the API [OBS]: the same change is then
 * watched with a lead field update webhook on ProspectStage (the node keeps only stage changes).
 */
export function stageFallback(spec: WebhookSpec): WebhookSpec {
	return { ...spec, code: LEAD_FIELD_UPDATE_CODE, properties: { FieldName: STAGE_FIELD } };
}

/** A short, stable text of the settings, kept with the webhooks to see when they no longer fit. */
export function settingsSignature(specs: readonly WebhookSpec[], settings: TriggerSettings): string {
	return JSON.stringify([specs.map((spec) => [spec.event, spec.activityEvent ?? null, spec.properties ?? null, spec.landingPageUrls]), settings.contentType, settings.notifyOnFailure]);
}

/** The documented Create body [DOC create-a-webhook], the secret and the event as custom headers. */
export function createBody(spec: WebhookSpec, settings: TriggerSettings, url: string, secret: string, description: string): Record<string, unknown> {
	const body: Record<string, unknown> = {
		Description: description,
		URL: url,
		Method: 'POST',
		ContentType: CONTENT_TYPES[settings.contentType],
		WebhookEvent: String(spec.code),
		IsSpecificLandingPage: spec.landingPageUrls.length > 0,
		NotifyOnFailure: settings.notifyOnFailure,
		WebhookProperties: spec.properties ? JSON.stringify(spec.properties) : null,
		CustomHeaders: [
			{ Key: GUARD_HEADER, Value: secret },
			{ Key: EVENT_HEADER, Value: spec.event },
		],
	};
	if (spec.landingPageUrls.length > 0) body.LandingPageUrls = spec.landingPageUrls;
	// an activity webhook names its type at the top level: LeadSquared ignores it inside WebhookProperties [OBS]
	if (spec.activityEvent !== undefined) body.ActivityEvent = String(spec.activityEvent);
	return body;
}

/** The description LeadSquared shows for the webhook (Settings → API and Webhooks → Webhooks). */
export function webhookDescription(workflowName: string | undefined, event: TriggerEvent): string {
	const name = (workflowName ?? '').trim() || 'workflow';
	return `n8n: ${name.length > 120 ? `${name.slice(0, 119)}…` : name} (${event.name})`;
}

/** A webhook the node registered, as kept in its static data. */
export interface StoredWebhook {
	id: string;
	event: string;
	code: number;
}

/**
 * A webhook's own on/off flag, where a Retrieve row has one (`IsEnabled`, `Enabled`, `IsActive`, any casing;
 * true/false, "true"/"false" or 1/0). No public source shows such a key on Retrieve rows [INF]: read when there.
 */
export function enabledFlag(row: Record<string, unknown>): boolean | undefined {
	for (const [key, value] of Object.entries(row)) {
		if (!/^(is)?(enabled|active)$/i.test(key)) continue;
		const text = String(value).trim().toLowerCase();
		if (value === true || text === 'true' || text === '1') return true;
		if (value === false || text === 'false' || text === '0') return false;
	}
	return undefined;
}

/** The row's StatusCode as a whole number; undefined when it has none. */
function statusCode(row: Record<string, unknown>): number | undefined {
	const raw = row.StatusCode;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * StatusCode 2: "disabled due to failures and retries maxed out" [DOC retrieve-a-webhook, newer version]. The older
 * version of the page knows only 0 and 1, so 2 means this under either reading.
 */
const FAILED_STATUS = 2;

/**
 * The StatusCode LeadSquared shows for the node's webhooks right after it registered them: the account's code for
 * "enabled", seen rather than guessed (the two versions of the Retrieve page disagree: newer 0 = enabled, 1 =
 * disabled by hand; older 0 = disabled, 1 = enabled). Undefined unless every row is there, all carry the same
 * StatusCode other than 2, and none says it is off.
 */
export function enabledStatusOf(rows: ReadonlyArray<Record<string, unknown>>, ids: readonly string[]): number | undefined {
	const statuses = new Set<number | undefined>();
	for (const id of ids) {
		const row = rows.find((candidate) => String(candidate.WebhookId ?? '').toLowerCase() === id.toLowerCase());
		if (!row || enabledFlag(row) === false) return undefined;
		statuses.add(statusCode(row));
	}
	const [status] = [...statuses];
	return statuses.size === 1 && status !== undefined && status !== FAILED_STATUS ? status : undefined;
}

/**
 * Why a row's state says the webhook is off; undefined when nothing unambiguous does. In this order: the row's own
 * enabled flag; StatusCode 2 (disabled after failed deliveries, under either reading); a StatusCode other than the
 * one the webhooks had right after registration (`enabledStatus`: disabled by hand, under either reading). A
 * StatusCode of 0 or 1 alone decides nothing: under one reading of LeadSquared's docs it is enabled, under the other
 * disabled, and treating a healthy webhook as disabled would delete and register it again on every activation.
 */
function stateProblem(row: Record<string, unknown>, enabledStatus: number | undefined): string | undefined {
	const flag = enabledFlag(row);
	if (flag !== undefined) return flag ? undefined : 'disabled';
	const status = statusCode(row);
	if (status === FAILED_STATUS) return 'disabled by LeadSquared after failed deliveries';
	if (status !== undefined && enabledStatus !== undefined && status !== enabledStatus) return `disabled (StatusCode ${status}, ${enabledStatus} when registered)`;
	return undefined;
}

/**
 * Why a Retrieve row is not (or no longer) the registered webhook; undefined when it is: there, on this URL, for
 * its event, not off (see stateProblem), and carrying the current secret (where the row shows its headers).
 */
export function rowProblem(
	row: Record<string, unknown> | undefined,
	stored: StoredWebhook,
	url: string,
	secret: string,
	enabledStatus?: number,
): string | undefined {
	if (!row) return 'missing';
	if (String(row.URL ?? '').trim() !== url) return 'points elsewhere';
	if (codeOfRow(row) !== stored.code) return 'another event';
	const state = stateProblem(row, enabledStatus);
	if (state !== undefined) return state;
	const headers = Array.isArray(row.CustomHeaders) ? (row.CustomHeaders as Array<Record<string, unknown>>) : undefined;
	if (headers) {
		const header = headers.find((entry) => String(entry?.Key ?? '').toLowerCase() === GUARD_HEADER.toLowerCase());
		if (!header || !secretMatches(secret, header.Value)) return 'without the current secret';
	}
	return undefined;
}
