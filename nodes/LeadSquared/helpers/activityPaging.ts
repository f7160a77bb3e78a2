/**
 * Paging through `ProspectActivity.svc/Retrieve?leadId=` (the activities of a lead) without repeating or
 * skipping an activity, in as few calls as the wanted number allows.
 *
 * What `Paging.Offset` means is not settled: LeadSquared's page calls it "the page number" but its example
 * starts at 0 [INF either way]. Offset 0 is the first page under both readings, so the first call is safe.
 * Only when more is wanted does the second call tell the two apart: it asks from one row before where the
 * next page starts under the row reading (Offset = rows so far − 1). If it begins with the last activity
 * already seen (the anchor), offsets count rows, and paging goes on by rows. Otherwise offsets count pages:
 * the pages that follow are asked for with Offset 2, 3, … and page 1's RowCount. If that page 2 is mostly
 * activities already seen, the row reading holds after all (an activity posted between two calls shifts
 * the rows, so the anchor can move); paging then goes on by rows. When the two cannot be told apart the
 * page reading is kept: read wrongly, it costs calls (Offset 2, 3, … as rows still reach every activity),
 * where the row reading read wrongly would skip activities.
 *
 * Every activity is kept once (by its Id); a page that brings nothing new ends the paging (LeadSquared
 * ignoring the offset cannot loop forever). `RecordCount` counts as the total only where it exceeds the
 * rows of its own page (so it cannot be a count of that page): then it saves the call that would find an
 * empty page, and a page shorter than asked while the total says there are more shows a server-side cap on
 * the page size. An error naming a page-size limit ("PageSize can not be more than 1000") lowers the size
 * and repeats the call.
 * Pure: no n8n imports.
 */
import { Collector } from './pager';
import { settle } from './scheduler';

export interface PageRequest {
	offset: number;
	rowCount: number;
}

export interface PageAnswer<T> {
	rows: T[];
	recordCount?: number;
}

export interface PagingOptions<T> {
	fetch(request: PageRequest): Promise<PageAnswer<T>>;
	idOf(row: T): string | undefined;
	/** How many activities are wanted; Infinity for all. */
	wanted: number;
	/** The largest RowCount to ask for. */
	pageSize: number;
	/** The page-size limit an error names, if it is such an error. */
	pageSizeLimit?(error: unknown): number | undefined;
}

export type OffsetMeaning = 'rows' | 'pages' | 'unknown';

export interface PagingResult<T> {
	rows: T[];
	calls: number;
	offsetMeaning: OffsetMeaning;
}

