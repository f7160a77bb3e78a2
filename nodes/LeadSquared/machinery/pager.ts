/**
 * Reading every record of a LeadSquared list, or the first N, page by page: never a record twice, never
 * one skipped, and never a partial list passed off as complete.
 *
 * Records are told apart by id and placed by their position in the list. LeadSquared orders records that
 * tie on its sort column differently on every call (contract §12.4), so pages can overlap (a record on
 * two pages) and leave gaps (a record on none); a record posted while paging shifts the pages the same
 * way. A page repeating a record proves a gap, and RecordCount (or the end of the list) says how many
 * records there are. When records are missing, the node reads the list again (in as few calls as the
 * page size allows) and fills the gaps; when they stay missing it fails, saying how many, rather than
 * return part of the list as if it were all. The output is in list order (by position).
 *
 * The end of the list: a page shorter than asked (unless RecordCount says there are more: then the server
 * pages by a smaller size of its own, and the node follows it), an empty page, or RecordCount reached.
 * Full pages that bring nothing new, MAX_STALE_PAGES in a row, mean the server ignores the paging: the
 * read fails instead of going on forever. Calls, page sizes and failures: pageReader.ts.
 * Pure: no n8n imports.
 */
import { LeadSquaredError } from './errors';
import { PageReader } from './pageReader';
import type { Addressing, FetchPage, Slice } from './pageReader';

export type { Addressing, FetchPage, Page } from './pageReader';

/** Full pages in a row that bring no new record before the node concludes the server ignores the paging. */
export const MAX_STALE_PAGES = 3;
/** Readings of the list again to fill gaps, before the read fails. */
export const MAX_FILL_PASSES = 2;

export interface ListSpec<T> {
	addressing: Addressing;
	fetch: FetchPage<T>;
	idOf(row: T): string | undefined;
	/** Ids compared with letter case (default: without). */
	caseSensitive?: boolean;
	/** Rows per call. */
	pageSize: number;
	/** The largest page to ask for when reading the list again (default: pageSize). */
	maxPageSize?: number;
	/** Records wanted (of those `accept` passes); undefined = all. */
	limit?: number;
	/** Records the node keeps (its own conditions); all when absent. */
	accept?(row: T): boolean;
	/** What the records are, for messages: "notes", "activities of the lead". */
	noun: string;
}

export interface ListResult<T> {
	rows: T[];
	calls: number;
	/** The page size in the end. */
	pageSize: number;
	/** Records LeadSquared returned more than once. */
	repeats: number;
}

interface Entry<T> {
	row: T;
	position: number;
	order: number;
}

/** The records read so far, by id, each at the first position it was seen. */
export class ListRead<T> {
	readonly reader: PageReader<T>;
	private readonly entries = new Map<string, Entry<T>>();
	private readonly anonymous: Array<Entry<T>> = [];
	private accepted = 0;
	repeats = 0;
	/** LeadSquared's total, once an answer gave it. */
	total: number | undefined;
	/** The position the main read has reached. */
	position = 0;
	private stale = 0;
	/** Where pages of the main read began with records already read: the page edges records moved across. */
	private readonly edges: number[] = [];

	constructor(private readonly spec: ListSpec<T>) {
		const first = spec.addressing !== 'rows' && spec.accept === undefined && spec.limit !== undefined ? Math.min(spec.pageSize, spec.limit) : spec.pageSize;
		this.reader = new PageReader(spec.addressing, spec.fetch, Math.max(1, first));
	}

	private keyOf(row: T): string | undefined {
		const id = this.spec.idOf(row);
		return id === undefined || this.spec.caseSensitive ? id : id.toLowerCase();
	}

	has(row: T): boolean {
		const key = this.keyOf(row);
		return key !== undefined && this.entries.has(key);
	}

	get distinct(): number {
		return this.entries.size + this.anonymous.length;
	}

	/** Whether the limit is reached. */
	enough(): boolean {
		return this.spec.limit !== undefined && this.accepted >= this.spec.limit;
	}

	/** Rows still wanted when paging by rows (unknowable when the node's own conditions decide). */
	want(): number {
		return this.spec.limit === undefined || this.spec.accept ? Infinity : this.spec.limit - this.accepted;
	}

