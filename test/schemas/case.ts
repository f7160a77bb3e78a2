/**
 * An operation's representative runs: what its outputs look like is learnt from them (UPDATE_SCHEMAS=1)
 * and checked against them. Each case runs at every node version, in a sandbox of its own.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox, SandboxOptions } from '../../sandbox';
import type { RunOptions } from '../harness';
import type { InferOptions } from './schema';

export interface CaseContext {
	sandbox: Sandbox;
	/** The node version the outputs are for (1 or 1.1). */
	version: number;
	/**
	 * Runs the node at `version` through n8n's engine against the sandbox; every input item must succeed, and
	 * at least one item must come out. Returns the output items' json, which are also the case's outputs.
	 * `parameters` are the node's as the editor saves them (resource and operation are the case's).
	 */
	run(parameters: Record<string, unknown>, items?: IDataObject[], extra?: Partial<Omit<RunOptions, 'parameters' | 'items' | 'credentials'>>): Promise<IDataObject[]>;
}

export interface OutputCase extends InferOptions {
	resource: string;
	operation: string;
	/** The sandbox's options (seed leads, lists, deletion enabled…). */
	sandbox?: SandboxOptions;
	/**
	 * Runs the operation as users do, so that together the runs produce every key the operation can output
	 * (each option that adds one, the account's empty and filled fields, LeadSquared's answers that add one).
	 * Set-up goes straight to the sandbox's API, not through `run`.
	 */
	runs(context: CaseContext): Promise<void>;
}
