/**
 * The one execution engine every operation runs on. It owns what items have in common:
 * - reading the shared options (checked) and connecting to LeadSquared once per execution;
 * - checking every item before the first call (so bad input stops the node before anything is written);
 * - sending calls paced and concurrent, never two at once for the same record, one per item or one per
 *   batch of items;
 * - settling results back on their items in input order: each input item yields its output item(s) or
 *   one error item, paired to it;
 * - continue-on-fail and the error output, and, without them, stopping at the first failure in input
 *   order (calls under way finish, no new ones start);
 * - the tool form (see ./tool): a read that found nothing answers `{ found: false, message }` instead of no
 *   item, reads are simplified (Options → Simplify, on by default for a tool), refused input is worded for a model,
 *   and in an agent's requested execution a failure is the tool's answer (an error item) unless On Error is
 *   "Stop Workflow".
 * An operation supplies only what is particular to it (see Operation).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchesByKeys } from '../../machinery/bulk';
import { LeadSquaredError } from '../../machinery/errors';
import { explainUnknownOutcome } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { runKeyed } from '../../machinery/scheduler';
import { LeadSquaredClient } from '../../transport';
import { toErrorItem, toNodeError } from '../errors';
import { simplifyRecord } from '../../values/simplify';
import type { SimplifyKind } from '../../values/simplify';
import { readEngineSettings } from './options';
import type { EngineSettings } from './options';
import { isToolRun, simplifyOn, toolAnswersFailures } from './tool';

export { optionsCollection, sharedOptions, numberOption, DEFAULT_CONCURRENCY } from './options';
export { simplifyOption } from './tool';

export interface RunContext {
	readonly context: IExecuteFunctions;
	readonly client: LeadSquaredClient;
	/** The node's Options collection (read once, at item 0). */
	readonly options: IDataObject;
	readonly settings: EngineSettings;
	/** The node runs as an AI tool (an agent's or an MCP client's call). */
	readonly tool: boolean;
}

export interface Entry<P> {
	index: number;
	prepared: P;
}

/** What became of one item: its output item(s) (none for a read that found nothing), or why it failed. */
export type Outcome = { index: number } & ({ ok: true; json: IDataObject[] } | { ok: false; error: unknown; extra?: IDataObject });

export interface Batching<P> {
	/** Items per call. */
	size: number;
	/** The most items the bulk API takes in one call (default 25, the lead and activity bulk APIs' limit). */
	max?: number;
	/** Sends one batch; returns one outcome per entry. */
	send(entries: Array<Entry<P>>): Promise<Outcome[]>;
}

export interface Operation<P, S = undefined> {
	/** Once per execution, after connecting (e.g. the account's fields). A failure fails every item. */
	setup?(run: RunContext): Promise<S>;
	/** Reads and checks one item; throws an InputError for bad input. Nothing is sent before every item is prepared. */
	prepare(run: RunContext, index: number, item: INodeExecutionData, setup: S): P | Promise<P>;
	/** The records an item writes (e-mail, phone, lead id…): items sharing one are never sent at once, and keep their order. */
	keys?(prepared: P, setup: S): readonly string[];
	/** Sends one item: its output object, several objects (one item each), or nothing (a read that found nothing). */
	send(run: RunContext, entry: Entry<P>, setup: S): Promise<IDataObject | IDataObject[] | undefined>;
	/**
	 * For a write: the record it writes and the read that shows it, with the item's key. When LeadSquared may
	 * have applied an item's write but its answer was lost, the item's message says so and how to check
	 * before running it again (machinery/outcome.ts).
	 */
	check?(prepared: P, setup: S): WriteCheck;
	/** When the user chose to send in batches: how. */
	batching?(run: RunContext, setup: S): Batching<P> | undefined;
	/**
	 * Reads: what a model is told when an item found nothing ("No lead with EmailAddress … exists in
	 * LeadSquared."). As a tool, such an item answers `{ found: false, message }`; elsewhere it gives no item.
	 */
	notFound?(prepared: P, setup: S): string;
	/** Reads: the kind of record each output object is, for Options → Simplify (the operation offers the option). */
	simplify?: SimplifyKind;
}

/** The `found: false` answer a tool gives for a read that found nothing. */
export function notFoundAnswer(message: string): IDataObject {
	return { found: false, message };
}

function asList(json: IDataObject | IDataObject[] | undefined): IDataObject[] {
	if (json === undefined) return [];
	return Array.isArray(json) ? json : [json];
}

