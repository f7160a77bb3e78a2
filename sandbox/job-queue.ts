/**
 * Queued requests. LeadSquared deletes tasks in bulk and activities of a lead asynchronously: the call
 * answers at once and the deletion happens later; a StatusWebhookURL is called when it is done ([DOC]
 * https://apidocs.leadsquared.com/delete-tasks-in-bulk/ and https://apidocs.leadsquared.com/delete-activities/).
 * The sandbox applies each queued job after `queuedDeletionDelayMs` (in queue order), or only when
 * `runAll()` is called (delay Infinity), and then POSTs the status to the URL given.
 */
import type { QueuedJob } from './crm-extra-types';

export interface JobSpec {
	kind: QueuedJob['kind'];
	statusWebhookUrl: string;
	/** Applies the job now; returns what it deleted and the status to post to the StatusWebhookURL. */
	run(): { deletedIds: string[]; status: Record<string, unknown> };
}

interface Entry {
	job: QueuedJob;
	spec: JobSpec;
	timer?: NodeJS.Timeout;
	/** Resolves when the job ran or was dropped. */
	done: Promise<void>;
	finish: () => void;
}

/** [INF] How long a status webhook call may take. */
const STATUS_CALL_TIMEOUT_MS = 5000;

export class JobQueue {
	private entries: Entry[] = [];
	private readonly calls = new Set<Promise<void>>();
	private readonly aborts = new Set<AbortController>();
	private seq = 0;

	constructor(private readonly delayMs: () => number) {}

	enqueue(spec: JobSpec, now: number): QueuedJob {
		let finish = (): void => undefined;
		const done = new Promise<void>((resolve) => (finish = resolve));
		const job: QueuedJob = {
			id: `job-${++this.seq}`,
			kind: spec.kind,
			queuedAt: now,
			state: 'queued',
			ranAt: null,
			deletedIds: [],
			statusWebhookUrl: spec.statusWebhookUrl,
			statusCall: null,
		};
		const entry: Entry = { job, spec, done, finish };
		this.entries.push(entry);
		const delay = this.delayMs();
		if (Number.isFinite(delay)) entry.timer = setTimeout(() => this.runUpTo(entry), Math.max(0, delay));
		return job;
	}

	/** Runs every queued job now; returns how many ran. */
	runAll(): number {
		const queued = this.entries.filter((e) => e.job.state === 'queued');
		for (const entry of queued) this.run(entry);
		return queued.length;
	}

	/** Copies of the jobs, in queue order. */
	jobs(): QueuedJob[] {
		return this.entries.map((e) => structuredClone(e.job));
	}

	/** Resolves when no job waits on its timer and every status call has finished. */
	async settled(): Promise<void> {
		for (;;) {
			const waits = [...this.entries.filter((e) => e.job.state === 'queued' && e.timer).map((e) => e.done), ...this.calls];
			if (waits.length === 0) return;
			await Promise.allSettled(waits);
		}
	}

	/** Drops the queued jobs (reset) and forgets the done ones. */
	clear(): void {
		for (const entry of this.entries) this.drop(entry);
		this.entries = [];
	}

	/** Drops the queued jobs and aborts the status calls in flight. */
	close(): void {
		this.clear();
		for (const abort of this.aborts) abort.abort();
	}

	/** Jobs run in queue order: a timer runs the jobs queued before its own first. */
	private runUpTo(entry: Entry): void {
		for (const e of this.entries) {
			if (e.job.state === 'queued') this.run(e);
			if (e === entry) return;
		}
	}

	private run(entry: Entry): void {
		if (entry.job.state !== 'queued') return;
		clearTimeout(entry.timer);
		const { deletedIds, status } = entry.spec.run();
		entry.job.state = 'done';
		entry.job.ranAt = Date.now();
		entry.job.deletedIds = deletedIds;
		if (entry.job.statusWebhookUrl !== '') this.postStatus(entry.job, status);
		entry.finish();
	}

	private drop(entry: Entry): void {
		if (entry.job.state !== 'queued') return;
		clearTimeout(entry.timer);
		entry.job.state = 'dropped';
		entry.finish();
	}

	/** [INF] The status is POSTed as JSON (the docs say only that the URL is called with the status). */
	private postStatus(job: QueuedJob, body: Record<string, unknown>): void {
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), STATUS_CALL_TIMEOUT_MS);
		this.aborts.add(abort);
		const call = fetch(job.statusWebhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: abort.signal,
		})
			.then(async (res) => {
				await res.text();
				job.statusCall = { status: res.status, error: '', body };
			})
			.catch((error: unknown) => {
				job.statusCall = { status: null, error: error instanceof Error ? error.message : String(error), body };
			})
			.finally(() => {
				clearTimeout(timer);
				this.aborts.delete(abort);
				this.calls.delete(call);
			});
		this.calls.add(call);
	}
}
