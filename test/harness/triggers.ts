/**
 * The host side of n8n's trigger machinery for the two LeadSquared trigger nodes, in-process (a separate
 * module next to the harness; it reuses its credential types, credentials helper and additionalData):
 *
 * - webhook lifecycle: `activate()` runs checkExists, then create when it answers false (the CLI's
 *   WebhookService.createWebhookIfNotExists), `deactivate()` runs delete, all through n8n-core's real
 *   HookContext;
 * - webhook requests: a real HTTP server on 127.0.0.1 serving the node's production URL
 *   (`/webhook/<webhookId>/webhook`, POST → 'default', HEAD → 'setup') the way n8n's webhook handler
 *   does: the body parsed as n8n parses it (JSON, form, text/plain; unparsable JSON → 422 before the node
 *   runs), the node's webhook() on a real WebhookContext, then an execution of the workflow through
 *   n8n-core's WorkflowExecute with the items it returned, and the answer (responseMode onReceived, after
 *   the execution has started);
 * - polls: `poll()` as n8n's poll executor (PollContext, an execution when it returns items), and
 *   `fetchTestEvent()` as the editor's "Fetch Test Event" (a manual run through WorkflowExecute).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

import type {
	IConnections,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, HookContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';

import { LeadSquaredPollingTrigger } from '../../nodes/LeadSquared/LeadSquaredPollingTrigger.node';
import { LeadSquaredTrigger } from '../../nodes/LeadSquared/LeadSquaredTrigger.node';
import { HarnessCredentialsHelper } from './credentials-helper';
import { createAdditionalData, HARNESS_CREDENTIAL, nextExecutionId } from './engine';
import { createCredentialTypes, CREDENTIAL_TYPE, HarnessNodeTypes, PACKAGE_NAME } from './node-types';
import { echoParameters, TestEcho } from './test-nodes';

export const TRIGGER_TYPES = {
	webhook: `${PACKAGE_NAME}.leadSquaredTrigger`,
	polling: `${PACKAGE_NAME}.leadSquaredPollingTrigger`,
	echo: 'test.echo',
} as const;

export const TRIGGER_NODE = 'LeadSquared Trigger';
export const AFTER_TRIGGER = 'After';

export interface TriggerExecution {
	executionId: string;
	/** The trigger's output (the items it emitted). */
	items: INodeExecutionData[];
	run: IRun;
}

export interface HandledRequest {
	method: string;
	status: number;
	body: string;
	/** Whether the node's webhook() ran (n8n answers unparsable JSON before). */
	reachedNode: boolean;
}

export interface TriggerHarnessOptions {
	kind: 'webhook' | 'polling';
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	workflowName?: string;
	/** A `test.echo` node after the trigger evaluating these expressions per item. */
	downstream?: Record<string, string>;
}

