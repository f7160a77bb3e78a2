/**
 * Opportunity → Update: `OpportunityManagement.svc/Update` for each item, by opportunity id: the note
 * and the fields given change, the others stay.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionalText, requiredText } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { buildOpportunityFields } from '../../model/opportunity/payload';
import { updateOpportunity } from '../../transport/opportunities';
import type { UpdateBody } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { fieldNotes, leadWriteOptions, payloadOptions } from '../lead/leadFields';
import { showFor } from '../utils';
import { opportunityFieldProperties, opportunityIdProperty, opportunityTypeLocator, readCheckedType, readFieldInputs, typeLookups } from './opportunityFields';
import type { TypeLookups } from './opportunityFields';

const properties: INodeProperties[] = [
	{ ...opportunityIdProperty, description: "The opportunity's ID (ProspectOpportunityId), e.g. the opportunityId output by Opportunity → Create or Get Many" },
	opportunityTypeLocator({
		description:
			"The opportunity's type: lists its fields below, and the node checks the values against them before sending. Leave empty to send manual-entry fields unchecked.",
	}),
	...opportunityFieldProperties,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: "A new note for the opportunity (OpportunityNote). Leave empty to keep the note it has.",
	},
	optionsCollection(
		leadWriteOptions.filter((option) => option.name === 'dateTimezone' || option.name === 'emptyValues'),
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['opportunity'], operation: ['update'] }, properties);

interface Prepared {
	body: UpdateBody;
	skippedFields: string[];
}

class UpdateOpportunity implements Operation<Prepared, TypeLookups> {
	async setup(run: RunContext): Promise<TypeLookups> {
		return typeLookups(run.client);
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, setup: TypeLookups): Promise<Prepared> {
		const { context, options } = run;
		const id = requiredText(context.getNodeParameter('opportunityId', index, ''), 'Opportunity ID', 'opportunityId', 'Give the ID of the opportunity to update.');
		const code = await readCheckedType(context, index, false, setup);
		const inputs = readFieldInputs(context, index);
		const known = code !== undefined && inputs.length > 0 ? await setup.type(code) : undefined;
		const { timezone, emptyValues } = payloadOptions(context, options);
		const { fields, skippedFields } = buildOpportunityFields(inputs, known, { timezone, emptyValues });
		const note = optionalText(context.getNodeParameter('note', index, ''), 'Note', 'note');
		if (fields.length === 0 && note === undefined) {
			throw new InputError('Nothing to update: no opportunity fields and no note', undefined, 'Add at least one opportunity field or a note.');
		}
		return {
			body: { ProspectOpportunityId: id, ...(note !== undefined ? { OpportunityNote: note } : {}), ...(fields.length > 0 ? { Fields: fields } : {}) },
			skippedFields,
		};
	}

	keys(prepared: Prepared): string[] {
		return [`opportunity:${prepared.body.ProspectOpportunityId.toLowerCase()}`];
	}

	check({ body }: Prepared): WriteCheck {
		return {
			record: 'opportunity',
			change: 'update',
			read: 'Opportunity → Get',
			key: keyOf('Opportunity ID', body.ProspectOpportunityId),
			safeRepeat: 'it sets the same values on the same opportunity',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		return { ...(await updateOpportunity(run.client, prepared.body)), ...fieldNotes({ droppedFields: [], skippedFields: prepared.skippedFields }) };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateOpportunity());
}
