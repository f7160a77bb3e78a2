/**
 * Lead → Update: `Lead.Update?leadId=` for each item. The lead is named by its id; only the fields given
 * change. Fields are mapped, checked and converted exactly as for Create or Update (leadFields.ts,
 * model/lead/payload.ts), without Match By: the id decides which lead. The writer is leadUpdate.ts.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, runOperation, sharedOptions } from '../engine';
import { showFor } from '../utils';
import { leadIdProperty } from './byId';
import { leadFieldProperties, leadWriteOptions, readLeadFields } from './leadFields';
import { leadUpdate, readBackOptions } from './leadUpdate';

const properties: INodeProperties[] = [
	leadIdProperty('The lead to update'),
	...leadFieldProperties,
	optionsCollection([...leadWriteOptions, ...readBackOptions], sharedOptions()),
];

export const description = showFor({ resource: ['lead'], operation: ['update'] }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, leadUpdate({ read: (run, index, item) => readLeadFields(run.context, index, item) }));
}
