/**
 * The scripted OpenAI-compatible model of the agents e2e test (test/e2e/ai/): its answers in OpenAI's
 * chat-completions shapes (JSON and SSE), how it reads a conversation back, and the scripts' readers.
 */
import { readConversation, startModelServer } from '../e2e/ai/model-server';
import type { ChatRequest, ModelServer } from '../e2e/ai/model-server';
import { closestNames, readable, resultItems, tomorrowAtTen } from '../e2e/ai/scenarios';

const TOOLS: ChatRequest['tools'] = [
	{ type: 'function', function: { name: 'Get_Lead', description: 'Get a lead', parameters: { type: 'object', properties: { email: { type: 'string' } } } } },
];

async function post(server: ModelServer, body: unknown): Promise<Response> {
	return await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('scripted model server', () => {
	let server: ModelServer;
	let started = 0;

	beforeAll(async () => {
		server = await startModelServer({
			demo: {
				onStart: () => (started += 1),
				script: (c) => (c.step === 0 ? { toolCalls: [{ name: c.tool('get lead'), args: { email: 'a@example.com' } }] } : { text: `seen: ${c.latest[0].content}` }),
			},
		});
	});
	afterAll(async () => await server.close());

	const first: ChatRequest = { model: 'm', messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: '[scenario:demo] find a' }], tools: TOOLS };

	it('answers tool calls as a chat completion, and the final text once the tool result comes back', async () => {
		const answer = (await (await post(server, first)).json()) as { choices: Array<{ message: { tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> }; finish_reason: string }> };
		expect(answer.choices[0].finish_reason).toBe('tool_calls');
		const [toolCall] = answer.choices[0].message.tool_calls;
		expect(toolCall.function).toEqual({ name: 'Get_Lead', arguments: '{"email":"a@example.com"}' });
		const second = {
			...first,
			messages: [...first.messages, { role: 'assistant', content: null, tool_calls: [{ ...toolCall, type: 'function' }] }, { role: 'tool', tool_call_id: toolCall.id, content: '{"ProspectID":"x"}' }],
		};
		const final = (await (await post(server, second)).json()) as { choices: Array<{ message: { content: string }; finish_reason: string }> };
		expect(final.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'seen: {"ProspectID":"x"}' } });
		expect(started).toBe(1);
		expect(server.requestsOf('demo')).toHaveLength(2);
	});

	it('streams as server-sent events when asked, ending with [DONE]', async () => {
		const text = await (await post(server, { ...first, stream: true })).text();
		const events = text.split('\n\n').filter((event) => event.startsWith('data: '));
		expect(events[events.length - 1]).toBe('data: [DONE]');
		const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice(6)) as { choices: Array<{ delta: { tool_calls?: unknown[] }; finish_reason: string | null }> });
		expect(chunks.some((chunk) => chunk.choices[0]?.delta.tool_calls !== undefined)).toBe(true);
		expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === 'tool_calls')).toBe(true);
	});

	it('answers an untagged conversation with a final text naming the problem, and records it', async () => {
		const answer = (await (await post(server, { model: 'm', messages: [{ role: 'user', content: 'hello' }] })).json()) as { choices: Array<{ message: { content: string } }> };
		expect(answer.choices[0].message.content).toMatch(/SCRIPT ERROR: no script for scenario ""/);
		expect(server.requests[server.requests.length - 1].error).toMatch(/no script/);
	});

	it('reads tool results back to the calls they answer, also when content comes in parts', () => {
		const conversation = readConversation('demo', {
			messages: [
				{ role: 'user', content: [{ type: 'text', text: '[scenario:demo] x' }] },
				{ role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'Get_Lead', arguments: '{"email":"b@example.com"}' } }] },
				{ role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: 'No lead' }] },
			],
		});
		expect(conversation).toMatchObject({ prompt: '[scenario:demo] x', step: 1, latest: [{ name: 'Get_Lead', args: { email: 'b@example.com' }, content: 'No lead' }] });
	});

	it('counts the replies of the model by its own tool call ids, also when n8n hands parallel calls back one message each', () => {
		const calls = [0, 1, 2].map((index) => ({ id: `call_demo_0_${index}`, type: 'function' as const, function: { name: 'Get_Lead', arguments: `{"n":${index}}` } }));
		const conversation = readConversation('demo', {
			messages: [{ role: 'user', content: '[scenario:demo] x' }, ...calls.flatMap((call) => [{ role: 'assistant', tool_calls: [call] }, { role: 'tool', tool_call_id: call.id, content: `r${call.id}` }])],
		});
		expect(conversation.step).toBe(1);
		expect(conversation.latest.map((result) => result.args.n)).toEqual([0, 1, 2]);
	});
});

describe('what the scripts read', () => {
	it('finds the names a "Closest valid names:" list offers (contract C2)', () => {
		expect(closestNames('"City" is not a lead field. Closest valid names: City (mx_City), Company (Company), Job Title (JobTitle).')).toEqual([
			{ display: 'City', schema: 'mx_City' },
			{ display: 'Company', schema: 'Company' },
			{ display: 'Job Title', schema: 'JobTitle' },
		]);
		expect(closestNames('no list here')).toEqual([]);
	});

	it('computes tomorrow 10:00 in a time zone, across the date line', () => {
		expect(tomorrowAtTen('Asia/Kolkata', new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-02 10:00');
		expect(tomorrowAtTen('Asia/Kolkata', new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01 10:00');
	});

	it('reads a tool result as n8n hands it over: JSON of the items or of {error}, quotes escaped', () => {
		const content = JSON.stringify([{ error: 'Unknown field "City". Closest valid names: City (mx_City)' }]);
		expect(readable(content)).toBe('Unknown field "City". Closest valid names: City (mx_City)');
		expect(readable('plain text')).toBe('plain text');
		expect(resultItems(JSON.stringify([{ found: false }, 'x']))).toEqual([{ found: false }]);
		expect(resultItems('""')).toEqual([]);
	});
});
