/**
 * The LeadSquared Trigger's parameters as the lifecycle and the webhook read them, and the state it
 * keeps in the node's static data (the registered webhooks, the secret, the field types, the StatusCode
 * they had when registered, and the webhooks it created but could not delete yet).
 */
import type { IDataObject, IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { CONTENT_TYPES } from './registration';
import type { ContentTypeOption, StoredWebhook, TriggerSettings } from './registration';

type Context = IHookFunctions | IWebhookFunctions | IPollFunctions;

/** A type code (a whole number, as a number or text); undefined for anything else. */
export function typeCode(raw: unknown): number | undefined {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^\d+$/.test(text) ? Number(text) : undefined;
}

function list(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[,\n]/) : [];
	return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

export function readSettings(context: Context): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const contentType = typeof options.contentType === 'string' && options.contentType in CONTENT_TYPES ? (options.contentType as ContentTypeOption) : 'json';
	return {
		events: list(context.getNodeParameter('events', [])),
		activityType: typeCode(context.getNodeParameter('activityType', '')),
		opportunityType: typeCode(context.getNodeParameter('opportunityType', '')),
		watchFields: list(context.getNodeParameter('watchFields', [])),
		landingPageUrls: list(context.getNodeParameter('landingPageUrls', '')),
		contentType,
		notifyOnFailure: options.notifyOnFailure !== false,
	};
}

/** Typed Values (on unless the user turned it off). */
export function typedValuesOn(context: Context): boolean {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return options.typedValues !== false;
}

/** A webhook the node created and could not delete yet: deleted on the next activation or deactivation. */
export interface OrphanWebhook {
	id: string;
	event?: string;
}

/** What the trigger keeps in the node's static data while it is active. */
export interface TriggerState {
	secret?: string;
	webhooks: StoredWebhook[];
	url?: string;
	signature?: string;
	fieldKinds?: unknown;
	/** The StatusCode LeadSquared showed for the webhooks right after registering them (the account's "enabled"). */
	enabledStatus?: number;
	/** Webhooks the node created whose Delete failed; kept until a Delete succeeds or LeadSquared no longer has them. */
	orphans: OrphanWebhook[];
}

const STATE_KEYS = ['secret', 'webhooks', 'url', 'signature', 'fieldKinds', 'enabledStatus', 'orphans'];

function readOrphans(raw: unknown): OrphanWebhook[] {
	if (!Array.isArray(raw)) return [];
	return (raw as IDataObject[])
		.filter((hook) => typeof hook?.id === 'string' && hook.id !== '')
		.map((hook) => (typeof hook.event === 'string' ? { id: hook.id as string, event: hook.event } : { id: hook.id as string }));
}

/** Webhooks by id (any casing), the first of each kept. */
export function uniqueHooks<T extends { id: string }>(hooks: readonly T[]): T[] {
	const seen = new Set<string>();
	return hooks.filter((hook) => {
		const key = hook.id.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

export function readState(data: IDataObject): TriggerState {
	const webhooks = Array.isArray(data.webhooks)
		? (data.webhooks as IDataObject[])
				.filter((hook) => typeof hook?.id === 'string' && typeof hook.event === 'string' && typeof hook.code === 'number')
				.map((hook) => ({ id: hook.id as string, event: hook.event as string, code: hook.code as number }))
		: [];
	return {
		secret: typeof data.secret === 'string' ? data.secret : undefined,
		webhooks,
		url: typeof data.url === 'string' ? data.url : undefined,
		signature: typeof data.signature === 'string' ? data.signature : undefined,
		fieldKinds: data.fieldKinds,
		enabledStatus: typeof data.enabledStatus === 'number' ? data.enabledStatus : undefined,
		orphans: readOrphans(data.orphans),
	};
}

export function writeState(data: IDataObject, state: TriggerState): void {
	clearState(data);
	if (state.secret !== undefined) data.secret = state.secret;
	data.webhooks = state.webhooks.map((hook) => ({ ...hook }));
	if (state.url !== undefined) data.url = state.url;
	if (state.signature !== undefined) data.signature = state.signature;
	if (state.fieldKinds !== undefined) data.fieldKinds = state.fieldKinds as IDataObject[];
	if (state.enabledStatus !== undefined) data.enabledStatus = state.enabledStatus;
	writeOrphans(data, state.orphans);
}

function writeOrphans(data: IDataObject, orphans: readonly OrphanWebhook[]): void {
	const unique = uniqueHooks(orphans);
	if (unique.length > 0) data.orphans = unique.map((hook) => ({ ...hook }));
}

/** Keeps only the webhooks still to delete (none: an empty state). */
export function keepOrphans(data: IDataObject, orphans: readonly OrphanWebhook[]): void {
	clearState(data);
	writeOrphans(data, orphans);
}

export function clearState(data: IDataObject): void {
	for (const key of STATE_KEYS) delete data[key];
}
