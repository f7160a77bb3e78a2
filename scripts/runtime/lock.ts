/** Locking: one installer per folder, across processes (jest workers, parallel CLI calls). */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { runtimeRoot } from './lines';
import { pidAlive, sleep } from './proc';
import type { Log } from './types';

/** runs fn while holding `<root>/<name>.lock` (root: the runtime folder unless given) */
export async function withLock<T>(name: string, log: Log, fn: () => Promise<T>, root: string = runtimeRoot()): Promise<T> {
	const lockDir = path.join(root, `${name}.lock`);
	await fsp.mkdir(root, { recursive: true });
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
