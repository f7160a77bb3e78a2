/**
 * The rest of a LeadSquared workflow, end to end in one workflow (09-crm-chain): two enquiries become
 * leads (Create or Update), each gets an activity (Create Activity, type 201 "Form Submitted"), the
 * counsellor is read (Get Counsellor: User → Get by e-mail) and made the lead's owner by the id read
 * (Assign Counsellor: Lead → Change Owner), a follow-up task for her (Create Task, owner by e-mail), an
 * opportunity (Create Opportunity, type 12000), and the lead's activities are read back (Get Many
 * Activities). Each step's output is checked, and what the sandbox holds afterwards.
 */
import { itemsOf, leadByEmail } from '../support';
import type { LineRun, OutputItem } from '../support';

const WORKFLOW = 'e2eCrmChain';
const RAVI = 'ravi@crm.e2e.example';
const SARA = 'sara@crm.e2e.example';
const ASHA = { id: '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4', email: 'asha.rao@sandbox.example.com' };

const paired = (items: OutputItem[]) => items.map((item) => item.pairedItem);

/** A Scenario (./index; not imported from there, so that the two modules do not import each other). */
export const crmChain = {
	name: 'CRM chain: Create or Update lead → Create activity → Get user → Change owner → Create task → Create opportunity → Get Many activities',
	workflows: [WORKFLOW],
	checks(run: () => LineRun): void {
		const execution = () => run().executions[WORKFLOW];
		const step = (node: string) => itemsOf(execution(), node);
		const leadIds = () => [RAVI, SARA].map((email) => String(leadByEmail(run().sandbox.leads(), email)?.ProspectID));

		it('runs to the end', () => {
			expect(execution()?.status).toBe('success');
			expect(execution()?.data.resultData.error).toBeUndefined();
		});

		it('Create Activity: one activity per lead, its note from the enquiry, its date in UTC, its field checked and sent', () => {
			const items = step('Create Activity');
			expect(items.map((item) => item.json)).toEqual(
				leadIds().map((leadId) => expect.objectContaining({ status: 'Success', activityId: expect.any(String), leadId })),
			);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			const stored = run().sandbox.records().activities.filter((activity) => activity.ActivityEvent === 201);
			expect(stored.map((activity) => [activity.RelatedProspectId, activity.ActivityNote, activity.ActivityDateTime, activity.Fields.mx_Custom_1])).toEqual(
				expect.arrayContaining([
					[leadIds()[0], 'Enquiry about Engineering', '2026-03-01 10:15:00', 'Contact Us'],
					[leadIds()[1], 'Enquiry about Law', '2026-03-01 10:15:00', 'Contact Us'],
				]),
			);
		});

		it('Get Counsellor: the user read by e-mail, her id as UserId, once per lead, paired', () => {
			const items = step('Get Counsellor');
			expect(items.map((item) => item.json)).toEqual([
				expect.objectContaining({ UserId: ASHA.id, EmailAddress: ASHA.email, StatusCode: 0 }),
				expect.objectContaining({ UserId: ASHA.id, EmailAddress: ASHA.email, StatusCode: 0 }),
			]);
			expect(items.every((item) => !('ID' in item.json))).toBe(true);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('Assign Counsellor: each lead now owned by the user read before, sent as OwnerId = her id', () => {
			const items = step('Assign Counsellor');
			expect(items.map((item) => item.json)).toEqual(
				leadIds().map((leadId) => expect.objectContaining({ status: 'Success', leadId, ownerId: ASHA.id, ownerEmail: ASHA.email })),
			);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			for (const email of [RAVI, SARA]) expect(leadByEmail(run().sandbox.leads(), email)?.OwnerId).toBe(ASHA.id);
			const updates = run().sandbox.log.filter((entry) => entry.endpoint === 'Lead.Update' && leadIds().includes(String(entry.query.leadId)));
			expect(updates.map((entry) => entry.body)).toEqual([
				[{ Attribute: 'OwnerId', Value: ASHA.id }],
				[{ Attribute: 'OwnerId', Value: ASHA.id }],
			]);
		});

		it('Create Task: a follow-up to-do for each lead, owned by the counsellor given by e-mail', () => {
			const items = step('Create Task');
			expect(items.map((item) => item.json)).toEqual([
				expect.objectContaining({ status: 'Success', taskId: expect.any(String) }),
				expect.objectContaining({ status: 'Success', taskId: expect.any(String) }),
			]);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			const tasks = run().sandbox.records().tasks.filter((task) => leadIds().includes(task.LeadId));
			expect(tasks.map((task) => [task.Name, task.LeadId, task.OwnerId, task.TaskTypeName, task.DueDate]).sort()).toEqual([
				['Call Ravi back', leadIds()[0], ASHA.id, 'Follow Up', '2026-12-01 10:30:00'],
				['Call Sara back', leadIds()[1], ASHA.id, 'Follow Up', '2026-12-01 10:30:00'],
			]);
		});

		it('Create Opportunity: a new opportunity on each lead, with what duplicate detection decided', () => {
			const items = step('Create Opportunity');
			expect(items.map((item) => item.json)).toEqual(
				leadIds().map((leadId) => expect.objectContaining({ leadId, opportunityId: expect.any(String), created: true, duplicate: false })),
			);
			const opportunities = run().sandbox.records().opportunities.filter((opportunity) => leadIds().includes(opportunity.RelatedProspectId));
			expect(opportunities.map((opportunity) => [opportunity.RelatedProspectId, opportunity.OpportunityEvent, opportunity.Fields.mx_Custom_2]).sort()).toEqual(
				[
					[leadIds()[0], 12000, 'Engineering'],
					[leadIds()[1], 12000, 'Law'],
				].sort(),
			);
		});

		it("Get Many Activities: each lead's activities, the posted one among them, paired to the lead's item", () => {
			const items = step('Get Many Activities');
			const posted = step('Create Activity').map((item) => String(item.json.activityId));
			for (const [index, activityId] of posted.entries()) {
				const mine = items.filter((item) => (item.pairedItem as { item: number }).item === index);
				expect(mine.length).toBeGreaterThanOrEqual(1);
				expect(mine.map((item) => JSON.stringify(item.json)).some((text) => text.includes(activityId))).toBe(true);
			}
			expect(new Set(items.map((item) => JSON.stringify(item.json))).size).toBe(items.length);
		});
	},
};
