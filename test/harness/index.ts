/**
 * In-process n8n engine harness: runs the LeadSquared node through n8n-core's real WorkflowExecute
 * (and its design-time methods through the real LoadOptionsContext / CredentialTestContext) against
 * a LeadSquared sandbox over real HTTP. See test/engine/harness.test.ts for usage.
 *
 *   afterAll(disposeN8n);
 *   const result = await runLeadSquared({ parameters, items, credentials: sandboxCredentials(sandbox) });
 */
import type {
	ExecutionBaseError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IRun,
	IWorkflowSettings,
	ResourceMapperFields,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, UserError, Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import {
	createAdditionalData,
	createCredentialsHelper,
	disposeEngine,
	executeWorkflow,
	getRegistries,
	HARNESS_CREDENTIAL,
} from './engine';
import { credentialData } from './credentials';
import type { LeadSquaredCredentials } from './credentials';
import { CREDENTIAL_TYPE, NODE_TYPES } from './node-types';
import { echoParameters } from './test-nodes';

export { credentialData, sandboxCredentials, testCredentials } from './credentials';
export type { LeadSquaredCredentials } from './credentials';
export { HarnessCredentialsHelper } from './credentials-helper';
export type { StoredCredential } from './credentials-helper';
export { captureLogs, createAdditionalData, executeWorkflow, getRegistries, HARNESS_CREDENTIAL, nextExecutionId } from './engine';
export type { ExecuteOutcome, ExecuteParams, LoggedLine } from './engine';
export { CREDENTIAL_TYPE, NODE_TYPES, PACKAGE_NAME } from './node-types';
export { echoParameters, TestEcho, TestSource } from './test-nodes';

// ---------------------------------------------------------------- workflow building blocks

export const LEADSQUARED_NODE = 'LeadSquared';
export const SOURCE_NODE = 'Source';
export const AFTER_NODE = 'After';

/** The LeadSquared node (resource/operation default to lead/createOrUpdate), credential attached. */
export function leadSquaredNode(parameters: INodeParameters = {}, overrides: Partial<INode> = {}): INode {
	return {
		id: 'node-leadsquared',
		name: LEADSQUARED_NODE,
		type: NODE_TYPES.leadSquared,
		typeVersion: 1,
		position: [220, 0],
		parameters: { resource: 'lead', operation: 'createOrUpdate', ...structuredClone(parameters) },
		credentials: { [CREDENTIAL_TYPE]: { ...HARNESS_CREDENTIAL } },
		...overrides,
	};
}

export function sourceNode(name = SOURCE_NODE): INode {
	return { id: `node-${name}`, name, type: NODE_TYPES.source, typeVersion: 1, position: [0, 0], parameters: {} };
}

/** A `test.echo` node evaluating `values` (name → expression) for each input item. */
export function echoNode(name: string, values: Record<string, string>): INode {
	return { id: `node-${name}`, name, type: NODE_TYPES.echo, typeVersion: 1, position: [440, 0], parameters: echoParameters(values) };
}

/** Adds a main connection `from[outputIndex]` → `to[inputIndex]` (mutates and returns `connections`). */
export function connect(connections: IConnections, from: string, to: string, outputIndex = 0, inputIndex = 0): IConnections {
	const main = (connections[from] ??= { main: [] }).main ?? [];
	connections[from].main = main;
	while (main.length <= outputIndex) main.push([]);
	(main[outputIndex] ??= []).push({ node: to, type: 'main', index: inputIndex });
	return connections;
}

/** Connections of a linear chain of nodes (output 0 → input 0). */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let index = 1; index < names.length; index++) connect(connections, names[index - 1], names[index]);
	return connections;
}

// ---------------------------------------------------------------- running workflows

export interface RunWorkflowParams {
	nodes: INode[];
	connections: IConnections;
	credentials: LeadSquaredCredentials;
	/** Input of the start node: each object is one item's json. Default [{}]. */
	startItems?: IDataObject[];
	settings?: IWorkflowSettings;
	/** Start node name; default the first `test.source` node, else the first node without parents. */
	startNode?: string;
	/** Execution mode; default 'manual' (what the editor's "Execute workflow" uses). */
	mode?: WorkflowExecuteMode;
}

/**
 * Runs any workflow built from the registered node types (NODE_TYPES). Nodes declaring the LeadSquared
 * credential get the given credentials unless they carry their own reference.
 */
export async function runWorkflow(params: RunWorkflowParams): Promise<IRun> {
	const { run } = await executeWorkflow({
		...params,
		credentialType: CREDENTIAL_TYPE,
		credentialData: credentialData(params.credentials),
	});
	return run;
}

