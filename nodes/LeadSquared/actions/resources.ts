/**
 * The node's resources: each brings its operations (name → execute) and its parameters. A new resource
 * adds one entry here; a new operation touches only its own file and its resource's index.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as lead from './lead';

export type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

export interface Resource {
	name: string;
	value: string;
	description: INodeProperties[];
	operations: Record<string, Execute>;
}

export const RESOURCES: Resource[] = [{ name: 'Lead', value: 'lead', description: lead.description, operations: lead.operations }];
