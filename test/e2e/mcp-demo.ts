/**
 * `npm run demo:mcp` as a user runs it (the compiled script, its own folder and free port): waits for the MCP URL
 * it prints, hands it to `use` (an MCP client), then Ctrl-C; returns what it printed, how it exited, and whether
 * n8n's port still listens afterwards.
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { findFreePort } from '../../scripts/runtime';
import { compiled, interrupt, launch, listening, waitFor } from './launch';

export interface DemoMcpResult {
	output: string;
	exit: { code: number | null; signal: NodeJS.Signals | null };
	portListening: boolean;
}

export async function runDemoMcp(use: (url: string) => Promise<void>): Promise<DemoMcpResult> {
	const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-leadsquared-demo-mcp-'));
	const port = await findFreePort();
	const demo = launch(compiled('demo-mcp'), [`--dir=${dir}`, `--port=${port}`]);
	try {
		const [, url] = await waitFor(demo, /The MCP server is ready: (http:\/\/127\.0\.0\.1:\d+\/mcp\/\S+)/, 4 * 60_000);
		await waitFor(demo, /Ctrl-C stops n8n and the sandbox\./, 10_000);
		await use(url);
		// the sandbox's requests are printed as they arrive
		await waitFor(demo, /sandbox ← \S+ \S*Lead\S* → 200/, 10_000);
		const exit = await interrupt(demo);
		return { output: demo.output(), exit, portListening: await listening(port) };
	} finally {
		await interrupt(demo);
		await fsp.rm(dir, { recursive: true, force: true });
	}
}
