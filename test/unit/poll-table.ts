/**
 * A simulated LeadSquared change table for the polling reader (nodes/LeadSquared/trigger/pollReader.ts):
 * records with a unique id (ProspectAutoId-like), a ModifiedOn second and a version; reads filter
 * FromDate ≤ ModifiedOn ≤ ToDate (or < ToDate), sort by ModifiedOn with ties in a new random order on
 * every call (as LeadSquared does) or by the unique id, and page by PageIndex with a RecordCount. Each
 * read is one consistent snapshot; `beforeRead` changes the table between reads (records changed while
 * a poll runs). Seeded randomness: every run is the same.
 */
import type { ReadPage, ReadRequest, Stamped } from '../../nodes/LeadSquared/trigger/pollReader';
import { seededRandom } from './simulation';

export interface TableRow extends Stamped {
	modified: number;
	created: number;
	version: number;
}

interface Stored {
	autoId: number;
	row: TableRow;
}

export class ChangeTable {
	readonly requests: ReadRequest[] = [];
	/** Called before each read is answered (n: 0-based request number). */
	beforeRead?: (request: ReadRequest, n: number) => void;
	private readonly stored = new Map<string, Stored>();
	private nextAutoId = 1;
	private readonly random: () => number;

	constructor(
		seed = 17,
		private readonly toDate: 'closed' | 'halfOpen' = 'closed',
	) {
		this.random = seededRandom(seed);
	}

	add(id: string, modified: number, created = modified): void {
		this.stored.set(id, { autoId: this.nextAutoId++, row: { id, modified, created, version: 1 } });
	}

	/** The record changed at `modified`: a new version. */
	touch(id: string, modified: number): void {
		const entry = this.stored.get(id);
		if (!entry) throw new Error(`no record ${id}`);
		entry.row = { ...entry.row, modified, version: entry.row.version + 1 };
	}

	remove(id: string): void {
		this.stored.delete(id);
	}

	get(id: string): TableRow | undefined {
		return this.stored.get(id)?.row;
	}

	ids(): string[] {
		return [...this.stored.keys()];
	}

	read = async (request: ReadRequest): Promise<ReadPage<TableRow>> => {
		this.beforeRead?.(request, this.requests.length);
		this.requests.push(request);
		const inRange = [...this.stored.values()].filter(({ row }) => row.modified >= request.from && (this.toDate === 'closed' ? row.modified <= request.to : row.modified < request.to));
		const keyed = inRange.map((entry) => ({ entry, tie: this.random() }));
		keyed.sort((a, b) => (request.order === 'unique' ? a.entry.autoId - b.entry.autoId : a.entry.row.modified - b.entry.row.modified || a.tie - b.tie));
		const start = (request.pageIndex - 1) * request.pageSize;
		const rows = keyed.slice(start, start + request.pageSize).map(({ entry }) => ({ ...entry.row }));
		return await Promise.resolve({ rows, recordCount: inRange.length });
	};
}
