/**
 * n8n 2.x in queue mode on this machine (recipe: ../shared/n8n-queue-mode.md): PostgreSQL and a Bull prefix of
 * the run's own (queue-services.ts), one user folder with the packed package installed, the LeadSquared
 * credential and the workflows imported and published with n8n's CLI, then one `n8n start` (main: editor,
 * webhooks, puts executions on the queue) and K `n8n worker` processes (run them), each with its own task-broker
 * and health-check port.
 *
 * `close()` stops every process this module started and drops the database, whatever happened before.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { findFreePort, installPackage, runN8n, sleep, spawnServer, startN8n } from '../runtime';
import type { N8nRuntime, RunningN8n, RunResult, WorkflowJson } from '../runtime';
import { createQueueServices } from './queue-services';
import type { QueueServices } from './queue-services';
import { QUEUE_CREDENTIAL } from './queue-workflows';

export interface Worker {
	name: string;
	pid: number;
	output(): string;
	stop(): Promise<void>;
}

export interface N8nSetup {
	runtime: N8nRuntime;
	userFolder: string;
	services: QueueServices;
	/** Env shared by every n8n process of the run (database, queue prefix, encryption key). */
	env: Record<string, string>;
	/** `n8n <args>` against the run's database (a failure throws, with n8n's output). */
	cli(args: string[], extraEnv?: Record<string, string>, timeoutMs?: number): Promise<RunResult>;
	main?: RunningN8n;
	workers: Worker[];
	/** Stops main and workers (the database stays). */
	stopProcesses(): Promise<void>;
	/** Stops everything and drops the database, the queue keys and the user folder. */
	close(): Promise<void>;
}

export interface SetupOptions {
	runtime: N8nRuntime;
	tarball: string;
	sandbox: { url: string; accessKey: string; secretKey: string };
	workflows: WorkflowJson[];
	/** Workflow ids to publish (activate) before main starts. */
	publish: string[];
	log?: (line: string) => void;
}

/** A user folder, database and queue prefix with the package, the credential and the workflows in place. */
export async function setUpN8n(options: SetupOptions): Promise<N8nSetup> {
	const { runtime } = options;
	const log = options.log ?? (() => undefined);
	const services = await createQueueServices(runtime);
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), 'lsq-queue-n8n-'));
	const env: Record<string, string> = {
		...services.env,
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
	};
	const workers: Worker[] = [];
	let main: RunningN8n | undefined;
	let closed = false;

	const cli = async (args: string[], extraEnv: Record<string, string> = {}, timeoutMs = 5 * 60_000): Promise<RunResult> => {
		const result = await runN8n(runtime, userFolder, args, { env: { ...env, ...extraEnv }, timeoutMs });
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (code ${result.code}, signal ${result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
		return result;
	};
	const setup: N8nSetup = {
		runtime,
		userFolder,
		services,
		env,
		cli,
		workers,
		get main() {
			return main;
		},
		set main(value) {
			main = value;
		},
		async stopProcesses() {
			await Promise.all([main?.stop(), ...workers.map(async (worker) => await worker.stop())]);
		},
		async close() {
			if (closed) return;
			closed = true;
			const problems: string[] = [];
			await setup.stopProcesses().catch((error: Error) => problems.push(error.message));
			await services.drop().catch((error: Error) => problems.push(error.message));
			await fsp.rm(userFolder, { recursive: true, force: true }).catch((error: Error) => problems.push(error.message));
			if (problems.length > 0) throw new Error(`queue-mode cleanup: ${problems.join('; ')}`);
		},
	};

	try {
		let t = Date.now();
		await installPackage(runtime, userFolder, options.tarball);
		log(`package installed in ${((Date.now() - t) / 1000).toFixed(1)} s; database ${services.name}`);
		const credentialFile = path.join(userFolder, 'queue-credentials.json');
		const { url, accessKey, secretKey } = options.sandbox;
		await fsp.writeFile(
			credentialFile,
			JSON.stringify([{ ...QUEUE_CREDENTIAL, type: 'leadSquaredApi', data: { host: 'custom', baseUrl: url, accessKey, secretKey, sendKeysAs: 'headers' } }]),
		);
		t = Date.now();
		try {
			await cli(['import:credentials', `--input=${credentialFile}`]);
		} finally {
			await fsp.rm(credentialFile, { force: true });
		}
		const workflowFile = path.join(userFolder, 'queue-workflows.json');
		await fsp.writeFile(workflowFile, JSON.stringify(options.workflows));
		await cli(['import:workflow', `--input=${workflowFile}`]);
		for (const id of options.publish) await cli(['publish:workflow', `--id=${id}`]);
		log(`credential and ${options.workflows.length} workflows imported, ${options.publish.length} published in ${((Date.now() - t) / 1000).toFixed(1)} s`);
		return setup;
	} catch (error) {
		await setup.close().catch(() => undefined);
		throw error;
	}
}

/** `n8n worker` with its own task-broker and health-check port; resolves once it says it is ready. */
async function startWorker(setup: N8nSetup, name: string, concurrency: number, readyTimeoutMs = 180_000): Promise<Worker> {
	const { runtime, userFolder } = setup;
	const env = {
		...runtime.env(userFolder),
		...setup.env,
		EXECUTIONS_MODE: 'queue',
		N8N_RUNNERS_BROKER_PORT: String(await findFreePort()),
		QUEUE_HEALTH_CHECK_PORT: String(await findFreePort()),
	};
	const server = spawnServer(runtime, userFolder, ['worker', `--concurrency=${concurrency}`], env);
	const worker: Worker = { name, pid: server.pid, output: server.output, stop: server.stop };
	setup.workers.push(worker);
	const readyBy = Date.now() + readyTimeoutMs;
	while (!server.output().includes('n8n worker is now ready')) {
		if (server.exited()) throw new Error(`n8n worker ${name} exited early:\n${server.output().slice(-3000)}`);
		if (Date.now() > readyBy) throw new Error(`n8n worker ${name} was not ready in time:\n${server.output().slice(-3000)}`);
		await sleep(200);
	}
	return worker;
}

/** Starts main (`n8n start`) and `workers` workers in queue mode, all at once. */
export async function startQueueMode(setup: N8nSetup, workers: number, concurrency: number): Promise<void> {
	const main = startN8n(setup.runtime, setup.userFolder, { env: { ...setup.env, EXECUTIONS_MODE: 'queue' } }).then((running) => {
		setup.main = running;
		return running;
	});
	// allSettled: a failure must not leave a process starting that close() would not know of
	const started = await Promise.allSettled([main, ...Array.from({ length: workers }, async (_, i) => await startWorker(setup, `worker ${i + 1}`, concurrency))]);
	const failed = started.find((result) => result.status === 'rejected');
	if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** The execution ids each worker's log says it started ("Worker started execution N"). */
export function executionsPerWorker(setup: N8nSetup): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	for (const worker of setup.workers) {
		result[worker.name] = [...worker.output().matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	}
	return result;
}
