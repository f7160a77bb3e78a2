/**
 * The LeadSquared Trigger's parameters as the lifecycle and the webhook read them, and the state it
 * keeps in the node's static data (the registered webhooks, the secret, the field types).
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

/** What the trigger keeps in the node's static data while it is active. */
export interface TriggerState {
	secret?: string;
	webhooks: StoredWebhook[];
	url?: string;
	signature?: string;
	fieldKinds?: unknown;
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
	};
}

export function writeState(data: IDataObject, state: TriggerState): void {
	clearState(data);
	if (state.secret !== undefined) data.secret = state.secret;
	data.webhooks = state.webhooks.map((hook) => ({ ...hook }));
	if (state.url !== undefined) data.url = state.url;
	if (state.signature !== undefined) data.signature = state.signature;
	if (state.fieldKinds !== undefined) data.fieldKinds = state.fieldKinds as IDataObject[];
}

export function clearState(data: IDataObject): void {
	for (const key of ['secret', 'webhooks', 'url', 'signature', 'fieldKinds']) delete data[key];
}
