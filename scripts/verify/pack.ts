/** The build verify needs (rebuilt only when stale) and the package as npm packs it, unpacked. */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** the files `npm run build` compiles or copies from, outside nodes/ and credentials/ */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.base.json', 'gulpfile.js'];

function walk(dir: string, out: string[] = []): string[] {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (entry.isFile()) out.push(full);
	}
	return out;
}

/** the built files package.json's n8n block names: what n8n loads */
function n8nFiles(root: string): string[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	return [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
}

/** why dist/ must be rebuilt before packing, or undefined when it is newer than every build input */
export function staleBuildReason(root: string): string | undefined {
	const missing = n8nFiles(root).find((file) => !fs.existsSync(path.join(root, file)));
	if (missing) return `${missing} does not exist`;
	const dist = path.join(root, 'dist');
	if (!fs.existsSync(dist)) return 'dist/ does not exist';
	// `npm run build` empties dist/ first, so its oldest file tells when the last build started
	const built = Math.min(...walk(dist).map((file) => fs.statSync(file).mtimeMs));
	const inputs = [
		...['nodes', 'credentials'].flatMap((dir) => (fs.existsSync(path.join(root, dir)) ? walk(path.join(root, dir)) : [])),
		...BUILD_INPUTS.map((file) => path.join(root, file)).filter((file) => fs.existsSync(file)),
	];
	const newer = inputs.find((file) => fs.statSync(file).mtimeMs > built);
	return newer ? `${path.relative(root, newer)} changed after the last build` : undefined;
}

/** `npm run <script>` in root with the output passed through; rejects on a non-zero exit */
export function npmRun(root: string, script: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', script], { cwd: root, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (exit ${code}, signal ${signal})`)),
		);
	});
}

export interface Packed {
	tarball: string;
	/** the tarball unpacked (its `package/` folder) */
	dir: string;
	files: string[];
	size: number;
	unpackedSize: number;
}

/** `npm pack` into work/, then the tarball unpacked into work/package, as the scanner's CLI unpacks it */
export function packAndUnpack(root: string, work: string): Packed {
	const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
	if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status}):\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
	const tarball = path.join(work, path.basename(info.filename));
	const dir = path.join(work, 'package');
	fs.mkdirSync(dir);
	const untar = spawnSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { encoding: 'utf8' });
	if (untar.status !== 0) throw new Error(`tar -xzf ${tarball} failed (exit ${untar.status}):\n${untar.stderr}`);
	const files = walk(dir).map((file) => path.relative(dir, file).split(path.sep).join('/')).sort();
	const listed = info.files.map((file) => file.path).sort();
	if (JSON.stringify(files) !== JSON.stringify(listed)) {
		throw new Error(`the unpacked tarball holds ${files.length} files, npm pack listed ${listed.length}`);
	}
	// a scan of a tarball without the node would pass and mean nothing (dist/ emptied by a build running meanwhile)
	const absent = n8nFiles(root).filter((file) => !files.includes(file));
	if (absent.length > 0) throw new Error(`the tarball lacks ${absent.join(', ')}, which package.json's n8n block names`);
	return { tarball, dir, files, size: info.size, unpackedSize: info.unpackedSize };
}
