/**
 * The host side of n8n's engine, as the CLI provides it: node and credential registries, the
 * credentials helper, `additionalData` (the CLI's WorkflowExecuteAdditionalData.getBase) with real
 * ExecutionLifecycleHooks, and a run of n8n-core's WorkflowExecute. Nothing inside n8n is replaced.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import type {
	IConnections,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, UnexpectedError, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { forgetPacers } from '../../nodes/LeadSquared/machinery/adaptive';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { StoredCredential } from './credentials-helper';
import { createCredentialTypes, createNodeTypes, NODE_TYPES } from './node-types';
import type { HarnessCredentialTypes, HarnessNodeTypes } from './node-types';

// n8n-core's own @n8n/di (the same Container its services live in), whatever npm's layout.
const requireFromCore = createRequire(require.resolve('n8n-core'));
const { Container } = requireFromCore('@n8n/di') as typeof import('@n8n/di');

/** One node type registry and one credential type registry for the process, like a running n8n. */
let registries: { nodeTypes: HarnessNodeTypes; credentialTypes: HarnessCredentialTypes } | undefined;

export function getRegistries(): { nodeTypes: HarnessNodeTypes; credentialTypes: HarnessCredentialTypes } {
	if (!registries) {
		const nodeTypes = createNodeTypes();
		registries = { nodeTypes, credentialTypes: createCredentialTypes(nodeTypes) };
	}
	return registries;
}

/** How workflow nodes refer to the harness's credential (INode.credentials.leadSquaredApi). */
export const HARNESS_CREDENTIAL: INodeCredentialsDetails = { id: 'harness-leadsquared-credential', name: 'LeadSquared account' };

export function createCredentialsHelper(type: string, data: ICredentialDataDecryptedObject): HarnessCredentialsHelper {
	const stored: StoredCredential = { id: HARNESS_CREDENTIAL.id as string, name: HARNESS_CREDENTIAL.name, type, data };
	return new HarnessCredentialsHelper(getRegistries().credentialTypes, [stored]);
}

let executionCounter = 0;

/** Unique per run: the node caches the account's field metadata per execution id. */
export function nextExecutionId(): string {
	executionCounter += 1;
	return `harness-${process.pid}-${executionCounter}-${randomUUID().slice(0, 8)}`;
}

/** The CLI's default URLs (N8N_HOST localhost, port 5678, default endpoint names). */
const BASE_URL = 'http://localhost:5678/';

export interface AdditionalDataOptions {
	credentialsHelper: HarnessCredentialsHelper;
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
	currentNodeParameters?: INodeParameters;
	workflowId?: string;
	workflowSettings?: IWorkflowSettings;
}

/**
 * Mirrors n8n/dist/workflow-execute-additional-data.js getBase(): the same keys, with the
 * database-backed callbacks (sub-workflows, agents, runners, stored executions) refusing politely.
 */
