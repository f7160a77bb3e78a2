/**
 * Several n8n processes writing to one LeadSquared account, measured from the account's side (the sandbox's
 * request log), for the queue-mode e2e test (test/e2e/queue-mode.test.ts) and `npm run bench`:
 *
 * 1. **Queue mode**: main + `workers` workers (queue-cluster.ts); `executions` production-webhook POSTs at once,
 *    each making `leadsPerBatch` leads; waits until PostgreSQL has them all finished.
 * 2. **Plain**: the same account and database, main and workers stopped, `plainProcesses` `n8n execute`
 *    processes at once (no queue), each writing its own batch.
 *
 * Figures per run: calls the account received, the share refused as rate-limited, accepted calls per second
 * against the account's limit (first to last accepted call, and while every execution was still writing),
 * items that failed (from the executions), and duplicate or missing leads (from the account).
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import type { LeadRecord, RequestLogEntry, Sandbox } from '../../sandbox';
import { parseExecutionOutput, sleep } from '../runtime';
import type { ExecutionResult, N8nRuntime } from '../runtime';
import { executionsPerWorker, setUpN8n, startQueueMode } from './queue-cluster';
import type { N8nSetup } from './queue-cluster';
import { parseFlatted } from './queue-services';
import { batchOf, LEADSQUARED_NODE, leadEmail, plainWorkflow, plainWorkflowId, WEBHOOK_PATH, WEBHOOK_WORKFLOW_ID, webhookWorkflow } from './queue-workflows';

export interface Limit {
	calls: number;
	windowMs: number;
}

export interface RunFigures {
	label: string;
	/** n8n processes running executions (workers, or `n8n execute` processes). */
	processes: number;
	executions: number;
	/** Leads the executions were to write. */
	leads: number;
	/** Calls the account received (ordinary bucket, the field list included). */
	calls: number;
	refused: number;
	refusedShare: number;
	/** Accepted calls per second from the first to the last, ÷ the account's limit in calls per second. */
	efficiency: number;
	/** The same until the first execution's last accepted call (all executions writing). */
	busyEfficiency: number;
	spanMs: number;
	failedItems: number;
	/** E-mail addresses stored on more than one lead. */
	duplicates: number;
	/** Leads that should exist and do not. */
	missing: number;
	/** Queue mode: the execution ids each worker started. */
	perWorker?: Record<string, string[]>;
	/** Wall time of the run from the first start to the last finish. */
	wallMs: number;
	/** Per window of the limit from the first call: calls accepted and refused, per batch ('b0:12/3 b1:…'). */
	timeline?: string[];
}

export interface QueueRunOptions {
	runtime: N8nRuntime;
	tarball: string;
	/** A sandbox started with `rateLimit: limit` (its leads and log are reset here). */
	sandbox: Sandbox;
	limit: Limit;
	workers?: number;
	executions?: number;
	plainProcesses?: number;
	leadsPerBatch?: number;
	/** Worker --concurrency. */
	concurrency?: number;
	/** Where n8n's output and the figures go (created). */
	artifactsDir?: string;
	log?: (line: string) => void;
}

const BULK = /\/Bulk\//i;

/** Figures from the account's side: its request log since the run began, and its leads. */
export function figuresFrom(
	label: string,
	log: RequestLogEntry[],
	limit: Limit,
	kind: string,
	batches: number,
	leadsPerBatch: number,
	leads: LeadRecord[],
): Omit<RunFigures, 'processes' | 'failedItems' | 'wallMs' | 'perWorker'> {
	const ordinary = log.filter((entry) => entry.endpoint !== null && !BULK.test(entry.endpoint));
	const accepted = ordinary.filter((entry) => !entry.rateLimited && entry.status !== null);
	const refused = ordinary.filter((entry) => entry.rateLimited).length;
	const perSecondOfLimit = limit.calls / limit.windowMs;
	const rate = (calls: RequestLogEntry[]): { efficiency: number; spanMs: number } => {
		const spanMs = calls.length > 1 ? calls[calls.length - 1].at - calls[0].at : 0;
		return { efficiency: spanMs > 0 ? (calls.length - 1) / spanMs / perSecondOfLimit : 0, spanMs };
	};
	// Until the first batch (execution) had its last lead accepted: every execution still writing.
	const lastPerBatch = new Map<number, number>();
	for (const entry of accepted) {
		const email = emailOf(entry);
		const batch = email === undefined ? undefined : batchOf(email);
		if (batch !== undefined) lastPerBatch.set(batch, entry.at);
	}
	const firstDone = lastPerBatch.size === batches ? Math.min(...lastPerBatch.values()) : Number.POSITIVE_INFINITY;
	const all = rate(accepted);
	const busy = rate(accepted.filter((entry) => entry.at <= firstDone));

	const domain = `@${kind}.e2e.example`;
	const stored = new Map<string, number>();
	for (const lead of leads) {
		const email = String(lead.EmailAddress ?? '').toLowerCase();
		if (email.endsWith(domain)) stored.set(email, (stored.get(email) ?? 0) + 1);
	}
	let missing = 0;
	for (let batch = 0; batch < batches; batch++) {
		for (let i = 0; i < leadsPerBatch; i++) if (!stored.has(leadEmail(kind, batch, i))) missing++;
	}
	return {
		label,
		executions: batches,
		leads: batches * leadsPerBatch,
		calls: ordinary.length,
		refused,
		refusedShare: ordinary.length > 0 ? refused / ordinary.length : 0,
		efficiency: all.efficiency,
		busyEfficiency: busy.efficiency,
		spanMs: all.spanMs,
		duplicates: [...stored.values()].filter((count) => count > 1).length,
		missing,
		timeline: timeline(ordinary, limit.windowMs),
	};
}

