/**
 * Task → Get Many through n8n's engine against the sandbox: an owner's tasks by due-date window (longer
 * windows split into ≤ 100-day windows and merged), status and type; Return All / Limit paging by
 * Offset/RowCount; order; typed values; nothing found; LeadSquared's errors.
 */
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { parseLeadSquaredUtc } from '../../nodes/LeadSquared/model/task/windows';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { ADMIN_EMAIL, ASHA, expectNoKeys, locator, parameters, seedTask, TASK_TYPES, utcDay, VIR } from './pipeline-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
const START = '2025-01-01';
/** Asha's to-dos every 2 days for 250 days (125), two meetings; Vir's 230 to-dos due in January. */
const ASHA_TODOS = 125;

beforeAll(async () => {
	sandbox = await openSandbox();
	for (let day = 0; day < ASHA_TODOS * 2; day += 2) await seedTask(sandbox, { Name: `To-do ${day}`, DueDate: utcDay(START, day) });
	await seedTask(sandbox, { Name: 'Meeting A', TaskType: { Name: 'Meeting' }, DueDate: utcDay(START, 10, '12:00:00') });
	await seedTask(sandbox, { Name: 'Meeting B', TaskType: { Name: 'Meeting' }, DueDate: utcDay(START, 200, '12:00:00') });
	for (let index = 0; index < 230; index++) {
		await seedTask(sandbox, { Name: `Vir ${index}`, OwnerEmailAddress: VIR.email, DueDate: utcDay(START, index % 28, `${String(index % 24).padStart(2, '0')}:00:00`) });
	}
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.configure({ taskRetrieveMaxDays: undefined });
	sandbox.log.length = 0;
});

const node = { typeVersion: 1.1 };
const getMany = (values: Record<string, unknown>, options: Record<string, unknown> = {}) => parameters('task', 'getMany', values, options);
const retrieves = (): RequestLogEntry[] => calls(sandbox, 'Task.Retrieve');
const parameterOf = (entry: RequestLogEntry) => (entry.body as { Parameter: Record<string, unknown> }).Parameter;
const pagingOf = (entry: RequestLogEntry) => (entry.body as { Paging: { Offset: number; RowCount: number } }).Paging;

