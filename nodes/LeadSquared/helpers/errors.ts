/**
 * Reading LeadSquared's answers: what succeeded, what failed and why, and what may be retried.
 * LeadSquared reports business errors in an envelope `{Status:"Error", ExceptionType, ExceptionMessage}`
 * with HTTP 500 or sometimes HTTP 200, and rate limits as 429, 403 or 200, so the status code alone
 * never decides. Pure: no n8n imports.
 */

export type FailureKind =
	| 'rateLimit' // retried after the window
	| 'transient' // network faults, 5xx without an MX body: retried with backoff
	| 'auth' // 401: wrong keys or wrong region
	| 'forbidden' // 403 without a rate-limit message
	| 'notFound' // 404: wrong host or path
	| 'badRequest' // 400: LeadSquared could not read the body
	| 'business' // MX…Exception: LeadSquared refused the data; never retried
	| 'unexpected'; // an answer we cannot read (HTML, empty, truncated, wrong shape); not retried on 2xx

export interface Failure {
	kind: FailureKind;
	/** User-facing summary: what happened, in words a no-code user understands. */
	message: string;
	/** Detail: LeadSquared's ExceptionType/ExceptionMessage, advice. */
	description?: string;
	httpCode?: number;
	exceptionType?: string;
	exceptionMessage?: string;
	/** For rate limits: the limit LeadSquared reported, to pace the calls that follow. */
	limit?: { calls: number; windowMs: number };
	/** For rate limits: a Retry-After the server sent, in ms. */
	retryAfterMs?: number;
}

/** Thrown by the transport; the operation turns it into a NodeApiError for the item(s) concerned. */
export class LeadSquaredError extends Error {
	constructor(readonly failure: Failure) {
		super(failure.message);
		this.name = 'LeadSquaredError';
	}
}

export const RATE_LIMIT_EXCEPTION = 'MXAPIRateLimitExceededException';
const RATE_LIMIT_TEXT = /exceeded the limit of\s+(\d+)\s+in\s+(\d+(?:\.\d+)?)\s+second/i;

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

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `LeadSquared <ExceptionType>: <ExceptionMessage> (HTTP <code>)`, from the parts there are. */
export function describeException(type?: string, message?: string, httpCode?: number): string | undefined {
	const parts = [type ? `LeadSquared ${type}` : undefined, message, httpCode ? `(HTTP ${httpCode})` : undefined].filter(
		(part): part is string => part !== undefined,
	);
	return parts.length > 0 ? parts.join(': ').replace(/: \(HTTP/, ' (HTTP') : undefined;
}

function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const raw = headers['retry-after'];
	const value = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
	return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
}

/** Advice for the business errors users meet most. */
function businessAdvice(type: string | undefined, message: string | undefined): string | undefined {
	if (type === 'MXDuplicateEntryException' && message && /phone/i.test(message)) {
		return 'Another lead already has this phone number. Set Match By to Phone, or turn on Options → "On Duplicate Phone, Update That Lead".';
	}
	if (type === 'MXDuplicateEntryException') {
		return 'Another lead already holds this unique value. Match on that field (Match By) to update that lead instead.';
	}
	if (type === 'MXUnknownAttributeException') {
		return 'LeadSquared rejects the whole lead when one attribute is unknown. Check the schema names against your account.';
	}
	if (type === 'MXMandatoryAttributeMissingException') {
		return 'A field your account marks mandatory for new leads is missing.';
	}
	return undefined;
}

/** LeadSquared refused the data (an MX…Exception): never retried. `subject` says what was refused. */
export function businessFailure(
	exceptionType?: string,
	exceptionMessage?: string,
	httpCode?: number,
	subject: 'the lead' | 'the request' = 'the lead',
): Failure {
	return {
		kind: 'business',
		httpCode,
		exceptionType,
		exceptionMessage,
		message: exceptionMessage
			? `LeadSquared refused ${subject}: ${exceptionMessage}`
			: `LeadSquared refused ${subject} (${exceptionType ?? 'no reason given'})`,
		description:
			[describeException(exceptionType, exceptionMessage, httpCode), businessAdvice(exceptionType, exceptionMessage)]
				.filter(Boolean)
				.join('. ') || undefined,
	};
}

