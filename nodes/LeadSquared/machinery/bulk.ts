/**
 * Batch mode: `Lead/Bulk/CreateOrUpdate` takes up to 25 leads per call and answers one entry per row
 * (1-based RowNumber) with the lead id or that row's own error. Mapping those entries back to the items
 * they came from is what makes a failed row fail its own item and nothing else. Pure: no n8n imports.
 */
import { businessFailure } from './errors';
import type { Failure } from './errors';
import { looseFlag, nonEmptyText } from './loose';

export const MAX_BULK_ROWS = 25;

export type RowResult =
	| { ok: true; leadId: string; created?: boolean; updated?: boolean; affectedRows?: number }
	| { ok: false; failure: Failure };

export function chunk<T>(values: readonly T[], size: number): T[][] {
	const step = Math.max(1, Math.min(MAX_BULK_ROWS, Math.floor(size)));
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += step) chunks.push(values.slice(start, start + step));
	return chunks;
}

/**
 * Splits entries into batches of at most `size` (and never more than `max`, the bulk API's own limit), in
 * input order, never putting two entries that share a key (the same lead) into one batch: the later one
 * goes into a later batch than every earlier entry with that key, so same-lead writes still happen one
 * after the other, in input order.
 */
export function batchesByKeys<T>(entries: readonly T[], size: number, keysOf: (entry: T) => readonly string[], max = MAX_BULK_ROWS): T[][] {
	const step = Math.max(1, Math.min(max, Math.floor(size)));
	const batches: Array<{ entries: T[]; keys: Set<string> }> = [];
	/** The last batch holding each key. */
	const lastBatch = new Map<string, number>();
	let firstOpen = 0;
	for (const entry of entries) {
		const keys = keysOf(entry);
		let position = firstOpen;
		for (const key of keys) position = Math.max(position, (lastBatch.get(key) ?? -1) + 1);
		while (position < batches.length && batches[position].entries.length >= step) position++;
		if (position === batches.length) batches.push({ entries: [], keys: new Set() });
		const batch = batches[position];
		batch.entries.push(entry);
		for (const key of keys) {
			batch.keys.add(key);
			lastBatch.set(key, position);
		}
		while (firstOpen < batches.length && batches[firstOpen].entries.length >= step) firstOpen++;
	}
	return batches.map((batch) => batch.entries);
}

/** One result per row sent, in order; rows the answer does not mention fail with a clear message. */
export function mapBulkResults(rowCount: number, answer: unknown): RowResult[] | undefined {
	if (!Array.isArray(answer)) return undefined;
	const byRow = new Map<number, Record<string, unknown>>();
	answer.forEach((entry: unknown, position) => {
		if (!entry || typeof entry !== 'object') return;
		const record = entry as Record<string, unknown>;
		const row = Number(record.RowNumber ?? position + 1);
		if (Number.isInteger(row) && !byRow.has(row)) byRow.set(row, record);
	});
	const results: RowResult[] = [];
	for (let row = 1; row <= rowCount; row++) {
		const record = byRow.get(row);
		if (!record) {
			results.push({
				ok: false,
				failure: {
					kind: 'unexpected',
					httpCode: 200,
					message: `LeadSquared's bulk answer has no result for row ${row}`,
					description: 'The lead may or may not have been written; running the item again is safe.',
					unknownOutcome: true,
				},
			});
			continue;
		}
		const exceptionType = nonEmptyText(record.ExceptionType);
		const errorMessage = nonEmptyText(record.ErrorMessage) ?? nonEmptyText(record.ExceptionMessage);
		const leadId = nonEmptyText(record.LeadId) ?? nonEmptyText(record.Id);
		if (exceptionType !== undefined || errorMessage !== undefined || leadId === undefined) {
			results.push({
				ok: false,
				failure:
					exceptionType !== undefined || errorMessage !== undefined
						? businessFailure(exceptionType, errorMessage)
						: {
								kind: 'unexpected',
								httpCode: 200,
								message: `LeadSquared's bulk answer for row ${row} has neither a lead id nor an error`,
								unknownOutcome: true,
							},
			});
			continue;
		}
		const affectedRows = Number(record.AffectedRows);
		results.push({
			ok: true,
			leadId,
			created: looseFlag(record.LeadCreated),
			updated: looseFlag(record.LeadUpdated),
			affectedRows: Number.isFinite(affectedRows) ? affectedRows : undefined,
		});
	}
	return results;
}
