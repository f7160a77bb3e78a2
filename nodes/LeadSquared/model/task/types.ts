/**
 * The account's task types as `Task.svc/RetrieveTaskType` lists them, read tolerantly: the documented
 * sample's `Id`, `Name`, `Category` (0 appointment, 1 to-do) and `DefaultDuration` [DOC get-list-of-task-types];
 * `TaskTypeId` / `TaskTypeName` / `TaskName` and a category given as text are read too [CODE 56037757482 reads
 * `TaskTypeId`, `TaskName` and a category "0"/"1"]. The compact form Task Type → Get Many
 * outputs is in model/discovery/types.ts.
 * Pure: no n8n imports.
 */

export interface TaskType {
	id: string;
	name: string;
	/** 0 appointment, 1 to-do [DOC]; undefined when the answer does not say. */
	category?: number;
	/** Minutes an appointment lasts when no end is given; undefined when the answer gives none (to-dos: 0). */
	defaultDuration?: number;
}

type Row = Record<string, unknown>;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The first of `keys` holding a text (or a number); '' when none does. */
function first(row: Row, ...keys: string[]): string {
	for (const key of keys) {
		const value = text(row[key]);
		if (value !== '') return value;
	}
	return '';
}

/** The task types among the answer's rows; rows without a name are skipped (a type is given by its name). */
export function readTaskTypes(rows: readonly Row[]): TaskType[] {
	return rows.flatMap((row) => {
		const name = first(row, 'Name', 'TaskTypeName', 'TaskName');
		if (name === '') return [];
		const id = first(row, 'Id', 'ID', 'TaskTypeId');
		const category = Number(text(row.Category) || NaN);
		const duration = Number(text(row.DefaultDuration) || NaN);
		return [
			{
				id: id || name,
				name,
				category: category === 0 || category === 1 ? category : undefined,
				defaultDuration: Number.isFinite(duration) && duration > 0 ? duration : undefined,
			},
		];
	});
}