	/** Keeps the rows at their positions; returns how many were new. `counted`: a repeat counts as a gap. */
	add(slice: Pick<Slice<T>, 'rows' | 'position'>, counted = true): number {
		let fresh = 0;
		slice.rows.forEach((row, index) => {
			const position = slice.position + index;
			const key = this.keyOf(row);
			const known = key === undefined ? undefined : this.entries.get(key);
			if (known) {
				if (counted) this.repeats++;
				known.position = Math.min(known.position, position);
				return;
			}
			const entry = { row, position, order: this.distinct };
			if (key === undefined) this.anonymous.push(entry);
			else this.entries.set(key, entry);
			if (!this.spec.accept || this.spec.accept(row)) this.accepted++;
			fresh++;
		});
		return fresh;
	}

	/** Whether the list goes on after `slice` (a short page with a total saying more: the server's page size). */
	private goesOn(slice: Slice<T>, end: number): boolean {
		if (slice.total !== undefined) this.total = slice.total;
		if (slice.received === 0) return false;
		if (slice.received < slice.size) {
			if (this.total === undefined || end >= this.total) return false;
			this.reader.size = slice.received;
		}
		return this.total === undefined || end < this.total;
	}

	/** Keeps a slice of the main read and moves past it; false when the list ended there. */
	take(slice: Slice<T>): boolean {
		const repeats = this.repeats;
		const fresh = this.add(slice);
		if (this.repeats > repeats) this.edges.push(slice.position);
		this.position = slice.position + slice.rows.length;
		if (!this.goesOn(slice, this.position)) return false;
		this.stale = fresh === 0 ? this.stale + 1 : 0;
		if (this.stale >= MAX_STALE_PAGES) throw this.staleError();
		return true;
	}

	/** Pages on from the current position until the limit or the end of the list. */
	async readOn(): Promise<void> {
		while (!this.enough() && this.take(await this.reader.read(this.position, this.want())));
	}

	/** Records at positions before `end`. */
	private before(end: number): number {
		let count = 0;
		for (const entry of [...this.entries.values(), ...this.anonymous]) if (entry.position < end) count++;
		return count;
	}

	/**
	 * The positions that must all hold a record read, and how many of them do not: the list's first `limit`
	 * positions (all those read when the node's own conditions decide), or the whole list.
	 */
	private gap(): { end: number; missing: number } {
		if (this.enough()) {
			const end = this.spec.accept || this.spec.limit === undefined ? this.position : Math.min(this.position, this.spec.limit);
			return { end, missing: Math.max(0, end - this.before(end)) };
		}
		const end = this.total ?? this.position;
		return { end, missing: Math.max(0, end - this.distinct) };
	}

	/**
	 * Reads the list again where records are missing; fails when some stay missing. A list that fits one page
	 * is read again in one call. A longer one is first read again around each page edge where records
	 * repeated (a page of the largest size with the edge well inside it, so records tied across the edge come
	 * in one answer), then whole, MAX_FILL_PASSES times at most.
	 */
	async fill(): Promise<void> {
		if (this.repeats === 0 && this.gap().missing === 0) return;
		const largest = Math.max(this.reader.size, this.spec.maxPageSize ?? this.spec.pageSize);
		if (this.gap().end > largest) {
			for (const edge of this.edges) {
				if (edge >= this.gap().end || this.gap().missing === 0) break;
				const page = this.pageAround(edge, largest);
				this.reader.size = page.size;
				this.keep(await this.reader.read(page.position));
			}
		}
		for (let pass = 0; pass < MAX_FILL_PASSES && this.gap().missing > 0; pass++) {
			const { end } = this.gap();
			this.reader.size = Math.min(end, largest);
			for (let position = 0; position < end && this.gap().missing > 0; ) {
				const slice = await this.reader.read(position);
				this.keep(slice);
				position += slice.rows.length;
				if (!this.goesOn(slice, position)) break;
			}
		}
		const { end, missing } = this.gap();
		if (missing > 0) throw this.incompleteError(end, missing);
	}

	/** Keeps the new rows of a slice read again. */
	private keep(slice: Slice<T>): void {
		if (slice.total !== undefined) this.total = slice.total;
		this.add(slice, false);
	}

