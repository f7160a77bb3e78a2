/**
 * The LeadSquared Polling Trigger through n8n-core's PollContext and WorkflowExecute (test/harness/triggers.ts)
 * against the sandbox's Leads.RecentlyModified and RetrieveByActivityEvent over HTTP: the activation poll,
 * each change once across polls, paging, whole-second boundaries, "Fetch Test Event".
 */
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import type { TriggerExecution } from '../harness/triggers';
import { bulkUpsertLeads, postActivity, updateActivityNote, upsertLead } from '../harness/sandbox-events';
import { agePollState, at, drain, nowSecond } from './polling-support';
import { calls, openSandbox } from './support';

afterAll(disposeN8n);

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	for (const item of open.splice(0)) await item.close();
});

const SEEDED = [
	{ EmailAddress: 'old1@example.com', LastName: 'Old', mx_City: 'Pune' },
	{ EmailAddress: 'old2@example.com', LastName: 'Old', mx_City: 'Goa' },
];

async function setup(parameters: Record<string, unknown>, sandboxOptions: SandboxOptions = {}): Promise<{ sb: Sandbox; harness: TriggerHarness }> {
	const sb = await openSandbox({ leads: SEEDED, bulkRateLimit: { calls: 100_000, windowMs: 5000 }, ...sandboxOptions });
	const harness = await TriggerHarness.start({ kind: 'polling', parameters: parameters as never, credentials: sandboxCredentials(sb) as never });
	open.push(harness, sb);
	// the seeded leads are dated when the sandbox started: activate in a later second
	await nextSecond();
	return { sb, harness };
}

