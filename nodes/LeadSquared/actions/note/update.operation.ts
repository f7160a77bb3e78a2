/**
 * Note → Update: `LeadManagement.svc/UpdateNote` for each item: a note's text and/or its attachment URL change
 * (only what is given), by the note's ID and its lead's ID, as documented.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { optionalText, optionalUrl, requiredText } from '../../values/checks';
import { updateNote } from '../../transport/notes';
import type { NoteUpdateBody } from '../../transport/notes';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { leadIdProperty, readLeadId } from '../lead/byId';
import { attachmentUrlProperty, noteIdProperty } from './noteFields';

const properties: INodeProperties[] = [
	leadIdProperty('The lead the note belongs to'),
	noteIdProperty('The note to update'),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The new text of the note. Leave empty to keep its text.',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ ...attachmentUrlProperty, description: `${attachmentUrlProperty.description} It replaces the note's attachment.` }],
	},
	optionsCollection([], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['note'], operation: ['update'] }, properties);

class UpdateNote implements Operation<NoteUpdateBody> {
	prepare(run: RunContext, index: number): NoteUpdateBody {
		const { context } = run;
		const extra = (context.getNodeParameter('updateFields', index, {}) ?? {}) as IDataObject;
		const body: NoteUpdateBody = {
			RelatedProspectId: readLeadId(context, index),
			ProspectNoteId: requiredText(context.getNodeParameter('noteId', index, ''), 'Note ID', 'noteId', 'Give the ID of the note to update (ProspectNoteId).'),
		};
		const note = optionalText(context.getNodeParameter('note', index, ''), 'Note', 'note');
		const attachment = optionalUrl(extra.attachmentUrl, 'Attachment URL', 'attachmentUrl');
		if (note === undefined && attachment === undefined) {
			throw new InputError('Nothing to update: no note text and no attachment URL', 'note', 'Give the new text of the note, or an Attachment URL under Update Fields.');
		}
		return { ...body, ...(note !== undefined ? { Note: note } : {}), ...(attachment !== undefined ? { AttachmentName: attachment } : {}) };
	}

	keys(body: NoteUpdateBody): string[] {
		return [`note:${body.ProspectNoteId.toLowerCase()}`];
	}

	check(body: NoteUpdateBody): WriteCheck {
		return {
			record: 'note',
			change: 'update',
			read: 'Note → Get Many',
			key: `${keyOf('Lead ID', body.RelatedProspectId)}; ${keyOf('note ID', body.ProspectNoteId)}`,
			safeRepeat: 'it sets the same text on the same note',
		};
	}

	async send(run: RunContext, { prepared }: Entry<NoteUpdateBody>): Promise<IDataObject> {
		return { status: await updateNote(run.client, prepared), noteId: prepared.ProspectNoteId, leadId: prepared.RelatedProspectId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateNote());
}
