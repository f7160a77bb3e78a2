/**
 * Note → Get Many: a lead's notes (`LeadManagement.svc/RetrieveNote`), newest first by default;
 * Return All / Limit page by PageIndex/PageSize.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../values/checks';
import { readList } from '../../machinery/pager';
import { retrieveNotes } from '../../transport/notes';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';

/** Notes per call [INF: the documented example asks for 200]. */
export const NOTE_PAGE_SIZE = 100;
/** The largest page asked for when notes missing from the pages are read again [INF: no limit is documented]. */
const NOTE_MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.leadId }}',
		description: "The lead's ID (ProspectID) whose notes to get",
	},
	...listingProperties,
	optionsCollection(
		[
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'newestFirst',
				options: [
					{ name: 'Newest First', value: 'newestFirst' },
					{ name: 'Oldest First', value: 'oldestFirst' },
				],
				description: 'The order of the notes, by creation date',
			},
			{ ...typedValuesOption, description: `${typedValuesOption.description}. Note dates become ISO 8601 (UTC).` },
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['note'], operation: ['getMany'] }, properties);

interface Prepared {
	leadId: string;
	limit?: number;
}

class GetManyNotes implements Operation<Prepared> {
	readonly simplify = 'note' as const;

	notFound(prepared: Prepared): string {
		return `No note exists for the lead with ProspectID ${prepared.leadId} in LeadSquared.`;
	}

	prepare(run: RunContext, index: number): Prepared {
		return {
			leadId: requiredText(run.context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId', 'Give the ID of the lead whose notes to get.'),
			limit: readLimit(run.context, index),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		const newestFirst = run.options.order !== 'oldestFirst';
		const { rows } = await readList<Record<string, unknown>>({
			addressing: 'pages',
			fetch: async (pageIndex, pageSize) => await retrieveNotes(run.client, prepared.leadId, pageIndex, pageSize, newestFirst),
			idOf: (note) => (typeof note.ProspectNoteId === 'string' ? note.ProspectNoteId : undefined),
			pageSize: NOTE_PAGE_SIZE,
			maxPageSize: NOTE_MAX_PAGE_SIZE,
			limit: prepared.limit,
			noun: 'notes of the lead',
		});
		const typed = typedValuesOn(run.context, run.options);
		// CreatedOn and ModifiedOn are typed as LeadSquared's system dates; the rest is text.
		return rows.map((note) => outputRecord(note as IDataObject, typed, undefined));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyNotes());
}
