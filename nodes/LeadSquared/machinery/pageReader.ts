/**
 * One page of a LeadSquared list, read from a position in the list, whatever way the API addresses its
 * pages, and whatever page size it ends up taking:
 * - `rows`: Offset/RowCount, any start (Task.svc/Retrieve, activities when Offset counts rows);
 * - `pages`: PageIndex/PageSize from 1, page N starting at (N − 1) × size (Leads.Get, RetrieveNote,
 *   GetOpportunitiesOfLead; activities when Offset is a page number from 1);
 * - `pagesFromZero`: the same with page numbers from 0 (activities when Offset is such a page number).
 *
 * The page size can change in the middle of a read, and the position is converted: a page that does not
 * start at the position (a smaller size that does not divide it) is asked for whole and its rows before
 * the position are dropped, so no row is skipped or read twice. It changes when:
 * - LeadSquared refuses the size and names its maximum ("PageSize can not be more than 1000"): the same
 *   call again with that size;
 * - a call keeps failing with a transient fault after the transport's own retries (LeadSquared answers
 *   large pages with HTTP 500 now and then, contract §12.3): the same call again with half the page, up
 *   to MAX_SHRINKS times, before the read fails. The smaller size is kept for the rest of the read.
 * Pure: no n8n imports.
 */
import { LeadSquaredError, sentences } from './errors';
import { settle } from './scheduler';

export interface Page<T> {
	rows: T[];
	/** RecordCount, when the answer has one. */
	total?: number;
}

export type Addressing = 'rows' | 'pages' | 'pagesFromZero';

/** `fetch(at, size)`: `at` is the row offset (`rows`) or the page number (`pages`, `pagesFromZero`). */
export type FetchPage<T> = (at: number, size: number) => Promise<Page<T>>;

/** Halvings of the page size after transient failures before a page read gives up. */
export const MAX_SHRINKS = 3;

export interface Slice<T> {
	/** The rows from the position on, in the answer's order. */
	rows: T[];
	/** Position of rows[0] in the list. */
	position: number;
	/** Rows the answer held (before any rows ahead of the position were dropped), and the size asked. */
	received: number;
	size: number;
	/** RecordCount, where it can only be the list's total: above the rows of its own answer. */
	total?: number;
}

/** The largest page size an error names ("PageSize can not be more than 1000", "RowCount … exceed 500"). */
export function pageSizeLimitIn(error: unknown): number | undefined {
	const failure = error instanceof LeadSquaredError ? error.failure : undefined;
	const text = failure ? `${failure.exceptionMessage ?? ''} ${failure.message}` : error instanceof Error ? error.message : '';
	const match = /(?:page ?size|row ?count)[^0-9]{0,40}?(?:more|greater|larger|exceed|max\w*)[^0-9]{0,20}(\d+)/i.exec(text);
	const limit = match ? Number(match[1]) : NaN;
	return Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

function isTransient(error: unknown): boolean {
	return error instanceof LeadSquaredError && error.failure.kind === 'transient';
}

export class PageReader<T> {
	calls = 0;
	/** The page size of the next call. */
	size: number;

	constructor(
		public addressing: Addressing,
		private readonly fetch: FetchPage<T>,
		pageSize: number,
	) {
		this.size = Math.max(1, Math.floor(pageSize));
	}

	/** The rows from `position` on: one call of the current size (at most `want` rows when paging by rows). */
	async read(position: number, want = Infinity): Promise<Slice<T>> {
		const failedSizes: number[] = [];
		for (;;) {
			const size = this.addressing === 'rows' ? Math.max(1, Math.min(this.size, Math.floor(want))) : this.size;
			const page = this.addressing === 'rows' ? 0 : Math.floor(position / size);
			const start = this.addressing === 'rows' ? position : page * size;
			const at = this.addressing === 'rows' ? position : this.addressing === 'pages' ? page + 1 : page;
			this.calls++;
			const attempt = await settle(async () => await this.fetch(at, size));
			if (attempt.ok) {
				const rows = Array.isArray(attempt.value.rows) ? attempt.value.rows : [];
				const count = attempt.value.total;
				const total = typeof count === 'number' && Number.isFinite(count) && count > rows.length ? count : undefined;
				return { rows: rows.slice(position - start), position, received: rows.length, size, ...(total !== undefined ? { total } : {}) };
			}
			const named = pageSizeLimitIn(attempt.error);
			if (named !== undefined && named < size) {
				this.size = named;
				continue;
			}
			if (isTransient(attempt.error) && size > 1 && failedSizes.length < MAX_SHRINKS) {
				failedSizes.push(size);
				this.size = Math.max(1, Math.floor(size / 2));
				continue;
			}
			throw failedSizes.length > 0 ? smallerPagesFailed(attempt.error as LeadSquaredError, [...failedSizes, size]) : attempt.error;
		}
	}
}

/** The failure of the last try, saying the smaller pages were tried too. */
function smallerPagesFailed(error: LeadSquaredError, sizes: number[]): LeadSquaredError {
	const { failure } = error;
	return new LeadSquaredError({
		...failure,
		message: `${failure.message}; pages of ${sizes.join(', ')} rows all failed`,
		description: sentences(failure.description, 'The node asked for smaller pages before giving up (LeadSquared fails on large pages now and then)'),
	});
}
