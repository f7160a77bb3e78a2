/**
 * LeadSquared's refusals of the account calls, said in words a no-code user can act on: an account ID that
 * names no account, an account type that does not exist, a field the account type does not have. LeadSquared's
 * own ExceptionType and ExceptionMessage stay in the failure. No public source shows the exact texts of these
 * answers, so they are recognised loosely (what they are about and "does not exist"/"not found").
 * Pure: no n8n imports.
 */
import { describeException, sentences } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';

const DOES_NOT_EXIST = /(does not|doesn't|do not) exist|not found|no such|invalid/i;

function theirWords(failure: Failure): string | undefined {
	return describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode);
}

export interface AccountContext {
	/** The account the call named (Update, Delete, account activities). */
	accountId?: string;
	/** The account type the call named (Create, Get Many). */
	typeName?: string;
	/** The account activity type code the call named (Account Activity → Create). */
	activityCode?: number;
}

/** A business failure of an account call explained; undefined when it is none of the known ones. */
export function explainAccountFailure(failure: Failure, context: AccountContext, hint?: string): Failure | undefined {
	if (failure.kind !== 'business') return undefined;
	const said = failure.exceptionMessage ?? '';
	if (context.typeName !== undefined && /company ?type/i.test(said) && DOES_NOT_EXIST.test(said)) {
		return {
			...failure,
			message: `Account type "${context.typeName}" does not exist in this LeadSquared account (LeadSquared: "${said}")`,
			description: sentences(
				"Account Type must name one of your account's types exactly as LeadSquared shows it (e.g. Partners). The API cannot create account types: an administrator creates them in LeadSquared's account settings",
				theirWords(failure),
			),
		};
	}
	if (context.accountId !== undefined && /compan|account/i.test(said) && DOES_NOT_EXIST.test(said) && !/type|attribute|field/i.test(said)) {
		return {
			...failure,
			message: `No account with ID ${context.accountId} in this LeadSquared account (LeadSquared: "${said}")`,
			description: sentences(
				"Check the Account ID (the account's CompanyId): the account may have been deleted, or the ID may belong to another LeadSquared account",
				hint,
				theirWords(failure),
			),
		};
	}
	if (context.activityCode !== undefined && /event ?code|activity ?type|activityevent/i.test(said)) {
		return {
			...failure,
			message: `${context.activityCode} is not an account activity type of this account (LeadSquared: "${said}")`,
			description: sentences(
				"Each account type has its own account activity types, each with a code (the documented examples use codes from 10000 up). Copy the code from LeadSquared's account activity settings: no API lists them",
				theirWords(failure),
			),
		};
	}
	if (failure.exceptionType === 'MXUnknownAttributeException') {
		return {
			...failure,
			description: sentences(
				"LeadSquared refuses the whole account when one field is not a field of its account type. Check the schema names against the account type's fields (they differ from type to type)",
				theirWords(failure),
			),
		};
	}
	return undefined;
}
