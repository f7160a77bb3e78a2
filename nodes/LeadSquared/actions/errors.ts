/**
 * Turning failures into the errors n8n shows: NodeApiError for what LeadSquared answered,
 * NodeOperationError for input the node refused before calling. Both carry the item index, a message a
 * no-code user understands and LeadSquared's ExceptionType/ExceptionMessage; neither carries a key.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LeadSquaredError } from '../helpers/errors';
import { InputError } from '../helpers/payload';

export type NodeFailure = NodeApiError | NodeOperationError;

export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeFailure {
	const node = context.getNode();
	if (error instanceof LeadSquaredError) {
		const { failure } = error;
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
			itemIndex,
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
 * - "Continue": `{ error, details }`, the details holding LeadSquared's exception type and message, the
 *   field, the item index;
 * - "Continue (using error output)": `{ error, message }` (message = the description), the shape every
 *   n8n line routes to the error output, merged there with the input item's fields. (n8n 1.x routes only
 *   `{error}` / `{error, message}` json; an item carrying `.error` instead would have its json cut down to
 *   the message by n8n 2.x.)
 */
export function toErrorItem(
	nodeError: NodeFailure,
	source: unknown,
	itemIndex: number,
	extra: IDataObject = {},
	forErrorOutput = false,
): INodeExecutionData {
	if (forErrorOutput) {
		return {
			json: { error: nodeError.message, ...(nodeError.description ? { message: nodeError.description } : {}) },
			pairedItem: { item: itemIndex },
		};
	}
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
	return { json: { error: nodeError.message, details }, pairedItem: { item: itemIndex } };
}
