/**
 * Reading values in LeadSquared's answers and webhook payloads, whose types vary from answer to answer:
 * a text that is there, an id that may come as a number, a yes/no written as a boolean, a number or text.
 * Pure: no n8n imports.
 */

/** A text with something in it, trimmed; undefined for anything else. */
export function nonEmptyText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A text with something in it (trimmed), or a number written out; undefined for anything else. */
export function textOrNumber(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

/** true/false, 'true'/'false', 1/0 or '1'/'0'; undefined for anything else. */
export function looseFlag(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	return undefined;
}
