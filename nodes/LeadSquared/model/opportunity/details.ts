/**
 * One opportunity by id and its deletion (leadsquared-api-more.md §4.4, §4.5):
 * - `GetOpportunityDetails?OpportunityId=` answers `{ID, Name, DisplayName, Fields:[{SchemaName, DisplayName,
 *   DataType, Value, …}]}` ([DOC] get-an-opportunity-by-id): the type's fields with their metadata and values. The
 *   node outputs it flat, like Opportunity → Get Many's rows, typed by the fields' own metadata;
 * - `Delete?Id=` works only when the type allows deletion ("Allow Delete"); LeadSquared's refusal text is not
 *   documented, so its likely words are recognised and said plainly.
 * Pure: no n8n imports.
 */
import { isRecord, NOTE_FIELD, pick } from '../activity/types';
import { sentences } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';
import { parseOpportunityType } from './payload';
import type { OpportunityType } from './payload';

/** The keys the node names itself; a field of the same schema name does not replace them. */
const OWN_KEYS = ['OpportunityId', 'OpportunityEvent', 'OpportunityType', 'OpportunityNote'];

export interface OpportunityDetails {
	/** The opportunity, flat: its id, type name, note and each field's value by schema name. */
	record: Record<string, unknown>;
	/** The type's name as the answer gives it (DisplayName, else Name). */
	typeName?: string;
	/** The fields' metadata (DataType, options), for typing the values; undefined when the answer has none. */
	type: OpportunityType;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * GetOpportunityDetails' answer (also as a one-element list): the opportunity flat; 'none' for an answer that holds
 * no opportunity (null, empty, no ID and no Fields); undefined for anything else.
 */
export function readOpportunityDetails(answer: unknown, opportunityId: string): OpportunityDetails | 'none' | undefined {
	const raw = Array.isArray(answer) ? (answer.length === 0 ? null : answer[0]) : answer;
	if (raw === null || raw === undefined || raw === '' || (isRecord(raw) && Object.keys(raw).length === 0)) return 'none';
	if (!isRecord(raw)) return undefined;
	const fields = pick(raw, 'Fields');
	const id = text(pick(raw, 'ID', 'Id', 'OpportunityId', 'ProspectOpportunityId'));
	if (!Array.isArray(fields)) return id === undefined ? 'none' : undefined;
	const typeName = text(pick(raw, 'DisplayName', 'Name'));
	const record: Record<string, unknown> = { OpportunityId: id ?? opportunityId };
	if (typeName !== undefined) record.OpportunityType = typeName;
	for (const field of fields) {
		if (!isRecord(field)) continue;
		const name = text(pick(field, 'SchemaName', 'InternalName'));
		if (name === undefined) continue;
		const value = pick(field, 'Value') ?? null;
		if (name.toLowerCase() === NOTE_FIELD.toLowerCase()) record.OpportunityNote = value;
		else if (!OWN_KEYS.includes(name)) record[name] = value;
	}
	return { record, typeName, type: parseOpportunityType(raw, 0) };
}

/** LeadSquared's answer that no opportunity has the id ("Opportunity does not exist in the system"). */
export function isNoSuchOpportunity(failure: Failure): boolean {
	const said = `${failure.exceptionMessage ?? ''}`;
	return failure.kind === 'business' && /opportunit/i.test(said) && /does ?n[o']t exist|not found|invalid/i.test(said);
}

const ALLOW_DELETE_ADVICE =
	'LeadSquared deletes an opportunity only when its type allows it: an administrator can turn on "Allow Delete" for the type (My Account → Settings → Opportunities → Opportunity Types)';

/**
 * A refused deletion said plainly: the type does not allow deletion (words such as "cannot be deleted", "Allow
 * Delete", "not allowed", "permission") → what to change; undefined for other failures.
 */
export function deletionNotAllowed(failure: Failure): Failure | undefined {
	const said = `${failure.exceptionMessage ?? ''}`;
	if (failure.kind !== 'business' || !/can ?not be deleted|can't be deleted|allow ?delete|not allowed|no permission|permission/i.test(said)) return undefined;
	return {
		...failure,
		message: `LeadSquared does not allow deleting this opportunity: ${said}`,
		description: sentences(ALLOW_DELETE_ADVICE, failure.description),
	};
}

/** `Delete`'s answer `{"Status":"Success","Message":{"IsSuccessful":true}}`: false when it says IsSuccessful false. */
export function deletionConfirmed(answer: unknown): boolean {
	if (!isRecord(answer)) return true;
	const message = pick(answer, 'Message');
	const flag = isRecord(message) ? pick(message, 'IsSuccessful') : pick(answer, 'IsSuccessful');
	return !(flag === false || (typeof flag === 'string' && flag.trim().toLowerCase() === 'false'));
}

/** Said when Delete answers IsSuccessful false (no reason given). */
export function deletionUnsuccessful(opportunityId: string): Failure {
	return {
		kind: 'business',
		httpCode: 200,
		message: `LeadSquared did not delete the opportunity ${opportunityId} (it answered IsSuccessful: false)`,
		description: sentences(`LeadSquared gave no reason. ${ALLOW_DELETE_ADVICE}`),
	};
}
