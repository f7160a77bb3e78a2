/**
 * Webhook deliveries (§11.2): each delivery is sent over real HTTP with the webhook's method,
 * content type and custom headers; a non-2xx answer, a timeout or a connection error is retried
 * (`webhookRetries`, 3 [3P]); a delivery whose attempts all fail counts against the webhook, which
 * is disabled (StatusCode 2) after `webhookDisableAfterFailures` consecutive ones [OBS]. Activity
 * deliveries can be grouped into one array per window [OBS]. Every delivery is logged.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { eventByCode } from './webhook-events';
import type { WebhookOptions } from './webhook-options';
import type { WebhookContentType, WebhookDelivery } from './webhook-types';
import type { StoredWebhook, WebhookRegistry } from './webhooks';

interface Job {
	entry: WebhookDelivery;
	hook: StoredWebhook;
	/** The custom headers when the delivery was queued (as logged). */
	custom: Array<{ Key: string; Value: string }>;
	generation: number;
}

interface Batch {
	hook: StoredWebhook;
	code: number;
	items: unknown[];
	timer: NodeJS.Timeout;
}

interface Attempt {
	status: number | null;
	text: string;
	error?: string;
}

const MAX_RESPONSE_CHARS = 2000;

export class WebhookDispatcher {
	private log: WebhookDelivery[] = [];
	private seq = 0;
	private queue: Job[] = [];
	private running = 0;
	/** Jobs queued or running, open activity groups and verifications. */
	private pending = 0;
	private waiters: Array<() => void> = [];
	private readonly batches = new Map<string, Batch>();
	private readonly sleeps = new Map<NodeJS.Timeout, () => void>();
	private readonly controllers = new Set<AbortController>();
	private readonly verifications = new Map<StoredWebhook, Promise<void>>();
	/** Bumped by reset(): work of an older generation stops at its next step. */
	private generation = 0;
	private closed = false;
	private readonly httpAgent = new http.Agent({ keepAlive: false });
	private readonly httpsAgent = new https.Agent({ keepAlive: false });

	constructor(
		private readonly registry: WebhookRegistry,
		private readonly options: () => WebhookOptions,
	) {}

	/** Queues the delivery of one event's payload; activity events may wait for their group. */
	deliver(hook: StoredWebhook, code: number, payload: unknown, activity: boolean): void {
		if (this.closed) return;
		const { webhookActivityBatchMs: windowMs, webhookActivityAsArray: asArray } = this.options();
		if (!activity) return this.enqueue(hook, code, payload, 1);
		if (!(windowMs > 0)) return this.enqueue(hook, code, asArray ? [payload] : payload, 1);
		const key = `${hook.WebhookId}|${code}`;
		const open = this.batches.get(key);
		if (open && open.hook === hook) {
			open.items.push(payload);
			return;
		}
		this.pending++;
		const items = [payload];
		const flush = (): void => {
			this.batches.delete(key);
			this.enqueue(hook, code, items.length === 1 && !asArray ? items[0] : items, items.length);
			this.done();
		};
		this.batches.set(key, { hook, code, items, timer: setTimeout(flush, windowMs) });
	}

	/** Sends the verification request of a new (or moved) webhook; a failure disables it [INF]. */
	verify(hook: StoredWebhook, method: 'HEAD' | 'POST'): void {
		if (this.closed) return;
		const entry = this.newEntry(hook, 'verification', 0, method, '', undefined, 0, headersOf(hook, method === 'POST' ? '' : undefined));
		const generation = this.generation;
		this.pending++;
		const work = (async () => {
			const result = await this.send(hook.URL, method, entry.headers, hook.CustomHeaders, '');
			if (generation !== this.generation) return;
			this.record(entry, result);
			const ok = this.succeeded(result.status);
			entry.outcome = ok ? 'delivered' : 'failed';
			entry.finishedAt = Date.now();
			if (!ok && this.registry.holds(hook) && hook.StatusCode === 0) this.registry.setStatus(hook, 2, Date.now());
		})()
			.catch(() => undefined)
			.finally(() => {
				if (this.verifications.get(hook) === work) this.verifications.delete(hook);
				this.done();
			});
		this.verifications.set(hook, work);
	}

	entries(): WebhookDelivery[] {
		return structuredClone(this.log);
	}

