import { Collector, collectByOffset, collectByPageIndex } from '../../nodes/LeadSquared/helpers/pager';
import type { Page } from '../../nodes/LeadSquared/helpers/pager';

interface Row {
	id: string;
}

const rows = (count: number, prefix = 'r'): Row[] => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}` }));
const collector = (limit?: number) => new Collector<Row>(limit, (row) => row.id);

/** A server paging `all` by PageIndex/PageSize, at most `cap` rows a page, recording the calls. */
function pageIndexServer(all: Row[], options: { cap?: number; total?: boolean } = {}) {
	const calls: Array<[number, number]> = [];
	const fetch = async (pageIndex: number, pageSize: number): Promise<Page<Row>> => {
		calls.push([pageIndex, pageSize]);
		const size = Math.min(pageSize, options.cap ?? Infinity);
		return { rows: all.slice((pageIndex - 1) * size, pageIndex * size), total: options.total === false ? undefined : all.length };
	};
	return { calls, fetch };
}

function offsetServer(all: Row[], options: { cap?: number; total?: boolean } = {}) {
	const calls: Array<[number, number]> = [];
	const fetch = async (offset: number, rowCount: number): Promise<Page<Row>> => {
		calls.push([offset, rowCount]);
		return { rows: all.slice(offset, offset + Math.min(rowCount, options.cap ?? Infinity)), total: options.total === false ? undefined : all.length };
	};
	return { calls, fetch };
}

describe('Collector', () => {
	it('keeps records in order, drops repeats (ids compared without case) and stops at the limit', () => {
		const list = collector(3);
		expect(list.add([{ id: 'A' }, { id: 'b' }, { id: 'a' }])).toBe(2);
		expect(list.add([{ id: 'c' }, { id: 'd' }])).toBe(1);
		expect(list.records.map((row) => row.id)).toEqual(['A', 'b', 'c']);
		expect(list.full()).toBe(true);
		expect(list.remaining()).toBe(0);
		expect(collector().remaining()).toBe(Infinity);
	});
});

describe('paging by PageIndex/PageSize', () => {
	it('Return All reads every page once and stops at RecordCount (no empty extra page)', async () => {
		const server = pageIndexServer(rows(250));
		const list = collector();
		await collectByPageIndex(list, 100, server.fetch);
		expect(list.records).toHaveLength(250);
		expect(server.calls).toEqual([[1, 100], [2, 100], [3, 100]]);
	});

	it('an exact multiple of the page size ends without an extra call when RecordCount is known', async () => {
		const server = pageIndexServer(rows(200));
		await collectByPageIndex(collector(), 100, server.fetch);
		expect(server.calls).toHaveLength(2);
	});

	it('without RecordCount, a short page ends the list (an exact multiple costs one empty page)', async () => {
		const short = pageIndexServer(rows(150), { total: false });
		const list = collector();
		await collectByPageIndex(list, 100, short.fetch);
		expect(list.records).toHaveLength(150);
		expect(short.calls).toHaveLength(2);
		const exact = pageIndexServer(rows(200), { total: false });
		await collectByPageIndex(collector(), 100, exact.fetch);
		expect(exact.calls).toHaveLength(3);
	});

	it('a limit below a page costs one call of exactly that size', async () => {
		const server = pageIndexServer(rows(250));
		const list = collector(30);
		await collectByPageIndex(list, 100, server.fetch);
		expect(list.records.map((row) => row.id)).toEqual(rows(30).map((row) => row.id));
		expect(server.calls).toEqual([[1, 30]]);
	});

	it('a limit above a page reads whole pages and keeps only what it needs', async () => {
		const server = pageIndexServer(rows(250));
		const list = collector(150);
		await collectByPageIndex(list, 100, server.fetch);
		expect(list.records).toHaveLength(150);
		expect(list.records[149].id).toBe('r150');
		expect(server.calls).toEqual([[1, 100], [2, 100]]);
	});

	it("follows a server's smaller page size: nothing skipped or repeated", async () => {
		const server = pageIndexServer(rows(60), { cap: 25 });
		const list = collector();
		await collectByPageIndex(list, 100, server.fetch);
		expect(list.records.map((row) => row.id)).toEqual(rows(60).map((row) => row.id));
		expect(server.calls).toEqual([[1, 100], [2, 25], [3, 25]]);
	});

	it('stops when a page brings nothing new (a server ignoring PageIndex)', async () => {
		const calls: number[] = [];
		const list = collector();
		await collectByPageIndex(list, 2, async (pageIndex) => {
			calls.push(pageIndex);
			return { rows: rows(2), total: 10 };
		});
		expect(list.records).toHaveLength(2);
		expect(calls).toEqual([1, 2]);
	});

	it('an empty list costs one call', async () => {
		const server = pageIndexServer([]);
		const list = collector();
		await collectByPageIndex(list, 100, server.fetch);
		expect(list.records).toEqual([]);
		expect(server.calls).toHaveLength(1);
	});
});

describe('paging by Offset/RowCount', () => {
	it('Return All: offsets advance by the rows received', async () => {
		const server = offsetServer(rows(230));
		const list = collector();
		await collectByOffset(list, 100, server.fetch);
		expect(list.records).toHaveLength(230);
		expect(server.calls).toEqual([[0, 100], [100, 100], [200, 100]]);
	});

	it('asks only for the rows the limit still needs', async () => {
		const server = offsetServer(rows(230));
		const list = collector(130);
		await collectByOffset(list, 100, server.fetch);
		expect(list.records).toHaveLength(130);
		expect(server.calls).toEqual([[0, 100], [100, 30]]);
	});

	it('a server returning fewer rows than asked, with RecordCount, is followed to the end', async () => {
		const server = offsetServer(rows(55), { cap: 20 });
		const list = collector();
		await collectByOffset(list, 100, server.fetch);
		expect(list.records.map((row) => row.id)).toEqual(rows(55).map((row) => row.id));
		expect(server.calls.map(([offset]) => offset)).toEqual([0, 20, 40]);
	});

	it('without RecordCount a short page ends the list', async () => {
		const server = offsetServer(rows(30), { total: false });
		const list = collector();
		await collectByOffset(list, 100, server.fetch);
		expect(list.records).toHaveLength(30);
		expect(server.calls).toHaveLength(1);
	});

	it('one collector across several reads (windows): repeats dropped, the limit shared', async () => {
		const list = collector(5);
		await collectByOffset(list, 100, offsetServer(rows(3)).fetch);
		await collectByOffset(list, 100, offsetServer([{ id: 'r3' }, ...rows(4, 'x')]).fetch);
		expect(list.records.map((row) => row.id)).toEqual(['r1', 'r2', 'r3', 'x1', 'x2']);
	});
});
