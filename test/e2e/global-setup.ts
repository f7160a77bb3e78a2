/**
 * Once per `jest -c jest.e2e.config.js` run: packs the built package (`npm run build` must have run) into
 * a temporary folder, and makes sure the n8n runtimes are installed (the first run installs them into
 * .runtime/, which takes minutes; later runs find them in milliseconds). The tarball's path reaches the
 * test files through E2E_TARBALL.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { packPackage } from '../../scripts/e2e/package';
import { ensureRuntime, LINES, runtimeRoot } from '../../scripts/runtime';
import { e2eLines } from './lines';

export default async function globalSetup(): Promise<void> {
	const say = (line: string): void => console.log(`[e2e setup] ${line}`);
	console.log('');
	let t = Date.now();
	const packDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-leadsquared-e2e-pack-'));
	const tarball = await packPackage(packDir);
	process.env.E2E_TARBALL = tarball;
	process.env.E2E_PACK_DIR = packDir;
	say(`packed ${path.basename(tarball)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	for (const line of e2eLines()) {
		const { version } = LINES[line];
		if (!fs.existsSync(path.join(runtimeRoot(), `n8n-${version}`, '.n8n-runtime-complete.json'))) {
			say(`${line}: n8n ${version} is not installed in ${runtimeRoot()} yet: installing it now (5-10 minutes on 2 cores; later runs reuse it)`);
		}
		t = Date.now();
		const runtime = await ensureRuntime(line, { log: (message) => say(`${line}: ${message}`) });
		say(`${line}: n8n ${runtime.version} on Node ${runtime.nodeVersion} ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}
}