/** "PageSize can not be more than 1000" (and similar wordings) → 1000. */
export function pageSizeLimitIn(message: string | undefined): number | undefined {
	const match = /(?:page ?size|row ?count)[^0-9]{0,40}?(?:more|greater|larger|exceed)[^0-9]{0,20}(\d+)/i.exec(message ?? '');
	const limit = match ? Number(match[1]) : NaN;
	return Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

class Pager<T> {
	/** The activities kept, each once (ids compared as LeadSquared gives them), up to the wanted number. */
	private readonly collector: Collector<T>;
	private calls = 0;
	private pageSize: number;
	/** LeadSquared's total, once an answer proved RecordCount is one. */
	private total: number | undefined;

	constructor(private readonly options: PagingOptions<T>) {
		this.pageSize = Math.max(1, Math.floor(options.pageSize));
		this.collector = new Collector(Math.max(0, options.wanted), options.idOf, true);
	}

	private get need(): number {
		return this.collector.remaining();
	}

	/** One call; a named page-size limit lowers the page size and the call is made again. */
	private async fetch(offset: number, rowCount: number): Promise<{ rows: T[]; requested: number }> {
		let requested = rowCount;
		for (;;) {
			this.calls++;
			const attempt = await settle(async () => await this.options.fetch({ offset, rowCount: requested }));
			if (attempt.ok) {
				const rows = Array.isArray(attempt.value.rows) ? attempt.value.rows : [];
				const count = attempt.value.recordCount;
				if (typeof count === 'number' && Number.isFinite(count) && count > rows.length) this.total = count;
				return { rows, requested };
			}
			const limit = this.options.pageSizeLimit?.(attempt.error);
			if (limit === undefined || limit >= requested) throw attempt.error;
			this.pageSize = Math.min(this.pageSize, limit);
			requested = limit;
		}
	}

	/** Keeps the rows not seen yet, up to the wanted number; returns how many were new. */
	private add(rows: readonly T[]): number {
		return this.collector.add(rows);
	}

	/** Whether most of `rows` were seen already. */
	private mostlySeen(rows: readonly T[]): boolean {
		return rows.filter((row) => this.collector.has(row)).length * 2 > rows.length;
	}

	/** Whether another page may hold more, after a page of `length` rows (asked `requested`) and `consumed` in all. */
	private more(length: number, requested: number, consumed: number): boolean {
		if (this.need <= 0 || length === 0) return false;
		if (this.total !== undefined && consumed >= this.total) return false;
		if (length < requested) {
			// A short page is the last one, unless the total says there are more: then it is a size cap.
			if (this.total === undefined) return false;
			this.pageSize = Math.min(this.pageSize, length);
		}
		return true;
	}

	private result(offsetMeaning: OffsetMeaning): PagingResult<T> {
		return { rows: this.collector.records, calls: this.calls, offsetMeaning };
	}

	async run(): Promise<PagingResult<T>> {
		if (this.need <= 0) return this.result('unknown');
		const first = await this.fetch(0, Math.min(this.need, this.pageSize));
		this.add(first.rows);
		if (!this.more(first.rows.length, first.requested, first.rows.length)) return this.result('unknown');
		// Page 1's size: the RowCount every page has under the page reading.
		const pageRows = first.rows.length;
		const anchor = this.options.idOf(first.rows[first.rows.length - 1]);
		let position = first.rows.length;

		if (anchor !== undefined && pageRows >= 2) {
			const probe = await this.fetch(position - 1, Math.min(this.need + 1, this.pageSize));
			if (probe.rows.length === 0 || this.options.idOf(probe.rows[0]) !== anchor) {
				return await this.byPages(pageRows);
			}
			this.add(probe.rows);
			position += probe.rows.length - 1;
			if (!this.more(probe.rows.length, probe.requested, position)) return this.result('rows');
		}
		return await this.byRows(position);
	}

	private async byRows(start: number): Promise<PagingResult<T>> {
		let position = start;
		for (;;) {
			const page = await this.fetch(position, Math.min(this.need, this.pageSize));
			position += page.rows.length;
			const added = this.add(page.rows);
			if (added === 0 || !this.more(page.rows.length, page.requested, position)) return this.result('rows');
		}
	}

	private async byPages(pageRows: number): Promise<PagingResult<T>> {
		let page = 2;
		const second = await this.fetch(page, pageRows);
		if (this.mostlySeen(second.rows)) {
			// Offset 2 gave rows 3… of page 1: offsets count rows after all (an activity posted meanwhile moved the anchor).
			// Under the page reading such a shift repeats only as many rows as were posted, so it stays a page.
			const added = this.add(second.rows);
			const position = 2 + second.rows.length;
			if (added === 0 || !this.more(second.rows.length, second.requested, position)) return this.result('rows');
			return await this.byRows(position);
		}
		let answer = second;
		for (;;) {
			const added = this.add(answer.rows);
			if (added === 0 || !this.more(answer.rows.length, answer.requested, page * pageRows)) return this.result('pages');
			page++;
			answer = await this.fetch(page, pageRows);
		}
	}
}

/** The rows wanted, each once, in LeadSquared's order. */
export async function collectPages<T>(options: PagingOptions<T>): Promise<PagingResult<T>> {
	return await new Pager(options).run();
}
