/**
 * Reading LeadSquared's answers: what succeeded, what failed and why, and what may be retried.
 * LeadSquared reports business errors in an envelope `{Status:"Error", ExceptionType, ExceptionMessage}`
 * with HTTP 500 or sometimes HTTP 200, and rate limits as 429, 403 or 200, so the status code alone
 * never decides. Only the top level of an answer can say "rate limit": text inside lead data or inside
 * a bulk answer's row errors never does. Pure: no n8n imports.
 */
import { businessFailure, describeException, RATE_LIMIT_EXCEPTION, sentences } from './errors';
import type { Failure } from './errors';
import { nonEmptyText } from './loose';

const RATE_LIMIT_TEXT = /exceeded the limit of\s+(\d+)\s+in\s+(\d+(?:\.\d+)?)\s+second/i;
/** Each rate-limit wait lasts at least this long, whatever window LeadSquared reports. */
export const MIN_RATE_LIMIT_WAIT_MS = 1000;

export interface Envelope {
	Status?: unknown;
	ExceptionType?: unknown;
	ExceptionMessage?: unknown;
	Message?: unknown;
}

export type Parsed = { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'html' } | { kind: 'invalid' } | { kind: 'text' };

export function parseBody(text: string): Parsed {
	const trimmed = text.trim();
	if (trimmed === '') return { kind: 'empty' };
	try {
		return { kind: 'json', value: JSON.parse(trimmed) as unknown };
	} catch {
		if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) return { kind: 'html' };
		// Starts like JSON but does not parse: cut off or malformed. Anything else is plain text.
		return /^[[{"]/.test(trimmed) ? { kind: 'invalid' } : { kind: 'text' };
	}
}

function envelopeOf(parsed: Parsed): Envelope | undefined {
	if (parsed.kind !== 'json' || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
		return undefined;
	}
	return parsed.value as Envelope;
}

/** Retry-After as seconds or as an HTTP date, in ms from `now` (never negative). */
export function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const raw = headers['retry-after'];
	if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw * 1000 : undefined;
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	const value = raw.trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
	const at = Date.parse(value);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** The limit a rate-limit message reports; limits below 1 call and windows below 1 s are not believed. */
export function reportedLimit(message: string | undefined): { calls: number; windowMs: number } | undefined {
	const match = message === undefined ? null : RATE_LIMIT_TEXT.exec(message);
	if (!match) return undefined;
	const calls = Math.floor(Number(match[1]));
	const windowMs = Math.round(Number(match[2]) * 1000);
	if (!(calls >= 1) || !Number.isFinite(windowMs)) return undefined;
	return { calls, windowMs: Math.max(MIN_RATE_LIMIT_WAIT_MS, windowMs) };
}

/**
 * The rate-limit message of an answer, when the answer is a rate-limit answer: HTTP 429 (any body); a
 * top-level envelope whose ExceptionType is MXAPIRateLimitExceededException (any status); a 403 or 200
 * whose top-level ExceptionMessage reports the limit; or a 403 whose whole body is the limit text (the
 * plain-text form seen live). `undefined` when it is not one.
 */
function rateLimitMessage(httpCode: number, parsed: Parsed, envelope: Envelope | undefined, raw: string): { message?: string } | undefined {
	const exceptionMessage = nonEmptyText(envelope?.ExceptionMessage);
	const plain = parsed.kind === 'text' ? nonEmptyText(raw) : parsed.kind === 'json' && typeof parsed.value === 'string' ? nonEmptyText(parsed.value) : undefined;
	if (httpCode === 429) return { message: exceptionMessage ?? (plain !== undefined ? plain.slice(0, 300) : undefined) };
	if (nonEmptyText(envelope?.ExceptionType) === RATE_LIMIT_EXCEPTION) return { message: exceptionMessage };
	if ((httpCode === 403 || httpCode === 200) && exceptionMessage !== undefined && RATE_LIMIT_TEXT.test(exceptionMessage)) {
		return { message: exceptionMessage };
	}
	if (httpCode === 403 && plain !== undefined && plain.length <= 300 && RATE_LIMIT_TEXT.test(plain)) return { message: plain };
	return undefined;
}

export interface AnswerContext {
	/** Where we sent it, for messages: a host name, never a URL with keys. */
	hostLabel: string;
	/** Which API, for messages, e.g. "Lead.CreateOrUpdate". */
	endpoint: string;
	/** The credential uses a Custom Base URL (a proxy, the sandbox) rather than a regional host. */
	customHost?: boolean;
}

export type Classified = { ok: true; body: unknown } | { ok: false; failure: Failure };

const SHAPES = {
	json: undefined,
	html: 'an HTML page',
	empty: 'an empty body',
	invalid: 'JSON that is cut off or malformed',
	text: 'a plain-text answer',
} as const;

function authFailure(httpCode: number, context: AnswerContext, exceptionType?: string, exceptionMessage?: string): Failure {
	const advice = context.customHost
		? `Check both keys in the credential (My Account → Settings → API and Webhooks), and that the Custom Base URL (${context.hostLabel}) forwards to your account's own regional LeadSquared host`
		: `Check both keys in the credential (My Account → Settings → API and Webhooks), and that ${context.hostLabel} is your account's region: keys only work on their own region's host`;
	return {
		kind: 'auth',
		httpCode,
		exceptionType,
		exceptionMessage,
		message: `LeadSquared rejected the access key or secret key (HTTP 401) at ${context.hostLabel}`,
		description: sentences(advice, exceptionType || exceptionMessage ? describeException(exceptionType, exceptionMessage) : undefined),
	};
}

/**
 * LeadSquared's own refusals of the input: its MX… exceptions about the data sent (permanent, never
 * retried, whatever the HTTP status).
 */
const INPUT_EXCEPTION = /^MX\w*(Invalid|Duplicate|Unknown|Mandatory|Missing|NotFound|DoesNotExist|Exists|UnAuthori[sz]ed|Permission|Access|NotAllowed|Disabled|Limit|Validation)\w*Exception$/i;
/** An exception type naming a failure inside LeadSquared: its database, a timeout, an unhandled .NET error. */
const INTERNAL_TYPE = /sql|database|deadlock|timeout|timed ?out|connection|internal|nullreference|objectreference|outofmemory|unavailable|^system\./i;
/** Words LeadSquared and its .NET host use around a failure of their own, not of the request. */
const INTERNAL_TEXT = /error (has )?(occurred|occured) (while |during )?processing|error processing the request|internal (server )?error|an error has occurred|deadlock|timed? ?out|try again later|temporarily unavailable|mysql/i;

/**
 * Whether an error envelope reports a failure inside LeadSquared rather than a refusal of the request:
 * `Users.Get` and `Leads.Get` answer HTTP 500 with a MySqlException or "There was an error processing the
 * request" in the envelope now and then, and the same call succeeds later (contract §12.3; CODE ids
 * 55675463842, 54580560058). A known input exception (MXInvalidInputException, MXDuplicateEntryException…)
 * never counts, whatever its message.
 */
export function isInternalFailure(exceptionType: string | undefined, exceptionMessage: string | undefined): boolean {
	if (exceptionType !== undefined && INPUT_EXCEPTION.test(exceptionType)) return false;
	return (exceptionType !== undefined && INTERNAL_TYPE.test(exceptionType)) || (exceptionMessage !== undefined && INTERNAL_TEXT.test(exceptionMessage));
}

function internalFailure(httpCode: number, exceptionType: string | undefined, exceptionMessage: string | undefined): Failure {
	return {
		kind: 'transient',
		httpCode,
		exceptionType,
		exceptionMessage,
		message: `LeadSquared had an internal error (HTTP ${httpCode}${exceptionType ? `, ${exceptionType}` : ''})`,
		description: sentences(describeException(exceptionType, exceptionMessage, httpCode), 'A failure inside LeadSquared, not a refusal of the data: it usually passes'),
	};
}

/** Decides what an HTTP answer means. `raw` is the body as text. */
export function classifyAnswer(
	httpCode: number,
	headers: Record<string, unknown>,
	raw: string,
	context: AnswerContext,
): Classified {
	const parsed = parseBody(raw);
	const envelope = envelopeOf(parsed);
	const exceptionType = nonEmptyText(envelope?.ExceptionType);
	const exceptionMessage = nonEmptyText(envelope?.ExceptionMessage) ?? (typeof envelope?.Message === 'string' ? nonEmptyText(envelope.Message) : undefined);

	const rateLimit = rateLimitMessage(httpCode, parsed, envelope, raw);
	if (rateLimit) {
		return {
			ok: false,
			failure: {
				kind: 'rateLimit',
				httpCode,
				exceptionType: exceptionType ?? RATE_LIMIT_EXCEPTION,
				exceptionMessage: rateLimit.message,
				message: `LeadSquared's API rate limit was reached${rateLimit.message ? ` ("${rateLimit.message}")` : ''}`,
				limit: reportedLimit(rateLimit.message),
				retryAfterMs: retryAfterMs(headers),
			},
		};
	}
	if (httpCode >= 300 && httpCode < 400) {
		return {
			ok: false,
			failure: {
				kind: 'redirect',
				httpCode,
				message: `${context.hostLabel} answered ${context.endpoint} with a redirect (HTTP ${httpCode}), which the node does not follow`,
				description:
					'Nothing was sent to the other address: following a redirect would send your LeadSquared keys (and the data) to another host. ' +
					"Set the credential's host or Custom Base URL to the address that answers the API itself.",
			},
		};
	}
	const isErrorEnvelope = envelope !== undefined && (envelope.Status === 'Error' || exceptionType !== undefined);

	if (httpCode === 401) return { ok: false, failure: authFailure(httpCode, context, exceptionType, exceptionMessage) };
	if (isErrorEnvelope && isInternalFailure(exceptionType, exceptionMessage)) {
		return { ok: false, failure: internalFailure(httpCode, exceptionType, exceptionMessage) };
	}
	if (isErrorEnvelope) {
		const subject = /CreateOrUpdate/i.test(context.endpoint) ? 'the lead' : 'the request';
		return { ok: false, failure: businessFailure(exceptionType, exceptionMessage, httpCode, subject) };
	}
	if (httpCode === 403) {
		return {
			ok: false,
			failure: {
				kind: 'forbidden',
				httpCode,
				message: `LeadSquared refused access to ${context.endpoint} (HTTP 403)`,
				description: "The keys' user may lack permission for this API; LeadSquared recommends an administrator's keys.",
			},
		};
	}
	if (httpCode === 404) {
		return {
			ok: false,
			failure: {
				kind: 'notFound',
				httpCode,
				message: `LeadSquared has no API ${context.endpoint} at ${context.hostLabel} (HTTP 404)`,
				description: 'Check the host in the credential; a custom base URL must point at the API root, without /v2.',
			},
		};
	}
	if (httpCode === 400) {
		const reason = exceptionMessage ?? (parsed.kind === 'invalid' || parsed.kind === 'text' ? nonEmptyText(raw.slice(0, 300)) : undefined);
		return {
			ok: false,
			failure: {
				kind: 'badRequest',
				httpCode,
				exceptionType,
				exceptionMessage: reason,
				message: `LeadSquared could not read the request (HTTP 400)${reason ? `: ${reason}` : ''}`,
			},
		};
	}
	const shape = SHAPES[parsed.kind];
	if (httpCode >= 500 || httpCode === 408) {
		return {
			ok: false,
			failure: {
				kind: 'transient',
				httpCode,
				message: `LeadSquared had a server error (HTTP ${httpCode}${shape ? `, ${shape}` : ''})`,
			},
		};
	}
	if (httpCode < 200 || httpCode >= 300) {
		return {
			ok: false,
			failure: { kind: 'unexpected', httpCode, message: `LeadSquared answered ${context.endpoint} with HTTP ${httpCode}` },
		};
	}
	if (shape) {
		const what = parsed.kind === 'invalid' ? shape : `${shape} instead of JSON`;
		return {
			ok: false,
			failure: {
				kind: 'unexpected',
				httpCode,
				message: `LeadSquared answered ${context.endpoint} with ${what} (HTTP ${httpCode})`,
				description:
					'Something between n8n and LeadSquared (a proxy or gateway) may have answered instead. The request may or may not have been applied.',
			},
		};
	}
	return { ok: true, body: (parsed as { value: unknown }).value };
}

/** A network-level failure (no HTTP answer): connection reset or refused, timeout, DNS. */
export function classifyNetworkError(error: unknown, context: AnswerContext, timeoutMs: number): Failure {
	const record = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
	const code = String(record.code ?? record.cause?.code ?? '');
	const message = typeof record.message === 'string' ? record.message : '';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
	let what: string;
	let transient = true;
	if (timedOut) what = `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
	else if (code === 'ECONNRESET' || /socket hang up/i.test(message)) what = 'the connection was reset';
	else if (code === 'ECONNREFUSED') what = 'the connection was refused';
	else if (code === 'EPIPE') what = 'the connection broke while sending';
	else if (code === 'EAI_AGAIN') what = 'the host name could not be resolved (temporary DNS failure)';
	else if (code === 'ENOTFOUND') {
		what = 'the host name does not exist';
		transient = false;
	} else if (code === 'CERT_HAS_EXPIRED' || /certificate/i.test(message)) {
		what = 'its TLS certificate was not accepted';
		transient = false;
	} else what = code ? `a network error (${code})` : 'a network error';
	return {
		kind: transient ? 'transient' : 'unexpected',
		message: `Could not reach LeadSquared at ${context.hostLabel}: ${what}`,
		// No connection was made: the request cannot have reached LeadSquared.
		...(code === 'ECONNREFUSED' || code === 'EAI_AGAIN' ? { notSent: true } : {}),
	};
}
