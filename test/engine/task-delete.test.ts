/**
 * Task → Delete through n8n's engine against the sandbox (`POST Task.svc/DeleteTasks`, LeadSquared's only way to
 * delete tasks: queued, in bulk). The sandbox runs queued deletions only when told to, so the tests see that each
 * item comes out while its task still exists, and that the output says the deletion is queued.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { expectNoKeys, parameters, seedTask } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { queuedDeletionDelayMs: Infinity });

const node = { typeVersion: 1.1 };
const UNKNOWN = '00000000-0000-0000-0000-000000000000';
const taskIds = () => sandbox.records().tasks.map((task) => task.UserTaskId);

describe('Task → Delete', () => {
	it('queues each task for deletion, one call per item; the output says queued (not done) and how to check; the tasks go when LeadSquared runs it', async () => {
		const first = await seedTask(sandbox, { Name: 'One' });
		const second = await seedTask(sandbox, { Name: 'Two' });
		const keep = await seedTask(sandbox, { Name: 'Keep' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'delete', { taskId: '={{ $json.id }}' }, { statusWebhookUrl: 'https://n8n.example.com/webhook/deleted' }),
			items: [{ id: first }, { id: second }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items.map((item) => [item.json.taskId, item.json.deletion, item.pairedItem])).toEqual([
			[first, 'queued', { item: 0 }],
			[second, 'queued', { item: 1 }],
		]);
		expect(result.items[0].json).toEqual({ status: 'Success', taskId: first, deletion: 'queued', note: expect.stringMatching(/^The deletion is queued, not done yet\. .*Task → Get Many.*Status Webhook URL\.$/) });
		expect(calls(sandbox, 'Task.DeleteTasks').map((entry) => entry.body)).toEqual(
			expect.arrayContaining([
				{ TaskIds: [first], StatusWebhookURL: 'https://n8n.example.com/webhook/deleted' },
				{ TaskIds: [second], StatusWebhookURL: 'https://n8n.example.com/webhook/deleted' },
			]),
		);
		// Queued, not done: the tasks are still there until LeadSquared runs the deletion.
		expect(taskIds()).toEqual([first, second, keep]);
		expect(sandbox.runQueuedJobs()).toBe(2);
		expect(taskIds()).toEqual([keep]);
		expectNoKeys(sandbox, result);
	});

	it('an unknown task ID fails its item (LeadSquared queued nothing); with continue on fail the others go on, each paired', async () => {
		const taskId = await seedTask(sandbox, { Name: 'Real' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'delete', { taskId: '={{ $json.id }}' }),
			items: [{ id: UNKNOWN }, { id: ' ' }, { id: taskId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({
			error: `No task with the ID "${UNKNOWN}" was found in LeadSquared: nothing was queued for deletion`,
			details: { description: expect.stringContaining('DeletedTasksCount 0'), itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: 'Task ID is empty [item 1]', details: { field: 'taskId', itemIndex: 1 } });
		expect(result.items[2].json).toMatchObject({ taskId, deletion: 'queued' });
		expect(calls(sandbox, 'Task.DeleteTasks')).toHaveLength(2);
	});

	it('Send in Batches: many items per call, each with its own output; a batch with an unknown ID says the deletion is unconfirmed; the same ID never twice in a call', async () => {
		const ids = await Promise.all(['a', 'b', 'c', 'd'].map(async (name) => await seedTask(sandbox, { Name: name })));
		const result = await runLeadSquared({
			parameters: parameters('task', 'delete', { taskId: '={{ $json.id }}' }, { sendInBatches: true, batchSize: 3 }),
			items: [{ id: ids[0] }, { id: ids[1] }, { id: ids[0] }, { id: ids[2] }, { id: UNKNOWN }, { id: ids[3] }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const sent = calls(sandbox, 'Task.DeleteTasks').map((entry) => (entry.body as { TaskIds: string[] }).TaskIds);
		expect(sent).toEqual([[ids[0], ids[1], ids[2]], [ids[0], UNKNOWN, ids[3]]]);
		expect(result.items.map((item) => [item.pairedItem, item.json.taskId, item.json.deletion, item.json.tasksInCall, item.json.queuedInCall])).toEqual([
			[{ item: 0 }, ids[0], 'queued', 3, 3],
			[{ item: 1 }, ids[1], 'queued', 3, 3],
			[{ item: 2 }, ids[0], 'unconfirmed', 3, 2],
			[{ item: 3 }, ids[2], 'queued', 3, 3],
			[{ item: 4 }, UNKNOWN, 'unconfirmed', 3, 2],
			[{ item: 5 }, ids[3], 'unconfirmed', 3, 2],
		]);
		expect(result.items[4].json.note).toMatch(/^LeadSquared queued 2 of the 3 tasks of this call for deletion without saying which/);
		sandbox.runQueuedJobs();
		expect(taskIds()).toEqual([]);
	});

	it('a Status Webhook URL that is not an http(s) URL fails every item before any call', async () => {
		const taskId = await seedTask(sandbox, { Name: 'Stay' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'delete', { taskId }, { statusWebhookUrl: 'ftp://example.com/status' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Options → Status Webhook URL is "ftp:\/\/example\.com\/status", which is not an http\(s\) URL/);
		expect(calls(sandbox, 'Task.DeleteTasks')).toHaveLength(0);
	});
});
