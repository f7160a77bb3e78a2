/**
 * `npm run bench`: throughput of the LeadSquared node inside real n8n (2.40.7), against the sandbox.
 *
 * A benchmark, not a test: it prints numbers. All figures come from this one run:
 *   1. single mode, 1,000 items, the sandbox limiting at 125 calls per 5 s (LeadSquared's 25 per 5 s
 *      made five times faster, so the run takes ~40 s instead of ~200 s) and the node set to the same
 *      limit: how close it runs to what the limit admits, rate-limit answers met, items failed;
 *   2. batch mode, the same 1,000 items, the bulk limit set equal to the ordinary one: leads/s;
 *   3. no rate limit: the node's time against n8n's own HTTP Request node making the same 1,000
 *      Lead.CreateOrUpdate calls with the same credential, both in the same n8n (median of 3 runs each);
 *   4. LeadsMetaData.Get calls per execution of the node;
 *   5. several n8n processes on one account of 25 calls per 5 s (scripts/e2e/queue-bench.ts): queue mode
 *      (main + 2 workers, PostgreSQL, Redis, 4 webhook executions of 100 leads) and 3 plain `n8n execute`
 *      processes of 100 leads: calls refused as rate-limited, throughput against the limit, failed items,
 *      duplicate leads. BENCH_QUEUE=0 leaves it out;
 *   6. the Polling Trigger in `n8n start` (scripts/bench/polling.ts): one poll over 100,000 changed leads and
 *      one over 20,000 activities at the default limit of 25 calls per 5 s: records per second, its ratio to
 *      the limit's ideal, records emitted twice or missed, the n8n process's peak memory. BENCH_POLL=0 leaves
 *      it out; BENCH_ONLY=polling runs only it.
 * Times are the nodes' own execution times from n8n's run data (n8n's start-up is not counted).
 * The last line printed is one JSON object with the headline figures.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../sandbox';
import type { RequestLogEntry, Sandbox } from '../sandbox';
import { batchActivitiesBenchmark } from './bench/activities';
import { pollingBenchmark } from './bench/polling';
import { queueBenchmark } from './e2e/queue-bench';
import { chainWorkflow, ensureRuntime, installPackage, parseExecutionOutput, runN8n } from './runtime';
import type { N8nRuntime, WorkflowJson } from './runtime';

const ROOT = path.resolve(__dirname, '..', '..');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** The scaled limit: 125 calls per 5 s = 25 calls/s, for both buckets. */
const LIMIT = { calls: 125, windowMs: 5000 };
const CREDENTIAL = { id: 'BenchLsqCred0001', name: 'LeadSquared sandbox (bench)' };
const BULK_ENDPOINT = 'Lead/Bulk/CreateOrUpdate';
const METADATA_ENDPOINT = 'LeadsMetaData.Get';

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

function leads(): Array<Record<string, string>> {
	return Array.from({ length: ITEMS }, (_, n) => ({
		EmailAddress: `bench.lead.${n}@example.com`,
		FirstName: `Bench ${n}`,
		LastName: 'Lead',
		Phone: `+91-9${String(n).padStart(9, '0')}`,
		mx_City: ['Pune', 'Delhi', 'Chennai', 'Kolkata'][n % 4],
	}));
}

/** Manual Trigger → Set (the leads as one array) → Split Out (one item per lead) → `last`. */
function workflow(id: string, name: string, last: Record<string, unknown>): WorkflowJson {
	return chainWorkflow(id, name, [
		{
			name: 'Leads',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ leads: leads() }), options: {} },
		},
		{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'leads', options: {} } },
		last as never,
	]);
}

function leadSquaredNode(options: Record<string, unknown>): Record<string, unknown> {
	return {
		name: 'LeadSquared',
		type: 'n8n-nodes-leadsquared.leadSquared',
		typeVersion: 1,
		parameters: {
			resource: 'lead',
			operation: 'createOrUpdate',
			attributes: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
			options,
		},
		credentials: { leadSquaredApi: CREDENTIAL },
	};
}

/** n8n's HTTP Request node sending the same body to the same endpoint, with the same credential. */
function httpRequestNode(baseUrl: string): Record<string, unknown> {
	const pairs = ['EmailAddress', 'FirstName', 'LastName', 'Phone', 'mx_City']
		.map((field) => `{ Attribute: '${field}', Value: $json.${field} }`)
		.join(', ');
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/v2/LeadManagement.svc/Lead.CreateOrUpdate`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'leadSquaredApi',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'postUpdatedLead', value: 'false' }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify([${pairs}]) }}`,
			options: {},
		},
		credentials: { leadSquaredApi: CREDENTIAL },
	};
}

interface NodeRun {
	node: string;
	executionMs: number;
	items: number;
	errors: number;
	log: RequestLogEntry[];
}

