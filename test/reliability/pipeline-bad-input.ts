/**
 * The bad-input check shared by the task, opportunity and note catalogues: a good item, then a bad one.
 * Without "continue on fail" the run fails with a NodeOperationError naming the field and ending in
 * `[item 1]`, and nothing at all reaches the endpoint (every item is checked before the first call). With
 * it, the bad item becomes an error item paired to it with the field in its details, and only the good
 * item is sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox, SandboxOptions } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { FAST_OPTIONS, UNLIMITED } from './helpers';

export interface BadInputCase {
	name: string;
	/** Parameters (resource and operation included); options are merged over FAST_OPTIONS. */
	parameters: IDataObject;
	/** Items' json, or functions giving it when the test runs (for records seeded in beforeAll). */
	good: IDataObject | (() => IDataObject);
	bad: IDataObject | (() => IDataObject);
	message: RegExp;
	field?: string;
	timezone?: string;
}

function itemsOf(testCase: BadInputCase): IDataObject[] {
	return [testCase.good, testCase.bad].map((item) => (typeof item === 'function' ? item() : item));
}

/**
 * A catalogue's sandbox, one per file: no rate limit, `options` on top; `seed` runs once after it starts
 * (the records the cases name); its request log is emptied before each test, its records kept.
 */
export function useCatalogueSandbox(options: SandboxOptions = {}, seed?: (sandbox: Sandbox) => Promise<void>): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: UNLIMITED, ...options });
		await seed?.(sandbox);
	});
	afterAll(async () => {
		await sandbox?.close();
		await disposeN8n();
	});
	beforeEach(() => {
		if (sandbox) sandbox.log.length = 0;
	});
	return () => {
		if (!sandbox) throw new Error('the catalogue sandbox has not started');
		return sandbox;
	};
}

export function withOptions(parameters: IDataObject): INodeParameters {
	return { ...parameters, options: { ...FAST_OPTIONS, ...(parameters.options as IDataObject | undefined) } } as INodeParameters;
}

/** Registers the two tests of every case; `endpoint` is the sandbox's name of the call that must not happen. */
export function describeBadInput(title: string, cases: BadInputCase[], sandbox: () => Sandbox, endpoint: string): void {
	const sent = () => sandbox().log.filter((entry) => entry.endpoint === endpoint);
	const run = async (testCase: BadInputCase, continueOnFail: boolean) =>
		await runLeadSquared({
			parameters: withOptions(testCase.parameters),
			items: itemsOf(testCase),
			credentials: sandboxCredentials(sandbox()),
			timezone: testCase.timezone,
			continueOnFail,
			node: { typeVersion: 1.1 },
		});

	describe(`${title}: refused before anything is sent`, () => {
		it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, false);
			expect(result.status).toBe('error');
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(testCase.message);
			expect(result.error?.message).toMatch(/ \[item 1\]$/);
			expect(result.error?.context).toMatchObject({ itemIndex: 1 });
			expect(sent()).toHaveLength(0);
		});
	});

	describe(`${title}: continue on fail gives the bad item an error item, the good one goes through`, () => {
		it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
			const result = await run(testCase, true);
			expect(result.status).toBe('success');
			const failed = result.items.filter((item) => item.json.error !== undefined);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			expect(failed[0].json.error).toMatch(testCase.message);
			expect(failed[0].json.details).toMatchObject({ itemIndex: 1, ...(testCase.field ? { field: testCase.field } : {}) });
			expect(result.items.filter((item) => item.json.error === undefined).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(sent()).toHaveLength(1);
		});
	});
}
