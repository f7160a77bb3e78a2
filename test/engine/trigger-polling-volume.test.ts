/**
 * The LeadSquared Polling Trigger where records get lost (issue 17 §2), through n8n-core's PollContext and
 * WorkflowExecute (test/harness/triggers.ts) against the sandbox over HTTP, with LeadSquared's unstable tie
 * order: a backlog larger than one poll takes (110,000 leads, 55,000 activities), records changed in the
 * same second (1,200 activities, 1,200 and 6,000 leads), and a lead edited while the poll's request is in
 * flight. Every record is counted: each must come exactly once, none missing.
 *
 * No test waits for time to pass: the trigger's state is moved into the past instead (as if it had been
 * activated, and had last polled, that long ago), and the records are seeded straight into the sandbox
 * with their dates.
 */
import { defaultFields } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import type { TriggerExecution } from '../harness/triggers';
import { upsertLead } from '../harness/sandbox-events';
import { agePollState, at, drain, nowSecond } from './polling-support';
import { calls, openSandbox } from './support';

jest.setTimeout(120_000);
afterAll(disposeN8n);

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	for (const item of open.splice(0)) await item.close();
});

/** A small lead field set keeps 110,000 leads cheap to store, filter and send. */
const FIELDS = defaultFields().filter((field) => ['ProspectID', 'FirstName', 'LastName', 'EmailAddress', 'CreatedOn', 'ModifiedOn'].includes(field.schemaName));
const ACTIVITY_TYPE = 201;
/** The lead the seeded activities are on (the activity polls do not read leads). */
const LEAD_ID = 'f2a1c3d4-0000-4000-8000-000000000001';

interface Setup {
	sb: Sandbox;
	harness: TriggerHarness;
	/** The second the trigger now believes it was activated (and last polled). */
	since: number;
}

/** A sandbox with unstable ties, the trigger activated, and its state moved `ageSeconds` into the past. */
async function setup(parameters: Record<string, unknown>, ageSeconds: number, sandboxOptions: SandboxOptions = {}): Promise<Setup> {
	const sb = await openSandbox({ fields: FIELDS, unstableTieOrder: true, maxLogEntries: 100, ...sandboxOptions });
	const harness = await TriggerHarness.start({ kind: 'polling', parameters: { options: { typedValues: false }, ...parameters } as never, credentials: sandboxCredentials(sb) as never });
	open.push(harness, sb);
	const activatedAt = nowSecond();
	expect(await harness.poll()).toBeUndefined();
	agePollState(harness, ageSeconds);
	return { sb, harness, since: activatedAt - ageSeconds };
}

/** How often each id came, and which expected ids never came. */
function tally(executions: TriggerExecution[], idOf: (json: Record<string, unknown>) => unknown, expected: readonly string[]) {
	const counts = new Map<string, number>();
	for (const execution of executions) for (const item of execution.items) counts.set(String(idOf(item.json)), (counts.get(String(idOf(item.json))) ?? 0) + 1);
	const twice = [...counts.values()].filter((count) => count > 1).length;
	const wanted = new Set(expected);
	const missing = expected.filter((id) => !counts.has(id)).length;
	const unexpected = [...counts.keys()].filter((id) => !wanted.has(id)).length;
	return { emitted: counts.size, twice, missing, unexpected };
}

const leadIdOf = (json: Record<string, unknown>) => json.leadId;
const activityIdOf = (json: Record<string, unknown>) => json.activityId;

