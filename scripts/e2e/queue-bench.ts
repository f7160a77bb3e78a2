/**
 * The queue-mode part of `npm run bench` (scripts/bench.ts): the run of test/e2e/queue-mode.test.ts (queue-run.ts)
 * on its own sandbox account, printed as a table and returned as the bench's JSON fields.
 */
import { randomBytes } from 'node:crypto';

import { startSandbox } from '../../sandbox';
import type { N8nRuntime } from '../runtime';
import { runQueueAndPlain } from './queue-run';
import type { RunFigures } from './queue-run';

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

function rows(figures: RunFigures): Array<[string, string]> {
	return [
		['n8n processes / executions', `${figures.processes} / ${figures.executions} (${figures.leads} leads)`],
		['calls / refused as rate-limited', `${figures.calls} / ${figures.refused} (${(figures.refusedShare * 100).toFixed(1)} %)`],
		['throughput ÷ account limit, first to last call', figures.efficiency.toFixed(3)],
		['the same while every execution was writing', figures.busyEfficiency.toFixed(3)],
		['failed items / duplicate leads / missing leads', `${figures.failedItems} / ${figures.duplicates} / ${figures.missing}`],
		['wall time', `${(figures.wallMs / 1000).toFixed(1)} s`],
	];
}

/** Runs queue mode (2 workers, 4 executions) and 3 plain processes on one account; returns the JSON fields. */
export async function queueBenchmark(options: {
	runtime: N8nRuntime;
	tarball: string;
	log: (line: string) => void;
	table: (rows: Array<[string, string]>) => void;
}): Promise<Record<string, number>> {
	const limit = { calls: Number(process.env.BENCH_QUEUE_LIMIT ?? 25), windowMs: 5000 };
	const { log } = options;
	log(`\nQueue mode: 2 workers, 4 webhook executions of 100 leads, then 3 plain n8n execute processes; one account of ${limit.calls} calls per 5 s ...`);
	const sandbox = await startSandbox({ accessKey: `b$${randomBytes(8).toString('hex')}`, secretKey: randomBytes(16).toString('hex'), rateLimit: limit });
	try {
		const { queue, plain } = await runQueueAndPlain({ runtime: options.runtime, tarball: options.tarball, sandbox, limit, log: (line) => log(`  ${line}`) });
		log('\nQueue mode (main + 2 workers, PostgreSQL, Redis)');
		options.table(rows(queue));
		log('\nThe same account, 3 plain `n8n execute` processes');
		options.table(rows(plain));
		return {
			queueWorkers: queue.processes,
			queueEfficiency: round(queue.efficiency),
			queueBusyEfficiency: round(queue.busyEfficiency),
			queueRateLimitedShare: round(queue.refusedShare),
			queueFailedItems: queue.failedItems,
			queueDuplicates: queue.duplicates,
			plainProcesses: plain.processes,
			plainEfficiency: round(plain.efficiency),
			plainBusyEfficiency: round(plain.busyEfficiency),
			plainRateLimitedShare: round(plain.refusedShare),
			plainFailedItems: plain.failedItems,
			plainDuplicates: plain.duplicates,
		};
	} finally {
		await sandbox.close();
	}
}
