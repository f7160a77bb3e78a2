/** Running n8n: one CLI command (runN8n) or the server (startN8n), in a given user folder. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';

import { findFreePort, killGroup, sleep } from './proc';
import type { N8nRuntime, RunningN8n, RunResult } from './types';

async function runEnv(runtime: N8nRuntime, userFolder: string, extra: NodeJS.ProcessEnv | undefined): Promise<NodeJS.ProcessEnv> {
	const env = runtime.env(userFolder);
	// 2.x always starts a task broker (default port 5679); a private port lets runs go in parallel
	if (runtime.line === '2.x' && !extra?.N8N_RUNNERS_BROKER_PORT) env.N8N_RUNNERS_BROKER_PORT = String(await findFreePort());
	return { ...env, ...(extra ?? {}) };
}


/**
 * Loaded with `node --require` into `n8n execute` on 2.x when the `vm` expression engine is on. n8n's execute
 * command ends with process.exit() without disposing the engine (its `start` path does dispose it), and
 * isolated-vm's static destructors then race isolate threads still running JS: SIGSEGV/SIGABRT after the
 * result was printed. This disposes the engine first, as n8n's own exitSuccessFully() does. It lowers the
 * crash rate (9/16 -> 1/64 measured) but does not remove it, which is why `legacy` is the default.
 */
const EXIT_PRELOAD = `'use strict';
const path = require('path');
const realExit = process.exit;
let exiting = false;
process.exit = function exitAfterDisposingExpressionEngine(code) {
	if (exiting) return realExit.call(process, code);
	exiting = true;
	let Expression;
	try {
		const n8nDir = path.dirname(path.dirname(require.resolve(process.argv[1])));
		Expression = require(require.resolve('n8n-workflow', { paths: [n8nDir] })).Expression;
	} catch {
		return realExit.call(process, code);
	}
	const done = () => realExit.call(process, code);
	const timer = setTimeout(done, 5000);
	Promise.resolve()
		.then(() => Expression.disposeExpressionEngine())
		.then(() => { clearTimeout(timer); done(); }, () => { clearTimeout(timer); done(); });
};
`;

async function exitPreloadArgs(runtime: N8nRuntime, env: NodeJS.ProcessEnv, args: string[]): Promise<string[]> {
	const engine = env.N8N_EXPRESSION_ENGINE ?? 'vm';
	if (runtime.line !== '2.x' || engine !== 'vm' || !['execute', 'execute-batch', 'executeBatch'].includes(args[0] ?? '')) return [];
	const file = path.join(runtime.dir, 'exit-dispose-expression-engine.cjs');
	if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== EXIT_PRELOAD) {
		const tmp = `${file}.${process.pid}.tmp`;
		await fsp.writeFile(tmp, EXIT_PRELOAD);
		await fsp.rename(tmp, file);
	}
	return ['--require', file];
}

/**
 * `n8n <args>` in userFolder, waits for exit; kills the process group (n8n + task runner) on timeout.
 * Use one userFolder per concurrent run (each has its own sqlite DB); on 2.x each run gets its own task
 * broker port. `code` is null when n8n died from a signal (see `signal`) or timed out (`timedOut`).
 */
export async function runN8n(
	runtime: N8nRuntime,
	userFolder: string,
	args: string[],
	opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
	await fsp.mkdir(userFolder, { recursive: true });
	const env = await runEnv(runtime, userFolder, opts.env);
	const preload = await exitPreloadArgs(runtime, env, args);
	const started = Date.now();
	return await new Promise<RunResult>((resolve, reject) => {
		const child = spawn(runtime.nodeBinary, [...preload, runtime.n8nBin, ...args], {
			cwd: userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, opts.timeoutMs ?? 120_000);
		let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
		const finish = (): void => {
			clearTimeout(timer);
			resolve({
				code: exit?.code ?? null,
				signal: exit?.signal ?? null,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				timedOut,
				durationMs: Date.now() - started,
			});
		};
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			exit = { code, signal };
			// the task runner child (2.x) normally exits with n8n; make sure nothing is left behind
			killGroup(child.pid, 'SIGKILL');
			// 'close' follows once the pipes drain; don't hang if a stray grandchild kept them open
			setTimeout(finish, 5000).unref();
		});
		child.on('close', finish);
	});
}

function httpStatus(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 2000 }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/** A long-running n8n process (`n8n start`, `n8n worker`) in its own process group, its output collected. */
export interface ServerProcess {
	pid: number;
	output(): string;
	/** How it ended; undefined while it runs. */
	exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
	/** SIGTERM to the process group, SIGKILL after 15 s; safe to call twice. */
	stop(): Promise<void>;
}

/** A timeout to race against a process's exit; it does not keep Node running once the process is gone. */
const unrefTimer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export function spawnServer(runtime: N8nRuntime, userFolder: string, args: string[], env: NodeJS.ProcessEnv): ServerProcess {
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, ...args], {
		cwd: userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
	child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exit = new Promise<void>((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve();
		});
	});
	return {
		pid: child.pid ?? -1,
		output: () => output,
		exited: () => exited,
		async stop() {
			if (!exited) {
				killGroup(child.pid, 'SIGTERM');
				await Promise.race([exit, unrefTimer(15_000)]);
			}
			killGroup(child.pid, 'SIGKILL');
			await Promise.race([exit, unrefTimer(5000)]);
		},
	};
}

/**
 * `n8n start` (editor + REST + webhooks) on 127.0.0.1; resolves once n8n printed "Editor is now accessible via"
 * and GET /healthz/readiness answers 200. stop() sends SIGTERM to the process group, SIGKILL after 15 s.
 */
export async function startN8n(
	runtime: N8nRuntime,
	userFolder: string,
	opts: { port?: number; env?: NodeJS.ProcessEnv; readyTimeoutMs?: number } = {},
): Promise<RunningN8n> {
	await fsp.mkdir(userFolder, { recursive: true });
	const port = opts.port ?? (await findFreePort());
	const env = await runEnv(runtime, userFolder, { N8N_PORT: String(port), N8N_HOST: '127.0.0.1', ...(opts.env ?? {}) });
	const server = spawnServer(runtime, userFolder, ['start'], env);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
	for (;;) {
		const exited = server.exited();
		if (exited) {
			throw new Error(`n8n start exited early (code ${exited.code}, signal ${exited.signal}):\n${server.output().slice(-4000)}`);
		}
		// readiness turns 200 once the DB is migrated, a moment before start() finishes (community
		// packages, workflow activation); the banner line is printed last
		if (server.output().includes('Editor is now accessible via') && (await httpStatus(`${url}/healthz/readiness`)) === 200) break;
		if (Date.now() > deadline) {
			await server.stop();
			throw new Error(`n8n did not become ready on ${url} in time:\n${server.output().slice(-4000)}`);
		}
		await sleep(250);
	}
	return { url, port, pid: server.pid, stop: server.stop, output: server.output };
}
