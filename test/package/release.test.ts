/**
 * Release hygiene: the changelog is in Keep a Changelog 1.1.0 form and its newest released version is the
 * one package.json carries (so a version bump cannot ship without its changelog entry); the tags its links
 * name are the ones the publish workflow fires on; and engines.node admits exactly the Node.js range the
 * verified n8n releases run on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LINES } from '../../scripts/runtime/lines';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	version: string;
	engines: { node: string };
	repository: { url: string };
};
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const publishWorkflow = readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8');

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;
const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

interface Section {
	name: string;
	date?: string;
	body: string;
}

function sections(): Section[] {
	const found: Section[] = [];
	const heading = /^## \[([^\]]+)\](?: - (\S+))?[ \t]*$/gm;
	const matches = [...changelog.matchAll(heading)];
	matches.forEach((match, i) => {
		const end = i + 1 < matches.length ? matches[i + 1].index : changelog.search(/^\[[^\]]+\]: /m);
		found.push({ name: match[1], date: match[2], body: changelog.slice(match.index + match[0].length, end) });
	});
	return found;
}

function compareVersions(a: string, b: string): number {
	const [pa, pb] = [SEMVER.exec(a), SEMVER.exec(b)];
	if (!pa || !pb) throw new Error(`not a version: ${!pa ? a : b}`);
	for (let i = 1; i <= 3; i++) if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
	return 0;
}

function linkReferences(): Map<string, string> {
	return new Map([...changelog.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => [m[1].toLowerCase(), m[2]]));
}

const repositoryUrl = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const released = sections().filter((section) => section.name !== 'Unreleased');

describe('CHANGELOG.md', () => {
	it('starts with an Unreleased section, then released versions, newest first, each with a date', () => {
		expect(changelog.startsWith('# Changelog\n')).toBe(true);
		expect(changelog).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
		const all = sections();
		expect(all[0]).toMatchObject({ name: 'Unreleased', date: undefined });
		expect(all.filter((section) => section.name === 'Unreleased')).toHaveLength(1);
		expect(released.length).toBeGreaterThan(0);
		for (const section of released) {
			expect(section.name).toMatch(SEMVER);
			expect(section.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(new Date(`${section.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(section.date);
		}
		for (let i = 1; i < released.length; i++) {
			expect(compareVersions(released[i - 1].name, released[i].name)).toBeGreaterThan(0);
			expect(released[i - 1].date! >= released[i].date!).toBe(true);
		}
	});

	it('groups changes under the six Keep a Changelog types only, and every release lists some', () => {
		for (const section of sections()) {
			const types = [...section.body.matchAll(/^### (.+)$/gm)].map((m) => m[1].trim());
			for (const type of types) expect(CHANGE_TYPES).toContain(type);
			expect(new Set(types).size).toBe(types.length);
			if (section.name !== 'Unreleased') expect(section.body).toMatch(/^- /m);
		}
	});

	it("names package.json's version as its newest release", () => {
		expect(released[0].name).toBe(manifest.version);
	});

	it('ends with link references for Unreleased and every release, on v-prefixed tags of this repository', () => {
		const links = linkReferences();
		expect(links.get('unreleased')).toBe(`${repositoryUrl}/compare/v${released[0].name}...HEAD`);
		released.forEach((section, i) => {
			const previous = released[i + 1];
			expect(links.get(section.name.toLowerCase())).toBe(
				previous ? `${repositoryUrl}/compare/v${previous.name}...v${section.name}` : `${repositoryUrl}/releases/tag/v${section.name}`,
			);
		});
		// nothing but link references after the first one
		const tail = changelog.slice(changelog.search(/^\[[^\]]+\]: /m)).trim().split('\n');
		for (const line of tail) expect(line).toMatch(/^\[[^\]]+\]: \S+$/);
	});

	it('uses the tag form the publish workflow fires on', () => {
		expect(publishWorkflow).toMatch(/tags:\s*\n\s*- 'v\*\.\*\.\*'/);
		expect(publishWorkflow).toContain('"v${version}"');
	});
});

describe('engines.node', () => {
	const lower = /^>=(\d+)\.(\d+)(?:\.(\d+))?$/.exec(manifest.engines.node);

	it('is a plain lower bound', () => {
		expect(lower).not.toBeNull();
	});

	it("is the oldest Node.js of the verified n8n 1.x line (the 2.x line's Node 24 is above it)", () => {
		const oneX = LINES['1.x'].node;
		const twoX = LINES['2.x'].node;
		if (oneX.kind !== 'system' || twoX.kind !== 'npm') throw new Error('the runtime lines changed shape');
		expect([Number(lower![1]), Number(lower![2])]).toEqual([oneX.minMajor, oneX.minMinor]);
		expect(Number(twoX.version.split('.')[0])).toBeGreaterThanOrEqual(Number(lower![1]));
	});
});