describe('LeadSquared Polling Trigger at volume (unstable tie order)', () => {
	it('a backlog of 110,000 changed leads, 6,000 of them in one second, is emitted exactly once over as many polls as it takes, each as lead.created', async () => {
		const { sb, harness, since } = await setup({ event: 'leadCreatedOrUpdated' }, 4 * 3600);
		const leads: Array<Record<string, string>> = [];
		for (let n = 0; n < 104_000; n++) {
			const second = at(since + 60 + Math.floor(n / 10));
			leads.push({ ProspectID: `lead-${n}`, LastName: `Lead ${n}`, EmailAddress: `lead${n}@example.com`, CreatedOn: second, ModifiedOn: second });
		}
		for (let n = 0; n < 6000; n++) {
			leads.push({ ProspectID: `bulk-${n}`, LastName: `Bulk ${n}`, EmailAddress: `bulk${n}@example.com`, CreatedOn: at(since + 5000), ModifiedOn: at(since + 5000) });
		}
		sb.seed({ leads });
		const expected = leads.map((lead) => lead.ProspectID);

		const executions = await drain(harness);
		expect(tally(executions, leadIdOf, expected)).toEqual({ emitted: 110_000, twice: 0, missing: 0, unexpected: 0 });
		expect(executions.flatMap((execution) => execution.items).filter((item) => item.json.event !== 'lead.created')).toEqual([]);
		// more than one poll: each stopped at its cap, and the next went on from there
		expect(executions.length).toBeGreaterThan(1);
		expect(await harness.poll()).toBeUndefined();
	});

	it('a backlog of 55,000 activities of the type is emitted exactly once over as many polls as it takes', async () => {
		const { sb, harness, since } = await setup({ event: 'activityCreatedOrUpdated', activityType: String(ACTIVITY_TYPE) }, 4 * 3600);
		const activities = Array.from({ length: 55_000 }, (_, n) => ({
			ProspectActivityId: `act-${n}`,
			RelatedProspectId: LEAD_ID,
			ActivityEvent: ACTIVITY_TYPE,
			CreatedOn: at(since + 60 + Math.floor(n / 5)),
		}));
		sb.seed({ activities });

		const executions = await drain(harness);
		expect(tally(executions, activityIdOf, activities.map((activity) => activity.ProspectActivityId))).toEqual({ emitted: 55_000, twice: 0, missing: 0, unexpected: 0 });
		expect(executions.length).toBeGreaterThan(1);
		expect(executions.flatMap((execution) => execution.items).every((item) => item.json.event === 'activity.created')).toBe(true);
	});

	it('1,200 activities changed in the same second are each emitted once, although LeadSquared orders them differently on every call', async () => {
		const { sb, harness, since } = await setup({ event: 'activityCreated', activityType: String(ACTIVITY_TYPE) }, 600);
		const activities = Array.from({ length: 1200 }, (_, n) => ({ ProspectActivityId: `tie-${n}`, RelatedProspectId: LEAD_ID, ActivityEvent: ACTIVITY_TYPE, CreatedOn: at(since + 120) }));
		sb.seed({ activities });

		const executions = await drain(harness);
		expect(tally(executions, activityIdOf, activities.map((activity) => activity.ProspectActivityId))).toEqual({ emitted: 1200, twice: 0, missing: 0, unexpected: 0 });
		// no page ever asks for more than LeadSquared's 1,000 activities
		expect(Math.max(...calls(sb, 'CustomActivity/RetrieveByActivityEvent').map((entry) => Number((entry.body as { Paging: { PageSize: number } }).Paging.PageSize)))).toBeLessThanOrEqual(1000);
	});

	it('1,200 leads changed in the same second are each emitted once, although LeadSquared orders them differently on every call', async () => {
		const { sb, harness, since } = await setup({ event: 'leadCreatedOrUpdated' }, 600);
		const leads = Array.from({ length: 1200 }, (_, n) => ({ ProspectID: `tie-${n}`, LastName: `Tie ${n}`, CreatedOn: at(since - 3600), ModifiedOn: at(since + 120) }));
		sb.seed({ leads });

		const executions = await drain(harness);
		expect(tally(executions, leadIdOf, leads.map((lead) => lead.ProspectID))).toEqual({ emitted: 1200, twice: 0, missing: 0, unexpected: 0 });
		// created before the activation: each is an update
		expect(executions.flatMap((execution) => execution.items).every((item) => item.json.event === 'lead.updated')).toBe(true);
		// every read asks for an order
		expect(calls(sb, 'Leads.RecentlyModified').every((entry) => (entry.body as { Sorting?: unknown }).Sorting !== undefined)).toBe(true);
	});
});

describe('LeadSquared Polling Trigger: a lead edited while the poll reads', () => {
	/**
	 * The trigger last polled 150 s ago; a lead was created 100 s ago. The poll's first read is held up in
	 * the sandbox, and the lead is edited before the sandbox answers it: the read sees the lead with the
	 * edit's date, later than the second the poll started in.
	 */
	async function editedInFlight(event: 'leadCreatedOrUpdated' | 'leadCreated'): Promise<{ items: Array<Record<string, unknown>>; leadId: string }> {
		const { sb, harness, since } = await setup({ event }, 150);
		const created = at(since + 50);
		sb.seed({ leads: [{ ProspectID: 'racer', FirstName: 'Before', LastName: 'Racer', EmailAddress: 'racer@example.com', CreatedOn: created, ModifiedOn: created }] });
		sb.injectFault({ endpoint: 'Leads.RecentlyModified', type: 'delay', ms: 1500 });
		const polling = harness.poll();
		const deadline = Date.now() + 10_000;
		while (calls(sb, 'Leads.RecentlyModified').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		expect(calls(sb, 'Leads.RecentlyModified')).toHaveLength(1);
		await upsertLead(sb, { EmailAddress: 'racer@example.com', FirstName: 'Edited' });
		const executions = [await polling];
		// the polls after it, each in a later second
		for (let n = 0; n < 2; n++) {
			await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
			executions.push(await harness.poll());
		}
		const items = executions.flatMap((execution) => execution?.items ?? []).map((item) => item.json);
		return { items, leadId: 'racer' };
	}

	it('"New or Updated Lead" emits it once, as lead.created, with the edit, however long ago the last poll was', async () => {
		const { items } = await editedInFlight('leadCreatedOrUpdated');
		expect(items).toEqual([expect.objectContaining({ event: 'lead.created', leadId: 'racer', lead: expect.objectContaining({ FirstName: 'Edited' }) })]);
	});

	it('"New Lead" emits it once', async () => {
		const { items } = await editedInFlight('leadCreated');
		expect(items).toEqual([expect.objectContaining({ event: 'lead.created', leadId: 'racer', lead: expect.objectContaining({ FirstName: 'Edited' }) })]);
	});
});
