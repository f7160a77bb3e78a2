/**
 * Account → Update: `CompanyManagement.svc/Company.Update?companyId=` for each item: only the name, owner
 * and fields given change, inside `CompanyProperties` (a bare list is refused by LeadSquared on every call).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildAccountProperties, withOwner } from '../../model/account/payload';
import type { AccountProperty } from '../../model/account/payload';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { updateAccount } from '../../transport/accounts';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { fieldNotes } from '../lead/leadFields';
import { ownerLocator } from '../task/taskFields';
import { showFor } from '../utils';
import {
	ACCOUNT_FIELDS_DESCRIPTION,
	accountIdProperty,
	accountKey,
	accountWriteOptions,
	explainAccountError,
	fieldListProperty,
	Owners,
	readAccountId,
	readFieldList,
	readFieldOptions,
	readItemOwner,
} from './accountFields';

const properties: INodeProperties[] = [
	accountIdProperty('The account to update'),
	{
		displayName: 'Account Name',
		name: 'accountName',
		type: 'string',
		default: '',
		description: "A new name for the account (CompanyName). Leave empty to keep its name.",
	},
	ownerLocator({ description: "A new owner for the account (OwnerId). Leave empty to keep its owner." }),
	fieldListProperty('accountFields', 'Account Fields', `${ACCOUNT_FIELDS_DESCRIPTION} Only the fields given change.`),
	optionsCollection(accountWriteOptions, sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['account'], operation: ['update'] }, properties);

interface Prepared {
	accountId: string;
	properties: AccountProperty[];
	skippedFields: string[];
}

class UpdateAccount implements Operation<Prepared, Owners> {
	setup(run: RunContext): Promise<Owners> {
		return Promise.resolve(new Owners(run.client));
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, owners: Owners): Promise<Prepared> {
		const { context } = run;
		const accountId = readAccountId(context, index);
		const owner = readItemOwner(context, index);
		const input = { name: context.getNodeParameter('accountName', index, ''), owner: owner !== undefined, fields: readFieldList(context, index, 'accountFields') };
		const { properties, skippedFields } = buildAccountProperties(input, readFieldOptions(context, run.options), false);
		return { accountId, properties: withOwner(properties, await owners.resolve(owner)), skippedFields };
	}

	keys(prepared: Prepared): string[] {
		return [accountKey(prepared.accountId)];
	}

	check({ accountId }: Prepared): WriteCheck {
		return {
			record: 'account',
			change: 'update',
			read: 'Account → Get Many',
			key: `its name; ${keyOf('Account ID', accountId)}`,
			safeRepeat: 'it sets the same values on the same account',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		try {
			const result = await updateAccount(run.client, prepared.accountId, prepared.properties);
			return { status: result.status, accountId: prepared.accountId, affectedRows: result.affectedRows, ...fieldNotes({ droppedFields: [], skippedFields: prepared.skippedFields }) };
		} catch (error) {
			throw explainAccountError(error, { accountId: prepared.accountId });
		}
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateAccount());
}
