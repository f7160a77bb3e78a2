/**
 * Reading every record of a LeadSquared list, or the first N, page by page: never a record twice (records
 * are told apart by id), never one skipped, and no more calls than the limit needs. Two paging styles:
 * - PageIndex/PageSize (1-based pages), used by RetrieveNote and GetOpportunitiesOfLead;
 * - Offset/RowCount (rows to skip), used by Task.svc/Retrieve.
 * The answers' RecordCount is used when present and not needed when absent. When the first page is shorter
 * than asked although RecordCount says there are more, the server has a smaller page size of its own: the
 * node goes on with that size, so later pages line up. Pure: no n8n imports.
 */

export interface Page<T> {
	rows: T[];
	/** RecordCount, when the answer has one. */
	total?: number;
}

/**
 * The records read so far, without repeats, up to a limit (undefined: all). Records are told apart by
 * `idOf` (one without an id is always kept), ignoring letter case unless `caseSensitive`.
 */
export class Collector<T> {
	readonly records: T[] = [];
	private readonly seen = new Set<string>();

	constructor(
		readonly limit: number | undefined,
		private readonly idOf: (record: T) => string | undefined,
		private readonly caseSensitive = false,
	) {}

	private keyOf(row: T): string | undefined {
		const id = this.idOf(row);
		return id === undefined || this.caseSensitive ? id : id.toLowerCase();
	}

	/** Whether a record with the same id was kept already. */
	has(row: T): boolean {
		const key = this.keyOf(row);
		return key !== undefined && this.seen.has(key);
	}

	/** Adds a page's records; returns how many were new. */
	add(rows: readonly T[]): number {
		let added = 0;
		for (const row of rows) {
			if (this.full()) break;
			const key = this.keyOf(row);
			if (key !== undefined) {
				if (this.seen.has(key)) continue;
				this.seen.add(key);
			}
			this.records.push(row);
			added++;
		}
		return added;
	}

	full(): boolean {
		return this.limit !== undefined && this.records.length >= this.limit;
	}

	/** Records still wanted (Infinity without a limit). */
	remaining(): number {
		return this.limit === undefined ? Infinity : Math.max(0, this.limit - this.records.length);
	}
}

/** Pages by PageIndex/PageSize into `collector` until the list ends or the limit is reached. */
export async function collectByPageIndex<T>(
	collector: Collector<T>,
	pageSize: number,
	fetch: (pageIndex: number, pageSize: number) => Promise<Page<T>>,
): Promise<void> {
	// The page size stays the same from page to page (page N starts at (N-1) × size): with a limit below a
	// full page, one call of exactly that size.
	let size = Math.max(1, Math.min(pageSize, collector.remaining()));
	for (let pageIndex = 1; !collector.full(); pageIndex++) {
		const page = await fetch(pageIndex, size);
		const added = collector.add(page.rows);
		if (page.rows.length === 0 || added === 0) return;
		if (page.rows.length < size) {
			const more = page.total !== undefined && page.total > page.rows.length;
			if (pageIndex !== 1 || !more) return;
			size = page.rows.length; // the server's own page size
		}
		if (page.total !== undefined && pageIndex * size >= page.total) return;
	}
}

/** Pages by Offset/RowCount into `collector` until the list ends or the limit is reached. */
export async function collectByOffset<T>(
	collector: Collector<T>,
	pageSize: number,
	fetch: (offset: number, rowCount: number) => Promise<Page<T>>,
): Promise<void> {
	let offset = 0;
	while (!collector.full()) {
		const rowCount = Math.max(1, Math.min(pageSize, collector.remaining()));
		const page = await fetch(offset, rowCount);
		const added = collector.add(page.rows);
		offset += page.rows.length;
		if (page.rows.length === 0 || added === 0) return;
		if (page.total !== undefined ? offset >= page.total : page.rows.length < rowCount) return;
	}
}
