/**
 * The reads the polling trigger makes: `LeadManagement.svc/Leads.RecentlyModified` (§2.4) and
 * `ProspectActivity.svc/CustomActivity/RetrieveByActivityEvent` (§11.1), one page at a time, each checking
 * the answer's shape.
 */
import { flattenProperties } from '../helpers/typed';
import type { LeadSquaredClient } from './index';
import { unexpectedAnswer } from './shape';

type Json = Record<string, unknown>;

export interface Page {
	recordCount: number;
	rows: Json[];
}

export interface PageRequest {
	from: string;
	to: string;
	pageIndex: number;
	pageSize: number;
	/** Newest first (for "fetch test event"); default: LeadSquared's default order. */
	newestFirst?: boolean;
}

/** Rows echo two attributes that are not lead fields: `CanUpdate` [DOC] and `Total` [OBS]. */
const NOT_FIELDS = new Set(['canupdate', 'total']);

/** Leads modified in a window: `{RecordCount, Leads:[{LeadPropertyList:[{Attribute, Value}]}]}` [DOC], as flat leads. */
export async function recentlyModifiedLeads(client: LeadSquaredClient, request: PageRequest): Promise<Page> {
	const body: Json = {
		Parameter: { FromDate: request.from, ToDate: request.to },
		Paging: { PageIndex: request.pageIndex, PageSize: request.pageSize },
	};
	if (request.newestFirst) body.Sorting = { ColumnName: 'ModifiedOn', Direction: '1' };
	const answer = (await client.request({ method: 'POST', path: 'LeadManagement.svc/Leads.RecentlyModified', body })) as {
		RecordCount?: unknown;
		Leads?: unknown;
	} | null;
	if (!answer || !Array.isArray(answer.Leads)) throw unexpectedAnswer('Leads.RecentlyModified', 'no Leads list');
	const rows = answer.Leads.map((lead) => {
		const flat = flattenProperties((lead as { LeadPropertyList?: unknown })?.LeadPropertyList);
		for (const key of Object.keys(flat)) if (NOT_FIELDS.has(key.toLowerCase())) delete flat[key];
		return flat;
	});
	const count = Number(answer.RecordCount);
	return { recordCount: Number.isFinite(count) ? count : rows.length, rows };
}

/** Activities of one type modified in a window: `{RecordCount, List:[…flat activities]}` [DOC]. */
export async function activitiesByEvent(client: LeadSquaredClient, activityEvent: number, request: PageRequest): Promise<Page> {
	const body: Json = {
		Parameter: { FromDate: request.from, ToDate: request.to, ActivityEvent: activityEvent, RemoveEmptyValue: false },
		Paging: { PageIndex: request.pageIndex, PageSize: request.pageSize },
		Sorting: { ColumnName: 'ModifiedOn', Direction: request.newestFirst ? 1 : 0 },
	};
	const answer = (await client.request({ method: 'POST', path: 'ProspectActivity.svc/CustomActivity/RetrieveByActivityEvent', body })) as {
		RecordCount?: unknown;
		List?: unknown;
	} | null;
	if (!answer || !Array.isArray(answer.List)) throw unexpectedAnswer('CustomActivity/RetrieveByActivityEvent', 'no List');
	const rows = answer.List.filter((row): row is Json => typeof row === 'object' && row !== null);
	const count = Number(answer.RecordCount);
	return { recordCount: Number.isFinite(count) ? count : rows.length, rows };
}
