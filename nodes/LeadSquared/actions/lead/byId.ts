/**
 * What the operations that name a lead by its id share (Update, Delete, Add to List, Remove from List):
 * the Lead ID parameter, reading and checking it for an item, and saying "no such lead" with the id.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError, sentences } from '../../machinery/errors';
import { unknownLead } from '../../model/lead/failures';
import { checkRecordId, EXAMPLE_GUID, recordKey } from '../../values/recordIds';

/** The Lead ID parameter; `description` says what the operation does to that lead. */
export function leadIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${EXAMPLE_GUID}`,
		description: `${description}. It is the lead's ProspectID: the leadId field of Lead → Create or Update's output, or the ProspectID field of a lead that Lead → Get returns.`,
	};
}

/** The item's Lead ID, checked (a GUID). */
export function readLeadId(context: IExecuteFunctions, index: number): string {
	return checkRecordId(context.getNodeParameter('leadId', index, ''), 'lead');
}

/** The scheduler key of a lead: items for the same lead never run at once. */
export function leadKey(leadId: string): string {
	return recordKey('lead', leadId);
}

/** LeadSquared's "Lead does not exist" said with the id (and `hint`, a last sentence); any other error unchanged. */
export function explainLeadError(error: unknown, leadId: string, hint?: string): unknown {
	if (!(error instanceof LeadSquaredError)) return error;
	const failure = unknownLead(error.failure, leadId);
	return failure ? new LeadSquaredError({ ...failure, description: sentences(failure.description, hint) }) : error;
}
