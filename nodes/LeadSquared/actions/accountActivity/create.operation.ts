/**
 * Account Activity → Create: `CompanyActivity.svc/Create` for each item: an activity of one of the account
 * type's activity types on an account, with its note, date, owner and fields.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildAccountActivity } from '../../model/account/payload';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { createAccountActivity } from '../../transport/accounts';
import type { AccountActivityBody } from '../../transport/accounts';
import { optionalDateTime } from '../../values/checks';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { fieldNotes } from '../lead/leadFields';
import { ownerLocator } from '../task/taskFields';
import { showFor } from '../utils';
import {
	accountIdProperty,
	accountKey,
	activityWriteOptions,
	explainAccountError,
	fieldListProperty,
	Owners,
	readAccountId,
	readFieldList,
	readFieldOptions,
	readItemOwner,
} from '../account/accountFields';

const properties: INodeProperties[] = [
	accountIdProperty('The account to post the activity on'),
	{
		displayName: 'Activity Type Code',
		name: 'activityTypeCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 10001',
		description:
			"The account activity type's code (ActivityEvent). Each account type has its own activity types; LeadSquared shows their codes in the account activity settings, and no API lists them.",
	},
	{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 3 }, default: '', description: "The activity's note (ActivityNote)" },
	{
		displayName: 'Activity Date',
		name: 'activityDate',
		type: 'dateTime',
		default: '',
		description: 'When the activity happened (ActivityDateTime). Leave empty for now.',
	},
	ownerLocator({ description: "The activity's owner (the Owner field). Leave empty for LeadSquared's default." }),
	fieldListProperty(
		'accountActivityFields',
		'Activity Fields',
		"The activity type's fields by schema name (e.g. Status, mx_Custom_1), each value as text. LeadSquared's API describes no account activity type's fields, so LeadSquared checks them and its refusal fails the item.",
	),
	optionsCollection(activityWriteOptions, sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['accountActivity'], operation: ['create'] }, properties);

interface Prepared {
	body: AccountActivityBody;
	skippedFields: string[];
}

class CreateAccountActivity implements Operation<Prepared, Owners> {
	setup(run: RunContext): Promise<Owners> {
		return Promise.resolve(new Owners(run.client));
	}

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, owners: Owners): Promise<Prepared> {
		const { context } = run;
		const fieldOptions = readFieldOptions(context, run.options);
		const accountId = readAccountId(context, index);
		const owner = readItemOwner(context, index);
		const { skippedFields, Fields, ...activity } = buildAccountActivity(
			{
				code: context.getNodeParameter('activityTypeCode', index, ''),
				note: context.getNodeParameter('note', index, ''),
				dateTime: optionalDateTime(context.getNodeParameter('activityDate', index, ''), 'Activity Date', 'activityDate', fieldOptions.timezone),
				owner: owner !== undefined,
				fields: readFieldList(context, index, 'accountActivityFields'),
			},
			fieldOptions,
		);
		// The other input is checked before an owner's e-mail is looked up: bad input needs no call.
		const ownerId = await owners.resolve(owner);
		return {
			body: { RelatedCompanyId: accountId, ...activity, Fields: ownerId === undefined ? Fields : [{ SchemaName: 'Owner', Value: ownerId }, ...Fields] },
			skippedFields,
		};
	}

	keys(prepared: Prepared): string[] {
		// Activities on one account are posted in input order.
		return [accountKey(prepared.body.RelatedCompanyId)];
	}

	check({ body }: Prepared): WriteCheck {
		return {
			record: 'account activity',
			change: 'create',
			read: 'Account Activity → Get Many',
			key: `${keyOf('Account ID', body.RelatedCompanyId)}, type code ${body.ActivityEvent}`,
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const { body } = prepared;
		try {
			const result = await createAccountActivity(run.client, body);
			return { ...result, accountId: body.RelatedCompanyId, ...fieldNotes({ droppedFields: [], skippedFields: prepared.skippedFields }) };
		} catch (error) {
			throw explainAccountError(error, { accountId: body.RelatedCompanyId, activityCode: body.ActivityEvent });
		}
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateAccountActivity());
}
