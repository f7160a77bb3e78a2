/**
 * Account → Delete: `CompanyManagement.svc/Company.Delete?companyId=&withLeadDelete=` for each item.
 * LeadSquared answers only `{"Status":"Success","Message":{}}`: the output says which account was deleted
 * and what was asked for its leads (deleted with it, or kept and unlinked), nothing it cannot know.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { deleteAccount } from '../../transport/accounts';
import { describeValue } from '../../values/values';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import { accountIdProperty, accountKey, explainAccountError, readAccountId } from './accountFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting an account cannot be undone. With "Delete Its Leads" on, LeadSquared also deletes every lead of the account.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	accountIdProperty('The account to delete'),
	{
		displayName: 'Delete Its Leads',
		name: 'withLeadDelete',
		type: 'boolean',
		default: false,
		description:
			"Whether LeadSquared also deletes the account's leads (withLeadDelete=true). Off: the leads stay, no longer linked to the account.",
	},
	optionsCollection([], sharedOptions()),
];

export const description = showFor({ resource: ['account'], operation: ['delete'] }, properties);

/** The transport retries a call whose answer was lost: a deletion that went through then reads as "no such account". */
const LOST_ANSWER =
	'If the connection to LeadSquared failed during this item and the node retried the call, the first attempt may have deleted the account';

interface Prepared {
	accountId: string;
	withLeadDelete: boolean;
}

class DeleteAccount implements Operation<Prepared> {
	prepare(run: RunContext, index: number): Prepared {
		const accountId = readAccountId(run.context, index);
		const raw = run.context.getNodeParameter('withLeadDelete', index, false) as unknown;
		const flag = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
		if (flag !== true && flag !== false && flag !== 'true' && flag !== 'false') {
			throw new InputError(`Delete Its Leads is ${describeValue(raw)}, which is not true or false`, 'withLeadDelete');
		}
		return { accountId, withLeadDelete: flag === true || flag === 'true' };
	}

	keys(prepared: Prepared): string[] {
		return [accountKey(prepared.accountId)];
	}

	check({ accountId }: Prepared): WriteCheck {
		return { record: 'account', change: 'delete', read: 'Account → Get Many', key: `its name; ${keyOf('Account ID', accountId)}` };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		try {
			await deleteAccount(run.client, prepared.accountId, prepared.withLeadDelete);
		} catch (error) {
			throw explainAccountError(error, { accountId: prepared.accountId }, LOST_ANSWER);
		}
		// LeadSquared's answer says nothing more (no count of leads): the output repeats what was asked.
		return { deleted: true, accountId: prepared.accountId, withLeadDelete: prepared.withLeadDelete };
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new DeleteAccount());
}
