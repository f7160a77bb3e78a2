/**
 * LeadSquared's opportunity endpoints (§11.1, §12.1; more §4.4, §4.5): Capture (lead and opportunity in one call, with
 * duplicate detection), Update, one opportunity by id, Delete, the opportunities of a lead, an opportunity type's
 * fields, and the list of types.
 */
import type { IDataObject } from 'n8n-workflow';

import { explainNotFound, LeadSquaredError } from '../machinery/errors';
import { deletionConfirmed, deletionNotAllowed, deletionUnsuccessful, isNoSuchOpportunity } from '../model/opportunity/details';
import { parseOpportunityType, readCaptureAnswer } from '../model/opportunity/payload';
import type { CaptureResult, FieldPair, OpportunityType } from '../model/opportunity/payload';
import type { Page } from '../machinery/pager';
import type { LsqAttribute } from '../model/lead/payload';
import { settle } from '../machinery/scheduler';
import { parseOpportunityTypes, unavailableReason } from '../model/activity/typeKinds';
import type { OpportunityTypeSummary } from '../model/activity/typeKinds';
import type { LeadSquaredClient } from './index';
import { messageId, readPage, statusOf, succeeded, unconfirmedWrite, unexpectedAnswer } from './shape';

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
	const answer = await client.request({ method: 'POST', path: 'OpportunityManagement.svc/Capture', body, idempotent: false, write: true });
	const result = readCaptureAnswer(answer);
	if (result) return result;
	if (!succeeded(answer)) {
		throw unconfirmedWrite(
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
	const answer = await client.request({ method: 'POST', path: 'OpportunityManagement.svc/Update', body, write: true });
	return { status: statusOf(answer), opportunityId: messageId(answer) ?? body.ProspectOpportunityId };
}

/**
 * One page of `GetOpportunitiesOfLead` (POST, as documented; the body pages, and sorts when `sorting` is
 * given). Without `typeCode`, the documented "every type" call, which some accounts refuse (§12.2).
 */
export async function opportunitiesOfLead(
	client: LeadSquaredClient,
	leadId: string,
	typeCode: number | undefined,
	pageIndex: number,
	pageSize: number,
	sorting?: { ColumnName: string; Direction: string },
): Promise<Page<Record<string, unknown>>> {
	const answer = await client.request({
		method: 'POST',
		path: 'OpportunityManagement.svc/GetOpportunitiesOfLead',
		query: { leadId, ...(typeCode !== undefined ? { opportunityType: String(typeCode) } : {}) },
		body: { Paging: { PageIndex: pageIndex, PageSize: pageSize }, ...(sorting ? { Sorting: sorting } : {}) },
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

/**
 * `GET OpportunityManagement.svc/GetOpportunityTypes` [CODE, live §12.1]: the account's opportunity types, or
 * `{unavailable}` with the reason when the account has none to list (404, a "disabled" answer). Other
 * failures are thrown.
 */
export async function requestOpportunityTypes(client: LeadSquaredClient): Promise<OpportunityTypeSummary[] | { unavailable: string }> {
	const attempt = await settle(async () => await client.request({ method: 'GET', path: 'OpportunityManagement.svc/GetOpportunityTypes' }));
	if (!attempt.ok) {
		const reason = attempt.error instanceof LeadSquaredError ? unavailableReason(attempt.error.failure) : undefined;
		if (reason === undefined) throw attempt.error;
		return { unavailable: reason };
	}
	const types = parseOpportunityTypes(attempt.value);
	if (!types) throw unexpectedAnswer('GetOpportunityTypes', 'no list of opportunity types');
	return types;
}

const NO_OPPORTUNITY = "Copy the ID from Opportunity → Create (opportunityId) or Get Many (OpportunityId); a deleted opportunity is not found either";

/**
 * `GET GetOpportunityDetails?OpportunityId=` [DOC get-an-opportunity-by-id]: the answer as it came, or undefined when
 * LeadSquared says no opportunity has the id.
 */
export async function getOpportunityDetails(client: LeadSquaredClient, opportunityId: string): Promise<unknown> {
	const attempt = await settle(
		async () => await client.request({ method: 'GET', path: 'OpportunityManagement.svc/GetOpportunityDetails', query: { OpportunityId: opportunityId } }),
	);
	if (attempt.ok) return attempt.value;
	if (attempt.error instanceof LeadSquaredError && isNoSuchOpportunity(attempt.error.failure)) return undefined;
	throw attempt.error;
}

/**
 * `GET OpportunityManagement.svc/Delete?Id=` [DOC delete-an-opportunity] → `{"Status":"Success","Message":{"IsSuccessful":true}}`.
 * Refused when the opportunity's type does not allow deletion: said so, with what to change.
 */
export async function deleteOpportunity(client: LeadSquaredClient, opportunityId: string, lostAnswer: string): Promise<void> {
	let answer: unknown;
	try {
		answer = await client.request({ method: 'GET', path: 'OpportunityManagement.svc/Delete', query: { Id: opportunityId }, write: true });
	} catch (error) {
		const refused = error instanceof LeadSquaredError ? deletionNotAllowed(error.failure) : undefined;
		throw refused ? new LeadSquaredError(refused) : explainNotFound(error, 'opportunity', opportunityId, `${NO_OPPORTUNITY}. ${lostAnswer}`);
	}
	if (!deletionConfirmed(answer)) throw new LeadSquaredError(deletionUnsuccessful(opportunityId));
}
