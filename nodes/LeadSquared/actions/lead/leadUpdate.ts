/**
 * The one lead writer of the operations that change a lead named by its id (Update, Change Owner, Change
 * Stage): `Lead.Update?leadId=` for each item, the fields checked and converted by the account's lead fields
 * (model/lead/payload.ts, the same rules as Create or Update), LeadSquared's errors said with the lead id,
 * "Trigger LeadSquared Automations" and "Return Full Lead". An operation says only which fields an item
 * changes (`read`) and what its output adds.
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { describeException, LeadSquaredError, sentences } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteChange, WriteCheck } from '../../machinery/outcome';
import type { FieldIndex } from '../../values/fields';
import { buildLeadUpdatePayload } from '../../model/lead/payload';
import type { LeadPayload, PayloadOptions } from '../../model/lead/payload';
import { updateLead } from '../../transport/leads';
import type { Entry, Operation, RunContext } from '../engine';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { explainLeadError, leadKey, readLeadId } from './byId';
import { accountFields, fieldNotes, payloadOptions, readBack } from './leadFields';
import type { LeadFieldsInput } from './leadFields';

/** Return Full Lead and Typed Values, the options every lead update has besides its write options. */
export const readBackOptions: INodeProperties[] = [
	{
		displayName: 'Return Full Lead',
		name: 'returnFullLead',
		type: 'boolean',
		default: false,
		description: 'Whether to add the full lead record, as it is after the update, to the output (one more call per item)',
	},
	{
		...typedValuesOption,
		description: `${typedValuesOption.description}. Applies to the lead added by "Return Full Lead".`,
	},
];

/** What an item changes: its lead fields, and keys its output adds (e.g. the new owner). */
export interface UpdateInput extends LeadFieldsInput {
	output?: IDataObject;
}

export interface UpdateSpec<X> {
	/** What the update is, for the message of an update whose answer was lost (default 'update'). */
	change?: WriteChange;
	/** Once per execution, after the account's fields (e.g. a user directory). */
	setup?(run: RunContext): Promise<X>;
	/** One item's change (`fields`: the account's lead fields); throws an InputError for bad input, before anything is sent. */
	read(run: RunContext, index: number, item: INodeExecutionData, extra: X, fields: FieldIndex): UpdateInput | Promise<UpdateInput>;
}

interface Setup<X> {
	fields: FieldIndex;
	payload: PayloadOptions;
	extra: X;
}

interface Prepared {
	leadId: string;
	payload: LeadPayload;
	output?: IDataObject;
}

/** LeadSquared's advice for a duplicate value fits Create or Update (Match By); an update needs its own. */
function explainUpdateError(error: unknown, leadId: string): unknown {
	const explained = explainLeadError(error, leadId);
	if (explained !== error || !(error instanceof LeadSquaredError)) return explained;
	const { failure } = error;
	if (failure.exceptionType !== 'MXDuplicateEntryException') return error;
	return new LeadSquaredError({
		...failure,
		description: sentences(
			`Another lead already holds a unique value this update gives lead ${leadId} (e-mail, phone or a unique field); LeadSquared changed nothing`,
			describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode),
		),
	});
}

class LeadUpdate<X> implements Operation<Prepared, Setup<X>> {
	constructor(private readonly spec: UpdateSpec<X>) {}

	async setup(run: RunContext): Promise<Setup<X>> {
		const fields = await accountFields(run.context, run.client);
		const extra = this.spec.setup ? await this.spec.setup(run) : (undefined as X);
		return { fields, payload: payloadOptions(run.context, run.options), extra };
	}

	async prepare(run: RunContext, index: number, item: INodeExecutionData, setup: Setup<X>): Promise<Prepared> {
		const leadId = readLeadId(run.context, index);
		const { output, ...input } = await this.spec.read(run, index, item, setup.extra, setup.fields);
		return { leadId, payload: buildLeadUpdatePayload(input, setup.fields, setup.payload), output };
	}

	keys({ leadId }: Prepared): string[] {
		return [leadKey(leadId)];
	}

	check({ leadId }: Prepared): WriteCheck {
		return {
			record: 'lead',
			change: this.spec.change ?? 'update',
			read: 'Lead → Get',
			key: keyOf('Lead ID', leadId),
			safeRepeat: 'it sets the same values on the same lead',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup<X>): Promise<IDataObject> {
		const { leadId, payload } = prepared;
		let result: { status: string; affectedRows?: number };
		try {
			result = await updateLead(run.client, leadId, payload.attributes, run.options.triggerAutomations === true);
		} catch (error) {
			throw explainUpdateError(error, leadId);
		}
		const json: IDataObject = {
			status: result.status,
			leadId,
			...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
			...prepared.output,
			...fieldNotes(payload),
		};
		if (run.options.returnFullLead === true) {
			json.lead = outputRecord(await readBack(run.client, leadId), typedValuesOn(run.context, run.options), setup.fields);
		}
		return json;
	}
}

/** An operation that updates a lead named by its Lead ID, through the one lead writer. */
export function leadUpdate<X = undefined>(spec: UpdateSpec<X>): Operation<Prepared, Setup<X>> {
	return new LeadUpdate(spec);
}
