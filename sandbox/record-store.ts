/**
 * A small in-memory store of records keyed by a GUID (activities, tasks, opportunities, notes): ids are
 * compared case-insensitively, creation order is kept, and a write counter breaks ties between records
 * modified in the same second (dates have whole seconds only), so paging never repeats or skips one.
 */

interface Entry<T> {
	record: T;
	/** Creation order. */
	createdSeq: number;
	/** Last write order. */
	modifiedSeq: number;
}

export class RecordStore<T extends object> {
	private entries: Array<Entry<T>> = [];
	private byRecord = new WeakMap<T, Entry<T>>();
	private byId = new Map<string, Entry<T>>();
	private writeSeq = 0;

	constructor(private readonly idOf: (record: T) => string) {}

	clear(): void {
		this.entries = [];
		this.byRecord = new WeakMap();
		this.byId.clear();
		this.writeSeq = 0;
	}

	add(record: T): T {
		const seq = ++this.writeSeq;
		const entry = { record, createdSeq: seq, modifiedSeq: seq };
		this.entries.push(entry);
		this.byRecord.set(record, entry);
		this.byId.set(this.idOf(record).toLowerCase(), entry);
		return record;
	}

	get(id: string): T | undefined {
		return this.byId.get(id.trim().toLowerCase())?.record;
	}

	/** Marks a record as written now (after the caller changed it in place). */
	touch(record: T): void {
		const entry = this.byRecord.get(record);
		if (entry) entry.modifiedSeq = ++this.writeSeq;
	}

	/** The live records in creation order. */
	all(): T[] {
		return this.entries.map((e) => e.record);
	}

	filter(predicate: (record: T) => boolean): T[] {
		return this.all().filter(predicate);
	}

	/** Removes the matching records; returns them. */
	removeWhere(predicate: (record: T) => boolean): T[] {
		const removed = new Set(this.entries.filter((e) => predicate(e.record)));
		if (removed.size > 0) this.entries = this.entries.filter((e) => !removed.has(e));
		for (const e of removed) this.byId.delete(this.idOf(e.record).toLowerCase());
		return [...removed].map((e) => e.record);
	}

	createdSeq(record: T): number {
		return this.byRecord.get(record)?.createdSeq ?? 0;
	}

	modifiedSeq(record: T): number {
		return this.byRecord.get(record)?.modifiedSeq ?? 0;
	}

	snapshot(): T[] {
		return this.all().map((r) => structuredClone(r));
	}
}
