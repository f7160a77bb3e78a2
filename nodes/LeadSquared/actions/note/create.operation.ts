/**
 * Note → Create: `LeadManagement.svc/CreateNote` for each item: a note on a lead, optionally with the
 * URL of an attached file (sent as AttachmentName, as documented).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { optionalUrl, requiredText } from '../../values/checks';
import { createNote } from '../../transport/notes';
import type { NoteBody } from '../../transport/notes';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { attachmentUrlProperty } from './noteFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.leadId }}',
		description: "The lead's ID (ProspectID), e.g. the leadId output by Lead → Create or Update",
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text of the note',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [attachmentUrlProperty],
	},
	optionsCollection([], sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['note'], operation: ['create'] }, properties);

class CreateNote implements Operation<NoteBody> {
	prepare(run: RunContext, index: number): NoteBody {
		const { context } = run;
		const extra = (context.getNodeParameter('additionalFields', index, {}) ?? {}) as IDataObject;
		const attachment = optionalUrl(extra.attachmentUrl, 'Attachment URL', 'attachmentUrl');
		return {
			RelatedProspectId: requiredText(context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId', 'Give the ID of the lead to add the note to.'),
			Note: requiredText(context.getNodeParameter('note', index, ''), 'Note', 'note', 'Write the text of the note.'),
			...(attachment !== undefined ? { AttachmentName: attachment } : {}),
		};
	}

	check(body: NoteBody): WriteCheck {
		return { record: 'note', change: 'create', read: 'Note → Get Many', key: keyOf('Lead ID', body.RelatedProspectId) };
	}

	async send(run: RunContext, { prepared }: Entry<NoteBody>): Promise<IDataObject> {
		return { ...(await createNote(run.client, prepared)), leadId: prepared.RelatedProspectId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateNote());
}
