/**
 * The scenarios the scripted model plays, each one workflow: its prompt (tagged `[scenario:name]`), the
 * LeadSquared tools it offers, what the sandbox is set to when it starts, and the script: what the "model"
 * does with each tool result. The scripts act on what they read the way a model would (an error naming the
 * closest valid field → retry with that name; "may already exist … check with …" → read before writing again),
 * and record what they decided in `ScriptState` for the assertions.
 */
import type { Sandbox } from '../../../sandbox';
import type { Conversation, Reply, ScriptedScenario } from './model-server';
import { TIME_ZONE, TOOLS } from './workflows';
import type { AgentWorkflowSpec } from './workflows';

export const AGENT_DOMAIN = 'agents.e2e.example';
export const ASHA = `asha.verma@${AGENT_DOMAIN}`;
export const RAVI = `ravi.kumar@${AGENT_DOMAIN}`;
export const NOBODY = `nobody.here@${AGENT_DOMAIN}`;
export const BAD_DATE = 'tomorrow 10am';
export const CUT_OFF_NOTE = 'Sent the fee structure by e-mail';
export const PARALLEL_NOTES = Array.from({ length: 20 }, (_, i) => `Parallel note ${String(i + 1).padStart(2, '0')}`);
export const PARALLEL_LIMIT = { calls: 4, windowMs: 5000 };
/** The sandbox's limit outside the parallel scenario (pacing is not what the others test). */
export const OPEN_LIMIT = { calls: 100_000, windowMs: 5000 };

export function agentLeads(): Array<Record<string, string>> {
	return [
		{ EmailAddress: ASHA, FirstName: 'Asha', LastName: 'Verma', mx_City: 'Jaipur', Phone: '+91-9000000101' },
		{ EmailAddress: RAVI, FirstName: 'Ravi', LastName: 'Kumar', mx_City: 'Old City', Phone: '+91-9000000102' },
	];
}

/** What the scripts decided, for the assertions. */
export interface ScriptState {
	/** lookup: the ProspectID read from Get Lead's result, and the due date passed to the task (local, Asia/Kolkata). */
	lookupLeadId?: string;
	lookupDue?: string;
	badDateRetry?: string;
	/** The schema names the scripts chose from "Closest valid names:" lists. */
	activityFieldChosen?: string;
	leadFieldChosen?: string;
}

