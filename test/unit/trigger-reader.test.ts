/**
 * The polling reader (trigger/pollReader.ts) against a simulated change table (poll-table.ts) whose
 * records that share a second come back in a new order on every call: pure, no n8n, no HTTP.
 */
import { OVERLAP_SECONDS } from '../../nodes/LeadSquared/trigger/cursor';
import { LOOKAHEAD_SECONDS, PollReadError, readSince, SECOND_ATTEMPTS } from '../../nodes/LeadSquared/trigger/pollReader';
import type { ReadPage, ReadRequest, ReadSettings, ReadSummary } from '../../nodes/LeadSquared/trigger/pollReader';
import { ChangeTable } from './poll-table';
import type { TableRow } from './poll-table';

const NOW = 1_780_000_000;
const PAGE = 1000;

interface Run extends ReadSummary {
	/** What was handed over, in order. */
	rows: TableRow[];
}

async function run(table: ChangeTable | ((request: ReadRequest) => Promise<ReadPage<TableRow>>), settings: Partial<ReadSettings<TableRow>> = {}): Promise<Run> {
	const rows: TableRow[] = [];
	const summary = await readSince<TableRow>({
		from: NOW - 7200,
		pageSize: PAGE,
		maxRecords: Infinity,
		maxRequests: Infinity,
		now: () => NOW,
		read: typeof table === 'function' ? table : table.read,
		take: (taken) => {
			rows.push(...taken);
			return taken.length;
		},
		...settings,
	});
	return { ...summary, rows };
}

/** Each record's versions handed over, as `id@version`; fails on a version handed twice. */
function versions(rows: TableRow[]): Set<string> {
	const seen = new Set<string>();
	for (const row of rows) {
		const key = `${row.id}@${row.version}`;
		if (seen.has(key)) throw new Error(`${key} handed over twice`);
		seen.add(key);
	}
	return seen;
}

/** The ids of the table whose current version was not handed over. */
const missing = (table: ChangeTable, rows: TableRow[]): string[] => {
	const handed = versions(rows);
	return table.ids().filter((id) => !handed.has(`${id}@${table.get(id)?.version}`));
};

