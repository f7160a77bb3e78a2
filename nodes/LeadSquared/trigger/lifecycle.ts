/**
 * n8n's webhook lifecycle for the LeadSquared Trigger:
 * - checkExists: the webhooks kept in static data are still in LeadSquared (Webhook.svc/Retrieve), with
 *   this node's URL, their event, not switched off, carrying the current secret, and fit the node's
 *   settings. "Switched off" only on unambiguous evidence (registration.ts rowProblem): the failure state
 *   (StatusCode 2), a StatusCode other than the one the webhooks showed right after registration, or the
 *   row's own enabled flag; never StatusCode 0 or 1 alone, which LeadSquared's two versions of the Retrieve
 *   page read oppositely. With the webhooks healthy, those the node could not delete earlier are deleted.
 * - create: removes what is left of earlier registrations (the stored webhooks, those it could not delete,
 *   and any other webhook on this URL), reads the account's lead field types, generates a new secret,
 *   registers one webhook per event and notes the StatusCode they show; when one Create fails, the webhooks
 *   created so far are deleted again.
 * - delete: deletes the stored webhooks and those left from before; one LeadSquared no longer has counts
 *   as deleted.
 * A webhook the node created is never forgotten: one whose Delete fails stays in static data (`orphans`)
 * until a later activation or deactivation deletes it. Every log line is scrubbed of the secrets and the
 * keys (log.ts).
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError, randomString } from 'n8n-workflow';

import { LeadSquaredError } from '../machinery/errors';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';
import { fetchLeadFields } from '../transport/leadFields';
import { createWebhook, deleteWebhook, retrieveWebhooks } from '../transport/webhooks';
import { eventByKey } from './events';
import type { TriggerEvent } from './events';
import { registrationAdvice, toTriggerError } from './errors';
import { compactKinds } from './fieldKinds';
import type { CompactKind } from './fieldKinds';
import { errorText, TriggerLog } from './log';
import {
	createBody,
	enabledStatusOf,
	planWebhooks,
	rowProblem,
	SECRET_LENGTH,
	settingsSignature,
	stageFallback,
	webhookDescription,
} from './registration';
import type { StoredWebhook, TriggerSettings, WebhookSpec } from './registration';
import { clearState, keepOrphans, readSettings, readState, uniqueHooks, writeState } from './settings';
import type { OrphanWebhook } from './settings';

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

/** A client for the hook's calls, and its log hiding the keys and the given secrets. */
async function open(context: IHookFunctions, secrets: Array<string | undefined>): Promise<{ client: LeadSquaredClient; log: TriggerLog }> {
	let client: LeadSquaredClient;
	try {
		client = await LeadSquaredClient.connect(context, HOOK_SETTINGS);
	} catch (error) {
		throw toTriggerError(context.getNode(), error);
	}
	return { client, log: new TriggerLog(context.logger, (text) => client.scrub(text)).hide(...secrets) };
}

type Row = Record<string, unknown>;

function rowOf(rows: readonly Row[], id: string): Row | undefined {
	return rows.find((row) => String(row.WebhookId ?? '').toLowerCase() === id.toLowerCase());
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const state = readState(data);
	const url = webhookUrl(this);
	const { settings, specs } = plan(this);
	const { secret } = state;
	if (secret === undefined || state.url !== url || state.signature !== settingsSignature(specs, settings)) return false;
	if (state.webhooks.length !== specs.length) return false;
	const { client, log } = await open(this, [secret]);
	const rows = await retrieve(this, client, [secret]);
	for (const hook of state.webhooks) {
		const problem = rowProblem(rowOf(rows, hook.id), hook, url, secret, state.enabledStatus);
		if (problem !== undefined) {
			log.info(`LeadSquared Trigger: webhook ${hook.id} (${hook.event}) is ${problem}; registering the webhooks again`);
			return false;
		}
	}
	if (state.orphans.length > 0) {
		// the webhooks are healthy, so create() will not run: delete what earlier Deletes left now (those gone count as deleted)
		const { left } = await deleteQuietly(log, client, state.orphans.filter((hook) => rowOf(rows, hook.id) !== undefined));
		writeState(data, { ...state, orphans: left });
	}
	return true;
}

/** The account's webhooks; a failure becomes the trigger's error, with `secrets` removed from it. */
async function retrieve(context: IHookFunctions, client: LeadSquaredClient, secrets: readonly string[]): Promise<Row[]> {
	try {
		return await retrieveWebhooks(client);
	} catch (error) {
		throw toTriggerError(context.getNode(), error, secrets, adviceFor(error));
	}
}

