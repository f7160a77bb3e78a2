/**
 * The house rules of the source tree (DEVELOPERS.md "How we build", issue 18): no file over 400 lines, no
 * import circle, and in the node's folder every import points down the rooms its map names
 * (nodes/LeadSquared/README.md): model → values → machinery, nothing below importing from above.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '../..');
const TREES = ['nodes', 'credentials', 'sandbox', 'scripts', 'test'];
const MAX_LINES = 400;

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
		return /\.ts$/.test(name) ? [path] : [];
	});
}

const files = TREES.flatMap((tree) => sources(join(ROOT, tree)));
const rel = (path: string) => relative(ROOT, path);

/** The project files a module imports (relative imports only; `import type` included: circles of types are circles too). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const out: string[] = [];
	for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
		const base = resolve(dirname(file), match[1]);
		const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => files.includes(candidate));
		if (target) out.push(target);
	}
	return out;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the source tree', () => {
	it(`has no file over ${MAX_LINES} lines`, () => {
		const long = files.map((file) => [rel(file), readFileSync(file, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});

	it('has no import circle', () => {
		const circles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string): void => {
			state.set(file, 'open');
			stack.push(file);
			for (const next of graph.get(file) ?? []) {
				if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
				else if (!state.has(next)) visit(next);
			}
			stack.pop();
			state.set(file, 'done');
		};
		for (const file of files) if (!state.has(file)) visit(file);
		expect(circles).toEqual([]);
	});

	it("keeps the node's rooms in order: model → values → machinery, each importing only from the rooms below it", () => {
		const node = join(ROOT, 'nodes/LeadSquared');
		const rank: Record<string, number> = { machinery: 0, values: 1, model: 2 };
		const roomOf = (file: string) => relative(node, file).split('/')[0];
		const wrong: string[] = [];
		for (const [file, targets] of graph) {
			if (!file.startsWith(node)) continue;
			const room = roomOf(file);
			if (!(room in rank)) continue;
			for (const target of targets) {
				const other = roomOf(target);
				if (!target.startsWith(node) || !(other in rank) || rank[other] > rank[room]) wrong.push(`${rel(file)} → ${rel(target)}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('keeps the rooms below the actions free of n8n: pure functions, unit-tested on their own', () => {
		const node = join(ROOT, 'nodes/LeadSquared');
		const impure = files
			.filter((file) => ['machinery', 'values', 'model'].includes(relative(node, file).split('/')[0]) && file.startsWith(node))
			.filter((file) => /from ['"]n8n-(workflow|core)['"]/.test(readFileSync(file, 'utf8')))
			.map(rel);
		expect(impure).toEqual([]);
	});
});
