/**
 * Public types of the sandbox's webhooks (§11.2 of the contract): the options, a registered webhook
 * as `sb.webhooks()` returns it, a delivery of the log (`sb.deliveries()`), and the control methods
 * the Sandbox object adds. Re-exported from `sandbox/index.ts`.
 */

/**
 * StatusCode of a webhook as the sandbox keeps it (`sb.webhooks()`, `sb.setWebhookStatus()`), in the reading of
 * the current "Retrieve a Webhook" page [DOC]: 0 enabled, 1 disabled by hand, 2 disabled after failed
 * deliveries. What `Webhook.svc/Retrieve` answers follows `webhookStatusCodes`.
 */
export type WebhookStatusCode = 0 | 1 | 2;

/**
 * How `Webhook.svc/Retrieve` numbers StatusCode (rows and the filter); two stored versions of the page disagree:
 * - 'current' [DOC apidocs.leadsquared.com/retrieve-a-webhook/, newer version]: 0 enabled, 1 disabled by hand,
 *   2 disabled after failures and retries;
 * - 'legacy' [DOC the same page, older version]: 0 disabled, 1 enabled. That page knows no 2: a webhook disabled
 *   after failures answers 0 there [INF], and a StatusCode filter of 2 is refused [INF].
 */
export type WebhookStatusReading = 'current' | 'legacy';

export type WebhookContentType = 'application/json' | 'application/x-www-form-urlencoded' | 'text/plain';

/** The options of webhooks and lead polling (all optional; see sandbox/README.md). */
export interface WebhookSandboxOptions {
	/** [3P] Most webhooks an account may hold (Pro 3, Super 30); default Infinity. More → MXInvalidInputException [INF]. */
	webhookLimit?: number;
	/** [OBS] Create/Update of an activity webhook (events 2, 15) needs `ActivityEvent` at the top level of the body; default true. */
	webhookRequireTopLevelActivityEvent?: boolean;
	/** [OBS] WebhookProperties given as a JSON object (not a string of JSON): 'reject' (400, default) or 'accept'. */
	webhookPropertiesObject?: 'reject' | 'accept';
	/** [OBS] false: Create of a lead stage change webhook (event 5) fails as one account saw; default true. */
	webhookStageChangeCreatable?: boolean;
	/** [OBS] Most custom headers per webhook; default 10. */
	webhookMaxCustomHeaders?: number;
	/** [DOC, two versions] How Retrieve numbers StatusCode: 'current' (default; 0 enabled, 1 disabled by hand, 2 after failures) or 'legacy' (0 disabled, 1 enabled). */
	webhookStatusCodes?: WebhookStatusReading;
	/** [INF] Request sent to the URL when a webhook is created or its URL changes: none (default), HEAD, or a POST without a body. A failure disables the webhook (StatusCode 2). */
	webhookVerification?: 'none' | 'head' | 'post';
	/** [INF] A delivery attempt that gets no answer within this time fails; default 5000. */
	webhookTimeoutMs?: number;
	/** [3P] Attempts after the first one when a delivery fails; default 3. */
	webhookRetries?: number;
	/** [INF] Wait between attempts; default 1000. */
	webhookRetryDelayMs?: number;
	/** [OBS] Consecutive failed deliveries (after their retries) that disable a webhook (StatusCode 2); default 10. */
	webhookDisableAfterFailures?: number;
	/** [INF] Answers that count as delivered: any 2xx (default) or only 200. */
	webhookSuccessStatus?: '2xx' | '200';
	/** [OBS] Activity events (2, 15) for one webhook within this window go in one delivery (an array); default 0 = no grouping (LeadSquared: about a minute). */
	webhookActivityBatchMs?: number;
	/** [OBS] An activity delivery's body is an array even when it holds one activity; default true. */
	webhookActivityAsArray?: boolean;
	/** [INF] Deliveries in flight at once, over all webhooks; default 10. */
	webhookConcurrency?: number;
	/** [INF] A lead write that changes nothing also triggers Lead update (6) webhooks; default false. */
	webhookUnchangedLeadUpdates?: boolean;
	/** [INF] Leads.RecentlyModified: 'closed' = FromDate ≤ modified ≤ ToDate (default), 'halfOpen' = FromDate ≤ modified < ToDate. */
	recentlyModifiedRange?: 'closed' | 'halfOpen';
	/** [OBS] Largest PageSize of Leads.RecentlyModified; default 5000. */
	recentlyModifiedMaxPageSize?: number;
}

