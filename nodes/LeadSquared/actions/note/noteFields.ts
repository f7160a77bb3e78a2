/**
 * Parameters the note operations share: the note's ID and its attachment URL.
 */
import type { INodeProperties } from 'n8n-workflow';

export function noteIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.noteId }}',
		description: `${description} It is the noteId output by Note → Create, or a ProspectNoteId from Note → Get Many`,
	};
}

export const attachmentUrlProperty: INodeProperties = {
	displayName: 'Attachment URL',
	name: 'attachmentUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/brochure.pdf',
	description: 'The address of a file to attach to the note (sent as AttachmentName). LeadSquared stores the link; it does not upload the file.',
};
