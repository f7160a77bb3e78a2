/**
 * `npm run demo:mcp`: the CRM-assistant MCP template (templates/leadsquared-crm-assistant-mcp.json) served by a
 * real n8n (2.40.7 from .runtime/) against the local LeadSquared sandbox with its demo leads, for an MCP client
 * (Claude Desktop, Cursor, the MCP Inspector) without a LeadSquared account.
 *
 * The set-up is `npm start`'s (scripts/e2e/serve.ts): the packed package, the sandbox, the demo credential and
 * workflows imported; here the template is imported on the demo credential and published with n8n's CLI, and
 * once n8n serves it, the official MCP SDK client lists its tools before the MCP URL and client settings are
 * printed. Each request the sandbox receives is printed as it comes. Ctrl-C (SIGINT) or SIGTERM stops n8n and
 * the sandbox and exits 0.
 *
 * Options: --fresh, --port=<n> (default 5678 if free, else any free port), --dir=<folder> (default
 * .runtime/demo-mcp; holds n8n-user/, package/ and n8n.log).
 */
import { DEMO_CREDENTIAL_ID, DEMO_CREDENTIAL_NAME, DEMO_OWNER as OWNER } from './e2e/demo-workflow';
import { connectMcp } from './e2e/mcp-client';
import type { SeenTool } from './e2e/mcp-client';
import { MCP_TEMPLATE_FILE, MCP_WORKFLOW_ID, mcpUrl, mcpWorkflow } from './e2e/mcp-template';
import { describeRequest, parseServeArgs, serveDemo } from './e2e/serve';
import { sleep } from './runtime';

const log = (line: string): void => console.log(line);

/** n8n 2.x activates published workflows in the background: the MCP URL answers a moment after n8n is ready. */
async function listToolsWhenServed(url: string, timeoutMs: number): Promise<SeenTool[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const session = await connectMcp(url);
			try {
				return await session.listTools();
			} finally {
				await session.close();
			}
		} catch (error) {
			if (Date.now() > deadline) throw new Error(`the MCP server at ${url} did not answer within ${timeoutMs / 1000} s: ${error instanceof Error ? error.message : String(error)}`);
			await sleep(1000);
		}
	}
}

function main(): void {
	const args = parseServeArgs(process.argv.slice(2), 'usage: npm run demo:mcp [-- --fresh] [--port=5678] [--dir=.runtime/demo-mcp]', 'demo-mcp');
	log('LeadSquared MCP demo: n8n serves the CRM-assistant template as an MCP server, next to a local LeadSquared sandbox.\n');
	void serveDemo({
		args,
		command: 'npm run demo:mcp',
		log,
		workflows: [mcpWorkflow({ id: DEMO_CREDENTIAL_ID, name: DEMO_CREDENTIAL_NAME })],
		publish: [MCP_WORKFLOW_ID],
		onRequest: (entry) => log(describeRequest(entry)),
		onReady: async ({ setup, n8n, userFolder }) => {
			const url = mcpUrl(n8n.url);
			const tools = await listToolsWhenServed(url, 90_000);
			log(`✓ MCP client (official SDK, streamable HTTP) connected and listed ${tools.length} tools: ${tools.map((tool) => tool.name).join(', ')}`);
			const config = (entry: Record<string, unknown>): string => JSON.stringify({ mcpServers: { leadsquared: entry } }, null, 2).replace(/\n/g, '\n   ');
			log(`
────────────────────────────────────────────────────────────────────────────
 The MCP server is ready: ${url}
 (streamable HTTP, no authentication: it listens on 127.0.0.1 only)

 Connect an MCP client to it:
 - MCP Inspector: npx @modelcontextprotocol/inspector
   then Transport Type "Streamable HTTP", URL ${url}, Connect, List Tools
 - Cursor, VS Code, Claude Code and other clients that take a URL:
   ${config({ url })}
 - Claude Desktop (claude_desktop_config.json, through the mcp-remote bridge):
   ${config({ command: 'npx', args: ['-y', 'mcp-remote', url] })}

 Then ask, e.g.: "Find the lead priya.sharma@example.com, log a phone call
 (connected, interested in the MBA) and create a follow-up task for tomorrow 10:00."
 This terminal prints each request the sandbox receives.

 The workflow is ${MCP_TEMPLATE_FILE} (n8n: ${n8n.url}, sign in as ${OWNER.email} / ${OWNER.password});
 its tools use the credential "${DEMO_CREDENTIAL_NAME}" (sandbox ${setup.sandbox.url}).
 n8n keeps its data in ${userFolder} between starts (npm run demo:mcp -- --fresh starts
 over); the sandbox's leads are the ${setup.sandbox.leads().length} demo leads again on every start.
 Ctrl-C stops n8n and the sandbox.
────────────────────────────────────────────────────────────────────────────
`);
		},
	});
}

main();
