/**
 * Running item writes concurrently without racing on the same lead.
 *
 * LeadSquared's answers take a few hundred milliseconds, so one call at a time leaves most of the rate
 * limit unused; a few calls in flight use it fully. But two writes for the same lead must not overlap:
 * two concurrent "create or update" calls for one new e-mail can both create it. So each task names the
 * identities it writes (e-mail, phone, unique field values); a task starts only after every earlier task
 * sharing one of them has finished, and at most `concurrency` tasks run at once.
 *
 * Pure: no n8n imports.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface KeyedTask<T> {
	/** Identities this task writes; tasks sharing one run in input order, never at the same time. */
	keys: readonly string[];
	run: () => Promise<T>;
}

/** Runs `run` and reports its value or its error (thrown synchronously or not) instead of throwing. */
export async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
	return await Promise.resolve()
		.then(run)
		.then(
			(value): Settled<T> => ({ ok: true, value }),
			(error: unknown): Settled<T> => ({ ok: false, error }),
		);
}

class Pool {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly size: number) {}

	async acquire(): Promise<void> {
		if (this.active < this.size) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.active--;
	}
}

/**
 * Runs the tasks, returning one settled result per task in input order. When `stop()` turns true (e.g.
 * an item failed and the node is not continuing on fail), tasks not yet started are skipped and their
 * result is undefined; tasks already running finish.
 */
export async function runKeyed<T>(
	tasks: ReadonlyArray<KeyedTask<T>>,
	concurrency: number,
	stop: () => boolean = () => false,
): Promise<Array<Settled<T> | undefined>> {
	const pool = new Pool(Math.max(1, Math.floor(concurrency)));
	const last = new Map<string, Promise<unknown>>();
	const results: Array<Settled<T> | undefined> = new Array(tasks.length).fill(undefined);
	const all = tasks.map((task, index) => {
		const before = [...new Set(task.keys)].flatMap((key) => {
			const previous = last.get(key);
			return previous ? [previous] : [];
		});
		const done = (async () => {
			await Promise.all(before);
			await pool.acquire();
			try {
				if (stop()) return;
				results[index] = await settle(task.run);
			} finally {
				pool.release();
			}
		})();
		for (const key of task.keys) last.set(key, done);
		return done;
	});
	await Promise.all(all);
	return results;
}

/** Digits a phone number is compared by: its national number (the last 10 digits), so +91-98450 98450, 9845098450 and 09845098450 are one phone. */
const NATIONAL_DIGITS = 10;

/** The identity a value gives a lead: e-mails by letter-insensitive address, phones by their national number. */
export function identityKey(kind: 'email' | 'phone' | 'other', field: string, value: string): string | undefined {
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (kind === 'email') return `email:${trimmed.toLowerCase()}`;
	if (kind === 'phone') {
		const digits = trimmed.replace(/\D/g, '');
		return digits === '' ? undefined : `phone:${digits.slice(-NATIONAL_DIGITS)}`;
	}
	return `${field.toLowerCase()}:${trimmed.toLowerCase()}`;
}