class Run<P, S> {
	private readonly results: Array<INodeExecutionData[] | undefined>;
	private readonly continueOnFail: boolean;
	private readonly errorOutput: boolean;
	private readonly tool: boolean;
	/** Each item's prepared input, once read (for the message of a write whose outcome is unknown). */
	private readonly prepared = new Map<number, P>();
	private setup: S | undefined;
	private client: LeadSquaredClient | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly items: INodeExecutionData[],
		private readonly operation: Operation<P, S>,
	) {
		this.results = new Array(items.length);
		this.tool = isToolRun(context);
		this.continueOnFail = context.continueOnFail() || toolAnswersFailures(context);
		this.errorOutput = context.getNode().onError === 'continueErrorOutput';
	}

	/** Records a failure for an item: an error item when continuing on fail, else stops the node. */
	private fail(index: number, failed: unknown, extra?: IDataObject): void {
		const error = this.explained(index, failed);
		const nodeError = toNodeError(this.context, error, index, this.tool);
		if (!this.continueOnFail) throw nodeError;
		this.results[index] = [toErrorItem(nodeError, error, index, extra, this.errorOutput)];
	}

	/** A write whose outcome is unknown: its message says what may already exist and how to check. */
	private explained(index: number, error: unknown): unknown {
		if (!(error instanceof LeadSquaredError) || error.failure.unknownOutcome !== true) return error;
		const prepared = this.prepared.get(index);
		const check = prepared !== undefined && this.operation.check ? this.operation.check(prepared, this.setup as S) : undefined;
		const explained = explainUnknownOutcome(error.failure, check);
		// The sentence quotes the item's values (ids, e-mail addresses, names): never a key among them.
		const failure = this.client && explained !== error.failure ? { ...explained, message: this.client.scrub(explained.message) } : explained;
		return failure === error.failure ? error : new LeadSquaredError(failure);
	}

	private succeed(index: number, json: IDataObject[]): void {
		this.results[index] = json.map((entry) => ({ json: entry, pairedItem: { item: index } }));
	}

	private failAll(error: unknown): void {
		this.items.forEach((_, index) => this.fail(index, error));
	}

	async run(): Promise<INodeExecutionData[]> {
		const options = (this.context.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
		let run: RunContext;
		let setup: S;
		try {
			const settings = readEngineSettings(options);
			const client = await LeadSquaredClient.connect(this.context, settings.transport);
			run = { context: this.context, client, options, settings, tool: this.tool };
			setup = this.operation.setup ? await this.operation.setup(run) : (undefined as S);
			this.setup = setup;
			this.client = client;
		} catch (error) {
			// Without a client (or what every item needs) no item can be checked or sent: each fails with the cause.
			this.failAll(error);
			return this.output();
		}

		const prepared: Array<Entry<P>> = [];
		for (const [index, item] of this.items.entries()) {
			try {
				const entry = { index, prepared: await this.operation.prepare(run, index, item, setup) };
				this.prepared.set(index, entry.prepared);
				prepared.push(entry);
			} catch (error) {
				this.fail(index, error);
			}
		}
		await this.send(run, setup, prepared);
		return this.output();
	}

	private output(): INodeExecutionData[] {
		return this.results.flatMap((result) => result ?? []);
	}

	private async send(run: RunContext, setup: S, prepared: Array<Entry<P>>): Promise<void> {
		const keysOf = (entry: Entry<P>) => this.operation.keys?.(entry.prepared, setup) ?? [];
		let batching: Batching<P> | undefined;
		try {
			batching = this.operation.batching?.(run, setup);
		} catch (error) {
			prepared.forEach(({ index }) => this.fail(index, error));
			return;
		}
		// Items for the same record never share a batch (their order would be LeadSquared's to choose).
		const units = batching ? batchesByKeys(prepared, batching.size, keysOf, batching.max) : prepared.map((entry) => [entry]);
		let stopped = false;
		const settled = await runKeyed(
			units.map((unit) => ({
				keys: unit.flatMap(keysOf),
				run: async () => {
					const outcomes = batching ? await batching.send(unit) : [await this.sendOne(run, setup, unit[0])];
					if (!this.continueOnFail && outcomes.some((outcome) => !outcome.ok)) stopped = true;
					return outcomes;
				},
			})),
			run.settings.concurrency,
			() => stopped,
		);
		settled.forEach((result, position) => {
			// Not started because an earlier failure stopped the node: that failure is thrown below.
			if (result === undefined) return;
			const outcomes: Outcome[] = result.ok
				? result.value
				: units[position].map(({ index }) => ({ index, ok: false, error: result.error }));
			for (const outcome of outcomes) {
				if (outcome.ok) this.succeed(outcome.index, outcome.json);
				else this.fail(outcome.index, outcome.error, outcome.extra);
			}
		});
	}

	/** A read's output as asked: simplified (Options → Simplify), and as a tool `{ found: false, … }` for nothing. */
	private shape(run: RunContext, setup: S, entry: Entry<P>, json: IDataObject[]): IDataObject[] {
		const { notFound, simplify } = this.operation;
		if (json.length === 0) return run.tool && notFound ? [notFoundAnswer(notFound.call(this.operation, entry.prepared, setup))] : json;
		if (simplify === undefined || !simplifyOn(run.options, run.tool)) return json;
		return json.map((record) => simplifyRecord(record, simplify) as IDataObject);
	}

	private async sendOne(run: RunContext, setup: S, entry: Entry<P>): Promise<Outcome> {
		try {
			return { index: entry.index, ok: true, json: this.shape(run, setup, entry, asList(await this.operation.send(run, entry, setup))) };
		} catch (error) {
			const extra = (error as { extra?: unknown })?.extra;
			return { index: entry.index, ok: false, error, ...(extra && typeof extra === 'object' ? { extra: extra as IDataObject } : {}) };
		}
	}
}

/** Runs an operation over the node's input items. */
export async function runOperation<P, S>(context: IExecuteFunctions, operation: Operation<P, S>): Promise<INodeExecutionData[]> {
	return await new Run(context, context.getInputData(), operation).run();
}
