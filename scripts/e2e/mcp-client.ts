/**
 * The official MCP SDK client (`@modelcontextprotocol/sdk`, a dev dependency) connected to an n8n MCP Server
 * Trigger over streamable HTTP, as Claude Desktop, Cursor or the MCP Inspector connect: what `npm run demo:mcp`
 * checks before it prints the URL, and what the MCP e2e test drives.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface SeenTool {
	name: string;
	description?: string;
	inputSchema: { type: string; properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;
}

export interface ToolAnswer {
	isError: boolean;
	/** The text parts of the answer, joined. */
	text: string;
	/** The text parsed as JSON, when it is JSON. */
	json?: unknown;
}

export interface McpSession {
	/** The server's name and its instructions (the MCP Server Trigger's Instructions), as the client got them at connection. */
	server(): { name?: string; instructions?: string };
	listTools(): Promise<SeenTool[]>;
	callTool(name: string, args: Record<string, unknown>): Promise<ToolAnswer>;
	/** Everything the server sent back to this client, as text (for the no-key check). */
	received(): string;
	close(): Promise<void>;
}

export async function connectMcp(url: string, headers: Record<string, string> = {}): Promise<McpSession> {
	const received: string[] = [];
	const client = new Client({ name: 'n8n-nodes-leadsquared-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
	await client.connect(transport);
	return {
		server: () => ({ name: client.getServerVersion()?.name, instructions: client.getInstructions() }),
		async listTools() {
			const answer = await client.listTools();
			received.push(JSON.stringify(answer));
			return answer.tools as SeenTool[];
		},
		async callTool(name, args) {
			const answer = await client.callTool({ name, arguments: args });
			received.push(JSON.stringify(answer));
			const parts = (answer.content ?? []) as Array<{ type: string; text?: string }>;
			const text = parts.map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type}]`)).join('\n');
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { isError: answer.isError === true, text, json };
		},
		received: () => received.join('\n'),
		async close() {
			await client.close();
		},
	};
}
