/**
 * The sandbox as evidence (issue 17 §1.7): every route names where its answer comes from, and every
 * message the sandbox writes itself says whether a source shows it. Read from the route modules' text:
 * - each route (ROUTES) has a `Source:` in its handler's doc comment or in comments on its table entry:
 *   [DOC] with a page URL (or the page's title, where no URL is stored), [CODE] / [live] / [OBS] with a
 *   CODE id or a repository, or [INF] with the reason;
 * - each line that writes an error message literal (mxError, badRequest, failure, mxEnvelope) carries a
 *   tag on the line or on the comment line above;
 * - each function that renders a row of an answer (render…) has a tagged doc comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROUTES } from '../../sandbox/routes';

const ROOT = join(__dirname, '../../sandbox');
const ROUTE_DIR = join(ROOT, 'routes');

interface Source {
	file: string;
	lines: string[];
}

const read = (dir: string, file: string): Source => ({ file, lines: readFileSync(join(dir, file), 'utf8').split('\n') });
const routeFiles = readdirSync(ROUTE_DIR)
	.filter((file) => file.endsWith('.ts'))
	.map((file) => read(ROUTE_DIR, file));
const sandboxFiles = readdirSync(ROOT)
	.filter((file) => file.endsWith('.ts'))
	.map((file) => read(ROOT, file));

/** A tag that names its source: a DOC page, a CODE/live/OBS file, or an INF reason. */
const NAMED_SOURCE = [
	/\[DOC\b[^\]]*\][^\n]*?(https?:\/\/\S+|"[^"]+")|\[DOC (https?:\/\/\S+|"[^"]+")/,
	/\[(CODE|live|OBS)\b[^\]]*\][^\n]*?(\bids? \d{8,}|\b[\w.-]+\/[\w.-]+`?)|\[(CODE|live|OBS)[^\]]*(\bids? \d{8,}|[\w.-]+\/[\w.-]+)/,
	/\[INF\b[^\]]*\][:\s]*\S+(\s+\S+){2,}|\[INF[:\s][^\]]{10,}\]/,
];
/** Any tag, for messages (the route's own source covers where the message is used). */
const ANY_TAG = /\[(DOC|CODE|live|OBS|INF|3P)\b/;

const names = (text: string) => NAMED_SOURCE.some((pattern) => pattern.test(text));
/** A `Source:` (its line and the three after it) naming a source. */
function namesSource(text: string): boolean {
	const at = text.indexOf('Source:');
	return at >= 0 && names(text.slice(at).split('\n').slice(0, 4).join('\n'));
}

/** The doc comment right above line `at` (skipping `export`), or ''. */
function docAbove(lines: string[], at: number): string {
	let end = at - 1;
	while (end >= 0 && lines[end].trim() === '') end--;
	if (end < 0 || !lines[end].trim().endsWith('*/')) return '';
	let start = end;
	while (start >= 0 && !lines[start].includes('/**')) start--;
	return start < 0 ? '' : lines.slice(start, end + 1).join('\n');
}

/** Line comments directly above line `at`. */
function commentsAbove(lines: string[], at: number): string {
	const out: string[] = [];
	for (let line = at - 1; line >= 0 && lines[line].trim().startsWith('//'); line--) out.unshift(lines[line]);
	return out.join('\n');
}

function findFunction(name: string): { source: Source; line: number } | undefined {
	const pattern = new RegExp(`^(export )?function ${name}\\(`);
	for (const source of routeFiles) {
		const line = source.lines.findIndex((text) => pattern.test(text));
		if (line >= 0) return { source, line };
	}
	return undefined;
}

/** Everything said about a route: comments on its table entry, and its handler's doc comment. */
function routeSource(name: string): string | undefined {
	for (const source of routeFiles) {
		const line = source.lines.findIndex((text) => text.includes(`name: '${name}'`));
		if (line < 0) continue;
		const { lines } = source;
		let open = line;
		while (open > 0 && !lines[open].includes('{')) open--;
		let close = line;
		while (close < lines.length - 1 && !/^\t\},?$|\},?\s*(\/\/.*)?$/.test(lines[close])) close++;
		const entry = lines.slice(open, close + 1).join('\n');
		const handleLine = lines.slice(open, close + 1).findIndex((text) => text.includes('handle:'));
		const said = [commentsAbove(lines, open), entry, handleLine >= 0 ? commentsAbove(lines, open + handleLine) : ''];
		const handler = /handle:\s*([A-Za-z_$][\w$]*)/.exec(entry)?.[1];
		const found = handler ? findFunction(handler) : undefined;
		if (found) said.push(docAbove(found.source.lines, found.line));
		return said.join('\n');
	}
	return undefined;
}

describe('the sandbox names its sources', () => {
	it.each(ROUTES.map((route) => route.name))('route %s', (name) => {
		const said = routeSource(name);
		expect(said).toBeDefined();
		expect(namesSource(said ?? '') ? 'named' : said).toBe('named');
	});

	it('every message the sandbox writes itself carries a tag', () => {
		const literal = /(mxError\(ctx, [^,]+, |badRequest\(|\bfailure\([^,]+, |mxEnvelope\([^,]+, )['"`]/;
		const untagged = routeFiles.flatMap(({ file, lines }) =>
			lines.flatMap((text, index) => (literal.test(text) && !ANY_TAG.test(text) && !ANY_TAG.test(commentsAbove(lines, index)) ? [`${file}:${index + 1}: ${text.trim()}`] : [])),
		);
		expect(untagged).toEqual([]);
	});

	it('every function rendering rows of an answer names its source', () => {
		const render = /^\s*(export )?(function )?render\w*\(/;
		const unnamed = [...routeFiles, ...sandboxFiles].flatMap(({ file, lines }) =>
			lines.flatMap((text, index) => (render.test(text) && !names(docAbove(lines, index)) && !ANY_TAG.test(docAbove(lines, index)) ? [`${file}:${index + 1}: ${text.trim()}`] : [])),
		);
		expect(unnamed).toEqual([]);
	});
});
