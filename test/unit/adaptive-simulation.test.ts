/**
 * K independent n8n processes (each with its own pacer, 5 calls in flight and a backlog) on one simulated
 * LeadSquared account of 25 calls per 5 s, in virtual time (test/unit/simulation.ts). The figures are printed as a
 * table and written to .test-tmp/adaptive-simulation.md, next to what the pacing before (one CallGate per process)
 * did in the same runs.
 *
 * Throughput is accepted calls per second ÷ the limit. "busy" is while every process still had calls to make
 * (K processes sharing the account); "whole" is from the first call to the last, including the end, when the
 * processes that finished first leave their share unused until the others have grown back into it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { simulate } from './simulation';
import type { Outcome, Scenario } from './simulation';

const LIMIT = { calls: 25, windowMs: 5000 };
const SEEDS = [1, 2, 3];
/** Round trips: LeadSquared over the internet, and the sandbox on 127.0.0.1 (the e2e runs). */
const REMOTE: [number, number] = [80, 250];
const LOCAL: [number, number] = [2, 10];

interface Case {
	name: string;
	scenario: Omit<Scenario, 'seed' | 'limit'>;
}

const CASES: Case[] = [
	{ name: 'K=1', scenario: { processes: 1, calls: 1500 } },
	{ name: 'K=2', scenario: { processes: 2, calls: 1500 } },
	{ name: 'K=4', scenario: { processes: 4, calls: 1500 } },
	{ name: 'K=8', scenario: { processes: 8, calls: 1500 } },
	// what the e2e run does: 2 workers with 2 executions of 100 leads each; 3 `n8n execute` booting together
	{ name: 'queue 2x200', scenario: { processes: 2, calls: 400, concurrency: 10 } },
	{ name: 'plain 3x100', scenario: { processes: 3, calls: 300, startAt: (p) => [0, 200, 100][p] } },
	// a process that starts while another already uses the whole account (a known weakness, see below)
	{ name: 'late joiner', scenario: { processes: 2, calls: 600, startAt: (p) => [0, 20_000][p] } },
];

interface Row {
	name: string;
	latency: string;
	pacing: 'adaptive' | 'before';
	runs: Outcome[];
}

const rows: Row[] = [];

async function measure(name: string, scenario: Case['scenario'], latencyMs: [number, number], legacy = false): Promise<Row> {
	const runs: Outcome[] = [];
	for (const seed of SEEDS) runs.push(await simulate({ ...scenario, limit: LIMIT, latencyMs, seed, legacy }));
	const row: Row = { name, latency: latencyMs === REMOTE ? 'remote' : 'local', pacing: legacy ? 'before' : 'adaptive', runs };
	rows.push(row);
	return row;
}

const min = (values: number[]): number => Math.min(...values);
const max = (values: number[]): number => Math.max(...values);
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;

function table(): string {
	const lines = [
		'| case | round trip | pacing | calls | refused (max) | throughput busy (min / mean) | throughput whole (min / mean) |',
		'| --- | --- | --- | --- | --- | --- | --- |',
	];
	for (const row of rows) {
		const calls = row.runs[0].accepted;
		lines.push(
			`| ${row.name} | ${row.latency} | ${row.pacing} | ${calls} | ${pct(max(row.runs.map((r) => r.refusedShare)))} | ` +
				`${min(row.runs.map((r) => r.busyEfficiency)).toFixed(3)} / ${mean(row.runs.map((r) => r.busyEfficiency)).toFixed(3)} | ` +
				`${min(row.runs.map((r) => r.efficiency)).toFixed(3)} / ${mean(row.runs.map((r) => r.efficiency)).toFixed(3)} |`,
		);
	}
	return lines.join('\n');
}

afterAll(() => {
	const text = `# Adaptive pacing, simulated (${LIMIT.calls} calls per ${LIMIT.windowMs / 1000} s, seeds ${SEEDS.join(', ')})\n\n${table()}\n`;
	const dir = path.join(__dirname, '..', '..', '.test-tmp');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'adaptive-simulation.md'), text);
	console.log(text);
});

describe('adaptive pacing, K processes on one account (simulated)', () => {
	it.each([
		['remote', REMOTE],
		['local', LOCAL],
	] as Array<[string, [number, number]]>)('one process alone (%s round trips): no refusals, at least 95 %% of the limit', async (_label, latency) => {
		const row = await measure('K=1', CASES[0].scenario, latency);
		for (const run of row.runs) {
			expect(run.refused).toBe(0);
			expect(run.efficiency).toBeGreaterThanOrEqual(0.95);
		}
	});

	it.each(['K=2', 'K=4'])('%s processes: throughput at least 90 %% of the limit, at most 5 %% of calls refused', async (name) => {
		const { scenario } = CASES.find((entry) => entry.name === name) as Case;
		for (const latency of [REMOTE, LOCAL]) {
			const row = await measure(name, scenario, latency);
			for (const run of row.runs) {
				expect(run.busyEfficiency).toBeGreaterThanOrEqual(0.9);
				expect(run.refusedShare).toBeLessThanOrEqual(0.05);
			}
		}
		// what the pacing before did with the same processes: a quarter to a half of all calls refused
		const before = await measure(name, scenario, REMOTE, true);
		expect(min(before.runs.map((run) => run.refusedShare))).toBeGreaterThan(0.2);
	});

	it('8 processes: still at least 90 % of the limit while all are busy, at most 8 % of calls refused', async () => {
		for (const latency of [REMOTE, LOCAL]) {
			const row = await measure('K=8', CASES[3].scenario, latency);
			for (const run of row.runs) {
				expect(run.busyEfficiency).toBeGreaterThanOrEqual(0.9);
				expect(run.refusedShare).toBeLessThanOrEqual(0.08);
			}
		}
	});

	it.each(['queue 2x200', 'plain 3x100'])('the e2e run "%s" on the sandbox: at least 90 %% of the limit from first to last call', async (name) => {
		const { scenario } = CASES.find((entry) => entry.name === name) as Case;
		const row = await measure(name, scenario, LOCAL);
		for (const run of row.runs) {
			expect(run.efficiency).toBeGreaterThanOrEqual(0.9);
			expect(run.refusedShare).toBeLessThanOrEqual(0.05);
		}
		await measure(name, scenario, REMOTE);
		await measure(name, scenario, LOCAL, true);
	});

	/*
	 * The weakness: a process joining an account that another already fills gets the few calls it had in the
	 * window when refused, and the one already there gives way only one call per window per refusal. The
	 * account stays fully used and refusals stay rare, but the newcomer runs slowly until the other finishes,
	 * and then needs a few windows to grow back; "whole" shows that cost.
	 */
	it('a process joining 20 s after another: the account stays fully used, few refusals', async () => {
		const { scenario } = CASES.find((entry) => entry.name === 'late joiner') as Case;
		for (const latency of [REMOTE, LOCAL]) {
			const row = await measure('late joiner', scenario, latency);
			for (const run of row.runs) {
				expect(run.busyEfficiency).toBeGreaterThanOrEqual(0.9);
				expect(run.refusedShare).toBeLessThanOrEqual(0.05);
			}
		}
	});
});
