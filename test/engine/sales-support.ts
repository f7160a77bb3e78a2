/**
 * Shared helpers of the sales activity engine tests: product lines in the shape the editor saves, the
 * parameters of each operation, and the sandbox's sales calls.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { locator, parameters } from './pipeline-support';
import { calls } from './support';

export { ENGINEERING, newSale, PRODUCT, X } from '../sandbox/crm-extra-client';
export const MBA = { id: '4d2e6f1a-9b3c-11e9-8a7d-0a58ac14d3c2', sku: 'MBA-201', name: 'MBA Programme' };

export const node = { typeVersion: 1.1 };

/** One product line: the product by list (ProductId, default), SKU or ID; quantity and unit price as given. */
export function line(product: string, quantity: unknown, unitPrice: unknown, mode = 'list'): Record<string, unknown> {
	return { product: locator(product, mode), quantity, unitPrice };
}

/** Sales Activity → <operation> parameters, options merged over FAST. */
export function sales(operation: string, values: Record<string, unknown> = {}, options: Record<string, unknown> = {}): INodeParameters {
	return parameters('salesActivity', operation, values, options);
}

/** Create with the given lines (and other parameters). */
export function createWith(lines: Array<Record<string, unknown>>, values: Record<string, unknown> = {}, options: Record<string, unknown> = {}): INodeParameters {
	return sales('create', { leadId: '={{ $json.leadId }}', status: 'Open', products: { line: lines }, ...values }, options);
}

export const creates = (sandbox: Sandbox): RequestLogEntry[] => calls(sandbox, 'SalesActivity.Create');
export const productReads = (sandbox: Sandbox): RequestLogEntry[] => calls(sandbox, 'SalesActivity.RetrieveProducts');
