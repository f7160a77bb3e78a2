/**
 * A scripted OpenAI-compatible chat-completions server on 127.0.0.1 that plays the model behind n8n's AI Agent
 * (OpenAI Chat Model node, "Use Responses API" off, the credential's Base URL pointing here).
 *
 * - `POST /v1/chat/completions`: non-streaming (JSON) and streaming (SSE, `stream: true`) answers.
 * - `GET /v1/models`: one model, for an editor or a node that asks.
 *
 * Every request is recorded (its messages and the tools offered: names, descriptions, JSON schemas). The
 * scenario is recognised from a tag `[scenario:name]` in the conversation's first user message; the scenario's
 * script reads the conversation so far (the tool calls it made and the results n8n sent back) and answers with
 * tool calls (one or many in one message) or a final text. A script that throws answers a final text saying so
 * (HTTP 200: an error status would make the OpenAI client retry), and the error is recorded for the test.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolSpec {
	name: string;
	description: string;
	parameters: unknown;
}

export interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: ToolCall[];
	tool_call_id?: string;
}

export interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: Array<{ type: string; function: ToolSpec }>;
	stream?: boolean;
}

/** A tool result as n8n sent it back: which call it answers (the tool and the arguments the model gave). */
export interface ToolResult {
	callId: string;
	name: string;
	args: Record<string, unknown>;
	content: string;
}

/** What a script sees: the conversation so far, read. */
export interface Conversation {
	scenario: string;
	/** The first user message (the agent's prompt). */
	prompt: string;
	tools: ToolSpec[];
	/**
	 * The model's replies so far (0 on the first request). Counted from the ids this server gave its tool calls
	 * (`call_<scenario>_<step>_<index>`): n8n 2.x hands parallel tool calls back as one assistant message per call.
	 */
	step: number;
	/** Every tool result so far, in order. */
	results: ToolResult[];
	/** The tool results that answer the model's last reply (empty on the first request). */
	latest: ToolResult[];
	/** The name of the offered tool whose name matches `key` once case and non-alphanumerics are ignored. */
	tool(key: string): string;
}

export type Reply = { toolCalls: Array<{ name: string; args: Record<string, unknown> }> } | { text: string };

export interface ScriptedScenario {
	script: (conversation: Conversation) => Reply;
	/** Called once, on the scenario's first request (before the script): sandbox faults, limits. */
	onStart?: () => void;
}

export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	scenario?: string;
	/** Exactly the bytes received. */
	raw: string;
	body?: ChatRequest;
	reply?: Reply;
	error?: string;
}

export interface ModelServer {
	/** The credential's Base URL: `http://127.0.0.1:<port>/v1`. */
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** The chat requests of one scenario, in order. */
	requestsOf(scenario: string): RecordedRequest[];
	close(): Promise<void>;
}

export const MODEL_ID = 'scripted-model';
const TAG = /\[scenario:([a-z0-9-]+)\]/i;
/** The ids this server gives tool calls: `call_<scenario>_<step>_<index>`. */
const CALL_ID = /^call_[a-z0-9_]+?_(\d+)_\d+$/;

