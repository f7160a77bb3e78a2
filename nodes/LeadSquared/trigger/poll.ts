/**
 * The LeadSquared Polling Trigger's poll (n8n's polling-trigger conventions):
 * - activation: the first poll remembers the second it ran and emits nothing;
 * - each poll after that reads every record modified since the cursor (pollReader.ts: time-anchored
 *   reads in the largest pages LeadSquared allows, whatever its order of records that share a second),
 *   up to the cap of records per poll, and emits each new record or change once (cursor.ts), as one
 *   execution with one item per record; a capped poll's next poll goes on where it stopped; nothing new:
 *   no execution;
 * - "Fetch Test Event" (manual mode): the most recently changed record of the last 30 days, without
 *   touching the cursor.
 * The cursor lives in the node's static data, with the settings it was made for: changing the event or
 * the activity type starts over from now.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldIndex } from '../values/fields';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';
import { fetchLeadFields } from '../transport/leadFields';
import { activitiesByEvent, MAX_PAGE_SIZE, recentlyModifiedLeads } from '../transport/polling';
import type { Page, PageRequest } from '../transport/polling';
import { initialState, leadSquaredSecond, nowSeconds, PollSelection, readPollState } from './cursor';
import type { PollMode, PollRow } from './cursor';
import { toTriggerError } from './errors';
import { errorText, TriggerLog } from './log';
import { activityPollItem, leadPollItem, pollEvent, pollRowOf } from './pollItems';
import type { PollItemOptions, PollSource } from './pollItems';
import { PollReadError, readSince } from './pollReader';
import type { ReadPage, ReadRequest } from './pollReader';
import { typeCode, typedValuesOn } from './settings';

/** Records one poll emits by default (Options → Max Records per Poll). */
export const DEFAULT_MAX_RECORDS = 10_000;
/** Requests one poll makes at most (20 s at LeadSquared's 25 calls per 5 s), so that a poll that emits few records still ends. */
const MAX_REQUESTS = 100;
const TEST_EVENT_DAYS = 30;
/** What a poll may take when n8n does not say (n8n 1.x; 2.x without its scheduler says 5 minutes). */
const DEFAULT_BUDGET_MS = 5 * 60_000;
/** The share of the poll's time for reading: the rest builds the items. */
const READ_SHARE = 0.7;

/**
 * The polls running in this process, by workflow and node. Without n8n's scheduler (n8n 1.x, 2.x by
 * default) the next poll starts on time even when the last one has not ended, and two polls reading from
 * the same state would emit the same records: the later one stands aside.
 */
const running = new Set<string>();

type Json = Record<string, unknown>;
type FetchPage = (request: PageRequest) => Promise<Page>;
type Row = PollRow & { record: Json };

interface PollSettings {
	source: PollSource;
	mode: PollMode;
	activityType?: number;
	typed: boolean;
	maxRecords: number;
	/** What the cursor was made for. */
	key: string;
}

function settingsOf(context: IPollFunctions): PollSettings {
	const node = context.getNode();
	const eventKey = context.getNodeParameter('event', 'leadCreatedOrUpdated');
	const event = pollEvent(eventKey);
	if (!event) throw new NodeOperationError(node, `Unknown event '${String(eventKey)}'`);
	let activityType: number | undefined;
	if (event.source === 'activity') {
		activityType = typeCode(context.getNodeParameter('activityType', ''));
		if (activityType === undefined) throw new NodeOperationError(node, 'Choose the activity type to watch under Activity Type (its code is a number, e.g. 201)');
	}
	const maxRecords = context.getNodeParameter('options.maxRecordsPerPoll', DEFAULT_MAX_RECORDS) as unknown;
	if (typeof maxRecords !== 'number' || !Number.isInteger(maxRecords) || maxRecords < 1) {
		throw new NodeOperationError(node, `Max Records per Poll must be a whole number of at least 1, not '${String(maxRecords)}'`);
	}
	return { ...event, activityType, typed: typedValuesOn(context), maxRecords, key: JSON.stringify([eventKey, activityType ?? null]) };
}

/** A record as the cursor sees it; a record without its id cannot be told apart, and fails the poll. */
function rowOf(source: PollSource, record: Json): Row {
	const row = pollRowOf(source, record);
	if (!row) throw new PollReadError(`LeadSquared returned ${source === 'lead' ? 'a lead without ProspectID' : 'an activity without ProspectActivityId'}`);
	return { ...row, record };
}

async function leadFields(context: IPollFunctions, client: LeadSquaredClient): Promise<FieldIndex | undefined> {
	try {
		return new FieldIndex(await fetchLeadFields(client));
	} catch (error) {
		new TriggerLog(context.logger, (text) => client.scrub(text)).warn(`LeadSquared Polling Trigger: could not read the lead field types (${errorText(error)}); only system fields are typed`);
		return undefined;
	}
}

