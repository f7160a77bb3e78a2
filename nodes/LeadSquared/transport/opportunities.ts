/**
 * LeadSquared's opportunity endpoints (§11.1): Capture (lead and opportunity in one call, with duplicate
 * detection), Update, the opportunities of a lead, an opportunity type's fields, and the list of types.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ActivityTypeSummary } from '../helpers/activityTypes';
import { parseOpportunityType, readCaptureAnswer } from '../helpers/opportunity';
import type { CaptureResult, FieldPair, OpportunityType } from '../helpers/opportunity';
import type { Page } from '../helpers/pager';
import type { LsqAttribute } from '../helpers/payload';
import { getActivityTypes } from './activities';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, succeeded, unexpectedAnswer } from './shape';

export interface CaptureBody {
	LeadDetails: LsqAttribute[];
	Opportunity: {
		OpportunityEventCode: number;
		OpportunityNote?: string;
		OpportunityDateTime?: string;
		Fields: FieldPair[];
		OverwriteFields?: boolean;
		UpdateEmptyFields?: boolean;
		DoNotPostDuplicateActivity?: boolean;
		DoNotChangeOwner?: boolean;
	};
}

/** Capture's result; when the answer has none of the documented keys, the answer itself is kept. */
export async function captureOpportunity(client: LeadSquaredClient, body: CaptureBody): Promise<CaptureResult & { answer?: IDataObject }> {
	const answer = await client.request({ method: 'POST', path: 'OpportunityManagement.svc/Capture', body, idempotent: false });
	const result = readCaptureAnswer(answer);
	if (result) return result;
	if (!succeeded(answer)) {
		throw unexpectedAnswer(
			'OpportunityManagement.svc/Capture',
			'no opportunity or lead id, and no Status "Success"',
			'The opportunity may or may not have been captured: look at the lead\'s opportunities before running the item again.',
		);
	}
	// Status "Success" without any documented key: reported as it came.
	const none = { leadId: null, opportunityId: null, created: false, duplicate: false, postDeDupActionPerformed: null, conflictedOpportunityId: null, activityId: null };
	return { status: 'Success', ...none, answer: (answer && typeof answer === 'object' ? answer : {}) as IDataObject };
}

export interface UpdateBody {
	ProspectOpportunityId: string;
	OpportunityNote?: string;
	Fields?: FieldPair[];
}

export async function updateOpportunity(client: LeadSquaredClient, body: UpdateBody): Promise<{ status: string; opportunityId: string }> {
	const answer = await client.request({ method: 'POST', path: 'OpportunityManagement.svc/Update', body });
	return { status: statusOf(answer), opportunityId: messageId(answer) ?? body.ProspectOpportunityId };
}

/** One page of `GetOpportunitiesOfLead` (POST, as documented; the body only pages). */
export async function opportunitiesOfLead(
	client: LeadSquaredClient,
	leadId: string,
	typeCode: number | undefined,
	pageIndex: number,
	pageSize: number,
): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({
		method: 'POST',
		path: 'OpportunityManagement.svc/GetOpportunitiesOfLead',
		query: { leadId, ...(typeCode !== undefined ? { opportunityType: String(typeCode) } : {}) },
		body: { Paging: { PageIndex: pageIndex, PageSize: pageSize } },
	});
	const page = readPage(answer);
	if (!page) throw unexpectedAnswer('GetOpportunitiesOfLead', 'no List of opportunities');
	return page;
}

/**
 * An opportunity type's name and fields (`GetOpportunityTypeMetadata?code=`). `fields` is undefined when
 * the answer does not describe them: the node then sends fields unchecked rather than refuse them on a guess.
 */
export async function opportunityType(client: LeadSquaredClient, code: number): Promise<OpportunityType> {
	const answer = await client.request({ method: 'GET', path: 'OpportunityManagement.svc/GetOpportunityTypeMetadata', query: { code: String(code) } });
	return parseOpportunityType(answer, code);
}

/** Codes from this one on are taken as opportunity types when no type is marked [INF: 12000+ in every documented sample]. */
const FIRST_OPPORTUNITY_CODE = 12000;

/**
 * The account's opportunity types, from `ProspectActivity.svc/ActivityTypes.Get` (no API lists them on
 * their own): those marked `IsOpportunityType`; when the answer marks none, the non-system codes from
 * 12000 on.
 */
export async function opportunityTypes(client: LeadSquaredClient): Promise<ActivityTypeSummary[]> {
	const types = await getActivityTypes(client);
	const marked = types.filter((type) => type.isOpportunity);
	return marked.length > 0 ? marked : types.filter((type) => !type.isSystem && type.code >= FIRST_OPPORTUNITY_CODE);
}
