/**
 * The package as users get it: `npm pack` of the built `dist/` (run `npm run build` first), for the
 * end-to-end tests, `npm start` and `npm run demo`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

/** The repository root: the folder whose package.json is this package's. */
export function repoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const pj = path.join(dir, 'package.json');
		if (fs.existsSync(pj)) {
			try {
				if ((JSON.parse(fs.readFileSync(pj, 'utf8')) as { name?: string }).name === 'n8n-nodes-leadsquared') return dir;
			} catch {
				// keep walking
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`no n8n-nodes-leadsquared package.json above ${__dirname}`);
		dir = parent;
	}
}

/** `npm pack` into destDir; returns the tarball's absolute path. Fails if `dist/` was not built. */
export async function packPackage(destDir: string): Promise<string> {
	const root = repoRoot();
	const pkg = JSON.parse(await fsp.readFile(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` before packing`);
	}
	await fsp.mkdir(destDir, { recursive: true });
	const stdout = await new Promise<string>((resolve, reject) => {
		// strip what an outer `npm run` puts in the environment (npm_config_dry_run and the like)
		const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
		const child = spawn('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
		child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm pack failed (code ${code}):\n${err}`))));
	});
	const [info] = JSON.parse(stdout) as Array<{ filename: string }>;
	const tarball = path.join(destDir, path.basename(info.filename));
	if (!fs.existsSync(tarball)) throw new Error(`npm pack reported ${info.filename}, but ${tarball} does not exist`);
	return tarball;
}
