/**
 * The polling part of `npm run bench` (scripts/bench.ts): the LeadSquared Polling Trigger in a real n8n
 * (`n8n start`) reading a backlog at the sandbox's default limit (25 calls per 5 s, the node at its
 * default pace): one poll over 100,000 changed leads (BENCH_POLL_LEADS) and one over 20,000 activities of
 * one type (BENCH_POLL_ACTIVITIES), each in an n8n process of its own, on a sandbox account of its own.
 *
 * - The backlog: records seeded straight into the sandbox (Sandbox.seed), changed over the 3 hours before
 *   the run, and the workflow imported with the trigger's state as if it had last polled 3 hours ago (n8n
 *   was down): the poll that runs when the workflow is activated reads the whole backlog (Max Records per
 *   Poll is set above it). Leads have the sandbox's default field set, activities their type's fields.
 * - Records per second: records emitted ÷ (arrival of the poll's first read at the sandbox → start of the
 *   execution the poll handed its items to).
 * - The limit's ideal: pages of the largest size LeadSquared allows (5,000 leads, 1,000 activities) sent
 *   at the limit's pace, 5 calls a second: 25,000 leads or 5,000 activities a second. Ratio = achieved ÷
 *   ideal. (The limit lets the first 25 calls through at once, so a backlog of up to 25 pages can beat it.)
 * - Twice / missed: the execution's items against the seeded ids (both must be 0).
 * - Memory: the n8n process's RSS high-water mark (VmHWM, /proc) once the execution has finished, before
 *   its data is fetched; and the mark before the activation, for comparison.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { ActivitySeed, Sandbox } from '../../sandbox';
import { runN8n } from '../runtime';
import type { N8nRuntime } from '../runtime';
import { startSession } from './n8n-session';

const TRIGGER = 'LeadSquared Polling Trigger';
const BACKLOG_SECONDS = 3 * 3600;
/** The sandbox's default limit, and the node's default pace. */
const LIMIT = { calls: 25, windowMs: 5000 };
const ACTIVITY_TYPE = 201;

interface Scenario {
	key: 'Leads' | 'Activities';
	count: number;
	endpoint: string;
	pageSize: number;
	parameters: Record<string, unknown>;
	/** `pollFor` in the trigger's static data: the settings its state was made for. */
	pollFor: string;
	seed(sandbox: Sandbox, since: number): string[];
	idOf(json: Record<string, unknown>): unknown;
}

const at = (second: number): string => new Date(second * 1000).toISOString().slice(0, 19).replace('T', ' ');
const spread = (since: number, n: number, count: number): number => since + 60 + Math.floor((n * (BACKLOG_SECONDS - 120)) / count);

function scenarios(): Scenario[] {
	const leads = Number(process.env.BENCH_POLL_LEADS ?? 100_000);
	const activities = Number(process.env.BENCH_POLL_ACTIVITIES ?? 20_000);
	return [
		{
			key: 'Leads',
			count: leads,
			endpoint: 'Leads.RecentlyModified',
			pageSize: 5000,
			parameters: { event: 'leadCreatedOrUpdated' },
			pollFor: JSON.stringify(['leadCreatedOrUpdated', null]),
			seed(sandbox, since) {
				const rows = Array.from({ length: leads }, (_, n) => {
					const second = at(spread(since, n, leads));
					return { ProspectID: randomUUID(), FirstName: `Bench ${n}`, LastName: 'Lead', EmailAddress: `poll.bench.${n}@example.com`, mx_City: ['Pune', 'Delhi', 'Chennai'][n % 3], Score: String(n % 100), CreatedOn: second, ModifiedOn: second };
				});
				sandbox.seed({ leads: rows });
				return rows.map((row) => row.ProspectID);
			},
			idOf: (json) => json.leadId,
		},
		{
			key: 'Activities',
			count: activities,
			endpoint: 'CustomActivity/RetrieveByActivityEvent',
			pageSize: 1000,
			parameters: { event: 'activityCreatedOrUpdated', activityType: String(ACTIVITY_TYPE) },
			pollFor: JSON.stringify(['activityCreatedOrUpdated', ACTIVITY_TYPE]),
			seed(sandbox, since) {
				const leadId = randomUUID();
				sandbox.seed({ leads: [{ ProspectID: leadId, LastName: 'Bench' }] });
				const rows: ActivitySeed[] = Array.from({ length: activities }, (_, n) => ({
					ProspectActivityId: randomUUID(),
					RelatedProspectId: leadId,
					ActivityEvent: ACTIVITY_TYPE,
					CreatedOn: at(spread(since, n, activities)),
					Fields: { mx_Custom_1: `Bench form ${n}` },
				}));
				sandbox.seed({ activities: rows });
				return rows.map((row) => String(row.ProspectActivityId));
			},
			idOf: (json) => json.activityId,
		},
	];
}

/** The trigger → No Operation, with the trigger's state of a poll 3 hours ago. */
function workflow(id: string, scenario: Scenario, credential: { id: string; name: string }, since: number): Record<string, unknown> {
	const state = { v: 2, since, cursor: since, createdFrom: since, seen: {}, ids: {} };
	return {
		id,
		name: `bench: polling ${scenario.count} ${scenario.key.toLowerCase()}`,
		active: false,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER,
				type: 'n8n-nodes-leadsquared.leadSquaredPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...scenario.parameters, options: { maxRecordsPerPoll: 2 * scenario.count } },
				credentials: { leadSquaredApi: credential },
			},
			{ id: randomUUID(), name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} },
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		staticData: { [`node:${TRIGGER}`]: { poll: state, pollFor: scenario.pollFor } },
	};
}

