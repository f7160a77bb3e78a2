/**
 * The trigger nodes in a real n8n (`n8n start`): a fresh user folder with the packed package installed,
 * the sandbox, the credential and three workflows imported (webhook trigger on several events, webhook
 * trigger for the burst, polling trigger), n8n started on its own port with WEBHOOK_URL on 127.0.0.1 (so
 * the sandbox's deliveries reach its production webhook URLs), the owner set up through n8n's REST API,
 * and the REST calls the tests use: activation, deactivation, executions.
 */
import { createRequire } from 'node:module';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { repoRoot } from '../../scripts/e2e/package';
import { n8nRest } from '../../scripts/e2e/rest';
import { ensureRuntime, findFreePort, installPackage, runN8n, startN8n } from '../../scripts/runtime';
import type { N8nRuntime, RunningN8n, RuntimeLine } from '../../scripts/runtime';
import { randomKeys } from './support';

export const CREDENTIAL = { id: 'e2eLsqTriggerCred', name: 'LeadSquared sandbox (trigger e2e)' };
export const OWNER = { email: 'trigger-e2e@example.com', firstName: 'Trigger', lastName: 'Tester', password: 'Trigger-E2e-Pass-1' };
export const WF = { events: 'e2eTriggerEvents', burst: 'e2eTriggerBurst', poll: 'e2eTriggerPoll' } as const;
export const TRIGGER_NODE = 'LeadSquared Trigger';
export const EVENTS = ['lead.fieldUpdated', 'lead.stageChanged', 'activity.created', 'task.completed', 'opportunity.created', 'landingPage.submitted'];

/** The leads the polling and event workflows use (their own e-mail domain). */
export function seedLeads(): Array<Record<string, string>> {
	return [
		{ EmailAddress: 'asha@trigger.e2e.example', FirstName: 'Asha', LastName: 'Rao', mx_City: 'Pune', ProspectStage: 'Prospect', Score: '10' },
		...[1, 2, 3, 4].map((n) => ({ EmailAddress: `poll${n}@trigger.e2e.example`, FirstName: 'Poll', LastName: `Lead ${n}`, JobTitle: 'Student' })),
	];
}

function node(id: string, name: string, type: string, parameters: Record<string, unknown>, position: [number, number], extra: Record<string, unknown> = {}) {
	return { id, name, type, typeVersion: 1, position, parameters, ...extra };
}

