/**
 * Parameters the opportunity operations share: the opportunity type (a searchable list of the account's
 * types, or a code), the type's fields (a mapper fed by the type's metadata, plus manual entry by schema
 * name), and reading them for one item; the types' metadata is fetched once per execution.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isBlank } from '../../values/checks';
import { InputError } from '../../machinery/errors';
import { opportunityCode } from '../../model/opportunity/payload';
import type { FieldInput, OpportunityType } from '../../model/opportunity/payload';
import { TYPE_CODE_OR_EMPTY, typeNames } from '../../model/activity/typeKinds';
import type { OpportunityTypeList } from '../../model/activity/typeKinds';
import type { LeadSquaredClient } from '../../transport';
import { opportunityType } from '../../transport/opportunities';
import { loadOpportunityTypes } from '../../transport/typeCatalogue';
import { describeValue } from '../../values/values';
import { manualEntries, mappedEntries } from '../fieldEntries';

export function opportunityTypeLocator(extra: Partial<INodeProperties> & { description: string }): INodeProperties {
	return {
		displayName: 'Opportunity Type',
		name: 'opportunityType',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an opportunity type...',
				typeOptions: { searchListMethod: 'searchOpportunityTypes', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. 12000',
				validation: [{ type: 'regex', properties: { regex: TYPE_CODE_OR_EMPTY, errorMessage: 'An opportunity type code is a number, e.g. 12000' } }],
			},
		],
		...extra,
	};
}

export const opportunityIdProperty: INodeProperties = {
	displayName: 'Opportunity ID',
	name: 'opportunityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.opportunityId }}',
	description: "The opportunity's ID, e.g. the opportunityId output by Opportunity → Create or an OpportunityId from Get Many",
};

export const opportunityFieldProperties: INodeProperties[] = [
	{
		displayName: 'Opportunity Fields',
		name: 'opportunityFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: "The opportunity type's fields (e.g. Status, Owner, mx_Custom_1), loaded from your account with their types and dropdown options",
		typeOptions: {
			loadOptionsDependsOn: ['opportunityType.value'],
			resourceMapper: {
				resourceMapperMethod: 'getOpportunityFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	},
	{
		displayName: 'Opportunity Fields (Manual Entry)',
		name: 'opportunityManualFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Opportunity Field',
		description: 'Opportunity fields by schema name (e.g. mx_Custom_2), for fields the list does not show. Each field may be given only once across both lists.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Field Name', name: 'name', type: 'string', default: '', placeholder: 'mx_Custom_1' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/** The opportunity type code of one item; undefined when empty and not required. */
export function readTypeCode(context: IExecuteFunctions, index: number, required: boolean): number | undefined {
	const raw = context.getNodeParameter('opportunityType', index, '', { extractValue: true }) as unknown;
	if (isBlank(raw)) {
		if (!required) return undefined;
		throw new InputError('Opportunity Type is empty', 'opportunityType', 'Choose the opportunity type from the list, or give its code (My Account → Settings → Opportunities → Opportunity Types).');
	}
	const code = opportunityCode(raw);
	if (code === undefined) {
		throw new InputError(`Opportunity Type is ${describeValue(raw)}, which is not an opportunity type code`, 'opportunityType', 'An opportunity type code is a number, e.g. 12000.');
	}
	return code;
}

/** The opportunity fields of one item, from the mapper and the manual entry. */
export function readFieldInputs(context: IExecuteFunctions, index: number): FieldInput[] {
	return [...mappedEntries(context, index, 'opportunityFields', 'opportunity fields'), ...manualEntries(context, index, 'opportunityManualFields.field')];
}

/** Each opportunity type's metadata, fetched at most once per execution (a failed fetch is tried again). */
export function typeCache(client: LeadSquaredClient): (code: number) => Promise<OpportunityType> {
	const types = new Map<number, Promise<OpportunityType>>();
	return async (code) => {
		let type = types.get(code);
		if (!type) {
			type = opportunityType(client, code);
			types.set(code, type);
			type.catch(() => types.delete(code));
		}
		return await type;
	};
}

/**
 * The account's opportunity types (GetOpportunityTypes, or ActivityTypes.Get's from code 12000 where it is
 * unavailable), read at most once per execution; a failed read is tried again by the next item.
 */
export class OpportunityTypes {
	private list?: Promise<OpportunityTypeList>;

	constructor(private readonly client: LeadSquaredClient) {}

	async all(): Promise<OpportunityTypeList> {
		if (!this.list) {
			this.list = loadOpportunityTypes(this.client);
			this.list.catch(() => (this.list = undefined));
		}
		return await this.list;
	}

	/**
	 * Refuses, before anything is sent, a code that the account's own list (GetOpportunityTypes) does not
	 * hold. Nothing is refused on the fallback list, nor when the list cannot be read: LeadSquared still checks.
	 */
	async check(code: number): Promise<void> {
		let list: OpportunityTypeList;
		try {
			list = await this.all();
		} catch {
			return;
		}
		if (list.source !== 'api' || list.types.some((type) => type.code === code)) return;
		throw new InputError(
			`Opportunity type ${code} is not one of your LeadSquared account's opportunity types`,
			'opportunityType',
			list.types.length > 0
				? `Its opportunity types are: ${typeNames(list.types)}. Choose one from the list, or copy its code from My Account → Settings → Opportunities → Opportunity Types.`
				: 'LeadSquared lists no opportunity type for this account (My Account → Settings → Opportunities → Opportunity Types).',
		);
	}
}

/** What the opportunity operations look up about types, at most once per execution: each type's fields, and the account's list. */
export interface TypeLookups {
	type: (code: number) => Promise<OpportunityType>;
	types: OpportunityTypes;
}

export function typeLookups(client: LeadSquaredClient): TypeLookups {
	return { type: typeCache(client), types: new OpportunityTypes(client) };
}

/** The item's opportunity type code, checked against the account's list before anything is sent; undefined when optional and empty. */
export async function readCheckedType(context: IExecuteFunctions, index: number, required: boolean, lookups: TypeLookups): Promise<number | undefined> {
	const code = readTypeCode(context, index, required);
	if (code !== undefined) await lookups.types.check(code);
	return code;
}