describe('the polling reader', () => {
	it('reads every record once, in ModifiedOn order, when thousands share a second and ties come back in a new order on every call', async () => {
		const table = new ChangeTable();
		let n = 0;
		for (let second = NOW - 7000; second < NOW - 6000; second++) table.add(`s${n++}`, second);
		for (const crowded of [NOW - 5000, NOW - 4999, NOW - 3000]) for (let k = 0; k < 2500; k++) table.add(`c${n++}`, crowded);
		for (let k = 0; k < 999; k++) table.add(`e${n++}`, NOW - 2000); // a second that fills a page but one
		const result = await run(table);
		expect(result.complete).toBe(true);
		expect(missing(table, result.rows)).toEqual([]);
		expect(result.rows).toHaveLength(table.ids().length);
		expect(result.rows.every((row, index) => index === 0 || row.modified >= result.rows[index - 1].modified)).toBe(true);
		// each crowded second was read on its own, in the unique order, from it to the next second
		const alone = table.requests.filter((request) => request.order === 'unique');
		expect(alone.every((request) => request.to === request.from + 1)).toBe(true);
		expect([...new Set(alone.map((request) => request.from))]).toEqual([NOW - 5000, NOW - 4999, NOW - 3000]);
		// the other reads ask from the anchor to a day ahead, in the largest page
		const reads = table.requests.filter((request) => request.order === 'modified');
		expect(reads.every((request) => request.to === NOW + LOOKAHEAD_SECONDS && request.pageIndex === 1 && request.pageSize === PAGE)).toBe(true);
	});

	it.each(['closed', 'halfOpen'] as const)('a crowded second is read whole whether ToDate is inclusive or not (%s)', async (toDate) => {
		const table = new ChangeTable(3, toDate);
		for (let k = 0; k < 2200; k++) table.add(`a${k}`, NOW - 600);
		for (let k = 0; k < 300; k++) table.add(`b${k}`, NOW - 599);
		const result = await run(table);
		expect(missing(table, result.rows)).toEqual([]);
	});

	it('a record changed while the poll runs moves forward and is read in its new version; a removed one is not waited for', async () => {
		const table = new ChangeTable();
		for (let k = 0; k < 5000; k++) table.add(`r${k}`, NOW - 5000 + k);
		table.beforeRead = (_request, n) => {
			if (n === 1) {
				// r10 was handed over with the first page: its new version comes later; r4000 was not read yet
				table.touch('r10', NOW - 1);
				table.touch('r4000', NOW - 1);
				table.remove('r3000');
			}
		};
		const result = await run(table);
		expect(missing(table, result.rows)).toEqual([]);
		expect(result.rows.filter((row) => row.id === 'r10').map((row) => row.version)).toEqual([1, 2]);
		expect(result.rows.filter((row) => row.id === 'r4000').map((row) => row.version)).toEqual([2]);
	});

	it('the cap stops before a second, never within one; a read from where it stopped gets exactly the rest', async () => {
		const table = new ChangeTable();
		for (let k = 0; k < 12_000; k++) table.add(`r${k}`, NOW - 6000 + Math.floor(k / 3));
		for (let k = 0; k < 1500; k++) table.add(`bulk${k}`, NOW - 4000);
		const first = await run(table, { maxRecords: 5000 });
		expect(first.complete).toBe(false);
		expect(first.emitted).toBe(first.rows.length);
		expect(first.rows.length).toBeGreaterThanOrEqual(5000);
		expect(first.rows.every((row) => row.modified < first.anchor)).toBe(true);
		// nothing of the second it stopped before was handed over
		const second = await run(table, { from: first.anchor, maxRecords: 5000 });
		expect(second.rows.some((row) => row.modified === first.anchor)).toBe(true);
		let rows = [...first.rows, ...second.rows];
		let last = second;
		while (!last.complete) {
			last = await run(table, { from: last.anchor, maxRecords: 5000 });
			rows = [...rows, ...last.rows];
		}
		expect(missing(table, rows)).toEqual([]);
		expect(rows).toHaveLength(13_500);
		// the bulk second is never split, so one of the reads emitted more than the cap
		expect(Math.max(first.rows.length, second.rows.length)).toBeGreaterThan(5000);
	});

	it("the cap on requests ends a read that emits few records; so does the end of the poll's time", async () => {
		const table = new ChangeTable();
		for (let k = 0; k < 10_000; k++) table.add(`r${k}`, NOW - 6000 + k);
		const result = await run(table, { maxRequests: 3, take: () => 0 });
		expect(result).toMatchObject({ complete: false, requests: 3 });
		const before = table.requests.length;
		// time is up after two requests
		const timed = await run(table, { expired: () => table.requests.length - before >= 2 });
		expect(timed).toMatchObject({ complete: false, requests: 2 });
		expect(timed.rows.every((row) => row.modified < timed.anchor)).toBe(true);
		expect(timed.rows.length).toBeGreaterThan(0);
	});

	it('a crowded past second that a record leaves between its pages is read again from its first page: none of its records is missing', async () => {
		const table = new ChangeTable();
		for (let k = 0; k < 2500; k++) table.add(`c${k}`, NOW - 3000);
		let moved = false;
		table.beforeRead = (request) => {
			if (request.order === 'unique' && request.pageIndex === 2 && !moved) {
				moved = true;
				table.touch('c5', NOW - 10); // on the first page: every later record moves one place forward
			}
		};
		const result = await run(table);
		expect(missing(table, result.rows)).toEqual([]);
		expect(table.requests.filter((request) => request.order === 'unique' && request.pageIndex === 1)).toHaveLength(2);
	});

	it(`a crowded past second that keeps changing fails the poll after ${SECOND_ATTEMPTS} reads; a recent one is taken as read (the next poll reads it again)`, async () => {
		const busy = (second: number): ChangeTable => {
			const table = new ChangeTable();
			for (let k = 0; k < 2500; k++) table.add(`c${k}`, second);
			let next = 0;
			table.beforeRead = (request) => {
				if (request.order === 'unique' && request.pageIndex === 2) table.touch(`c${next++}`, NOW);
			};
			return table;
		};
		await expect(run(busy(NOW - 3000))).rejects.toThrow(new PollReadError(`The records modified at ${new Date((NOW - 3000) * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC kept changing while the trigger read them (3 tries); nothing was emitted, and the next poll reads them again`));
		const recent = await run(busy(NOW - 30));
		expect(recent.complete).toBe(true);
		expect(recent.nearNow).toBe(NOW);
	});

	it('nearNow is the time of the first request whose answer came within OVERLAP_SECONDS of it', async () => {
		const table = new ChangeTable();
		for (let k = 0; k < 3000; k++) table.add(`r${k}`, NOW - 3000 + k);
		let clock = NOW;
		const result = await run(table, { now: () => clock++ });
		// the first page reaches NOW - 2001, the second NOW - 1001, the third NOW - 1 (sent at NOW + 2), the fourth ends
		expect(result.nearNow).toBe(NOW + 2);
		expect(result.nearNow).toBeGreaterThan(result.anchor - OVERLAP_SECONDS);
	});

	it('answers it cannot trust fail the poll instead of skipping records', async () => {
		const page = (rows: Array<Partial<TableRow>>, recordCount?: number) => async () => await Promise.resolve({ rows: rows as TableRow[], recordCount });
		const from = NOW - 7200;
		await expect(run(page([{ id: 'a', modified: from + 5 }, { id: 'b', modified: from + 1 }]))).rejects.toThrow('out of ModifiedOn order');
		await expect(run(page([{ id: 'a' }]))).rejects.toThrow('LeadSquared returned record a without a readable ModifiedOn');
		await expect(run(page([{ id: 'a', modified: from - 1 }]))).rejects.toThrow('modified before the');
		await expect(run(page([], 5))).rejects.toThrow('LeadSquared counted 5 changed records but returned none');
		// a crowded second whose pages come smaller than asked for: reading on by page number would skip records
		const short = async (request: ReadRequest) => {
			const rows = Array.from({ length: request.order === 'unique' ? 400 : PAGE }, (_, k) => ({ id: `s${k}`, modified: from + 10, created: from, version: 1 }));
			return await Promise.resolve({ rows, recordCount: 2500 });
		};
		await expect(run(short)).rejects.toThrow('LeadSquared answered 400 records for a page of 1000 while counting 2500');
	});
});
