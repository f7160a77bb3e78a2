/**
 * n8n's webhook lifecycle for the LeadSquared Trigger:
 * - checkExists: the webhooks kept in static data are still in LeadSquared (Webhook.svc/Retrieve), with
 *   this node's URL, their event, enabled, carrying the current secret, and fit the node's settings. A
 *   webhook LeadSquared disabled after failed deliveries (StatusCode 2) counts as missing.
 * - create: removes what is left of earlier registrations (the stored webhooks and any other webhook on
 *   this URL), reads the account's lead field types, generates a new secret and registers one webhook per
 *   event; when one Create fails, the webhooks created so far are deleted again.
 * - delete: deletes the stored webhooks; one LeadSquared no longer has counts as deleted.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError, randomString } from 'n8n-workflow';

import { LeadSquaredError } from '../helpers/errors';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';
import { fetchLeadFields } from '../transport/leadFields';
import { createWebhook, deleteWebhook, retrieveWebhooks } from '../transport/webhooks';
import { eventByKey } from './events';
import type { TriggerEvent } from './events';
import { registrationAdvice, toTriggerError } from './errors';
import { compactKinds } from './fieldKinds';
import type { CompactKind } from './fieldKinds';
import {
	createBody,
	planWebhooks,
	rowProblem,
	SECRET_LENGTH,
	settingsSignature,
	stageFallback,
	webhookDescription,
} from './registration';
import type { StoredWebhook, TriggerSettings, WebhookSpec } from './registration';
import { clearState, readSettings, readState, writeState } from './settings';

/**
 * A new secret: letters and digits from the CSPRNG (n8n-workflow's randomString draws from
 * crypto.getRandomValues on every n8n line; generateSecureToken is missing from n8n 1.x).
 */
export function newSecret(): string {
	return randomString(SECRET_LENGTH);
}

/** Activation should not hang on rate limits or retries for minutes. */
const HOOK_SETTINGS = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 30_000, maxRetries: 2, timeoutMs: 20_000 };

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

function plan(context: IHookFunctions): { settings: TriggerSettings; specs: WebhookSpec[] } {
	const settings = readSettings(context);
	try {
		return { settings, specs: planWebhooks(settings) };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error); // a SettingsError: names the setting
		throw new NodeOperationError(context.getNode(), message);
	}
}

/** What to do about a refused webhook call (an administrator's keys, an activity type, fewer events). */
function adviceFor(error: unknown): string | undefined {
	return error instanceof LeadSquaredError ? registrationAdvice(error.failure) : undefined;
}

async function connect(context: IHookFunctions): Promise<LeadSquaredClient> {
	try {
		return await LeadSquaredClient.connect(context, HOOK_SETTINGS);
	} catch (error) {
		throw toTriggerError(context.getNode(), error);
	}
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const state = readState(data);
	const url = webhookUrl(this);
	const { settings, specs } = plan(this);
	const { secret } = state;
	if (secret === undefined || state.url !== url || state.signature !== settingsSignature(specs, settings)) return false;
	if (state.webhooks.length !== specs.length) return false;
	const client = await connect(this);
	const rows = await retrieve(this, client, [secret]);
	for (const hook of state.webhooks) {
		const row = rows.find((candidate) => String(candidate.WebhookId ?? '').toLowerCase() === hook.id.toLowerCase());
		const problem = rowProblem(row, hook, url, secret);
		if (problem !== undefined) {
			this.logger.info(`LeadSquared Trigger: webhook ${hook.id} (${hook.event}) is ${problem}; registering the webhooks again`);
			return false;
		}
	}
	return true;
}

/** The account's webhooks; a failure becomes the trigger's error, with `secrets` removed from it. */
async function retrieve(context: IHookFunctions, client: LeadSquaredClient, secrets: readonly string[]): Promise<Array<Record<string, unknown>>> {
	try {
		return await retrieveWebhooks(client);
	} catch (error) {
		throw toTriggerError(context.getNode(), error, secrets, adviceFor(error));
	}
}

