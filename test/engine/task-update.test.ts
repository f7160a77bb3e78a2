/**
 * Task → Update through n8n's engine against the sandbox (`POST Task.svc/Update`, the documented body): only the
 * fields an item gives are sent and change, with Create's checks; LeadSquared's "no such task" as a clear error.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA, expectNoKeys, locator, parameters, seedLead, seedOpportunity, seedTask, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const taskOf = (id: string) => sandbox.records().tasks.find((task) => task.UserTaskId === id);

describe('Task → Update', () => {
	it('sends only the fields given (Update Fields, a new owner) and changes only those; outputs the task id', async () => {
		const leadId = await seedLead(sandbox, 'task-update@example.com');
		const first = await seedTask(sandbox, { Name: 'Call back', Description: 'About the brochure', Location: 'Pune', DueDate: '2026-05-01 05:00:00', RelatedEntity: 1, RelatedEntityId: leadId });
		const second = await seedTask(sandbox, { Name: 'Send papers', Description: 'Keep me' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'update', {
				taskId: '={{ $json.id }}',
				owner: locator('={{ $json.owner }}', 'email'),
				updateFields: { name: '={{ $json.subject }}', dueDate: '2026-06-01T10:30:00Z', notifyByEmail: false, customFields: { field: [{ name: 'mx_Custom_1', value: 'Hot' }] } },
			}),
			items: [
				{ id: first, owner: VIR.email, subject: 'Call back (moved)' },
				{ id: second, owner: '', subject: 'Send the papers' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { status: 'Success', taskId: first, affectedRows: 1 }, pairedItem: { item: 0 } },
			{ json: { status: 'Success', taskId: second, affectedRows: 1 }, pairedItem: { item: 1 } },
		]);
		const bodies = calls(sandbox, 'Task.Update').map((entry) => entry.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ UserTaskId: first, Name: 'Call back (moved)', OwnerEmailAddress: VIR.email, DueDate: '2026-06-01 10:30:00', NotifyBy: '1000', CustomFields: { mx_Custom_1: 'Hot' } },
				{ UserTaskId: second, Name: 'Send the papers', DueDate: '2026-06-01 10:30:00', NotifyBy: '1000', CustomFields: { mx_Custom_1: 'Hot' } },
			]),
		);
		expect(taskOf(first)).toMatchObject({ Name: 'Call back (moved)', Description: 'About the brochure', Location: 'Pune', OwnerId: VIR.id, DueDate: '2026-06-01 10:30:00', RelatedEntityId: leadId });
		expect(taskOf(second)).toMatchObject({ Name: 'Send the papers', Description: 'Keep me', OwnerId: ASHA.id });
		expectNoKeys(sandbox, result);
	});

	it('moves a task to an opportunity; Empty Values decides about fields given empty (skip lists them, clear empties the clearable)', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'task-move@example.com', 12000, { mx_Custom_1: 'Admission', mx_Custom_2: 'Law' });
		const taskId = await seedTask(sandbox, { Name: 'Docs', Description: 'Old text', Location: 'Pune' });
		const run = async (emptyValues: string) =>
			await runLeadSquared({
				parameters: parameters('task', 'update', { taskId, updateFields: { opportunityId: '={{ $json.opp }}', description: '={{ $json.text }}', location: '' } }, { emptyValues }),
				items: [{ opp: opportunityId, text: null }],
				credentials: sandboxCredentials(sandbox),
				node,
			});

		const skipped = await run('skip');
		expect(skipped.items[0].json).toEqual({ status: 'Success', taskId, affectedRows: 1, skippedFields: ['Description', 'Location'] });
		expect(calls(sandbox, 'Task.Update')[0].body).toEqual({ UserTaskId: taskId, RelatedEntity: 5, RelatedEntityId: opportunityId });
		expect(taskOf(taskId)).toMatchObject({ RelatedEntity: 5, RelatedEntityId: opportunityId, Description: 'Old text', Location: 'Pune' });

		const cleared = await run('clear');
		expect(cleared.items[0].json).toEqual({ status: 'Success', taskId, affectedRows: 1 });
		expect(calls(sandbox, 'Task.Update')[1].body).toEqual({ UserTaskId: taskId, RelatedEntity: 5, RelatedEntityId: opportunityId, Description: '', Location: '' });
		expect(taskOf(taskId)).toMatchObject({ Description: '', Location: '' });

		const failed = await run('fail');
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('Update Fields → Description has no value [item 0]');
		expect(calls(sandbox, 'Task.Update')).toHaveLength(2);
	});

	it('an unknown task is a clear item error with LeadSquared\'s exception; continue-on-fail keeps every item paired', async () => {
		const taskId = await seedTask(sandbox, { Name: 'Real' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'update', { taskId: '={{ $json.id }}', updateFields: { name: '={{ $json.name }}' } }),
			items: [{ id: '00000000-0000-0000-0000-000000000000', name: 'Ghost' }, { id: taskId, name: '' }, { id: taskId, name: 'Renamed' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({
			error: 'No task with the ID "00000000-0000-0000-0000-000000000000" was found in LeadSquared',
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Task does not exist', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: 'Update Fields → Subject has no value [item 1]', details: { field: 'name', itemIndex: 1 } });
		expect(result.items[2].json).toEqual({ status: 'Success', taskId, affectedRows: 1 });
		expect(calls(sandbox, 'Task.Update')).toHaveLength(2);
		expect(taskOf(taskId)?.Name).toBe('Renamed');
	});
});
