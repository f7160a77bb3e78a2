/**
 * Sliding-window rate limiter per access key (§4 of the contract), and the rate-limit envelope.
 */
import type { RateLimitAnswer, RateLimitOptions } from './types';

export interface ResolvedRateLimit {
	calls: number;
	windowMs: number;
	answer: RateLimitAnswer;
	countRejected: boolean;
}

export function resolveRateLimit(options: RateLimitOptions | undefined, fallback: ResolvedRateLimit): ResolvedRateLimit {
	if (!options) return { ...fallback };
	return {
		calls: options.calls,
		windowMs: options.windowMs,
		answer: options.answer ?? 429,
		countRejected: options.countRejected ?? false,
	};
}

/** `<seconds>` of the message: windowMs/1000 rounded, at least 1. */
export function windowSeconds(windowMs: number): number {
	return Math.max(1, Math.round(windowMs / 1000));
}

/**
 * The rate-limit answer: [DOC] https://apidocs.leadsquared.com/rate-limits/ (every page lists 429 "API calls
 * exceeded the limit of 25 in 5 second(s)"); the envelope with MXAPIRateLimitExceededException, also with HTTP
 * 200 or 403, is [OBS] contract §4.
 */
export function rateLimitEnvelope(calls: number, seconds: number): Record<string, string> {
	return {
		Status: 'Error',
		ExceptionType: 'MXAPIRateLimitExceededException',
		ExceptionMessage: `API calls exceeded the limit of ${calls} in ${seconds} second(s)`,
	};
}

export class RateLimiter {
	/** Arrival times of the counted calls, per access key. */
	private readonly windows = new Map<string, number[]>();

	constructor(private limit: ResolvedRateLimit) {}

	get settings(): ResolvedRateLimit {
		return this.limit;
	}

	configure(limit: ResolvedRateLimit): void {
		this.limit = limit;
	}

	reset(): void {
		this.windows.clear();
	}

	/** Counts a call arriving at `now`; true when it is within the limit. */
	take(key: string, now: number): boolean {
		const { calls, windowMs, countRejected } = this.limit;
		if (!(calls > 0) || calls === Infinity) return true;
		const times = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
		const allowed = times.length < calls;
		if (allowed || countRejected) times.push(now);
		this.windows.set(key, times);
		return allowed;
	}
}