/** A registered webhook (`sb.webhooks()`), with the sandbox's bookkeeping. */
export interface SandboxWebhook {
	WebhookId: string;
	Description: string;
	URL: string;
	Method: string;
	ContentType: WebhookContentType;
	/** The event code (1 landing page submission … 35 opportunity delete). */
	WebhookEvent: number;
	/** The activity (or opportunity) type the webhook is limited to; undefined = every type. */
	ActivityEvent: number | undefined;
	IsSpecificLandingPage: boolean;
	LandingPageUrls: string[];
	NotifyOnFailure: boolean;
	/** As registered: a string of JSON, or null. */
	WebhookProperties: string | null;
	CustomHeaders: Array<{ Key: string; Value: string }>;
	StatusCode: WebhookStatusCode;
	CreatedOn: string;
	ModifiedOn: string;
	/** Failed deliveries since the last successful one. */
	consecutiveFailures: number;
}

/** One delivery of the log (`sb.deliveries()`): an event's payload POSTed to a webhook, or a verification request. */
export interface WebhookDelivery {
	seq: number;
	webhookId: string;
	url: string;
	method: string;
	kind: 'event' | 'verification';
	/** The WebhookEvent code; 0 for a verification. */
	event: number;
	/** 'Lead_Post_Create', …; 'Verification' for a verification. */
	eventName: string;
	/** The headers sent, lower-case names (custom headers included). */
	headers: Record<string, string>;
	/** The body sent ('' for HEAD and verification). */
	body: string;
	/** The payload before encoding: an object, or an array of grouped activities. */
	payload: unknown;
	/** How many events the delivery carries (grouped activities: more than one). */
	items: number;
	/** 'pending' until done; 'skipped' when the webhook was disabled or deleted before it went out, or close() stopped it. */
	outcome: 'pending' | 'delivered' | 'failed' | 'skipped';
	/** The status of the last answer; null when there was none (timeout, connection error). */
	status: number | null;
	/** The text of the last answer (at most 2000 characters). */
	response: string;
	attempts: number;
	/** The status of every attempt (null: no answer). */
	attemptStatuses: Array<number | null>;
	/** Why the last attempt failed ('timeout', 'ECONNREFUSED', 'status 500', …). */
	error?: string;
	queuedAt: number;
	finishedAt?: number;
}

/** A landing page submission to simulate (event 1). */
export interface LandingPageSubmission {
	/** The page's URL, matched against a webhook's LandingPageUrls when IsSpecificLandingPage is set. */
	pageUrl: string;
	pageName?: string;
	/** An existing lead (ProspectID): its fields are sent, with `fields` on top. */
	leadId?: string;
	/** The submitted form values (schema names). */
	fields?: Record<string, string>;
}

/** The control methods of webhooks, on the Sandbox object. */
export interface SandboxWebhookControls {
	/** Copies of the registered webhooks, in creation order. */
	webhooks(): SandboxWebhook[];
	/** Sets a webhook's StatusCode as the UI would (1 = disabled by hand, 0 = enabled again, which also clears its failure count); false for an unknown id. */
	setWebhookStatus(webhookId: string, statusCode: WebhookStatusCode): boolean;
	/** Copies of the delivery log, in the order deliveries were queued. */
	deliveries(): WebhookDelivery[];
	/** Resolves when no delivery, retry, verification or activity group is pending. */
	deliveriesSettled(): Promise<void>;
	/** Simulates a landing page submission: emits landingPage.submitted and delivers event 1. */
	submitLandingPage(submission: LandingPageSubmission): void;
	/** Simulates a task's reminder (event 8); false for an unknown task. */
	remindTask(taskId: string): boolean;
}
