/**
 * One end-to-end run of the packed package in a real n8n line, the way a user installs and runs it:
 *
 * 1. a fresh temporary N8N_USER_FOLDER; `npm install <tarball>` in its .n8n/nodes (installPackage)
 * 2. the sandbox with random keys containing `$`, `+` and `/`, seeded with the leads the workflows expect
 * 3. `n8n import:credentials` (two credentials: keys in headers and keys in the query string, both with a
 *    custom base URL pointing at the sandbox) and `n8n import:workflow --separate` of test/e2e/workflows
 * 4. `n8n execute --id=… --rawOutput` of the documented example, then `n8n execute-batch` of the others
 *    (one boot) with `--snapshot` (each execution's full JSON) and `--output` (the summary)
 *
 * Everything n8n printed and wrote is kept for the assertions (and in .test-tmp/e2e/<line>/ to read).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { LeadRecord, RequestLogEntry, Sandbox, SandboxOptions } from '../../sandbox';
import { repoRoot } from '../../scripts/e2e/package';
import { ensureRuntime, installPackage, parseExecutionOutput, runN8n } from '../../scripts/runtime';
import { startForeignHost, writeWorkflows } from './foreign-host';
import type { ForeignHost } from './foreign-host';
import type { ExecutionResult, N8nRuntime, RunResult, RuntimeLine } from '../../scripts/runtime';

export const WORKFLOW_DIR = path.join(__dirname, 'workflows');

/** The workflow ids of test/e2e/workflows/*.json (fixed, so the files stay static). */
export const WF = {
	documented: 'e2eDocumentedExample',
	autoMap: 'e2eAutoMap50Items',
	searchBy: 'e2eSearchByStudentId',
	continueOnFail: 'e2eContinueOnFail',
	expression: 'e2eExpressionAttrib',
	splitOut: 'e2eSplitOutPaired',
	queryKeys: 'e2eQueryStringKeys',
} as const;

export const CREDENTIALS = {
	headers: { id: 'e2eLsqSandboxHdrs', name: 'LeadSquared sandbox (e2e, keys in headers)', sendKeysAs: 'headers' },
	query: { id: 'e2eLsqSandboxQuery', name: 'LeadSquared sandbox (e2e, keys in query)', sendKeysAs: 'query' },
} as const;

export { DOCUMENTED_BODY } from '../fixtures/documented-body';

/** The 50 items of workflow 02 (its Set node computes the same list with an expression). */
export function autoMapStudents(): Array<Record<string, unknown>> {
	return Array.from({ length: 50 }, (_, i) => ({
		EmailAddress: `student${String(i + 1).padStart(2, '0')}@automap.e2e.example`,
		FirstName: 'Student',
		LastName: `Number ${i + 1}`,
		mx_City: ['Pune', 'Delhi', 'Chennai', 'Kolkata', 'Jaipur'][i % 5],
		mx_Course_Interest: ['Engineering', 'Medicine', 'Law', 'Business Administration'][i % 4],
		Score: i + 1,
		mx_Newsletter: i % 2 === 0,
	}));
}

/** Workflow 02's items that already exist in the sandbox: every fifth student (10 of 50). */
export const EXISTING_STUDENTS = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50];

/** What the workflows expect to find in the account (each workflow has its own e-mail domain). */
export function seedLeads(): Array<Record<string, string>> {
	return [
		...EXISTING_STUDENTS.map((n) => ({
			EmailAddress: `student${String(n).padStart(2, '0')}@automap.e2e.example`,
			FirstName: 'Existing',
			LastName: `Lead ${n}`,
			mx_City: 'Old City',
			Score: '0',
		})),
		// workflow 03 matches this lead by its student id and gives it a new e-mail address
		{ mx_Student_Id: 'STU-E2E-0001', EmailAddress: 'old.address@searchby.e2e.example', FirstName: 'Meera', LastName: 'Old' },
		// workflow 04's third item carries this lead's phone under another e-mail: MXDuplicateEntryException
		{ EmailAddress: 'phone.owner@continue.e2e.example', LastName: 'Owner', Phone: '+91-9000000001' },
	];
}

