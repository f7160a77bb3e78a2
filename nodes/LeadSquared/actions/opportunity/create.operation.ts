/**
 * Opportunity → Create: `OpportunityManagement.svc/Capture` for each item. LeadSquared finds the lead by
 * the Match By field (SearchBy, which Capture requires) and updates it, or creates it, then creates the
 * opportunity; when the type's duplicate detection rule finds an existing opportunity, none is created
 * and the answer names it (PostDeDupActionPerformed 3, ConflictedOpportunityId).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { WriteCheck } from '../../machinery/outcome';
import { optionalDateTime, optionalText } from '../../values/checks';
import type { FieldIndex } from '../../values/fields';
import { buildOpportunityFields } from '../../model/opportunity/payload';
import { buildLeadPayload, hasValue, identityKeys, toRequestBody, upsertMatch } from '../../model/lead/payload';
import type { LeadPayload, PayloadOptions } from '../../model/lead/payload';
import { captureOpportunity } from '../../transport/opportunities';
import type { CaptureBody } from '../../transport/opportunities';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import {
	accountFields,
	fieldNotes,
	leadFieldProperties,
	leadWriteOptions,
	matchFieldProperty,
	payloadOptions,
	readLeadFields,
	readMatchField,
} from '../lead/leadFields';
import { showFor } from '../utils';
import { opportunityFieldProperties, opportunityTypeLocator, readCheckedType, readFieldInputs, typeLookups } from './opportunityFields';
import type { TypeLookups } from './opportunityFields';

const properties: INodeProperties[] = [
	opportunityTypeLocator({
		required: true,
		description: 'The opportunity type (My Account → Settings → Opportunities → Opportunity Types). Its fields are listed below.',
	}),
	{
		...leadFieldProperties[0],
		displayName: 'Lead Details',
		description:
			'The lead the opportunity belongs to: at least the field it is matched on (e.g. EmailAddress). LeadSquared updates the lead with these fields, or creates it when none matches.',
	},
	...leadFieldProperties.slice(1),
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		default: 'default',
		options: [
			{
				name: 'Email, Then Phone',
				value: 'default',
				description: "SearchBy EmailAddress when the lead details have one, else Phone (else the unique field they carry)",
			},
			{ name: 'A Specific Field', value: 'field', description: "Find the lead whose value in this field equals the item's" },
		],
		description: 'How LeadSquared finds the lead (sent as SearchBy, which Capture requires); when none matches, it creates one',
	},
	matchFieldProperty('The field to find the lead by (sent as SearchBy). The lead details must carry a value for it.'),
	...opportunityFieldProperties,
	{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 3 }, default: '', description: "The opportunity's note (OpportunityNote)" },
	{
		displayName: 'Opportunity Date',
		name: 'opportunityDate',
		type: 'dateTime',
		default: '',
		description: 'When the opportunity arose (OpportunityDateTime). Leave empty for now.',
	},
	optionsCollection(
		[
			...leadWriteOptions.filter((option) => option.name !== 'triggerAutomations'),
			{
				displayName: 'Keep Owner of a Duplicate',
				name: 'keepOwner',
				type: 'boolean',
				default: false,
				description: 'Whether the existing opportunity keeps its owner when it is updated as a duplicate (DoNotChangeOwner)',
			},
			{
				displayName: 'On Duplicate',
				name: 'onDuplicate',
				type: 'options',
				default: 'report',
				options: [
					{ name: 'Report It, Change Nothing', value: 'report', description: 'The output names the existing opportunity' },
					{ name: 'Overwrite Its Fields', value: 'overwrite', description: 'The fields sent replace those of the existing opportunity (OverwriteFields)' },
					{ name: 'Fill Its Empty Fields', value: 'fillEmpty', description: "Only the existing opportunity's empty fields are set (UpdateEmptyFields)" },
				],
				description: 'What to do when LeadSquared\'s duplicate detection rules find an existing opportunity with the same values',
			},
			{
				displayName: 'Post Duplicate Detected Activity',
				name: 'postDuplicateActivity',
				type: 'boolean',
				default: true,
				description: 'Whether LeadSquared posts a "duplicate detected" activity on the lead when it finds a duplicate (off sends DoNotPostDuplicateActivity)',
			},
		],
		sharedOptions({ writes: true }),
	),
];

export const description = showFor({ resource: ['opportunity'], operation: ['create'] }, properties);

interface Prepared {
	lead: LeadPayload;
	body: CaptureBody;
	skippedFields: string[];
}

interface Setup extends TypeLookups {
	fields: FieldIndex;
	payload: PayloadOptions;
}

/** The SearchBy Capture gets: the Match By field, else EmailAddress or Phone (whichever the lead has). */
function searchByOf(lead: LeadPayload): string {
	if (lead.searchBy !== undefined) return lead.searchBy;
	return hasValue(lead, 'EmailAddress') ? 'EmailAddress' : 'Phone';
}

