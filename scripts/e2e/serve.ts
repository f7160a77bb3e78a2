/**
 * What `npm start` and `npm run demo:mcp` share: the command line (--fresh, --port, --dir), the demo set-up
 * (scripts/e2e/demo-setup.ts) in a kept folder, `n8n start` on a free port with its log written to a file and
 * watched, the owner account (set up through n8n's REST API, or signed in again), and Ctrl-C (SIGINT) or SIGTERM
 * stopping n8n (its whole process group) and the sandbox with exit code 0.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';

import type { RequestLogEntry } from '../../sandbox';
import { findFreePort, runtimeRoot, startN8n } from '../runtime';
import type { RunningN8n } from '../runtime';
import { prepareDemo } from './demo-setup';
import type { DemoSetup } from './demo-setup';
import { DEMO_CREDENTIAL_ID, DEMO_OWNER as OWNER } from './demo-workflow';
import { n8nRest } from './rest';

const DEFAULT_PORT = 5678;

export interface ServeArgs {
	fresh: boolean;
	port?: number;
	dir: string;
}

/** --fresh, --port=<n>, --dir=<folder> (default .runtime/<folder>); --help prints `usage` and exits 0. */
export function parseServeArgs(argv: string[], usage: string, folder: string): ServeArgs {
	const options: ServeArgs = { fresh: false, dir: path.join(runtimeRoot(), folder) };
	for (const arg of argv) {
		const [name, value] = arg.split(/=(.*)/s, 2);
		if (name === '--fresh') options.fresh = true;
		else if (name === '--port' && /^\d+$/.test(value ?? '')) options.port = Number(value);
		else if (name === '--dir' && value) options.dir = path.resolve(value);
		else if (name === '--help' || name === '-h') {
			console.log(usage);
			process.exit(0);
		} else {
			throw new Error(`unknown option ${arg} (try --help)`);
		}
	}
	return options;
}

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

interface Session {
	cookie?: string;
	note: string;
}