/** Deletes webhooks, logging (not throwing) what fails; says which are left (to keep) and the last failure. */
async function deleteQuietly(log: TriggerLog, client: LeadSquaredClient, hooks: readonly OrphanWebhook[]): Promise<{ left: OrphanWebhook[]; lastError: unknown }> {
	const left: OrphanWebhook[] = [];
	let lastError: unknown;
	for (const hook of uniqueHooks(hooks)) {
		try {
			await deleteWebhook(client, hook.id);
		} catch (error) {
			lastError = error;
			left.push(hook.event ? { id: hook.id, event: hook.event } : { id: hook.id });
			log.warn(`LeadSquared Trigger: could not delete the webhook ${hook.id}${hook.event ? ` (${hook.event})` : ''}, kept to delete later: ${errorText(error)}`);
		}
	}
	return { left, lastError };
}

/** The account's lead field types for typing deliveries; none (text values stay text) when they cannot be read. */
async function fieldKinds(log: TriggerLog, client: LeadSquaredClient): Promise<CompactKind[]> {
	try {
		return compactKinds(await fetchLeadFields(client));
	} catch (error) {
		log.warn(`LeadSquared Trigger: could not read the lead field types (${errorText(error)}); values the types would convert stay as LeadSquared sends them`);
		return [];
	}
}

/** The StatusCode the new webhooks show (the account's "enabled", see enabledStatusOf); undefined when unreadable. */
async function registeredStatus(log: TriggerLog, client: LeadSquaredClient, created: readonly StoredWebhook[]): Promise<number | undefined> {
	try {
		return enabledStatusOf(await retrieveWebhooks(client), created.map((hook) => hook.id));
	} catch (error) {
		log.warn(`LeadSquared Trigger: could not read the new webhooks back (${errorText(error)}); until the next registration only webhooks LeadSquared disables after failed deliveries are noticed`);
		return undefined;
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
	const { client, log } = await open(this, [state.secret]);

	// what earlier registrations left: the stored webhooks, those not deleted before, and any other webhook on this node's URL
	const rows = await retrieve(this, client, state.secret ? [state.secret] : []);
	const known = new Map([...state.webhooks, ...state.orphans].map((hook) => [hook.id.toLowerCase(), hook.event]));
	const leftovers = rows
		.filter((row) => known.has(String(row.WebhookId ?? '').toLowerCase()) || String(row.URL ?? '').trim() === url)
		.map((row): OrphanWebhook => {
			const id = String(row.WebhookId);
			const event = known.get(id.toLowerCase());
			return event ? { id, event } : { id };
		});
	const { left } = await deleteQuietly(log, client, leftovers);
	keepOrphans(data, left);

	const kinds = await fieldKinds(log, client);
	const secret = newSecret();
	log.hide(secret);
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
				log.info('LeadSquared Trigger: LeadSquared refused a stage change webhook; watching ProspectStage with a lead field update webhook instead');
				try {
					created.push(await register(client, fallback, createBody(fallback, settings, url, secret, description)));
					continue;
				} catch (second) {
					failure = second;
				}
			}
			const cleanup = await deleteQuietly(log, client, created);
			keepOrphans(data, [...left, ...cleanup.left]);
			throw toTriggerError(this.getNode(), failure, [secret], sentencesFor(event.name, adviceFor(failure)));
		}
	}
	const enabledStatus = await registeredStatus(log, client, created);
	writeState(data, { secret, webhooks: created, url, signature: settingsSignature(specs, settings), fieldKinds: kinds, enabledStatus, orphans: left });
	return true;
}

function sentencesFor(eventName: string, advice: string | undefined): string {
	const what = `LeadSquared did not register the webhook for "${eventName}"; the trigger registered none`;
	return advice ? `${what}. ${advice}` : what;
}

export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const state = readState(data);
	const targets = [...state.webhooks, ...state.orphans];
	if (targets.length === 0) {
		clearState(data);
		return true;
	}
	const { client, log } = await open(this, [state.secret]);
	const { left, lastError } = await deleteQuietly(log, client, targets);
	keepOrphans(data, left);
	if (left.length === 0) return true;
	throw toTriggerError(
		this.getNode(),
		lastError,
		state.secret ? [state.secret] : [],
		`${left.length} LeadSquared webhook(s) could not be deleted; the trigger deletes them when the workflow is activated or deactivated again. To remove them now, delete them in LeadSquared (My Account → Settings → API and Webhooks → Webhooks)`,
	);
}
