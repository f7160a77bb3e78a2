/**
 * Running the compiled newcomer scripts (`npm run demo`, `npm start`, `npm run demo:mcp`) as a user runs them:
 * the compiled file (refusing a build older than its source), its output collected, waiting for a line, and
 * whether a port still listens once it stopped.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const root = path.join(__dirname, '..', '..');

/** The compiled script, refusing a build older than its source (run `npm run build:tools`). */
export function compiled(name: string): string {
	const js = path.join(root, '.build', 'scripts', `${name}.js`);
	const ts = path.join(root, 'scripts', `${name}.ts`);
	if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(ts).mtimeMs) {
		throw new Error(`${path.relative(root, js)} is missing or older than its source: run \`npm run build:tools\` (npm run test:e2e does)`);
	}
	return js;
}

export interface Started {
	child: ChildProcess;
	output(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function launch(script: string, args: string[]): Started {
	const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (b: Buffer) => (output += b.toString('utf8')));
	child.stderr?.on('data', (b: Buffer) => (output += b.toString('utf8')));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	return { child, output: () => output, exited };
}

export async function waitFor(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
	const deadline = Date.now() + timeoutMs;
	let done = false;
	void started.exited.then(() => (done = true));
	for (;;) {
		const match = started.output().match(pattern);
		if (match) return match;
		if (done || Date.now() > deadline) throw new Error(`no ${pattern} in the output:\n${started.output().slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Ctrl-C if it still runs (SIGKILL 30 s later), and its exit. */
export async function interrupt(started: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (started.child.exitCode === null && started.child.signalCode === null) {
		started.child.kill('SIGINT');
		const timer = setTimeout(() => started.child.kill('SIGKILL'), 30_000);
		const exit = await started.exited;
		clearTimeout(timer);
		return exit;
	}
	return await started.exited;
}

export function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