/** Accepted/refused calls per batch in each window from the first call, for reading a run afterwards. */
function timeline(calls: RequestLogEntry[], windowMs: number): string[] {
	if (calls.length === 0) return [];
	const rows: Array<Map<string, [number, number]>> = [];
	for (const entry of calls) {
		const index = Math.floor((entry.at - calls[0].at) / windowMs);
		while (rows.length <= index) rows.push(new Map());
		const email = emailOf(entry);
		const batch = email === undefined ? 'other' : `b${batchOf(email) ?? '?'}`;
		const cell = rows[index].get(batch) ?? [0, 0];
		cell[entry.rateLimited ? 1 : 0]++;
		rows[index].set(batch, cell);
	}
	return rows.map((row) => [...row.entries()].sort().map(([batch, [ok, refused]]) => `${batch}:${ok}/${refused}`).join(' '));
}

function emailOf(entry: RequestLogEntry): string | undefined {
	if (!Array.isArray(entry.body)) return undefined;
	const pair = (entry.body as Array<{ Attribute?: string; Value?: unknown }>).find((item) => item.Attribute === 'EmailAddress');
	return typeof pair?.Value === 'string' ? pair.Value : undefined;
}

/** Items of the LeadSquared node that failed: `error` items, plus every item an execution never output. */
function failedItemsOf(execution: ExecutionResult | undefined, leadsPerBatch: number): number {
	const runs = execution?.data?.resultData?.runData?.[LEADSQUARED_NODE];
	const items = runs?.[runs.length - 1]?.data?.main?.[0] ?? [];
	return items.filter((item) => item.json.error !== undefined).length + Math.max(0, leadsPerBatch - items.length);
}

