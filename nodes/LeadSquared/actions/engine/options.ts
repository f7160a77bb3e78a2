/**
 * The options every operation shares (how calls are paced, retried and timed out), with the checks n8n's
 * own form does not make when a value comes from an expression: each must be a number in its range, and
 * counts are whole numbers. A bad value fails every item with a message naming the option and the value,
 * before anything is sent.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { describeValue } from '../../values/values';
import { DEFAULT_SETTINGS } from '../../transport';
import type { TransportSettings } from '../../transport';

export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 20;

interface NumberRule {
	name: string;
	label: string;
	min: number;
	max?: number;
	/** Counts: fractions are rounded down (1.5 calls per 5 s means 1). */
	whole: boolean;
	fallback: number;
}

/** Reads a numeric option: a number or numeric text; missing = the default; anything else is refused. */
export function numberOption(options: IDataObject, rule: NumberRule): number {
	const raw = options[rule.name];
	if (raw === undefined || raw === null || raw === '') return rule.fallback;
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
	const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
	if (!Number.isFinite(value)) {
		throw new InputError(
			`Options → ${rule.label} is ${describeValue(raw)}, which is not a number`,
			rule.name,
			`Enter a ${rule.whole ? 'whole ' : ''}number ${range}, or an expression that gives one.`,
		);
	}
	const number = rule.whole ? Math.floor(value) : value;
	if (number < rule.min || (rule.max !== undefined && number > rule.max)) {
		throw new InputError(`Options → ${rule.label} is ${describeValue(raw)}; it must be ${range}`, rule.name);
	}
	return number;
}

export interface EngineSettings {
	concurrency: number;
	transport: TransportSettings;
}

const WINDOW_MS = 5000;

/** The shared options, checked; throws InputError for the first bad one. */
export function readEngineSettings(options: IDataObject): EngineSettings {
	const read = (name: string, label: string, min: number, fallback: number, whole = true, max?: number) =>
		numberOption(options, { name, label, min, max, whole, fallback });
	return {
		concurrency: read('concurrency', 'Concurrent Requests', 1, DEFAULT_CONCURRENCY, true, MAX_CONCURRENCY),
		transport: {
			pace: { calls: read('maxCallsPer5Seconds', 'Max Calls per 5 Seconds', 1, DEFAULT_SETTINGS.pace.calls), windowMs: WINDOW_MS },
			bulkPace: {
				calls: read('maxBulkCallsPer5Seconds', 'Max Bulk Calls per 5 Seconds', 1, DEFAULT_SETTINGS.bulkPace.calls),
				windowMs: WINDOW_MS,
			},
			maxRateLimitWaitMs: read('maxRateLimitWait', 'Max Rate-Limit Wait (Seconds)', 0, DEFAULT_SETTINGS.maxRateLimitWaitMs / 1000, false) * 1000,
			maxRetries: read('maxRetries', 'Retries on Network or Server Errors', 0, DEFAULT_SETTINGS.maxRetries, true, 10),
			retryDelayMs: read('retryDelay', 'Retry Delay (Ms)', 0, DEFAULT_SETTINGS.retryDelayMs, false),
			timeoutMs: read('timeout', 'Timeout (Ms)', 1, DEFAULT_SETTINGS.timeoutMs, false),
		},
	};
}

/**
 * The shared options' fields, for an operation's Options collection. Defaults are literals (n8n's lint
 * rules read them); test/unit/description.test.ts checks they equal the transport's. `bulk` adds the bulk API's own
 * limit (operations that can send in batches).
 */
export function sharedOptions({ bulk = false, writes = true }: { bulk?: boolean; writes?: boolean } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Concurrent Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
			default: 5,
			description: writes
				? 'How many calls may be under way at once, always within the rate limit. Items for the same record (same e-mail, phone, unique field or ID) are never sent at the same time, and keep their order.'
				: 'How many calls may be under way at once, always within the rate limit',
		},
		...(bulk
			? [
					{
						displayName: 'Max Bulk Calls per 5 Seconds',
						name: 'maxBulkCallsPer5Seconds',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 5,
						description: "Your plan's limit for bulk APIs (lower than the ordinary one). Used by \"Send in Batches\".",
					} satisfies INodeProperties,
				]
			: []),
		{
			displayName: 'Max Calls per 5 Seconds',
			name: 'maxCallsPer5Seconds',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 25,
			description:
				"Your LeadSquared plan's API rate limit. Calls from all LeadSquared nodes using this account in this n8n share it. When LeadSquared reports a lower limit, the node slows down to it.",
		},
		{
			displayName: 'Max Rate-Limit Wait (Seconds)',
			name: 'maxRateLimitWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'Longest time one item may wait out rate-limit answers before it fails',
		},
		{
			displayName: 'Retries on Network or Server Errors',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
			default: 3,
			description:
				"Retries after a connection failure, a timeout, a 5xx answer without a LeadSquared error, or an internal error LeadSquared reports (e.g. MySqlException). LeadSquared's refusals of the data are never retried.",
		},
		{
			displayName: 'Retry Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'Wait before the first retry; doubles on each further retry',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long to wait for each answer from LeadSquared',
		},
	];
}

/** An Options collection: the operation's own options and the shared ones, in alphabetical order. */
export function optionsCollection(own: INodeProperties[], shared: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...shared].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
