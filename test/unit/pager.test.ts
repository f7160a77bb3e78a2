/**
 * The list reader every paged read uses (machinery/pager.ts, machinery/pageReader.ts) against model servers:
 * ends of lists, limits, a server's own page size, records in a new order on every call (gaps filled, or a
 * failure naming them), large pages that fail (asked again smaller, the position converted), and the
 * collector of several reads.
 */
import { LeadSquaredError } from '../../nodes/LeadSquared/machinery/errors';
import { Collector, readList } from '../../nodes/LeadSquared/machinery/pager';
import type { Addressing, ListSpec, Page } from '../../nodes/LeadSquared/machinery/pager';

interface Row {
	id: string;
}

const rows = (count: number, prefix = 'r'): Row[] => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}` }));
const ids = (list: Row[]): string[] => list.map((row) => row.id);

interface ServerSpec {
	cap?: number;
	total?: boolean;
	/** Rows [from, to) in a new order on every call (ties on the sort column). */
	tied?: [number, number];
	/** Pages of more rows fail with a transient error. */
	failAbove?: number;
}

/** A server of `all` paged by `addressing`, recording the calls. */
function server(all: Row[], addressing: Addressing, spec: ServerSpec = {}) {
	const calls: Array<[number, number]> = [];
	const fetch = async (at: number, size: number): Promise<Page<Row>> => {
		calls.push([at, size]);
		if (spec.failAbove !== undefined && size > spec.failAbove) {
			throw new LeadSquaredError({ kind: 'transient', httpCode: 500, message: 'LeadSquared had an internal error (HTTP 500, MySqlException), 4 attempts in a row' });
		}
		const rowsPerPage = Math.min(size, spec.cap ?? Infinity);
		const start = addressing === 'rows' ? at : (at - (addressing === 'pages' ? 1 : 0)) * rowsPerPage;
		let ordered = all;
		if (spec.tied) {
			const [from, to] = spec.tied;
			const shuffled = all.slice(from, to).map((row) => ({ row, key: Math.random() }));
			ordered = [...all.slice(0, from), ...shuffled.sort((a, b) => a.key - b.key).map((entry) => entry.row), ...all.slice(to)];
		}
		return { rows: ordered.slice(start, start + rowsPerPage), total: spec.total === false ? undefined : all.length };
	};
	return { calls, fetch };
}

function spec(fetch: ListSpec<Row>['fetch'], addressing: Addressing, pageSize: number, more: Partial<ListSpec<Row>> = {}): ListSpec<Row> {
	return { addressing, fetch, idOf: (row) => row.id, pageSize, noun: 'rows', ...more };
}

describe('readList by PageIndex/PageSize', () => {
	it('Return All reads every page once and stops at RecordCount (no empty extra page)', async () => {
		const api = server(rows(250), 'pages');
		expect((await readList(spec(api.fetch, 'pages', 100))).rows).toHaveLength(250);
		expect(api.calls).toEqual([[1, 100], [2, 100], [3, 100]]);
		const exact = server(rows(200), 'pages');
		await readList(spec(exact.fetch, 'pages', 100));
		expect(exact.calls).toHaveLength(2);
	});

	it('without RecordCount, a short page ends the list (an exact multiple costs one empty page)', async () => {
		const short = server(rows(150), 'pages', { total: false });
		expect((await readList(spec(short.fetch, 'pages', 100))).rows).toHaveLength(150);
		expect(short.calls).toHaveLength(2);
		const exact = server(rows(200), 'pages', { total: false });
		await readList(spec(exact.fetch, 'pages', 100));
		expect(exact.calls).toHaveLength(3);
	});

	it('a limit below a page costs one call of exactly that size; above, whole pages, only what it needs kept', async () => {
		const small = server(rows(250), 'pages');
		expect(ids((await readList(spec(small.fetch, 'pages', 100, { limit: 30 }))).rows)).toEqual(ids(rows(30)));
		expect(small.calls).toEqual([[1, 30]]);
		const large = server(rows(250), 'pages');
		const { rows: kept } = await readList(spec(large.fetch, 'pages', 100, { limit: 150 }));
		expect(ids(kept)).toEqual(ids(rows(150)));
		expect(large.calls).toEqual([[1, 100], [2, 100]]);
	});

	it("follows a server's smaller page size: nothing skipped or repeated", async () => {
		const api = server(rows(60), 'pages', { cap: 25 });
		expect(ids((await readList(spec(api.fetch, 'pages', 100))).rows)).toEqual(ids(rows(60)));
		expect(api.calls).toEqual([[1, 100], [2, 25], [3, 25]]);
	});

	it('fails after three full pages that bring nothing new (a server ignoring PageIndex), never returning a part as all', async () => {
		const calls: number[] = [];
		const read = readList(
			spec(async (pageIndex) => {
				calls.push(pageIndex);
				return { rows: rows(2) };
			}, 'pages', 2),
		);
		await expect(read).rejects.toThrow('LeadSquared returned only rows already read on 3 full pages in a row (up to row 8)');
		expect(calls).toEqual([1, 2, 3, 4]);
		// With RecordCount the read ends at the count, and the rows that never came fail it.
		const counted = readList(spec(async () => ({ rows: rows(2), total: 6 }), 'pages', 2));
		await expect(counted).rejects.toThrow('LeadSquared listed 6 rows, but 4 of them never came back on any page');
	});

	it('an empty list costs one call', async () => {
		const api = server([], 'pages');
		expect((await readList(spec(api.fetch, 'pages', 100))).rows).toEqual([]);
		expect(api.calls).toHaveLength(1);
	});
});

describe('readList by Offset/RowCount', () => {
	it('Return All: offsets advance by the rows received; a limit asks only for what it still needs', async () => {
		const all = server(rows(230), 'rows');
		expect((await readList(spec(all.fetch, 'rows', 100))).rows).toHaveLength(230);
		expect(all.calls).toEqual([[0, 100], [100, 100], [200, 100]]);
		const limited = server(rows(230), 'rows');
		expect((await readList(spec(limited.fetch, 'rows', 100, { limit: 130 }))).rows).toHaveLength(130);
		expect(limited.calls).toEqual([[0, 100], [100, 30]]);
	});

	it('a server returning fewer rows than asked, with RecordCount, is followed to the end; without, a short page ends', async () => {
		const capped = server(rows(55), 'rows', { cap: 20 });
		expect(ids((await readList(spec(capped.fetch, 'rows', 100))).rows)).toEqual(ids(rows(55)));
		expect(capped.calls.map(([offset]) => offset)).toEqual([0, 20, 40]);
		const short = server(rows(30), 'rows', { total: false });
		expect((await readList(spec(short.fetch, 'rows', 100))).rows).toHaveLength(30);
		expect(short.calls).toHaveLength(1);
	});
});

describe('records in a new order on every call (ties on the sort column)', () => {
	it.each(['rows', 'pages'] as const)('by %s: pages overlap and leave gaps; the list is read again and comes out whole, in order', async (addressing) => {
		for (let run = 0; run < 5; run++) {
			const api = server(rows(300), addressing, { tied: [50, 250] });
			const result = await readList(spec(api.fetch, addressing, 100, { maxPageSize: 1000 }));
			expect(result.rows).toHaveLength(300);
			expect(new Set(ids(result.rows)).size).toBe(300);
			expect(ids(result.rows.slice(0, 50))).toEqual(ids(rows(50)));
			expect(ids(result.rows.slice(250))).toEqual(ids(rows(300).slice(250)));
			// Three pages of 100, then the whole list again in one page of 300.
			expect(api.calls.slice(3)).toEqual([[addressing === 'rows' ? 0 : 1, 300]]);
		}
	});

	it('with a limit: the first N positions are filled before the list is cut', async () => {
		const api = server(rows(300), 'pages', { tied: [50, 250] });
		const result = await readList(spec(api.fetch, 'pages', 100, { limit: 150, maxPageSize: 1000 }));
		expect(result.rows).toHaveLength(150);
		expect(ids(result.rows.slice(0, 50))).toEqual(ids(rows(50)));
		expect(result.rows.slice(50).every((row) => Number(row.id.slice(1)) > 50 && Number(row.id.slice(1)) <= 250)).toBe(true);
	});

	it('fails naming how many are missing when reading again cannot close the gaps', async () => {
		const api = server(rows(300), 'pages', { tied: [0, 300], cap: 10 });
		await expect(readList(spec(api.fetch, 'pages', 10))).rejects.toThrow(/^LeadSquared listed 300 rows, but \d+ of them never came back on any page/);
	});
});

describe('pages that keep failing', () => {
	it.each([
		['rows', 1000, 300, [1000, 500, 250]],
		['pages', 1000, 300, [1000, 500, 250]],
		['pages', 333, 200, [333, 166]],
	] as const)('by %s, pages of %i failing above %i: asked again in halves, every row once, in order', async (addressing, pageSize, failAbove, sizes) => {
		const api = server(rows(1234), addressing, { failAbove });
		const result = await readList(spec(api.fetch, addressing, pageSize));
		expect(ids(result.rows)).toEqual(ids(rows(1234)));
		expect(api.calls.slice(0, sizes.length).map(([, size]) => size)).toEqual(sizes);
		expect(result.pageSize).toBe(sizes.at(-1));
	});

	it('a change of page size in the middle of a read converts the position: a page that does not start there drops its first rows', async () => {
		let failing = false;
		const api = server(rows(1000), 'pages');
		const result = await readList(
			spec(async (pageIndex, size) => {
				if (failing && size > 200) throw new LeadSquaredError({ kind: 'transient', message: 'LeadSquared had an internal error (HTTP 500)' });
				failing = true;
				return await api.fetch(pageIndex, size);
			}, 'pages', 333),
		);
		expect(ids(result.rows)).toEqual(ids(rows(1000)));
		// Rows 0–332 in a page of 333; then pages of 166: page 3 (rows 332–497, the first dropped), 4, 5, …
		expect(api.calls.slice(0, 3)).toEqual([[1, 333], [3, 166], [4, 166]]);
	});

	it('fails after three halvings, saying so; other errors pass unchanged', async () => {
		const api = server(rows(500), 'rows', { failAbove: 10 });
		await expect(readList(spec(api.fetch, 'rows', 100))).rejects.toThrow(/4 attempts in a row; pages of 100, 50, 25, 12 rows all failed$/);
		const error = new LeadSquaredError({ kind: 'business', message: 'refused' });
		await expect(readList(spec(async () => await Promise.reject(error), 'rows', 100))).rejects.toBe(error);
	});
});

describe('Collector', () => {
	it('several reads into one collector (windows): repeats dropped, the limit shared and counted on new records only', async () => {
		const list = new Collector<Row>(5, (row) => row.id);
		await list.read({ addressing: 'rows', fetch: server(rows(3), 'rows').fetch, pageSize: 100, noun: 'rows' });
		const second = server([{ id: 'R3' }, ...rows(4, 'x')], 'rows');
		await list.read({ addressing: 'rows', fetch: second.fetch, pageSize: 100, noun: 'rows' });
		expect(ids(list.records)).toEqual(['r1', 'r2', 'r3', 'x1', 'x2']);
		expect(list.full()).toBe(true);
	});
});