export interface RunOptions {
	/** The LeadSquared node's parameters (resource/operation default to lead/createOrUpdate). */
	parameters: INodeParameters;
	/** Input items' json (default [{}]), output by the 'Source' node before LeadSquared. */
	items?: IDataObject[];
	credentials: LeadSquaredCredentials;
	/** Node setting On Error → "Continue" (node.onError = 'continueRegularOutput'). */
	continueOnFail?: boolean;
	/** Node setting On Error → "Continue (using error output)" (node.onError = 'continueErrorOutput'). */
	errorOutput?: boolean;
	/** Adds a `test.echo` node 'After' on LeadSquared's output 0 evaluating these expressions per item. */
	downstream?: Record<string, string>;
	/** Workflow setting: time zone. */
	timezone?: string;
	/** Other workflow settings (merged under `timezone`). */
	settings?: IWorkflowSettings;
	/** Other node settings for the LeadSquared node (retryOnFail, alwaysOutputData, executeOnce, ...). */
	node?: Partial<INode>;
	mode?: WorkflowExecuteMode;
	/** Called once the run has started, with a function that cancels it (what "Stop execution" does). */
	onStart?: (cancel: () => void) => void;
}

export interface RunResult {
	run: IRun;
	/** run.status: 'success' | 'error' | ... */
	status: string;
	/**
	 * The LeadSquared node's main output 0 (empty when it did not run or failed). NB: n8n-core
	 * (WorkflowExecute.normalizeNodeErrors) replaces the json of every item that carries `error` with
	 * `{ error: error.message }`; the details stay on `item.error` (description, context.itemIndex...).
	 */
	items: INodeExecutionData[];
	/** Main output 1 (only with errorOutput). */
	errorItems: INodeExecutionData[];
	/**
	 * run.data.resultData.error when the workflow failed. NB: n8n-core stores a spread copy of the
	 * node's error (`{ ...error, message, stack }`), so it is not an `instanceof NodeApiError`; test
	 * `name`, `message`, `description`, `httpCode`, `context`.
	 */
	error?: ExecutionBaseError;
	/** The 'After' node's output (with `downstream`). */
	downstream: INodeExecutionData[];
	/** The LeadSquared node's run error (run.data.resultData.runData.LeadSquared[0].error), if any. */
	nodeError?: ExecutionBaseError;
	executionId: string;
	/** Node names in the order the engine finished them. */
	executedNodes: string[];
}

/** Output `outputIndex` of a node's first run. */
export function nodeOutput(run: IRun, nodeName: string, outputIndex = 0): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [];
}

/** Runs Source → LeadSquared (→ After) through n8n's engine. */
export async function runLeadSquared(options: RunOptions): Promise<RunResult> {
	const onError = options.errorOutput ? 'continueErrorOutput' : options.continueOnFail ? 'continueRegularOutput' : undefined;
	const nodes = [sourceNode(), leadSquaredNode(options.parameters, { ...(onError ? { onError } : {}), ...options.node })];
	const connections = chain(SOURCE_NODE, LEADSQUARED_NODE);
	if (options.downstream) {
		nodes.push(echoNode(AFTER_NODE, options.downstream));
		connect(connections, LEADSQUARED_NODE, AFTER_NODE);
	}
	const settings: IWorkflowSettings = { ...options.settings, ...(options.timezone ? { timezone: options.timezone } : {}) };
	const outcome = await executeWorkflow({
		nodes,
		connections,
		credentialType: CREDENTIAL_TYPE,
		credentialData: credentialData(options.credentials),
		startItems: options.items ?? [{}],
		settings,
		mode: options.mode,
		onStart: options.onStart,
	});
	const { run } = outcome;
	return {
		run,
		status: run.status,
		items: nodeOutput(run, LEADSQUARED_NODE, 0),
		errorItems: nodeOutput(run, LEADSQUARED_NODE, 1),
		error: run.data.resultData.error,
		downstream: nodeOutput(run, AFTER_NODE, 0),
		nodeError: run.data.resultData.runData[LEADSQUARED_NODE]?.[0]?.error,
		executionId: outcome.executionId,
		executedNodes: outcome.executedNodes,
	};
}

// ---------------------------------------------------------------- design-time methods

/** Parameter paths the editor sends for our methods (n8n's `path` of the parameter being loaded). */
const DEFAULT_PATHS: Record<string, string> = {
	getLeadFields: 'parameters.attributes',
	getCustomFieldSets: 'parameters.customFieldSets.set[0].field',
	searchMatchFields: 'parameters.searchBy',
};

function leadSquaredType(): INodeType {
	return getRegistries().nodeTypes.getByNameAndVersion(NODE_TYPES.leadSquared, 1);
}