function workflow(id: string, name: string, trigger: Record<string, unknown>): Record<string, unknown> {
	const noOp = node(`${id}-received`, 'Received', 'n8n-nodes-base.noOp', {}, [260, 0]);
	return {
		id,
		name,
		active: false,
		nodes: [trigger, noOp],
		connections: { [String(trigger.name)]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export function triggerWorkflows(): Array<Record<string, unknown>> {
	const credentials = { leadSquaredApi: CREDENTIAL };
	const webhookTrigger = (webhookId: string, parameters: Record<string, unknown>) =>
		node(`${webhookId}-node`, TRIGGER_NODE, 'n8n-nodes-leadsquared.leadSquaredTrigger', parameters, [0, 0], { webhookId, credentials });
	return [
		workflow(
			WF.events,
			'E2E trigger · events',
			webhookTrigger('7e1f0000-aaaa-4000-8000-000000000001', { events: EVENTS, activityType: '201', watchFields: ['mx_City'], options: {} }),
		),
		workflow(WF.burst, 'E2E trigger · burst', webhookTrigger('7e1f0000-bbbb-4000-8000-000000000002', { events: ['lead.created'], options: { contentType: 'form' } })),
		workflow(
			WF.poll,
			'E2E trigger · polling',
			node('7e1f0000-cccc-4000-8000-000000000003', TRIGGER_NODE, 'n8n-nodes-leadsquared.leadSquaredPollingTrigger', { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'leadCreatedOrUpdated', options: {} }, [0, 0], {
				credentials,
			}),
		),
	];
}

export interface Execution {
	id: string;
	status: string;
	/** The trigger node's output items (json). */
	items: Array<Record<string, unknown>>;
}

export interface TriggerRun {
	line: RuntimeLine;
	runtime: N8nRuntime;
	sandbox: Sandbox;
	n8n: RunningN8n;
	webhookBase: string;
	timings: Record<string, number>;
	activate(id: string): Promise<void>;
	deactivate(id: string): Promise<void>;
	/** Stops n8n, runs `whileDown`, and starts it again on the same user folder, port and settings (`n8n` is then the new process). */
	restart(whileDown?: () => Promise<void>): Promise<void>;
	/** What every n8n process of this run printed, the current one last. */
	output(): string;
	/** Ids and statuses of a workflow's executions, newest first. */
	executionList(id: string): Promise<Array<{ id: string; status: string }>>;
	execution(id: string): Promise<Execution>;
	close(): Promise<void>;
}

async function check(result: { code: number | null; stdout: string; stderr: string }, what: string): Promise<void> {
	if (result.code !== 0) throw new Error(`n8n ${what} failed (code ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
}

/** A fresh user folder (under the system's temp folder, named after `label`) with the packed package installed. */
export async function freshUserFolder(line: RuntimeLine, tarball: string, label: string): Promise<{ runtime: N8nRuntime; userFolder: string }> {
	const runtime = await ensureRuntime(line);
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), `n8n-${label}-e2e-${line}-`));
	await installPackage(runtime, userFolder, tarball);
	return { runtime, userFolder };
}

/**
 * Imports credentials and workflows with n8n's CLI. The credential file holds the keys in clear: it is deleted
 * as soon as n8n has read (and encrypted) it, even when the import fails.
 */
export async function importIntoN8n(runtime: N8nRuntime, userFolder: string, credentials: unknown[], workflows: unknown[]): Promise<void> {
	const credentialFile = path.join(userFolder, 'credential.json');
	const workflowFile = path.join(userFolder, 'workflows.json');
	await fsp.writeFile(credentialFile, JSON.stringify(credentials));
	await fsp.writeFile(workflowFile, JSON.stringify(workflows));
	try {
		await check(await runN8n(runtime, userFolder, ['import:credentials', `--input=${credentialFile}`], { timeoutMs: 300_000 }), 'import:credentials');
	} finally {
		await fsp.rm(credentialFile, { force: true });
	}
	await check(await runN8n(runtime, userFolder, ['import:workflow', `--input=${workflowFile}`], { timeoutMs: 300_000 }), 'import:workflow');
}

export async function startTriggerRun(line: RuntimeLine, tarball: string): Promise<TriggerRun> {
	const timings: Record<string, number> = {};
	let t = Date.now();
	const { runtime, userFolder } = await freshUserFolder(line, tarball, 'trigger');
	timings.install = Date.now() - t;

	const keys = randomKeys();
	const sandbox = await startSandbox({
		accessKey: keys.accessKey,
		secretKey: keys.secretKey,
		leads: seedLeads(),
		rateLimit: { calls: 100_000, windowMs: 5000 },
		bulkRateLimit: { calls: 100_000, windowMs: 5000 },
		webhookVerification: 'head',
		webhookStageChangeCreatable: false,
		webhookRetryDelayMs: 200,
		// n8n on a loaded 2-core machine can take more than the default 5 s to answer during the burst; a timed-out
		// delivery is retried and runs twice, as LeadSquared's retry would. The burst test counts losses, not timeouts.
		webhookTimeoutMs: 30_000,
	});
	try {
		t = Date.now();
		const data = { host: 'custom', baseUrl: sandbox.url, accessKey: keys.accessKey, secretKey: keys.secretKey, sendKeysAs: 'headers' };
		await importIntoN8n(runtime, userFolder, [{ ...CREDENTIAL, type: 'leadSquaredApi', data }], triggerWorkflows());
		timings.import = Date.now() - t;

		t = Date.now();
		const port = await findFreePort();
		const webhookBase = `http://127.0.0.1:${port}/`;
		const engine = line === '2.x' ? (process.env.N8N_RUNTIME_EXPRESSION_ENGINE ?? 'vm') : 'legacy';
		// N8N_WEBHOOK_URL on 2.x (WEBHOOK_URL is deprecated there), WEBHOOK_URL on 1.x
		const startOptions = { port, env: { WEBHOOK_URL: webhookBase, N8N_WEBHOOK_URL: webhookBase, N8N_EXPRESSION_ENGINE: engine } };
		let n8n = await startN8n(runtime, userFolder, startOptions);
		const earlierOutput: string[] = [];
		timings.start = Date.now() - t;
		const setup = await n8nRest(`${n8n.url}/rest/owner/setup`, 'POST', OWNER);
		if (setup.status !== 200 || !setup.cookie) throw new Error(`owner setup answered ${setup.status}: ${JSON.stringify(setup.json).slice(0, 500)}`);
		const cookie = setup.cookie;
		const rest = async (method: string, route: string, body?: unknown): Promise<unknown> => {
			const answer = await n8nRest(`${n8n.url}/rest/${route}`, method, body, cookie);
			if (answer.status !== 200) throw new Error(`${method} /rest/${route} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 1000)}`);
			return (answer.json as { data: unknown }).data;
		};
		const flatted = createRequire(path.join(runtime.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };

		return {
			line,
			runtime,
			sandbox,
			get n8n() {
				return n8n;
			},
			webhookBase,
			timings,
			async restart(whileDown) {
				await n8n.stop();
				earlierOutput.push(n8n.output());
				await whileDown?.();
				n8n = await startN8n(runtime, userFolder, startOptions);
			},
			output() {
				return [...earlierOutput, n8n.output()].join('\n');
			},
			async activate(id) {
				const current = (await rest('GET', `workflows/${id}`)) as { versionId: string };
				await rest('POST', `workflows/${id}/activate`, { versionId: current.versionId });
				// 2.x publishes through an outbox: the triggers are registered a moment after the answer, and the
				// trigger count is written once they are (after the activation poll of a polling trigger)
				const done = await waitUntil(
					async () => (await rest('GET', `workflows/${id}`)) as { triggerCount?: number },
					(workflow) => workflow.triggerCount === undefined || workflow.triggerCount > 0,
					60_000,
				);
				if (done.triggerCount === 0) throw new Error(`workflow ${id} was not activated within a minute:\n${n8n.output().slice(-3000)}`);
			},
			async deactivate(id) {
				await rest('POST', `workflows/${id}/deactivate`, {});
			},
			async executionList(id) {
				// pages of at most 100 (newest first); a status filter makes n8n page by lastId
				const statuses = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];
				const filter = encodeURIComponent(JSON.stringify({ workflowId: id, status: statuses }));
				const all: Array<{ id: string; status: string }> = [];
				for (let page = 0; page < 50; page++) {
					const lastId = all.length > 0 ? `&lastId=${all[all.length - 1].id}` : '';
					const data = (await rest('GET', `executions?filter=${filter}&limit=100${lastId}`)) as { results: Array<{ id: string; status: string }> };
					all.push(...data.results.map((entry) => ({ id: String(entry.id), status: entry.status })));
					if (data.results.length < 100) break;
				}
				return all;
			},
			async execution(id) {
				const data = (await rest('GET', `executions/${id}`)) as { status: string; data: string };
				const run = flatted.parse(data.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
				const items = run.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? [];
				return { id, status: data.status, items: items.map((item) => item.json) };
			},
			async close() {
				await n8n.stop();
				const artifacts = path.join(repoRoot(), '.test-tmp', 'e2e', `trigger-${line}`);
				await fsp.mkdir(artifacts, { recursive: true });
				await fsp.writeFile(path.join(artifacts, 'n8n.log'), [...earlierOutput, n8n.output()].join('\n'));
				await sandbox.close();
				if (process.env.E2E_KEEP_USER_FOLDER !== '1') await fsp.rm(userFolder, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await sandbox.close();
		throw error;
	}
}

/** Polls `read` until `done` holds (or the deadline passes: the last value is returned for the assertion). */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!done(value) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		value = await read();
	}
	return value;
}