async function execute(runtime: N8nRuntime, userFolder: string, sandbox: Sandbox, id: string, node: string): Promise<NodeRun> {
	sandbox.reset();
	const result = await runN8n(runtime, userFolder, ['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: 15 * 60_000 });
	if (result.code !== 0) {
		throw new Error(`n8n execute ${id} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
	}
	const execution = parseExecutionOutput(result.stdout);
	const runs = execution.data.resultData.runData[node] as unknown as Array<{
		executionTime: number;
		data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	}>;
	const output = runs[runs.length - 1];
	const items = output.data?.main?.[0] ?? [];
	return {
		node,
		executionMs: output.executionTime,
		items: items.length,
		errors: items.filter((item) => item.json.error !== undefined).length,
		log: [...sandbox.log],
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(rows: Array<[string, string]>): void {
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, value] of rows) log(`  ${label.padEnd(width)}  ${value}`);
}

async function main(): Promise<void> {
	const started = Date.now();
	log(`LeadSquared node benchmark: ${ITEMS} items, real n8n, sandbox on 127.0.0.1\n`);

	const packDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lsq-bench-pack-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }),
	) as Array<{ filename: string }>;
	const tarball = path.join(packDir, packed[0].filename);

	const runtime = await ensureRuntime('2.x', { log: (line) => log(`  [runtime] ${line}`) });
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), 'lsq-bench-n8n-'));
	await installPackage(runtime, userFolder, tarball);

	const sandbox = await startSandbox({
		accessKey: `u$r${randomBytes(12).toString('hex')}`,
		secretKey: randomBytes(20).toString('hex'),
		rateLimit: LIMIT,
		bulkRateLimit: LIMIT,
		maxLogEntries: 10 * ITEMS,
	});
	try {
		if (process.env.BENCH_ONLY === 'polling') {
			log(JSON.stringify(await pollingBenchmark({ runtime, userFolder, log, table })));
			return;
		}
		const credentials = path.join(userFolder, 'bench-credentials.json');
		await fsp.writeFile(
			credentials,
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'leadSquaredApi',
					data: { host: 'custom', baseUrl: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, sendKeysAs: 'headers' },
				},
			]),
		);
		const unlimited = { maxCallsPer5Seconds: 1_000_000, maxBulkCallsPer5Seconds: 1_000_000, ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}) };
		const workflows = [
			workflow('BenchSingle00001', 'bench: single mode at the limit', leadSquaredNode({ maxCallsPer5Seconds: LIMIT.calls })),
			workflow('BenchBatch000001', 'bench: batch mode at the limit', leadSquaredNode({ sendInBatches: true, maxBulkCallsPer5Seconds: LIMIT.calls, maxCallsPer5Seconds: LIMIT.calls })),
			workflow('BenchNodeFree001', 'bench: node, no rate limit', leadSquaredNode(unlimited)),
			workflow('BenchHttpFree001', 'bench: HTTP Request, no rate limit', httpRequestNode(sandbox.url)),
		];
		const workflowsFile = path.join(userFolder, 'bench-workflows.json');
		await fsp.writeFile(workflowsFile, JSON.stringify(workflows));
		for (const args of [['import:credentials', `--input=${credentials}`], ['import:workflow', `--input=${workflowsFile}`]]) {
			const result = await runN8n(runtime, userFolder, args, { timeoutMs: 5 * 60_000 });
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout.slice(-2000)}`);
		}

		log(`Single mode: sandbox and node at ${LIMIT.calls} calls per ${LIMIT.windowMs / 1000} s ...`);
		const single = await execute(runtime, userFolder, sandbox, 'BenchSingle00001', 'LeadSquared');
		log('Batch mode ...');
		const batch = await execute(runtime, userFolder, sandbox, 'BenchBatch000001', 'LeadSquared');

		log(`No rate limit: the node and the HTTP Request node, ${REPEATS} runs each, alternating ...`);
		sandbox.configure({ rateLimit: { calls: 0, windowMs: 5000 }, bulkRateLimit: { calls: 0, windowMs: 5000 } });
		const nodeRuns: NodeRun[] = [];
		const httpRuns: NodeRun[] = [];
		for (let repeat = 0; repeat < REPEATS; repeat++) {
			nodeRuns.push(await execute(runtime, userFolder, sandbox, 'BenchNodeFree001', 'LeadSquared'));
			httpRuns.push(await execute(runtime, userFolder, sandbox, 'BenchHttpFree001', 'HTTP Request'));
		}

		// 1. Single mode against the limit. The sandbox counts calls in a sliding window of W ms: N calls
		// may arrive at once, the next N no earlier than W later, and so on. So C calls need at least
		// floor((C - 1) / N) * W ms from the first arrival to the last: the pace the limit permits.
		const ordinary = single.log.filter((entry) => entry.endpoint !== BULK_ENDPOINT);
		const spanMs = ordinary[ordinary.length - 1].at - ordinary[0].at;
		const idealSpanMs = Math.floor((ordinary.length - 1) / LIMIT.calls) * LIMIT.windowMs;
		const achievedRate = ((ordinary.length - 1) / spanMs) * 1000;
		const permittedRate = ((ordinary.length - 1) / idealSpanMs) * 1000;
		const singleEfficiency = achievedRate / permittedRate;
		const rateLimitAnswers = single.log.filter((entry) => entry.rateLimited).length;

		// 2. Batch against single, in leads per second of the node's own time.
		const singleLeadsPerSecond = (single.items / single.executionMs) * 1000;
		const batchLeadsPerSecond = (batch.items / batch.executionMs) * 1000;

		// 3. Overhead against n8n's HTTP Request node.
		const nodeMs = median(nodeRuns.map((run) => run.executionMs));
		const httpMs = median(httpRuns.map((run) => run.executionMs));

		// 4. Field metadata calls per execution of the node.
		const nodeExecutions = [single, batch, ...nodeRuns];
		const metadataCalls = nodeExecutions.reduce((sum, run) => sum + run.log.filter((entry) => entry.endpoint === METADATA_ENDPOINT).length, 0);

		log('\nSingle mode (one Lead.CreateOrUpdate per item)');
		table([
			['sandbox limit', `${LIMIT.calls} calls per ${LIMIT.windowMs / 1000} s (= ${(LIMIT.calls / LIMIT.windowMs) * 1000} calls/s)`],
			['calls (incl. LeadsMetaData.Get)', `${ordinary.length}`],
			['first to last call, measured', seconds(spanMs)],
			['first to last call, least the limit admits', seconds(idealSpanMs)],
			['achieved calls/s', achievedRate.toFixed(2)],
			['permitted calls/s', permittedRate.toFixed(2)],
			['efficiency (achieved ÷ permitted)', singleEfficiency.toFixed(3)],
			['rate-limit answers met', `${rateLimitAnswers}`],
			['items out / failed', `${single.items} / ${single.errors}`],
			['node execution time', seconds(single.executionMs)],
			['leads/s', singleLeadsPerSecond.toFixed(1)],
		]);
		log('\nBatch mode (Lead/Bulk/CreateOrUpdate, 25 rows per call)');
		table([
			['bulk limit', `${LIMIT.calls} calls per ${LIMIT.windowMs / 1000} s (set equal to the ordinary limit)`],
			['bulk calls', `${batch.log.filter((entry) => entry.endpoint === BULK_ENDPOINT).length}`],
			['rate-limit answers met', `${batch.log.filter((entry) => entry.rateLimited).length}`],
			['items out / failed', `${batch.items} / ${batch.errors}`],
			['node execution time', seconds(batch.executionMs)],
			['leads/s', batchLeadsPerSecond.toFixed(1)],
			['speed-up over single mode', `${(batchLeadsPerSecond / singleLeadsPerSecond).toFixed(1)}x`],
		]);
		log('\nNo rate limit: this node against n8n\'s HTTP Request node, same 1,000 calls, same n8n');
		table([
			['LeadSquared node runs', nodeRuns.map((run) => seconds(run.executionMs)).join(', ')],
			['HTTP Request node runs', httpRuns.map((run) => seconds(run.executionMs)).join(', ')],
			['median, node / HTTP Request', `${seconds(nodeMs)} / ${seconds(httpMs)}`],
			['overhead (node ÷ HTTP Request)', (nodeMs / httpMs).toFixed(3)],
			['items failed, node / HTTP Request', `${nodeRuns.reduce((s, r) => s + r.errors, 0)} / ${httpRuns.reduce((s, r) => s + r.errors, 0)}`],
		]);
		log('\nField metadata');
		table([['LeadsMetaData.Get calls / node executions', `${metadataCalls} / ${nodeExecutions.length}`]]);
		const activities = await batchActivitiesBenchmark({ runtime, userFolder, log, table });
		const polling = process.env.BENCH_POLL === '0' ? {} : await pollingBenchmark({ runtime, userFolder, log, table });
		const queue = process.env.BENCH_QUEUE === '0' ? {} : await queueBenchmark({ runtime, tarball, log, table });
		log(`\nn8n ${runtime.version} on Node ${runtime.nodeVersion}; bench wall time ${seconds(Date.now() - started)}\n`);

		const failures = single.errors + batch.errors + nodeRuns.reduce((s, r) => s + r.errors, 0);
		if (single.items !== ITEMS || batch.items !== ITEMS || failures > 0) process.exitCode = 1;
		log(
			JSON.stringify({
				singleEfficiency: round(singleEfficiency),
				singleRateLimitFailures: single.errors,
				batchSpeedup: round(batchLeadsPerSecond / singleLeadsPerSecond, 1),
				overheadVsHttpNode: round(nodeMs / httpMs),
				metadataCallsPerExecution: round(metadataCalls / nodeExecutions.length, 2),
				...activities,
				...polling,
				...queue,
			}),
		);
	} finally {
		await sandbox.close();
		await fsp.rm(userFolder, { recursive: true, force: true });
		await fsp.rm(packDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