describe('Task → Get Many', () => {
	it('a 250-day window is read as three consecutive windows of at most 100 days, merged in due order without repeats', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.email, 'email'), dueFrom: `${START} 00:00:00`, dueTo: '2025-09-08 00:00:00', returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const windows = retrieves().map((entry) => parameterOf(entry));
		expect(windows.map((window) => [window.FromDate, window.ToDate])).toEqual([
			['2025-01-01 00:00:00', '2025-04-11 00:00:00'],
			['2025-04-11 00:00:01', '2025-07-20 00:00:01'],
			['2025-07-20 00:00:02', '2025-09-08 00:00:00'],
		]);
		for (const window of windows) {
			expect(parseLeadSquaredUtc(String(window.ToDate))! - parseLeadSquaredUtc(String(window.FromDate))!).toBeLessThanOrEqual(100 * 86_400_000);
			expect(window).toMatchObject({ LookupName: 'OwnerEmailAddress', LookupValue: ASHA.email });
		}
		const names = result.items.map((item) => item.json.Name);
		expect(names).toHaveLength(ASHA_TODOS + 2);
		expect(new Set(result.items.map((item) => item.json.UserTaskId)).size).toBe(ASHA_TODOS + 2);
		const due = result.items.map((item) => String(item.json.DueDate));
		expect([...due].sort()).toEqual(due);
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(result.items[0].json).toMatchObject({ Name: 'To-do 0', DueDate: '2025-01-01T10:00:00.000Z', OwnerEmailAddress: ASHA.email, StatusCode: 0 });
		expectNoKeys(sandbox, result);
	});

	it('Latest Due First reads the windows newest first, each in descending order', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.id), dueFrom: `${START} 00:00:00`, dueTo: '2025-09-08 00:00:00', limit: 3 }, { order: 'dueLast' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => item.json.Name)).toEqual(['To-do 248', 'To-do 246', 'To-do 244']);
		expect(retrieves()).toHaveLength(1);
		expect(parameterOf(retrieves()[0])).toMatchObject({ LookupName: 'OwnerId', FromDate: '2025-07-20 00:00:02' });
		expect(pagingOf(retrieves()[0])).toEqual({ Offset: 0, RowCount: 3 });
		expect((retrieves()[0].body as { Sorting: unknown }).Sorting).toEqual({ ColumnName: 'DueDate', Direction: '1' });
	});

	it('an appointment type has no 100-day limit: one window, filtered by the type id', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.email, 'email'), dueFrom: `${START} 00:00:00`, dueTo: '2025-12-31 00:00:00', taskType: locator('Meeting'), returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => item.json.Name)).toEqual(['Meeting A', 'Meeting B']);
		expect(retrieves()).toHaveLength(1);
		expect(parameterOf(retrieves()[0])).toMatchObject({ TypeName: TASK_TYPES.meeting, FromDate: '2025-01-01 00:00:00', ToDate: '2025-12-31 00:00:00' });
		expect(calls(sandbox, 'Task.RetrieveTaskType')).toHaveLength(1);
	});

	it('a to-do type given by ID is split like every to-do', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.email, 'email'), dueFrom: `${START} 00:00:00`, dueTo: '2025-12-31 00:00:00', taskType: locator(TASK_TYPES.followUp, 'id'), returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items).toHaveLength(ASHA_TODOS);
		expect(retrieves()).toHaveLength(4);
		expect(retrieves().every((entry) => parameterOf(entry).TypeName === TASK_TYPES.followUp)).toBe(true);
	});

	it('Return All without a window pages by Offset/RowCount until RecordCount; Limit asks for no more than it needs', async () => {
		const all = await runLeadSquared({
			parameters: getMany({ owner: locator(VIR.email, 'email'), returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(all.items).toHaveLength(230);
		expect(new Set(all.items.map((item) => item.json.UserTaskId)).size).toBe(230);
		expect(retrieves().map(pagingOf)).toEqual([
			{ Offset: 0, RowCount: 100 },
			{ Offset: 100, RowCount: 100 },
			{ Offset: 200, RowCount: 100 },
		]);
		expect(parameterOf(retrieves()[0])).toEqual({ LookupName: 'OwnerEmailAddress', LookupValue: VIR.email });

		sandbox.log.length = 0;
		const five = await runLeadSquared({ parameters: getMany({ owner: locator(VIR.id, 'id'), limit: 5 }), credentials: sandboxCredentials(sandbox), node });
		expect(five.items).toHaveLength(5);
		expect(retrieves().map(pagingOf)).toEqual([{ Offset: 0, RowCount: 5 }]);
	});

	it('status: pending or completed tasks only', async () => {
		const owner = locator(ADMIN_EMAIL, 'email');
		const done = await seedTask(sandbox, { Name: 'Done', OwnerEmailAddress: ADMIN_EMAIL, DueDate: '2024-06-01 10:00:00' });
		await seedTask(sandbox, { Name: 'Open', OwnerEmailAddress: ADMIN_EMAIL, DueDate: '2024-06-02 10:00:00' });
		sandbox.completeTask(done);
		const completed = await runLeadSquared({ parameters: getMany({ owner, status: 'completed', returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(completed.items.map((item) => item.json.Name)).toEqual(['Done']);
		expect(completed.items[0].json.CompletedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expect(parameterOf(retrieves()[0]).StatusCode).toBe(1);
		const pending = await runLeadSquared({ parameters: getMany({ owner, status: 'pending', returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(pending.items.map((item) => item.json.Name)).toEqual(['Open']);
		expect(parameterOf(retrieves()[1]).StatusCode).toBe(0);
		const any = await runLeadSquared({ parameters: getMany({ owner, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(any.items.map((item) => item.json.Name)).toEqual(['Done', 'Open']);
	});

	it('each input item reads its own owner; a read that finds nothing yields no item', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator('={{ $json.owner }}', 'email'), dueFrom: '={{ $json.from }}', dueTo: '={{ $json.to }}', returnAll: true }),
			items: [
				{ owner: ASHA.email, from: '2025-01-01', to: '2025-01-03 23:59:59' },
				{ owner: 'nobody@example.com', from: '2025-01-01', to: '2025-02-01' },
				{ owner: VIR.email, from: '2025-01-01 00:00:00', to: '2025-01-01 00:59:59' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		const found = result.items.map((item) => [item.pairedItem, item.json.Name]);
		expect(found).toHaveLength(4);
		expect(found.slice(0, 2)).toEqual([
			[{ item: 0 }, 'To-do 0'],
			[{ item: 0 }, 'To-do 2'],
		]);
		// Vir 0 and Vir 168 are due at the same second: LeadSquared gives them no order.
		expect(found.slice(2)).toEqual(
			expect.arrayContaining([
				[{ item: 2 }, 'Vir 0'],
				[{ item: 2 }, 'Vir 168'],
			]),
		);
	});

	it('Typed Values off returns LeadSquared\'s text dates', async () => {
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.email, 'email'), limit: 1 }, { typedValues: false }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items[0].json).toMatchObject({ DueDate: '2025-01-01 10:00:00.000', CompletedOn: '', CreatedOn: expect.stringMatching(/\.000$/) });
	});

	it("LeadSquared's refusal of a window is an item error with its exception (here a 30-day limit the node does not know)", async () => {
		sandbox.configure({ taskRetrieveMaxDays: 30 });
		const result = await runLeadSquared({
			parameters: getMany({ owner: locator(ASHA.email, 'email'), dueFrom: '2025-01-01', dueTo: '2025-03-01', returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			details: { exceptionType: 'MXInvalidInputException', exceptionMessage: 'The difference between FromDate and ToDate cannot be more than 30 days', itemIndex: 0 },
		});
	});
});