/** Whether a failure is LeadSquared's "A Lead with same Phone Number already exists." */
export function isDuplicatePhone(failure: Failure): boolean {
	return failure.exceptionType === 'MXDuplicateEntryException' && /phone/i.test(failure.exceptionMessage ?? '');
}

export interface AnswerContext {
	/** Where we sent it, for messages: a host name, never a URL with keys. */
	hostLabel: string;
	/** Which API, for messages, e.g. "Lead.CreateOrUpdate". */
	endpoint: string;
}

export type Classified = { ok: true; body: unknown } | { ok: false; failure: Failure };

function rateLimitFailure(httpCode: number, raw: string, envelope: Envelope | undefined, headers: Record<string, unknown>): Failure {
	const exceptionMessage = text(envelope?.ExceptionMessage) ?? text(raw.slice(0, 300));
	const match = RATE_LIMIT_TEXT.exec(exceptionMessage ?? raw);
	return {
		kind: 'rateLimit',
		httpCode,
		exceptionType: text(envelope?.ExceptionType) ?? RATE_LIMIT_EXCEPTION,
		exceptionMessage,
		message: `LeadSquared's API rate limit was reached${exceptionMessage ? ` ("${exceptionMessage}")` : ''}`,
		limit: match ? { calls: Number(match[1]), windowMs: Math.round(Number(match[2]) * 1000) } : undefined,
		retryAfterMs: retryAfterMs(headers),
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
	const exceptionType = text(envelope?.ExceptionType);
	const exceptionMessage = text(envelope?.ExceptionMessage) ?? (typeof envelope?.Message === 'string' ? text(envelope.Message) : undefined);

	if (httpCode === 429 || exceptionType === RATE_LIMIT_EXCEPTION || RATE_LIMIT_TEXT.test(raw.slice(0, 2000))) {
		return { ok: false, failure: rateLimitFailure(httpCode, raw, envelope, headers) };
	}
	const isErrorEnvelope = envelope !== undefined && (envelope.Status === 'Error' || exceptionType !== undefined);

	if (httpCode === 401) {
		return {
			ok: false,
			failure: {
				kind: 'auth',
				httpCode,
				exceptionType,
				exceptionMessage,
				message: `LeadSquared rejected the access key or secret key (HTTP 401) at ${context.hostLabel}`,
				description:
					`Check both keys in the credential (My Account → Settings → API and Webhooks), and that ${context.hostLabel} ` +
					"is your account's region: keys only work on their own region's host." +
					(exceptionType || exceptionMessage ? ` ${describeException(exceptionType, exceptionMessage)}.` : ''),
			},
		};
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
		const reason = exceptionMessage ?? (parsed.kind === 'invalid' || parsed.kind === 'text' ? text(raw.slice(0, 300)) : undefined);
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
	const shape = {
		json: undefined,
		html: 'an HTML page',
		empty: 'an empty body',
		invalid: 'JSON that is cut off or malformed',
		text: 'a plain-text answer',
	}[parsed.kind];
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
		return {
			ok: false,
			failure: {
				kind: 'unexpected',
				httpCode,
				message: `LeadSquared answered ${context.endpoint} with ${shape} instead of JSON (HTTP ${httpCode})`,
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
	};
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A secret as it may appear in an answer: raw, with JSON-escaped slashes, or percent-encoded. */
function secretPattern(secret: string): string {
	return [...new Set([secret, secret.replace(/\//g, '\\/'), encodeURIComponent(secret)])].map(escapeRegExp).join('|');
}

/**
 * A function removing every occurrence of the given secrets from a text, in any letter case (a proxy
 * may lower-case an echoed URL, percent-escapes included). The transport runs it over each answer before
 * reading it, so nothing derived from an answer (messages, cut-off excerpts, row errors) can carry a key;
 * failures get a second pass.
 */
export function redactor(secrets: readonly string[]): (value: string) => string {
	const patterns = secrets.filter((secret) => secret.length >= 4).map((secret) => new RegExp(secretPattern(secret), 'gi'));
	return (value) => patterns.reduce((result, pattern) => result.replace(pattern, '[redacted]'), value);
}

export function redact(value: string, secrets: readonly string[]): string {
	return redactor(secrets)(value);
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
