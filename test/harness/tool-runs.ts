/**
 * Runs the LeadSquared Tool variant the two ways n8n calls a tool (see ./tools): through an agent
 * (`via: 'agent'`, n8n-core's createNodeAsTool: what n8n 1.x agents and the MCP Server Trigger do) or as
 * the node execution n8n 2.x's AI Agent requests (`via: 'engine'`).
 */
import type { IConnections, IDataObject, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import { credentialData } from './credentials';
import type { LeadSquaredCredentials } from './credentials';
import { executeWorkflow, HARNESS_CREDENTIAL } from './engine';
import { CREDENTIAL_TYPE, NODE_TYPES } from './node-types';

export const TOOL_NODE = 'LeadSquared';
export const AGENT_NODE = 'Agent';

export interface ToolRunOptions {
	/** The Tool node's parameters (resource/operation included; `$fromAI()` where the model fills a value). */
	parameters: INodeParameters;
	/** The model's arguments, one tool call per entry. */
	calls: IDataObject[];
	credentials: LeadSquaredCredentials;
	via: 'agent' | 'engine';
	/** The Tool node's name (n8n makes the tool's name from it). */
	name?: string;
}

export interface ToolCall {
	/** What the model receives: the tool's answer (JSON text) … */
	response?: string;
	/** … or the error message. */
	error?: string;
	/** (agent) The tool as the model sees it. */
	name?: string;
	description?: string;
	parameters?: string[];
}

export interface ToolRunResult {
	run: IRun;
	calls: ToolCall[];
	/** (engine) The Tool node's output items. */
	items: INodeExecutionData[];
}

export async function runLeadSquaredTool(options: ToolRunOptions): Promise<ToolRunResult> {
	const name = options.name ?? TOOL_NODE;
	const tool = {
		id: 'node-leadsquared-tool',
		name,
		type: NODE_TYPES.leadSquaredTool,
		typeVersion: 1.1,
		position: [220, 200] as [number, number],
		parameters: structuredClone(options.parameters),
		credentials: { [CREDENTIAL_TYPE]: { ...HARNESS_CREDENTIAL } },
	};
	const common = { credentialType: CREDENTIAL_TYPE, credentialData: credentialData(options.credentials) };
	if (options.via === 'engine') {
		// One execution per tool call, as the agent requests them; the node errs like any node (no continue-on-fail).
		const calls: ToolCall[] = [];
		const items: INodeExecutionData[] = [];
		let run: IRun | undefined;
		for (const args of options.calls) {
			({ run } = await executeWorkflow({ ...common, nodes: [tool], connections: {}, startNode: name, startItems: [args] }));
			const task = run.data.resultData.runData[name]?.[0];
			const output = task?.data?.main?.[0] ?? [];
			items.push(...output);
			calls.push(task?.error ? { error: task.error.message } : { response: JSON.stringify(output.map((item) => item.json)) });
		}
		return { run: run as IRun, calls, items };
	}
	const agent = { id: 'node-agent', name: AGENT_NODE, type: NODE_TYPES.agent, typeVersion: 1, position: [220, 0] as [number, number], parameters: {} };
	const connections: IConnections = { [name]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] } };
	const { run } = await executeWorkflow({
		...common,
		nodes: [agent, tool],
		connections,
		startNode: AGENT_NODE,
		startItems: options.calls.map((args) => ({ args })),
	});
	const output = run.data.resultData.runData[AGENT_NODE]?.[0]?.data?.main?.[0] ?? [];
	return { run, calls: output.map((item) => item.json as ToolCall), items: [] };
}