function typesRegistry(): HarnessNodeTypes {
	return new HarnessNodeTypes({
		[TRIGGER_TYPES.webhook]: new LeadSquaredTrigger(),
		[TRIGGER_TYPES.polling]: new LeadSquaredPollingTrigger(),
		[TRIGGER_TYPES.echo]: new TestEcho(),
	});
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** n8n's parseBody (cli middlewares/body-parser): JSON, form fields, text; unparsable → 422. */
function parseBody(raw: Buffer, contentType: string): { ok: true; body: unknown } | { ok: false } {
	if (raw.length === 0) return { ok: true, body: {} };
	const text = raw.toString('utf8');
	try {
		if (contentType === 'application/json') return { ok: true, body: JSON.parse(text) as unknown };
		if (contentType === 'application/x-www-form-urlencoded') return { ok: true, body: { ...parseQuery(text) } };
		if (contentType === 'text/plain') return { ok: true, body: text };
	} catch {
		return { ok: false };
	}
	return { ok: true, body: {} };
}

export class TriggerHarness {
	readonly executions: TriggerExecution[] = [];
	readonly requests: HandledRequest[] = [];
	readonly webhookErrors: unknown[] = [];
	readonly node: INode;
	readonly workflow: Workflow;
	private readonly running = new Set<Promise<void>>();
	private readonly sockets = new Set<Socket>();
	private readonly credentialsHelper: HarnessCredentialsHelper;
	private baseUrl = '';

	private constructor(
		options: TriggerHarnessOptions,
		private readonly server: Server,
	) {
		const nodeTypes = typesRegistry();
		this.node = {
			id: 'node-trigger',
			name: TRIGGER_NODE,
			type: TRIGGER_TYPES[options.kind],
			typeVersion: 1,
			position: [0, 0],
			parameters: structuredClone(options.parameters),
			credentials: { [CREDENTIAL_TYPE]: { ...HARNESS_CREDENTIAL } },
			webhookId: randomUUID(),
		};
		const nodes: INode[] = [this.node];
		const connections: IConnections = options.downstream ? { [TRIGGER_NODE]: { main: [[{ node: AFTER_TRIGGER, type: 'main', index: 0 }]] } } : {};
		if (options.downstream) {
			nodes.push({ id: 'node-after', name: AFTER_TRIGGER, type: TRIGGER_TYPES.echo, typeVersion: 1, position: [220, 0], parameters: echoParameters(options.downstream) });
		}
		this.workflow = new Workflow({
			id: `trigger-harness-${randomUUID().slice(0, 8)}`,
			name: options.workflowName ?? 'Trigger test',
			nodes,
			connections,
			active: true,
			nodeTypes,
			settings: { executionOrder: 'v1' },
			staticData: {},
		});
		this.credentialsHelper = new HarnessCredentialsHelper(createCredentialTypes(nodeTypes), [
			{ id: HARNESS_CREDENTIAL.id as string, name: HARNESS_CREDENTIAL.name, type: CREDENTIAL_TYPE, data: options.credentials },
		]);
		server.on('request', (req, res) => void this.handle(req, res));
		server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	static async start(options: TriggerHarnessOptions): Promise<TriggerHarness> {
		const server = createServer();
		const harness = new TriggerHarness(options, server);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		harness.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return harness;
	}

	/** The node's production webhook URL. */
	get webhookUrl(): string {
		return `${this.baseUrl}/webhook/${this.node.webhookId}/webhook`;
	}

	/** The node's static data (secret, webhooks, cursor). */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	get nodeType(): INodeType {
		return this.workflow.nodeTypes.getByNameAndVersion(this.node.type, 1);
	}

	setParameters(parameters: INodeParameters): void {
		this.node.parameters = structuredClone(parameters);
	}

	private additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			...createAdditionalData({ credentialsHelper: this.credentialsHelper, workflowId: this.workflow.id }),
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			...extra,
		};
	}

	private webhookData(name: 'default' | 'setup'): IWebhookData {
		const description = this.nodeType.description.webhooks?.find((webhook) => webhook.name === name);
		if (!description) throw new Error(`the node has no '${name}' webhook`);
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
		};
	}

	private async hook(method: 'checkExists' | 'create' | 'delete', mode: WorkflowExecuteMode = 'trigger'): Promise<boolean> {
		const fn = this.nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`no webhookMethods.default.${method}`);
		const data = this.webhookData('default');
		const context = new HookContext(this.workflow, this.node, data.workflowExecuteAdditionalData, mode, 'activate', data);
		return await fn.call(context);
	}

	checkExists(): Promise<boolean> {
		return this.hook('checkExists');
	}

	/** Activation as n8n does it: checkExists, then create when the webhooks are missing. */
	async activate(): Promise<{ existed: boolean }> {
		const existed = await this.hook('checkExists');
		if (!existed) await this.hook('create');
		return { existed };
	}

	async deactivate(): Promise<boolean> {
		return await this.hook('delete');
	}

	/** Waits for every execution started so far. */
	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.all([...this.running]);
	}

	private async runExecution(items: INodeExecutionData[][], mode: WorkflowExecuteMode): Promise<TriggerExecution> {
		const executionId = nextExecutionId();
		const workflowData: IWorkflowBase = {
			id: this.workflow.id,
			name: this.workflow.name ?? '',
			active: true,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: Object.values(this.workflow.nodes),
			connections: this.workflow.connectionsBySourceNode,
			settings: this.workflow.settings,
		};
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const additionalData = this.additionalData({ executionId, hooks });
		const nodeExecutionStack = [{ node: this.node, data: { main: items }, source: null }];
		const runData = createRunExecutionData({ executionData: { nodeExecutionStack } });
		const run = await new WorkflowExecute(additionalData, mode, runData).processRunExecutionData(this.workflow);
		const output = run.data.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? [];
		const execution = { executionId, items: output, run };
		this.executions.push(execution);
		return execution;
	}

	/** Starts an execution and keeps track of it (what n8n's WorkflowRunner.run does before the answer). */
	private startExecution(items: INodeExecutionData[][], mode: WorkflowExecuteMode): void {
		const running = this.runExecution(items, mode).then(
			() => undefined,
			(error: unknown) => {
				this.webhookErrors.push(error);
			},
		);
		this.running.add(running);
		void running.finally(() => this.running.delete(running));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = req.method ?? '';
		const url = new URL(req.url ?? '/', this.baseUrl);
		const raw = await readRaw(req);
		const record = (status: number, body: string, reachedNode: boolean) => this.requests.push({ method, status, body, reachedNode });
		const send = (status: number, body: unknown) => {
			const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
			record(status, text, false);
			res.statusCode = status;
			if (text) res.setHeader('Content-Type', 'application/json; charset=utf-8');
			res.end(method === 'HEAD' ? undefined : text);
		};
		if (url.pathname !== `/webhook/${this.node.webhookId}/webhook` || !['POST', 'HEAD'].includes(method)) return send(404, { message: 'not registered' });
		const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		const parsed = parseBody(raw, contentType);
		if (!parsed.ok) return send(422, { code: 422, message: 'Failed to parse request body' });

		const name = method === 'HEAD' ? 'setup' : 'default';
		const request = Object.assign(req, { body: parsed.body, rawBody: raw, query: Object.fromEntries(url.searchParams), params: {}, contentType });
		const data = this.webhookData(name);
		const additionalData = this.additionalData({ httpRequest: request as never, httpResponse: res as never });
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', data, [], null);
		let result: IWebhookResponseData;
		try {
			result = await (this.nodeType.webhook as NonNullable<INodeType['webhook']>).call(context);
		} catch (error) {
			this.webhookErrors.push(error);
			return send(500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
		if (result.noWebhookResponse) {
			this.requests.push({ method, status: res.statusCode, body: '', reachedNode: true });
			return;
		}
		if (result.workflowData !== undefined) this.startExecution(result.workflowData, 'webhook');
		// responseMode onReceived: the description's responseData, else webhookResponse (n8n's extractWebhookOnReceivedResponse)
		const responseData = data.webhookDescription.responseData;
		const body = responseData === 'noData' ? undefined : responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
		const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		this.requests.push({ method, status: 200, body: text, reachedNode: true });
		res.statusCode = 200;
		if (text) res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(method === 'HEAD' ? undefined : text);
	}

	/** A poll as n8n's poll executor runs it: an execution when the poll returns items. */
	async poll(): Promise<TriggerExecution | undefined> {
		const context = new PollContext(this.workflow, this.node, this.additionalData(), 'trigger', 'activate');
		const result = await (this.nodeType.poll as NonNullable<INodeType['poll']>).call(context);
		if (result === null) return undefined;
		return await this.runExecution(result, 'trigger');
	}

	/** The editor's "Fetch Test Event": the workflow run in manual mode from the polling trigger. */
	async fetchTestEvent(): Promise<TriggerExecution> {
		return await this.runExecution([[{ json: {} }]], 'manual');
	}

	async close(): Promise<void> {
		await this.idle();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
