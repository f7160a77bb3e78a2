/**
 * The batch-activity part of `npm run bench` (scripts/bench.ts): Activity → Create with "Send in Batches"
 * inside real n8n, on a sandbox account of its own at the sandbox's default limits (bulk APIs 5 calls per
 * 5 s, the others 25 per 5 s) with the node at its default bulk limit (5 per 5 s): how many activities per
 * second the node posts at the bulk limit (25 activities per call: at most 25 per second once the first
 * window's burst is spent). Printed as a table and returned as the bench's JSON field
 * `batchActivitiesPerSecond`. BENCH_ACTIVITIES sets the number of activities (default 1000).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { chainWorkflow, parseExecutionOutput, runN8n } from '../runtime';
import type { N8nRuntime } from '../runtime';

const CREDENTIAL = { id: 'BenchLsqActCred01', name: 'LeadSquared sandbox (bench, activities)' };
const WORKFLOW_ID = 'BenchActivities01';
const BULK_ENDPOINT = 'Bulk/CustomActivity/Add/ByLeadId';
const NODE = 'LeadSquared';

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Manual Trigger → Set (one entry per activity) → Split Out → Activity → Create in batches. */
function workflow(leadIds: string[]) {
	const activities = leadIds.map((leadId, n) => ({ leadId, form: `Bench form ${n}`, campaign: ['Google Ads', 'Facebook', 'Newsletter', 'Organic'][n % 4] }));
	return chainWorkflow(WORKFLOW_ID, 'bench: batch activities at the bulk limit', [
		{ name: 'Activities', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ activities }), options: {} } },
		{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'activities', options: {} } },
		{
			name: NODE,
			type: 'n8n-nodes-leadsquared.leadSquared',
			typeVersion: 1.1,
			parameters: {
				resource: 'activity',
				operation: 'create',
				leadBy: 'id',
				leadId: '={{ $json.leadId }}',
				activityType: { __rl: true, mode: 'list', value: '201' },
				note: 'Posted by the benchmark',
				activityFields: {
					mappingMode: 'defineBelow',
					value: { mx_Custom_1: '={{ $json.form }}', mx_Custom_4: '={{ $json.campaign }}' },
					matchingColumns: [],
					schema: [],
				},
				options: { sendInBatches: true },
			},
			credentials: { leadSquaredApi: CREDENTIAL },
		},
	]);
}

async function importInto(runtime: N8nRuntime, userFolder: string, file: string, kind: 'credentials' | 'workflow'): Promise<void> {
	const result = await runN8n(runtime, userFolder, [`import:${kind}`, `--input=${file}`], { timeoutMs: 5 * 60_000 });
	if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout.slice(-2000)}`);
}

/** Leads with fixed ids, so that every reset of the sandbox seeds the same leads again. */
function seedLeads(sandbox: Sandbox, count: number): string[] {
	const leads = Array.from({ length: count }, (_, n) => ({ ProspectID: randomUUID(), EmailAddress: `bench.activity.${n}@example.com`, LastName: 'Bench' }));
	sandbox.configure({ leads });
	sandbox.reset();
	return leads.map((lead) => lead.ProspectID);
}

/** Runs the batch-activity workflow once in the bench's n8n user folder; returns the JSON field. */
export async function batchActivitiesBenchmark(options: {
	runtime: N8nRuntime;
	userFolder: string;
	log: (line: string) => void;
	table: (rows: Array<[string, string]>) => void;
}): Promise<{ batchActivitiesPerSecond: number }> {
	const { runtime, userFolder, log } = options;
	const count = Number(process.env.BENCH_ACTIVITIES ?? 1000);
	// The sandbox's default limits: bulk APIs 5 calls per 5 s, the others 25 per 5 s.
	const sandbox = await startSandbox({ accessKey: `a$${randomBytes(8).toString('hex')}`, secretKey: randomBytes(16).toString('hex'), maxLogEntries: 10 * count });
	try {
		log(`\nBatch activities: ${count} activities in batches of 25, sandbox and node at the bulk limit of 5 calls per 5 s ...`);
		const leadIds = seedLeads(sandbox, count);
		const credentials = path.join(userFolder, 'bench-activity-credentials.json');
		const data = { host: 'custom', baseUrl: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, sendKeysAs: 'headers' };
		await fsp.writeFile(credentials, JSON.stringify([{ ...CREDENTIAL, type: 'leadSquaredApi', data }]));
		await importInto(runtime, userFolder, credentials, 'credentials');
		const workflows = path.join(userFolder, 'bench-activity-workflows.json');
		await fsp.writeFile(workflows, JSON.stringify([workflow(leadIds)]));
		await importInto(runtime, userFolder, workflows, 'workflow');

		sandbox.reset();
		const result = await runN8n(runtime, userFolder, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput'], { timeoutMs: 15 * 60_000 });
		if (result.code !== 0) throw new Error(`n8n execute ${WORKFLOW_ID} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}`);
		const runs = parseExecutionOutput(result.stdout).data.resultData.runData[NODE] as unknown as Array<{
			executionTime: number;
			data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
		}>;
		const run = runs[runs.length - 1];
		const items = run.data?.main?.[0] ?? [];
		const failed = items.filter((item) => item.json.error !== undefined).length;
		const bulk = sandbox.log.filter((entry) => entry.endpoint === BULK_ENDPOINT);
		const spanMs = bulk.length > 1 ? bulk[bulk.length - 1].at - bulk[0].at : 0;
		const perSecond = (items.length - failed) / (run.executionTime / 1000);

		log('\nBatch activities (Bulk/CustomActivity/Add/ByLeadId, 25 per call)');
		options.table([
			['bulk limit (sandbox and node)', '5 calls per 5 s = at most 25 activities/s after the first window'],
			['activities out / failed / stored', `${items.length} / ${failed} / ${sandbox.records().activities.length}`],
			['bulk calls / rate-limit answers met', `${bulk.length} / ${sandbox.log.filter((entry) => entry.rateLimited).length}`],
			['first to last bulk call', `${(spanMs / 1000).toFixed(2)} s`],
			['node execution time', `${(run.executionTime / 1000).toFixed(2)} s`],
			['activities/s', perSecond.toFixed(1)],
		]);
		if (items.length !== count || failed > 0) process.exitCode = 1;
		return { batchActivitiesPerSecond: round(perSecond) };
	} finally {
		await sandbox.close();
	}
}
