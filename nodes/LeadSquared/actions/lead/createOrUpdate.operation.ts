/**
 * Lead → Create or Update: `Lead.CreateOrUpdate` for each item (or `Lead/Bulk/CreateOrUpdate` for up
 * to 25 items per call in batch mode). Every item is checked against the account's fields before any
 * call, and every input item yields exactly one output item or one error item, paired to it.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { chunk, MAX_BULK_ROWS } from '../../helpers/bulk';
import type { RowResult } from '../../helpers/bulk';
import { isDuplicatePhone, LeadSquaredError } from '../../helpers/errors';
import type { Failure } from '../../helpers/errors';
import type { FieldIndex } from '../../helpers/fields';
import { buildLeadPayload, hasValue, identityKeys, InputError, toRequestBody } from '../../helpers/payload';
import { runKeyed, settle } from '../../helpers/scheduler';
import type {
	AttributeInput,
	CustomFieldSetInput,
	EmptyValueMode,
	LeadInput,
	LeadPayload,
	PayloadOptions,
	UnknownFieldMode,
} from '../../helpers/payload';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../../transport';
import type { TransportSettings } from '../../transport';
import { leadFieldsForExecution } from '../../transport/leadFields';
import { bulkCreateOrUpdateLeads, createOrUpdateLead, getLeadById, getLeadsByIds, missingLead } from '../../transport/leads';
import { toErrorItem, toNodeError } from '../errors';
import { showFor } from '../utils';

const PHONE = 'Phone';

const properties: INodeProperties[] = [
	{
		displayName: 'Lead Fields',
		name: 'attributes',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			"The lead's fields, loaded from your LeadSquared account with their types and dropdown options. Map them one by one, or let the input's keys (schema names such as EmailAddress or mx_City) map automatically.",
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getLeadFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	},
	{
		displayName: 'Lead Fields (Manual Entry)',
		name: 'manualAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Lead Field',
		description:
			'Fields to set by schema name, e.g. ones created after this node was set up. Each field may be given only once across both lists.',
		options: [
			{
				displayName: 'Field',
				name: 'attribute',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'mx_City',
						description: 'Schema name of the lead field (My Account → Settings → Lead Fields shows them)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Custom Field Sets',
		name: 'customFieldSets',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field Set',
		description: 'Custom field sets (CFS) such as mx_KYC, sent with their sub-fields',
		options: [
			{
				displayName: 'Custom Field Set',
				name: 'set',
				values: [
					{
						displayName: 'Custom Field Set Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFieldSets' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Sub-Fields',
						name: 'subFields',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						placeholder: 'Add Sub-Field',
						options: [
							{
								displayName: 'Sub-Field',
								name: 'field',
								values: [
									{
										displayName: 'Sub-Field Name',
										name: 'name',
										type: 'string',
										default: '',
										placeholder: 'mx_CustomObject_1',
									},
									{
										displayName: 'Value',
										name: 'value',
										type: 'string',
										default: '',
									},
								],
							},
						],
					},
				],
			},
		],
	},
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
				description: 'Send SearchBy: update the lead whose value in this field equals the item\'s',
			},
		],
		description: 'How LeadSquared finds the lead to update; when none matches, it creates one',
	},
	{
		displayName: 'Match Field',
		name: 'searchBy',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The field to find the lead by (sent as SearchBy). The item must carry a value for it.',
		displayOptions: { show: { matchBy: ['field'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a field...',
				typeOptions: { searchListMethod: 'searchMatchFields', searchable: true },
			},
			{
				displayName: 'By Schema Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. mx_Student_Id',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 25 },
				default: 25,
				description: 'Leads per bulk call when "Send in Batches" is on (LeadSquared allows at most 25)',
			},
			{
				displayName: 'Concurrent Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: 5,
				description:
					'How many calls may be under way at once, always within the rate limit. Items for the same lead (same e-mail, phone or unique field) are never sent at the same time, and keep their order.',
			},
			{
				displayName: 'Dates Without a Time Zone',
				name: 'dateTimezone',
				type: 'options',
				default: 'utc',
				options: [
					{ name: 'Are in UTC', value: 'utc', description: "LeadSquared's own convention" },
					{ name: "Are in the Workflow's Time Zone", value: 'workflow' },
				],
				description: 'How to read dates such as "2024-05-01 10:30" that carry no time zone. Dates are always sent to LeadSquared in UTC.',
			},
			{
				displayName: 'Empty Values',
				name: 'emptyValues',
				type: 'options',
				default: 'fail',
				options: [
					{ name: 'Fail the Item', value: 'fail' },
					{ name: 'Leave the Field Out', value: 'skip', description: 'The field keeps its value in LeadSquared; the output lists it' },
					{ name: 'Send Empty (Clears the Field)', value: 'clear' },
				],
				description: 'What to do with a field whose value is null or missing',
			},
			{
				displayName: 'Max Bulk Calls per 5 Seconds',
				name: 'maxBulkCallsPer5Seconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: "Your plan's limit for bulk APIs (lower than the ordinary one). Used by \"Send in Batches\".",
			},
			{
				displayName: 'Max Calls per 5 Seconds',
				name: 'maxCallsPer5Seconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 25,
				description:
					"Your LeadSquared plan's API rate limit. Calls from all LeadSquared nodes using this account in this n8n share it. When LeadSquared reports a lower limit, the node slows down to it.",
			},
			{
				displayName: 'Max Rate-Limit Wait (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 120,
				description: 'Longest time one item may wait out rate-limit answers before it fails',
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
				displayName: 'Retries on Network or Server Errors',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description: 'Retries after a connection failure, a timeout or a 5xx answer without a LeadSquared error. LeadSquared\'s own errors are never retried.',
			},
			{
				displayName: 'Retry Delay (Ms)',
				name: 'retryDelay',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1000,
				description: 'Wait before the first retry; doubles on each further retry',
			},
			{
				displayName: 'Return Full Lead',
				name: 'returnFullLead',
				type: 'boolean',
				default: false,
				description: 'Whether to add the full lead record to the output (one more call per item, or per batch)',
			},
			{
				displayName: 'Send in Batches',
				name: 'sendInBatches',
				type: 'boolean',
				default: false,
				description:
					'Whether to send up to 25 items per call to the bulk API. Much faster for large volumes; each item still gets its own result or error.',
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30000,
				description: 'How long to wait for each answer from LeadSquared',
			},
			{
				displayName: 'Trigger LeadSquared Automations',
				name: 'triggerAutomations',
				type: 'boolean',
				default: false,
				description:
					'Whether lead-update automations, webhooks and notifications should fire for this change (sends postUpdatedLead=true). LeadSquared does not fire them for API updates by default.',
			},
			{
				displayName: 'Unknown Fields',
				name: 'unknownFields',
				type: 'options',
				default: 'fail',
				options: [
					{ name: 'Fail the Item', value: 'fail', description: 'LeadSquared would reject the whole lead anyway' },
					{ name: 'Drop Them and List Them in the Output', value: 'drop' },
				],
				description: 'What to do with fields that do not exist in your LeadSquared account',
			},
		],
	},
];

export const description = showFor({ resource: ['lead'], operation: ['createOrUpdate'] }, properties);

interface OperationOptions {
	batchSize?: number;
	concurrency?: number;
	dateTimezone?: 'utc' | 'workflow';
	emptyValues?: EmptyValueMode;
	maxBulkCallsPer5Seconds?: number;
	maxCallsPer5Seconds?: number;
	maxRateLimitWait?: number;
	maxRetries?: number;
	retryDelay?: number;
	retryDuplicatePhone?: boolean;
	returnFullLead?: boolean;
	sendInBatches?: boolean;
	timeout?: number;
	triggerAutomations?: boolean;
	unknownFields?: UnknownFieldMode;
}

function number(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function transportSettings(options: OperationOptions): TransportSettings {
	return {
		pace: { calls: number(options.maxCallsPer5Seconds, DEFAULT_SETTINGS.pace.calls), windowMs: 5000 },
		bulkPace: { calls: number(options.maxBulkCallsPer5Seconds, DEFAULT_SETTINGS.bulkPace.calls), windowMs: 5000 },
		maxRateLimitWaitMs: number(options.maxRateLimitWait, DEFAULT_SETTINGS.maxRateLimitWaitMs / 1000) * 1000,
		maxRetries: number(options.maxRetries, DEFAULT_SETTINGS.maxRetries),
		retryDelayMs: number(options.retryDelay, DEFAULT_SETTINGS.retryDelayMs),
		timeoutMs: number(options.timeout, DEFAULT_SETTINGS.timeoutMs),
	};
}

/** Reads one item's lead input from the node's parameters (expressions resolved for that item). */
function readLeadInput(context: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): LeadInput {
	const mappingMode = context.getNodeParameter('attributes.mappingMode', itemIndex, 'defineBelow') as string;
	let attributes: AttributeInput[];
	if (mappingMode === 'autoMapInputData') {
		attributes = Object.entries(item.json).map(([name, value]) => ({ name, value, source: 'input item' }));
	} else {
		// The node checks each value against the account's fields itself (with messages naming the
		// field), so n8n's own coercion of the mapper's values is skipped: the same rules then apply
		// to mapped, automatic and manual fields alike.
		const mapped = (context.getNodeParameter('attributes.value', itemIndex, {}, { skipValidation: true }) ?? {}) as IDataObject;
		attributes = Object.entries(mapped).map(([name, value]) => ({ name, value, source: 'lead fields' }));
	}
	const manual = context.getNodeParameter('manualAttributes.attribute', itemIndex, []) as Array<{ name?: unknown; value?: unknown }>;
	for (const entry of manual) attributes.push({ name: entry.name, value: entry.value, source: 'manual entry' });

	const sets = context.getNodeParameter('customFieldSets.set', itemIndex, []) as Array<{
		field?: unknown;
		subFields?: { field?: Array<{ name?: unknown; value?: unknown }> };
	}>;
	const customFieldSets: CustomFieldSetInput[] = sets.map((set) => ({
		field: set.field,
		subFields: (set.subFields?.field ?? []).map((sub) => ({ name: sub.name, value: sub.value })),
	}));

	const matchBy = context.getNodeParameter('matchBy', itemIndex, 'default') as string;
	let searchBy: unknown;
	if (matchBy === 'field') {
		searchBy = context.getNodeParameter('searchBy', itemIndex, '', { extractValue: true });
		if (typeof searchBy !== 'string' || searchBy.trim() === '') {
			throw new InputError(
				'Match By is "A Specific Field", but the Match Field is empty',
				undefined,
				"Choose the field to match on, or make sure the Match Field's expression gives a schema name for every item.",
			);
		}
	}
	return { attributes, customFieldSets, searchBy };
}

