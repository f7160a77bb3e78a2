/**
 * Injected faults: a queue matched per request, and the answers the simple fault types produce.
 * 'reset', 'delay' and 'truncated' need the request pipeline and are carried out in server.ts.
 */
import { htmlAnswer, JSON_TYPE, jsonAnswer, mxEnvelope, type Answer } from './http';
import { rateLimitEnvelope } from './rate-limit';
import type { Fault } from './types';

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

export class FaultQueue {
	private queue: QueuedFault[] = [];

	add(fault: Fault): void {
		const count = fault.count ?? 1;
		if (!(count > 0)) return;
		this.queue.push({ fault: { ...fault }, remaining: count });
	}

	clear(): void {
		this.queue = [];
	}

	get size(): number {
		return this.queue.length;
	}

	/**
	 * The first fault matching this request, its count decremented (removed when used up). Without `body`
	 * (at arrival) faults with `pageSizeAbove` are passed over; with it (once read) only they are considered.
	 */
	take(endpoint: string | null, path: string, body?: { value: unknown }): Fault | undefined {
		const index = this.queue.findIndex(
			(q) =>
				matches(q.fault, endpoint, path) &&
				(body === undefined ? q.fault.pageSizeAbove === undefined : q.fault.pageSizeAbove !== undefined && pageSizeOf(body.value) > q.fault.pageSizeAbove),
		);
		if (index < 0) return undefined;
		const entry = this.queue[index];
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.queue.splice(index, 1);
		return entry.fault;
	}
}

/** The rows a read asks for: `Paging.PageSize` or `Paging.RowCount` (0 when it names none). */
function pageSizeOf(body: unknown): number {
	const paging = body && typeof body === 'object' ? (body as Record<string, unknown>).Paging : undefined;
	if (!paging || typeof paging !== 'object') return 0;
	const { PageSize, RowCount } = paging as Record<string, unknown>;
	const size = Number(PageSize ?? RowCount);
	return Number.isFinite(size) ? size : 0;
}

function matches(fault: Fault, endpoint: string | null, path: string): boolean {
	const m = fault.endpoint;
	if (m === undefined) return true;
	if (typeof m === 'string') return endpoint !== null && endpoint.toLowerCase() === m.toLowerCase();
	m.lastIndex = 0;
	return m.test(path);
}

/** Whether the request is applied to the state before the fault answers. */
export function faultProcesses(fault: Fault): boolean {
	if (fault.type === 'reset' || fault.type === 'delay') return fault.when === 'after';
	if (fault.type === 'truncated') return fault.process ?? true;
	return fault.process ?? false;
}

/**
 * The answer of a fault that replaces the normal answer. `normal` is the answer the request
 * would have had (used by 'truncated'); `rateLimit` the configured limit of the request's bucket.
 */
export function faultAnswer(fault: Fault, normal: Answer | undefined, rateLimit: { calls: number; seconds: number; answer: number }): Answer | undefined {
	switch (fault.type) {
		case 'status':
			return { status: fault.status, body: fault.body ?? '', contentType: fault.contentType ?? 'text/plain; charset=utf-8' };
		case 'rateLimit':
			return jsonAnswer(fault.answer ?? rateLimit.answer, rateLimitEnvelope(fault.calls ?? rateLimit.calls, fault.windowSeconds ?? rateLimit.seconds));
		case 'html': {
			const status = fault.status ?? 502;
			const title = status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Temporarily Unavailable' : `${status} Error`;
			return htmlAnswer(status, title, 'The server encountered a temporary error and could not complete your request.');
		}
		case 'empty':
			return { status: fault.status ?? 200, body: '', contentType: JSON_TYPE };
		case 'truncated': {
			const base = normal ?? jsonAnswer(200, { Status: 'Success', Message: { Id: '00000000-0000-0000-0000-000000000000', AffectedRows: 1 } });
			return { status: fault.status ?? 200, body: base.body.slice(0, Math.floor(base.body.length / 2)), contentType: base.contentType ?? JSON_TYPE };
		}
		case 'json':
			return jsonAnswer(fault.status ?? 200, fault.body);
		case 'internalError':
			return jsonAnswer(fault.status ?? 500, mxEnvelope(fault.exceptionType ?? 'MySqlException', fault.message ?? 'There was an error processing the request'));
		case 'reset':
		case 'delay':
			return undefined;
	}
}
