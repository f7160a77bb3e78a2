/**
 * The CRM-assistant MCP template in a real n8n (`n8n start`): a fresh user folder with the packed package
 * installed, the sandbox with random keys and the leads the MCP tests use, the credential and the template
 * (templates/leadsquared-crm-assistant-mcp.json, unchanged but for its credential) imported and published with
 * n8n's CLI, n8n started on its own port (its own task-broker port on 2.x), and the MCP URL once it answers.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { connectMcp } from '../../scripts/e2e/mcp-client';
import { MCP_WORKFLOW_ID, mcpUrl, mcpWorkflow, publishWorkflow } from '../../scripts/e2e/mcp-template';
import { repoRoot } from '../../scripts/e2e/package';
import { sleep, startN8n } from '../../scripts/runtime';
import type { RunningN8n, RuntimeLine } from '../../scripts/runtime';
import { engineFor, randomKeys } from './support';
import { freshUserFolder, importIntoN8n } from './trigger-support';

export const MCP_CREDENTIAL = { id: 'e2eLsqMcpCred', name: 'LeadSquared sandbox (MCP e2e)' };

/** The leads the MCP tests look up and write to (their own e-mail domain). */
export const MCP_LEADS = {
	meera: { EmailAddress: 'meera@mcp.e2e.example', FirstName: 'Meera', LastName: 'Iyer', Phone: '+91-9000000101', mx_City: 'Chennai', ProspectStage: 'Prospect' },
	kabir: { EmailAddress: 'kabir@mcp.e2e.example', FirstName: 'Kabir', LastName: 'Singh', Company: 'Singh Exports', mx_City: 'Jaipur' },
};

export interface McpRun {
	line: RuntimeLine;
	sandbox: Sandbox;
	n8n: RunningN8n;
	url: string;
	keys: ReturnType<typeof randomKeys>;
	timings: Record<string, number>;
	close(): Promise<void>;
}

/** n8n 2.x activates published workflows in the background: waits until an MCP client can list the tools. */
export async function waitForMcp(url: string, n8n: RunningN8n, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const session = await connectMcp(url);
			await session.listTools();
			await session.close();
			return;
		} catch (error) {
			if (Date.now() > deadline) throw new Error(`no MCP server at ${url} after ${timeoutMs / 1000} s (${String(error)}):\n${n8n.output().slice(-3000)}`);
			await sleep(500);
		}
	}
}

export async function startMcpRun(line: RuntimeLine, tarball: string): Promise<McpRun> {
	const timings: Record<string, number> = {};
	let t = Date.now();
	const { runtime, userFolder } = await freshUserFolder(line, tarball, 'mcp');
	timings.install = Date.now() - t;

	const keys = randomKeys();
	const sandbox = await startSandbox({
		accessKey: keys.accessKey,
		secretKey: keys.secretKey,
		leads: Object.values(MCP_LEADS),
		rateLimit: { calls: 100_000, windowMs: 5000 },
	});
	let n8n: RunningN8n | undefined;
	try {
		t = Date.now();
		const data = { host: 'custom', baseUrl: sandbox.url, accessKey: keys.accessKey, secretKey: keys.secretKey, sendKeysAs: 'headers' };
		await importIntoN8n(runtime, userFolder, [{ ...MCP_CREDENTIAL, type: 'leadSquaredApi', data }], [mcpWorkflow(MCP_CREDENTIAL)]);
		await publishWorkflow(runtime, userFolder, MCP_WORKFLOW_ID);
		timings.import = Date.now() - t;

		t = Date.now();
		// no setting makes a community node a tool: N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE is gone from both lines
		n8n = await startN8n(runtime, userFolder, { env: { N8N_EXPRESSION_ENGINE: engineFor(line) } });
		timings.start = Date.now() - t;
		t = Date.now();
		const url = mcpUrl(n8n.url);
		await waitForMcp(url, n8n, 90_000);
		timings.mcpReady = Date.now() - t;
		const running = n8n;
		return {
			line,
			sandbox,
			n8n: running,
			url,
			keys,
			timings,
			async close() {
				await running.stop();
				const artifacts = path.join(repoRoot(), '.test-tmp', 'e2e', 'mcp', line);
				await fsp.mkdir(artifacts, { recursive: true });
				await fsp.writeFile(path.join(artifacts, 'n8n.log'), running.output());
				await sandbox.close();
				if (process.env.E2E_KEEP_USER_FOLDER !== '1') await fsp.rm(userFolder, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await n8n?.stop();
		await sandbox.close();
		throw error;
	}
}
