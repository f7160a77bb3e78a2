/**
 * Opportunity → Get: one opportunity per input item, by its id (`GetOpportunityDetails?OpportunityId=`), output flat
 * like Get Many's rows and typed (Typed Values) by the metadata of its type's fields, which the answer carries. An
 * opportunity that does not exist gives no output item, or an error with "Fail When Not Found", as Lead → Get does.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { requiredText } from '../../values/checks';
import { readOpportunityDetails } from '../../model/opportunity/details';
import { opportunityKinds } from '../../model/opportunity/payload';
import { getOpportunityDetails } from '../../transport/opportunities';
import { unexpectedAnswer } from '../../transport/shape';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { outputRecord, typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { opportunityIdProperty, OpportunityTypes } from './opportunityFields';

const properties: INodeProperties[] = [
	opportunityIdProperty,
	optionsCollection(
		[
			{
				displayName: 'Fail When Not Found',
				name: 'failWhenNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether an item whose opportunity does not exist fails with an error. Off: such an item gives no output item, and the others go on.',
			},
			{ ...typedValuesOption, description: `${typedValuesOption.description}. The opportunity's fields are typed by their type's metadata.` },
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['opportunity'], operation: ['get'] }, properties);

/** The account's opportunity types by name, read at most once per execution (GetOpportunityTypes); undefined when they cannot be read. */
type TypeCodes = () => Promise<Map<string, number[]> | undefined>;

function typeCodes(types: OpportunityTypes): TypeCodes {
	let codes: Promise<Map<string, number[]> | undefined> | undefined;
	return async () =>
		await (codes ??= types.all().then(
			(list) => {
				const byName = new Map<string, number[]>();
				for (const type of list.types) {
					const name = type.name.trim().toLowerCase();
					byName.set(name, [...(byName.get(name) ?? []), type.code]);
				}
				return byName;
			},
			() => undefined,
		));
}

/** The code of the type named `name`, so that the output names its type as Get Many's rows do; undefined when no single type has the name. */
async function codeOf(codes: TypeCodes, name: string | undefined): Promise<number | undefined> {
	const matches = name === undefined ? undefined : (await codes())?.get(name.toLowerCase());
	return matches?.length === 1 ? matches[0] : undefined;
}

function notFound(opportunityId: string): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'notFound',
		message: `No opportunity with the ID "${opportunityId}" was found in LeadSquared`,
		description: 'LeadSquared answered GetOpportunityDetails with no opportunity. Turn off Options → "Fail When Not Found" to let items whose opportunity does not exist pass without output.',
	});
}

class GetOpportunity implements Operation<string, TypeCodes> {
	readonly simplify = 'opportunity' as const;

	notFound(opportunityId: string): string {
		return `No opportunity with OpportunityId ${opportunityId} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<TypeCodes> {
		return typeCodes(new OpportunityTypes(run.client));
	}

	prepare(run: RunContext, index: number): string {
		return requiredText(run.context.getNodeParameter('opportunityId', index, ''), 'Opportunity ID', 'opportunityId', 'Give the ID of the opportunity to get.');
	}

	async send(run: RunContext, { prepared: opportunityId }: Entry<string>, codes: TypeCodes): Promise<IDataObject | undefined> {
		const answer = await getOpportunityDetails(run.client, opportunityId);
		const details = answer === undefined ? 'none' : readOpportunityDetails(answer, opportunityId);
		if (details === undefined) throw unexpectedAnswer('GetOpportunityDetails', 'no Fields list of the opportunity');
		if (details === 'none') {
			if (run.options.failWhenNotFound === true) throw notFound(opportunityId);
			return undefined;
		}
		const code = await codeOf(codes, details.typeName);
		// The type's code after the id, as text, as in Get Many's rows.
		const record = code === undefined ? details.record : { OpportunityId: details.record.OpportunityId, OpportunityEvent: String(code), ...details.record };
		return outputRecord(record as IDataObject, typedValuesOn(run.context, run.options), opportunityKinds(details.type));
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetOpportunity());
}