	settled(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	/** Drops every pending delivery, group, retry wait and verification, and empties the log. */
	reset(): void {
		this.generation++;
		this.stopAll();
		this.log = [];
		this.seq = 0;
	}

	/** Stops everything for good; deliveries asked for later are ignored. */
	close(): void {
		this.closed = true;
		this.generation++;
		this.stopAll();
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}

	private stopAll(): void {
		for (const job of this.queue.splice(0)) {
			job.entry.outcome = 'skipped';
			this.done();
		}
		for (const batch of this.batches.values()) {
			clearTimeout(batch.timer);
			this.done();
		}
		this.batches.clear();
		for (const [timer, wake] of this.sleeps) {
			clearTimeout(timer);
			wake();
		}
		this.sleeps.clear();
		for (const controller of this.controllers) controller.abort();
	}

	private enqueue(hook: StoredWebhook, code: number, payload: unknown, items: number): void {
		if (this.closed) return;
		const body = encode(hook.ContentType, payload);
		const entry = this.newEntry(hook, 'event', code, hook.Method, body, payload, items, headersOf(hook, body));
		this.pending++;
		this.queue.push({ entry, hook, custom: hook.CustomHeaders.map((c) => ({ ...c })), generation: this.generation });
		this.pump();
	}

	private newEntry(
		hook: StoredWebhook,
		kind: WebhookDelivery['kind'],
		code: number,
		method: string,
		body: string,
		payload: unknown,
		items: number,
		headers: Record<string, string>,
	): WebhookDelivery {
		const entry: WebhookDelivery = {
			seq: ++this.seq,
			webhookId: hook.WebhookId,
			url: hook.URL,
			method,
			kind,
			event: code,
			eventName: kind === 'verification' ? 'Verification' : (eventByCode(code)?.name ?? String(code)),
			headers,
			body,
			payload,
			items,
			outcome: 'pending',
			status: null,
			response: '',
			attempts: 0,
			attemptStatuses: [],
			queuedAt: Date.now(),
		};
		this.log.push(entry);
		return entry;
	}

	private pump(): void {
		while (this.running < Math.max(1, this.options().webhookConcurrency) && this.queue.length > 0) {
			const job = this.queue.shift() as Job;
			this.running++;
			this.run(job)
				.catch(() => {
					job.entry.outcome = 'failed';
				})
				.finally(() => {
					this.running--;
					this.done();
					this.pump();
				});
		}
	}

	private async run(job: Job): Promise<void> {
		const { entry, hook } = job;
		const verification = this.verifications.get(hook);
		if (verification) await verification;
		const options = this.options();
		const attempts = 1 + Math.max(0, options.webhookRetries);
		const stopped = (): boolean => job.generation !== this.generation || !this.registry.holds(hook) || hook.StatusCode !== 0;
		for (let attempt = 1; attempt <= attempts; attempt++) {
			if (stopped()) {
				entry.outcome = 'skipped';
				entry.finishedAt = Date.now();
				return;
			}
			const result = await this.send(entry.url, entry.method, entry.headers, job.custom, entry.body);
			if (job.generation !== this.generation) {
				entry.outcome = 'skipped';
				return;
			}
			this.record(entry, result);
			if (this.succeeded(result.status)) {
				entry.outcome = 'delivered';
				entry.finishedAt = Date.now();
				hook.consecutiveFailures = 0;
				return;
			}
			if (attempt < attempts) await this.sleep(options.webhookRetryDelayMs);
		}
		entry.outcome = 'failed';
		entry.finishedAt = Date.now();
		hook.consecutiveFailures++;
		const limit = options.webhookDisableAfterFailures;
		if (limit > 0 && hook.consecutiveFailures >= limit && hook.StatusCode === 0) this.registry.setStatus(hook, 2, Date.now());
	}

	private record(entry: WebhookDelivery, result: Attempt): void {
		entry.attempts++;
		entry.attemptStatuses.push(result.status);
		entry.status = result.status;
		entry.response = result.text;
		if (this.succeeded(result.status)) delete entry.error;
		else entry.error = result.error ?? `status ${result.status}`;
	}

	private succeeded(status: number | null): boolean {
		if (status === null) return false;
		return this.options().webhookSuccessStatus === '200' ? status === 200 : status >= 200 && status < 300;
	}

	/** One HTTP attempt; never rejects. */
	private send(url: string, method: string, logged: Record<string, string>, custom: Array<{ Key: string; Value: string }>, body: string): Promise<Attempt> {
		return new Promise((resolve) => {
			const controller = new AbortController();
			this.controllers.add(controller);
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				controller.abort();
			}, Math.max(1, this.options().webhookTimeoutMs));
			const finish = (attempt: Attempt): void => {
				clearTimeout(timer);
				this.controllers.delete(controller);
				resolve(attempt);
			};
			let target: URL;
			try {
				target = new URL(url);
			} catch {
				finish({ status: null, text: '', error: 'invalid URL' });
				return;
			}
			const secure = target.protocol === 'https:';
			let request: http.ClientRequest;
			try {
				request = (secure ? https : http).request(target, {
					method,
					headers: wireHeaders(logged, custom),
					agent: secure ? this.httpsAgent : this.httpAgent,
					signal: controller.signal,
				});
			} catch (error) {
				finish({ status: null, text: '', error: error instanceof Error ? error.message : String(error) });
				return;
			}
			request.on('response', (res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					if (text.length < MAX_RESPONSE_CHARS) text += chunk;
				});
				res.on('end', () => finish({ status: res.statusCode ?? null, text: text.slice(0, MAX_RESPONSE_CHARS) }));
				res.on('error', () => finish({ status: res.statusCode ?? null, text }));
			});
			request.on('error', (error: NodeJS.ErrnoException) => {
				finish({ status: null, text: '', error: timedOut ? 'timeout' : (error.code ?? error.message) });
			});
			request.end(body === '' ? undefined : body);
		});
	}

	/** Waits `ms`; reset() and close() end the wait at once. */
	private sleep(ms: number): Promise<void> {
		if (!(ms > 0)) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.sleeps.delete(timer);
				resolve();
			}, ms);
			this.sleeps.set(timer, resolve);
		});
	}

	private done(): void {
		this.pending--;
		if (this.pending > 0) return;
		this.pending = 0;
		for (const wake of this.waiters.splice(0)) wake();
	}
}

