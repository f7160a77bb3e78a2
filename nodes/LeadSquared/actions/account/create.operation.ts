/**
 * Account → Create: `CompanyManagement.svc/Company.Create` for each item: an account of an existing account
 * type, its name, owner and fields inside `CompanyProperties`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { accountTypeName, buildAccountProperties, withOwner } from '../../model/account/payload';
import type { AccountProperty } from '../../model/account/payload';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { createAccount } from '../../transport/accounts';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { fieldNotes } from '../lead/leadFields';
import { ownerLocator } from '../task/taskFields';
import { showFor } from '../utils';
import { ACCOUNT_FIELDS_DESCRIPTION, accountTypeProperty, accountWriteOptions, explainAccountError, fieldListProperty, Owners, readFieldList, readFieldOptions, readItemOwner } from './accountFields';

const properties: INodeProperties[] = [
	{ ...accountTypeProperty, description: `The type of the new account. ${accountTypeProperty.description}` },
	{
		displayName: 'Account Name',
		name: 'accountName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Learning Pvt Ltd',
		description: "The account's name (CompanyName, which LeadSquared requires)",
	},
	ownerLocator({ description: "The account's owner (OwnerId). Leave empty for LeadSquared's default, the user whose keys the node uses." }),
	fieldListProperty('accountFields', 'Account Fields', ACCOUNT_FIELDS_DESCRIPTION),
	optionsCollection(accountWriteOptions, sharedOptions({ writes: false })),
];

export const description = showFor({ resource: ['account'], operation: ['create'] }, properties);

interface Prepared {
	typeName: string;
	properties: AccountProperty[];
	skippedFields: string[];
}

class CreateAccount implements Operation<Prepared, Owners> {
	setup(run: RunContext): Promise<Owners> {
		return Promise.resolve(new Owners(run.client));
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, owners: Owners): Promise<Prepared> {
		const { context } = run;
		const typeName = accountTypeName(context.getNodeParameter('accountType', index, ''));
		const owner = readItemOwner(context, index);
		const input = { name: context.getNodeParameter('accountName', index, ''), owner: owner !== undefined, fields: readFieldList(context, index, 'accountFields') };
		const { properties, skippedFields } = buildAccountProperties(input, readFieldOptions(context, run.options), true);
		// The fields are checked before an owner's e-mail is looked up: bad input needs no call.
		return { typeName, properties: withOwner(properties, await owners.resolve(owner)), skippedFields };
	}

	check({ properties }: Prepared): WriteCheck {
		const name = properties.find((property) => property.Attribute === 'CompanyName')?.Value;
		return { record: 'account', change: 'create', read: 'Account → Get Many', key: keyOf('Search Text', name) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		try {
			const result = await createAccount(run.client, prepared.typeName, prepared.properties);
			return { ...result, ...fieldNotes({ droppedFields: [], skippedFields: prepared.skippedFields }) };
		} catch (error) {
			throw explainAccountError(error, { typeName: prepared.typeName });
		}
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateAccount());
}
