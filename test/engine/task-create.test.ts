/**
 * Task → Create through n8n's engine against the sandbox: to-dos and appointments, on a lead, an
 * opportunity or nothing, owners by list, ID or e-mail, dates in UTC or the workflow's time zone,
 * LeadSquared's refusals as item errors, and the design-time lists (task types, users).
 */
import type { Sandbox } from '../../sandbox';
import { listSearch, runLeadSquared, sandboxCredentials } from '../harness';
import { ADMIN_ID, ASHA, expectNoKeys, INACTIVE_USER_EMAIL, locator, parameters, seedLead, seedOpportunity, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const create = (values: Record<string, unknown>, options: Record<string, unknown> = {}) => parameters('task', 'create', values, options);

describe('Task → Create', () => {
	it('creates a to-do on a lead with the documented body; outputs the task id, paired to its item', async () => {
		const leadId = await seedLead(sandbox, 'todo@example.com');
		const result = await runLeadSquared({
			parameters: create({
				taskType: locator('Revive Old Lead'),
				name: '={{ $json.subject }}',
				relatedTo: 'lead',
				leadId: '={{ $json.leadId }}',
				owner: locator(ASHA.email, 'email'),
				dueDate: '2026-11-11T10:30:00Z',
				additionalFields: { description: 'Describing the task', endDate: '2026-11-12 10:29:00', reminderDaysBefore: 1, reminderTime: '10:00', notifyByEmail: true },
			}),
			items: [{ subject: 'Todo: Item', leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const [request] = calls(sandbox, 'Task.Create');
		expect(request.body).toEqual({
			Name: 'Todo: Item',
			TaskType: { Name: 'Revive Old Lead' },
			RelatedEntity: 1,
			RelatedEntityId: leadId,
			OwnerEmailAddress: ASHA.email,
			DueDate: '2026-11-11 10:30:00',
			EndDate: '2026-11-12 10:29:00',
			Description: 'Describing the task',
			ReminderBeforeDays: 1,
			ReminderTime: '10:00:00',
			NotifyBy: '1100',
		});
		const [task] = sandbox.records().tasks;
		expect(result.items).toEqual([{ json: { status: 'Success', taskId: task.UserTaskId }, pairedItem: { item: 0 } }]);
		expect(task).toMatchObject({ Name: 'Todo: Item', Category: 1, LeadId: leadId, OwnerId: ASHA.id, DueDate: '2026-11-11 10:30:00', NotifyBy: '1100' });
		expectNoKeys(sandbox, result);
	});

	it("an appointment for a user from the list, about an opportunity, due in the workflow's time zone, ending after the type's duration", async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'buyer@example.com', 12000, { mx_Custom_1: 'Admission 2026', mx_Custom_2: 'Law' });
		const result = await runLeadSquared({
			parameters: create(
				{
					taskType: locator('Meeting'),
					name: 'Meeting: counselling',
					relatedTo: 'opportunity',
					opportunityId,
					owner: locator(VIR.id),
					dueDate: '2026-05-01T10:30:00',
					additionalFields: { reminderMinutes: 15, notifyByEmail: false, location: 'Koramangala', customFields: { field: [{ name: 'mx_Custom_1', value: 'Room 4' }] } },
				},
				{ dateTimezone: 'workflow' },
			),
			items: [{}],
			credentials: sandboxCredentials(sandbox),
			timezone: 'Asia/Kolkata',
			node,
		});

		expect(result.status).toBe('success');
		const [task] = sandbox.records().tasks;
		expect(task).toMatchObject({
			Category: 0,
			RelatedEntity: 5,
			RelatedEntityId: opportunityId,
			OwnerId: VIR.id,
			DueDate: '2026-05-01 05:00:00',
			EndDate: '2026-05-01 05:30:00',
			Reminder: 15,
			NotifyBy: '1000',
			Location: 'Koramangala',
			CustomFields: { mx_Custom_1: 'Room 4' },
		});
	});

	it('a task about nothing, without an owner or a due date: LeadSquared assigns the API user and now', async () => {
		const result = await runLeadSquared({
			parameters: create({ taskType: locator('Follow Up', 'name'), name: 'Plan the week', relatedTo: 'none' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(calls(sandbox, 'Task.Create')[0].body).toEqual({ Name: 'Plan the week', TaskType: { Name: 'Follow Up' }, RelatedEntity: 0, RelatedEntityId: '' });
		expect(sandbox.records().tasks[0]).toMatchObject({ OwnerId: ADMIN_ID, RelatedEntity: 0 });
	});

	it('an e-mail address in "By ID" is sent as OwnerEmailAddress', async () => {
		const leadId = await seedLead(sandbox, 'mail-owner@example.com');
		await runLeadSquared({
			parameters: create({ taskType: locator('Follow Up'), name: 'x', leadId, owner: locator(ASHA.email, 'id') }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(calls(sandbox, 'Task.Create')[0].body).toMatchObject({ OwnerEmailAddress: ASHA.email });
		expect(sandbox.records().tasks[0].OwnerId).toBe(ASHA.id);
	});

	it("LeadSquared's refusals become item errors with its ExceptionType and ExceptionMessage; the other items go through", async () => {
		const leadId = await seedLead(sandbox, 'refusals@example.com');
		const result = await runLeadSquared({
			parameters: create({
				taskType: locator('={{ $json.type }}'),
				name: 'Call',
				leadId: '={{ $json.lead }}',
				owner: locator('={{ $json.owner }}', 'email'),
			}),
			items: [
				{ type: 'Follow Up', lead: leadId, owner: ASHA.email },
				{ type: 'Astrology', lead: leadId, owner: ASHA.email },
				{ type: 'Follow Up', lead: '00000000-0000-0000-0000-000000000000', owner: ASHA.email },
				{ type: 'Follow Up', lead: leadId, owner: INACTIVE_USER_EMAIL },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items[0].json.taskId).toEqual(expect.any(String));
		expect(result.items[1].json).toMatchObject({
			error: "LeadSquared refused the request: Task type 'Astrology' does not exist",
			details: { exceptionType: 'MXInvalidInputException', exceptionMessage: "Task type 'Astrology' does not exist", itemIndex: 1 },
		});
		expect(result.items[2].json).toMatchObject({ details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Lead does not exist in the system' } });
		expect(result.items[3].json.error).toMatch(/does not exist or is not an active user/);
		expect(sandbox.records().tasks).toHaveLength(1);
		expectNoKeys(sandbox, result);
	});

	it('without continue on fail, the first refusal stops the node with an item-indexed error', async () => {
		const result = await runLeadSquared({
			parameters: create({ taskType: locator('Astrology'), name: 'x', relatedTo: 'none' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeApiError', message: "LeadSquared refused the request: Task type 'Astrology' does not exist" });
		expect(result.error?.description).toMatch(/MXInvalidInputException/);
		expect(result.error?.context).toMatchObject({ itemIndex: 0 });
	});

	it('the error output gets the failed item with its details', async () => {
		const result = await runLeadSquared({
			parameters: create({ taskType: locator('={{ $json.type }}'), name: 'x', relatedTo: 'none' }),
			items: [{ type: 'Follow Up' }, { type: 'Nope' }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(result.errorItems[0].json.error).toMatchObject({ exceptionType: 'MXInvalidInputException', itemIndex: 1 });
	});

	it('an answer cut off after the task was stored fails the item and is not retried (a retry could create it twice)', async () => {
		sandbox.injectFault({ type: 'truncated', endpoint: 'Task.Create' });
		const result = await runLeadSquared({
			parameters: create({ taskType: locator('Follow Up'), name: 'x', relatedTo: 'none' }),
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items[0].json.error).toMatch(/cut off or malformed/);
		expect(calls(sandbox, 'Task.Create')).toHaveLength(1);
		expect(sandbox.records().tasks).toHaveLength(1);
	});
});

describe('Task design-time lists', () => {
	it('task types: name with to-do/appointment, value = the name; searchable', async () => {
		const all = await listSearch('searchTaskTypes', sandboxCredentials(sandbox));
		expect(all.results).toContainEqual({ name: 'Follow Up (to-do)', value: 'Follow Up' });
		expect(all.results).toContainEqual({ name: 'Meeting (appointment, 30 min)', value: 'Meeting' });
		const found = await listSearch('searchTaskTypes', sandboxCredentials(sandbox), 'appoint');
		expect(found.results.map((entry) => entry.value)).toEqual(['Meeting', 'Site Visit', 'Demo Call']);
	});

	it('users: active users only, by name or e-mail, value = the user id', async () => {
		const all = await listSearch('searchUsers', sandboxCredentials(sandbox));
		expect(all.results).toContainEqual({ name: `Asha Rao (${ASHA.email})`, value: ASHA.id });
		expect(all.results.some((entry) => entry.name.includes(INACTIVE_USER_EMAIL))).toBe(false);
		const found = await listSearch('searchUsers', sandboxCredentials(sandbox), 'VIR.SINGH');
		expect(found.results).toEqual([{ name: `Vir Singh (${VIR.email})`, value: VIR.id }]);
	});
});
