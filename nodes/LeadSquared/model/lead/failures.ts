/**
 * LeadSquared's refusals of the operations that name a record by its id, said in words a no-code user
 * can act on: an unknown lead id, lead deletion not enabled for the account, a list that does not exist or
 * is not static. LeadSquared's own ExceptionType and ExceptionMessage stay in the failure.
 * Pure: no n8n imports.
 */
import { describeException, sentences } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';

const DOES_NOT_EXIST = /(does not|doesn't|do not) exist|not found|no such/i;

/** LeadSquared's exception, as the last sentence of a description. */
function theirWords(failure: Failure): string | undefined {
	return describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode);
}

/** "Lead does not exist in the system" (Lead.Update, Delete, list calls), with the id; undefined for other failures. */
export function unknownLead(failure: Failure, leadId: string): Failure | undefined {
	const said = failure.exceptionMessage ?? '';
	if (failure.kind !== 'business' || !/lead/i.test(said) || !DOES_NOT_EXIST.test(said)) return undefined;
	return {
		...failure,
		message: `No lead with ID ${leadId} in this LeadSquared account (LeadSquared: "${said}")`,
		description: sentences(
			'Check the Lead ID: the lead may have been deleted or merged into another lead, or the ID may belong to another LeadSquared account',
			theirWords(failure),
		),
	};
}

const DELETION_ADVICE =
	'LeadSquared keeps its Delete a Lead API (Lead/Delete/ById) switched off for every account until LeadSquared support enables it. ' +
	'Ask LeadSquared support (support@leadsquared.com) to enable lead deletion through the API for your account. ' +
	"Deleting is a hard delete: it also removes the lead's activities, tasks and opportunities, and cannot be undone";

/**
 * Lead/Delete/ById refused because deletion is not enabled for the account (or the keys' user may not
 * delete): a clear message saying what to ask LeadSquared; undefined for other failures. No source shows
 * LeadSquared's exact answer, so an exception naming deletion, an MXUnAuthorizedAccessException that is
 * not a 401 (the keys themselves were accepted), and a 403 all count; a 401 keeps the wrong-keys message
 * and mentions deletion as the other possible cause.
 */
export function deletionRefused(failure: Failure): Failure | undefined {
	const said = failure.exceptionMessage ?? '';
	const namesDeletion = /delet/i.test(said) && /(enabl|disabl|not allowed|support|permission|access)/i.test(said);
	if (failure.kind === 'auth' && !namesDeletion) {
		return {
			...failure,
			description: sentences(
				failure.description,
				'If these keys work for other LeadSquared operations, lead deletion may simply not be enabled for this account. ' + DELETION_ADVICE,
			),
		};
	}
	const unauthorized = failure.exceptionType === 'MXUnAuthorizedAccessException';
	if (!namesDeletion && !(unauthorized && failure.kind !== 'auth') && failure.kind !== 'forbidden') return undefined;
	return {
		...failure,
		kind: 'business',
		message:
			failure.kind === 'forbidden'
				? 'LeadSquared refused to delete the lead (HTTP 403): lead deletion through the API is not enabled for this account, or the keys\' user may not delete leads'
				: 'Lead deletion through the API is not enabled for this LeadSquared account',
		description: sentences(
			DELETION_ADVICE,
			failure.kind === 'forbidden' ? "If it is enabled, use an administrator's keys" : undefined,
			theirWords(failure),
		),
	};
}

/** A list as Lists.Get describes it. */
export interface ListInfo {
	id: string;
	name: string;
	/** "static", "dynamic" or "refreshable". */
	type: string;
}

/**
 * A refused list change explained by what the account's lists say about the list: unknown, or not
 * static (only static lists take leads through the API). undefined when the list is a static list of
 * the account (the refusal is about something else, e.g. a lead).
 */
export function listRefused(failure: Failure, listId: string, list: ListInfo | null): Failure | undefined {
	if (list === null) {
		return {
			...failure,
			message: `No list with ID ${listId} in this LeadSquared account`,
			description: sentences(
				'Choose the list from the list, or check the ID: the list may have been deleted, or belong to another LeadSquared account',
				theirWords(failure),
			),
		};
	}
	if (list.type.trim().toLowerCase() === 'static') return undefined;
	return {
		...failure,
		message: `The list "${list.name}" is a ${list.type.trim().toLowerCase() || 'non-static'} list: LeadSquared adds leads to and removes leads from static lists only`,
		description: sentences(
			'A dynamic or refreshable list takes its leads from its criteria, so leads cannot be added or removed one by one. Choose a static list, or change the lead so that it meets (or no longer meets) the list\'s criteria',
			theirWords(failure),
		),
	};
}
