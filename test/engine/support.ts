/**
 * Shared helpers of the engine tests: node parameters in the shapes the editor saves, a sandbox with
 * room for many calls, and look-ups in the sandbox's request log.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { RequestLogEntry, Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n } from '../harness';
import type { RunResult } from '../harness';

/** Options that keep tests quick: no local pacing (the sandbox allows plenty), short retries and timeouts. */
export const FAST: IDataObject = { maxCallsPer5Seconds: 10000, retryDelay: 10, timeout: 5000 };

/** A sandbox whose rate limit does not get in the way of a test file's calls. */
export async function openSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ rateLimit: { calls: 100000, windowMs: 5000 }, ...options });
}

/**
 * A test file's sandbox (openSandbox), handed to `set` before its tests, reset before each test, and
 * closed after them together with n8n-core's timers.
 */
export function useSandbox(set: (sandbox: Sandbox) => void, options: SandboxOptions = {}): void {
	let opened: Sandbox | undefined;
	beforeAll(async () => {
		opened = await openSandbox(options);
		set(opened);
	});
	afterAll(async () => {
		await opened?.close();
		await disposeN8n();
	});
	beforeEach(() => opened?.reset());
}

export interface LeadParameters {
	/** The field mapper's values (defineBelow), schema name → value or expression. */
	fields?: Record<string, unknown>;
	/** autoMapInputData instead of defineBelow. */
	autoMap?: boolean;
	/** Lead Fields (Manual Entry). */
	manual?: Array<{ name: string; value: unknown }>;
	/** Custom field sets: CFS schema name → its sub-fields. */
	cfs?: Record<string, Array<{ name: string; value: unknown }>>;
	/** Match By a specific field (SearchBy); `mode` of the resource locator, default 'list'. */
	searchBy?: string;
	searchByMode?: 'list' | 'name';
	/** Options, merged over FAST. */
	options?: IDataObject;
}

/** An address on 127.0.0.1 where nothing listens (a sandbox started and closed again), for network failures. */
export async function unusedUrl(): Promise<string> {
	const closed = await startSandbox();
	await closed.close();
	return closed.url;
}

/** The LeadSquared node's parameters for Lead → Create or Update. */
export function leadParameters(spec: LeadParameters): INodeParameters {
	const parameters: Record<string, unknown> = {
		attributes: {
			mappingMode: spec.autoMap ? 'autoMapInputData' : 'defineBelow',
			value: spec.autoMap ? null : (spec.fields ?? {}),
			matchingColumns: [],
			schema: [],
		},
		options: { ...FAST, ...spec.options },
	};
	if (spec.manual) parameters.manualAttributes = { attribute: spec.manual };
	if (spec.cfs) {
		parameters.customFieldSets = {
			set: Object.entries(spec.cfs).map(([field, subFields]) => ({ field, subFields: { field: subFields } })),
		};
	}
	if (spec.searchBy !== undefined) {
		parameters.matchBy = 'field';
		parameters.searchBy = { __rl: true, mode: spec.searchByMode ?? 'list', value: spec.searchBy };
	}
	// The editor's saved shapes (resource mapper value, fixed collections) are wider than INodeParameters' static type.
	return parameters as INodeParameters;
}

/** Mapper values taking EmailAddress, FirstName and LastName from the item's `email`, `first` and `last`. */
export const fromItem = {
	EmailAddress: '={{ $json.email }}',
	FirstName: '={{ $json.first }}',
	LastName: '={{ $json.last }}',
};

export function calls(sandbox: Sandbox, endpoint: string): RequestLogEntry[] {
	return sandbox.log.filter((entry) => entry.endpoint === endpoint);
}

export function upserts(sandbox: Sandbox): RequestLogEntry[] {
	return calls(sandbox, 'Lead.CreateOrUpdate');
}

/** The attribute/value pairs of a Lead.CreateOrUpdate request body as a map (SearchBy included). */
export function bodyValues(entry: RequestLogEntry): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const pair of entry.body as Array<{ Attribute: string; Value: string; Fields?: unknown }>) {
		values[pair.Attribute] = pair.Fields ?? pair.Value;
	}
	return values;
}

/** Every item json of the LeadSquared node's outputs. */
export function outputJson(result: RunResult): IDataObject[] {
	return [...result.items, ...result.errorItems].map((item) => item.json);
}

/** Neither key appears in any output, error or description of a run. */
export function expectNoKeys(sandbox: Sandbox, result: RunResult): void {
	const text = JSON.stringify({ out: outputJson(result), error: result.error, nodeError: result.nodeError });
	for (const secret of [sandbox.accessKey, sandbox.secretKey, encodeURIComponent(sandbox.accessKey)]) expect(text).not.toContain(secret);
}

/** A resource locator value as the editor saves it. */
export function locator(value: string, mode = 'list'): INodeParameterResourceLocator & IDataObject {
	return { __rl: true, mode, value };
}

/** A resource mapper's saved value (Define Below). */
export function mapper(value: IDataObject): IDataObject {
	return { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] };
}

/** A seeded lead (flat map) for SandboxOptions.leads / configure. */
export function lead(values: Record<string, string>): Record<string, string> {
	return { LastName: 'Seeded', ...values };
}