export function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown })?.text ?? ''))).join('');
	if (content === null || content === undefined) return '';
	return JSON.stringify(content);
}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function parseArgs(text: string): Record<string, unknown> {
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

/** Reads a request's messages into what a script sees. */
export function readConversation(scenario: string, body: ChatRequest): Conversation {
	const tools = (body.tools ?? []).map((tool) => tool.function);
	const calls = new Map<string, { name: string; args: Record<string, unknown>; turn: number }>();
	const results: Array<ToolResult & { turn: number }> = [];
	let assistantMessages = 0;
	let prompt = '';
	for (const message of body.messages) {
		if (message.role === 'user' && prompt === '') prompt = textOf(message.content);
		if (message.role === 'assistant') {
			assistantMessages += 1;
			for (const call of message.tool_calls ?? []) {
				const ours = CALL_ID.exec(call.id);
				const turn = ours ? Number(ours[1]) : assistantMessages - 1;
				calls.set(call.id, { name: call.function.name, args: parseArgs(call.function.arguments), turn });
			}
		}
		if (message.role === 'tool') {
			const call = calls.get(message.tool_call_id ?? '') ?? { name: '?', args: {}, turn: assistantMessages - 1 };
			results.push({ callId: message.tool_call_id ?? '', ...call, content: textOf(message.content) });
		}
	}
	const turns = [...calls.values()].map((call) => call.turn);
	const step = turns.length > 0 ? Math.max(...turns) + 1 : assistantMessages;
	const latest = results.filter((result) => result.turn === step - 1);
	return {
		scenario,
		prompt,
		tools,
		step,
		results,
		latest,
		tool(key) {
			const found = tools.find((tool) => squash(tool.name) === squash(key));
			if (!found) throw new Error(`no tool "${key}" among ${tools.map((tool) => tool.name).join(', ')}`);
			return found.name;
		},
	};
}

function completion(reply: Reply, step: number, scenario: string): { message: Record<string, unknown>; finish: string; calls: ToolCall[] } {
	if ('text' in reply) return { message: { role: 'assistant', content: reply.text }, finish: 'stop', calls: [] };
	const calls: ToolCall[] = reply.toolCalls.map((call, index) => ({
		id: `call_${scenario.replace(/-/g, '_')}_${step}_${index}`,
		type: 'function',
		function: { name: call.name, arguments: JSON.stringify(call.args) },
	}));
	return { message: { role: 'assistant', content: null, tool_calls: calls }, finish: 'tool_calls', calls };
}

const USAGE = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };

function answerJson(res: http.ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/** The reply as server-sent events, the way OpenAI streams a chat completion. */
function answerStream(res: http.ServerResponse, id: string, created: number, reply: ReturnType<typeof completion>): void {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
	const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}): void => {
		res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL_ID, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`);
	};
	chunk({ role: 'assistant', content: reply.calls.length > 0 ? null : '' }, null);
	if (reply.calls.length === 0) chunk({ content: String(reply.message.content) }, null);
	reply.calls.forEach((call, index) => chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } }] }, null));
	chunk({}, reply.finish);
	res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL_ID, choices: [], usage: USAGE })}\n\n`);
	res.end('data: [DONE]\n\n');
}

export async function startModelServer(scenarios: Record<string, ScriptedScenario>): Promise<ModelServer> {
	const requests: RecordedRequest[] = [];
	const started = new Set<string>();
	let counter = 0;

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = (req.url ?? '').split('?')[0];
			const record: RecordedRequest = { at: Date.now(), method: req.method ?? '', path, raw: Buffer.concat(chunks).toString('utf8') };
			requests.push(record);
			if (req.method === 'GET' && path.endsWith('/models')) {
				answerJson(res, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'e2e' }] });
				return;
			}
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				record.error = `unexpected ${req.method} ${path}`;
				answerJson(res, 404, { error: { message: record.error, type: 'invalid_request_error' } });
				return;
			}
			let reply: Reply;
			let scenario = '';
			let step = 0;
			try {
				const body = JSON.parse(record.raw) as ChatRequest;
				record.body = body;
				const first = body.messages.find((message) => message.role === 'user');
				scenario = TAG.exec(textOf(first?.content))?.[1] ?? '';
				record.scenario = scenario;
				const scripted = scenarios[scenario];
				if (!scripted) throw new Error(`no script for scenario "${scenario}"`);
				if (!started.has(scenario)) {
					started.add(scenario);
					scripted.onStart?.();
				}
				const conversation = readConversation(scenario, body);
				step = conversation.step;
				reply = scripted.script(conversation);
			} catch (error) {
				record.error = error instanceof Error ? error.message : String(error);
				reply = { text: `SCRIPT ERROR: ${record.error}` };
			}
			record.reply = reply;
			counter += 1;
			const id = `chatcmpl-e2e-${counter}`;
			const created = Math.floor(Date.now() / 1000);
			const answer = completion(reply, step, scenario || 'unknown');
			if (record.body?.stream === true) answerStream(res, id, created, answer);
			else {
				answerJson(res, 200, {
					id,
					object: 'chat.completion',
					created,
					model: MODEL_ID,
					choices: [{ index: 0, message: answer.message, finish_reason: answer.finish, logprobs: null }],
					usage: USAGE,
				});
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		requestsOf: (scenario) => requests.filter((request) => request.scenario === scenario),
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
