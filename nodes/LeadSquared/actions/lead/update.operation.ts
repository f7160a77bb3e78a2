/**
 * Lead → Update: `Lead.Update?leadId=` for each item. The lead is named by its id; only the fields given
 * change. Fields are mapped, checked and converted exactly as for Create or Update (leadFields.ts,
 * model/lead/payload.ts), without Match By: the id decides which lead.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { describeException, LeadSquaredError, sentences } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import { buildLeadUpdatePayload } from '../../model/lead/payload';
import type { LeadPayload, PayloadOptions } from '../../model/lead/payload';
import { updateLead } from '../../transport/leads';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { explainLeadError, leadIdProperty, leadKey, readLeadId } from './byId';
import { accountFields, fieldNotes, leadFieldProperties, leadWriteOptions, payloadOptions, readBack, readLeadFields } from './leadFields';

const properties: INodeProperties[] = [
	leadIdProperty('The lead to update'),
	...leadFieldProperties,
	optionsCollection(
		[
			...leadWriteOptions,
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
		],
		sharedOptions(),
	),
];

export const description = showFor({ resource: ['lead'], operation: ['update'] }, properties);

interface Setup {
	fields: FieldIndex;
	payload: PayloadOptions;
}

interface Prepared {
	leadId: string;
	payload: LeadPayload;
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

class Update implements Operation<Prepared, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return { fields: await accountFields(run.context, run.client), payload: payloadOptions(run.context, run.options) };
	}

	prepare(run: RunContext, index: number, item: INodeExecutionData, setup: Setup): Prepared {
		const leadId = readLeadId(run.context, index);
		return { leadId, payload: buildLeadUpdatePayload(readLeadFields(run.context, index, item), setup.fields, setup.payload) };
	}

	keys({ leadId }: Prepared): string[] {
		return [leadKey(leadId)];
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>, setup: Setup): Promise<IDataObject> {
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
			...fieldNotes(payload),
		};
		if (run.options.returnFullLead === true) {
			json.lead = outputRecord(await readBack(run.client, leadId), typedValuesOn(run.context, run.options), setup.fields);
		}
		return json;
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new Update());
}
