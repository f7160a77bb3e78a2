/**
 * Paging through a lead's activities (helpers/activityPaging.ts) against a model server: every activity
 * once, in order, whatever Paging.Offset means (rows to skip or a page number), with a page-size limit
 * named in an error or applied silently, with activities posted while paging, and a server that ignores
 * the offset; and the number of calls.
 */
import { collectPages, pageSizeLimitIn } from '../../nodes/LeadSquared/helpers/activityPaging';
import type { PageAnswer, PageRequest } from '../../nodes/LeadSquared/helpers/activityPaging';

interface Row {
	Id: string;
}

interface ServerSpec {
	total: number;
	offset: 'rows' | 'pages' | 'ignored';
	/** A limit named in an error (like LeadSquared's "PageSize can not be more than N"). */
	maxPageSize?: number;
	/** A limit applied without a word. */
	silentCap?: number;
	/** RecordCount: the total (default), the page's count, or none. */
	recordCount?: 'total' | 'page' | 'none';
	/** Called before each answer, e.g. to post activities while paging. */
	before?: (server: Server, call: number) => void;
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
		const size = Math.min(request.rowCount, this.spec.silentCap ?? Infinity);
		const start =
			this.spec.offset === 'rows' ? request.offset : this.spec.offset === 'pages' ? (Math.max(1, request.offset) - 1) * size : 0;
		const rows = this.rows.slice(start, start + size);
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
		pageSizeLimit: (error) => pageSizeLimitIn(error instanceof Error ? error.message : undefined),
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
		['rows', 5, 1],
	] as const)('gets every activity once when Offset counts %s (%i activities, pages of %i)', async (offset, total, pageSize) => {
		for (const recordCount of ['total', 'page', 'none'] as const) {
			const { ids } = await page({ total, offset, recordCount }, Infinity, pageSize);
			expect(ids).toEqual(expected(total));
		}
	});

	it.each(['rows', 'pages'] as const)('stops at the wanted number (Offset counts %s)', async (offset) => {
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

	it('counts pages: one call tells, then pages 2, 3, … with page 1\'s size', async () => {
		const { requests, offsetMeaning } = await page({ total: 25, offset: 'pages' }, Infinity, 10);
		expect(offsetMeaning).toBe('pages');
		expect(requests).toEqual([
			{ offset: 0, rowCount: 10 },
			{ offset: 9, rowCount: 10 },
			{ offset: 2, rowCount: 10 },
			{ offset: 3, rowCount: 10 },
		]);
	});

	it('follows a page-size limit named in an error, asking again at once', async () => {
		const { ids, requests } = await page({ total: 12, offset: 'rows', maxPageSize: 5 }, Infinity, 1000);
		expect(ids).toEqual(expected(12));
		expect(requests[0]).toEqual({ offset: 0, rowCount: 1000 });
		expect(requests.slice(1).every((request) => request.rowCount <= 5)).toBe(true);
	});

	it('follows a silent page-size cap when RecordCount shows there are more', async () => {
		for (const offset of ['rows', 'pages'] as const) {
			const { ids } = await page({ total: 23, offset, silentCap: 5 }, Infinity, 1000);
			expect(ids).toEqual(expected(23));
		}
	});

	it('never repeats an activity when one is posted while paging (newest first), under either meaning', async () => {
		for (const offset of ['rows', 'pages'] as const) {
			for (const when of [2, 3, 4]) {
				const { ids } = await page(
					{ total: 30, offset, before: (server, call) => call === when && server.post(`new${call}`) },
					Infinity,
					10,
				);
				expect(new Set(ids).size).toBe(ids.length);
				expect(ids.filter((id) => !id.startsWith('new'))).toEqual(expected(30));
			}
		}
	});

	it('ends when LeadSquared ignores the offset, with the first page and no repeats', async () => {
		const { ids, calls } = await page({ total: 30, offset: 'ignored' }, Infinity, 10);
		expect(ids).toEqual(expected(10));
		expect(calls).toBeLessThanOrEqual(4);
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
				pageSizeLimit: () => undefined,
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
		expect(pageSizeLimitIn(message)).toBe(limit);
	});
});
