/**
 * Note → Delete: `GET LeadManagement.svc/DeleteNote?prospectId=&noteId=` for each item, by the note's ID and its
 * lead's ID, as documented.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { requiredText } from '../../values/checks';
import { deleteNote } from '../../transport/notes';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { leadIdProperty, readLeadId } from '../lead/byId';
import { noteIdProperty } from './noteFields';

const properties: INodeProperties[] = [
	leadIdProperty('The lead the note belongs to'),
	noteIdProperty('The note to delete. Deleting a note cannot be undone.'),
	optionsCollection([], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['note'], operation: ['delete'] }, properties);

/** The transport retries a call whose answer was lost: a deletion that went through then reads as "no such note". */
const LOST_ANSWER = 'If the connection to LeadSquared failed during this item and the node retried the call, the first attempt may have deleted the note';

interface Prepared {
	leadId: string;
	noteId: string;
}

class DeleteNote implements Operation<Prepared> {
	prepare(run: RunContext, index: number): Prepared {
		const { context } = run;
		return {
			leadId: readLeadId(context, index),
			noteId: requiredText(context.getNodeParameter('noteId', index, ''), 'Note ID', 'noteId', 'Give the ID of the note to delete (ProspectNoteId).'),
		};
	}

	keys(prepared: Prepared): string[] {
		return [`note:${prepared.noteId.toLowerCase()}`];
	}

	check({ leadId, noteId }: Prepared): WriteCheck {
		return { record: 'note', change: 'delete', read: 'Note → Get Many', key: `${keyOf('Lead ID', leadId)}; ${keyOf('note ID', noteId)}` };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		await deleteNote(run.client, prepared.leadId, prepared.noteId, LOST_ANSWER);
		return { deleted: true, noteId: prepared.noteId, leadId: prepared.leadId };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new DeleteNote());
}