/** Random sandbox keys with the characters that need care in headers and URLs: `$`, `+`, `/`. */
export function randomKeys(): { accessKey: string; secretKey: string; cores: string[] } {
	const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
	const cores = [hex(8), hex(8), hex(8)];
	return {
		accessKey: `e2e$${cores[0]}+${hex(4)}/${hex(4)}`,
		secretKey: `${cores[1]}$+/${cores[2]}`,
		cores,
	};
}

/** Expression engine per line: n8n's stock `vm` on 2.x (N8N_RUNTIME_EXPRESSION_ENGINE overrides), `legacy` on 1.x (Node 20). */
export function engineFor(line: RuntimeLine): string {
	if (line === '1.x') return 'legacy';
	return process.env.N8N_RUNTIME_EXPRESSION_ENGINE ?? 'vm';
}

/** `n8n execute` with 2.x's `vm` engine may die by a signal at exit, after printing its result (scripts/RUNTIME.md). */
const EXIT_CRASH_SIGNALS: Array<NodeJS.Signals | null> = ['SIGSEGV', 'SIGABRT'];

export interface BatchSummary {
	totalWorkflows: number;
	summary: { failedExecutions: number; warningExecutions: number; successfulExecutions: number; errors: unknown[]; warnings: unknown[] };
	coveredNodes: Record<string, number>;
	executions: Array<{ workflowId: string; executionStatus: string; error?: string }>;
}

export interface CommandRecord {
	what: string;
	args: string[];
	result: RunResult;
}

export interface LineRun {
	line: RuntimeLine;
	runtime: N8nRuntime;
	engine: string;
	userFolder: string;
	sandbox: Sandbox;
	/** A host that is not the credential's (foreign-host.ts): it must receive nothing. */
	foreign: ForeignHost;
	keys: ReturnType<typeof randomKeys>;
	/** the sandbox's leads before any workflow ran */
	seeded: LeadRecord[];
	commands: CommandRecord[];
	/** `execute --rawOutput` of the documented example */
	documented: ExecutionResult;
	/** requests the documented example made (the log between its start and end) */
	documentedLog: RequestLogEntry[];
	batch: BatchSummary;
	/** workflow id → its execution JSON (execute-batch --snapshot) */
	executions: Record<string, ExecutionResult>;
	/** every execution JSON n8n exported, as text: execute's JSON, the snapshots, the batch summary */
	exportedJson: Array<{ what: string; text: string }>;
	/** commands that died by a signal after their output was complete (2.x `vm` engine only) */
	exitCrashes: string[];
	close(): Promise<void>;
}

function artifactsDir(line: RuntimeLine): string {
	return path.join(repoRoot(), '.test-tmp', 'e2e', line);
}

/** What scenarios beyond the core workflows add to a line's run (test/e2e/scenarios). */
export interface RunExtras {
	leads?: Array<Record<string, string>>;
	sandbox?: Partial<SandboxOptions>;
	/** Workflow ids run in the same execute-batch. */
	workflows?: string[];
}

