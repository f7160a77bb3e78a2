/**
 * The AI Agent proof in real n8n (issue 19): n8n's AI Agent with the OpenAI Chat Model pointed at a scripted
 * OpenAI-compatible server (test/e2e/ai/model-server.ts) and LeadSquared tool nodes (`leadSquaredTool`,
 * parameters through `$fromAI()`), one workflow per scenario, all run by one `n8n execute-batch` per line.
 * The assertions read the sandbox (what was written, and how often), its request log, and what the scripted
 * model received (tool results, tool names, descriptions and schemas). See test/e2e/README.md.
 *
 * Contracts of the parallel lanes these assertions are written to (issue 19): C1 (a write whose outcome is
 * unknown says "may already exist" and "check with <Resource> → <Operation>"), C2 ("Closest valid names:"),
 * C3 (a read that finds nothing answers `{found: false, message: "No lead with …"}` in tool mode), C4 (no
 * " [item N]" in tool mode). The test names say which contract each depends on.
 */
import { LINES } from '../../scripts/runtime';
import type { RuntimeLine } from '../../scripts/runtime';
import { e2eLines } from './lines';
import { databaseFiles, findLeaks, secretNeedles } from './support';
import { acceptedWrites, finalAnswer, kolkataInstant, recordToolsSeen, toolResults, utcInstant, windowOf } from './ai/reading';
import { runAgents } from './ai/run';
import type { AgentRun } from './ai/run';
import { ASHA, BAD_DATE, closestNames, CUT_OFF_NOTE, NOBODY, PARALLEL_NOTES, readable, resultItems, SCENARIO_IDS, tomorrowAtTen, WORKFLOW_IDS } from './ai/scenarios';
import type { ScenarioId } from './ai/scenarios';
import { TIME_ZONE } from './ai/workflows';

/** Scenarios a line cannot run, with the reason (shown in the skipped test's name). */
const NOT_ON: Record<RuntimeLine, Partial<Record<ScenarioId, string>>> = {
	'2.x': {},
	'1.x': {},
};

const SEEN_PARAMETERS: Record<string, string[]> = {
	Get_Lead: ['email'],
	Log_Call: ['lead_id', 'note', 'call_outcome'],
	'Create_Follow-up_Task': ['lead_id', 'subject', 'due_date'],
};

