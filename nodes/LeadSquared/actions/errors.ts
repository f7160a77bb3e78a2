/**
 * Turning failures into the errors n8n shows: NodeApiError for what LeadSquared answered,
 * NodeOperationError for input the node refused before calling. Both carry the item index, a message a
 * no-code user understands and LeadSquared's ExceptionType/ExceptionMessage; neither carries a key.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../machinery/errors';
import type { Failure } from '../machinery/errors';
import { fromAiKeys, toolInputMessage } from './engine/tool';

export type NodeFailure = NodeApiError | NodeOperationError;

/** What LeadSquared answered, as n8n's NodeApiError: the failure's texts and LeadSquared's exception in its response. */
export function apiErrorOf(node: INode, failure: Failure, itemIndex?: number): NodeApiError {
	const response: JsonObject = {
		message: failure.message,
		...(failure.description !== undefined && { description: failure.description }),
		...(failure.httpCode !== undefined && { httpCode: String(failure.httpCode) }),
		...(failure.exceptionType !== undefined && { exceptionType: failure.exceptionType }),
		...(failure.exceptionMessage !== undefined && { exceptionMessage: failure.exceptionMessage }),
	};
	return new NodeApiError(node, response, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		...(itemIndex !== undefined && { itemIndex }),
	});
}

/** A parameter's raw value in the node (`a.b` reaches into collections). */
function rawParameter(node: INode, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), node.parameters);
}

/**
 * `tool`: the node runs as an AI tool (one item per call): refused input says so without " [item N]",
 * with its hint in the message (n8n 2.x hands the model only the message) and the `$fromAI()` key the
 * model filled.
 */
export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number, tool = false): NodeFailure {
	const node = context.getNode();
	if (error instanceof LeadSquaredError) return apiErrorOf(node, error.failure, itemIndex);
	if (error instanceof InputError && tool) {
		const keys = error.field === undefined ? [] : fromAiKeys(rawParameter(node, error.field));
		return new NodeOperationError(node, toolInputMessage(error.message, error.description, keys), {
			itemIndex,
			description: error.description,
		});
	}
	if (error instanceof InputError) {
		return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	// Anything else (e.g. an expression that could not be evaluated): keep its message, add the item.
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown })?.description;
	return new NodeOperationError(node, message, {
		itemIndex,
		description: typeof description === 'string' ? description : undefined,
	});
}

/**
 * The item a failed input item becomes when the node continues on fail, paired to its input item:
 * - "Continue": `{ error, details }`: the message, and details holding the description, LeadSquared's
 *   exception type and message, the HTTP status, the field, the item index;
 * - "Continue (using error output)": `{ error: { message, …the same details }, message }` (message = the
 *   description). n8n 1.x routes to the error output only items whose json has exactly the keys `error`
 *   (and `message`), so the details travel inside `error`; n8n merges the input item's fields in.
 */
export function toErrorItem(
	nodeError: NodeFailure,
	source: unknown,
	itemIndex: number,
	extra: IDataObject = {},
	forErrorOutput = false,
): INodeExecutionData {
	const failure = source instanceof LeadSquaredError ? source.failure : undefined;
	const details: IDataObject = {
		...(nodeError.description ? { description: nodeError.description } : {}),
		...(failure?.httpCode !== undefined ? { httpCode: failure.httpCode } : {}),
		...(failure?.exceptionType !== undefined ? { exceptionType: failure.exceptionType } : {}),
		...(failure?.exceptionMessage !== undefined ? { exceptionMessage: failure.exceptionMessage } : {}),
		...(source instanceof InputError && source.field !== undefined ? { field: source.field } : {}),
		itemIndex,
		...extra,
	};
	if (forErrorOutput) {
		return {
			json: { error: { message: nodeError.message, ...details }, message: nodeError.description ?? nodeError.message },
			pairedItem: { item: itemIndex },
		};
	}
	return { json: { error: nodeError.message, details }, pairedItem: { item: itemIndex } };
}
