/** The node binaries n8n runs on, node-gyp, and load checks of compiled native modules. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { MARKER, MARKER_SCHEMA, readMarker, runtimeRoot } from './lines';
import type { NpmNode, SystemNode } from './lines';
import { withLock } from './lock';
import { elapsed, npm } from './proc';
import type { Log } from './types';

export interface ResolvedNode {
	binary: string;
	version: string;
	/** folder with include/node/node.h, for node-gyp --nodedir */
	nodedir: string;
}

function nodeVersionOf(binary: string): string | undefined {
	const r = spawnSync(binary, ['-p', 'process.version'], { encoding: 'utf8', timeout: 30_000 });
	return r.status === 0 ? r.stdout.trim() : undefined;
}


interface NodeMarker {
	schema: number;
	pkg: string;
	version: string;
	nodeVersion: string;
}

export async function ensureNpmNode(spec: NpmNode, log: Log): Promise<ResolvedNode> {
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

export function systemNode(spec: SystemNode): ResolvedNode {
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

/** node-gyp's CLI: npm's bundled copy (the one `npm rebuild` would use), else one inside the runtime */
export function findNodeGyp(runtimeDir: string): string {
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
export function nativeModulesThatFail(runtimeDir: string, node: ResolvedNode, modules: string[]): string[] {
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
