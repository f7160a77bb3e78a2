/**
 * Validation of the bodies of `Webhook.svc/Create` and `Webhook.svc/Update` (§11.2) into
 * WebhookValues. Keys are read in any casing [INF]. Messages are [INF] unless marked.
 */
import type { ActivityTypeRegistry } from './activity-types';
import type { FieldRegistry } from './fields';
import { eventByCode, toInt } from './webhook-events';
import type { WebhookOptions } from './webhook-options';
import type { WebhookContentType } from './webhook-types';
import type { StoredWebhook, WebhookValues } from './webhooks';

type Obj = Record<string, unknown>;

export interface InputError {
	exceptionType: string;
	message: string;
	/** Answer 400 instead of the MX error status. */
	badRequest?: boolean;
}

export interface InputContext {
	options: WebhookOptions;
	fields: FieldRegistry;
	activityTypes: ActivityTypeRegistry;
}

/** The keys a Create body may carry, canonical spelling. */
const KEYS = [
	'Description',
	'URL',
	'Method',
	'ContentType',
	'WebhookEvent',
	'ActivityEvent',
	'OpportunityEvent',
	'IsSpecificLandingPage',
	'LandingPageUrls',
	'NotifyOnFailure',
	'WebhookProperties',
	'CustomHeaders',
];

const CONTENT_TYPES: Record<string, WebhookContentType> = {
	'application/json': 'application/json',
	json: 'application/json',
	'application/x-www-form-urlencoded': 'application/x-www-form-urlencoded',
	form: 'application/x-www-form-urlencoded',
	'text/plain': 'text/plain',
	text: 'text/plain',
};

/** [INF] Methods a webhook may use (the docs: "always POST"). */
const METHODS = ['POST', 'PUT', 'PATCH'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** [INF] The keys of WebhookProperties that name the watched field(s) of events 26 and 33. */
const FIELD_KEYS = ['FieldName', 'SchemaName', 'Fields', 'LeadField'];

const invalid = (message: string): InputError => ({ exceptionType: 'MXInvalidInputException', message });
const missing = (name: string): InputError => invalid(`Invalid Input! Parameter Name: ${name}`);

export function isInputError(value: unknown): value is InputError {
	return typeof value === 'object' && value !== null && 'exceptionType' in value && 'message' in value;
}

/** A property in any casing [INF]. */
export function pick(obj: Obj, name: string): unknown {
	if (name in obj) return obj[name];
	const lower = name.toLowerCase();
	const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : obj[key];
}

function flag(value: unknown, fallback: boolean): boolean {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'boolean') return value;
	return ['true', '1'].includes(String(value).trim().toLowerCase());
}

/** An Update body laid over the webhook's current values: the keys it gives replace them [INF]. */
export function mergeForUpdate(hook: StoredWebhook, body: Obj): Obj {
	const merged: Obj = {
		Description: hook.Description,
		URL: hook.URL,
		Method: hook.Method,
		ContentType: hook.ContentType,
		WebhookEvent: hook.WebhookEvent,
		ActivityEvent: hook.ActivityEvent,
		IsSpecificLandingPage: hook.IsSpecificLandingPage,
		LandingPageUrls: hook.LandingPageUrls,
		NotifyOnFailure: hook.NotifyOnFailure,
		WebhookProperties: hook.WebhookProperties,
		CustomHeaders: hook.CustomHeaders,
	};
	for (const key of KEYS) {
		const value = pick(body, key);
		if (value !== undefined) merged[key] = value;
	}
	return merged;
}