interface PollTools {
	settings: PollSettings;
	fetchPage: FetchPage;
	toItems: (records: Array<{ record: Json; isNew: boolean }>) => Promise<INodeExecutionData[][]>;
}

/** "Fetch Test Event": the most recently changed record of the last TEST_EVENT_DAYS days. */
async function testEvent({ settings, fetchPage, toItems }: PollTools): Promise<INodeExecutionData[][] | null> {
	const to = nowSeconds(Date.now());
	const from = to - TEST_EVENT_DAYS * 86_400;
	const page = await fetchPage({ from: leadSquaredSecond(from), to: leadSquaredSecond(to), pageIndex: 1, pageSize: 1, order: 'newest' });
	if (page.rows.length === 0) return null;
	const row = pollRowOf(settings.source, page.rows[0]);
	return await toItems([{ record: page.rows[0], isNew: row?.created !== undefined && row.created === row.modified }]);
}

/** A poll: every record changed since the cursor, up to the cap and within `readMs`. */
async function pollChanges(context: IPollFunctions, { settings, fetchPage, toItems }: PollTools, readMs: number): Promise<INodeExecutionData[][] | null> {
	const readUntil = Date.now() + readMs;
	const data = context.getWorkflowStaticData('node');
	const state = data.pollFor === settings.key ? readPollState(data.poll) : undefined;
	if (!state) {
		data.poll = initialState(Date.now()) as unknown as IDataObject;
		data.pollFor = settings.key;
		return null;
	}
	const selection = new PollSelection<Row>(state, settings.mode);
	const read = async (request: ReadRequest): Promise<ReadPage<Row>> => {
		const { from, to, pageIndex, pageSize, order } = request;
		const page = await fetchPage({ from: leadSquaredSecond(from), to: leadSquaredSecond(to), pageIndex, pageSize, order });
		return { recordCount: page.recordCount, rows: page.rows.map((record) => rowOf(settings.source, record)) };
	};
	const summary = await readSince({
		from: state.cursor,
		pageSize: MAX_PAGE_SIZE[settings.source],
		maxRecords: settings.maxRecords,
		maxRequests: MAX_REQUESTS,
		expired: () => Date.now() >= readUntil,
		now: () => nowSeconds(Date.now()),
		read,
		take: (rows) => selection.take(rows),
	});
	data.poll = selection.finish(summary) as unknown as IDataObject;
	if (!summary.complete) {
		context.logger.info(
			`LeadSquared Polling Trigger: this poll emits ${summary.emitted} records and stopped at its limit (${settings.maxRecords} records, ${MAX_REQUESTS} requests or ${Math.round(readMs / 1000)} s); the next poll goes on from ${leadSquaredSecond(summary.anchor)} UTC`,
		);
	}
	if (selection.fresh.length === 0) return null;
	return await toItems(selection.fresh.map(({ row, isNew }) => ({ record: row.record, isNew })));
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const node = this.getNode();
	// n8n 2.x abandons a poll that runs past its budget (45 s with its scheduler): read within it, leave the rest to the next poll
	const budgetMs = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	const readMs = budgetMs * READ_SHARE;
	const manual = this.getMode() === 'manual';
	const guard = `${this.getWorkflow().id ?? ''}:${node.id}`;
	if (!manual && running.has(guard)) {
		this.logger.info('LeadSquared Polling Trigger: the last poll of this trigger is still running; this one stands aside');
		return null;
	}
	if (!manual) running.add(guard);
	try {
		let client: LeadSquaredClient;
		try {
			// one rate-limit wait must not use up the poll's time either
			client = await LeadSquaredClient.connect(this, { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: Math.min(60_000, Math.max(5_000, readMs / 2)) });
		} catch (error) {
			throw toTriggerError(node, error);
		}
		const fetchPage: FetchPage = async (request) =>
			settings.source === 'lead' ? await recentlyModifiedLeads(client, request) : await activitiesByEvent(client, settings.activityType as number, request);
		const toItem = settings.source === 'lead' ? leadPollItem : activityPollItem;
		// the lead field types are read only for records to emit, not on polls that find nothing
		const toItems = async (records: Array<{ record: Json; isNew: boolean }>): Promise<INodeExecutionData[][]> => {
			const options: PollItemOptions = {
				typed: settings.typed,
				fields: settings.typed && settings.source === 'lead' ? await leadFields(this, client) : undefined,
				now: new Date().toISOString(),
			};
			return [records.map(({ record, isNew }) => ({ json: toItem(record, isNew, options) as IDataObject }))];
		};
		const tools = { settings, fetchPage, toItems };
		try {
			return manual ? await testEvent(tools) : await pollChanges(this, tools, readMs);
		} catch (error) {
			throw toTriggerError(node, error);
		}
	} finally {
		if (!manual) running.delete(guard);
	}
}
