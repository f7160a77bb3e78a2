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

/** Why a Retrieve row is not (or no longer) the registered webhook; undefined when it is. */
export function rowProblem(row: Record<string, unknown> | undefined, stored: StoredWebhook, url: string, secret: string): string | undefined {
	if (!row) return 'missing';
	if (String(row.URL ?? '').trim() !== url) return 'points elsewhere';
	if (codeOfRow(row) !== stored.code) return 'another event';
	const status = Number(row.StatusCode ?? 0);
	if (status === 2) return 'disabled by LeadSquared after failed deliveries';
	if (status !== 0) return 'disabled';
	const headers = Array.isArray(row.CustomHeaders) ? (row.CustomHeaders as Array<Record<string, unknown>>) : undefined;
	if (headers) {
		const header = headers.find((entry) => String(entry?.Key ?? '').toLowerCase() === GUARD_HEADER.toLowerCase());
		if (!header || !secretMatches(secret, header.Value)) return 'without the current secret';
	}
	return undefined;
}
