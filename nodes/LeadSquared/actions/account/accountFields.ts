/**
 * What the account and account activity operations share: the Account Type, Account ID and field-list
 * parameters, the owner (a user picked from the list, by ID or by e-mail: LeadSquared's account calls take
 * a user id, so an e-mail is looked up among the account's users before anything is sent), and LeadSquared's
 * refusals said about the account.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError } from '../../machinery/errors';
import { explainAccountFailure } from '../../model/account/failures';
import type { AccountContext } from '../../model/account/failures';
import type { EmptyValues, FieldInput, FieldOptions } from '../../model/account/payload';
import type { LeadSquaredClient } from '../../transport';
import { checkRecordId, EXAMPLE_GUID, recordKey } from '../../values/recordIds';
import { readTimezone } from '../dateTimezone';
import { manualEntries } from '../fieldEntries';
import { leadWriteOptions } from '../lead/leadFields';
import { OwnerResolver, readOwner } from '../owner';

/** What the account field lists say (Create, Update). */
export const ACCOUNT_FIELDS_DESCRIPTION =
	"The account's other fields by schema name (e.g. Phone, Website, City, Stage, mx_Industry), each value as text. LeadSquared's API describes no account type's fields, so LeadSquared checks them: a field the type does not have, or a value that does not fit it, fails the item with LeadSquared's message.";

export const accountTypeProperty: INodeProperties = {
	displayName: 'Account Type',
	name: 'accountType',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Partners',
	description:
		"The account type's name (CompanyTypeName), exactly as LeadSquared shows it. LeadSquared's API has no call that lists account types or their fields, so the node cannot offer a list.",
};

/** The Account ID parameter; `description` says what the operation does with that account. */
export function accountIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${EXAMPLE_GUID}`,
		description: `${description}. It is the account's CompanyId: the accountId of Account → Create's output, or the CompanyId of an account that Account → Get Many returns.`,
	};
}

/** A list of fields by schema name (`name`: the parameter; `entry`: what one row is called). */
export function fieldListProperty(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Field',
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Field Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. mx_Industry', description: "The field's schema name" },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The account writes' option: empty values. (Their values are text, and an n8n date always names its zone.) */
export const accountWriteOptions: INodeProperties[] = leadWriteOptions.filter((option) => option.name === 'emptyValues');
/** Account Activity → Create's options: empty values, and how to read an Activity Date given without a time zone. */
export const activityWriteOptions: INodeProperties[] = leadWriteOptions.filter((option) => option.name === 'dateTimezone' || option.name === 'emptyValues');

export function readFieldOptions(context: IExecuteFunctions, options: IDataObject): FieldOptions {
	const empty = options.emptyValues;
	return { timezone: readTimezone(context, options), emptyValues: empty === 'skip' || empty === 'clear' ? (empty as EmptyValues) : 'fail' };
}

/** One item's field list (`parameter.field`). */
export function readFieldList(context: IExecuteFunctions, index: number, parameter: string): FieldInput[] {
	return manualEntries(context, index, `${parameter}.field`);
}

/** The item's Account ID, checked (a GUID). */
export function readAccountId(context: IExecuteFunctions, index: number): string {
	return checkRecordId(context.getNodeParameter('accountId', index, ''), 'account');
}

export function accountKey(accountId: string): string {
	return recordKey('account', accountId);
}

export type ItemOwner = ReturnType<typeof readOwner>;

/** The item's Owner parameter (no call: an e-mail is resolved by Owners.resolve). */
export function readItemOwner(context: IExecuteFunctions, index: number): ItemOwner {
	return readOwner(context, index);
}

/**
 * The owners of an execution's accounts as user ids, the form the account calls take (OwnerId [CODE id
 * 63375367859]; an account activity's Owner field [DOC]): an id goes as given, an e-mail is looked up among
 * the account's users (one Users.Get per execution, shared with every owner field) and must be an active user.
 */
export class Owners {
	private readonly resolver: OwnerResolver;

	constructor(client: LeadSquaredClient) {
		this.resolver = new OwnerResolver(client);
	}

	/** An owner as a user id (undefined: none given). */
	async resolve(owner: ItemOwner | undefined): Promise<string | undefined> {
		if (owner === undefined) return undefined;
		return owner.by === 'id' ? owner.value : (await this.resolver.active(owner)).id;
	}
}

/** A failure of an account call, explained when it is about the account, its type or its fields. */
export function explainAccountError(error: unknown, context: AccountContext, hint?: string): unknown {
	if (!(error instanceof LeadSquaredError)) return error;
	const failure = explainAccountFailure(error.failure, context, hint);
	return failure ? new LeadSquaredError(failure) : error;
}
