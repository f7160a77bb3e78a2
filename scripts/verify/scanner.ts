/**
 * n8n's verification scanner (@n8n/scan-community-package), run offline. Its CLI downloads the package from
 * the public registry and requires npm provenance; what it then lints is `analyzePackage(dir, patterns)`:
 * the attested source with its SOURCE_FILE_PATTERNS, and the unpacked tarball with every .js file and
 * package.json (TARBALL_PATTERNS).
 * We call the same function on our source tree and on our `npm pack` tarball.
 *
 * It runs in its own node process, from a runner module written into the tool's folder, so the scanner
 * resolves its own ESLint, parsers and plugins and nothing of it loads into ours. analyzePackage reports
 * only when there are errors (the gate ignores warnings); the runner also lints the same files with the
 * scanner's own config (`buildScanConfig`) to list warnings, since verify fails on any finding.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { cleanBaseEnv } from '../runtime/proc';
import type { Tool } from './tools';

export interface ScanJob {
	label: string;
	dir: string;
	/** glob patterns relative to dir; omitted: the scanner's own SOURCE_FILE_PATTERNS */
	patterns?: string[];
}

export interface ScanResult {
	label: string;
	dir: string;
	patterns: string[];
	/** the files the patterns matched, relative to dir: what was linted */
	files: string[];
	/** analyzePackage's verdict: what the verification gate decides */
	passed: boolean;
	message: string | null;
	/** analyzePackage's own report (ESLint's stylish format), present when it failed */
	details: string | null;
	errors: number;
	warnings: number;
	/** every error and warning, stylish format; empty when there are none */
	report: string;
	ms: number;
}

/** what the scanner's CLI lints in the downloaded tarball */
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const RUNNER_FILE = 'verify-scan-runner.mjs';

const RUNNER = `// Written by scripts/verify/scanner.ts; runs n8n's verification scanner on folders, offline.
// usage: node ${RUNNER_FILE} <jobs.json> <results.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const scannerUrl = new URL('./node_modules/@n8n/scan-community-package/scanner/scanner.mjs', import.meta.url);
const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(scannerUrl.href);
// the scanner's own ESLint and fast-glob, resolved from its folder
const requireFromScanner = createRequire(scannerUrl);
const load = async (name) => {
	const mod = await import(pathToFileURL(requireFromScanner.resolve(name)).href);
	return mod.default ?? mod;
};
const { ESLint } = await load('eslint');
const glob = await load('fast-glob');

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const job of jobs) {
	const started = Date.now();
	const patterns = job.patterns ?? SOURCE_FILE_PATTERNS;
	// the same file selection as analyzePackage
	const files = glob.sync(patterns, { cwd: job.dir, ignore: ['node_modules/**', '**/package-lock.json'] }).sort();
	const verdict = await analyzePackage(job.dir, patterns);
	const eslint = new ESLint({
		cwd: job.dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const linted = files.length > 0 ? await eslint.lintFiles(files.map((file) => path.join(job.dir, file))) : [];
	const withFindings = linted.filter((r) => r.errorCount + r.warningCount > 0);
	const report = withFindings.length > 0 ? await (await eslint.loadFormatter('stylish')).format(withFindings) : '';
	results.push({
		label: job.label,
		dir: job.dir,
		patterns,
		files,
		passed: verdict.passed === true,
		message: verdict.message ?? null,
		details: verdict.details ?? null,
		errors: linted.reduce((n, r) => n + r.errorCount, 0),
		warnings: linted.reduce((n, r) => n + r.warningCount, 0),
		report,
		ms: Date.now() - started,
	});
}
writeFileSync(process.argv[3], JSON.stringify(results, null, 2));
`;

/**
 * A package the gate must refuse: shipped code using `setTimeout` and `process`, which the community-nodes
 * rule no-restricted-globals forbids. If the scanner passes it, its rules did not load and a clean result
 * elsewhere would mean nothing.
 */
export async function writeCanary(dir: string): Promise<ScanJob> {
	await fsp.mkdir(path.join(dir, 'dist'), { recursive: true });
	const manifest = {
		name: 'n8n-nodes-verify-canary',
		version: '0.0.1',
		description: 'A package the verification scanner must refuse',
		keywords: ['n8n-community-node-package'],
		license: 'MIT',
		author: { name: 'verify', email: 'verify@example.com' },
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/Canary.node.js'] },
		peerDependencies: { 'n8n-workflow': '*' },
	};
	await fsp.writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
	await fsp.writeFile(
		path.join(dir, 'dist', 'Canary.node.js'),
		"'use strict';\nexports.wait = () => new Promise((resolve) => setTimeout(() => resolve(process.env.HOME), 10));\n",
	);
	return { label: 'canary', dir, patterns: TARBALL_PATTERNS };
}

/** true when the scanner refused the canary for its restricted globals */
export function canaryRefused(result: ScanResult): boolean {
	return !result.passed && (result.details ?? '').includes('no-restricted-globals');
}

/**
 * runs analyzePackage on each job's folder, in one child process: one result per job, and whatever the
 * scanner printed itself (it logs exceptions to stderr)
 */
export async function scan(tool: Tool, jobs: ScanJob[]): Promise<{ results: ScanResult[]; output: string }> {
	const runner = path.join(tool.dir, RUNNER_FILE);
	if (!fs.existsSync(runner) || fs.readFileSync(runner, 'utf8') !== RUNNER) await fsp.writeFile(runner, RUNNER);
	// the scanner makes a temp folder when it loads (and never removes it): give it one we remove
	const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'verify-scan-'));
	try {
		const jobsFile = path.join(work, 'jobs.json');
		const resultsFile = path.join(work, 'results.json');
		const tmp = path.join(work, 'tmp');
		await fsp.mkdir(tmp);
		await fsp.writeFile(jobsFile, JSON.stringify(jobs));
		const { code, signal, output } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
			(resolve, reject) => {
				const child = spawn(process.execPath, [runner, jobsFile, resultsFile], {
					cwd: tool.dir,
					env: { ...cleanBaseEnv(), TMPDIR: tmp, TMP: tmp, TEMP: tmp, NO_COLOR: '1', FORCE_COLOR: '0' },
					stdio: ['ignore', 'pipe', 'pipe'],
				});
				let text = '';
				child.stdout.on('data', (b: Buffer) => (text += b.toString('utf8')));
				child.stderr.on('data', (b: Buffer) => (text += b.toString('utf8')));
				child.on('error', reject);
				child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal, output: text }));
			},
		);
		if (code !== 0 || !fs.existsSync(resultsFile)) {
			throw new Error(`the scanner did not finish (exit ${code}, signal ${signal}):\n${output.slice(-4000)}`);
		}
		return { results: JSON.parse(await fsp.readFile(resultsFile, 'utf8')) as ScanResult[], output: output.trim() };
	} finally {
		await fsp.rm(work, { recursive: true, force: true });
	}
}
