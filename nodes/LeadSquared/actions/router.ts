import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as lead from './lead';

const operations: Record<string, Record<string, { execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> }>> = {
	lead: { createOrUpdate: lead.createOrUpdate },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`);
	}
	return [await handler.execute.call(this)];
}
