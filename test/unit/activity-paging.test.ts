/**
 * Paging through a lead's activities (model/activity/paging.ts) against a model server: every activity
 * once, in order, whatever Paging.Offset means (rows to skip, a page number from 1 or from 0), with a
 * page-size limit named in an error or applied silently, with activities posted while paging, activities
 * of the same second in a new order on every call, large pages that fail, and a server that ignores the
 * offset (a failure, never a partial list); and the number of calls.
 */
import { collectPages } from '../../nodes/LeadSquared/model/activity/paging';
import type { PageAnswer, PageRequest } from '../../nodes/LeadSquared/model/activity/paging';
import { LeadSquaredError } from '../../nodes/LeadSquared/machinery/errors';
import { pageSizeLimitIn } from '../../nodes/LeadSquared/machinery/pageReader';

interface Row {
	Id: string;
}

interface ServerSpec {
	total: number;
	offset: 'rows' | 'pages' | 'pagesFromZero' | 'ignored';
	/** A limit named in an error (like LeadSquared's "PageSize can not be more than N"). */
	maxPageSize?: number;
	/** A limit applied without a word. */
	silentCap?: number;
	/** RecordCount: the total (default), the page's count, or none. */
	recordCount?: 'total' | 'page' | 'none';
	/** Called before each answer, e.g. to post activities while paging. */
	before?: (server: Server, call: number) => void;
	/** Rows of the same second: each call orders rows [from, to) anew. */
	tied?: [number, number];
	/** Pages of more rows fail (LeadSquared's HTTP 500 around an internal error). */
	failAbove?: number;
}

class Server {
	rows: Row[];
	readonly requests: PageRequest[] = [];

	constructor(private readonly spec: ServerSpec) {
		this.rows = Array.from({ length: spec.total }, (_, n) => ({ Id: `a${n}` }));
	}

	/** A new activity: newest first, so it goes on top. */
	post(id: string): void {
		this.rows.unshift({ Id: id });
	}

	async fetch(request: PageRequest): Promise<PageAnswer<Row>> {
		this.requests.push(request);
		this.spec.before?.(this, this.requests.length);
		if (this.spec.maxPageSize !== undefined && request.rowCount > this.spec.maxPageSize) {
			throw new Error(`PageSize can not be more than ${this.spec.maxPageSize}`);
		}
		if (this.spec.failAbove !== undefined && request.rowCount > this.spec.failAbove) {
			throw new LeadSquaredError({ kind: 'transient', httpCode: 500, exceptionType: 'MySqlException', message: 'LeadSquared had an internal error (HTTP 500)' });
		}
		const size = Math.min(request.rowCount, this.spec.silentCap ?? Infinity);
		const { offset } = request;
		const reading = this.spec.offset;
		const start = reading === 'rows' ? offset : reading === 'pages' ? (Math.max(1, offset) - 1) * size : reading === 'pagesFromZero' ? offset * size : 0;
		let ordered = this.rows;
		if (this.spec.tied) {
			const [from, to] = this.spec.tied;
			const tied = this.rows.slice(from, to).map((row) => ({ row, key: Math.random() }));
			ordered = [...this.rows.slice(0, from), ...tied.sort((a, b) => a.key - b.key).map((entry) => entry.row), ...this.rows.slice(to)];
		}
		const rows = ordered.slice(start, start + size);
		const mode = this.spec.recordCount ?? 'total';
		return { rows, ...(mode === 'none' ? {} : { recordCount: mode === 'total' ? this.rows.length : rows.length }) };
	}
}

async function page(spec: ServerSpec, wanted: number, pageSize: number) {
	const server = new Server(spec);
	const result = await collectPages<Row>({
		fetch: async (request) => await server.fetch(request),
		idOf: (row) => row.Id,
		wanted,
		pageSize,
	});
	return { ...result, ids: result.rows.map((row) => row.Id), requests: server.requests, server };
}

const expected = (count: number, from = 0) => Array.from({ length: count }, (_, n) => `a${from + n}`);