interface Prepared {
	index: number;
	payload: LeadPayload;
}

/** What became of one item: its output, or why it failed. */
type Outcome = { index: number } & ({ ok: true; json: IDataObject } | { ok: false; error: unknown; extra?: IDataObject });

export const DEFAULT_CONCURRENCY = 5;

class CreateOrUpdateRun {
	private readonly results: Array<INodeExecutionData | undefined>;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly items: INodeExecutionData[],
		private readonly options: OperationOptions,
	) {
		this.results = new Array(items.length);
	}

	/** Records a failure for an item: an error item when continuing on fail, else stops the node. */
	private fail(index: number, error: unknown, extra?: IDataObject): void {
		const nodeError = toNodeError(this.context, error, index);
		if (!this.context.continueOnFail()) throw nodeError;
		const errorOutput = this.context.getNode().onError === 'continueErrorOutput';
		this.results[index] = toErrorItem(nodeError, error, index, extra, errorOutput);
	}

	private succeed(index: number, json: IDataObject): void {
		this.results[index] = { json, pairedItem: { item: index } };
	}

	async run(): Promise<INodeExecutionData[]> {
		let client: LeadSquaredClient;
		let fields: FieldIndex;
		try {
			client = await LeadSquaredClient.connect(this.context, transportSettings(this.options));
			fields = await leadFieldsForExecution(this.context, client);
		} catch (error) {
			// Without the account's fields no item can be checked or sent: each fails with the cause.
			this.items.forEach((_, index) => this.fail(index, error));
			return this.results as INodeExecutionData[];
		}

		const payloadOptions: PayloadOptions = {
			unknownFields: this.options.unknownFields ?? 'fail',
			emptyValues: this.options.emptyValues ?? 'fail',
			timezone: this.options.dateTimezone === 'workflow' ? this.context.getTimezone() : 'UTC',
		};
		// All items are checked before the first call, so bad input stops the node before anything is written.
		const prepared: Prepared[] = [];
		this.items.forEach((item, index) => {
			try {
				prepared.push({ index, payload: buildLeadPayload(readLeadInput(this.context, index, item), fields, payloadOptions) });
			} catch (error) {
				this.fail(index, error);
			}
		});

		await this.send(client, fields, prepared);
		return this.results as INodeExecutionData[];
	}

	private baseOutput(payload: LeadPayload): IDataObject {
		return {
			...(payload.droppedFields.length > 0 ? { droppedFields: payload.droppedFields } : {}),
			...(payload.skippedFields.length > 0 ? { skippedFields: payload.skippedFields } : {}),
		};
	}

	private get postUpdatedLead(): boolean {
		return this.options.triggerAutomations === true;
	}

	/** Whether a duplicate-phone answer may be retried as an update of the phone's owner. */
	private canRetryByPhone(payload: LeadPayload, failure: Failure): boolean {
		return this.options.retryDuplicatePhone === true && payload.searchBy !== PHONE && hasValue(payload, PHONE) && isDuplicatePhone(failure);
	}

	/**
	 * Sends every prepared item, one call per item or one bulk call per batch, up to `concurrency` calls
	 * at a time; writes for the same lead never overlap (see helpers/scheduler). Results land on their
	 * items in input order, so without "continue on fail" the first failing item in order stops the node,
	 * and nothing new starts once an item has failed.
	 */
	private async send(client: LeadSquaredClient, fields: FieldIndex, prepared: Prepared[]): Promise<void> {
		const continueOnFail = this.context.continueOnFail();
		const batches = this.options.sendInBatches === true;
		const units = batches ? chunk(prepared, this.options.batchSize ?? MAX_BULK_ROWS) : prepared.map((entry) => [entry]);
		let stopped = false;
		const settled = await runKeyed(
			units.map((unit) => ({
				keys: unit.flatMap(({ payload }) => identityKeys(payload, fields)),
				run: async () => {
					const outcomes = batches ? await this.sendBatch(client, unit) : [await this.sendSingle(client, unit[0])];
					if (!continueOnFail && outcomes.some((outcome) => !outcome.ok)) stopped = true;
					return outcomes;
				},
			})),
			number(this.options.concurrency, DEFAULT_CONCURRENCY),
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

	private async sendSingle(client: LeadSquaredClient, { index, payload }: Prepared): Promise<Outcome> {
		try {
			return { index, ok: true, json: await this.sendOne(client, payload) };
		} catch (error) {
			return { index, ok: false, error };
		}
	}

	private async sendOne(client: LeadSquaredClient, payload: LeadPayload): Promise<IDataObject> {
		const send = async (searchBy?: string) =>
			await settle(async () => await createOrUpdateLead(client, toRequestBody(payload, searchBy), this.postUpdatedLead));
		let attempt = await send(payload.searchBy);
		let retriedByPhone = false;
		if (!attempt.ok && attempt.error instanceof LeadSquaredError && this.canRetryByPhone(payload, attempt.error.failure)) {
			retriedByPhone = true;
			attempt = await send(PHONE);
		}
		if (!attempt.ok) throw attempt.error;
		const result = attempt.value;
		const json: IDataObject = {
			status: result.status,
			leadId: result.leadId,
			...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
			...(retriedByPhone ? { retriedWithSearchBy: PHONE } : {}),
			...this.baseOutput(payload),
		};
		if (this.options.returnFullLead) json.lead = await getLeadById(client, result.leadId);
		return json;
	}

	/** One bulk call for up to 25 items; each row's result or error goes to the item it came from. */
	private async sendBatch(client: LeadSquaredClient, batch: Prepared[]): Promise<Outcome[]> {
		let results: RowResult[];
		try {
			results = await bulkCreateOrUpdateLeads(
				client,
				batch.map(({ payload }) => toRequestBody(payload, payload.searchBy)),
				this.postUpdatedLead,
			);
		} catch (error) {
			// The whole call failed (rate limit past the wait, network, auth): so did each of its rows.
			return batch.map(({ index }) => ({ index, ok: false, error }));
		}
		const retried = await this.retryDuplicatePhones(client, batch, results);
		const leads = await this.fullLeads(client, results);
		return batch.map(({ index, payload }, row): Outcome => {
			const result = results[row];
			if (!result.ok) return { index, ok: false, error: new LeadSquaredError(result.failure) };
			if (leads instanceof Error) return { index, ok: false, error: leads, extra: { leadId: result.leadId } };
			const lead = leads?.get(result.leadId);
			if (leads && !lead) return { index, ok: false, error: missingLead(result.leadId), extra: { leadId: result.leadId } };
			return {
				index,
				ok: true,
				json: {
					status: 'Success',
					leadId: result.leadId,
					...(result.created !== undefined ? { created: result.created } : {}),
					...(result.updated !== undefined ? { updated: result.updated } : {}),
					...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
					...(retried.has(row) ? { retriedWithSearchBy: PHONE } : {}),
					...this.baseOutput(payload),
					...(lead ? { lead } : {}),
				},
			};
		});
	}

	/** Rows refused for a duplicate phone go again, in one more bulk call, matched on Phone. */
	private async retryDuplicatePhones(client: LeadSquaredClient, batch: Prepared[], results: RowResult[]): Promise<Set<number>> {
		const rows = batch
			.map((entry, row) => ({ ...entry, row }))
			.filter(({ payload, row }) => {
				const result = results[row];
				return !result.ok && this.canRetryByPhone(payload, result.failure);
			});
		if (rows.length === 0) return new Set();
		try {
			const second = await bulkCreateOrUpdateLeads(
				client,
				rows.map(({ payload }) => toRequestBody(payload, PHONE)),
				this.postUpdatedLead,
			);
			rows.forEach(({ row }, position) => {
				results[row] = second[position];
			});
		} catch (error) {
			const failure: Failure =
				error instanceof LeadSquaredError ? error.failure : { kind: 'unexpected', message: 'The retry by phone failed' };
			rows.forEach(({ row }) => {
				results[row] = { ok: false, failure };
			});
		}
		return new Set(rows.map(({ row }) => row));
	}

	/** With "Return Full Lead": the batch's lead records in one call (or the error that call met). */
	private async fullLeads(client: LeadSquaredClient, results: RowResult[]): Promise<Map<string, IDataObject> | Error | undefined> {
		if (!this.options.returnFullLead) return undefined;
		const ids = results.flatMap((result) => (result.ok ? [result.leadId] : []));
		if (ids.length === 0) return new Map();
		try {
			return await getLeadsByIds(client, [...new Set(ids)]);
		} catch (error) {
			return error instanceof Error ? error : new Error(String(error));
		}
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as OperationOptions;
	return await new CreateOrUpdateRun(this, this.getInputData(), options).run();
}
