/**
 * `npm start`: n8n's editor with the LeadSquared node installed, a credential pointing at a local
 * LeadSquared sandbox (with demo leads) and a demo workflow, for a newcomer without a LeadSquared account.
 *
 * - n8n 2.40.7 from .runtime/ (installed on the first run, minutes; reused afterwards) with n8n's stock
 *   expression engine (`vm`; N8N_RUNTIME_EXPRESSION_ENGINE overrides it). Its exit crash only affects
 *   `n8n execute`; `n8n start` disposes the engine on shutdown.
 * - n8n's user folder is kept in .runtime/demo/n8n-user, so the owner account and whatever you build
 *   survive a restart; the package, the credential (the sandbox's port changes) and the demo workflow are
 *   refreshed on every start. `--fresh` starts from an empty folder. The sandbox is in memory: its leads
 *   are the demo leads again on every start.
 * - The owner account is set up through n8n's REST API (POST /rest/owner/setup) on the first start.
 * - Ctrl-C (SIGINT) or SIGTERM stops n8n (its whole process group) and the sandbox, and exits 0.
 *
 * Options: --fresh, --port=<n> (default 5678 if free, else any free port), --dir=<folder> (default
 * .runtime/demo; holds n8n-user/, package/ and n8n.log).
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';

import type { LeadRecord, RequestLogEntry } from '../sandbox';
import { findFreePort, runtimeRoot, startN8n } from './runtime';
import type { RunningN8n } from './runtime';
import { prepareDemo } from './e2e/demo-setup';
import type { DemoSetup } from './e2e/demo-setup';
import {
	DEMO_CREDENTIAL_ID,
	DEMO_CREDENTIAL_NAME,
	DEMO_OWNER as OWNER,
	DEMO_WORKFLOW_ID,
	DEMO_WORKFLOW_NAME,
	LEADSQUARED_NODE,
} from './e2e/demo-workflow';
import { leadsTable } from './e2e/table';
import { n8nRest } from './e2e/rest';

const DEFAULT_PORT = 5678;

const log = (line: string): void => console.log(line);

interface Options {
	fresh: boolean;
	port?: number;
	dir: string;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { fresh: false, dir: path.join(runtimeRoot(), 'demo') };
	for (const arg of argv) {
		const [name, value] = arg.split(/=(.*)/s, 2);
		if (name === '--fresh') options.fresh = true;
		else if (name === '--port' && /^\d+$/.test(value ?? '')) options.port = Number(value);
		else if (name === '--dir' && value) options.dir = path.resolve(value);
		else if (name === '--help' || name === '-h') {
			log('usage: npm start [-- --fresh] [--port=5678] [--dir=.runtime/demo]');
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

/** Whether the owner sees the demo workflow and credential (they were imported before the owner existed). */
async function checkVisible(baseUrl: string, cookie: string): Promise<string[]> {
	const problems: string[] = [];
	const workflows = await n8nRest(`${baseUrl}/rest/workflows`, 'GET', undefined, cookie);
	const credentials = await n8nRest(`${baseUrl}/rest/credentials`, 'GET', undefined, cookie);
	const ids = (answer: { json: unknown }): string[] => ((answer.json as { data?: Array<{ id: string }> }).data ?? []).map((entry) => entry.id);
	if (!ids(workflows).includes(DEMO_WORKFLOW_ID)) problems.push(`workflow ${DEMO_WORKFLOW_ID} is not in GET /rest/workflows (HTTP ${workflows.status})`);
	if (!ids(credentials).includes(DEMO_CREDENTIAL_ID)) problems.push(`credential ${DEMO_CREDENTIAL_ID} is not in GET /rest/credentials (HTTP ${credentials.status})`);
	return problems;
}

function describeRequest(entry: RequestLogEntry): string {
	let subject = '';
	if (Array.isArray(entry.body)) {
		const email = (entry.body as Array<{ Attribute?: string; Value?: unknown }>).find((pair) => pair.Attribute === 'EmailAddress');
		if (email) subject = `  ${String(email.Value)}`;
	}
	const outcome = entry.status === null ? 'no answer' : String(entry.status);
	return `  sandbox ← ${entry.method} ${entry.endpoint ?? entry.path} → ${outcome}${subject}`;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const userFolder = path.join(options.dir, 'n8n-user');
	const logFile = path.join(options.dir, 'n8n.log');
	// what is running, for the signal handlers (filled in as it starts)
	const state: { setup?: DemoSetup; n8n?: RunningN8n; logTimer?: NodeJS.Timeout } = {};
	let stopping = false;
	let seeded: LeadRecord[] = [];
	let tableTimer: NodeJS.Timeout | undefined;
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
		if (state.logTimer) clearInterval(state.logTimer);
		if (tableTimer) clearTimeout(tableTimer);
		await state.n8n?.stop();
		flushLog();
		await state.setup?.sandbox.close();
		log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));

	log('LeadSquared node demo: n8n with the node installed, next to a local LeadSquared sandbox.\n');
	if (options.fresh) {
		await fsp.rm(options.dir, { recursive: true, force: true });
		log(`--fresh: removed ${options.dir}`);
	}
	await fsp.mkdir(userFolder, { recursive: true });
	await fsp.writeFile(logFile, '');

	state.setup = await prepareDemo({
		userFolder,
		packDir: path.join(options.dir, 'package'),
		log,
		onRequest: (entry) => {
			if (stopping) return;
			log(describeRequest(entry));
			if (entry.endpoint !== 'Lead.CreateOrUpdate' || !state.setup) return;
			if (tableTimer) clearTimeout(tableTimer);
			tableTimer = setTimeout(() => {
				if (!state.setup || stopping) return;
				log(`\nThe sandbox's leads now (compared with the demo leads at start):\n\n${leadsTable(state.setup.sandbox.leads(), seeded)}\n`);
			}, 1500);
		},
	});
	seeded = state.setup.sandbox.leads();
	if (stopping) return;

	const port = options.port ?? ((await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await findFreePort());
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
		const problems = await checkVisible(state.n8n.url, session.cookie);
		if (problems.length > 0) log(`! ${problems.join('; ')}`);
		else log(`✓ ${session.note}; it sees the demo workflow and credential`);
	} else {
		log(`! ${session.note}. Sign in with your own account, or start over with: npm start -- --fresh`);
	}

	const sandbox = state.setup.sandbox;
	log(`
────────────────────────────────────────────────────────────────────────────
 n8n is ready: ${state.n8n.url}

 1. Open ${state.n8n.url} in your browser and sign in:
      e-mail    ${OWNER.email}
      password  ${OWNER.password}
 2. Open the workflow "${DEMO_WORKFLOW_NAME}" (Overview).
 3. Click "Execute workflow" at the bottom of the canvas.
 4. Double-click "${LEADSQUARED_NODE}" to see each lead's result (status, leadId).
    This terminal prints each request the sandbox receives and its leads afterwards.

 The credential "${DEMO_CREDENTIAL_NAME}" points at the sandbox: host "Custom Base URL",
 base URL ${sandbox.url}, access key ${sandbox.accessKey}, secret key ${sandbox.secretKey}.
 Add your own LeadSquared node to any workflow and pick that credential.

 n8n keeps its data in ${userFolder} between starts (npm start -- --fresh starts
 over); the sandbox's leads are the ${seeded.length} demo leads again on every start.
 Ctrl-C stops n8n and the sandbox.
────────────────────────────────────────────────────────────────────────────
`);
	log(`The sandbox's leads at start:\n\n${leadsTable(seeded)}\n`);
}

main().catch(async (error: unknown) => {
	console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
