/**
 * The documentation links n8n shows (each node's codex file, the credential's documentationUrl) point at
 * the public repository's README, and every section they name exists there (GitHub's heading anchors).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';

const root = join(__dirname, '..', '..');
const REPOSITORY = 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared';

/** GitHub's anchor for a heading: lower case, punctuation other than "-" and "_" dropped, spaces to "-". */
function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const anchors = new Set(
	readFileSync(join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchor(line.replace(/^#+ /, ''))),
);

interface Codex {
	node: string;
	categories: string[];
	alias?: string[];
	resources: Record<string, Array<{ url: string }>>;
}

const codexFiles = readdirSync(join(root, 'nodes', 'LeadSquared')).filter((name) => name.endsWith('.node.json'));

describe('documentation links', () => {
	it('every node has a codex file with a category and aliases', () => {
		expect(codexFiles.sort()).toEqual(['LeadSquared.node.json', 'LeadSquaredPollingTrigger.node.json', 'LeadSquaredTrigger.node.json']);
		for (const file of codexFiles) {
			const codex = JSON.parse(readFileSync(join(root, 'nodes', 'LeadSquared', file), 'utf8')) as Codex;
			expect(codex.categories).toContain('Sales');
			expect(codex.alias).toEqual(expect.arrayContaining(['LSQ']));
		}
	});

	it.each(codexFiles)('%s links to sections that exist in the README', (file) => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes', 'LeadSquared', file), 'utf8')) as Codex;
		const urls = Object.values(codex.resources).flat().map((link) => link.url);
		expect(urls.length).toBeGreaterThanOrEqual(2);
		for (const url of urls) {
			expect(url.startsWith(`${REPOSITORY}#`)).toBe(true);
			expect(anchors).toContain(url.split('#')[1]);
		}
	});

	it("the credential's documentation URL reaches its README section", () => {
		const url = new LeadSquaredApi().documentationUrl;
		expect(url).toBe(`${REPOSITORY}#credentials`);
		expect(anchors).toContain('credentials');
	});

	it('the main codex names the README section of each resource', () => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes', 'LeadSquared', 'LeadSquared.node.json'), 'utf8')) as Codex;
		const fragments = (codex.resources.generic ?? []).map((link) => link.url.split('#')[1]);
		expect(fragments).toEqual(expect.arrayContaining(['lead', 'activity', 'task', 'opportunity', 'note']));
		expect(codex.alias).toEqual(expect.arrayContaining(['LSQ', 'CRM lead']));
	});
});
