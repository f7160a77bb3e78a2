/**
 * What can go wrong with a call to LeadSquared, in words a no-code user understands: the failure kinds,
 * the error the transport throws, and LeadSquared's business errors (an MX…Exception envelope) with
 * advice for the common ones. Reading answers is in answers.ts, removing keys from texts in redact.ts.
 * Pure: no n8n imports.
 */

export type FailureKind =
	| 'rateLimit' // retried after the window
	| 'transient' // network faults, 5xx without an MX refusal, LeadSquared's internal errors (MySqlException): retried with backoff
	| 'auth' // 401: wrong keys or wrong region
	| 'forbidden' // 403 without a rate-limit message
	| 'notFound' // 404: wrong host or path
	| 'badRequest' // 400: LeadSquared could not read the body
	| 'redirect' // 3xx: never followed, the keys must not travel to another host
	| 'business' // MX…Exception: LeadSquared refused the data; never retried
	| 'cancelled' // the execution was stopped while the node waited
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
	/** For network failures: the request certainly did not reach LeadSquared (no connection was made). */
	notSent?: boolean;
	/**
	 * A call that writes may have been applied, and no answer says whether it was (cut off or malformed, a
	 * timeout or reset after sending, a 5xx): the item's message says how to check (machinery/outcome.ts).
	 */
	unknownOutcome?: boolean;
}

/** Thrown by the transport; the operation turns it into a NodeApiError for the item(s) concerned. */
export class LeadSquaredError extends Error {
	constructor(readonly failure: Failure) {
		super(failure.message);
		this.name = 'LeadSquaredError';
	}
}

/**
 * The record was written, but something after the write failed (reading it back, say). The message says
 * it was written, and `extra` keeps what the write gave (the lead id) for the item's error output.
 */
export class WrittenError extends LeadSquaredError {
	constructor(
		failure: Failure,
		readonly extra: Record<string, string | number | boolean | object | null>,
	) {
		super(failure);
		this.name = 'WrittenError';
	}

	static readBack(error: unknown, leadId: string): WrittenError {
		const cause = error instanceof LeadSquaredError ? error.failure : undefined;
		const reason = cause?.message ?? (error instanceof Error ? error.message : String(error));
		return new WrittenError(
			{
				...cause,
				kind: cause?.kind ?? 'unexpected',
				// The write is known to have gone through: only the read after it failed.
				unknownOutcome: false,
				message: `The lead was written (id ${leadId}), but reading it back failed: ${reason}`,
				description: sentences(
					cause?.description,
					'The write itself succeeded, so there is no need to send the item again. Turn off Options → "Return Full Lead", or read the lead later (Lead → Get)',
				),
			},
			{ leadId },
		);
	}
}

/** A problem with the input that LeadSquared would reject (or that would lose data), found before any call. */
export class InputError extends Error {
	constructor(
		message: string,
		readonly field?: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

export const RATE_LIMIT_EXCEPTION = 'MXAPIRateLimitExceededException';

/** Joins sentences, each ending in exactly one full stop (LeadSquared's messages often end in one already). */
export function sentences(...parts: Array<string | undefined>): string | undefined {
	const kept = parts.map((part) => part?.trim().replace(/[.\s]+$/, '')).filter((part): part is string => !!part);
	return kept.length > 0 ? `${kept.join('. ')}.` : undefined;
}

/** `LeadSquared <ExceptionType>: <ExceptionMessage> (HTTP <code>)`, from the parts there are. */
export function describeException(type?: string, message?: string, httpCode?: number): string | undefined {
	const parts = [type ? `LeadSquared ${type}` : undefined, message?.trim(), httpCode ? `(HTTP ${httpCode})` : undefined].filter(
		(part): part is string => part !== undefined && part !== '',
	);
	return parts.length > 0 ? parts.join(': ').replace(/: \(HTTP/, ' (HTTP') : undefined;
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
		description: sentences(describeException(exceptionType, exceptionMessage, httpCode), businessAdvice(exceptionType, exceptionMessage)),
	};
}

/** Whether a failure is LeadSquared's "A Lead with same Phone Number already exists." */
export function isDuplicatePhone(failure: Failure): boolean {
	return failure.exceptionType === 'MXDuplicateEntryException' && /phone/i.test(failure.exceptionMessage ?? '');
}

/**
 * LeadSquared's answer that the record an item names does not exist (its message names the record, e.g.
 * "Task does not exist", "Opportunity does not exist in the system"), said about the record: which one was
 * not found, LeadSquared's own words kept, and `advice`. Undefined for any other failure.
 */
export function recordNotFound(failure: Failure, noun: string, id: string, advice?: string): Failure | undefined {
	const said = failure.exceptionMessage ?? '';
	if (failure.kind !== 'business' || !new RegExp(`\\b${noun}\\b`, 'i').test(said)) return undefined;
	if (!/does ?n[o']t exist|not found|no\b.*\bfound|invalid/i.test(said)) return undefined;
	return {
		...failure,
		message: `No ${noun} with the ID "${id}" was found in LeadSquared`,
		description: sentences(describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode), advice),
	};
}

/** `error` with recordNotFound's message when it is LeadSquared's "no such record"; any other error unchanged. */
export function explainNotFound(error: unknown, noun: string, id: string, advice?: string): unknown {
	if (!(error instanceof LeadSquaredError)) return error;
	const failure = recordNotFound(error.failure, noun, id, advice);
	return failure ? new LeadSquaredError(failure) : error;
}
