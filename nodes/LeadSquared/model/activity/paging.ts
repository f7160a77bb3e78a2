/**
 * Paging through `ProspectActivity.svc/Retrieve?leadId=` (the activities of a lead) without repeating or
 * skipping an activity, in as few calls as the wanted number allows.
 *
 * What `Paging.Offset` means is not settled: LeadSquared's page calls it "the page number" but its example
 * starts at 0 [INF either way]: rows to skip, a page number from 1, or a page number from 0. Offset 0 is
 * the first page under every reading, so the first call is safe. Only when more is wanted do the next
 * calls tell the readings apart:
 * - the second call asks from one row before where the next page starts under the row reading (Offset =
 *   rows so far − 1, the probe). If it begins with the last activity already seen (the anchor), offsets
 *   count rows, and paging goes on by rows (the call brought a page of new activities);
 * - otherwise Offset 1 with page 1's RowCount: mostly new activities, not starting with page 1's first →
 *   page numbers from 0 (they are page 2; Offset 2, 3, … follow); page 1 shifted by one row → rows after all (an activity posted meanwhile, or
 *   activities of the same second, moved the anchor); page 1 again (give or take an activity posted
 *   meanwhile) → page numbers from 1 (Offset 2, 3, … follow), unless page 2 is mostly activities already
 *   seen: then rows after all.
 * Whatever the reading, the read ends only complete: RecordCount or the end of the list says how many
 * activities there are, and missing ones are read again or fail the item (pager.ts). Page sizes, refused
 * sizes ("PageSize can not be more than 1000") and failing pages: pageReader.ts. Every activity is kept
 * once (by its Id); RecordCount counts as the total only where it exceeds the rows of its own page (so it
 * cannot be a count of that page).
 * Pure: no n8n imports.
 */
import { ListRead } from '../../machinery/pager';
import type { Slice } from '../../machinery/pageReader';

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
	/** RowCount per call. */
	pageSize: number;
	/** The largest RowCount to ask for when reading again to fill gaps (default: pageSize). */
	maxPageSize?: number;
}

export type OffsetMeaning = 'rows' | 'pages' | 'pagesFromZero' | 'unknown';

export interface PagingResult<T> {
	rows: T[];
	calls: number;
	offsetMeaning: OffsetMeaning;
}

class Pager<T> {
	private readonly list: ListRead<T>;

	constructor(private readonly options: PagingOptions<T>) {
		this.list = new ListRead<T>({
			addressing: 'rows',
			fetch: async (at, size) => {
				const answer = await options.fetch({ offset: at, rowCount: size });
				return { rows: answer.rows, total: answer.recordCount };
			},
			idOf: options.idOf,
			caseSensitive: true,
			pageSize: options.pageSize,
			maxPageSize: options.maxPageSize,
			limit: Number.isFinite(options.wanted) ? Math.max(0, options.wanted) : undefined,
			noun: 'activities of the lead',
		});
	}

	/** Whether most of `rows` were seen already. */
	private mostlySeen(rows: readonly T[]): boolean {
		return rows.filter((row) => this.list.has(row)).length * 2 > rows.length;
	}

	/** Goes on by rows from a slice that starts at `position` under the row reading. */
	private async byRows(slice: Slice<T>, position: number): Promise<OffsetMeaning> {
		this.list.reader.addressing = 'rows';
		if (this.list.take({ ...slice, position })) await this.list.readOn();
		return 'rows';
	}

	private async detect(): Promise<OffsetMeaning> {
		const { list, options } = this;
		if (!list.take(await list.reader.read(0, list.want())) || list.enough()) return 'unknown';
		const pageRows = list.position;
		const first = [...list.result().rows];
		const anchor = pageRows >= 2 ? options.idOf(first[pageRows - 1]) : undefined;
		if (anchor !== undefined) {
			const probe = await list.reader.read(pageRows - 1, list.want() + 1);
			if (probe.rows.length > 0 && options.idOf(probe.rows[0]) === anchor) return await this.byRows(probe, pageRows - 1);
		}
		const one = await list.reader.read(1, pageRows);
		if (one.rows.length === 0) return await this.byRows(await list.reader.read(pageRows, list.want()), pageRows);
		const seen = one.rows.filter((row) => list.has(row)).length;
		const firstAgain = options.idOf(one.rows[0]) === options.idOf(first[0]);
		if (seen === 0 || (seen * 2 <= one.rows.length && !firstAgain)) {
			// Page 2 under page numbers from 0.
			list.reader.addressing = 'pagesFromZero';
			list.reader.size = pageRows;
			if (list.take({ ...one, position: pageRows })) await list.readOn();
			return 'pagesFromZero';
		}
		// Page 1 shifted by one row: rows.
		if (pageRows >= 2 && options.idOf(one.rows[0]) === options.idOf(first[1])) return await this.byRows(one, 1);
		// Page 1 again (an activity posted meanwhile may have moved it): page numbers from 1, or rows after all.
		list.reader.addressing = 'pages';
		list.reader.size = pageRows;
		const second = await list.reader.read(pageRows);
		// Offset 2 gave rows 3… of page 1: offsets count rows after all.
		if (this.mostlySeen(second.rows)) return await this.byRows(second, 2);
		if (list.take(second)) await list.readOn();
		return 'pages';
	}

	async run(): Promise<PagingResult<T>> {
		if (this.options.wanted <= 0) return { rows: [], calls: 0, offsetMeaning: 'unknown' };
		const offsetMeaning = await this.detect();
		await this.list.fill();
		const { rows, calls } = this.list.result();
		return { rows, calls, offsetMeaning };
	}
}

/** The rows wanted, each once, in LeadSquared's order. */
export async function collectPages<T>(options: PagingOptions<T>): Promise<PagingResult<T>> {
	return await new Pager(options).run();
}
