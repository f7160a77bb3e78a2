/**
 * The CRM-assistant MCP template (templates/leadsquared-crm-assistant-mcp.json) behind n8n's MCP Server Trigger
 * in `n8n start` (mcp-support.ts), reached by the official MCP SDK client over streamable HTTP as Claude Desktop
 * or Cursor reach it: the tools it lists (names, descriptions, input schemas; three saved to
 * .test-tmp/e2e/mcp/tools-seen.json), a lookup of a seeded lead, discovery, writes whose effect the sandbox shows
 * exactly, errors a model can act on, and no key in anything the client received. Then `npm run demo:mcp` as a
 * user runs it. Run: `npm run build && npm run build:tools && E2E_LINES=2.x npx jest -c jest.e2e.config.js test/e2e/mcp.test.ts`.
 *
 * Tests that assert what other lanes of issue 19 build are named after their contract: C3 (a lookup that finds
 * nothing answers `{found: false, message}` in tool mode), C2 (an unknown field lists the closest valid names) and
 * C1 (a write whose outcome is unknown says the record may already exist and which read checks it).
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { connectMcp } from '../../scripts/e2e/mcp-client';
import type { McpSession, SeenTool } from '../../scripts/e2e/mcp-client';
import { readMcpTemplate } from '../../scripts/e2e/mcp-template';
import { repoRoot } from '../../scripts/e2e/package';
import { e2eLines } from './lines';
import { MCP_LEADS, startMcpRun } from './mcp-support';
import type { McpRun } from './mcp-support';
import { runDemoMcp } from './mcp-demo';

const TOOLS = [
	'Add_Note',
	'Create_Task',
	'Create_or_Update_Lead',
	'Find_Lead_by_Email',
	'List_Activity_Types',
	'List_Lead_Fields',
	'List_Task_Types',
	'List_Users',
	'Log_Activity',
	'Search_Leads',
	'Set_Lead_Field',
];
const SAVED = ['Find_Lead_by_Email', 'Log_Activity', 'Create_Task'];
const WRITES = ['Lead.CreateOrUpdate', 'Lead.Update', 'ProspectActivity.Create', 'Task.Create', 'CreateNote'];

describe.each(e2eLines())('the CRM-assistant MCP template in n8n %s (MCP Server Trigger, official SDK client)', (line) => {
	let run: McpRun;
	let mcp: McpSession;
	let tools: SeenTool[] = [];
	let meeraId = '';
	/** Every tool call and its answer, saved to .test-tmp/e2e/mcp/<line>/answers.json. */
	const answers: Array<{ tool: string; args: Record<string, unknown>; isError: boolean; text: string }> = [];
	const call = async (tool: string, args: Record<string, unknown>) => {
		const answer = await mcp.callTool(tool, args);
		answers.push({ tool, args, isError: answer.isError, text: answer.text });
		return answer;
	};
	const writes = (): string[] => run.sandbox.log.filter((entry) => WRITES.includes(entry.endpoint ?? '')).map((entry) => String(entry.endpoint));

	beforeAll(async () => {
		const tarball = process.env.E2E_TARBALL;
		if (!tarball) throw new Error('E2E_TARBALL is not set: run through jest -c jest.e2e.config.js (its global setup packs the package)');
		run = await startMcpRun(line, tarball);
		mcp = await connectMcp(run.url);
		meeraId = String(run.sandbox.leads().find((lead) => lead.EmailAddress === MCP_LEADS.meera.EmailAddress)?.ProspectID);
	}, 6 * 60_000);

	afterAll(async () => {
		await mcp?.close().catch(() => undefined);
		console.log(`[mcp e2e ${line}] timings (ms): ${JSON.stringify(run?.timings)}`);
		const artifacts = path.join(repoRoot(), '.test-tmp', 'e2e', 'mcp', line);
		await fsp.mkdir(artifacts, { recursive: true });
		await fsp.writeFile(path.join(artifacts, 'answers.json'), `${JSON.stringify(answers, null, 2)}\n`);
		await run?.close();
	}, 60_000);

	it('lists the eleven tools with the descriptions and the $fromAI input schemas of the template', async () => {
		tools = await mcp.listTools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
		const template = readMcpTemplate();
		for (const tool of tools) {
			const node = template.nodes.find((entry) => entry.name.replace(/[^a-zA-Z0-9_-]+/g, '_') === tool.name);
			expect(tool.description).toBe(node?.parameters.toolDescription);
			expect(tool.inputSchema.type).toBe('object');
		}
		const trigger = template.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
		// 1.123.81's MCP Server Trigger has no Instructions parameter: its clients get none
		expect(mcp.server()).toEqual({ name: 'LeadSquared_CRM', instructions: line === '2.x' ? trigger?.parameters.instructions : undefined });
		const byName = (name: string) => tools.find((tool) => tool.name === name) as SeenTool;
		const find = byName('Find_Lead_by_Email').inputSchema;
		expect(find.properties).toEqual({ email: expect.objectContaining({ type: 'string', description: expect.stringContaining('e-mail address') }) });
		expect(find.required).toEqual(['email']);
		const log = byName('Log_Activity').inputSchema;
		expect(Object.keys(log.properties ?? {}).sort()).toEqual(['activityDateTime', 'activityTypeCode', 'fieldName', 'fieldValue', 'leadId', 'note']);
		expect(log.properties?.activityTypeCode).toEqual(expect.objectContaining({ type: 'number', description: expect.stringContaining('List_Activity_Types') }));
		expect(log.properties?.activityDateTime).toEqual(expect.objectContaining({ type: 'string', default: '', description: expect.stringContaining('+05:30') }));
		expect([...(log.required ?? [])].sort()).toEqual(['activityTypeCode', 'fieldName', 'fieldValue', 'leadId']);
		const task = byName('Create_Task').inputSchema;
		expect([...(task.required ?? [])].sort()).toEqual(['dueDate', 'leadId', 'name', 'taskType']);
		expect(task.properties?.description).toEqual(expect.objectContaining({ type: 'string', default: '' }));
		const upsert = byName('Create_or_Update_Lead').inputSchema;
		expect(upsert.required).toEqual(['email']);

		const seen = SAVED.map((name) => byName(name));
		const file = path.join(repoRoot(), '.test-tmp', 'e2e', 'mcp', line, 'tools-seen.json');
		await fsp.mkdir(path.dirname(file), { recursive: true });
		await fsp.writeFile(file, `${JSON.stringify(seen, null, 2)}\n`);
		if (line === '2.x') await fsp.writeFile(path.join(repoRoot(), '.test-tmp', 'e2e', 'mcp', 'tools-seen.json'), `${JSON.stringify(seen, null, 2)}\n`);
		console.log(`[mcp e2e ${line}] what the MCP client saw for ${SAVED.join(', ')} (${path.relative(repoRoot(), file)}):\n${JSON.stringify(seen, null, 2)}`);
	});

	it('looks a seeded lead up by e-mail and searches leads', async () => {
		const found = await call('Find_Lead_by_Email', { email: MCP_LEADS.meera.EmailAddress });
		expect(found.isError).toBe(false);
		expect(found.json).toEqual([expect.objectContaining({ ProspectID: meeraId, EmailAddress: MCP_LEADS.meera.EmailAddress, FirstName: 'Meera', mx_City: 'Chennai' })]);
		const search = await call('Search_Leads', { text: 'mcp.e2e.example', limit: 10 });
		expect(search.isError).toBe(false);
		expect((search.json as Array<{ EmailAddress: string }>).map((lead) => lead.EmailAddress).sort()).toEqual([MCP_LEADS.kabir.EmailAddress, MCP_LEADS.meera.EmailAddress]);
		expect(writes()).toEqual([]);
	});

	it("discovers the account's activity types, lead fields, task types and users", async () => {
		const types = await call('List_Activity_Types', { search: 'call' });
		expect(types.isError).toBe(false);
		expect(types.json).toEqual([
			expect.objectContaining({
				code: 202,
				name: 'Phone Call',
				fields: expect.arrayContaining([expect.objectContaining({ schemaName: 'mx_Custom_1', displayName: 'Call Outcome', mandatory: true })]),
			}),
		]);
		const fields = await call('List_Lead_Fields', { search: 'city' });
		expect(fields.json).toEqual([expect.objectContaining({ schemaName: 'mx_City', displayName: 'City' })]);
		const taskTypes = await call('List_Task_Types', {});
		expect((taskTypes.json as Array<{ name: string }>).map((type) => type.name)).toEqual(expect.arrayContaining(['Follow Up', 'Meeting']));
		const users = await call('List_Users', { search: '' });
		expect(users.json).toEqual(expect.arrayContaining([expect.objectContaining({ EmailAddress: 'admin@sandbox.example.com' })]));
		expect(writes()).toEqual([]);
	});

	it('logs a call, creates a follow-up task, adds a note, sets a field and creates or updates leads: exactly those writes land', async () => {
		const before = run.sandbox.records();
		const activity = await call('Log_Activity', {
			leadId: meeraId,
			activityTypeCode: 202,
			note: 'Asked about the MBA fees',
			activityDateTime: '2026-12-07T15:30:00+05:30',
			fieldName: 'mx_Custom_1',
			fieldValue: 'Connected',
		});
		expect(activity.isError).toBe(false);
		const task = await call('Create_Task', { taskType: 'Follow Up', name: 'Call back about the MBA', leadId: meeraId, dueDate: '2026-12-08T10:00:00+05:30' });
		expect(task.isError).toBe(false);
		const note = await call('Add_Note', { leadId: meeraId, note: 'Prefers calls after 5 pm' });
		expect(note.isError).toBe(false);
		const field = await call('Set_Lead_Field', { leadId: meeraId, field: 'mx_City', value: 'Madurai' });
		expect(field.isError).toBe(false);
		// an update that names only the company: the first and last name the model left empty are kept
		const update = await call('Create_or_Update_Lead', { email: MCP_LEADS.kabir.EmailAddress, company: 'Singh Exports International' });
		expect(update.isError).toBe(false);
		const created = await call('Create_or_Update_Lead', { email: 'nisha@mcp.e2e.example', firstName: 'Nisha', lastName: 'Rao', phone: '+91-9000000303' });
		expect(created.isError).toBe(false);

		const after = run.sandbox.records();
		const newActivities = after.activities.slice(before.activities.length);
		expect(newActivities).toEqual([
			expect.objectContaining({ RelatedProspectId: meeraId, ActivityEvent: 202, ActivityNote: 'Asked about the MBA fees', ActivityDateTime: '2026-12-07 10:00:00', Fields: expect.objectContaining({ mx_Custom_1: 'Connected' }) }),
		]);
		expect(after.tasks.slice(before.tasks.length)).toEqual([expect.objectContaining({ TaskTypeName: 'Follow Up', Name: 'Call back about the MBA', LeadId: meeraId, DueDate: '2026-12-08 04:30:00' })]);
		expect(after.notes.slice(before.notes.length)).toEqual([expect.objectContaining({ RelatedProspectId: meeraId, Note: 'Prefers calls after 5 pm' })]);
		const leads = run.sandbox.leads();
		expect(leads.find((lead) => lead.ProspectID === meeraId)).toEqual(expect.objectContaining({ mx_City: 'Madurai', FirstName: 'Meera' }));
		expect(leads.find((lead) => lead.EmailAddress === MCP_LEADS.kabir.EmailAddress)).toEqual(
			expect.objectContaining({ Company: 'Singh Exports International', FirstName: 'Kabir', LastName: 'Singh' }),
		);
		expect(leads.find((lead) => lead.EmailAddress === 'nisha@mcp.e2e.example')).toEqual(expect.objectContaining({ FirstName: 'Nisha', LastName: 'Rao', Phone: '+91-9000000303' }));
		expect(leads).toHaveLength(3);
		expect(writes().sort()).toEqual(['CreateNote', 'Lead.CreateOrUpdate', 'Lead.CreateOrUpdate', 'Lead.Update', 'ProspectActivity.Create', 'Task.Create']);
	});

	it('C3: a lookup that finds nothing answers {found: false} with a message naming what was searched', async () => {
		const answer = await call('Find_Lead_by_Email', { email: 'nobody@mcp.e2e.example' });
		expect(answer.isError).toBe(false);
		expect(answer.json).toEqual([{ found: false, message: expect.stringMatching(/^No lead with .*nobody@mcp\.e2e\.example/) }]);
	});

	/**
	 * A failed call as the client receives it. 2.x runs the tool through createNodeAsTool with
	 * isToolExecution(): the node throws and the client gets MCP's isError with the message. 1.123.81's contexts
	 * have no isToolExecution(), so the node cannot tell the MCP Server Trigger from its AI Agent (whose run a
	 * thrown error would end) and answers with its error item: a result whose `error` is the same message.
	 */
	function expectFailure(answer: Awaited<ReturnType<typeof call>>, message: RegExp): void {
		if (line === '2.x') {
			expect(answer.isError).toBe(true);
			expect(answer.text).toMatch(message);
		} else {
			expect(answer.isError).toBe(false);
			expect(answer.json).toEqual([{ error: expect.stringMatching(message), details: expect.objectContaining({ itemIndex: 0 }) }]);
		}
	}

	it('C2: an unknown lead field or activity field is refused, listing the closest valid names, and nothing is sent', async () => {
		const sent = writes().length;
		const lead = await call('Set_Lead_Field', { leadId: meeraId, field: 'City', value: 'Pune' });
		const activity = await call('Log_Activity', { leadId: meeraId, activityTypeCode: 202, fieldName: 'mx_Nonexistent_Field', fieldValue: 'x' });
		console.log(`[mcp e2e ${line}] what the model reads for an unknown field:\n${lead.text}\n${activity.text}`);
		expect(writes()).toHaveLength(sent);
		expectFailure(lead, /"City".*Closest valid names: .*City \(mx_City\)/s);
		expectFailure(activity, /mx_Nonexistent_Field.*Closest valid names: /s);
	});

	it('C1: a note whose answer is cut off is written once, not retried, and the model reads that it may already exist and how to check', async () => {
		const notes = run.sandbox.records().notes.length;
		const noteCalls = () => run.sandbox.log.filter((entry) => entry.endpoint === 'CreateNote').length;
		const callsBefore = noteCalls();
		run.sandbox.injectFault({ endpoint: 'CreateNote', type: 'truncated', process: true });
		const answer = await call('Add_Note', { leadId: meeraId, note: 'Sent the brochure' });
		console.log(`[mcp e2e ${line}] what the model reads for a cut-off write:\n${answer.text}`);
		expect(run.sandbox.records().notes.slice(notes)).toEqual([expect.objectContaining({ RelatedProspectId: meeraId, Note: 'Sent the brochure' })]);
		expect(noteCalls()).toBe(callsBefore + 1);
		expectFailure(answer, /may already exist.*check with Note → Get Many/s);
	});

	it('sent no key to the MCP client', () => {
		const received = mcp.received();
		expect(received.length).toBeGreaterThan(1000);
		for (const secret of [run.keys.accessKey, run.keys.secretKey, encodeURIComponent(run.keys.accessKey), encodeURIComponent(run.keys.secretKey), ...run.keys.cores]) {
			expect(received).not.toContain(secret);
		}
	});
});

