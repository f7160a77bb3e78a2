/**
 * The AI Agent workflows of the agents e2e test: Manual Trigger → AI Agent (prompt "Define below"), the OpenAI
 * Chat Model (its credential's Base URL is the scripted model server, "Use Responses API" off) and LeadSquared
 * tool nodes (`n8n-nodes-leadsquared.leadSquaredTool`, parameters through `$fromAI()`). Each scenario is one
 * workflow; the workflow settings put it in Asia/Kolkata.
 */
import type { RuntimeLine } from '../../../scripts/runtime';

export const TOOL_TYPE = 'n8n-nodes-leadsquared.leadSquaredTool';
export const TIME_ZONE = 'Asia/Kolkata';
export const LSQ_CREDENTIAL = { id: 'e2eAgentLsqCred', name: 'LeadSquared sandbox (agents e2e)' };
export const OPENAI_CREDENTIAL = { id: 'e2eAgentModelCred', name: 'Scripted model (agents e2e)' };
export const AGENT = 'AI Agent';
export const MODEL_NODE = 'OpenAI Chat Model';

/**
 * The versions of n8n's AI nodes each line runs: the AI Agent's default version and the newest OpenAI Chat Model
 * each line ships (read in their dist: 2.40.7 agent [3, 3.1], 1.123.81 agent V3 [3]; both chat models [1 … 1.3],
 * where 1.3 has "Use Responses API", on by default).
 */
export const AI_NODE_VERSIONS: Record<RuntimeLine, { agent: number; model: number; responsesApiOption: boolean }> = {
	'2.x': { agent: 3.1, model: 1.3, responsesApiOption: true },
	// 1.123.81's agent fails the whole execution when a tool node throws (2.40.7 hands the error to the model); the
	// tool nodes keep n8n's default On Error: the node's tool form answers with the error item itself, on both lines
	'1.x': { agent: 3, model: 1.3, responsesApiOption: true },
};

export interface ToolNode {
	name: string;
	parameters: Record<string, unknown>;
}

/** A parameter value the model fills in: `{{ $fromAI(key, description, type) }}`. */
export function fromAI(key: string, description: string, type: 'string' | 'number' | 'boolean' = 'string'): string {
	return `={{ $fromAI(${JSON.stringify(key)}, ${JSON.stringify(description)}, ${JSON.stringify(type)}) }}`;
}

const LEAD_ID = fromAI('lead_id', "The lead's ID (ProspectID), as Get Lead returns it");

export const TOOLS = {
	getLead: (): ToolNode => ({
		name: 'Get Lead',
		parameters: { resource: 'lead', operation: 'get', lead: { __rl: true, mode: 'email', value: fromAI('email', "The lead's e-mail address") }, options: {} },
	}),
	/** Activity → Create of a Phone Call (type 202): its mandatory Call Outcome, a note, and optionally one more field by schema name. */
	logCall: (extraField = false): ToolNode => ({
		name: 'Log Call',
		parameters: {
			resource: 'activity',
			operation: 'create',
			leadBy: 'id',
			leadId: LEAD_ID,
			activityType: { __rl: true, mode: 'code', value: '202' },
			note: fromAI('note', 'What was said on the call'),
			manualFields: {
				field: [
					{ name: 'mx_Custom_1', value: fromAI('call_outcome', 'The outcome: Connected, No Answer, Busy or Wrong Number') },
					...(extraField
						? [{ name: fromAI('field_name', 'The schema name of one more activity field to set'), value: fromAI('field_value', 'The value of that field') }]
						: []),
				],
			},
			options: {},
		},
	}),
	createTask: (): ToolNode => ({
		name: 'Create Follow-up Task',
		parameters: {
			resource: 'task',
			operation: 'create',
			taskType: { __rl: true, mode: 'name', value: 'Follow Up' },
			name: fromAI('subject', "The task's subject"),
			relatedTo: 'lead',
			leadId: LEAD_ID,
			dueDate: fromAI('due_date', "When the task is due, as yyyy-MM-dd HH:mm in the workflow's time zone"),
			additionalFields: {},
			options: { dateTimezone: 'workflow' },
		},
	}),
	createNote: (): ToolNode => ({
		name: 'Create Note',
		parameters: { resource: 'note', operation: 'create', leadId: LEAD_ID, note: fromAI('note', 'The text of the note'), additionalFields: {}, options: {} },
	}),
	getNotes: (): ToolNode => ({
		name: 'Get Notes',
		parameters: { resource: 'note', operation: 'getMany', leadId: LEAD_ID, returnAll: true, options: {} },
	}),
	updateLead: (): ToolNode => ({
		name: 'Update Lead',
		parameters: {
			resource: 'lead',
			operation: 'update',
			leadId: LEAD_ID,
			manualAttributes: { attribute: [{ name: fromAI('field_name', 'The schema name of the lead field to set'), value: fromAI('field_value', 'Its new value') }] },
			options: {},
		},
	}),
	getLeadFields: (): ToolNode => ({
		name: 'Get Lead Fields',
		parameters: { resource: 'leadField', operation: 'getMany', options: {} },
	}),
};

export interface AgentWorkflowSpec {
	id: string;
	name: string;
	prompt: string;
	tools: ToolNode[];
}

/** One scenario's workflow for `n8n import:workflow`. */
export function agentWorkflow(spec: AgentWorkflowSpec, line: RuntimeLine): Record<string, unknown> {
	const versions = AI_NODE_VERSIONS[line];
	const trigger = { id: `${spec.id}-trigger`, name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const agent = {
		id: `${spec.id}-agent`,
		name: AGENT,
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: versions.agent,
		position: [240, 0],
		parameters: { promptType: 'define', text: spec.prompt, options: { maxIterations: 8 } },
	};
	const model = {
		id: `${spec.id}-model`,
		name: MODEL_NODE,
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: versions.model,
		position: [120, 220],
		parameters: {
			model: { __rl: true, mode: 'id', value: 'scripted-model' },
			...(versions.responsesApiOption ? { responsesApiEnabled: false } : {}),
			options: { maxRetries: 0 },
		},
		credentials: { openAiApi: OPENAI_CREDENTIAL },
	};
	const tools = spec.tools.map((tool, index) => ({
		id: `${spec.id}-tool${index + 1}`,
		name: tool.name,
		type: TOOL_TYPE,
		typeVersion: 1.1,
		position: [300 + index * 140, 220],
		parameters: tool.parameters,
		credentials: { leadSquaredApi: LSQ_CREDENTIAL },
	}));
	const connections: Record<string, unknown> = {
		[trigger.name]: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
		[MODEL_NODE]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
	};
	for (const tool of tools) connections[tool.name] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
	return {
		id: spec.id,
		name: spec.name,
		active: false,
		nodes: [trigger, agent, model, ...tools],
		connections,
		settings: { executionOrder: 'v1', timezone: TIME_ZONE },
		pinData: {},
	};
}