function readSearchBy(context: IExecuteFunctions, index: number): string | undefined {
	return readMatchField(context, index, { field: 'searchBy', hint: 'Choose the field to find the lead by.' });
}

function duplicateFlags(options: IDataObject): Partial<CaptureBody['Opportunity']> {
	return {
		...(options.onDuplicate === 'overwrite' ? { OverwriteFields: true } : {}),
		...(options.onDuplicate === 'fillEmpty' ? { UpdateEmptyFields: true } : {}),
		...(options.postDuplicateActivity === false ? { DoNotPostDuplicateActivity: true } : {}),
		...(options.keepOwner === true ? { DoNotChangeOwner: true } : {}),
	};
}

class CreateOpportunity implements Operation<Prepared, Setup> {
	async setup(run: RunContext): Promise<Setup> {
		return {
			fields: await accountFields(run.context, run.client),
			payload: payloadOptions(run.context, run.options),
			...typeLookups(run.client),
		};
	}

	async prepare(run: RunContext, index: number, item: INodeExecutionData, setup: Setup): Promise<Prepared> {
		const { context } = run;
		const lead = buildLeadPayload({ ...readLeadFields(context, index, item), searchBy: readSearchBy(context, index) }, setup.fields, setup.payload);
		const code = (await readCheckedType(context, index, true, setup)) as number;
		const inputs = readFieldInputs(context, index);
		// The type's fields are only needed to check the item's fields: no call when it has none.
		const type = inputs.length > 0 ? await setup.type(code) : undefined;
		const { fields, skippedFields } = buildOpportunityFields(inputs, type, { timezone: setup.payload.timezone, emptyValues: setup.payload.emptyValues });
		const note = optionalText(context.getNodeParameter('note', index, ''), 'Note', 'note');
		const when = optionalDateTime(context.getNodeParameter('opportunityDate', index, ''), 'Opportunity Date', 'opportunityDate', setup.payload.timezone);
		const body: CaptureBody = {
			LeadDetails: toRequestBody(lead, searchByOf(lead)),
			Opportunity: {
				OpportunityEventCode: code,
				...(note !== undefined ? { OpportunityNote: note } : {}),
				...(when !== undefined ? { OpportunityDateTime: when } : {}),
				Fields: fields,
				...duplicateFlags(run.options),
			},
		};
		return { lead, body, skippedFields };
	}

	keys(prepared: Prepared, setup: Setup): string[] {
		// Two captures for one lead never overlap: LeadSquared's duplicate detection could miss the other.
		return identityKeys(prepared.lead, setup.fields);
	}

	check({ lead, body }: Prepared): WriteCheck {
		const match = upsertMatch(lead);
		const leadKey = match ? `the ID of the lead with ${match.field} "${match.value}"` : "the lead's ID";
		return { record: 'opportunity', change: 'create', read: 'Opportunity → Get Many', key: `${leadKey}, type code ${body.Opportunity.OpportunityEventCode}` };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const result = await captureOpportunity(run.client, prepared.body);
		const notes = fieldNotes({ droppedFields: prepared.lead.droppedFields, skippedFields: [...prepared.lead.skippedFields, ...prepared.skippedFields] });
		return { ...result, ...notes };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateOpportunity());
}
