/**
 * What ships: `npm pack` must hold the built credential, node, icons, codex and output schemas, and nothing
 * else of ours (no tests, sandbox or scripts); the built code may require only what n8n itself provides to
 * community nodes: n8n-workflow, and luxon (a dependency of n8n, allowed by n8n's Cloud rules; test:e2e proves it
 * resolves from the installed package on both n8n lines).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nodeOperations, nodeVersions, SCHEMA_ROOT, schemaFileName, TRIGGER_SCHEMA } from '../schemas/files';

const root = join(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackEntry {
	path: string;
}

let files: string[];

beforeAll(() => {
	execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'pipe' });
	const output = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	files = (JSON.parse(output) as Array<{ files: PackEntry[] }>)[0].files.map((file) => file.path).sort();
}, 120_000);

describe('the packed package', () => {
	it('holds the built credential, node, codex and both icons', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'package.json',
				'README.md',
				'LICENSE',
				'dist/credentials/LeadSquaredApi.credentials.js',
				'dist/nodes/LeadSquared/LeadSquared.node.js',
				'dist/nodes/LeadSquared/LeadSquared.node.json',
				'dist/nodes/LeadSquared/leadsquared.svg',
				'dist/nodes/LeadSquared/leadsquared.dark.svg',
			]),
		);
	});

	it("holds the node's output schemas next to the built node, one per operation and node version, as committed", () => {
		const names = [...nodeVersions().flatMap((version) => nodeOperations().map((operation) => schemaFileName(version, operation))), TRIGGER_SCHEMA];
		const shipped = (name: string) => `dist/nodes/LeadSquared/__schema__/${name}`;
		expect(files.filter((file) => file.includes('/__schema__/'))).toEqual(names.map(shipped).sort());
		for (const name of names) expect(readFileSync(join(root, shipped(name)), 'utf8')).toBe(readFileSync(join(SCHEMA_ROOT, name), 'utf8'));
	});

	it('holds nothing but the build and the package documents', () => {
		const outside = files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file));
		expect(outside).toEqual([]);
		expect(files.filter((file) => /(^|\/)(test|sandbox|scripts)\//.test(file) || /\.test\./.test(file))).toEqual([]);
		expect(files.filter((file) => file.startsWith('dist/') && !/^dist\/(nodes|credentials)\//.test(file))).toEqual([]);
	});

	it('lists existing built files in its n8n block, and has no runtime dependencies', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			dependencies?: object;
			peerDependencies?: Record<string, string>;
			n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
			keywords: string[];
		};
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(path);
	});

	it('requires nothing at run time but n8n-workflow, luxon and its own files', () => {
		const required = new Set<string>();
		for (const file of files.filter((path) => path.endsWith('.js'))) {
			const source = readFileSync(join(root, file), 'utf8');
			for (const match of source.matchAll(/require\("([^"]+)"\)/g)) {
				if (!match[1].startsWith('.')) required.add(match[1]);
			}
		}
		expect([...required].sort()).toEqual(['luxon', 'n8n-workflow']);
	});
});
