/**
 * `node .build/scripts/runtime.js selftest 2.x|1.x|all`: proves a provisioned runtime does what the e2e tests
 * need, and measures it. Steps, in a fresh temp user folder each:
 *  1. ensureRuntime (cached or not) — timed
 *  2. a throwaway community package (one node + one credential type with generic header auth, requiring
 *     n8n-workflow as a peer) is packed with `npm pack` and installed with installPackage()
 *  3. import:credentials with a plain (unencrypted) credential for that type
 *  4. import:workflow + execute --rawOutput: Manual Trigger -> Set (expression) — timed
 *  5. the package's node calls a 127.0.0.1 echo server through httpRequestWithAuthentication — success path
 *  6. the same node against an endpoint answering 401 — failure path (exit code, error JSON)
 *  7. no run's stdout/stderr contains the credential's secret
 *  8. `n8n start` answers /healthz/readiness — timed — and stops
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureRuntime } from './install';
import { installPackage } from './package';
import { runN8n, startN8n } from './run';
import type { N8nRuntime, RunResult, RuntimeLine } from './types';
import { chainWorkflow, nodeOutput, parseExecutionOutput } from './workflow';

const SECRET = 'probe-SECRET-7f3a9c21-do-not-print';
const PKG = 'n8n-nodes-rtprobe';

const PROBE_NODE = `'use strict';
const { NodeApiError } = require('n8n-workflow');
class Probe {
	constructor() {
		this.description = {
			displayName: 'Probe', name: 'probe', group: ['transform'], version: 1,
			description: 'runtime self-test node', defaults: { name: 'Probe' },
			inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'probeApi', required: true }],
			properties: [
				{ displayName: 'Path', name: 'path', type: 'string', default: '/ok' },
				{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const creds = await this.getCredentials('probeApi');
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const p = this.getNodeParameter('path', i);
			let response;
			try {
				response = await this.helpers.httpRequestWithAuthentication.call(this, 'probeApi', {
					method: 'GET', url: creds.baseUrl + p, json: true,
				});
			} catch (error) {
				throw new NodeApiError(this.getNode(), error, { itemIndex: i });
			}
			out.push({ json: {
				...response,
				tag: this.getNodeParameter('tag', i),
				node: process.version,
				workflowLib: require.resolve('n8n-workflow'),
			} });
		}
		return [out];
	}
}
module.exports = { Probe };
`;

const PROBE_CREDENTIAL = `'use strict';
class ProbeApi {
	constructor() {
		this.name = 'probeApi';
		this.displayName = 'Probe API';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'X-Probe-Key': '={{$credentials.apiKey}}' } } };
	}
}
module.exports = { ProbeApi };
`;

async function makeProbeTarball(dir: string): Promise<string> {
	const src = path.join(dir, 'probe-src');
	await fsp.mkdir(path.join(src, 'dist'), { recursive: true });
	await fsp.writeFile(
		path.join(src, 'package.json'),
		JSON.stringify(
			{
				name: PKG,
				version: '0.0.1',
				description: 'throwaway package for scripts/runtime selftest',
				keywords: ['n8n-community-node-package'],
				license: 'MIT',
				main: 'index.js',
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, credentials: ['dist/ProbeApi.credentials.js'], nodes: ['dist/Probe.node.js'] },
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	await fsp.writeFile(path.join(src, 'dist', 'Probe.node.js'), PROBE_NODE);
	await fsp.writeFile(path.join(src, 'dist', 'ProbeApi.credentials.js'), PROBE_CREDENTIAL);
	const r = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: src, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
	return path.join(dir, `${PKG}-0.0.1.tgz`);
}

/** echo server: /ok answers 200 with what it saw (the key only as a hash), anything else 401 */
async function startEcho(): Promise<{ port: number; close(): Promise<void> }> {
	const server = http.createServer((req, res) => {
		const key = String(req.headers['x-probe-key'] ?? '');
		const keyHash = createHash('sha256').update(key).digest('hex').slice(0, 12);
		res.setHeader('content-type', 'application/json');
		if (req.url === '/ok') {
			res.end(JSON.stringify({ ok: true, method: req.method, keyHash, keyMatches: key === SECRET }));
		} else {
			res.statusCode = 401;
			res.end(JSON.stringify({ ok: false, message: 'probe says: unauthorized', keyMatches: key === SECRET }));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function secs(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function firstLines(text: string, n: number): string {
	return text
		.split('\n')
		.filter((l) => l.trim() !== '')
		.slice(0, n)
		.map((l) => `      | ${l.length > 160 ? l.slice(0, 160) + '…' : l}`)
		.join('\n');
}

function logLines(r: RunResult): string[] {
	// everything n8n printed that is not the execution JSON
	const lines = r.stdout.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === '{');
	return [...(start >= 0 ? lines.slice(0, start) : lines), ...r.stderr.split('\n')].filter((l) => l.trim() !== '');
}

export async function selftest(line: RuntimeLine, log: (line: string) => void): Promise<number> {
	let failures = 0;
	const check = (ok: boolean, what: string): void => {
		log(`${ok ? 'PASS' : 'FAIL'} [${line}] ${what}`);
		if (!ok) failures++;
	};
	const t0 = Date.now();
	const runtime: N8nRuntime = await ensureRuntime(line, { log });
	const ensureMs = Date.now() - t0;
	log(`[${line}] ensureRuntime: ${secs(ensureMs)} -> n8n ${runtime.version}, node ${runtime.nodeVersion}`);

	const work = await fsp.mkdtemp(path.join(os.tmpdir(), `n8n-selftest-${line}-`));
	const userFolder = path.join(work, 'user');
	const echo = await startEcho();
	const outputs: Array<{ what: string; r: RunResult }> = [];
	try {
		// community package
		const tPkg = Date.now();
		const tarball = await makeProbeTarball(work);
		await installPackage(runtime, userFolder, tarball);
		const installed = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PKG, 'package.json');
		check(fs.existsSync(installed), `installPackage put ${PKG} in .n8n/nodes/node_modules (${secs(Date.now() - tPkg)} incl. npm pack)`);
		check(
			!fs.existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-workflow')),
			'peer dependency n8n-workflow was not installed next to the package',
		);

		// credentials: plain data object, n8n encrypts it with the user folder's key on import
		const credFile = path.join(work, 'credentials.json');
		await fsp.writeFile(
			credFile,
			JSON.stringify([{ id: 'ProbeCred0000001', name: 'probe', type: 'probeApi', data: { apiKey: SECRET, baseUrl: `http://127.0.0.1:${echo.port}` } }]),
		);
		const ic = await runN8n(runtime, userFolder, ['import:credentials', `--input=${credFile}`], { timeoutMs: 180_000 });
		outputs.push({ what: 'import:credentials', r: ic });
		check(ic.code === 0 && /Successfully imported 1 credential/.test(ic.stdout + ic.stderr), `import:credentials (${secs(ic.durationMs)}, first run includes DB migrations)`);
		const dbFile = path.join(userFolder, '.n8n', 'database.sqlite');
		check(fs.existsSync(dbFile) && !fs.readFileSync(dbFile).includes(SECRET), 'credential is stored encrypted (secret not in database.sqlite)');

		const wfTrivial = chainWorkflow('SelftestTrivial1', 'selftest trivial', [
			{
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: {
						assignments: [{ id: 'a', name: 'shout', value: "={{ 'hi'.toUpperCase() + $now.year }}", type: 'string' }],
					},
					options: {},
				},
			},
			{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
		]);
		const probeNode = (p: string): Parameters<typeof chainWorkflow>[2][number] => ({
			name: 'Probe',
			type: `${PKG}.probe`,
			typeVersion: 1,
			parameters: { path: p, tag: "={{ 'tag-' + (20 + 22) }}" },
			credentials: { probeApi: { id: 'ProbeCred0000001', name: 'probe' } },
		});
		const wfOk = chainWorkflow('SelftestProbeOk1', 'selftest probe ok', [probeNode('/ok')]);
		const wfFail = chainWorkflow('SelftestProbeBad', 'selftest probe 401', [probeNode('/denied')]);
		const wfFile = path.join(work, 'workflows.json');
		await fsp.writeFile(wfFile, JSON.stringify([wfTrivial, wfOk, wfFail]));
		const iw = await runN8n(runtime, userFolder, ['import:workflow', `--input=${wfFile}`], { timeoutMs: 180_000 });
		outputs.push({ what: 'import:workflow', r: iw });
		check(iw.code === 0 && /Successfully imported 3 workflows/.test(iw.stdout + iw.stderr), `import:workflow of 3 workflows (${secs(iw.durationMs)})`);

		const ex = await runN8n(runtime, userFolder, ['execute', `--id=${wfTrivial.id}`, '--rawOutput'], { timeoutMs: 180_000 });
		outputs.push({ what: 'execute trivial', r: ex });
		let trivialOk = false;
		try {
			const res = parseExecutionOutput(ex.stdout);
			const out = nodeOutput(res, 'NoOp');
			trivialOk = ex.code === 0 && res.status === 'success' && out[0]?.shout === `HI${new Date().getUTCFullYear()}`;
		} catch (error) {
			log(`  ${(error as Error).message}`);
		}
		check(trivialOk, `execute --id --rawOutput, Manual Trigger -> Set (expression) -> NoOp: exit ${ex.code}, ${secs(ex.durationMs)}`);

		if (line === '2.x') {
			// informational: the stock `vm` expression engine (opt-in with N8N_RUNTIME_EXPRESSION_ENGINE=vm)
			const codes: string[] = [];
			let right = 0;
			for (let i = 0; i < 4; i++) {
				const vm = await runN8n(runtime, userFolder, ['execute', `--id=${wfTrivial.id}`, '--rawOutput'], {
					timeoutMs: 180_000,
					env: { N8N_EXPRESSION_ENGINE: 'vm' },
				});
				codes.push(vm.code === null ? String(vm.signal) : String(vm.code));
				try {
					if (nodeOutput(parseExecutionOutput(vm.stdout), 'NoOp')[0]?.shout === `HI${new Date().getUTCFullYear()}`) right++;
				} catch {
					// counted as not right
				}
			}
			log(`INFO [${line}] vm expression engine, 4 executes: exit ${codes.join(', ')}; correct result printed in ${right}/4`);
		}

		const ok = await runN8n(runtime, userFolder, ['execute', `--id=${wfOk.id}`, '--rawOutput'], { timeoutMs: 180_000 });
		outputs.push({ what: 'execute probe ok', r: ok });
		let probeOut: Record<string, unknown> = {};
		try {
			probeOut = nodeOutput(parseExecutionOutput(ok.stdout), 'Probe')[0] ?? {};
		} catch (error) {
			log(`  ${(error as Error).message}`);
		}
		check(ok.code === 0 && probeOut.keyMatches === true && probeOut.tag === 'tag-42', `community node ${PKG}.probe ran with the imported credential (exit ${ok.code}, ${secs(ok.durationMs)})`);
		check(probeOut.node === runtime.nodeVersion, `node ran on ${String(probeOut.node)}`);
		check(
			typeof probeOut.workflowLib === 'string' && probeOut.workflowLib.startsWith(runtime.dir),
			`package's require('n8n-workflow') resolved to the runtime's copy (${String(probeOut.workflowLib)})`,
		);

		const bad = await runN8n(runtime, userFolder, ['execute', `--id=${wfFail.id}`, '--rawOutput'], { timeoutMs: 180_000 });
		outputs.push({ what: 'execute probe 401', r: bad });
		let badError = '';
		try {
			badError = JSON.stringify(parseExecutionOutput(bad.stdout).data.resultData.error ?? {});
		} catch (error) {
			badError = `(no execution JSON: ${(error as Error).message.split('\n')[0]})`;
		}
		check(bad.code !== 0, `failing workflow exits non-zero (exit ${bad.code}, ${secs(bad.durationMs)}); error: ${badError.slice(0, 200)}`);

		for (const { what, r } of outputs) {
			check(!(r.stdout + r.stderr).includes(SECRET), `secret not in stdout/stderr of ${what}`);
		}

		// what n8n prints besides the JSON (the e2e tests scan these); full outputs kept with N8N_SELFTEST_KEEP=1
		await fsp.mkdir(path.join(work, 'outputs'), { recursive: true });
		for (const { what, r } of outputs) {
			const base = path.join(work, 'outputs', what.replace(/[^a-z0-9]+/gi, '-'));
			await fsp.writeFile(`${base}.stdout.txt`, r.stdout);
			await fsp.writeFile(`${base}.stderr.txt`, r.stderr);
		}
		for (const { what, r } of outputs) {
			const lines = logLines(r).filter((l) => !/^(Starting|Finished) migration /.test(l));
			log(`  [${line}] ${what}: exit ${r.code}, stdout ${r.stdout.length} B, stderr ${r.stderr.length} B; log lines (migrations omitted):\n${firstLines(lines.join('\n'), 14) || '      | (none)'}`);
		}

		// server mode
		const tStart = Date.now();
		const server = await startN8n(runtime, userFolder);
		const startMs = Date.now() - tStart;
		const settings = await new Promise<number>((resolve) => {
			http.get(`${server.url}/healthz`, (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}).on('error', () => resolve(0));
		});
		check(settings === 200, `n8n start on ${server.url} ready in ${secs(startMs)}`);
		const tStop = Date.now();
		await server.stop();
		check(true, `stop() in ${secs(Date.now() - tStop)}`);
		const loaded = server.output();
		check(!loaded.includes(SECRET), 'secret not in n8n start output');
		log(`  [${line}] n8n start output:\n${firstLines(loaded, 25)}`);
	} catch (error) {
		check(false, `selftest crashed: ${(error as Error).stack ?? String(error)}`);
	} finally {
		await echo.close();
		if (failures === 0 && !process.env.N8N_SELFTEST_KEEP) await fsp.rm(work, { recursive: true, force: true });
		else log(`  kept ${work} for inspection`);
	}
	log(`[${line}] selftest: ${failures === 0 ? 'all passed' : `${failures} failed`} in ${secs(Date.now() - t0)}`);
	return failures;
}
