/** Small process helpers: a clean env, logged child processes, process groups, ports, npm. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';

/** process.env without what an outer npm script, jest or a shell n8n setup would leak into our children */
export function cleanBaseEnv(): NodeJS.ProcessEnv {
	const out: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		const k = key.toUpperCase();
		if (
			k.startsWith('N8N_') ||
			k.startsWith('DB_') ||
			k.startsWith('EXECUTIONS_') ||
			k.startsWith('QUEUE_') ||
			k.startsWith('NPM_') ||
			k.startsWith('CREDENTIALS_') ||
			k.startsWith('NODE_FUNCTION_ALLOW_') ||
			k.startsWith('NODES_') ||
			k.startsWith('JEST_') ||
			[
				'NODE_OPTIONS',
				'NODE_ENV',
				'NODE_PATH',
				'GENERIC_TIMEZONE',
				'WEBHOOK_URL',
				'VUE_APP_URL_BASE_API',
				'INIT_CWD',
				'ELECTRON_RUN_AS_NODE',
			].includes(k)
		) {
			continue;
		}
		out[key] = value;
	}
	return out;
}

export function prependPath(dir: string, envPath: string | undefined): string {
	const parts = (envPath ?? '').split(path.delimiter).filter((p) => p !== '' && p !== dir);
	return [dir, ...parts].join(path.delimiter);
}

interface ExecOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	timeoutMs?: number;
}

/** runs a command with output appended to logFile; rejects with the log's tail on failure */
export async function exec(cmd: string, args: string[], opts: ExecOptions): Promise<void> {
	await fsp.mkdir(path.dirname(opts.logFile), { recursive: true });
	const fd = fs.openSync(opts.logFile, 'a');
	fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n# cwd ${opts.cwd} at ${new Date().toISOString()}\n`);
	try {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(cmd, args, {
				cwd: opts.cwd,
				env: opts.env,
				stdio: ['ignore', fd, fd],
				detached: true,
			});
			let timer: NodeJS.Timeout | undefined;
			if (opts.timeoutMs) {
				timer = setTimeout(() => {
					killGroup(child.pid, 'SIGKILL');
				}, opts.timeoutMs);
			}
			child.on('error', (error) => {
				if (timer) clearTimeout(timer);
				reject(error);
			});
			child.on('exit', (code, signal) => {
				if (timer) clearTimeout(timer);
				killGroup(child.pid, 'SIGKILL');
				if (code === 0) resolve();
				else {
					reject(
						new Error(
							`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed (code ${code}, signal ${signal}); ` +
								`log ${opts.logFile}:\n${tailOf(opts.logFile, 40)}`,
						),
					);
				}
			});
		});
	} finally {
		fs.closeSync(fd);
	}
}

function tailOf(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

export function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function elapsed(startMs: number): string {
	const s = (Date.now() - startMs) / 1000;
	return s >= 60 ? `${Math.floor(s / 60)} min ${(s % 60).toFixed(1)} s` : `${s.toFixed(1)} s`;
}

/** a TCP port that was free on 127.0.0.1 a moment ago */
export async function findFreePort(): Promise<number> {
	return await new Promise<number>((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

// ---------------------------------------------------------------------------------------------------------------
// npm
// ---------------------------------------------------------------------------------------------------------------

export function npmEnv(nodeBinDir: string): NodeJS.ProcessEnv {
	return {
		...cleanBaseEnv(),
		PATH: prependPath(nodeBinDir, process.env.PATH),
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

export async function npm(args: string[], opts: { cwd: string; nodeBinDir: string; logFile: string; timeoutMs?: number }): Promise<void> {
	await exec('npm', args, {
		cwd: opts.cwd,
		env: npmEnv(opts.nodeBinDir),
		logFile: opts.logFile,
		timeoutMs: opts.timeoutMs ?? 30 * 60_000,
	});
}