/**
 * The body of a delivery [INF beyond JSON]: JSON text for application/json and text/plain; for a
 * form, the object's keys as fields (null → '', an object → its JSON); an array (grouped
 * activities) as one field `payload` holding its JSON.
 */
export function encode(contentType: WebhookContentType, payload: unknown): string {
	if (contentType !== 'application/x-www-form-urlencoded') return JSON.stringify(payload);
	const form = new URLSearchParams();
	if (Array.isArray(payload) || typeof payload !== 'object' || payload === null) {
		form.append('payload', JSON.stringify(payload));
		return form.toString();
	}
	for (const [key, value] of Object.entries(payload)) {
		if (value === null || value === undefined) form.append(key, '');
		else form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	return form.toString();
}

/** [INF] Custom headers never replace these. */
const RESERVED = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * The headers as logged (lower-case names; a repeated custom header's values joined with ', '):
 * the content type and length when there is a body (`undefined` = HEAD: none), then custom headers.
 */
function headersOf(hook: StoredWebhook, body: string | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	if (body !== undefined) {
		out['content-type'] = hook.ContentType;
		out['content-length'] = String(Buffer.byteLength(body));
	}
	for (const { Key, Value } of hook.CustomHeaders) {
		const name = Key.toLowerCase();
		if (RESERVED.has(name)) continue;
		out[name] = name in out ? `${out[name]}, ${Value}` : Value;
	}
	return out;
}

/** The headers as sent: a repeated custom header goes out as several header lines. */
function wireHeaders(logged: Record<string, string>, custom: Array<{ Key: string; Value: string }>): http.OutgoingHttpHeaders {
	const out: http.OutgoingHttpHeaders = {};
	for (const name of ['content-type', 'content-length']) if (logged[name] !== undefined) out[name] = logged[name];
	for (const { Key, Value } of custom) {
		const name = Key.toLowerCase();
		if (RESERVED.has(name)) continue;
		const current = out[name];
		out[name] = current === undefined ? Value : [...(Array.isArray(current) ? current : [String(current)]), Value];
	}
	return out;
}