/** Sets up the owner on a new instance, or signs in as the demo owner on an existing one. */
async function ownerSession(baseUrl: string): Promise<Session> {
	const setup = await n8nRest(`${baseUrl}/rest/owner/setup`, 'POST', OWNER);
	if (setup.status === 200 && setup.cookie) return { cookie: setup.cookie, note: 'owner account set up' };
	const login = await n8nRest(`${baseUrl}/rest/login`, 'POST', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
	if (login.status === 200 && login.cookie) return { cookie: login.cookie, note: 'owner account from an earlier start' };
	return { note: `could not sign in as ${OWNER.email} (HTTP ${login.status}): the owner was changed in an earlier session` };
}

/** Whether the owner sees the workflows and the demo credential (they were imported before the owner existed). */
async function checkVisible(baseUrl: string, cookie: string, workflowIds: string[]): Promise<string[]> {
	const problems: string[] = [];
	const workflows = await n8nRest(`${baseUrl}/rest/workflows`, 'GET', undefined, cookie);
	const credentials = await n8nRest(`${baseUrl}/rest/credentials`, 'GET', undefined, cookie);
	const ids = (answer: { json: unknown }): string[] => ((answer.json as { data?: Array<{ id: string }> }).data ?? []).map((entry) => entry.id);
	for (const id of workflowIds) if (!ids(workflows).includes(id)) problems.push(`workflow ${id} is not in GET /rest/workflows (HTTP ${workflows.status})`);
	if (!ids(credentials).includes(DEMO_CREDENTIAL_ID)) problems.push(`credential ${DEMO_CREDENTIAL_ID} is not in GET /rest/credentials (HTTP ${credentials.status})`);
	return problems;
}

/** One line per request the sandbox receives (the lead's e-mail address for lead writes). */
export function describeRequest(entry: RequestLogEntry): string {
	let subject = '';
	if (Array.isArray(entry.body)) {
		const email = (entry.body as Array<{ Attribute?: string; Value?: unknown }>).find((pair) => pair.Attribute === 'EmailAddress');
		if (email) subject = `  ${String(email.Value)}`;
	}
	const outcome = entry.status === null ? 'no answer' : String(entry.status);
	return `  sandbox ← ${entry.method} ${entry.endpoint ?? entry.path} → ${outcome}${subject}`;
}

export interface Served {
	setup: DemoSetup;
	n8n: RunningN8n;
	userFolder: string;
	logFile: string;
	/** Whether the owner could sign in (false: the banner should say how to start over). */
	signedIn: boolean;
}

export interface ServeOptions {
	args: ServeArgs;
	/** The command's name in messages, e.g. "npm start". */
	command: string;
	log: (line: string) => void;
	/** Workflows imported next to the demo workflow, and the ids of those to publish. */
	workflows?: Array<Record<string, unknown>>;
	publish?: string[];
	/** Each request the sandbox receives, while not stopping. */
	onRequest?: (entry: RequestLogEntry, setup: DemoSetup | undefined) => void;
	/** Called once n8n is up and the owner signed in; prints the banner. */
	onReady: (served: Served) => Promise<void>;
	/** Called first on Ctrl-C / SIGTERM (timers of the caller). */
	onStop?: () => void;
}

/** Runs the demo until Ctrl-C or SIGTERM; exits the process (0, or 1 when n8n died or the set-up failed). */
export async function serveDemo(options: ServeOptions): Promise<void> {
	const { args, log } = options;
	const userFolder = path.join(args.dir, 'n8n-user');
	const logFile = path.join(args.dir, 'n8n.log');
	// what is running, for the signal handlers (filled in as it starts)
	const state: { setup?: DemoSetup; n8n?: RunningN8n; logTimer?: NodeJS.Timeout } = {};
	let stopping = false;
	let logged = 0;

	const flushLog = (): void => {
		if (!state.n8n) return;
		const output = state.n8n.output();
		if (output.length > logged) {
			fs.appendFileSync(logFile, output.slice(logged));
			logged = output.length;
		}
	};
	const shutdown = async (signal: string, code = 0): Promise<void> => {
		if (stopping) return;
		stopping = true;
		log(`\n${signal}: stopping n8n and the sandbox ...`);
		options.onStop?.();
		if (state.logTimer) clearInterval(state.logTimer);
		await state.n8n?.stop();
		flushLog();
		await state.setup?.sandbox.close();
		log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));

	try {
		if (args.fresh) {
			await fsp.rm(args.dir, { recursive: true, force: true });
			log(`--fresh: removed ${args.dir}`);
		}
		await fsp.mkdir(userFolder, { recursive: true });
		await fsp.writeFile(logFile, '');

		state.setup = await prepareDemo({
			userFolder,
			packDir: path.join(args.dir, 'package'),
			log,
			workflows: options.workflows,
			publish: options.publish,
			onRequest: (entry) => {
				if (!stopping) options.onRequest?.(entry, state.setup);
			},
		});
		if (stopping) return;

		const port = args.port ?? ((await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await findFreePort());
		const engine = process.env.N8N_RUNTIME_EXPRESSION_ENGINE ?? 'vm';
		log(`  starting n8n on port ${port} (${engine} expression engine; log: ${logFile}) ...`);
		const t = Date.now();
		state.n8n = await startN8n(state.setup.runtime, userFolder, { port, env: { N8N_EXPRESSION_ENGINE: engine } });
		const n8nPid = state.n8n.pid;
		state.logTimer = setInterval(() => {
			flushLog();
			try {
				process.kill(n8nPid, 0);
			} catch {
				log(`\nn8n exited unexpectedly; the end of its log (${logFile}):\n${(state.n8n?.output() ?? '').slice(-3000)}`);
				void shutdown('n8n exited', 1);
			}
		}, 1000);
		log(`✓ n8n started (${((Date.now() - t) / 1000).toFixed(1)} s)`);

		const session = await ownerSession(state.n8n.url);
		if (session.cookie) {
			const workflowIds = [state.setup.workflowId, ...(options.workflows ?? []).map((workflow) => String(workflow.id))];
			const problems = await checkVisible(state.n8n.url, session.cookie, workflowIds);
			if (problems.length > 0) log(`! ${problems.join('; ')}`);
			else log(`✓ ${session.note}; it sees the ${workflowIds.length > 1 ? 'workflows' : 'demo workflow'} and credential`);
		} else {
			log(`! ${session.note}. Sign in with your own account, or start over with: ${options.command} -- --fresh`);
		}
		await options.onReady({ setup: state.setup, n8n: state.n8n, userFolder, logFile, signedIn: session.cookie !== undefined });
	} catch (error) {
		console.error(`\n${options.command} failed: ${error instanceof Error ? error.message : String(error)}`);
		await shutdown('failed', 1);
	}
}
