/**
 * The CRM-assistant MCP template (templates/leadsquared-crm-assistant-mcp.json, what the README links) against
 * the node it uses, without n8n running: every tool node names a resource, an operation and parameters the
 * LeadSquared node has for them, its $fromAI() calls parse the way n8n builds a tool's input schema (valid keys,
 * a description each, one meaning per key), its tool name is what the MCP client sees, and it carries no key.
 * The template in real n8n behind the MCP Server Trigger: test/e2e/mcp.test.ts.
 */
import type { FromAIArgument, INodeProperties, INodePropertyOptions, INodeParameters } from 'n8n-workflow';
import { nodeNameToToolName, traverseNodeParameters } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { LEADSQUARED_TOOL_TYPE, MCP_TRIGGER_TYPE, mcpPath, readMcpTemplate, templateToolNames } from '../../scripts/e2e/mcp-template';

const { description } = new LeadSquared();
const template = readMcpTemplate();
const tools = template.nodes.filter((node) => node.type === LEADSQUARED_TOOL_TYPE);
/** Parameters n8n adds to every node's Tool variant. */
const TOOL_PARAMETERS = ['descriptionType', 'toolDescription'];

function shownFor(resource: string, operation: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && (!show.operation || show.operation.includes(operation));
	});
}

describe('the CRM-assistant MCP template', () => {
	it('is one MCP Server Trigger (version 2: one URL for streamable HTTP and SSE) with eleven LeadSquared tools connected to it', () => {
		const triggers = template.nodes.filter((node) => node.type === MCP_TRIGGER_TYPE);
		expect(triggers).toHaveLength(1);
		expect(mcpPath(template)).toBe('leadsquared-crm');
		expect((template.nodes.find((node) => node.type === MCP_TRIGGER_TYPE) as unknown as { typeVersion: number }).typeVersion).toBe(2);
		expect(templateToolNames(template)).toEqual(tools.map((node) => nodeNameToToolName(node.name)));
		expect(new Set(templateToolNames(template)).size).toBe(11);
		for (const node of tools) {
			expect(template.connections[node.name]).toEqual({ ai_tool: [[{ node: triggers[0].name, type: 'ai_tool', index: 0 }]] });
		}
	});

	it.each(tools.map((node) => [node.name, node] as const))('%s: a resource, an operation and parameters the node has', (_name, node) => {
		const { resource, operation } = node.parameters as { resource: string; operation: string };
		const operations = description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
		expect((operations?.options as INodePropertyOptions[]).map((option) => option.value)).toContain(operation);
		const known = shownFor(resource, operation).map((property) => property.name);
		const unknown = Object.keys(node.parameters).filter((name) => !['resource', 'operation', ...TOOL_PARAMETERS].includes(name) && !known.includes(name));
		expect(unknown).toEqual([]);
		expect(node.parameters.descriptionType).toBe('manual');
		expect(String(node.parameters.toolDescription).length).toBeGreaterThan(40);
		expect(String(node.parameters.toolDescription).length).toBeLessThan(400);
		expect(node.credentials).toEqual({ leadSquaredApi: { id: 'lsqCrmAssistantCred', name: 'LeadSquared account' } });
	});

	it.each(tools.map((node) => [node.name, node] as const))('%s: $fromAI() keys n8n accepts, each described, one meaning per key', (_name, node) => {
		const args: FromAIArgument[] = [];
		traverseNodeParameters(node.parameters as INodeParameters, args);
		expect(args.length).toBeGreaterThan(0);
		const byKey = new Map<string, FromAIArgument>();
		for (const arg of args) {
			expect(arg.key).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
			expect(arg.description?.length ?? 0).toBeGreaterThan(10);
			const earlier = byKey.get(arg.key);
			if (earlier) expect({ description: arg.description, type: arg.type }).toEqual({ description: earlier.description, type: earlier.type });
			byKey.set(arg.key, arg);
		}
	});

	it('carries no key, and only the credential reference an importer replaces', () => {
		const text = JSON.stringify(template);
		expect(text).not.toMatch(/accessKey|secretKey|x-LSQ-/i);
	});
});
