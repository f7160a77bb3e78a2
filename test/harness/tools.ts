/**
 * The node as an AI tool, the two ways n8n runs one:
 * - `agent`: an agent node asks n8n-core for its tools (`getInputConnectionData(ai_tool)`), and n8n-core
 *   wraps the Tool variant with createNodeAsTool: name, description and `$fromAI` schema built by n8n, each
 *   call run in a SupplyDataContext (`isToolExecution()` true), its items JSON-stringified for the model
 *   and its error thrown (message, then "Details: " + description). n8n 1.x agents and the MCP Server Trigger
 *   call tools this way. `test.agent` stands in for the agent: it invokes the tool once per input item with
 *   the item's `args`, and outputs what the model would receive.
 * - `engine`: n8n 2.x AI Agent (engine requests) runs the Tool variant as an ordinary node execution
 *   whose input item holds the model's arguments (`isToolExecution()` false; the node type ends in Tool).
 * The Tool variant's description is made as n8n's loader makes it (convertNodeToAiTool).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';

/** The Tool variant n8n's loader derives from a `usableAsTool` node (packages/cli convertNodeToAiTool). */
export function toolVariant(base: INodeType): INodeType {
	const source = base.description;
	const replacements = typeof source.usableAsTool === 'object' ? (source.usableAsTool.replacements ?? {}) : {};
	const description = { ...structuredClone({ ...source, properties: [] }), ...replacements, properties: [...source.properties] } as INodeTypeDescription;
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: source.description,
		required: true,
		typeOptions: { rows: 2 },
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	description.properties.unshift(descriptionType, toolDescription);
	const variant = Object.create(base) as INodeType;
	Object.defineProperty(variant, 'description', { value: description });
	return variant;
}

export function leadSquaredToolType(): INodeType {
	return toolVariant(new LeadSquared());
}

interface CallableTool {
	name: string;
	description: string;
	schema: unknown;
	invoke(args: IDataObject): Promise<unknown>;
}

/** Stands in for an AI agent: calls its one connected tool with each input item's `args`. */
export class TestAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Agent',
		name: 'agent',
		group: ['transform'],
		version: 1,
		description: 'Calls the connected tool with each item\'s args and outputs what a model would receive',
		defaults: { name: 'Agent' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tool', required: true, maxConnections: 1 }],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const connected = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as CallableTool | CallableTool[];
		const tool = Array.isArray(connected) ? connected[0] : connected;
		const output: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const shape = (tool.schema as { shape?: object } | undefined)?.shape ?? {};
			const about = { name: tool.name, description: tool.description, parameters: Object.keys(shape) };
			try {
				const response = await tool.invoke((item.json.args ?? {}) as IDataObject);
				output.push({ json: { ...about, response: String(response) }, pairedItem: { item: index } });
			} catch (error) {
				output.push({ json: { ...about, error: (error as Error).message }, pairedItem: { item: index } });
			}
		}
		return [output];
	}
}