/** The node's parameters as the editor holds them: given values over the description's defaults. */
function editorParameters(parameters: INodeParameters = {}): INodeParameters {
	const nodeType = leadSquaredType();
	const values = { resource: 'lead', operation: 'createOrUpdate', ...structuredClone(parameters) };
	return NodeHelpers.getNodeParameters(nodeType.description.properties, values, true, false, { typeVersion: 1 }, nodeType.description) ?? values;
}

type MethodKind = 'loadOptions' | 'listSearch' | 'resourceMapping';

/** The CLI's DynamicNodeParametersService.getMethod (same message). */
function getMethod(kind: MethodKind, methodName: string): (...args: unknown[]) => Promise<unknown> {
	const nodeType = leadSquaredType();
	const methods = nodeType.methods?.[kind] as Record<string, unknown> | undefined;
	const method = methods?.[methodName];
	if (typeof method !== 'function') {
		const available = methods ? Object.keys(methods).join(', ') : `<no ${kind} methods declared>`;
		throw new UserError(
			`Node type "${nodeType.description.name}" has no ${kind} method named "${methodName}". Available ${kind} methods: ${available}.`,
		);
	}
	return method as (...args: unknown[]) => Promise<unknown>;
}

/**
 * Calls a design-time method as n8n's DynamicNodeParametersService does: a one-node workflow
 * ('Temp-Node' with the editor's parameters and the credential), additionalData from getBase with
 * currentNodeParameters, `new LoadOptionsContext(workflow, node, additionalData, path)`, inside the
 * expression isolate.
 */
async function callDesignTimeMethod<T>(
	kind: MethodKind,
	methodName: string,
	credentials: LeadSquaredCredentials,
	parameters: INodeParameters | undefined,
	path: string | undefined,
	args: unknown[],
): Promise<T> {
	const method = getMethod(kind, methodName);
	const currentNodeParameters = editorParameters(parameters);
	const node: INode = {
		parameters: structuredClone(currentNodeParameters),
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: NODE_TYPES.leadSquared,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [CREDENTIAL_TYPE]: { ...HARNESS_CREDENTIAL } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: getRegistries().nodeTypes });
	const credentialsHelper = createCredentialsHelper(CREDENTIAL_TYPE, credentialData(credentials));
	const additionalData = createAdditionalData({ credentialsHelper, currentNodeParameters });
	const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path ?? DEFAULT_PATHS[methodName] ?? 'parameters');
	const acquired = await workflow.expression.acquireIsolate();
	try {
		return (await method.call(context, ...args)) as T;
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
}

/** methods.resourceMapping[method] (default getLeadFields), duplicates removed as the CLI does. */
export async function loadResourceMapperFields(
	credentials: LeadSquaredCredentials,
	parameters?: INodeParameters,
	method = 'getLeadFields',
	path?: string,
): Promise<ResourceMapperFields> {
	const fields = await callDesignTimeMethod<ResourceMapperFields>('resourceMapping', method, credentials, parameters, path, []);
	const seen = new Set<string>();
	return {
		...fields,
		fields: fields.fields?.filter((field) => {
			if (seen.has(field.id)) return false;
			seen.add(field.id);
			return true;
		}),
	};
}

/** methods.loadOptions[method]. */
export async function loadOptions(
	method: string,
	credentials: LeadSquaredCredentials,
	parameters?: INodeParameters,
	path?: string,
): Promise<INodePropertyOptions[]> {
	return await callDesignTimeMethod<INodePropertyOptions[]>('loadOptions', method, credentials, parameters, path, []);
}

/** methods.listSearch[method](filter, paginationToken); a numeric pagination token becomes a string, as in the CLI. */
export async function listSearch(
	method: string,
	credentials: LeadSquaredCredentials,
	filter?: string,
	parameters?: INodeParameters,
	paginationToken?: string,
	path?: string,
): Promise<INodeListSearchResult> {
	const result = await callDesignTimeMethod<INodeListSearchResult>('listSearch', method, credentials, parameters, path, [
		filter,
		paginationToken,
	]);
	const token: unknown = result?.paginationToken;
	return typeof token === 'number' ? { ...result, paginationToken: String(token) } : result;
}

/** For afterAll: stops the timers and listeners n8n-core leaves in the process. */
export async function disposeN8n(): Promise<void> {
	await disposeEngine();
}

export { AGENT_NODE, runLeadSquaredTool, TOOL_NODE } from './tool-runs';
export type { ToolCall, ToolRunOptions, ToolRunResult } from './tool-runs';
export { leadSquaredToolType, toolVariant } from './tools';
