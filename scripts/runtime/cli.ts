/** The CLI behind `node .build/scripts/runtime.js ensure|selftest|info 2.x|1.x|all`. */
import * as path from 'node:path';

import { ensureRuntime } from './install';
import { LINES, MARKER, readMarker, runtimeDirFor } from './lines';
import type { RuntimeMarker } from './lines';
import { elapsed } from './proc';
import type { Log, RuntimeLine } from './types';

function linesOf(arg: string | undefined): RuntimeLine[] {
	if (arg === 'all' || arg === undefined) return ['2.x', '1.x'];
	if (arg === '2.x' || arg === '1.x') return [arg];
	throw new Error(`expected 2.x, 1.x or all, got ${arg}`);
}

export async function main(argv: string[]): Promise<number> {
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
		const { selftest } = await import('./selftest');
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
