/**
 * The set-up `npm start` and `npm run demo` share: the 2.x n8n runtime, the packed package installed
 * in a user folder, the sandbox with demo leads, and the demo credential and workflow imported.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { demoLeads, startSandbox } from '../../sandbox';
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { ensureRuntime, installPackage, LINES, runN8n, runtimeRoot } from '../runtime';
import type { N8nRuntime, RunResult } from '../runtime';
import { DEMO_WORKFLOW_ID, demoCredential, demoWorkflow } from './demo-workflow';
import { publishWorkflow } from './mcp-template';
import { packPackage } from './package';

export const DEMO_LINE = '2.x';
const PACKAGE_NAME = 'n8n-nodes-leadsquared';

export interface DemoSetup {
	runtime: N8nRuntime;
	sandbox: Sandbox;
	userFolder: string;
	tarball: string;
	/** The demo workflow's id. */
	workflowId: string;
}

export interface DemoSetupOptions {
	/** n8n's user folder (n8n keeps its data in `<userFolder>/.n8n`) */
	userFolder: string;
	/** where the packed tarball goes */
	packDir: string;
	log: (line: string) => void;
	onRequest?: (entry: RequestLogEntry) => void;
	/** More workflows to import next to the demo workflow (on the demo credential), and the ids of those to publish. */
	workflows?: Array<Record<string, unknown>>;
	publish?: string[];
}

/** Whether the 2.x runtime still has to be installed (the first run takes minutes). */
export function runtimeMissing(): boolean {
	return !fs.existsSync(path.join(runtimeRoot(), `n8n-${LINES[DEMO_LINE].version}`, '.n8n-runtime-complete.json'));
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function check(result: RunResult, what: string): void {
	if (result.code !== 0) {
		throw new Error(`n8n ${what} failed (code ${result.code}, signal ${result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
	}
}

export async function prepareDemo(options: DemoSetupOptions): Promise<DemoSetup> {
	const { log, userFolder } = options;
	const version = LINES[DEMO_LINE].version;
	const installing = runtimeMissing();
	if (installing) {
		log(`First run: installing n8n ${version} and Node 24 into ${runtimeRoot()} (about 10 minutes on 2 cores, 3 GB on disk).`);
		log('Later runs reuse it and start in seconds.');
	}
	let t = Date.now();
	const runtime = await ensureRuntime(DEMO_LINE, { log: (line) => log(`  runtime: ${line}`) });
	const how = installing ? `installed in ${seconds(t)}` : `installed in ${runtimeRoot()} by the first run, reused`;
	log(`✓ n8n ${runtime.version} on Node ${runtime.nodeVersion} (${how})`);

	t = Date.now();
	const tarball = await packPackage(options.packDir);
	// a fresh copy of the package every time, so the n8n here always runs the code just built
	await fsp.rm(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await installPackage(runtime, userFolder, tarball);
	log(`✓ ${path.basename(tarball)} packed and installed into ${path.join(userFolder, '.n8n', 'nodes')} (${seconds(t)})`);

	const sandbox = await startSandbox({ leads: demoLeads(), onRequest: options.onRequest });
	log(`✓ LeadSquared sandbox on ${sandbox.url} with ${sandbox.leads().length} demo leads (no LeadSquared account needed)`);
	try {
		t = Date.now();
		const credentialFile = path.join(userFolder, 'demo-credential.json');
		const workflowFile = path.join(userFolder, 'demo-workflow.json');
		await fsp.writeFile(credentialFile, JSON.stringify([demoCredential(sandbox)], null, '\t'));
		const workflows = [demoWorkflow(), ...(options.workflows ?? [])];
		await fsp.writeFile(workflowFile, JSON.stringify(workflows, null, '\t'));
		try {
			check(await runN8n(runtime, userFolder, ['import:credentials', `--input=${credentialFile}`], { timeoutMs: 300_000 }), 'import:credentials');
		} finally {
			await fsp.rm(credentialFile, { force: true });
		}
		check(await runN8n(runtime, userFolder, ['import:workflow', `--input=${workflowFile}`], { timeoutMs: 300_000 }), 'import:workflow');
		for (const id of options.publish ?? []) await publishWorkflow(runtime, userFolder, id);
		const published = options.publish?.length ? `, ${options.publish.join(', ')} published` : '';
		log(`✓ demo credential and ${workflows.length > 1 ? `${workflows.length} workflows` : 'workflow'} imported${published} (${seconds(t)})`);
	} catch (error) {
		await sandbox.close();
		throw error;
	}
	return { runtime, sandbox, userFolder, tarball, workflowId: DEMO_WORKFLOW_ID };
}
