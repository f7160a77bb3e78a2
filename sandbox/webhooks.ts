/**
 * The webhook registry (§11.2): the webhooks registered through Webhook.svc, their StatusCode
 * (0 enabled, 1 disabled by hand, 2 disabled after failed deliveries) and failure count, and the
 * rows of `Webhook.svc/Retrieve`.
 */
import { randomUUID } from 'node:crypto';
import { eventByCode } from './webhook-events';
import type { SandboxWebhook, WebhookContentType, WebhookStatusCode, WebhookStatusReading } from './webhook-types';
import { formatDateTime } from './values';

/** What a Create or Update body sets (validated, see webhook-input.ts). */
export interface WebhookValues {
	Description: string;
	URL: string;
	Method: string;
	ContentType: WebhookContentType;
	WebhookEvent: number;
	ActivityEvent: number | undefined;
	IsSpecificLandingPage: boolean;
	LandingPageUrls: string[];
	NotifyOnFailure: boolean;
	WebhookProperties: string | null;
	CustomHeaders: Array<{ Key: string; Value: string }>;
	/** Lead field update (26) / opportunity field update (33): the fields watched; undefined = any field. */
	watchedFields: string[] | undefined;
}

export interface StoredWebhook extends WebhookValues {
	WebhookId: string;
	StatusCode: WebhookStatusCode;
	CreatedOn: string;
	ModifiedOn: string;
	CreatedBy: string;
	consecutiveFailures: number;
	/** Creation order; breaks ties of sorting. */
	seq: number;
}

export class WebhookRegistry {
	private items: StoredWebhook[] = [];
	private seq = 0;

	clear(): void {
		this.items = [];
		this.seq = 0;
	}

	count(): number {
		return this.items.length;
	}

	add(values: WebhookValues, now: number, createdBy: string): StoredWebhook {
		const stamp = formatDateTime(now);
		const hook: StoredWebhook = {
			...values,
			WebhookId: randomUUID(),
			StatusCode: 0,
			CreatedOn: stamp,
			ModifiedOn: stamp,
			CreatedBy: createdBy,
			consecutiveFailures: 0,
			seq: ++this.seq,
		};
		this.items.push(hook);
		return hook;
	}

	get(id: string): StoredWebhook | undefined {
		const lower = id.trim().toLowerCase();
		return lower === '' ? undefined : this.items.find((h) => h.WebhookId.toLowerCase() === lower);
	}

	update(hook: StoredWebhook, values: WebhookValues, now: number): void {
		Object.assign(hook, values, { ModifiedOn: formatDateTime(now) });
	}

	remove(id: string): StoredWebhook | undefined {
		const hook = this.get(id);
		if (hook) this.items = this.items.filter((h) => h !== hook);
		return hook;
	}

	/** The live webhooks, creation order. */
	all(): StoredWebhook[] {
		return [...this.items];
	}

	/** Whether the webhook is still registered (not deleted, not replaced by a reset). */
	holds(hook: StoredWebhook): boolean {
		return this.items.includes(hook);
	}

	/** The enabled webhooks of an event code. */
	enabledFor(code: number): StoredWebhook[] {
		return this.items.filter((h) => h.StatusCode === 0 && h.WebhookEvent === code);
	}

	/** Sets the StatusCode; enabling clears the failure count. */
	setStatus(hook: StoredWebhook, status: WebhookStatusCode, now: number): void {
		hook.StatusCode = status;
		hook.ModifiedOn = formatDateTime(now);
		if (status === 0) hook.consecutiveFailures = 0;
	}

	snapshot(): SandboxWebhook[] {
		return this.items.map((h) => ({
			WebhookId: h.WebhookId,
			Description: h.Description,
			URL: h.URL,
			Method: h.Method,
			ContentType: h.ContentType,
			WebhookEvent: h.WebhookEvent,
			ActivityEvent: h.ActivityEvent,
			IsSpecificLandingPage: h.IsSpecificLandingPage,
			LandingPageUrls: [...h.LandingPageUrls],
			NotifyOnFailure: h.NotifyOnFailure,
			WebhookProperties: h.WebhookProperties,
			CustomHeaders: h.CustomHeaders.map((c) => ({ ...c })),
			StatusCode: h.StatusCode,
			CreatedOn: h.CreatedOn,
			ModifiedOn: h.ModifiedOn,
			consecutiveFailures: h.consecutiveFailures,
		}));
	}
}

/** The StatusCode Retrieve answers for a status as kept (see WebhookStatusReading for both readings' sources). */
export function answeredStatus(status: WebhookStatusCode, reading: WebhookStatusReading): number {
	if (reading === 'current') return status;
	return status === 0 ? 1 : 0; // legacy: 1 enabled, 0 disabled (by hand or [INF] after failures)
}

/** The statuses as kept that a Retrieve StatusCode filter selects; undefined when the reading has no such code. */
export function statusesFiltered(code: number, reading: WebhookStatusReading): WebhookStatusCode[] | undefined {
	if (reading === 'current') return code === 0 || code === 1 || code === 2 ? [code] : undefined;
	if (code === 1) return [0];
	return code === 0 ? [1, 2] : undefined;
}

/**
 * A row of `Webhook.svc/Retrieve`: WebhookId, EventName, EventCode, Description, URL [DOC]
 * https://apidocs.leadsquared.com/retrieve-a-webhook/ ; the
 * other keys [INF] echo what Create takes, with StatusCode (in the account's reading) and the dates.
 */
export function renderWebhook(hook: StoredWebhook, reading: WebhookStatusReading): Record<string, unknown> {
	const event = eventByCode(hook.WebhookEvent);
	return {
		WebhookId: hook.WebhookId,
		EventName: event?.displayName ?? '',
		EventCode: event?.name ?? String(hook.WebhookEvent),
		Description: hook.Description,
		URL: hook.URL,
		Method: hook.Method,
		ContentType: hook.ContentType,
		WebhookEvent: String(hook.WebhookEvent),
		ActivityEvent: hook.ActivityEvent === undefined ? null : String(hook.ActivityEvent),
		IsSpecificLandingPage: hook.IsSpecificLandingPage,
		LandingPageUrls: hook.LandingPageUrls.length > 0 ? [...hook.LandingPageUrls] : null,
		NotifyOnFailure: hook.NotifyOnFailure,
		WebhookProperties: hook.WebhookProperties,
		CustomHeaders: hook.CustomHeaders.map((c) => ({ ...c })),
		StatusCode: answeredStatus(hook.StatusCode, reading),
		CreatedBy: hook.CreatedBy,
		CreatedOn: hook.CreatedOn,
		ModifiedOn: hook.ModifiedOn,
	};
}