export async function runLine(line: RuntimeLine, tarball: string, extras: RunExtras = {}): Promise<LineRun> {
	const runtime = await ensureRuntime(line);
	const engine = engineFor(line);
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), `n8n-e2e-${line}-`));
	const artifacts = artifactsDir(line);
	await fsp.rm(artifacts, { recursive: true, force: true });
	await fsp.mkdir(artifacts, { recursive: true });
	const keys = randomKeys();
	const sandbox = await startSandbox({
		...extras.sandbox,
		accessKey: keys.accessKey,
		secretKey: keys.secretKey,
		leads: [...seedLeads(), ...(extras.leads ?? [])],
		// the workflows send 60+ calls in a few seconds; pacing is the node's business (options.maxCallsPer5Seconds)
		rateLimit: { calls: 100_000, windowMs: 5000 },
	});
	const foreign = await startForeignHost();
	const commands: CommandRecord[] = [];
	const exitCrashes: string[] = [];
	// opts.workflowRun: exit code 1 (a workflow failed) still leaves the execution data for the assertions to report
	const n8n = async (what: string, args: string[], opts: { workflowRun?: boolean } = {}): Promise<RunResult> => {
		const env = line === '2.x' ? { N8N_EXPRESSION_ENGINE: engine } : undefined;
		const result = await runN8n(runtime, userFolder, args, { timeoutMs: 5 * 60_000, env });
		commands.push({ what, args, result });
		await fsp.writeFile(
			path.join(artifacts, `${String(commands.length).padStart(2, '0')}-${what}.log`),
			`$ n8n ${args.join(' ')}\n# exit code ${result.code}, signal ${result.signal}, ${result.durationMs} ms\n\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
		);
		const crashed = opts.workflowRun && result.code === null && !result.timedOut && EXIT_CRASH_SIGNALS.includes(result.signal);
		if (crashed) exitCrashes.push(`${what}: ${result.signal}`);
		else if (result.code !== 0 && !(opts.workflowRun && result.code === 1)) {
			throw new Error(`n8n ${args.join(' ')} failed (code ${result.code}, signal ${result.signal}):\n${(result.stdout + result.stderr).slice(-4000)}`);
		}
		return result;
	};

	try {
		await installPackage(runtime, userFolder, tarball);
		const seeded = sandbox.leads();

		const credentialFile = path.join(userFolder, 'e2e-credentials.json');
		await fsp.writeFile(
			credentialFile,
			JSON.stringify(
				Object.values(CREDENTIALS).map(({ id, name, sendKeysAs }) => ({
					id,
					name,
					type: 'leadSquaredApi',
					data: { host: 'custom', baseUrl: sandbox.url, accessKey: keys.accessKey, secretKey: keys.secretKey, sendKeysAs },
				})),
			),
		);
		try {
			await n8n('import-credentials', ['import:credentials', `--input=${credentialFile}`]);
		} finally {
			// n8n stored them encrypted; the only plain copy goes
			await fsp.rm(credentialFile, { force: true });
		}
		// The files may name the sandbox's and the foreign host's addresses, known only now.
		const workflowDir = path.join(userFolder, 'workflows');
		await writeWorkflows(WORKFLOW_DIR, workflowDir, { sandbox: sandbox.url, foreign: foreign.url });
		await n8n('import-workflows', ['import:workflow', '--separate', `--input=${workflowDir}`]);

		const logStart = sandbox.log.length;
		const documentedRun = await n8n('execute-documented-example', ['execute', `--id=${WF.documented}`, '--rawOutput'], { workflowRun: true });
		const documented = parseExecutionOutput(documentedRun.stdout);
		const documentedLog = sandbox.log.slice(logStart);

		const snapshotDir = path.join(userFolder, 'snapshots');
		const outputFile = path.join(userFolder, 'execute-batch.json');
		await fsp.mkdir(snapshotDir);
		const batchIds = [...Object.values(WF).filter((id) => id !== WF.documented), ...(extras.workflows ?? [])];
		await n8n('execute-batch', ['execute-batch', `--ids=${batchIds.join(',')}`, `--snapshot=${snapshotDir}`, `--output=${outputFile}`], {
			workflowRun: true,
		});
		const batchText = await fsp.readFile(outputFile, 'utf8');
		const exportedJson = [
			{ what: 'execute --rawOutput (stdout)', text: documentedRun.stdout },
			{ what: path.basename(outputFile), text: batchText },
		];
		const executions: Record<string, ExecutionResult> = {};
		for (const id of batchIds) {
			const file = path.join(snapshotDir, `${id}-snapshot.json`);
			if (!fs.existsSync(file)) continue; // execute-batch writes snapshots of successful executions only
			const text = await fsp.readFile(file, 'utf8');
			executions[id] = JSON.parse(text) as ExecutionResult;
			exportedJson.push({ what: path.basename(file), text });
		}
		await fsp.cp(snapshotDir, path.join(artifacts, 'snapshots'), { recursive: true });
		await fsp.writeFile(path.join(artifacts, 'sandbox-log.json'), redact(JSON.stringify(sandbox.log, null, '\t'), keys));
		await fsp.copyFile(outputFile, path.join(artifacts, path.basename(outputFile)));

		return {
			line,
			runtime,
			engine,
			userFolder,
			sandbox,
			foreign,
			keys,
			seeded,
			commands,
			documented,
			documentedLog,
			batch: JSON.parse(batchText) as BatchSummary,
			executions,
			exportedJson,
			exitCrashes,
			async close() {
				await sandbox.close();
				await foreign.close();
				if (process.env.E2E_KEEP_USER_FOLDER !== '1') await fsp.rm(userFolder, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await sandbox.close();
		await foreign.close();
		throw new Error(
			`${error instanceof Error ? error.message : String(error)}\n(n8n output kept in ${artifacts}, user folder ${userFolder})`,
		);
	}
}

/** The sandbox log for reading: keys replaced by placeholders. */
function redact(text: string, keys: ReturnType<typeof randomKeys>): string {
	let out = text;
	for (const [name, key] of [['accessKey', keys.accessKey], ['secretKey', keys.secretKey]]) {
		out = out.split(key).join(`<${name}>`).split(encodeURIComponent(key)).join(`<${name}>`);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the results
// ---------------------------------------------------------------------------------------------------------------

export interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

/** The items (json and pairedItem) a node emitted on output `index` in its last run. */
export function itemsOf(execution: ExecutionResult | undefined, node: string, output = 0): OutputItem[] {
	if (!execution) throw new Error('no execution data (did the workflow fail? execute-batch writes snapshots of successful runs only)');
	const runs = execution.data.resultData.runData[node];
	if (!runs || runs.length === 0) throw new Error(`node "${node}" did not run`);
	return ((runs[runs.length - 1].data?.main?.[output] ?? []) as OutputItem[]).map((item) => ({ json: item.json, pairedItem: item.pairedItem }));
}

/** Lead.CreateOrUpdate requests whose EmailAddress is in `domain` (each workflow has its own). */
export function upsertsFor(log: RequestLogEntry[], domain: string): RequestLogEntry[] {
	return log.filter((entry) => entry.endpoint === 'Lead.CreateOrUpdate' && String(bodyValues(entry).EmailAddress ?? '').endsWith(`@${domain}`));
}

/** The attribute/value pairs of a Lead.CreateOrUpdate body as a map (a CFS as its Fields). */
export function bodyValues(entry: RequestLogEntry): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	if (!Array.isArray(entry.body)) return values;
	for (const pair of entry.body as Array<{ Attribute: string; Value: unknown; Fields?: unknown }>) {
		values[pair.Attribute] = pair.Fields ?? pair.Value;
	}
	return values;
}

export function leadsIn(leads: LeadRecord[], domain: string): LeadRecord[] {
	return leads.filter((lead) => String(lead.EmailAddress ?? '').endsWith(`@${domain}`));
}

export function leadByEmail(leads: LeadRecord[], email: string): LeadRecord | undefined {
	return leads.find((lead) => String(lead.EmailAddress ?? '').toLowerCase() === email.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Leaked keys
// ---------------------------------------------------------------------------------------------------------------

/** The forms in which a key could leak: as is, percent-encoded, and its random 16-hex-digit parts alone. */
export function secretNeedles(keys: ReturnType<typeof randomKeys>): string[] {
	const forms = [keys.accessKey, keys.secretKey].flatMap((key) => [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1)]);
	return [...new Set([...forms, ...keys.cores])];
}

/** Where any needle occurs in the haystacks: `what` and a short excerpt, or nothing. */
export function findLeaks(haystacks: Array<{ what: string; text: string | Buffer }>, needles: string[]): string[] {
	const found: string[] = [];
	for (const { what, text } of haystacks) {
		for (const needle of needles) {
			const at = text.indexOf(needle);
			if (at >= 0) found.push(`${what} contains a key form at offset ${at}`);
		}
	}
	return found;
}

/** Every file of the user folder's database (sqlite + WAL), where the executions were saved. */
export async function databaseFiles(userFolder: string): Promise<Array<{ what: string; text: Buffer }>> {
	const dir = path.join(userFolder, '.n8n');
	const names = (await fsp.readdir(dir)).filter((name) => name.startsWith('database.sqlite'));
	return await Promise.all(names.map(async (name) => ({ what: name, text: await fsp.readFile(path.join(dir, name)) })));
}
