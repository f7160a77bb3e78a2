/**
 * The node's tool form: what changes when an AI agent or an MCP client calls it (the node type
 * `…leadSquaredTool` n8n derives from `usableAsTool`).
 *
 * - Tool mode is `isToolExecution()` (n8n sets it when a sub-node context runs the node for an agent or the
 *   MCP Server Trigger) OR the node being the Tool variant: n8n 2.x runs an AI Agent's tool calls as ordinary
 *   node executions whose `isToolExecution()` answers false, and the `…Tool` type name is what n8n itself
 *   tests (`@tool` in display options, `isToolType`).
 * - Options → Simplify: on by default in tool mode (decided at run time: n8n gives an Options collection's
 *   entries no per-variant default), off otherwise; an explicit choice always wins.
 * - A failure in an agent's requested node execution (n8n 2.x's AI Agent, 1.123.81's AI Agent V3) is the tool's
 *   answer: the error item On Error → Continue gives (`{ error, details }`), unless the node's On Error is
 *   explicitly "Stop Workflow". n8n 2.x does the same for an AI tool that throws (it answers `{ error: message }`),
 *   but 1.123.81 fails the whole agent run instead, so the model never reads the message it could act on.
 *   Where n8n 2.x runs the node through `createNodeAsTool` (`isToolExecution()` true: the MCP Server Trigger)
 *   the node still throws: n8n hands the client the message with MCP's `isError`. 1.123.81's contexts have no
 *   `isToolExecution()`, so there its MCP Server Trigger gets the error item too.
 * - Errors for input the node refused: no " [item N]" (a tool call has one item), the hint in the message
 *   (n8n 2.x hands the model only the message), and the `$fromAI()` key the model filled, when the refused
 *   parameter takes one.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** n8n runs the node through createNodeAsTool (a sub-node context: the MCP Server Trigger, older agents). */
function askedAsTool(context: IExecuteFunctions): boolean {
	const asked = (context as Partial<Pick<IExecuteFunctions, 'isToolExecution'>>).isToolExecution;
	return typeof asked === 'function' && asked.call(context) === true;
}

/** The Tool variant n8n derives from `usableAsTool` (`…leadSquaredTool`). */
function isToolType(type: string): boolean {
	return type.slice(type.lastIndexOf('.') + 1).endsWith('Tool');
}

export function isToolRun(context: IExecuteFunctions): boolean {
	return askedAsTool(context) || isToolType(context.getNode().type);
}

/** A failure becomes the tool's answer: an agent's requested execution of the Tool variant, On Error not "Stop Workflow". */
export function toolAnswersFailures(context: IExecuteFunctions): boolean {
	const node = context.getNode();
	return node.onError !== 'stopWorkflow' && isToolType(node.type) && !askedAsTool(context);
}

export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the fields that hold a value, without LeadSquared\'s internal bookkeeping fields. Used by default when the node runs as an AI tool; elsewhere only when added here.',
};

/** Options → Simplify as set, else on exactly when the node runs as a tool. */
export function simplifyOn(options: IDataObject, tool: boolean): boolean {
	const set = options.simplify;
	if (typeof set === 'boolean') return set;
	if (set === 'true' || set === 'false') return set === 'true';
	return tool;
}

const FROM_AI = /\$fromAI\(\s*(['"`])([^'"`]+)\1/g;

/** The `$fromAI()` keys in a parameter's raw value (any depth), in order, each once. */
export function fromAiKeys(raw: unknown): string[] {
	const keys: string[] = [];
	const visit = (value: unknown): void => {
		if (typeof value === 'string') {
			for (const match of value.matchAll(FROM_AI)) if (!keys.includes(match[2])) keys.push(match[2]);
		} else if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') Object.values(value).forEach(visit);
	};
	visit(raw);
	return keys;
}

/** A refused input's message as a model should read it: the hint joined in, the tool parameter named. */
export function toolInputMessage(message: string, description: string | undefined, keys: string[]): string {
	const named = keys.length === 0 ? '' : ` (tool parameter${keys.length > 1 ? 's' : ''} ${keys.map((key) => `"${key}"`).join(', ')})`;
	const text = `${message.replace(/[.\s]+$/, '')}${named}.`;
	return description ? `${text} ${description.trim()}` : text;
}
