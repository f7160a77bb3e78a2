/**
 * The sandbox's webhooks as a whole: the registry (webhooks.ts), the dispatcher (delivery.ts), and
 * the listener that turns the account's changes (events.ts) into deliveries (webhook-payloads.ts).
 * The Sandbox object's webhook control methods delegate here.
 */
import type { CrmState } from './crm';
import { WebhookDispatcher } from './delivery';
import type { SandboxEvent, SandboxEvents } from './events';
import type { FieldRegistry } from './fields';
import type { LeadStore } from './leads';
import { renderLead } from './leads';
import { EVENT, eventByCode } from './webhook-events';
import type { WebhookOptions } from './webhook-options';
import { candidatesOf, matches, type Candidate } from './webhook-payloads';
import type { LandingPageSubmission, SandboxWebhook, SandboxWebhookControls, WebhookDelivery, WebhookStatusCode } from './webhook-types';
import { WebhookRegistry, type StoredWebhook } from './webhooks';

/** What the service reads from the sandbox's state (read on every use: `configure()` replaces parts of it). */
export interface WebhookHostState {
	options: WebhookOptions;
	fields: FieldRegistry;
	store: LeadStore;
	crm: CrmState;
	events: SandboxEvents;
}

export class WebhookService implements SandboxWebhookControls {
	readonly registry = new WebhookRegistry();
	private readonly dispatcher: WebhookDispatcher;

	constructor(private readonly host: () => WebhookHostState) {
		this.dispatcher = new WebhookDispatcher(this.registry, () => this.host().options);
	}

	/** Delivers the account's changes from now on; returns the unsubscribe function. */
	attach(events: SandboxEvents): () => void {
		return events.on((event) => this.onEvent(event));
	}

	/** After Create, or an Update that moved the URL: the verification request, if the account sends one. */
	registered(hook: StoredWebhook): void {
		const mode = this.host().options.webhookVerification;
		if (mode !== 'none') this.dispatcher.verify(hook, mode === 'head' ? 'HEAD' : 'POST');
	}

	webhooks(): SandboxWebhook[] {
		return this.registry.snapshot();
	}

	setWebhookStatus(webhookId: string, statusCode: WebhookStatusCode): boolean {
		const hook = this.registry.get(webhookId);
		if (!hook) return false;
		this.registry.setStatus(hook, statusCode, Date.now());
		return true;
	}

	deliveries(): WebhookDelivery[] {
		return this.dispatcher.entries();
	}

	deliveriesSettled(): Promise<void> {
		return this.dispatcher.settled();
	}

	/**
	 * A landing page submission [INF payload]: the lead's flat fields (an existing lead's, with the
	 * form values on top), `LandingPageUrl` and `LandingPageName`. Nothing is written to the lead.
	 */
	submitLandingPage(submission: LandingPageSubmission): void {
		const { store, fields, events } = this.host();
		const lead = submission.leadId ? store.byId(submission.leadId) : undefined;
		const data: Record<string, unknown> = {
			...(lead ? renderLead(lead, fields) : {}),
			...(submission.fields ?? {}),
			LandingPageUrl: submission.pageUrl,
			LandingPageName: submission.pageName ?? '',
		};
		const leadId = lead ? String(lead.ProspectID) : undefined;
		events.emit({ type: 'landingPage.submitted', at: Date.now(), leadId, data });
	}

	/** A task's reminder (event 8) carries the task as stored [INF]. */
	remindTask(taskId: string): boolean {
		const task = this.host().crm.tasks.get(taskId);
		if (!task) return false;
		this.dispatch({ code: EVENT.taskReminder, payload: structuredClone(task) as unknown as Record<string, unknown> });
		return true;
	}

	/** Clears the webhooks and the delivery log; pending deliveries are dropped. */
	reset(): void {
		this.dispatcher.reset();
		this.registry.clear();
	}

	/** Stops every delivery, retry, group timer and verification. */
	close(): void {
		this.dispatcher.close();
	}

	private onEvent(event: SandboxEvent): void {
		const { fields, crm, options } = this.host();
		const candidates = candidatesOf(event, { fields, activityTypes: crm.activityTypes, unchangedLeadUpdates: options.webhookUnchangedLeadUpdates });
		for (const candidate of candidates) this.dispatch(candidate);
	}

	private dispatch(candidate: Candidate): void {
		const activity = eventByCode(candidate.code)?.family === 'activity';
		for (const hook of this.registry.enabledFor(candidate.code)) {
			if (matches(hook, candidate)) this.dispatcher.deliver(hook, candidate.code, candidate.payload, activity);
		}
	}
}
