/**
 * One run of the agent scenarios in a real n8n line: a fresh user folder with the packed package installed,
 * the sandbox (random keys), the scripted model server, two credentials imported (LeadSquared → sandbox,
 * OpenAI → the model server), one workflow per scenario imported, and ONE `n8n execute-batch` of them all
 * (sequential, no retries: each scenario's first model request sets the sandbox up for it). What n8n printed and exported,
 * the model's requests and the sandbox's log are kept for the assertions and in .test-tmp/e2e/agents/<line>/.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { repoRoot } from '../../../scripts/e2e/package';
import { ensureRuntime, installPackage, runN8n } from '../../../scripts/runtime';
import type { ExecutionResult, N8nRuntime, RunResult, RuntimeLine } from '../../../scripts/runtime';
import { engineFor, randomKeys } from '../support';
import { startModelServer } from './model-server';
import type { ModelServer } from './model-server';
import { agentLeads, agentScenarios, OPEN_LIMIT, RAVI } from './scenarios';
import type { AgentScenario, ScenarioId, ScriptState } from './scenarios';
import { agentWorkflow, LSQ_CREDENTIAL, OPENAI_CREDENTIAL } from './workflows';

export interface AgentRun {
	line: RuntimeLine;
	runtime: N8nRuntime;
	userFolder: string;
	artifacts: string;
	sandbox: Sandbox;
	model: ModelServer;
	keys: ReturnType<typeof randomKeys>;
	raviId: string;
	scenarios: AgentScenario[];
	state: ScriptState;
	commands: Array<{ what: string; result: RunResult }>;
	/** workflow id → its execution (execute-batch --snapshot: successful executions only) */
	executions: Record<string, ExecutionResult>;
	batch: { executions?: Array<{ workflowId: string; executionStatus: string; error?: string }> } & Record<string, unknown>;
	/** every execution JSON n8n exported, as text */
	exportedJson: Array<{ what: string; text: string }>;
	close(): Promise<void>;
}

export function agentArtifacts(line?: RuntimeLine): string {
	return path.join(repoRoot(), '.test-tmp', 'e2e', 'agents', ...(line ? [line] : []));
}

