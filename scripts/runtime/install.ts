/** ensureRuntime: install (or repair) one n8n line, compile its native modules, smoke-check it, mark it. */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { makeRuntime } from './env';
import { LINES, MARKER, MARKER_SCHEMA, readMarker, runtimeDirFor } from './lines';
import type { LineSpec, RuntimeMarker } from './lines';
import { withLock } from './lock';
import { ensureNpmNode, findNodeGyp, nativeModulesThatFail, systemNode } from './node';
import type { ResolvedNode } from './node';
import { elapsed, exec, npm, npmEnv } from './proc';
import { runN8n } from './run';
import type { Log, N8nRuntime, RuntimeLine } from './types';
import { chainWorkflow, nodeOutput, parseExecutionOutput } from './workflow';

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
