/**
 * Keeping the keys out of everything the node shows: answers are scrubbed as text before they are read
 * and again, string by string, after they are parsed (a JSON escape such as `\u0024` hides a key from the
 * first pass), and failures get one more pass. Pure: no n8n imports.
 */
import type { Failure } from './errors';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A secret as it may appear in an answer: raw, with JSON-escaped slashes, percent-encoded once or twice. */
function secretPattern(secret: string): string {
	const once = encodeURIComponent(secret);
	return [...new Set([secret, secret.replace(/\//g, '\\/'), once, encodeURIComponent(once)])].map(escapeRegExp).join('|');
}

/**
 * A function removing every occurrence of the given secrets from a text, in any letter case (a proxy
 * may lower-case an echoed URL, percent-escapes included).
 */
export function redactor(secrets: readonly string[]): (value: string) => string {
	const patterns = secrets.filter((secret) => secret.length >= 4).map((secret) => new RegExp(secretPattern(secret), 'gi'));
	return (value) => patterns.reduce((result, pattern) => result.replace(pattern, '[redacted]'), value);
}

export function redact(value: string, secrets: readonly string[]): string {
	return redactor(secrets)(value);
}

/** A parsed answer with every string (keys included) scrubbed; other values as they are. */
export function redactDeep(value: unknown, scrub: (value: string) => string): unknown {
	if (typeof value === 'string') return scrub(value);
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, scrub));
	if (value && typeof value === 'object') {
		const clean: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) clean[scrub(key)] = redactDeep(entry, scrub);
		return clean;
	}
	return value;
}

export function redactFailure(failure: Failure, secrets: readonly string[] | ((value: string) => string)): Failure {
	const scrub = typeof secrets === 'function' ? secrets : redactor(secrets);
	const clean = (value: string | undefined) => (value === undefined ? undefined : scrub(value));
	return {
		...failure,
		message: scrub(failure.message),
		description: clean(failure.description),
		exceptionMessage: clean(failure.exceptionMessage),
		exceptionType: clean(failure.exceptionType),
	};
}
