/** Installing a community package tarball into an n8n user folder, as a user does by hand. */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { elapsed, npm } from './proc';
import type { Log, N8nRuntime } from './types';

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