describe('collectPages', () => {
	it.each([
		['rows', 0, 10],
		['rows', 7, 10],
		['rows', 10, 10],
		['rows', 11, 10],
		['rows', 57, 10],
		['pages', 11, 10],
		['pages', 20, 10],
		['pages', 57, 10],
		['rows', 57, 2],
		['pages', 57, 2],
		['pagesFromZero', 11, 10],
		['pagesFromZero', 57, 10],
		['pagesFromZero', 57, 2],
		['rows', 5, 1],
		['pages', 5, 1],
		['pagesFromZero', 5, 1],
	] as const)('gets every activity once when Offset counts %s (%i activities, pages of %i)', async (offset, total, pageSize) => {
		for (const recordCount of ['total', 'page', 'none'] as const) {
			const { ids } = await page({ total, offset, recordCount }, Infinity, pageSize);
			expect(ids).toEqual(expected(total));
		}
	});

	it.each(['rows', 'pages', 'pagesFromZero'] as const)('stops at the wanted number (Offset counts %s)', async (offset) => {
		for (const wanted of [1, 3, 10, 11, 25, 40]) {
			const { ids } = await page({ total: 30, offset }, wanted, 10);
			expect(ids).toEqual(expected(Math.min(wanted, 30)));
		}
	});

	it('makes one call when the wanted number fits a page, and asks for exactly that many', async () => {
		const { requests, calls } = await page({ total: 500, offset: 'rows' }, 50, 1000);
		expect(requests).toEqual([{ offset: 0, rowCount: 50 }]);
		expect(calls).toBe(1);
	});

	it('counts rows: pages overlap by the one activity that proves it, then follow on', async () => {
		const { requests, offsetMeaning } = await page({ total: 25, offset: 'rows' }, Infinity, 10);
		expect(offsetMeaning).toBe('rows');
		expect(requests).toEqual([
			{ offset: 0, rowCount: 10 },
			{ offset: 9, rowCount: 10 },
			{ offset: 19, rowCount: 10 },
		]);
	});

	it('counts pages from 1: Offset 1 brings page 1 again, then pages 2, 3, … with page 1\'s size', async () => {
		const { requests, offsetMeaning } = await page({ total: 25, offset: 'pages' }, Infinity, 10);
		expect(offsetMeaning).toBe('pages');
		expect(requests).toEqual([
			{ offset: 0, rowCount: 10 },
			{ offset: 9, rowCount: 10 },
			{ offset: 1, rowCount: 10 },
			{ offset: 2, rowCount: 10 },
			{ offset: 3, rowCount: 10 },
		]);
	});

	it('counts pages from 0: Offset 1 brings page 2, then Offset 2, 3, …', async () => {
		const { ids, requests, offsetMeaning } = await page({ total: 25, offset: 'pagesFromZero' }, Infinity, 10);
		expect(offsetMeaning).toBe('pagesFromZero');
		expect(ids).toEqual(expected(25));
		expect(requests).toEqual([
			{ offset: 0, rowCount: 10 },
			{ offset: 9, rowCount: 10 },
			{ offset: 1, rowCount: 10 },
			{ offset: 2, rowCount: 10 },
		]);
	});

	it('follows a page-size limit named in an error, asking again at once', async () => {
		const { ids, requests } = await page({ total: 12, offset: 'rows', maxPageSize: 5 }, Infinity, 1000);
		expect(ids).toEqual(expected(12));
		expect(requests[0]).toEqual({ offset: 0, rowCount: 1000 });
		expect(requests.slice(1).every((request) => request.rowCount <= 5)).toBe(true);
	});

	it('follows a silent page-size cap when RecordCount shows there are more', async () => {
		for (const offset of ['rows', 'pages', 'pagesFromZero'] as const) {
			const { ids } = await page({ total: 23, offset, silentCap: 5 }, Infinity, 1000);
			expect(ids).toEqual(expected(23));
		}
	});

	it('never repeats an activity when one is posted while paging (newest first), under either meaning', async () => {
		for (const offset of ['rows', 'pages', 'pagesFromZero'] as const) {
			for (const when of [2, 3, 4]) {
				const { ids } = await page(
					{ total: 30, offset, before: (server, call) => call === when && server.post(`new${call}`) },
					Infinity,
					10,
				);
				expect(new Set(ids).size).toBe(ids.length);
				expect(ids.filter((id) => !id.startsWith('new'))).toEqual(expected(30));
				expect(ids).toContain(`new${when}`);
			}
		}
	});

	it('fails, never returns the first page as if it were all, when LeadSquared ignores the offset', async () => {
		for (const recordCount of ['total', 'none'] as const) {
			const server = new Server({ total: 30, offset: 'ignored', recordCount });
			await expect(collectPages({ fetch: async (request) => await server.fetch(request), idOf: (row) => row.Id, wanted: Infinity, pageSize: 10 })).rejects.toThrow(
				recordCount === 'total' ? /LeadSquared listed 30 activities of the lead, but 20 of them never came back/ : /only activities of the lead already read on 3 full pages in a row/,
			);
			expect(server.requests.length).toBeLessThanOrEqual(16);
		}
	});

	it('activities of the same second in a new order on every call: every one once, or a failure saying how many are missing', async () => {
		for (const offset of ['rows', 'pages', 'pagesFromZero'] as const) {
			// 30 activities of one second straddle the page edges; reading them again in one page of 60 fills the gaps.
			const server = new Server({ total: 60, offset, tied: [5, 35] });
			const { rows } = await collectPages({ fetch: async (request) => await server.fetch(request), idOf: (row) => row.Id, wanted: Infinity, pageSize: 10, maxPageSize: 1000 });
			const ids = rows.map((row) => row.Id);
			expect(server.requests.at(-1)).toEqual({ offset: offset === 'pages' ? 1 : 0, rowCount: 60 });
			expect([...ids].sort()).toEqual(expected(60).sort());
			expect(ids.slice(0, 5)).toEqual(expected(5));
			expect(ids.slice(35)).toEqual(expected(25, 35));
		}
		// With pages of at most 10 even when read again, a gap that stays open fails the read and names it.
		const capped = new Server({ total: 200, offset: 'rows', tied: [0, 200], maxPageSize: 10 });
		const read = collectPages({ fetch: async (request) => await capped.fetch(request), idOf: (row) => row.Id, wanted: Infinity, pageSize: 10, maxPageSize: 1000 });
		await expect(read).rejects.toThrow(/LeadSquared listed 200 activities of the lead, but \d+ of them never came back/);
	});

	it('a page that keeps failing is asked for again in halves (at most three times), the position kept', async () => {
		const { ids, requests } = await page({ total: 700, offset: 'rows', failAbove: 300 }, Infinity, 1000);
		expect(ids).toEqual(expected(700));
		expect(requests.slice(0, 3)).toEqual([
			{ offset: 0, rowCount: 1000 },
			{ offset: 0, rowCount: 500 },
			{ offset: 0, rowCount: 250 },
		]);
		expect(requests.slice(3).every((request) => request.rowCount === 250)).toBe(true);
		const failing = new Server({ total: 700, offset: 'rows', failAbove: 100 });
		await expect(collectPages({ fetch: async (request) => await failing.fetch(request), idOf: (row) => row.Id, wanted: Infinity, pageSize: 1000 })).rejects.toThrow(
			/pages of 1000, 500, 250, 125 rows all failed/,
		);
	});

	it('keeps rows without an id (they cannot repeat-check) and rethrows other errors', async () => {
		const rows = await collectPages<{ Id?: string }>({
			fetch: async () => ({ rows: [{}, {}] }),
			idOf: (row) => row.Id,
			wanted: Infinity,
			pageSize: 10,
		});
		expect(rows.rows).toHaveLength(2);
		await expect(
			collectPages({
				fetch: async () => {
					throw new Error('boom');
				},
				idOf: () => undefined,
				wanted: 5,
				pageSize: 10,
			}),
		).rejects.toThrow('boom');
	});
});

describe('pageSizeLimitIn', () => {
	it.each([
		['PageSize can not be more than 1000', 1000],
		['Page size cannot be greater than 200.', 200],
		['RowCount should not exceed 500', 500],
		['Event Code is invalid or empty', undefined],
		[undefined, undefined],
	])('%s → %s', (message, limit) => {
		expect(pageSizeLimitIn(new Error(message))).toBe(limit);
		expect(pageSizeLimitIn(new LeadSquaredError({ kind: 'business', message: 'LeadSquared refused the request', exceptionMessage: message }))).toBe(limit);
	});
});
