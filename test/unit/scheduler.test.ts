import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { identityKeys } from '../../nodes/LeadSquared/model/lead/payload';
import { identityKey, runKeyed } from '../../nodes/LeadSquared/machinery/scheduler';
import { metadata } from './fixtures';

/** A task that records when it started and ended, and finishes when the test says so. */
function controlled(log: string[], name: string) {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	return {
		finish: () => finish(),
		run: async () => {
			log.push(`start ${name}`);
			await done;
			log.push(`end ${name}`);
			return name;
		},
	};
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('runKeyed', () => {
	it('runs independent tasks concurrently, up to the limit, and returns results in input order', async () => {
		const log: string[] = [];
		const tasks = ['a', 'b', 'c'].map((name) => controlled(log, name));
		const running = runKeyed(tasks.map((task, i) => ({ keys: [`k${i}`], run: task.run })), 2);
		await tick();
		expect(log).toEqual(['start a', 'start b']);
		tasks[1].finish();
		await tick();
		expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
		tasks[0].finish();
		tasks[2].finish();
		expect(await running).toEqual([
			{ ok: true, value: 'a' },
			{ ok: true, value: 'b' },
			{ ok: true, value: 'c' },
		]);
	});

	it('never overlaps tasks sharing a key, and keeps their order', async () => {
		const log: string[] = [];
		const tasks = ['a', 'b', 'c'].map((name) => controlled(log, name));
		const running = runKeyed(
			[
				{ keys: ['email:x'], run: tasks[0].run },
				{ keys: ['phone:1'], run: tasks[1].run },
				{ keys: ['phone:1', 'email:x'], run: tasks[2].run },
			],
			5,
		);
		await tick();
		expect(log).toEqual(['start a', 'start b']);
		tasks[1].finish();
		await tick();
		expect(log).toEqual(['start a', 'start b', 'end b']);
		tasks[0].finish();
		await tick();
		await tick();
		expect(log).toEqual(['start a', 'start b', 'end b', 'end a', 'start c']);
		tasks[2].finish();
		await running;
	});

	it('settles failures, including synchronous throws, without stopping the others', async () => {
		const results = await runKeyed(
			[
				{ keys: [], run: async () => await Promise.reject(new Error('async')) },
				{
					keys: [],
					run: () => {
						throw new Error('sync');
					},
				},
				{ keys: [], run: async () => await Promise.resolve(3) },
			],
			1,
		);
		expect(results.map((result) => (result?.ok ? result.value : (result?.error as Error).message))).toEqual(['async', 'sync', 3]);
	});

	it('starts nothing new once told to stop', async () => {
		let stop = false;
		const started: number[] = [];
		const results = await runKeyed(
			[0, 1, 2, 3].map((i) => ({
				keys: [],
				run: async () => {
					started.push(i);
					if (i === 1) stop = true;
					return await Promise.resolve(i);
				},
			})),
			1,
			() => stop,
		);
		expect(started).toEqual([0, 1]);
		expect(results[2]).toBeUndefined();
		expect(results[3]).toBeUndefined();
	});
});

describe('identityKeys', () => {
	const fields = new FieldIndex(parseLeadFields(metadata)!);

	it('names a write by its e-mail (any case), phone digits (Phone and Mobile alike), unique fields and match value', () => {
		const keys = identityKeys(
			{
				attributes: [
					{ Attribute: 'EmailAddress', Value: 'Ann@Example.com' },
					{ Attribute: 'Phone', Value: '+91-98450 98450' },
					{ Attribute: 'Mobile', Value: '919845098450' },
					{ Attribute: 'mx_Student_Id', Value: 'S-1' },
					{ Attribute: 'mx_City', Value: 'Pune' },
					{ Attribute: 'FirstName', Value: 'Ann' },
					{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'x' }] },
				],
				searchBy: 'FirstName',
			},
			fields,
		);
		expect(keys).toEqual(['email:ann@example.com', 'phone:9845098450', 'phone:9845098450', 'mx_student_id:s-1', 'firstname:ann']);
	});

	it('ignores empty values', () => {
		expect(identityKey('email', 'EmailAddress', ' ')).toBeUndefined();
		expect(identityKey('phone', 'Phone', '--')).toBeUndefined();
	});
});