/** `ids`: the scenarios to run (the others are left out of the batch, e.g. where a line cannot run them). */
export async function runAgents(line: RuntimeLine, tarball: string, ids: ScenarioId[]): Promise<AgentRun> {
	const runtime = await ensureRuntime(line);
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), `n8n-agents-e2e-${line}-`));
	const artifacts = agentArtifacts(line);
	await fsp.rm(artifacts, { recursive: true, force: true });
	await fsp.mkdir(artifacts, { recursive: true });
	const keys = randomKeys();
	const sandbox = await startSandbox({ accessKey: keys.accessKey, secretKey: keys.secretKey, leads: agentLeads(), rateLimit: OPEN_LIMIT });
	const raviId = String(sandbox.leads().find((lead) => lead.EmailAddress === RAVI)?.ProspectID);
	const state: ScriptState = {};
	const scenarios = agentScenarios(sandbox, raviId, state).filter((scenario) => ids.includes(scenario.id));
	const model = await startModelServer(Object.fromEntries(scenarios.map((scenario) => [scenario.id, scenario])));
	const commands: AgentRun['commands'] = [];
	const env = { N8N_EXPRESSION_ENGINE: engineFor(line) };
	const n8n = async (what: string, args: string[], workflowRun = false): Promise<RunResult> => {
		const result = await runN8n(runtime, userFolder, args, { timeoutMs: 5 * 60_000, env });
		commands.push({ what, result });
		await fsp.writeFile(
			path.join(artifacts, `${String(commands.length).padStart(2, '0')}-${what}.log`),
			`$ n8n ${args.join(' ')}\n# exit code ${result.code}, signal ${result.signal}, ${result.durationMs} ms\n\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
		);
		// execute-batch: exit code 1 when a workflow failed, and `vm` may crash at exit after the output (support.ts)
		const tolerated = workflowRun && (result.code === 1 || (result.code === null && !result.timedOut));
		if (result.code !== 0 && !tolerated) throw new Error(`n8n ${args.join(' ')} failed (code ${result.code}, signal ${result.signal}):\n${(result.stdout + result.stderr).slice(-4000)}`);
		return result;
	};
	const close = async (): Promise<void> => {
		await sandbox.close();
		await model.close();
		if (process.env.E2E_KEEP_USER_FOLDER !== '1') await fsp.rm(userFolder, { recursive: true, force: true });
	};

	try {
		await installPackage(runtime, userFolder, tarball);
		const credentialFile = path.join(userFolder, 'credentials.json');
		await fsp.writeFile(
			credentialFile,
			JSON.stringify([
				{ ...LSQ_CREDENTIAL, type: 'leadSquaredApi', data: { host: 'custom', baseUrl: sandbox.url, accessKey: keys.accessKey, secretKey: keys.secretKey, sendKeysAs: 'headers' } },
				{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted-model', url: model.url } },
			]),
		);
		try {
			await n8n('import-credentials', ['import:credentials', `--input=${credentialFile}`]);
		} finally {
			await fsp.rm(credentialFile, { force: true });
		}
		const workflowFile = path.join(userFolder, 'workflows.json');
		await fsp.writeFile(workflowFile, JSON.stringify(scenarios.map((scenario) => agentWorkflow(scenario.workflow, line)), null, '\t'));
		await fsp.copyFile(workflowFile, path.join(artifacts, 'workflows.json'));
		await n8n('import-workflows', ['import:workflow', `--input=${workflowFile}`]);

		const snapshotDir = path.join(userFolder, 'snapshots');
		const outputFile = path.join(userFolder, 'execute-batch.json');
		await fsp.mkdir(snapshotDir);
		const batchIds = scenarios.map((scenario) => scenario.workflow.id);
		// --retries=0: execute-batch runs a failed workflow again by default, which would play its scenario twice
		const batchRun = await n8n(
			'execute-batch',
			['execute-batch', `--ids=${batchIds.join(',')}`, '--concurrency=1', '--retries=0', `--snapshot=${snapshotDir}`, `--output=${outputFile}`],
			true,
		);
		const batchText = fs.existsSync(outputFile) ? await fsp.readFile(outputFile, 'utf8') : '{}';
		const exportedJson = [
			{ what: 'execute-batch output', text: batchText },
			{ what: 'execute-batch stdout/stderr', text: batchRun.stdout + batchRun.stderr },
		];
		const executions: Record<string, ExecutionResult> = {};
		for (const id of batchIds) {
			const file = path.join(snapshotDir, `${id}-snapshot.json`);
			if (!fs.existsSync(file)) continue;
			const text = await fsp.readFile(file, 'utf8');
			executions[id] = JSON.parse(text) as ExecutionResult;
			exportedJson.push({ what: path.basename(file), text });
		}
		await fsp.cp(snapshotDir, path.join(artifacts, 'snapshots'), { recursive: true });
		await fsp.writeFile(path.join(artifacts, 'execute-batch.json'), batchText);
		await fsp.writeFile(path.join(artifacts, 'model-requests.json'), JSON.stringify(model.requests.map(({ raw: _raw, ...rest }) => rest), null, '\t'));
		await fsp.writeFile(path.join(artifacts, 'sandbox-log.json'), redact(JSON.stringify(sandbox.log, null, '\t'), keys));
		return {
			line,
			runtime,
			userFolder,
			artifacts,
			sandbox,
			model,
			keys,
			raviId,
			scenarios,
			state,
			commands,
			executions,
			batch: JSON.parse(batchText) as AgentRun['batch'],
			exportedJson,
			close,
		};
	} catch (error) {
		await close();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n(n8n output kept in ${artifacts})`);
	}
}

function redact(text: string, keys: ReturnType<typeof randomKeys>): string {
	let out = text;
	for (const [name, key] of [
		['accessKey', keys.accessKey],
		['secretKey', keys.secretKey],
	]) {
		out = out.split(key).join(`<${name}>`).split(encodeURIComponent(key)).join(`<${name}>`);
	}
	return out;
}
