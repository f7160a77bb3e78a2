/**
 * Lead → Create or Update: `Lead.CreateOrUpdate` for each item (or `Lead/Bulk/CreateOrUpdate` for up
 * to 25 items per call in batch mode). LeadSquared finds the lead by e-mail, phone or the Match By field
 * and updates it, or creates one.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MAX_BULK_ROWS } from '../../machinery/bulk';
import type { RowResult } from '../../machinery/bulk';
import { isDuplicatePhone, LeadSquaredError, WrittenError } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import type { FieldIndex } from '../../values/fields';
import { buildLeadPayload, hasValue, identityKeys, toRequestBody, upsertMatch } from '../../model/lead/payload';
import type { LeadPayload, PayloadOptions } from '../../model/lead/payload';
import { settle } from '../../machinery/scheduler';
import { bulkCreateOrUpdateLeads, createOrUpdateLead, getLeadsByIds, missingLead } from '../../transport/leads';
import { numberOption, optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Batching, Entry, Operation, Outcome, RunContext } from '../engine';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import {
	accountFields,
	fieldNotes,
	leadFieldProperties,
	leadWriteOptions,
	matchFieldProperty,
	payloadOptions,
	readBack,
	readLeadFields,
	readMatchField,
} from './leadFields';

const PHONE = 'Phone';

const properties: INodeProperties[] = [
	...leadFieldProperties,
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		default: 'default',
		options: [
			{
				name: 'LeadSquared Default (Email, Then Phone)',
				value: 'default',
				description: 'LeadSquared looks the lead up by its e-mail address, or by its phone number when there is no e-mail',
			},
			{
				name: 'A Specific Field',
				value: 'field',
				description: "Send SearchBy: update the lead whose value in this field equals the item's",
			},
		],
		description: 'How LeadSquared finds the lead to update; when none matches, it creates one',
	},
	matchFieldProperty('The field to find the lead by (sent as SearchBy). The item must carry a value for it.'),
	optionsCollection(
		[
			...leadWriteOptions,
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BULK_ROWS, numberPrecision: 0 },
				default: MAX_BULK_ROWS,
				description: 'Leads per bulk call when "Send in Batches" is on (LeadSquared allows at most 25)',
			},
			{
				displayName: 'On Duplicate Phone, Update That Lead',
				name: 'retryDuplicatePhone',
				type: 'boolean',
				default: false,
				description:
					'Whether to retry once with SearchBy=Phone when LeadSquared answers "A Lead with same Phone Number already exists." (the e-mail matched no lead but the phone belongs to one)',
			},
			{
				displayName: 'Return Full Lead',
				name: 'returnFullLead',
				type: 'boolean',
				default: false,
				description: 'Whether to add the full lead record to the output (one more call per item, or per batch)',
			},
			{
				...typedValuesOption,
				description: `${typedValuesOption.description}. Applies to the lead added by "Return Full Lead".`,
			},
			{
				displayName: 'Send in Batches',
				name: 'sendInBatches',
				type: 'boolean',
				default: false,
				description:
					'Whether to send up to 25 items per call to the bulk API. Much faster for large volumes; each item still gets its own result or error.',
			},
		],
		sharedOptions({ bulk: true }),
	),
];

export const description = showFor({ resource: ['lead'], operation: ['createOrUpdate'] }, properties);

interface Setup {
	fields: FieldIndex;
	payload: PayloadOptions;
}

/** The Match By field of an item: undefined for LeadSquared's default. */
function readSearchBy(context: IExecuteFunctions, itemIndex: number): string | undefined {
	return readMatchField(context, itemIndex, {
		hint: "Choose the field to match on, or make sure the Match Field's expression gives a schema name for every item.",
	});
}

class CreateOrUpdate implements Operation<LeadPayload, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return { fields: await accountFields(run.context, run.client), payload: payloadOptions(run.context, run.options) };
	}

	prepare(run: RunContext, index: number, item: INodeExecutionData, setup: Setup): LeadPayload {
		const input = { ...readLeadFields(run.context, index, item), searchBy: readSearchBy(run.context, index) };
		return buildLeadPayload(input, setup.fields, setup.payload);
	}

	keys(payload: LeadPayload, setup: Setup): string[] {
		return identityKeys(payload, setup.fields);
	}

	/** Matched by e-mail, phone or Match By, a repeated upsert updates the lead the first one wrote. */
	check(payload: LeadPayload): WriteCheck {
		const match = upsertMatch(payload);
		if (match === undefined) return { record: 'lead', change: 'create', read: 'Lead → Get Many', key: 'a field the item sets, such as the name' };
		const by = match.field === 'EmailAddress' ? 'By Email' : match.field === PHONE ? 'By Phone' : undefined;
		return {
			record: 'lead',
			change: 'create',
			read: by ? 'Lead → Get' : 'Lead → Get Many',
			key: keyOf(by ?? match.field, match.value),
			safeRepeat: `repeating it updates the same lead (LeadSquared matches it by ${match.field})`,
		};
	}

	async send(run: RunContext, { prepared: payload }: Entry<LeadPayload>, setup: Setup): Promise<IDataObject> {
		const post = async (searchBy?: string) =>
			await settle(async () => await createOrUpdateLead(run.client, toRequestBody(payload, searchBy), automations(run)));
		let attempt = await post(payload.searchBy);
		let retriedByPhone = false;
		if (!attempt.ok && attempt.error instanceof LeadSquaredError && canRetryByPhone(run, payload, attempt.error.failure)) {
			retriedByPhone = true;
			attempt = await post(PHONE);
		}
		if (!attempt.ok) throw attempt.error;
		const result = attempt.value;
		const json: IDataObject = {
			status: result.status,
			leadId: result.leadId,
			...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
			...(retriedByPhone ? { retriedWithSearchBy: PHONE } : {}),
			...fieldNotes(payload),
		};
		if (run.options.returnFullLead === true) {
			json.lead = outputRecord(await readBack(run.client, result.leadId), typedValuesOn(run.context, run.options), setup.fields);
		}
		return json;
	}

	batching(run: RunContext, setup: Setup): Batching<LeadPayload> | undefined {
		if (run.options.sendInBatches !== true) return undefined;
		const size = numberOption(run.options, { name: 'batchSize', label: 'Batch Size', min: 1, max: MAX_BULK_ROWS, whole: true, fallback: MAX_BULK_ROWS });
		return { size, send: async (entries) => await sendBatch(run, entries, setup) };
	}
}

