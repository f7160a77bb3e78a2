/**
 * Option defaults and their resolution (start-up and `configure()`).
 */
import { defaultAnswerForms, mergeAnswerForms, type AnswerForms } from './answer-forms';
import { crmExtraDefaults, mergeCrmExtraOptions, type CrmExtraOptions } from './crm-extra-options';
import { crmDefaults, mergeCrmOptions, type CrmOptions } from './crm-options';
import { defaultFields } from './fields';
import { listSearchDefaults, mergeListSearchOptions, type ListSearchOptions } from './list-search-options';
import { resolveRateLimit, type ResolvedRateLimit } from './rate-limit';
import type { FieldDefinition, RequestLogEntry, SandboxOptions } from './types';
import { mergeWebhookOptions, webhookDefaults, type WebhookOptions } from './webhook-options';

export const DEFAULT_ACCESS_KEY = 'u$r-sandbox-access-key-0001';
export const DEFAULT_SECRET_KEY = 'sandbox-secret-key-0002';
export const DEFAULT_ACCOUNT_HOST = 'api-us11.leadsquared.com';

const DEFAULT_RATE: ResolvedRateLimit = { calls: 25, windowMs: 5000, answer: 429, countRejected: false };
const DEFAULT_BULK_RATE: ResolvedRateLimit = { calls: 5, windowMs: 5000, answer: 429, countRejected: false };

export interface ResolvedOptions extends ListSearchOptions, CrmOptions, CrmExtraOptions, WebhookOptions {
	port: number;
	accessKey: string;
	secretKey: string;
	accountHost: string;
	/** undefined = same as accountHost. */
	servedHost: string | undefined;
	fields: FieldDefinition[];
	mandatoryFields: string[];
	leads: Array<Record<string, string>>;
	rateLimit: ResolvedRateLimit;
	bulkRateLimit: ResolvedRateLimit;
	mxErrorStatus: 500 | 200;
	defaultMatchKeys: string[];
	onMultipleMatches: 'mostRecent' | 'error';
	latencyMs: number;
	strictProspectIdSearchBy: boolean;
	wrongRegionNamesHost: boolean;
	bulkMaxRows: number;
	maxLogEntries: number;
	onRequest: ((entry: RequestLogEntry) => void) | undefined;
	/** The form of each answer the sources disagree on (answer-forms.ts). */
	answerForms: AnswerForms;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
	return mergeOptions(
		{
			port: 0,
			accessKey: DEFAULT_ACCESS_KEY,
			secretKey: DEFAULT_SECRET_KEY,
			accountHost: DEFAULT_ACCOUNT_HOST,
			servedHost: undefined,
			fields: defaultFields(),
			mandatoryFields: ['LastName'],
			leads: [],
			rateLimit: { ...DEFAULT_RATE },
			bulkRateLimit: { ...DEFAULT_BULK_RATE },
			mxErrorStatus: 500,
			defaultMatchKeys: ['EmailAddress', 'Phone'],
			onMultipleMatches: 'mostRecent',
			latencyMs: 0,
			strictProspectIdSearchBy: true,
			wrongRegionNamesHost: false,
			bulkMaxRows: 25,
			maxLogEntries: Infinity,
			onRequest: undefined,
			answerForms: defaultAnswerForms(),
			...listSearchDefaults(),
			...crmDefaults(),
			...crmExtraDefaults(),
			...webhookDefaults(),
		},
		options,
	);
}

/** `current` with the keys present in `partial` replaced; a key given as undefined goes back to its default. */
export function mergeOptions(current: ResolvedOptions, partial: Partial<SandboxOptions>): ResolvedOptions {
	const next: ResolvedOptions = { ...current };
	const has = (key: keyof SandboxOptions): boolean => Object.prototype.hasOwnProperty.call(partial, key);
	if (has('port')) next.port = partial.port ?? 0;
	if (has('accessKey')) next.accessKey = partial.accessKey ?? DEFAULT_ACCESS_KEY;
	if (has('secretKey')) next.secretKey = partial.secretKey ?? DEFAULT_SECRET_KEY;
	if (has('accountHost')) next.accountHost = partial.accountHost ?? DEFAULT_ACCOUNT_HOST;
	if (has('servedHost')) next.servedHost = partial.servedHost;
	if (has('fields')) next.fields = partial.fields ? structuredClone(partial.fields) : defaultFields();
	if (has('mandatoryFields')) next.mandatoryFields = [...(partial.mandatoryFields ?? ['LastName'])];
	if (has('leads')) next.leads = structuredClone(partial.leads ?? []);
	if (has('rateLimit')) next.rateLimit = resolveRateLimit(partial.rateLimit, DEFAULT_RATE);
	if (has('bulkRateLimit')) next.bulkRateLimit = resolveRateLimit(partial.bulkRateLimit, DEFAULT_BULK_RATE);
	if (has('mxErrorStatus')) next.mxErrorStatus = partial.mxErrorStatus ?? 500;
	if (has('defaultMatchKeys')) next.defaultMatchKeys = [...(partial.defaultMatchKeys ?? ['EmailAddress', 'Phone'])];
	if (has('onMultipleMatches')) next.onMultipleMatches = partial.onMultipleMatches ?? 'mostRecent';
	if (has('latencyMs')) next.latencyMs = partial.latencyMs ?? 0;
	if (has('strictProspectIdSearchBy')) next.strictProspectIdSearchBy = partial.strictProspectIdSearchBy ?? true;
	if (has('wrongRegionNamesHost')) next.wrongRegionNamesHost = partial.wrongRegionNamesHost ?? false;
	if (has('bulkMaxRows')) next.bulkMaxRows = partial.bulkMaxRows ?? 25;
	if (has('maxLogEntries')) next.maxLogEntries = partial.maxLogEntries ?? Infinity;
	if (has('onRequest')) next.onRequest = partial.onRequest;
	if (has('answerForms')) next.answerForms = mergeAnswerForms(current.answerForms, partial.answerForms);
	mergeListSearchOptions(next, partial);
	mergeCrmOptions(next, partial);
	mergeCrmExtraOptions(next, partial);
	mergeWebhookOptions(next, partial);
	return next;
}

export function effectiveServedHost(options: ResolvedOptions): string {
	return options.servedHost ?? options.accountHost;
}