/** Deletes webhooks, logging (not throwing) what fails; says which are left and the last failure. */
async function deleteQuietly<T extends { id: string; event?: string }>(
	context: IHookFunctions,
	client: LeadSquaredClient,
	hooks: readonly T[],
): Promise<{ left: T[]; lastError: unknown }> {
	const left: T[] = [];
	let lastError: unknown;
	for (const hook of hooks) {
		try {
			await deleteWebhook(client, hook.id);
		} catch (error) {
			lastError = error;
			left.push(hook);
			const message = error instanceof Error ? error.message : String(error);
			context.logger.warn(`LeadSquared Trigger: could not delete the webhook ${hook.id}${hook.event ? ` (${hook.event})` : ''}: ${message}`);
		}
	}
	return { left, lastError };
}

/** The account's lead field types for typing deliveries; none (text values stay text) when they cannot be read. */
async function fieldKinds(context: IHookFunctions, client: LeadSquaredClient): Promise<CompactKind[]> {
	try {
		return compactKinds(await fetchLeadFields(client));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		context.logger.warn(`LeadSquared Trigger: could not read the lead field types (${message}); values the types would convert stay as LeadSquared sends them`);
		return [];
	}
}

async function register(client: LeadSquaredClient, spec: WebhookSpec, body: Record<string, unknown>): Promise<StoredWebhook> {
	return { id: await createWebhook(client, body), event: spec.event, code: spec.code };
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const state = readState(data);
	const url = webhookUrl(this);
	const { settings, specs } = plan(this);
	const client = await connect(this);

	// what earlier registrations left: the stored webhooks and any other webhook on this node's URL
	const rows = await retrieve(this, client, state.secret ? [state.secret] : []);
	const stale = new Set(state.webhooks.map((hook) => hook.id.toLowerCase()));
	const leftovers = rows
		.filter((row) => stale.has(String(row.WebhookId ?? '').toLowerCase()) || String(row.URL ?? '').trim() === url)
		.map((row) => ({ id: String(row.WebhookId) }));
	await deleteQuietly(this, client, leftovers);
	clearState(data);

	const kinds = await fieldKinds(this, client);
	const secret = newSecret();
	const workflowName = this.getWorkflow().name;
	const created: StoredWebhook[] = [];
	for (const spec of specs) {
		const event = eventByKey(spec.event) as TriggerEvent; // planWebhooks took known events only
		const description = webhookDescription(workflowName, event);
		try {
			created.push(await register(client, spec, createBody(spec, settings, url, secret, description)));
		} catch (error) {
			let failure = error;
			const refused = error instanceof LeadSquaredError && error.failure.kind === 'business';
			if (spec.event === 'lead.stageChanged' && refused) {
				const fallback = stageFallback(spec);
				this.logger.info('LeadSquared Trigger: LeadSquared refused a stage change webhook; watching ProspectStage with a lead field update webhook instead');
				try {
					created.push(await register(client, fallback, createBody(fallback, settings, url, secret, description)));
					continue;
				} catch (second) {
					failure = second;
				}
			}
			await deleteQuietly(
				this,
				client,
				created.map((hook) => ({ id: hook.id })),
			);
			throw toTriggerError(this.getNode(), failure, [secret], sentencesFor(event.name, adviceFor(failure)));
		}
	}
	writeState(data, { secret, webhooks: created, url, signature: settingsSignature(specs, settings), fieldKinds: kinds });
	return true;
}

function sentencesFor(eventName: string, advice: string | undefined): string {
	const what = `LeadSquared did not register the webhook for "${eventName}"; the trigger registered none`;
	return advice ? `${what}. ${advice}` : what;
}

export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const state = readState(data);
	if (state.webhooks.length === 0) {
		clearState(data);
		return true;
	}
	const client = await connect(this);
	const { left, lastError } = await deleteQuietly(this, client, state.webhooks);
	if (left.length === 0) {
		clearState(data);
		return true;
	}
	writeState(data, { ...state, webhooks: left });
	throw toTriggerError(
		this.getNode(),
		lastError,
		state.secret ? [state.secret] : [],
		`${left.length} LeadSquared webhook(s) could not be deleted; delete them in LeadSquared (My Account → Settings → API and Webhooks → Webhooks) if they remain`,
	);
}