function automations(run: RunContext): boolean {
	return run.options.triggerAutomations === true;
}

/** Whether a duplicate-phone answer may be retried as an update of the phone's owner. */
function canRetryByPhone(run: RunContext, payload: LeadPayload, failure: Failure): boolean {
	return run.options.retryDuplicatePhone === true && payload.searchBy !== PHONE && hasValue(payload, PHONE) && isDuplicatePhone(failure);
}

/** One bulk call for up to 25 items; each row's result or error goes to the item it came from. */
async function sendBatch(run: RunContext, batch: Array<Entry<LeadPayload>>, setup: Setup): Promise<Outcome[]> {
	let results: RowResult[];
	try {
		results = await bulkCreateOrUpdateLeads(
			run.client,
			batch.map(({ prepared }) => toRequestBody(prepared, prepared.searchBy)),
			automations(run),
		);
	} catch (error) {
		// The whole call failed (rate limit past the wait, network, auth): so did each of its rows.
		return batch.map(({ index }) => ({ index, ok: false, error }));
	}
	const retried = await retryDuplicatePhones(run, batch, results);
	const leads = await fullLeads(run, results);
	const typed = typedValuesOn(run.context, run.options);
	return batch.map(({ index, prepared }, row): Outcome => {
		const result = results[row];
		if (!result.ok) return { index, ok: false, error: new LeadSquaredError(result.failure) };
		if (leads instanceof Error) return { index, ok: false, error: WrittenError.readBack(leads, result.leadId), extra: { leadId: result.leadId } };
		const lead = leads?.get(result.leadId);
		if (leads && !lead) return { index, ok: false, error: missingLead(result.leadId), extra: { leadId: result.leadId } };
		const json: IDataObject = {
			status: 'Success',
			leadId: result.leadId,
			...(result.created !== undefined ? { created: result.created } : {}),
			...(result.updated !== undefined ? { updated: result.updated } : {}),
			...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
			...(retried.has(row) ? { retriedWithSearchBy: PHONE } : {}),
			...fieldNotes(prepared),
			...(lead ? { lead: outputRecord(lead, typed, setup.fields) } : {}),
		};
		return { index, ok: true, json: [json] };
	});
}

/** Rows refused for a duplicate phone go again, in one more bulk call, matched on Phone. */
async function retryDuplicatePhones(run: RunContext, batch: Array<Entry<LeadPayload>>, results: RowResult[]): Promise<Set<number>> {
	const rows = batch
		.map((entry, row) => ({ ...entry, row }))
		.filter(({ prepared, row }) => {
			const result = results[row];
			return !result.ok && canRetryByPhone(run, prepared, result.failure);
		});
	if (rows.length === 0) return new Set();
	try {
		const second = await bulkCreateOrUpdateLeads(
			run.client,
			rows.map(({ prepared }) => toRequestBody(prepared, PHONE)),
			automations(run),
		);
		rows.forEach(({ row }, position) => {
			results[row] = second[position];
		});
	} catch (error) {
		const failure: Failure = error instanceof LeadSquaredError ? error.failure : { kind: 'unexpected', message: 'The retry by phone failed' };
		rows.forEach(({ row }) => {
			results[row] = { ok: false, failure };
		});
	}
	return new Set(rows.map(({ row }) => row));
}

/** With "Return Full Lead": the batch's lead records in one call (or the error that call met). */
async function fullLeads(run: RunContext, results: RowResult[]): Promise<Map<string, IDataObject> | Error | undefined> {
	if (run.options.returnFullLead !== true) return undefined;
	const ids = results.flatMap((result) => (result.ok ? [result.leadId] : []));
	if (ids.length === 0) return new Map();
	try {
		return await getLeadsByIds(run.client, [...new Set(ids)]);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateOrUpdate());
}
