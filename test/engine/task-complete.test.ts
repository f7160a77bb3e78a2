/**
 * Task → Complete through n8n's engine against the sandbox (`GET Task.svc/MarkComplete?id=`, an
 * endpoint known from public client code, not from a documentation page).
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { expectNoKeys, parameters, seedTask } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

describe('Task → Complete', () => {
	it('marks each item\'s task completed; completing it again succeeds and changes nothing', async () => {
		const first = await seedTask(sandbox, { Name: 'One' });
		const second = await seedTask(sandbox, { Name: 'Two' });
		const result = await runLeadSquared({
			parameters: parameters('task', 'complete', { taskId: '={{ $json.id }}' }),
			items: [{ id: first }, { id: second }, { id: first }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { status: 'Success', taskId: first }, pairedItem: { item: 0 } },
			{ json: { status: 'Success', taskId: second }, pairedItem: { item: 1 } },
			{ json: { status: 'Success', taskId: first }, pairedItem: { item: 2 } },
		]);
		const requests = calls(sandbox, 'Task.MarkComplete');
		expect(requests.map((entry) => [entry.method, entry.query.id])).toEqual([
			['GET', first],
			['GET', second],
			['GET', first],
		]);
		expect(sandbox.records().tasks.map((task) => [task.Name, task.StatusCode, task.CompletedOn !== ''])).toEqual([
			['One', 1, true],
			['Two', 1, true],
		]);
		expectNoKeys(sandbox, result);
	});

	it('an unknown task is an item error with LeadSquared\'s exception; an empty ID is refused before any call', async () => {
		const result = await runLeadSquared({
			parameters: parameters('task', 'complete', { taskId: '={{ $json.id }}' }),
			items: [{ id: '00000000-0000-0000-0000-000000000000' }, { id: '' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items[0].json).toMatchObject({
			error: 'LeadSquared refused the request: Task does not exist',
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Task does not exist', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: 'Task ID is empty [item 1]', details: { field: 'taskId', itemIndex: 1 } });
		expect(calls(sandbox, 'Task.MarkComplete')).toHaveLength(1);
	});
});
