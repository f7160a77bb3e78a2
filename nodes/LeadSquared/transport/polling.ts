/**
 * The reads the polling trigger makes: `LeadManagement.svc/Leads.RecentlyModified` (§2.4) and
 * `ProspectActivity.svc/CustomActivity/RetrieveByActivityEvent` (§11.1), one page at a time, each checking
 * the answer's shape. Each asks for an order: records modified oldest first, newest first, or the
 * record's unique id (leads: ProspectAutoId [CODE]; activities: ProspectActivityId [INF]), since
 * LeadSquared orders records that tie differently on every call (§12.4).
 */
import { flattenProperties } from '../values/typed';
import type { LeadSquaredClient } from './index';
import { unexpectedAnswer } from './shape';

type Json = Record<string, unknown>;

export interface Page {
	/** RecordCount; undefined when the answer has none. */
	recordCount?: number;
	rows: Json[];
}

/** 'modified': ModifiedOn, oldest first; 'newest': ModifiedOn, newest first; 'unique': the record's id. */
export type PageOrder = 'modified' | 'newest' | 'unique';

export interface PageRequest {
	/** 'yyyy-MM-dd HH:mm:ss', UTC. */
	from: string;
	to: string;
	pageIndex: number;
	pageSize: number;
	order: PageOrder;
}

/** The largest pages: leads 5,000 [live] (§2.4, §12.1), activities 1,000 ("PageSize can not be more than 1000" [live], §12.1). */
export const MAX_PAGE_SIZE = { lead: 5000, activity: 1000 } as const;

function count(raw: unknown): number | undefined {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Rows echo two attributes that are not lead fields: `CanUpdate` [DOC] and `Total` [live] (public code, §2.4). */
const NOT_FIELDS = new Set(['canupdate', 'total']);

/** Leads modified in a window: `{RecordCount, Leads:[{LeadPropertyList:[{Attribute, Value}]}]}` [CODE] (§2.4), as flat leads. */
export async function recentlyModifiedLeads(client: LeadSquaredClient, request: PageRequest): Promise<Page> {
	const body: Json = {
		Parameter: { FromDate: request.from, ToDate: request.to },
		Paging: { PageIndex: request.pageIndex, PageSize: request.pageSize },
		Sorting: request.order === 'unique' ? { ColumnName: 'ProspectAutoId', Direction: '0' } : { ColumnName: 'ModifiedOn', Direction: request.order === 'newest' ? '1' : '0' },
	};
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
	return { recordCount: count(answer.RecordCount), rows };
}

/** Activities of one type modified in a window: `{RecordCount, List:[…flat activities]}` [DOC]. */
export async function activitiesByEvent(client: LeadSquaredClient, activityEvent: number, request: PageRequest): Promise<Page> {
	const body: Json = {
		Parameter: { FromDate: request.from, ToDate: request.to, ActivityEvent: activityEvent, RemoveEmptyValue: false },
		Paging: { PageIndex: request.pageIndex, PageSize: request.pageSize },
		Sorting: request.order === 'unique' ? { ColumnName: 'ProspectActivityId', Direction: 0 } : { ColumnName: 'ModifiedOn', Direction: request.order === 'newest' ? 1 : 0 },
	};
	const answer = (await client.request({ method: 'POST', path: 'ProspectActivity.svc/CustomActivity/RetrieveByActivityEvent', body })) as {
		RecordCount?: unknown;
		List?: unknown;
	} | null;
	if (!answer || !Array.isArray(answer.List)) throw unexpectedAnswer('CustomActivity/RetrieveByActivityEvent', 'no List');
	const rows = answer.List.filter((row): row is Json => typeof row === 'object' && row !== null);
	return { recordCount: count(answer.RecordCount), rows };
}
