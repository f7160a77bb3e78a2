/**
 * Account Activity → Get Many: an account's activities (`CompanyActivity.svc/Retrieve?companyId=`), newest
 * first, optionally within a date window; Return All / Limit page by PageIndex/PageSize through the shared
 * list reader, which never repeats, skips or passes off part of the list as all of it.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { readList } from '../../machinery/pager';
import { accountActivityIdOf, typedAccountRecord } from '../../model/account/records';
import { accountActivities } from '../../transport/accounts';
import { optionalDateTime } from '../../values/checks';
import { dateTimezoneOption, readTimezone } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { listingProperties, readLimit } from '../listing';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { accountIdProperty, explainAccountError, readAccountId } from '../account/accountFields';

/** Activities per call (the documented example's PageSize). */
export const ACCOUNT_ACTIVITY_PAGE_SIZE = 100;
/** The largest page asked for when activities missing from the pages are read again [INF: no limit is documented]. */
const ACCOUNT_ACTIVITY_MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	accountIdProperty('The account whose activities to get'),
	...listingProperties,
	optionsCollection(
		[
			{ ...dateTimezoneOption, description: 'How to read From and To dates such as "2024-05-01 10:30" that carry no time zone. LeadSquared is always asked in UTC.' },
			{ displayName: 'From', name: 'fromDate', type: 'dateTime', default: '', description: 'Only activities from this date and time on (FromDate, on the activity date)' },
			{ displayName: 'To', name: 'toDate', type: 'dateTime', default: '', description: 'Only activities up to this date and time (ToDate, on the activity date)' },
			{
				...typedValuesOption,
				description:
					"Whether to return ActivityDateTime, CreatedOn and ModifiedOn as ISO 8601 dates (UTC). LeadSquared's API describes no account activity type's fields, so the values in ActivityFields stay the text LeadSquared returns.",
			},
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['accountActivity'], operation: ['getMany'] }, properties);

interface Prepared {
	accountId: string;
	window: { FromDate?: string; ToDate?: string };
	limit?: number;
}

class GetManyAccountActivities implements Operation<Prepared> {
	readonly simplify = 'accountActivity' as const;

	notFound(prepared: Prepared): string {
		return `No account activity exists for the account with CompanyId ${prepared.accountId} in LeadSquared.`;
	}

	prepare(run: RunContext, index: number): Prepared {
		const { context, options } = run;
		const timezone = readTimezone(context, options);
		const from = optionalDateTime(options.fromDate, 'Options → From', 'fromDate', timezone);
		const to = optionalDateTime(options.toDate, 'Options → To', 'toDate', timezone);
		if (from !== undefined && to !== undefined && from > to) throw new InputError(`Options → From (${from} UTC) is after Options → To (${to} UTC)`, 'fromDate');
		return {
			accountId: readAccountId(context, index),
			window: { ...(from !== undefined ? { FromDate: from } : {}), ...(to !== undefined ? { ToDate: to } : {}) },
			limit: readLimit(context, index),
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject[]> {
		let rows: Array<Record<string, unknown>>;
		try {
			({ rows } = await readList<Record<string, unknown>>({
				addressing: 'pages',
				fetch: async (pageIndex, pageSize) => await accountActivities(run.client, prepared.accountId, prepared.window, pageIndex, pageSize),
				idOf: accountActivityIdOf,
				pageSize: ACCOUNT_ACTIVITY_PAGE_SIZE,
				maxPageSize: ACCOUNT_ACTIVITY_MAX_PAGE_SIZE,
				limit: prepared.limit,
				noun: 'activities of the account',
			}));
		} catch (error) {
			throw explainAccountError(error, { accountId: prepared.accountId });
		}
		const typed = typedValuesOn(run.context, run.options);
		return rows.map((row) => (typed ? typedAccountRecord(row) : row) as IDataObject);
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new GetManyAccountActivities());
}
