/**
 * The LeadSquared Polling Trigger's poll (n8n's polling-trigger conventions):
 * - activation: the first poll remembers the second it ran and emits nothing;
 * - each poll after that reads the window the cursor gives (cursor.ts), every page, and emits each new
 *   record or change once, as one execution with one item per record; nothing new: no execution;
 * - "Fetch Test Event" (manual mode): the most recently changed record of the last 30 days, without
 *   touching the cursor.
 * The cursor lives in the node's static data, with the settings it was made for: changing the event or
 * the activity type starts over from now.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldIndex } from '../helpers/fields';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';
import { fetchLeadFields } from '../transport/leadFields';
import { activitiesByEvent, recentlyModifiedLeads } from '../transport/polling';
import type { Page, PageRequest } from '../transport/polling';
import { initialState, leadSquaredSecond, nextWindow, nowSeconds, readPollState, selectRows } from './cursor';
import type { PollMode, PollRow, Window } from './cursor';
import { toTriggerError } from './errors';
import { errorText, TriggerLog } from './log';
import { activityPollItem, leadPollItem, pollEvent, pollRowOf } from './pollItems';
import type { PollItemOptions, PollSource } from './pollItems';
import { typeCode, typedValuesOn } from './settings';

const POLL_SETTINGS = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 60_000 };
const PAGE_SIZE: Record<PollSource, number> = { lead: 1000, activity: 500 };
const MAX_PAGES = 100;
const TEST_EVENT_DAYS = 30;

type Json = Record<string, unknown>;
type FetchPage = (request: PageRequest) => Promise<Page>;

/**
 * Every row of a window. LeadSquared pages by position: when a record changes while the pages are read,
 * it leaves the window and the pages shift, so a change of RecordCount between pages reads the window
 * again (the rows of every attempt are kept; the cursor drops repeats).
 */
async function readWindow(fetchPage: FetchPage, window: Window, pageSize: number): Promise<Json[]> {
	const all: Json[] = [];
	for (let attempt = 0; attempt < 3; attempt++) {
		let total: number | undefined;
		let stable = true;
		for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
			const page = await fetchPage({ from: leadSquaredSecond(window.from), to: leadSquaredSecond(window.to), pageIndex, pageSize });
			if (total !== undefined && page.recordCount !== total) stable = false;
			total ??= page.recordCount;
			all.push(...page.rows);
			if (page.rows.length < pageSize || pageIndex * pageSize >= page.recordCount) break;
		}
		if (stable) break;
	}
	return all;
}

function settingsOf(context: IPollFunctions): { source: PollSource; mode: PollMode; activityType?: number; typed: boolean; key: string } {
	const eventKey = context.getNodeParameter('event', 'leadCreatedOrUpdated');
	const event = pollEvent(eventKey);
	if (!event) throw new NodeOperationError(context.getNode(), `Unknown event '${String(eventKey)}'`);
	let activityType: number | undefined;
	if (event.source === 'activity') {
		activityType = typeCode(context.getNodeParameter('activityType', ''));
		if (activityType === undefined) throw new NodeOperationError(context.getNode(), 'Choose the activity type to watch under Activity Type (its code is a number, e.g. 201)');
	}
	return { ...event, activityType, typed: typedValuesOn(context), key: JSON.stringify([eventKey, activityType ?? null]) };
}

async function leadFields(context: IPollFunctions, client: LeadSquaredClient): Promise<FieldIndex | undefined> {
	try {
		return new FieldIndex(await fetchLeadFields(client));
	} catch (error) {
		new TriggerLog(context.logger, (text) => client.scrub(text)).warn(`LeadSquared Polling Trigger: could not read the lead field types (${errorText(error)}); only system fields are typed`);
		return undefined;
	}
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const node = this.getNode();
	let client: LeadSquaredClient;
	try {
		client = await LeadSquaredClient.connect(this, POLL_SETTINGS);
	} catch (error) {
		throw toTriggerError(node, error);
	}
	const fetchPage: FetchPage = async (request) =>
		settings.source === 'lead' ? await recentlyModifiedLeads(client, request) : await activitiesByEvent(client, settings.activityType as number, request);
	const now = Date.now();
	// only called with records to emit: the lead field types are read then, not on polls that find nothing
	const itemOptions = async (): Promise<PollItemOptions> => ({
		typed: settings.typed,
		fields: settings.typed && settings.source === 'lead' ? await leadFields(this, client) : undefined,
		now: new Date(now).toISOString(),
	});
	const toItem = settings.source === 'lead' ? leadPollItem : activityPollItem;

	try {
		if (this.getMode() === 'manual') {
			const to = nowSeconds(now);
			const from = to - TEST_EVENT_DAYS * 86_400;
			const page = await fetchPage({ from: leadSquaredSecond(from), to: leadSquaredSecond(to), pageIndex: 1, pageSize: 1, newestFirst: true });
			if (page.rows.length === 0) return null;
			const options = await itemOptions();
			const row = pollRowOf(settings.source, page.rows[0]);
			const isNew = row?.created !== undefined && row.created === row.modified;
			return [[{ json: toItem(page.rows[0], isNew, options) as IDataObject }]];
		}

		const data = this.getWorkflowStaticData('node');
		const state = data.pollFor === settings.key ? readPollState(data.poll) : undefined;
		if (!state) {
			data.poll = initialState(now) as unknown as IDataObject;
			data.pollFor = settings.key;
			return null;
		}
		const window = nextWindow(state, now);
		const records = await readWindow(fetchPage, window, PAGE_SIZE[settings.source]);
		const rows: Array<PollRow & { record: Json }> = [];
		for (const record of records) {
			const row = pollRowOf(settings.source, record);
			if (row) rows.push({ ...row, record });
		}
		const selection = selectRows(state, rows, settings.mode, window);
		data.poll = selection.state as unknown as IDataObject;
		if (selection.fresh.length === 0) return null;
		const options = await itemOptions();
		return [selection.fresh.map(({ row, isNew }) => ({ json: toItem(row.record, isNew, options) as IDataObject }))];
	} catch (error) {
		throw toTriggerError(node, error);
	}
}
