/**
 * Errors of the trigger nodes (activation, deactivation, polls) as n8n shows them: NodeApiError for what
 * LeadSquared answered, NodeOperationError for settings the node refuses. The webhook secret is removed
 * from every text, like the keys (the transport removes those).
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiErrorOf } from '../actions/errors';
import { LeadSquaredError, sentences } from '../machinery/errors';
import type { Failure } from '../machinery/errors';
import { redactFailure } from '../machinery/redact';

/** A NodeApiError from a LeadSquaredError (the failure's texts with `secrets` removed), with advice added. */
export function triggerApiError(node: INode, error: LeadSquaredError, secrets: readonly string[] = [], advice?: string): NodeApiError {
	const failure: Failure = redactFailure(error.failure, secrets);
	return apiErrorOf(node, { ...failure, description: sentences(failure.description, advice) });
}

/** Any error of a trigger's call to LeadSquared, as an n8n error. */
export function toTriggerError(node: INode, error: unknown, secrets: readonly string[] = [], advice?: string): NodeApiError | NodeOperationError {
	if (error instanceof LeadSquaredError) return triggerApiError(node, error, secrets, advice);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { description: advice });
}

/** Advice for what LeadSquared answers when it refuses a webhook. */
export function registrationAdvice(failure: Failure): string | undefined {
	const text = `${failure.exceptionType ?? ''} ${failure.exceptionMessage ?? ''} ${failure.message}`;
	if (/ActivityEvent/i.test(text)) {
		return 'Your LeadSquared account needs one activity type for activity webhooks: choose it under Activity Type';
	}
	if (/maximum number of webhooks|webhook limit/i.test(text)) {
		return 'Each event of this trigger uses one webhook of your LeadSquared plan: choose fewer events, delete webhooks you no longer use (My Account → Settings → API and Webhooks → Webhooks), or use the LeadSquared Polling Trigger';
	}
	if (failure.kind === 'auth' || failure.kind === 'forbidden' || /UnAuthorized|permission|not authori[sz]ed/i.test(text)) {
		return 'Only administrators can create webhooks in LeadSquared: use the API keys of an administrator, or the LeadSquared Polling Trigger';
	}
	return undefined;
}