/** Validates a Create body, or an Update body merged with mergeForUpdate. */
export function readWebhookBody(body: Obj, ctx: InputContext): WebhookValues | InputError {
	const url = pick(body, 'URL');
	if (typeof url !== 'string' || url.trim() === '') return missing('URL');
	if (!isHttpUrl(url.trim())) return invalid(`Invalid URL '${url}'. Pass an http or https URL`); // [INF] message

	const method = String(pick(body, 'Method') ?? 'POST').trim().toUpperCase() || 'POST';
	if (!METHODS.includes(method)) return invalid(`Invalid Method '${method}'. Webhooks are sent with POST`); // [INF] message

	const rawType = String(pick(body, 'ContentType') ?? 'application/json').split(';')[0].trim().toLowerCase() || 'application/json';
	const contentType = CONTENT_TYPES[rawType];
	if (!contentType) return invalid(`Invalid ContentType '${rawType}'. Use application/json, application/x-www-form-urlencoded or text/plain`); // [INF] message

	const rawEvent = pick(body, 'WebhookEvent');
	if (rawEvent === undefined || rawEvent === null || rawEvent === '') return missing('WebhookEvent');
	const event = eventByCode(rawEvent);
	if (!event) return invalid(`Invalid WebhookEvent '${String(rawEvent)}'`); // answered 500 as one repo saw [CODE]

	const rawProperties = pick(body, 'WebhookProperties');
	const properties = readProperties(rawProperties, ctx.options);
	if (isInputError(properties)) return properties;
	// kept as registered: the string given, or an accepted object's JSON text
	const propertiesText = properties === null ? null : typeof rawProperties === 'string' ? rawProperties : JSON.stringify(properties);

	if (event.code === 5 && !ctx.options.webhookStageChangeCreatable) {
		return invalid(properties === null ? 'Webhook Properties is not found' : 'Webhook Properties is not a valid JSON'); // [OBS messages]
	}

	const activityEvent = readActivityEvent(body, properties, event.family, ctx);
	if (isInputError(activityEvent)) return activityEvent;

	let watchedFields: string[] | undefined;
	if (event.code === 26 || event.code === 33) {
		const fields = readWatchedFields(properties, event.code === 26 ? ctx.fields : undefined);
		if (isInputError(fields)) return fields;
		watchedFields = fields;
	}

	const landingPageUrls = readUrls(pick(body, 'LandingPageUrls'));
	const specific = flag(pick(body, 'IsSpecificLandingPage'), false);
	if (event.code === 1 && specific && landingPageUrls.length === 0) return missing('LandingPageUrls');

	const headers = readHeaders(pick(body, 'CustomHeaders'), ctx.options.webhookMaxCustomHeaders);
	if (isInputError(headers)) return headers;

	const description = pick(body, 'Description');
	return {
		Description: description === undefined || description === null ? '' : String(description),
		URL: url.trim(),
		Method: method,
		ContentType: contentType,
		WebhookEvent: event.code,
		ActivityEvent: activityEvent,
		IsSpecificLandingPage: specific,
		LandingPageUrls: landingPageUrls,
		NotifyOnFailure: flag(pick(body, 'NotifyOnFailure'), false),
		WebhookProperties: propertiesText,
		CustomHeaders: headers,
		watchedFields,
	};
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** WebhookProperties: null/absent/'' = none; a string of JSON naming an object [OBS]; an object per `webhookPropertiesObject`. */
function readProperties(raw: unknown, options: WebhookOptions): Obj | null | InputError {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
	if (typeof raw === 'object' && !Array.isArray(raw)) {
		if (options.webhookPropertiesObject === 'reject') {
			return { exceptionType: 'MXInvalidInputException', message: 'WebhookProperties must be a string of JSON, not an object', badRequest: true }; // [OBS: 400, message INF]
		}
		return raw as Obj;
	}
	if (typeof raw !== 'string') return invalid('Webhook Properties is not a valid JSON'); // [OBS message]
	try {
		const parsed: unknown = JSON.parse(raw);
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Obj;
	} catch {
		// answered below
	}
	return invalid('Webhook Properties is not a valid JSON'); // [OBS message]
}

/**
 * The activity type of an activity webhook (2, 15): the top-level ActivityEvent, which LeadSquared
 * reads [OBS], else WebhookProperties.ActivityEvent; an opportunity webhook may name its type the
 * same way or as OpportunityEvent [INF]. Other events ignore it.
 */
function readActivityEvent(body: Obj, properties: Obj | null, family: string, ctx: InputContext): number | undefined | InputError {
	if (family !== 'activity' && family !== 'opportunity') return undefined;
	const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
	let raw = pick(body, 'ActivityEvent');
	if (family === 'opportunity' && !given(raw)) raw = pick(body, 'OpportunityEvent');
	if (family === 'activity' && !given(raw) && ctx.options.webhookRequireTopLevelActivityEvent) {
		return { exceptionType: 'MXInvalidDataTypeException', message: 'You have not passed ActivityEvent.' }; // [OBS]
	}
	if (!given(raw) && properties) raw = pick(properties, 'ActivityEvent') ?? (family === 'opportunity' ? pick(properties, 'OpportunityEvent') : undefined);
	if (!given(raw)) return undefined;
	const code = toInt(raw);
	const type = code === undefined ? undefined : ctx.activityTypes.get(code);
	const wrongKind = type !== undefined && family === 'opportunity' && type.kind !== 'opportunity';
	if (!type || wrongKind) return invalid(`Invalid ActivityEvent '${String(raw)}'`); // an uncatalogued type answers 500 [OBS]
	return type.code;
}

/** The watched field(s) of a field update webhook; unknown lead fields are rejected [INF]. */
function readWatchedFields(properties: Obj | null, leadFields: FieldRegistry | undefined): string[] | undefined | InputError {
	if (!properties) return undefined;
	let raw: unknown;
	for (const key of FIELD_KEYS) {
		raw = pick(properties, key);
		if (raw !== undefined && raw !== null && raw !== '') break;
	}
	const names = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : []).map((n) => n.trim()).filter((n) => n !== '');
	if (names.length === 0) return undefined;
	if (!leadFields) return names;
	const out: string[] = [];
	for (const name of names) {
		const field = leadFields.get(name);
		if (!field) return invalid(`Field '${name}' does not exist`); // [INF] message
		out.push(field.schemaName);
	}
	return out;
}

/** LandingPageUrls: an array, or [INF] a comma- or newline-separated string; null = none. */
function readUrls(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[,\n]/) : [];
	return list.map((u) => u.trim()).filter((u) => u !== '');
}

/** CustomHeaders `[{Key, Value}]` [DOC]; a valid header name, no line breaks, at most `max` [OBS 10]. */
function readHeaders(raw: unknown, max: number): Array<{ Key: string; Value: string }> | InputError {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) return invalid('CustomHeaders must be a list of {Key, Value}'); // [INF] message
	if (raw.length > max) return invalid(`A webhook can have at most ${max} custom headers`); // [INF] message
	const out: Array<{ Key: string; Value: string }> = [];
	for (const item of raw) {
		if (typeof item !== 'object' || item === null || Array.isArray(item)) return invalid('CustomHeaders must be a list of {Key, Value}'); // [INF] message
		const key = String(pick(item as Obj, 'Key') ?? '').trim();
		const rawValue = pick(item as Obj, 'Value');
		const value = rawValue === undefined || rawValue === null ? '' : String(rawValue);
		if (!TOKEN.test(key)) return invalid(`Invalid custom header name '${key}'`); // [INF] message
		if (/[\r\n]/.test(value)) return invalid(`Invalid value of custom header '${key}'`); // [INF] message
		out.push({ Key: key, Value: value });
	}
	return out;
}