(e2eLines().includes('2.x') ? describe : describe.skip)('npm run demo:mcp (n8n 2.x)', () => {
	it('serves the template against the sandbox, prints the MCP URL an SDK client lists the tools through, and stops on Ctrl-C with exit code 0', async () => {
		const result = await runDemoMcp(async (url) => {
			const session = await connectMcp(url);
			try {
				expect((await session.listTools()).map((tool) => tool.name).sort()).toEqual(TOOLS);
				const found = await session.callTool('Find_Lead_by_Email', { email: 'priya.sharma@example.com' });
				expect(found.json).toEqual([expect.objectContaining({ EmailAddress: 'priya.sharma@example.com', FirstName: 'Priya' })]);
			} finally {
				await session.close();
			}
		});
		expect(result.exit).toEqual({ code: 0, signal: null });
		expect(result.output).toContain(`✓ MCP client (official SDK, streamable HTTP) connected and listed ${TOOLS.length} tools`);
		expect(result.output).toMatch(/"url": "http:\/\/127\.0\.0\.1:\d+\/mcp\/leadsquared-crm"/);
		expect(result.output).toMatch(/sandbox ← (GET|POST) \S*Lead\S* → 200/);
		expect(result.output).toContain('Stopped.');
		expect(result.portListening).toBe(false);
	});
});
