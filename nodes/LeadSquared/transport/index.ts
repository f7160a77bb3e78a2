/**
 * The one way this node talks to LeadSquared: authentication (through n8n's credential helper), pacing
 * under the rate limit, recovery from rate-limit answers, bounded retries of transient faults, and
 * turning every answer into either a parsed body or a LeadSquaredError that carries no secret.
 */
import type { IExecuteFunctions, IHookFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { classifyAnswer, classifyNetworkError, MIN_RATE_LIMIT_WAIT_MS } from '../machinery/answers';
import { describeException, LeadSquaredError, sentences } from '../machinery/errors';
import { outcomeUnknown } from '../machinery/outcome';
import type { Failure } from '../machinery/errors';
import { redact, redactDeep, redactFailure, redactor } from '../machinery/redact';
import { HostError, readKeys, resolveConnection } from '../machinery/host';
import type { Connection } from '../machinery/host';
import { sharedPacer } from '../machinery/adaptive';
import { accountTag } from '../machinery/pacing';
import type { Clock, Pace } from '../machinery/pacing';

export const CREDENTIAL_TYPE = 'leadSquaredApi';

export interface TransportSettings {
	/** Calls allowed per window on the ordinary APIs (LeadSquared: 25 per 5 s at best). */
	pace: Pace;
	/** Calls allowed per window on the bulk APIs, which have their own, lower limit. */
	bulkPace: Pace;
	/** Longest total time one request may spend waiting out rate-limit answers. */
	maxRateLimitWaitMs: number;
	/** Retries after a transient fault (network error, 5xx without a LeadSquared refusal, an internal error in LeadSquared's envelope). */
	maxRetries: number;
	/** First backoff delay; doubles on each retry. */
	retryDelayMs: number;
	/** How long to wait for one answer. */
	timeoutMs: number;
}

export const DEFAULT_SETTINGS: TransportSettings = {
	pace: { calls: 25, windowMs: 5000 },
	bulkPace: { calls: 5, windowMs: 5000 },
	maxRateLimitWaitMs: 120_000,
	maxRetries: 3,
	retryDelayMs: 1000,
	timeoutMs: 30_000,
};

export interface ApiRequest {
	method: 'GET' | 'POST';
	/** Path below /v2/, e.g. 'LeadManagement.svc/Lead.CreateOrUpdate'. */
	path: string;
	query?: Record<string, string>;
	body?: unknown;
	/** Paced under the bulk limit instead of the ordinary one. */
	bulk?: boolean;
	/**
	 * Whether sending it twice does no harm (reads, upserts, updates by id: the default). A create that
	 * LeadSquared may already have applied when its answer was lost (a timeout, a reset, a 5xx) is not
	 * sent again: a second record would be worse than a failed item. Only failures that certainly never
	 * reached LeadSquared (connection refused, DNS) are retried for it.
	 */
	idempotent?: boolean;
	/**
	 * The call creates, changes or deletes something in LeadSquared. When its outcome is unknown (an answer
	 * cut off or malformed, a timeout or reset after sending, a 5xx) the failure says so (`unknownOutcome`), and
	 * the item's message says how to check before running it again.
	 */
	write?: boolean;
}

/** Any context that reads credentials and sends authenticated requests (executions, design time, trigger hooks, polls). */
type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

const clock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/** Rate-limit answers one request may wait out before it fails, however short the windows. */
export const MAX_RATE_LIMIT_RETRIES = 50;

/**
 * Waits `ms`, or less when the execution is cancelled: n8n-workflow's sleep takes the cancel signal on
 * n8n 2.x; on lines whose sleep ignores it, the wait goes in steps of at most a second.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const end = Date.now() + ms;
	for (;;) {
		const left = end - Date.now();
		if (left <= 0 || signal?.aborted) return;
		try {
			await sleep(Math.min(left, 1000), signal);
		} catch {
			return; // aborted
		}
	}
}

function endpointName(path: string): string {
	return path.replace(/^[^/]*\.svc\//i, '');
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
	const search = Object.entries(query ?? {})
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
	return `${baseUrl}/v2/${path}${search ? `?${search}` : ''}`;
}

/** A response body as text, whatever form the HTTP helper returned it in. */
export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	return JSON.stringify(body);
}

