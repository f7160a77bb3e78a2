import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { C, captureBody, formActivity, newLead, post } from './crm-client';

/** A lead with an activity, a note, an opportunity, a task on the lead and a task on the opportunity. */
async function populate(sb: Sandbox, email: string): Promise<string> {
	const captured = await post(sb, C.oppCapture, captureBody(email, 12000, { mx_Custom_1: 'Law 2026', mx_Custom_2: 'Law' }));
	const leadId = captured.json.RelatedProspectId as string;
	await formActivity(sb, leadId, '2026-01-01 10:00:00');
	await post(sb, C.noteCreate, { RelatedProspectId: leadId, Note: 'hello' });
	await post(sb, C.taskCreate, { Name: 'On lead', RelatedEntity: 1, RelatedEntityId: leadId, TaskType: { Name: 'Follow Up' } });
	await post(sb, C.taskCreate, { Name: 'On opportunity', RelatedEntity: 5, RelatedEntityId: captured.json.CreatedOpportunityId, TaskType: { Name: 'Meeting' } });
	return leadId;
}

describe('sandbox: records of a lead — deletion cascade and reset', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ leadDeletionEnabled: true });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	it("a hard delete (Lead/Delete/ById → lead.deleted) removes the lead's activities, opportunities, tasks and notes only", async () => {
		const doomed = await populate(sb, 'doomed@example.com');
		const kept = await populate(sb, 'kept@example.com');
		await post(sb, C.taskCreate, { Name: 'Unrelated', TaskType: { Name: 'Follow Up' } });
		const counts = () => {
			const r = sb.records();
			return [r.activities.length, r.opportunities.length, r.tasks.length, r.notes.length];
		};
		expect(counts()).toEqual([4, 2, 5, 2]);
		const res = await call(sb, C.leadDelete, { query: { leadId: doomed } });
		expect(res.json).toEqual({ Status: 'Success' });
		expect(counts()).toEqual([2, 1, 3, 1]);
		const records = sb.records();
		expect(records.activities.every((a) => a.RelatedProspectId === kept)).toBe(true);
		expect(records.opportunities.every((o) => o.RelatedProspectId === kept)).toBe(true);
		expect(records.tasks.map((t) => t.Name).sort()).toEqual(['On lead', 'On opportunity', 'Unrelated']);
		expect((await post(sb, C.activityRetrieve, {}, { leadId: doomed })).json.RecordCount).toBe(0);
		expect((await post(sb, C.oppOfLead, {}, { leadId: doomed, opportunityType: '12000' })).json.RecordCount).toBe(0);
	});

	it('reset() clears the records; reset({keepLeads: true}) keeps them with the leads', async () => {
		const leadId = await populate(sb, 'reset@example.com');
		sb.reset({ keepLeads: true });
		expect(sb.records().activities).toHaveLength(2);
		expect(sb.leads().map((l) => l.ProspectID)).toEqual([leadId]);
		sb.reset();
		expect(sb.records()).toEqual({ activities: [], tasks: [], opportunities: [], notes: [] });
		const again = await newLead(sb, 'again@example.com');
		const task = await post(sb, C.taskCreate, { Name: 'Numbering restarts', RelatedEntity: 1, RelatedEntityId: again, TaskType: { Name: 'Follow Up' } });
		expect(task.status).toBe(200);
		expect(sb.records().tasks[0].UserTaskAutoId).toBe('T10001');
	});

	it('records() returns copies', async () => {
		await populate(sb, 'copy@example.com');
		const copy = sb.records();
		copy.activities[0].ActivityNote = 'changed';
		expect(sb.records().activities[0].ActivityNote).not.toBe('changed');
	});
});
