/**
 * What every endpoint module shares: the route and context types, the sandbox's state, and the
 * answers LeadSquared gives for bad input (MX envelopes, 400s, missing parameters).
 */
import type { SandboxEvents } from '../events';
import type { CompanyDirectory } from '../companies';
import type { CrmState } from '../crm';
import type { FieldRegistry } from '../fields';
import { isJsonContentType, jsonAnswer, mxEnvelope, queryParam, type Answer } from '../http';
import type { LeadStore } from '../leads';
import type { JobQueue } from '../job-queue';
import type { ListStore } from '../lists';
import type { ResolvedOptions } from '../options';
import type { Outbox } from '../outbox';
import type { SalesCatalog } from '../sales';
import type { AutomationLogEntry } from '../types';
import type { WebhookService } from '../webhook-service';

export interface SandboxState {
	options: ResolvedOptions;
	fields: FieldRegistry;
	store: LeadStore;
	automation: AutomationLogEntry[];
	/** Changes in the account, for listeners (cascades, webhooks). See events.ts. */
	events: SandboxEvents;
	/** The account's lead lists (see lists.ts). */
	lists: ListStore;
	/** Activities, tasks, opportunities, notes, and the types and users they use (see crm.ts). */
	crm: CrmState;
	/** Registered webhooks and their deliveries (see webhook-service.ts). */
	webhooks: WebhookService;
	/** Accounts (companies) and account activities (see companies.ts). */
	companies: CompanyDirectory;
	/** Sales activity settings, products and cancellations (see sales.ts); the sales activities are in crm.activities. */
	sales: SalesCatalog;
	/** E-mails SendEmailToLead accepted (see outbox.ts). */
	outbox: Outbox;
	/** Queued deletions (see job-queue.ts). */
	queue: JobQueue;
}

export interface RouteContext {
	state: SandboxState;
	endpoint: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody: string;
	/** Parsed JSON body; undefined when absent or not JSON (see bodyIsJson). */
	body: unknown;
	bodyIsJson: boolean;
	/** Arrival time. */
	now: number;
}

export interface Route {
	/** Canonical endpoint name, e.g. 'Lead.CreateOrUpdate'. */
	name: string;
	method: 'GET' | 'POST';
	/** Full path as documented. */
	path: string;
	bucket: 'normal' | 'bulk';
	/** Answers even when servedHost differs from accountHost. */
	anyRegion?: boolean;
	/** A lead write (records postUpdatedLead). */
	write?: boolean;
	handle(ctx: RouteContext): Answer;
}

export function postUpdatedLeadFlag(query: Record<string, string>): boolean {
	return (queryParam(query, 'postUpdatedLead') ?? '').trim().toLowerCase() === 'true';
}

/** A business error: the MX envelope with the account's MX error status (500 by default, 200 seen live). */
export function mxError(ctx: RouteContext, exceptionType: string, message: string): Answer {
	return jsonAnswer(ctx.state.options.mxErrorStatus, mxEnvelope(exceptionType, message));
}

/** [INF] 400 body: the MX envelope with MXInvalidInputException. */
export function badRequest(message: string): Answer {
	return jsonAnswer(400, mxEnvelope('MXInvalidInputException', message));
}

export function requireJsonBody(ctx: RouteContext): Answer | undefined {
	// [DOC] every page: 400 when the content type is not application/json or the body is not as specified; the texts are [INF].
	if (!isJsonContentType(ctx.headers)) return badRequest('Content-Type must be application/json');
	if (!ctx.bodyIsJson) return badRequest('Request body is not valid JSON'); // [INF] message
	return undefined;
}

/** [INF] message for a missing query parameter, modelled on "Invalid Input! Parameter Name: activity". */
export function requiredParam(ctx: RouteContext, name: string): string | Answer {
	const value = queryParam(ctx.query, name);
	if (value === undefined || value.trim() === '') return mxError(ctx, 'MXInvalidInputException', `Invalid Input! Parameter Name: ${name}`); // [INF] modelled on the [CODE] fixture "Invalid Input! Parameter Name: activity"
	return value.trim();
}