export function createAdditionalData(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not available in the engine test harness`);
	};
	return {
		currentNodeExecutionIndex: 0,
		credentialsHelper: options.credentialsHelper,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formBaseUrl: `${BASE_URL}form`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		currentNodeParameters: options.currentNodeParameters,
		executionId: options.executionId,
		hooks: options.hooks,
		workflowId: options.workflowId,
		workflowSettings: options.workflowSettings,
		variables: {},
		getRuntimeCredential: async () => undefined,
		getRunExecutionData: async () => undefined,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		startRunnerTask: unsupported('The task runner'),
		logAiEvent: () => undefined,
		logHitlResponse: () => undefined,
	};
}

export interface ExecuteParams {
	nodes: INode[];
	connections: IConnections;
	/** The credential every node declaring its type gets (unless the node sets its own reference). */
	credentialType: string;
	credentialData: ICredentialDataDecryptedObject;
	/** Input of the start node (each object becomes an item's json). Default [{}]. */
	startItems?: IDataObject[];
	/** Name of the node to start at; default the first `test.source` node, else the first node without parents. */
	startNode?: string;
	settings?: IWorkflowSettings;
	mode?: WorkflowExecuteMode;
	/** Called once the run has started, with a function that cancels it (what "Stop execution" does). */
	onStart?: (cancel: () => void) => void;
}

export interface ExecuteOutcome {
	run: IRun;
	executionId: string;
	/** Node names in the order the engine finished them (from the nodeExecuteAfter hook). */
	executedNodes: string[];
	credentialsHelper: HarnessCredentialsHelper;
}

function findStartNode(workflow: Workflow, nodes: INode[], name?: string): INode {
	if (name !== undefined) {
		const node = workflow.getNode(name);
		if (!node) throw new UnexpectedError(`The start node "${name}" is not in the workflow`);
		return node;
	}
	const source = nodes.find((node) => node.type === NODE_TYPES.source);
	const start = source ?? nodes.find((node) => workflow.getParentNodes(node.name).length === 0);
	if (!start) throw new UnexpectedError('The workflow has no start node');
	return workflow.getNode(start.name) as INode;
}

/**
 * Runs a workflow through n8n-core's WorkflowExecute.processRunExecutionData, the start node on the
 * execution stack with the start items as its input (what n8n does with a trigger's output).
 */
export async function executeWorkflow(params: ExecuteParams): Promise<ExecuteOutcome> {
	// Each run starts as a fresh n8n process would: what pacing learnt from one test's sandbox limits
	// must not slow down the next test.
	forgetPacers();
	const { nodeTypes } = getRegistries();
	const mode = params.mode ?? 'manual';
	const executionId = nextExecutionId();
	const nodes = structuredClone(params.nodes).map((node) => {
		const declares = (nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.credentials ?? []).some(
			(credential) => credential.name === params.credentialType,
		);
		if (declares && !node.credentials?.[params.credentialType]) {
			node.credentials = { ...node.credentials, [params.credentialType]: { ...HARNESS_CREDENTIAL } };
		}
		return node;
	});
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...params.settings };
	const workflowId = `harness-workflow-${executionId}`;
	const workflow = new Workflow({
		id: workflowId,
		name: 'Engine test',
		nodes,
		connections: structuredClone(params.connections),
		active: false,
		nodeTypes,
		settings,
	});

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Engine test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: params.connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executedNodes: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});

	const credentialsHelper = createCredentialsHelper(params.credentialType, params.credentialData);
	const additionalData = createAdditionalData({ credentialsHelper, executionId, hooks, workflowId, workflowSettings: settings });

	const startNode = findStartNode(workflow, nodes, params.startNode);
	const startItems = params.startItems ?? [{}];
	const nodeExecutionStack: IExecuteData[] = [
		{ node: startNode, data: { main: [startItems.map((json) => ({ json: structuredClone(json) }))] }, source: null },
	];
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack } });
	const running = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	params.onStart?.(() => running.cancel());
	const run = await running;
	return { run, executionId, executedNodes, credentialsHelper };
}

/**
 * Stops what n8n-core leaves running in the process: SSHClientsManager's cleanup interval and its
 * process 'exit' listener (created by the first node execution context).
 */
export async function disposeEngine(): Promise<void> {
	Container.get(SSHClientsManager).onShutdown();
}

/** A line n8n's logger received. */
export interface LoggedLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

/**
 * Records what is logged through n8n's logger (the one every node context's `this.logger` returns) instead
 * of printing it, until `stop()`: for tests of what the nodes write to n8n's log.
 */
export function captureLogs(): { lines: LoggedLine[]; stop(): void } {
	const { Logger } = requireFromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');
	const logger = Container.get(Logger) as unknown as Record<LoggedLine['level'], (message: string) => void>;
	const lines: LoggedLine[] = [];
	const levels: Array<LoggedLine['level']> = ['error', 'warn', 'info', 'debug'];
	const originals = levels.map((level) => [level, Object.getOwnPropertyDescriptor(logger, level)] as const);
	for (const level of levels) logger[level] = (message: string) => void lines.push({ level, message: String(message) });
	return {
		lines,
		stop() {
			for (const [level, descriptor] of originals) {
				if (descriptor) Object.defineProperty(logger, level, descriptor);
				else delete logger[level];
			}
		},
	};
}