/** Waits until the clock is in a new second (LeadSquared's dates are whole seconds). */
async function nextSecond(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

const emails = (execution: TriggerExecution | undefined) => (execution?.items ?? []).map((item) => String((item.json.lead as { EmailAddress: unknown }).EmailAddress));

describe('LeadSquared Polling Trigger: new or updated leads', () => {
	it('the activation poll emits nothing and takes the cursor; each later change is emitted once, as one execution per poll', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated' });
		expect(await harness.poll()).toBeUndefined();
		expect(calls(sb, 'Leads.RecentlyModified')).toHaveLength(0);
		expect(harness.staticData.poll).toMatchObject({ v: 2, seen: {}, ids: {} });

		await nextSecond();
		const newId = await upsertLead(sb, { EmailAddress: 'new@example.com', FirstName: 'Nina', LastName: 'Nair', Score: '4' });
		await upsertLead(sb, { EmailAddress: 'old1@example.com', mx_City: 'Delhi' });
		await nextSecond();
		const first = await harness.poll();
		expect(emails(first).sort()).toEqual(['new@example.com', 'old1@example.com']);
		expect(first?.items.find((item) => item.json.leadId === newId)?.json).toMatchObject({ event: 'lead.created', lead: { FirstName: 'Nina', Score: 4 } });
		expect(first?.items.find((item) => item.json.leadId !== newId)?.json).toMatchObject({ event: 'lead.updated', lead: { mx_City: 'Delhi' } });

		// nothing new: no execution, however often it polls
		expect(await harness.poll()).toBeUndefined();
		await nextSecond();
		expect(await harness.poll()).toBeUndefined();

		await upsertLead(sb, { EmailAddress: 'old1@example.com', mx_City: 'Chennai' });
		await nextSecond();
		const third = await harness.poll();
		expect(third?.items.map((item) => item.json)).toEqual([expect.objectContaining({ event: 'lead.updated', lead: expect.objectContaining({ mx_City: 'Chennai' }) })]);
		expect(harness.executions).toHaveLength(2);
	});

	it.each(['closed', 'halfOpen'] as const)('a change in the second before a poll is emitted once, by that poll (ToDate read as %s)', async (range) => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated' }, { recentlyModifiedRange: range });
		await harness.poll();
		await nextSecond();
		await upsertLead(sb, { EmailAddress: 'old2@example.com', mx_City: 'Surat' });
		await nextSecond();
		const first = await harness.poll();
		await nextSecond();
		const second = await harness.poll();
		// the reads end a day ahead, so whether LeadSquared's ToDate is inclusive does not matter
		expect(emails(first)).toEqual(['old2@example.com']);
		expect(emails(second)).toEqual([]);
	});

	it('reads a large change in pages of 5,000, oldest first, and emits each lead once', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated', options: { typedValues: false } });
		await harness.poll();
		await nextSecond();
		const leads = Array.from({ length: 1100 }, (_, i) => ({ EmailAddress: `bulk${i}@example.com`, LastName: `Bulk ${i}`, Score: String(i) }));
		await bulkUpsertLeads(sb, leads);
		await nextSecond();
		const execution = await harness.poll();
		expect(execution?.items).toHaveLength(1100);
		expect(new Set(execution?.items.map((item) => item.json.leadId)).size).toBe(1100);
		// one page holds them all: LeadSquared's largest page, ordered by ModifiedOn, open to a day ahead
		const [read] = calls(sb, 'Leads.RecentlyModified').map((entry) => entry.body as { Parameter: { FromDate: string; ToDate: string }; Paging: unknown; Sorting: unknown });
		expect(calls(sb, 'Leads.RecentlyModified')).toHaveLength(1);
		expect(read).toMatchObject({ Paging: { PageIndex: 1, PageSize: 5000 }, Sorting: { ColumnName: 'ModifiedOn', Direction: '0' } });
		expect(Date.parse(`${read.Parameter.ToDate.replace(' ', 'T')}Z`)).toBeGreaterThan(Date.now() + 3600_000);
		// oldest first (leads of one second come in LeadSquared's unstable tie order)
		const modified = (execution?.items ?? []).map((item) => String((item.json.lead as { ModifiedOn: unknown }).ModifiedOn));
		expect(modified).toEqual([...modified].sort());
		expect(await harness.poll()).toBeUndefined();
	});

	it('"New Lead" emits leads created after the activation once, not their later changes nor older leads', async () => {
		const { sb, harness } = await setup({ event: 'leadCreated' });
		await harness.poll();
		await nextSecond();
		await upsertLead(sb, { EmailAddress: 'fresh@example.com', LastName: 'Fresh' });
		await upsertLead(sb, { EmailAddress: 'old1@example.com', mx_City: 'Agra' });
		await nextSecond();
		expect(emails(await harness.poll())).toEqual(['fresh@example.com']);
		await upsertLead(sb, { EmailAddress: 'fresh@example.com', mx_City: 'Agra' });
		await nextSecond();
		expect(await harness.poll()).toBeUndefined();
	});

	it('"Fetch Test Event" (manual run) gives the most recently changed lead, and leaves the cursor alone', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated' });
		await harness.poll();
		const cursor = JSON.parse(JSON.stringify(harness.staticData)) as unknown;
		await upsertLead(sb, { EmailAddress: 'old2@example.com', mx_City: 'Latest' });
		const test = await harness.fetchTestEvent();
		expect(test.run.status).toBe('success');
		expect(test.items.map((item) => item.json)).toEqual([expect.objectContaining({ lead: expect.objectContaining({ EmailAddress: 'old2@example.com', mx_City: 'Latest' }) })]);
		expect(JSON.parse(JSON.stringify(harness.staticData))).toEqual(cursor);
		expect(calls(sb, 'Leads.RecentlyModified').at(-1)?.body).toMatchObject({ Paging: { PageIndex: 1, PageSize: 1 }, Sorting: { ColumnName: 'ModifiedOn', Direction: '1' } });
	});

	it('changing the event starts over from now; a poll that fails throws an n8n error without keys, and keeps the cursor', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated' });
		await harness.poll();
		harness.setParameters({ event: 'leadCreated' });
		expect(await harness.poll()).toBeUndefined();
		expect(calls(sb, 'Leads.RecentlyModified')).toHaveLength(0);
		const state = JSON.parse(JSON.stringify(harness.staticData)) as unknown;
		sb.injectFault({ endpoint: 'Leads.RecentlyModified', type: 'status', status: 401, body: '{"Status":"Error","ExceptionType":"MXUnAuthorizedAccessException","ExceptionMessage":"Invalid AccessKey or SecretKey"}', contentType: 'application/json' });
		await nextSecond();
		const error = (await harness.poll().then(() => undefined, (caught: unknown) => caught)) as Error;
		expect(error).toBeInstanceOf(Error);
		expect(error?.message).toMatch(/401|key/i);
		expect(JSON.stringify(error)).not.toContain(sb.secretKey);
		expect(JSON.parse(JSON.stringify(harness.staticData))).toEqual(state);
	});
});