	/** A page of at most `largest` rows holding `edge` with a quarter of the page or more on both sides. */
	private pageAround(edge: number, largest: number): { position: number; size: number } {
		if (this.reader.addressing === 'rows') return { position: Math.max(0, edge - Math.floor(largest / 2)), size: largest };
		for (let size = largest; size >= Math.ceil(largest / 2); size--) {
			const into = edge % size;
			if (into >= size / 4 && into <= (size * 3) / 4) return { position: edge - into, size };
		}
		return { position: edge - (edge % largest), size: largest };
	}

	/** The records in list order, the node's conditions applied, up to the limit. */
	result(): ListResult<T> {
		const ordered = [...this.entries.values(), ...this.anonymous].sort((a, b) => a.position - b.position || a.order - b.order);
		const kept = ordered.map((entry) => entry.row).filter((row) => !this.spec.accept || this.spec.accept(row));
		return {
			rows: this.spec.limit === undefined ? kept : kept.slice(0, this.spec.limit),
			calls: this.reader.calls,
			pageSize: this.reader.size,
			repeats: this.repeats,
		};
	}

	private staleError(): LeadSquaredError {
		return new LeadSquaredError({
			kind: 'unexpected',
			httpCode: 200,
			message: `LeadSquared returned only ${this.spec.noun} already read on ${this.stale} full pages in a row (up to row ${this.position}); the node stopped instead of reading pages forever`,
			description: 'LeadSquared seems to ignore the page asked for. Set a Limit, or narrow the read.',
		});
	}

	private incompleteError(end: number, missing: number): LeadSquaredError {
		const of = this.enough() ? `the first ${end}` : `${end}`;
		return new LeadSquaredError({
			kind: 'unexpected',
			httpCode: 200,
			message: `LeadSquared listed ${of} ${this.spec.noun}, but ${missing} of them never came back on any page (${this.reader.calls} calls): the node returns no partial list`,
			description:
				'LeadSquared returned some records on two pages and others on none (records with the same sort value, or records changed while the node read). ' +
				'Run the item again, or set a Limit small enough for one page.',
		});
	}
}

/** Reads a list (the first `limit` records, or all) in list order, each record once; see the file comment. */
export async function readList<T>(spec: ListSpec<T>): Promise<ListResult<T>> {
	const list = new ListRead(spec);
	if (spec.limit !== undefined && spec.limit <= 0) return list.result();
	await list.readOn();
	await list.fill();
	return list.result();
}

/**
 * The records of several reads (e.g. consecutive date windows), without repeats, up to a limit (undefined:
 * all). Records are told apart by `idOf` (one without an id is always kept), ignoring letter case.
 */
export class Collector<T> {
	readonly records: T[] = [];
	private readonly seen = new Set<string>();

	constructor(
		readonly limit: number | undefined,
		readonly idOf: (record: T) => string | undefined,
	) {}

	private keyOf(row: T): string | undefined {
		return this.idOf(row)?.toLowerCase();
	}

	has(row: T): boolean {
		const key = this.keyOf(row);
		return key !== undefined && this.seen.has(key);
	}

	/** Adds records not kept yet, up to the limit. */
	add(rows: readonly T[]): void {
		for (const row of rows) {
			if (this.full()) return;
			const key = this.keyOf(row);
			if (key !== undefined) {
				if (this.seen.has(key)) continue;
				this.seen.add(key);
			}
			this.records.push(row);
		}
	}

	full(): boolean {
		return this.limit !== undefined && this.records.length >= this.limit;
	}

	/** Records still wanted (undefined without a limit). */
	remaining(): number | undefined {
		return this.limit === undefined ? undefined : Math.max(0, this.limit - this.records.length);
	}

	/** Reads one list into the collector: only records not kept yet count towards the limit. */
	async read(spec: Omit<ListSpec<T>, 'idOf' | 'limit' | 'accept'>): Promise<void> {
		if (this.full()) return;
		const fresh = this.records.length > 0 ? { accept: (row: T) => !this.has(row) } : {};
		const { rows } = await readList({ ...spec, idOf: this.idOf, limit: this.remaining(), ...fresh });
		this.add(rows);
	}
}
