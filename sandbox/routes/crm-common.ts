/**
 * Helpers shared by the activity, task, opportunity, note and user endpoints: JSON body access with
 * any key casing [INF], scalar conversion, dates, paging, and change events.
 */
import type { SandboxEventType } from '../events';
import { jsonAnswer, type Answer } from '../http';
import { formatDateTime, normalizeDate } from '../values';
import { badRequest, requireJsonBody, type RouteContext } from './common';

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object (400 otherwise). With `optional`, an absent body is `{}`. */
export function bodyObject(ctx: RouteContext, optional = false): Obj | Answer {
	if (optional && ctx.rawBody.trim() === '') return {};
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (!isObject(ctx.body)) return badRequest('Request body must be a JSON object'); // [INF]
	return ctx.body;
}

export function isAnswer(value: unknown): value is Answer {
	return isObject(value) && typeof value.status === 'number' && typeof value.body === 'string';
}

/** Property lookup with any casing of the key ('ActivityEvent', 'activityevent', …). [INF] */
export function prop(obj: Obj | undefined, name: string): unknown {
	if (!obj) return undefined;
	if (name in obj) return obj[name];
	const lower = name.toLowerCase();
	const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : obj[key];
}

export function child(obj: Obj | undefined, name: string): Obj | undefined {
	const value = prop(obj, name);
	return isObject(value) ? value : undefined;
}

/** Strings as sent, numbers and booleans stringified, null/absent → ''; objects → undefined. */
export function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

export function str(obj: Obj | undefined, name: string): string {
	return text(prop(obj, name)) ?? '';
}

/** true, 'true' (any case), 1 and '1'. */
export function flag(obj: Obj | undefined, name: string): boolean {
	const value = prop(obj, name);
	return value === true || value === 1 || (typeof value === 'string' && ['true', '1'].includes(value.trim().toLowerCase()));
}

/** An integer as a number or numeric string; `fallback` when absent or not an integer. */
export function int(obj: Obj | undefined, name: string, fallback: number): number {
	const raw = text(prop(obj, name))?.trim() ?? '';
	return /^-?\d+$/.test(raw) ? Number(raw) : fallback;
}

/** A UTC timestamp 'yyyy-MM-dd HH:mm:ss' (optional .fff); `dateOnly` also accepts 'yyyy-MM-dd'. Normalised, or undefined. */
export function stamp(value: string, dateOnly = false): string | undefined {
	const trimmed = value.trim();
	if (!dateOnly && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(trimmed)) return undefined;
	return normalizeDate(trimmed);
}

/** The optional `FromDate`/`ToDate` of `obj` (normalised; 'yyyy-MM-dd' = midnight), or the name of the one that is not a date. */
export function dateWindow(obj: Obj | undefined): { from?: string; to?: string } | { bad: 'FromDate' | 'ToDate' } {
	const window: { from?: string; to?: string } = {};
	for (const name of ['FromDate', 'ToDate'] as const) {
		const raw = str(obj, name);
		if (raw.trim() === '') continue;
		const parsed = stamp(raw, true);
		if (!parsed) return { bad: name };
		window[name === 'FromDate' ? 'from' : 'to'] = parsed;
	}
	return window;
}

/** `Fields: [{SchemaName, Value}]` → pairs, or a message describing the structural problem. */
export function fieldPairs(raw: unknown): Array<{ name: string; value: string }> | string {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) return "'Fields' must be an array of SchemaName/Value pairs"; // [INF]
	const pairs: Array<{ name: string; value: string }> = [];
	for (const [index, element] of raw.entries()) {
		const name = isObject(element) ? text(prop(element, 'SchemaName')) : undefined;
		const value = isObject(element) ? text(prop(element, 'Value')) : undefined;
		if (!name || value === undefined) return `Fields element ${index} has no 'SchemaName' or a 'Value' that is not a string`; // [INF]
		pairs.push({ name: name.trim(), value });
	}
	return pairs;
}

/**
 * A tie-breaker for records that share the sort value: their store order (`seq`), or, with `unstable`
 * (the `unstableTieOrder` option: LeadSquared orders ties differently on every call [INF]), a new
 * random order on every call. Returns a key per record; compare keys ascending.
 */
export function tieKeys<T>(records: T[], seq: (record: T) => number, unstable: boolean): Map<T, number> {
	return new Map(records.map((r) => [r, unstable ? Math.random() : seq(r)]));
}

/** One page of `items`: skip `offset`, take `count`. */
export function slice<T>(items: T[], offset: number, count: number): T[] {
	return items.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, count));
}

/** A read date as 'yyyy-MM-dd HH:mm:ss.000' (the format of the documented task samples); '' stays ''. */
export function withMillis(value: string): string {
	return value === '' ? '' : `${value}.000`;
}

export function nowStamp(ctx: RouteContext): string {
	return formatDateTime(ctx.now);
}

/** Emits a change; `data` is copied. */
export function emit(ctx: RouteContext, type: SandboxEventType, leadId: string, data: object, change?: { changed: string[]; before: Obj }): void {
	ctx.state.events.emit({
		type,
		at: ctx.now,
		leadId: leadId || undefined,
		data: structuredClone(data) as Obj,
		...(change ?? {}),
	});
}

/** The keys whose value differs, and their previous values (absent = null). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): { changed: string[]; before: Obj } {
	const changed: string[] = [];
	const previous: Obj = {};
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		const a = before[key] ?? '';
		const b = after[key] ?? '';
		if (JSON.stringify(a) === JSON.stringify(b)) continue;
		changed.push(key);
		previous[key] = before[key] ?? null;
	}
	return { changed, before: previous };
}

/** The 200 answer `{"Status":"Success","Message":{"Id":…}}`. */
export function successId(id: string, extra: Obj = {}): Answer {
	return jsonAnswer(200, { Status: 'Success', Message: { Id: id, ...extra } });
}