function describeAgents(line: RuntimeLine): void {
	const { version } = LINES[line];
	const suite = e2eLines().includes(line) ? describe : describe.skip;
	const skipped = NOT_ON[line];
	const runs = SCENARIO_IDS.filter((id) => skipped[id] === undefined);
	const scenario = (id: ScenarioId, name: string, body: () => void): void => {
		const reason = skipped[id];
		if (reason) it.skip(`${name} — not on ${version}: ${reason}`, () => undefined);
		else it(name, body);
	};

	suite(`AI Agent with LeadSquared tools in n8n ${version} (${line}), scripted OpenAI-compatible model`, () => {
		let run: AgentRun;

		beforeAll(async () => {
			const tarball = process.env.E2E_TARBALL;
			if (!tarball) throw new Error('E2E_TARBALL is not set: run through `npm run test:e2e` (jest -c jest.e2e.config.js)');
			run = await runAgents(line, tarball, runs);
			const timings = run.commands.map(({ what, result }) => `${what} ${(result.durationMs / 1000).toFixed(1)} s`).join(', ');
			console.log(`agents on n8n ${run.runtime.version}: ${timings}; ${run.model.requests.length} model requests, ${run.sandbox.log.length} sandbox requests`);
		}, 10 * 60_000);

		afterAll(async () => {
			await run?.close();
		});

		it('runs every scenario in one execute-batch: each agent reaches the scripted model and finishes with its final answer', () => {
			const statuses = (run.batch.executions ?? []).map((execution) => `${execution.workflowId}: ${execution.executionStatus}`);
			for (const id of runs) {
				const errors = run.model.requestsOf(id).flatMap((request) => (request.error ? [request.error] : []));
				expect({ id, errors }).toEqual({ id, errors: [] });
				expect({ id, final: typeof finalAnswer(run, id) }).toEqual({ id, final: 'string' });
				expect({ id, snapshot: run.executions[WORKFLOW_IDS[id]] !== undefined, statuses }).toMatchObject({ id, snapshot: true });
			}
			expect(run.model.requests.filter((request) => request.error && !request.scenario)).toEqual([]);
		});

		scenario('lookup', 'looks a lead up by e-mail, logs a call on it, books a follow-up tomorrow 10:00 (Asia/Kolkata): exactly those writes', () => {
			const asha = run.sandbox.leads().find((lead) => lead.EmailAddress === ASHA);
			const [lookup] = toolResults(run, 'lookup');
			expect(lookup.content).toContain(String(asha?.ProspectID));
			expect(run.state.lookupLeadId).toBe(asha?.ProspectID);
			const records = run.sandbox.records();
			const activities = records.activities.filter((activity) => activity.RelatedProspectId === asha?.ProspectID);
			expect(activities).toHaveLength(1);
			expect(activities[0]).toMatchObject({ ActivityEvent: 202, ActivityNote: 'Picked up; wants the brochure' });
			expect(activities[0].Fields.mx_Custom_1).toBe('Connected');
			const tasks = records.tasks.filter((task) => task.LeadId === asha?.ProspectID);
			expect(tasks).toHaveLength(1);
			expect(tasks[0]).toMatchObject({ Name: 'Call back about the brochure', TaskTypeName: 'Follow Up', RelatedEntity: 1 });
			// the script passed tomorrow 10:00 local; LeadSquared stores the UTC instant (04:30 Z)
			expect([tomorrowAtTen(TIME_ZONE, new Date(run.model.requestsOf('lookup')[0].at)), tomorrowAtTen(TIME_ZONE)]).toContain(run.state.lookupDue);
			expect(utcInstant(tasks[0].DueDate)).toBe(kolkataInstant(String(run.state.lookupDue)));
			expect(acceptedWrites(run, 'lookup').map((entry) => entry.endpoint)).toEqual(['ProspectActivity.Create', 'Task.Create']);
		});

		scenario('bad-date', 'a bad due date: the model is told the parameter and the value, retries with a good one, one task', () => {
			const [first, second] = toolResults(run, 'bad-date');
			expect(readable(first.content)).toContain(`"${BAD_DATE}"`);
			expect(readable(first.content)).toMatch(/Due Date|due_date|dueDate/);
			expect(second?.content).toMatch(/taskId/);
			const tasks = run.sandbox.records().tasks.filter((task) => task.Name === 'Send the admission form');
			expect(tasks).toHaveLength(1);
			expect(utcInstant(tasks[0].DueDate)).toBe(kolkataInstant(String(run.state.badDateRetry)));
			expect(windowOf(run, 'bad-date').filter((entry) => entry.endpoint === 'Task.Create')).toHaveLength(1);
		});

		scenario('bad-date', 'a tool error reaches the model without the " [item N]" suffix (contract C4, lane toolform)', () => {
			const [first] = toolResults(run, 'bad-date');
			expect(readable(first.content)).toContain(BAD_DATE);
			expect(readable(first.content)).not.toMatch(/ \[item \d+\]/);
		});

		scenario('unknown-activity-field', 'an unknown activity field (mx_Nonexistent_Field): the closest valid names, the retry writes once (contract C2, lane errors)', () => {
			const [first] = toolResults(run, 'unknown-activity-field');
			expect(readable(first.content)).toContain('"mx_Nonexistent_Field"');
			const names = closestNames(readable(first.content));
			expect(names.length).toBeGreaterThan(0);
			expect(names.length).toBeLessThanOrEqual(5);
			const chosen = String(run.state.activityFieldChosen);
			const written = run.sandbox.records().activities.filter((activity) => activity.RelatedProspectId === run.raviId && activity.ActivityEvent === 202);
			expect(written).toHaveLength(1);
			expect(written[0].Fields[chosen]).toBe('Wants the hostel brochure');
			expect(acceptedWrites(run, 'unknown-activity-field').map((entry) => entry.endpoint)).toEqual(['ProspectActivity.Create']);
		});

		scenario('unknown-lead-field', 'an unknown lead field ("City"): the closest valid names list City (mx_City), the retry writes once (contract C2, lane errors)', () => {
			const [first] = toolResults(run, 'unknown-lead-field');
			expect(readable(first.content)).toContain('"City"');
			expect(closestNames(readable(first.content))).toContainEqual({ display: 'City', schema: 'mx_City' });
			expect(run.state.leadFieldChosen).toBe('mx_City');
			expect(run.sandbox.leads().find((lead) => lead.ProspectID === run.raviId)?.mx_City).toBe('Pune');
			expect(acceptedWrites(run, 'unknown-lead-field').map((entry) => entry.endpoint)).toEqual(['Lead.Update']);
		});

		scenario('not-found', 'a lead that does not exist: the model reads a "No lead …" result with found: false, not an empty string (contract C3, lane toolform)', () => {
			const [result] = toolResults(run, 'not-found');
			expect(readable(result.content).trim()).not.toBe('');
			const items = resultItems(result.content);
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ found: false, message: expect.stringMatching(/^No lead/) });
			expect(String(items[0].message)).toContain(NOBODY);
			expect(acceptedWrites(run, 'not-found')).toEqual([]);
		});

		scenario('cut-off', 'a write whose answer is cut off: "may already exist … check with Note → Get Many", the read finds the note, no second write (contract C1, lane errors)', () => {
			const results = toolResults(run, 'cut-off');
			expect(readable(results[0].content)).toMatch(/may already exist/);
			expect(readable(results[0].content)).toContain('check with Note → Get Many');
			expect(results[1]?.name).toBe('Get_Notes');
			expect(results[1]?.content).toContain(CUT_OFF_NOTE);
			expect(run.sandbox.records().notes.filter((note) => note.Note === CUT_OFF_NOTE)).toHaveLength(1);
			expect(windowOf(run, 'cut-off').filter((entry) => entry.endpoint === 'CreateNote')).toHaveLength(1);
		});

		scenario('parallel', '20 parallel tool calls in one message under a limit of 4 calls per 5 s: 20 successes, one write each, no failure reaches the model', () => {
			const results = toolResults(run, 'parallel');
			expect(results).toHaveLength(PARALLEL_NOTES.length);
			for (const result of results) expect({ note: result.args.note, content: result.content }).toMatchObject({ content: expect.stringMatching(/noteId/) });
			expect(results.filter((result) => /error|rate|limit/i.test(result.content))).toEqual([]);
			expect(finalAnswer(run, 'parallel')).toBe(`Added ${PARALLEL_NOTES.length} notes.`);
			const notes = run.sandbox.records().notes.filter((note) => note.Note.startsWith('Parallel note'));
			expect(notes.map((note) => note.Note).sort()).toEqual(PARALLEL_NOTES);
			const creates = windowOf(run, 'parallel').filter((entry) => entry.endpoint === 'CreateNote');
			const accepted = creates.filter((entry) => entry.status === 200 && !entry.rateLimited);
			expect(accepted).toHaveLength(PARALLEL_NOTES.length);
			console.log(`parallel (${run.line}): ${creates.length} CreateNote calls, ${creates.length - accepted.length} refused as rate limited, ${accepted.length} accepted`);
		});

		it('every call reached the sandbox authenticated, and the model server was asked only for chat completions', () => {
			expect(run.sandbox.log.filter((entry) => !entry.authOk || entry.auth !== 'header').map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
			expect(run.model.requests.filter((request) => !request.path.endsWith('/chat/completions')).map((request) => `${request.method} ${request.path}`)).toEqual([]);
		});

		it('no key (raw, percent-encoded, or a piece of it) in anything the model received, in n8n output or in its database', async () => {
			const needles = secretNeedles(run.keys);
			const haystacks = [
				...run.model.requests.map((request, index) => ({ what: `model request ${index} (${request.scenario ?? request.path})`, text: request.raw })),
				...run.commands.map(({ what, result }) => ({ what: `n8n ${what} output`, text: result.stdout + result.stderr })),
				...run.exportedJson,
				...(await databaseFiles(run.userFolder)),
			];
			expect(findLeaks(haystacks, needles)).toEqual([]);
		});

		it('records what the model saw of three tools (names, descriptions, parameter schemas) in tools-seen.json', async () => {
			const { file, seen } = await recordToolsSeen(run);
			console.log(`what the model saw (${file}):\n${JSON.stringify(seen, null, 2)}`);
			const tools = seen.tools as Array<{ name: string; description: string; parameters: { properties?: Record<string, unknown> } }>;
			expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(SEEN_PARAMETERS).sort());
			for (const tool of tools) {
				expect(tool.description.length).toBeGreaterThan(10);
				expect(Object.keys(tool.parameters.properties ?? {})).toEqual(expect.arrayContaining(SEEN_PARAMETERS[tool.name]));
			}
		});
	});
}

describeAgents('2.x');
describeAgents('1.x');