async function importInto(runtime: N8nRuntime, userFolder: string, file: string, kind: 'credentials' | 'workflow'): Promise<void> {
	const result = await runN8n(runtime, userFolder, [`import:${kind}`, `--input=${file}`], { timeoutMs: 5 * 60_000 });
	if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout.slice(-2000)}`);
}

export interface PollingFigures {
	perSecond: number;
	ratioToIdeal: number;
	twice: number;
	missed: number;
	peakRssMb: number;
}

async function runScenario(runtime: N8nRuntime, userFolder: string, scenario: Scenario, log: (line: string) => void): Promise<{ figures: PollingFigures; rows: Array<[string, string]> }> {
	const sandbox = await startSandbox({ accessKey: `u$r${randomBytes(12).toString('hex')}`, secretKey: randomBytes(20).toString('hex'), rateLimit: LIMIT, maxLogEntries: 1000 });
	const tag = scenario.key.slice(0, 4);
	const credential = { id: `BenchPoll${tag}Cred0`, name: `LeadSquared sandbox (bench, polling ${scenario.key.toLowerCase()})` };
	const workflowId = `BenchPoll${tag}00001`;
	try {
		const since = Math.floor(Date.now() / 1000) - BACKLOG_SECONDS;
		const ids = scenario.seed(sandbox, since);
		const data = { host: 'custom', baseUrl: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, sendKeysAs: 'headers' };
		const credentials = path.join(userFolder, `bench-poll-${tag}-credentials.json`);
		await fsp.writeFile(credentials, JSON.stringify([{ ...credential, type: 'leadSquaredApi', data }]));
		await importInto(runtime, userFolder, credentials, 'credentials');
		const workflows = path.join(userFolder, `bench-poll-${tag}-workflows.json`);
		await fsp.writeFile(workflows, JSON.stringify([workflow(workflowId, scenario, credential, since)]));
		await importInto(runtime, userFolder, workflows, 'workflow');

		log(`\nPolling ${scenario.count} ${scenario.key.toLowerCase()}: n8n start, then the workflow activated; its first poll reads the backlog ...`);
		const session = await startSession(runtime, userFolder);
		try {
			const before = await session.memory();
			sandbox.log.length = 0;
			await session.activate(workflowId);
			const execution = await session.finished(workflowId, 15 * 60_000);
			const after = await session.memory();
			const reads = sandbox.log.filter((entry) => entry.endpoint === scenario.endpoint);
			const items = await session.output(execution.id, TRIGGER);

			const counts = new Map<string, number>();
			for (const json of items) counts.set(String(scenario.idOf(json)), (counts.get(String(scenario.idOf(json))) ?? 0) + 1);
			const twice = [...counts.values()].filter((count) => count > 1).length;
			const missed = ids.filter((id) => !counts.has(id)).length;
			const seconds = (execution.startedAt - reads[0].at) / 1000;
			const perSecond = items.length / seconds;
			const ideal = (scenario.pageSize * LIMIT.calls * 1000) / LIMIT.windowMs;
			const idealCalls = Math.ceil(scenario.count / scenario.pageSize);
			const figures = { perSecond: Math.round(perSecond), ratioToIdeal: Math.round((perSecond / ideal) * 1000) / 1000, twice, missed, peakRssMb: after.peakMb };
			const rows: Array<[string, string]> = [
				['records seeded / emitted / distinct', `${scenario.count} / ${items.length} / ${counts.size}`],
				['emitted twice / missed', `${twice} / ${missed}`],
				['execution', `${execution.status}, ${execution.id}`],
				[`${scenario.endpoint} calls (ideal) / rate-limit answers`, `${reads.length} (${idealCalls}) / ${sandbox.log.filter((entry) => entry.rateLimited).length}`],
				['poll: first read → execution start', `${seconds.toFixed(2)} s`],
				['records/s', perSecond.toFixed(0)],
				['ideal at the limit (largest pages, 5 calls/s)', `${ideal} records/s`],
				['ratio to the ideal', figures.ratioToIdeal.toFixed(3)],
				['n8n RSS peak before activation / after the poll', `${before.peakMb} MB / ${after.peakMb} MB (RSS now ${after.rssMb} MB)`],
			];
			if (items.length !== scenario.count || twice > 0 || missed > 0 || execution.status !== 'success') process.exitCode = 1;
			return { figures, rows };
		} finally {
			// the next part starts n8n again in this user folder: it must not activate this workflow
			await session.deactivate(workflowId).catch(() => undefined);
			await session.stop();
		}
	} finally {
		await sandbox.close();
	}
}

/** Both polling runs in the bench's n8n user folder (the package installed); returns the JSON fields. */
export async function pollingBenchmark(options: {
	runtime: N8nRuntime;
	userFolder: string;
	log: (line: string) => void;
	table: (rows: Array<[string, string]>) => void;
}): Promise<Record<string, number>> {
	const fields: Record<string, number> = {};
	for (const scenario of scenarios()) {
		const { figures, rows } = await runScenario(options.runtime, options.userFolder, scenario, options.log);
		options.log(`\nPolling Trigger: one poll over ${scenario.count} changed ${scenario.key.toLowerCase()} at ${LIMIT.calls} calls per ${LIMIT.windowMs / 1000} s`);
		options.table(rows);
		for (const [name, value] of Object.entries(figures)) fields[`poll${scenario.key}${name[0].toUpperCase()}${name.slice(1)}`] = value;
	}
	return fields;
}
