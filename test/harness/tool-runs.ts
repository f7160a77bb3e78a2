/**
 * Runs the LeadSquared Tool variant the two ways n8n calls a tool (see ./tools): through an agent
 * (`via: 'agent'`, n8n-core's createNodeAsTool: what n8n 1.x agents and the MCP Server Trigger do) or as
 * the node execution n8n 2.x's AI Agent requests (`via: 'engine'`).
 */
import type { IConnections, IDataObject, INode, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

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
	/** The Tool node's Settings → On Error. */
	onError?: INode['onError'];
}

export interface ToolCall {
	/** What the model receives: the tool's answer (JSON text) … */
	response?: string;
	/**
	 * … or the error it reads: a thrown error's message, or the `error` of the error item a failing tool
	 * answers with (the node's tool form answers with it unless On Error is "Stop Workflow").
	 */
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

/** The error message of a tool answer that is one error item (`[{ error, details }]`), if it is one. */
function errorAnswered(response: string | undefined): string | undefined {
	if (response === undefined) return undefined;
	try {
		const answer = JSON.parse(response) as unknown;
		const only = Array.isArray(answer) && answer.length === 1 ? (answer[0] as IDataObject) : undefined;
		return typeof only?.error === 'string' ? only.error : undefined;
	} catch {
		return undefined;
	}
}

/** A call as the model received it, its error read from an error answer too. */
function withError(call: ToolCall): ToolCall {
	const error = call.error ?? errorAnswered(call.response);
	return error === undefined ? call : { ...call, error };
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
		...(options.onError ? { onError: options.onError } : {}),
	};
	const common = { credentialType: CREDENTIAL_TYPE, credentialData: credentialData(options.credentials) };
	if (options.via === 'engine') {
		// One execution per tool call, as the agent requests them.
		const calls: ToolCall[] = [];
		const items: INodeExecutionData[] = [];
		let run: IRun | undefined;
		for (const args of options.calls) {
			({ run } = await executeWorkflow({ ...common, nodes: [tool], connections: {}, startNode: name, startItems: [args] }));
			const task = run.data.resultData.runData[name]?.[0];
			const output = task?.data?.main?.[0] ?? [];
			items.push(...output);
			calls.push(task?.error ? { error: task.error.message } : withError({ response: JSON.stringify(output.map((item) => item.json)) }));
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
	return { run, calls: output.map((item) => withError(item.json as ToolCall)), items: [] };
}