describe('LeadSquared Polling Trigger: the cap and the state', () => {
	it('Max Records per Poll: a poll stops at a second once it has emitted that many; the next goes on from there, nothing twice, nothing lost', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated', options: { maxRecordsPerPoll: 3, typedValues: false } });
		await harness.poll();
		agePollState(harness, 600);
		const start = nowSecond() - 500;
		// two leads in one second: never split
		const seconds = [0, 1, 2, 3, 3, 4, 5];
		sb.seed({ leads: seconds.map((offset, n) => ({ ProspectID: `capped-${n}`, LastName: 'Capped', CreatedOn: at(start), ModifiedOn: at(start + offset) })) });
		const executions = await drain(harness);
		// (the seeded leads of setup() were created when the sandbox started: they come last)
		const capped = executions.map((execution) => execution.items.map((item) => String(item.json.leadId)).filter((id) => id.startsWith('capped-')));
		expect(capped).toEqual([['capped-0', 'capped-1', 'capped-2'], expect.arrayContaining(['capped-3', 'capped-4', 'capped-5']), ['capped-6']]);
		expect(capped[1]).toHaveLength(3);
		expect(executions.flatMap((execution) => execution.items).every((item) => item.json.event === 'lead.created')).toBe(true);
	});

	it('a poll that starts while the last one still runs (n8n without its scheduler starts polls on time) stands aside: nothing is emitted twice', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated', options: { typedValues: false } });
		await harness.poll();
		agePollState(harness, 600);
		sb.seed({ leads: [{ ProspectID: 'slow', LastName: 'Slow', CreatedOn: at(nowSecond() - 300), ModifiedOn: at(nowSecond() - 300) }] });
		sb.injectFault({ endpoint: 'Leads.RecentlyModified', type: 'delay', ms: 1500 });
		// the second starts while the first waits for its first answer
		const [first, second] = await Promise.all([harness.poll(), harness.poll()]);
		expect(second).toBeUndefined();
		expect(first?.items.map((item) => item.json.leadId)).toContain('slow');
		expect(await harness.poll()).toBeUndefined();
	});

	it('Max Records per Poll must be a whole number of at least 1', async () => {
		const { harness } = await setup({ event: 'leadCreatedOrUpdated', options: { maxRecordsPerPoll: 0 } });
		await expect(harness.poll()).rejects.toThrow("Max Records per Poll must be a whole number of at least 1, not '0'");
	});

	it('a state saved by the earlier version (windows up to the last whole second) goes on without emitting anything twice or losing anything', async () => {
		const { sb, harness } = await setup({ event: 'leadCreatedOrUpdated', options: { typedValues: false } });
		await harness.poll();
		const now = nowSecond();
		// the earlier version polled 30 s ago; its next window would have started 60 s before that
		harness.staticData.poll = { v: 1, cursor: now - 30, since: now - 3600, seen: {} };
		sb.seed({
			leads: [
				{ ProspectID: 'before-window', LastName: 'Old', CreatedOn: at(now - 3000), ModifiedOn: at(now - 200) },
				{ ProspectID: 'in-overlap', LastName: 'Old', CreatedOn: at(now - 3000), ModifiedOn: at(now - 80) },
				{ ProspectID: 'created-since', LastName: 'New', CreatedOn: at(now - 20), ModifiedOn: at(now - 10) },
			],
		});
		const execution = await harness.poll();
		const mine = (execution?.items ?? []).filter((item) => ['before-window', 'in-overlap', 'created-since'].includes(String(item.json.leadId)));
		expect(mine.map((item) => [item.json.leadId, item.json.event])).toEqual([
			['in-overlap', 'lead.updated'],
			['created-since', 'lead.created'],
		]);
		expect(harness.staticData.poll).toMatchObject({ v: 2 });
		expect(await harness.poll()).toBeUndefined();
	});
});

describe('LeadSquared Polling Trigger: activities of a type', () => {
	it('"New Activity" emits each new activity of the type once; "New or Updated Activity" also its changes', async () => {
		const { sb, harness } = await setup({ event: 'activityCreated', activityType: '201' });
		const [lead] = sb.leads();
		await harness.poll();
		await nextSecond();
		const first = await postActivity(sb, String(lead.ProspectID), 201, { mx_Custom_1: 'Brochure' });
		await postActivity(sb, String(lead.ProspectID), 202, { mx_Custom_1: 'Connected' });
		await nextSecond();
		const created = await harness.poll();
		expect(created?.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ event: 'activity.created', activityId: first, activityType: 201, leadId: lead.ProspectID, activity: expect.objectContaining({ mx_Custom_1: 'Brochure' }) }),
		]);
		await updateActivityNote(sb, first, 'Edited');
		await nextSecond();
		expect(await harness.poll()).toBeUndefined();

		harness.setParameters({ event: 'activityCreatedOrUpdated', activityType: '201' });
		await harness.poll();
		await nextSecond();
		await updateActivityNote(sb, first, 'Edited again');
		await nextSecond();
		const updated = await harness.poll();
		expect(updated?.items.map((item) => item.json)).toEqual([expect.objectContaining({ event: 'activity.updated', activityId: first, activity: expect.objectContaining({ ActivityEvent_Note: 'Edited again' }) })]);
		expect(calls(sb, 'CustomActivity/RetrieveByActivityEvent').at(-1)?.body).toMatchObject({ Parameter: { ActivityEvent: 201 } });
	});

	it('an activity event without a type fails naming the setting', async () => {
		const { harness } = await setup({ event: 'activityCreated' });
		await expect(harness.poll()).rejects.toThrow('Choose the activity type to watch under Activity Type');
	});
});
