/**
 * Shared building blocks of the reliability suite: node parameters, fast transport options, and
 * readings of the sandbox (requests per endpoint, leads per e-mail, request bodies).
 */
import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import type { LeadRecord, RequestLogEntry, Sandbox } from '../../sandbox';
import type { RunResult } from '../harness';

export const SINGLE_ENDPOINT = 'Lead.CreateOrUpdate';
export const BULK_ENDPOINT = 'Lead/Bulk/CreateOrUpdate';

/** The sandbox's rate limits out of the way (tests about rate limits inject them as faults). */
export const UNLIMITED = { calls: 1_000_000, windowMs: 5000 };

/**
 * Transport options that keep a test fast and free of pacing: tiny retry delay, no self-imposed pace.
 * One call at a time, so that a fault injected for "the next N calls" hits a known item; concurrency
 * has its own tests (test/engine/concurrency.test.ts).
 */
export const FAST_OPTIONS: IDataObject = {
	concurrency: 1,
	maxCallsPer5Seconds: 1_000_000,
	maxBulkCallsPer5Seconds: 1_000_000,
	maxRetries: 2,
	retryDelay: 1,
	timeout: 5000,
};

/** Lead Fields in "map automatically" mode: each item's keys are schema names. */
export function autoMap(extra: INodeParameters = {}, options: IDataObject = {}): INodeParameters {
	return {
		attributes: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		...extra,
		options: parameter({ ...FAST_OPTIONS, ...options }),
	};
}

/** Test values (some deliberately malformed) as a node parameter. */
function parameter(value: unknown): NodeParameterValueType {
	return value as NodeParameterValueType;
}

/** Lead Fields in "define below" mode: `value` maps schema names to values or expressions. */
export function mapped(value: IDataObject, extra: INodeParameters = {}, options: IDataObject = {}): INodeParameters {
	return {
		attributes: parameter({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] }),
		...extra,
		options: parameter({ ...FAST_OPTIONS, ...options }),
	};
}

/** Match By → a specific field, given by schema name. */
export function matchOn(field: string): INodeParameters {
	return { matchBy: 'field', searchBy: { __rl: true, mode: 'name', value: field } };
}

export function manualAttributes(...attributes: Array<{ name: unknown; value: unknown }>): INodeParameters {
	return { manualAttributes: parameter({ attribute: attributes }) };
}

export function customFieldSets(...sets: Array<{ field: unknown; subFields: Array<{ name: unknown; value: unknown }> }>): INodeParameters {
	return { customFieldSets: parameter({ set: sets.map((set) => ({ field: set.field, subFields: { field: set.subFields } })) }) };
}

/** Log entries of one endpoint, in arrival order. */
export function requestsTo(sandbox: Sandbox, endpoint: string): RequestLogEntry[] {
	return sandbox.log.filter((entry) => entry.endpoint === endpoint);
}

type Pair = { Attribute: string; Value: string; Fields?: Pair[] };

/** The Attribute/Value pairs of a Lead.CreateOrUpdate body (or of one bulk row). */
export function pairsOf(body: unknown): Pair[] {
	return Array.isArray(body) ? (body as Pair[]) : [];
}

/** A body's attributes as a map (last one wins, like LeadSquared). */
export function attributesOf(body: unknown): Record<string, string> {
	const map: Record<string, string> = {};
	for (const pair of pairsOf(body)) map[pair.Attribute] = pair.Value;
	return map;
}

/** The rows of a bulk body. */
export function rowsOf(body: unknown): unknown[] {
	return Array.isArray(body) ? (body as unknown[]) : [];
}

/** Every e-mail address a write request carried (one per single call, one per row of a bulk call). */
export function emailsIn(entry: RequestLogEntry): string[] {
	const rows = entry.endpoint === BULK_ENDPOINT ? rowsOf(entry.body) : [entry.body];
	return rows.map((row) => attributesOf(row).EmailAddress).filter((email): email is string => email !== undefined);
}

/** How many stored leads hold each e-mail address (compared case-insensitively, like LeadSquared). */
export function leadsPerEmail(sandbox: Sandbox): Map<string, LeadRecord[]> {
	const byEmail = new Map<string, LeadRecord[]>();
	for (const lead of sandbox.leads()) {
		const email = typeof lead.EmailAddress === 'string' ? lead.EmailAddress.trim().toLowerCase() : '';
		if (email === '') continue;
		byEmail.set(email, [...(byEmail.get(email) ?? []), lead]);
	}
	return byEmail;
}

/** E-mail addresses held by more than one lead. */
export function duplicateEmails(sandbox: Sandbox): string[] {
	return [...leadsPerEmail(sandbox)].filter(([, leads]) => leads.length > 1).map(([email]) => email);
}

export function leadsWithEmail(sandbox: Sandbox, email: string): LeadRecord[] {
	return leadsPerEmail(sandbox).get(email.toLowerCase()) ?? [];
}

/** Everything a run exposes: outputs, error items, the thrown error, the node's error, the whole run. */
export function exposedText(result: RunResult): string[] {
	return [
		JSON.stringify(result.error ?? null),
		JSON.stringify(result.nodeError ?? null),
		JSON.stringify(result.items),
		JSON.stringify(result.errorItems),
		JSON.stringify(result.downstream),
		JSON.stringify(result.run),
		String(result.error?.message ?? ''),
		String(result.error?.description ?? ''),
		String(result.error?.stack ?? ''),
	];
}