interface RawAnswer {
	body?: unknown;
	headers?: Record<string, unknown>;
	statusCode?: number;
}

/** The credential's connection, or the reason it has none. */
export function connectionOf(host: unknown, baseUrl: unknown): Connection | HostError {
	try {
		return resolveConnection(host, baseUrl);
	} catch (error) {
		return error instanceof HostError ? error : new HostError('The credential has no valid host');
	}
}

export class LeadSquaredClient {
	/** Removes the keys from any text (compiled once per client). */
	private readonly redact: (value: string) => string;
	private constructor(
		private readonly context: Context,
		readonly connection: Connection,
		/** Identifies the account (host + access key) without holding the key. */
		readonly account: string,
		secrets: readonly string[],
		private readonly settings: TransportSettings,
	) {
		this.redact = redactor(secrets);
	}

	/** Reads the credential once and prepares a client for this execution. */
	static async connect(context: Context, settings: TransportSettings = DEFAULT_SETTINGS): Promise<LeadSquaredClient> {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const keys = readKeys(credentials.accessKey, credentials.secretKey, credentials.sendKeysAs);
		const connection = connectionOf(credentials.host, credentials.baseUrl);
		if (connection instanceof HostError) {
			const message = redact(connection.message, [keys.accessKey, keys.secretKey]);
			throw new LeadSquaredError({ kind: 'unexpected', message: `LeadSquared credential: ${message}` });
		}
		if (keys.accessKey === '' || keys.secretKey === '') {
			throw new LeadSquaredError({
				kind: 'auth',
				message: 'The LeadSquared credential has no access key or no secret key',
				description: 'Copy both from LeadSquared: My Account → Settings → API and Webhooks.',
			});
		}
		const account = accountTag(connection.baseUrl, keys.accessKey);
		return new LeadSquaredClient(context, connection, account, [keys.accessKey, keys.secretKey], settings);
	}

	/** A text without the credential's keys (for what the node logs). */
	scrub(value: string): string {
		return this.redact(value);
	}