async function queueRun(setup: N8nSetup, options: Required<Omit<QueueRunOptions, 'artifactsDir' | 'log'>>, log: (line: string) => void): Promise<RunFigures> {
	const { sandbox, limit, workers, executions, leadsPerBatch, concurrency } = options;
	let t = Date.now();
	await startQueueMode(setup, workers, concurrency);
	// n8n 2.x activates published workflows in the background (its publication service reconciles at start and
	// every 10 s): the production webhook answers once main has registered it.
	const registered = Date.now() + 90_000;
	while ((await setup.services.query('SELECT 1 FROM webhook_entity WHERE "workflowId" = $1', [WEBHOOK_WORKFLOW_ID])).length === 0) {
		if (Date.now() > registered) throw new Error('the production webhook was not registered within 90 s of main starting');
		await sleep(250);
	}
	log(`queue mode: main and ${workers} workers ready, webhook registered in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	sandbox.reset({ keepLeads: true });
	const started = Date.now();
	const url = `${setup.main?.url}/webhook/${WEBHOOK_PATH}`;
	const answers = await Promise.all(
		Array.from({ length: executions }, async (_, batch) => {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ batch }) });
			await response.text();
			return response.status;
		}),
	);
	if (answers.some((status) => status !== 200)) throw new Error(`webhook answers ${answers.join(', ')} (expected 200 each)`);

	// Wait for the executions to finish (the database says so), at most 4 times what the limit needs.
	const deadline = Date.now() + 60_000 + 4 * ((executions * (leadsPerBatch + 1)) / limit.calls) * limit.windowMs;
	let rows: Array<{ id: string; status: string; stoppedAt: Date | null }> = [];
	for (;;) {
		rows = await setup.services.query('SELECT id, status, "stoppedAt" FROM execution_entity WHERE "workflowId" = $1', [WEBHOOK_WORKFLOW_ID]);
		if (rows.length >= executions && rows.every((row) => row.stoppedAt !== null)) break;
		if (Date.now() > deadline) throw new Error(`executions not finished in time: ${JSON.stringify(rows)}`);
		await sleep(1000);
	}
	const wallMs = Date.now() - started;
	t = Date.now();
	const data = await setup.services.query<{ executionId: string; data: string }>(
		'SELECT "executionId", data FROM execution_data WHERE "executionId" = ANY($1::int[])',
		[rows.map((row) => Number(row.id))],
	);
	let failedItems = 0;
	for (const row of rows) {
		const text = data.find((entry) => String(entry.executionId) === String(row.id))?.data;
		const execution = text === undefined ? undefined : ({ data: parseFlatted(setup.runtime, text) } as ExecutionResult);
		failedItems += failedItemsOf(execution, leadsPerBatch);
	}
	const perWorker = executionsPerWorker(setup);
	log(`queue mode: ${executions} executions (${rows.map((row) => row.status).join(', ')}) in ${(wallMs / 1000).toFixed(1)} s; read in ${Date.now() - t} ms`);
	return {
		...figuresFrom('queue mode', [...sandbox.log], limit, 'queue', executions, leadsPerBatch, sandbox.leads()),
		processes: workers,
		failedItems,
		perWorker,
		wallMs,
	};
}

async function plainRun(setup: N8nSetup, options: Required<Omit<QueueRunOptions, 'artifactsDir' | 'log'>>, log: (line: string) => void): Promise<RunFigures> {
	const { sandbox, limit, plainProcesses, leadsPerBatch } = options;
	sandbox.reset({ keepLeads: true });
	const started = Date.now();
	const results = await Promise.all(
		Array.from({ length: plainProcesses }, async (_, batch) => {
			const result = await setup.cli(['execute', `--id=${plainWorkflowId(batch)}`, '--rawOutput'], { EXECUTIONS_MODE: 'regular' }, 15 * 60_000);
			return parseExecutionOutput(result.stdout);
		}),
	);
	const wallMs = Date.now() - started;
	log(`plain: ${plainProcesses} n8n execute processes in ${(wallMs / 1000).toFixed(1)} s`);
	return {
		...figuresFrom('plain n8n execute', [...sandbox.log], limit, 'plain', plainProcesses, leadsPerBatch, sandbox.leads()),
		processes: plainProcesses,
		failedItems: results.reduce((sum, execution) => sum + failedItemsOf(execution, leadsPerBatch), 0),
		wallMs,
	};
}

/** Both runs on one database and account; every process stopped and the database dropped, pass or fail. */
export async function runQueueAndPlain(options: QueueRunOptions): Promise<{ queue: RunFigures; plain: RunFigures }> {
	const full = { workers: 2, executions: 4, plainProcesses: 3, leadsPerBatch: 100, concurrency: 5, ...options };
	const log = options.log ?? (() => undefined);
	const { limit, leadsPerBatch } = full;
	const setup = await setUpN8n({
		runtime: full.runtime,
		tarball: full.tarball,
		sandbox: full.sandbox,
		workflows: [webhookWorkflow(leadsPerBatch, limit.calls), ...Array.from({ length: full.plainProcesses }, (_, batch) => plainWorkflow(batch, leadsPerBatch, limit.calls))],
		publish: [WEBHOOK_WORKFLOW_ID],
		log,
	});
	let failure: unknown;
	try {
		const queue = await queueRun(setup, full, log);
		await writeArtifacts(options.artifactsDir, setup, 'queue', queue);
		await setup.stopProcesses();
		const plain = await plainRun(setup, full, log);
		await writeArtifacts(options.artifactsDir, undefined, 'plain', plain);
		return { queue, plain };
	} catch (error) {
		failure = error;
		await writeArtifacts(options.artifactsDir, setup, 'failed', { error: String(error) }).catch(() => undefined);
		throw error;
	} finally {
		await setup.close().catch((error: unknown) => {
			if (!failure) throw error;
		});
	}
}

async function writeArtifacts(dir: string | undefined, setup: N8nSetup | undefined, name: string, figures: unknown): Promise<void> {
	if (!dir) return;
	await fsp.mkdir(dir, { recursive: true });
	await fsp.writeFile(path.join(dir, `${name}-figures.json`), `${JSON.stringify(figures, null, '\t')}\n`);
	if (!setup) return;
	if (setup.main) await fsp.writeFile(path.join(dir, `${name}-main.log`), setup.main.output());
	for (const worker of setup.workers) await fsp.writeFile(path.join(dir, `${name}-${worker.name.replace(/\s+/g, '-')}.log`), worker.output());
}
