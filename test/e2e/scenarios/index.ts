/**
 * Scenarios beyond Create or Update that run in the same real-n8n run of each line (support.ts runLine):
 * each brings its workflow files (in test/e2e/workflows/, ids listed here), what the sandbox must hold
 * before they run, and its assertions (`it` blocks, given the run once beforeAll has made it). A new
 * scenario is one module here and one entry in SCENARIOS.
 */
import type { SandboxOptions } from '../../../sandbox';
import type { LineRun } from '../support';
import { accountChain } from './account-chain';
import { crmChain } from './crm-chain';
import { httpRequest } from './http-request';
import { leadChain } from './lead-chain';
import { salesChain } from './sales-chain';

export interface Scenario {
	/** Shown as a describe block. */
	name: string;
	/** Ids of its workflows (each file in test/e2e/workflows/ names its id). */
	workflows: string[];
	/** Leads the sandbox holds before any workflow runs (use the scenario's own e-mail domain). */
	seedLeads?: () => Array<Record<string, string>>;
	/** Sandbox options the scenario needs (merged, lists of seeds put together: scenarioSandbox; keep the rest compatible with the other scenarios). */
	sandbox?: Partial<SandboxOptions>;
	/** Declares the scenario's `it` blocks; `run()` returns the line's run once beforeAll made it. */
	checks(run: () => LineRun): void;
}

export const SCENARIOS: Scenario[] = [leadChain, crmChain, salesChain, httpRequest, accountChain];

/** The sandbox options of every scenario: merged, their seeded lists (and other lists of seeds) put together. */
export function scenarioSandbox(scenarios: Scenario[] = SCENARIOS): Partial<SandboxOptions> {
	const merged: Record<string, unknown> = {};
	for (const options of scenarios.map((scenario) => scenario.sandbox ?? {})) {
		for (const [key, value] of Object.entries(options)) {
			const before = merged[key];
			merged[key] = Array.isArray(before) && Array.isArray(value) ? [...(before as unknown[]), ...(value as unknown[])] : value;
		}
	}
	return merged as Partial<SandboxOptions>;
}