	/** Sends one request and returns the parsed JSON body, or throws a LeadSquaredError. */
	async request(request: ApiRequest): Promise<unknown> {
		const endpoint = endpointName(request.path);
		const answerContext = { hostLabel: this.connection.hostLabel, endpoint, customHost: this.connection.regionHost === undefined };
		// One pacer per account and bucket in this process; it learns the process's share from LeadSquared's answers.
		const pacer = sharedPacer(`${this.account}:${request.bulk ? 'bulk' : 'api'}`, clock);
		const pace = request.bulk ? this.settings.bulkPace : this.settings.pace;
		let rateLimitWaitedMs = 0;
		let rateLimitRetries = 0;
		let retries = 0;
		for (;;) {
			if (this.isCancelled()) throw new LeadSquaredError(cancelled(endpoint));
			const ticket = await pacer.acquire(pace, () => this.isCancelled());
			let failure: Failure;
			try {
				const answer = await this.send(request);
				const text = this.redact(bodyText(answer.body));
				const classified = classifyAnswer(answer.statusCode ?? 0, answer.headers ?? {}, text, answerContext);
				// Any answer but a rate limit counted against the limit (the rate-limit case is handled below).
				if (classified.ok || classified.failure.kind !== 'rateLimit') pacer.onSuccess(ticket);
				// A second pass after parsing: JSON escapes (\u0024…) can hide a key from the first.
				if (classified.ok) return redactDeep(classified.body, this.redact);
				failure = classified.failure;
			} catch (error) {
				pacer.onNoAnswer(ticket);
				failure = classifyNetworkError(error, answerContext, this.settings.timeoutMs);
			}
			failure = redactFailure(failure, this.redact);
			if (request.write === true && outcomeUnknown(failure)) failure = { ...failure, unknownOutcome: true };

			if (failure.kind === 'rateLimit') {
				// Slows this process down (and pauses it when it was at the configured limit); the refused call
				// waits what the pacer says, with jitter, and at least MIN_RATE_LIMIT_WAIT_MS.
				const wait = Math.max(MIN_RATE_LIMIT_WAIT_MS, pacer.onRateLimited(ticket, failure.limit, failure.retryAfterMs ?? 0));
				if (rateLimitWaitedMs + wait > this.settings.maxRateLimitWaitMs || rateLimitRetries >= MAX_RATE_LIMIT_RETRIES) {
					throw new LeadSquaredError(this.rateLimitGiveUp(failure, rateLimitWaitedMs, rateLimitRetries));
				}
				rateLimitWaitedMs += wait;
				rateLimitRetries++;
				await pause(wait, this.cancelSignal());
				continue;
			}
			const mayRetry = request.idempotent !== false || failure.notSent === true;
			if (failure.kind === 'transient' && !mayRetry) {
				throw new LeadSquaredError({
					...failure,
					description: sentences(
						failure.description,
						'LeadSquared may or may not have created the record before the answer was lost, so the node did not send it again (a second copy would be worse). Check in LeadSquared before running the item again',
					),
				});
			}
			if (failure.kind === 'transient' && retries < this.settings.maxRetries && !this.isCancelled()) {
				retries++;
				await pause(this.settings.retryDelayMs * 2 ** (retries - 1), this.cancelSignal());
				continue;
			}
			if (failure.kind === 'transient' && retries > 0) {
				failure = {
					...failure,
					message: `${failure.message}, ${retries + 1} attempts in a row`,
					description: sentences(
						failure.exceptionType || failure.exceptionMessage ? describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode) : undefined,
						'LeadSquared or the network failed repeatedly; try again later. If an answer was lost after LeadSquared ' +
							'applied a change, running the item again is safe: the node finds the same record',
					),
				};
			}
			throw new LeadSquaredError(failure);
		}
	}

	private async send(request: ApiRequest): Promise<RawAnswer> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: buildUrl(this.connection.baseUrl, request.path, request.query),
			headers: { Accept: 'application/json' },
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect would carry the keys (and the body) to another host: never followed, reported instead.
			disableFollowRedirect: true,
			maxRedirects: 0,
			timeout: this.settings.timeoutMs,
		};
		if (request.body !== undefined) {
			options.body = JSON.stringify(request.body);
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}
		return (await this.context.helpers.httpRequestWithAuthentication.call(this.context, CREDENTIAL_TYPE, options)) as RawAnswer;
	}

	private cancelSignal(): AbortSignal | undefined {
		const context = this.context as Partial<IExecuteFunctions>;
		return context.getExecutionCancelSignal?.();
	}

	private isCancelled(): boolean {
		return this.cancelSignal()?.aborted === true;
	}

	private rateLimitGiveUp(failure: Failure, waitedMs: number, retries: number): Failure {
		const exception = describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode);
		const limitSeconds = Math.round(this.settings.maxRateLimitWaitMs / 1000);
		let why: string;
		if (retries >= MAX_RATE_LIMIT_RETRIES) why = `after ${retries} rate-limit answers in a row the node stopped asking`;
		else if (waitedMs > 0) {
			why = `after waiting ${Math.round(waitedMs / 1000)} s the node stopped: another wait would pass Max Rate-Limit Wait (${limitSeconds} s)`;
		} else why = `Max Rate-Limit Wait (${limitSeconds} s) allows no wait for the window to pass`;
		return {
			...failure,
			message: `LeadSquared's API rate limit was reached${failure.exceptionMessage ? ` ("${failure.exceptionMessage}")` : ''}, and ${why}`,
			description: sentences(
				exception,
				'LeadSquared did not carry out this call',
				'Lower Options → "Max Calls per 5 Seconds" to your plan\'s limit, raise "Max Rate-Limit Wait", or check whether other integrations use the same LeadSquared account',
			),
		};
	}
}

function cancelled(endpoint: string): Failure {
	return {
		kind: 'cancelled',
		message: `The execution was stopped before LeadSquared's ${endpoint} answered`,
		description: 'Nothing more was sent for this item after the stop.',
	};
}