export const SCENARIO_IDS = ['lookup', 'bad-date', 'unknown-activity-field', 'unknown-lead-field', 'not-found', 'cut-off', 'parallel'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const WORKFLOW_IDS: Record<ScenarioId, string> = {
	lookup: 'e2eAgentLookup',
	'bad-date': 'e2eAgentBadDate',
	'unknown-activity-field': 'e2eAgentUnknownActField',
	'unknown-lead-field': 'e2eAgentUnknownLeadField',
	'not-found': 'e2eAgentNotFound',
	'cut-off': 'e2eAgentCutOff',
	parallel: 'e2eAgentParallel',
};

/** Tomorrow at 10:00 in `zone`, as the local `yyyy-MM-dd HH:mm` a model would pass. */
export function tomorrowAtTen(zone: string, now = new Date()): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
	const next = new Date(`${today}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return `${next.toISOString().slice(0, 10)} 10:00`;
}

/**
 * A tool result as text to read: n8n hands the model the tool's items (or `{error}`) as JSON, so quotes inside
 * messages arrive escaped; this joins every string value of the parsed JSON (or returns the text as it came).
 */
export function readable(content: string): string {
	const strings: string[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') strings.push(value);
		else if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	try {
		walk(JSON.parse(content));
	} catch {
		return content;
	}
	return strings.join('\n');
}

/** The items of a tool result (n8n's JSON of the tool's output items): objects only. */
export function resultItems(content: string): Array<Record<string, unknown>> {
	try {
		const parsed = JSON.parse(content) as unknown;
		const list = Array.isArray(parsed) ? parsed : [parsed];
		return list.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
	} catch {
		return [];
	}
}

/** The names a "Closest valid names:" list offers, as `{display, schema}` (contract C2). */
export function closestNames(message: string): Array<{ display: string; schema: string }> {
	const at = message.indexOf('Closest valid names:');
	if (at < 0) return [];
	const list = message.slice(at + 'Closest valid names:'.length);
	return [...list.matchAll(/\s*([^,()]+?) \(([A-Za-z][\w]*)\)/g)].map((match) => ({ display: match[1].trim(), schema: match[2] }));
}

const PROSPECT_ID = /"ProspectID"\s*:\s*"([0-9a-f-]{36})"/i;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const call = (name: string, args: Record<string, unknown>): Reply => ({ toolCalls: [{ name, args }] });
const say = (text: string): Reply => ({ text });
const promptLeadId = (conversation: Conversation): string => GUID.exec(conversation.prompt)?.[0] ?? '';

export interface AgentScenario extends ScriptedScenario {
	id: ScenarioId;
	workflow: AgentWorkflowSpec;
}

/** The scenarios, with the sandbox they set up and the state their scripts fill. `raviId`: the seeded lead's ProspectID. */
export function agentScenarios(sandbox: Sandbox, raviId: string, state: ScriptState): AgentScenario[] {
	// each scenario starts from an open limit and no faults, whatever ran before it
	const fresh = (): void => {
		sandbox.clearFaults();
		sandbox.configure({ rateLimit: OPEN_LIMIT });
	};
	const spec = (id: ScenarioId, prompt: string, tools: AgentWorkflowSpec['tools']): AgentWorkflowSpec => ({
		id: WORKFLOW_IDS[id],
		name: `E2E agent · ${id}`,
		prompt: `[scenario:${id}] ${prompt}`,
		tools,
	});
	const onRavi = `the lead Ravi Kumar (lead ID ${raviId})`;

	return [
		{
			id: 'lookup',
			workflow: spec('lookup', `Look up ${ASHA}, log the call I just had with her (she picked up and wants the brochure), and book a follow-up for tomorrow at 10:00.`, [
				TOOLS.getLead(),
				TOOLS.logCall(),
				TOOLS.createTask(),
			]),
			onStart: fresh,
			script: (c) => {
				if (c.step === 0) return call(c.tool('Get Lead'), { email: ASHA });
				const leadId = PROSPECT_ID.exec(c.results[0]?.content ?? '')?.[1];
				if (!leadId) return say(`LOOKUP FAILED: ${c.results[0]?.content}`);
				state.lookupLeadId = leadId;
				if (c.step === 1) return call(c.tool('Log Call'), { lead_id: leadId, call_outcome: 'Connected', note: 'Picked up; wants the brochure' });
				if (c.step === 2) {
					if (!/activityId/.test(c.latest[0]?.content ?? '')) return say(`CALL NOT LOGGED: ${c.latest[0]?.content}`);
					state.lookupDue = tomorrowAtTen(TIME_ZONE);
					return call(c.tool('Create Follow-up Task'), { lead_id: leadId, subject: 'Call back about the brochure', due_date: state.lookupDue });
				}
				return say(`Logged the call and booked the follow-up for ${state.lookupDue}.`);
			},
		},
		{
			id: 'bad-date',
			workflow: spec('bad-date', `Book a follow-up with ${onRavi} for tomorrow morning at 10.`, [TOOLS.createTask()]),
			onStart: fresh,
			script: (c) => {
				const task = c.tool('Create Follow-up Task');
				if (c.step === 0) return call(task, { lead_id: promptLeadId(c), subject: 'Send the admission form', due_date: BAD_DATE });
				if (c.step === 1) {
					// a model retries only when the message tells it what was wrong
					if (!readable(c.latest[0]?.content ?? '').includes(BAD_DATE)) return say(`NO ACTIONABLE ERROR: ${c.latest[0]?.content}`);
					state.badDateRetry = tomorrowAtTen(TIME_ZONE);
					return call(task, { lead_id: promptLeadId(c), subject: 'Send the admission form', due_date: state.badDateRetry });
				}
				return say('Booked.');
			},
		},
		{
			id: 'unknown-activity-field',
			workflow: spec('unknown-activity-field', `Log a connected call on ${onRavi} and put "Wants the hostel brochure" in the activity field mx_Nonexistent_Field.`, [
				TOOLS.logCall(true),
			]),
			onStart: fresh,
			script: (c) => {
				const logCall = c.tool('Log Call');
				const args = { lead_id: promptLeadId(c), call_outcome: 'Connected', note: 'Connected', field_value: 'Wants the hostel brochure' };
				if (c.step === 0) return call(logCall, { ...args, field_name: 'mx_Nonexistent_Field' });
				if (c.step === 1) {
					const names = closestNames(readable(c.latest[0]?.content ?? ''));
					const chosen = names.find((name) => /notes/i.test(name.display)) ?? names[0];
					if (!chosen) return say(`NO CLOSEST NAMES: ${c.latest[0]?.content}`);
					state.activityFieldChosen = chosen.schema;
					return call(logCall, { ...args, field_name: chosen.schema });
				}
				return say('Logged.');
			},
		},
		{
			id: 'unknown-lead-field',
			workflow: spec('unknown-lead-field', `Set the City of ${onRavi} to Pune.`, [TOOLS.updateLead(), TOOLS.getLeadFields()]),
			onStart: fresh,
			script: (c) => {
				const update = c.tool('Update Lead');
				if (c.step === 0) return call(update, { lead_id: promptLeadId(c), field_name: 'City', field_value: 'Pune' });
				if (c.step === 1) {
					const names = closestNames(readable(c.latest[0]?.content ?? ''));
					const chosen = names.find((name) => name.display === 'City') ?? names[0];
					if (!chosen) return say(`NO CLOSEST NAMES: ${c.latest[0]?.content}`);
					state.leadFieldChosen = chosen.schema;
					return call(update, { lead_id: promptLeadId(c), field_name: chosen.schema, field_value: 'Pune' });
				}
				return say('Updated.');
			},
		},
		{
			id: 'not-found',
			workflow: spec('not-found', `Look up ${NOBODY}.`, [TOOLS.getLead()]),
			onStart: fresh,
			script: (c) => (c.step === 0 ? call(c.tool('Get Lead'), { email: NOBODY }) : say(`Lookup result: ${c.latest[0]?.content}`)),
		},
		{
			id: 'cut-off',
			workflow: spec('cut-off', `Add a note to ${onRavi}: "${CUT_OFF_NOTE}".`, [TOOLS.createNote(), TOOLS.getNotes()]),
			onStart: () => {
				fresh();
				// the first CreateNote is stored, and its answer cut off halfway
				sandbox.injectFault({ endpoint: 'CreateNote', type: 'truncated', process: true });
			},
			script: (c) => {
				const create = c.tool('Create Note');
				const read = c.tool('Get Notes');
				const args = { lead_id: promptLeadId(c), note: CUT_OFF_NOTE };
				if (c.step === 0) return call(create, args);
				const last = c.latest[0];
				if (!last || c.step > 3) return say('Giving up.');
				if (last.name === create) {
					if (/"?(noteId|ProspectNoteId|status)"?\s*:/.test(last.content) && !/error/i.test(last.content)) return say('Note added.');
					// told it may exist and how to check: read first; told nothing: a model simply tries again
					const text = readable(last.content);
					if (/may already exist/i.test(text) && text.includes('check with Note → Get Many')) return call(read, { lead_id: args.lead_id });
					return call(create, args);
				}
				return last.content.includes(CUT_OFF_NOTE) ? say('The note is already there; not adding it again.') : call(create, args);
			},
		},
		{
			id: 'parallel',
			workflow: spec('parallel', `Add these ${PARALLEL_NOTES.length} notes to ${onRavi}, all at once.`, [TOOLS.createNote()]),
			onStart: () => {
				fresh();
				sandbox.configure({ rateLimit: PARALLEL_LIMIT });
			},
			script: (c) => {
				if (c.step === 0) return { toolCalls: PARALLEL_NOTES.map((note) => ({ name: c.tool('Create Note'), args: { lead_id: promptLeadId(c), note } })) };
				sandbox.configure({ rateLimit: OPEN_LIMIT });
				return say(`Added ${c.latest.length} notes.`); // every result of the one reply with 20 calls
			},
		},
	];
}
