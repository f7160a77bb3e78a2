/**
 * The CRM-assistant MCP workflow template (templates/leadsquared-crm-assistant-mcp.json) as `npm run demo:mcp`
 * and the MCP e2e test put it into n8n: read from the committed file (the one the README links), given a
 * workflow id and pointed at a credential, then published with n8n's CLI so `n8n start` serves it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { runN8n } from '../runtime';
import type { N8nRuntime } from '../runtime';
import { repoRoot } from './package';

export const MCP_TEMPLATE_FILE = path.join('templates', 'leadsquared-crm-assistant-mcp.json');
export const MCP_WORKFLOW_ID = 'lsqMcpCrmAssistant';
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';
export const LEADSQUARED_TOOL_TYPE = 'n8n-nodes-leadsquared.leadSquaredTool';
/** The credential the committed template names; importing it elsewhere, pick your own. */
export const TEMPLATE_CREDENTIAL = { id: 'lsqCrmAssistantCred', name: 'LeadSquared account' };

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface McpTemplate {
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export function readMcpTemplate(): McpTemplate {
	return JSON.parse(fs.readFileSync(path.join(repoRoot(), MCP_TEMPLATE_FILE), 'utf8')) as McpTemplate;
}

/** The MCP Server Trigger's path: the MCP URL is `<n8n>/mcp/<path>`. */
export function mcpPath(template: McpTemplate = readMcpTemplate()): string {
	const trigger = template.nodes.find((node) => node.type === MCP_TRIGGER_TYPE);
	if (!trigger || typeof trigger.parameters.path !== 'string') throw new Error(`${MCP_TEMPLATE_FILE} has no MCP Server Trigger with a path`);
	return trigger.parameters.path;
}

export function mcpUrl(n8nUrl: string, template?: McpTemplate): string {
	return `${n8nUrl.replace(/\/$/, '')}/mcp/${mcpPath(template)}`;
}

/** The tool names n8n gives the template's LeadSquared tools (n8n-workflow's nodeNameToToolName: spaces → `_`). */
export function templateToolNames(template: McpTemplate = readMcpTemplate()): string[] {
	return template.nodes.filter((node) => node.type === LEADSQUARED_TOOL_TYPE).map((node) => node.name.replace(/[^a-zA-Z0-9_-]+/g, '_'));
}

/** The template for `n8n import:workflow`: an id, inactive, every LeadSquared tool on the given credential. */
export function mcpWorkflow(credential: { id: string; name: string }, id = MCP_WORKFLOW_ID): Record<string, unknown> {
	const template = readMcpTemplate();
	const nodes = template.nodes.map((node) => (node.credentials?.leadSquaredApi ? { ...node, credentials: { ...node.credentials, leadSquaredApi: credential } } : node));
	return { ...template, id, active: false, nodes };
}

/** Publishes (activates) an imported workflow with n8n's CLI, before `n8n start`: 2.x `publish:workflow`, 1.x `update:workflow --active=true`. */
export async function publishWorkflow(runtime: N8nRuntime, userFolder: string, id: string): Promise<void> {
	const args = runtime.line === '2.x' ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	const result = await runN8n(runtime, userFolder, args, { timeoutMs: 300_000 });
	if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (code ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
}
