import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions, resourceMapping } from './methods';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: { light: 'file:leadsquared.svg', dark: 'file:leadsquared.dark.svg' },
		group: ['output'],
		// 1.1: Typed Values on by default (1 keeps LeadSquared's text values for workflows built before it)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, find and delete leads and their activities, tasks, opportunities, notes, sales activities and accounts, and read users, in the LeadSquared CRM',
		defaults: { name: 'LeadSquared' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value }) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
				default: 'lead',
			},
			...RESOURCES.flatMap((resource) => resource.description),
		],
	};

	methods = { credentialTest, listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
