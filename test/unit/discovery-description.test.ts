/**
 * What n8n tells a model about the discovery operations: the tool description n8n 2.40 builds for the node's
 * Tool variant (`getToolDescriptionForNode`: the operation's `action` + " in LeadSquared") says what each returns,
 * and the operation's description names the write operation its output is for.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { toolDescription } from './tool-support';

const nodeType = new LeadSquared();
const { properties } = nodeType.description;

function operationOf(resource: string): INodePropertyOptions | undefined {
	const parameter = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
	return (parameter?.options as INodePropertyOptions[] | undefined)?.find((option) => option.value === 'getMany');
}

describe('the discovery operations as tools', () => {
	it('are resources of the node, each with one Get Many operation', () => {
		const resources = (properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[]).map((option) => option.name);
		expect(resources).toEqual(expect.arrayContaining(['Lead Field', 'Activity Type', 'Task Type', 'Opportunity Type']));
	});

	it.each([
		['leadField', 'Get many lead fields with their schema names and types in LeadSquared', 'Lead → Create or Update'],
		['activityType', 'Get many activity types with the codes and fields to post activities in LeadSquared', 'Activity → Create'],
		['taskType', 'Get many task types with the names to create tasks in LeadSquared', 'Task → Create'],
		['opportunityType', 'Get many opportunity types with their codes and fields in LeadSquared', 'Opportunity → Create'],
	])('%s: the tool description says what comes back; the operation says which write it serves', (resource, tool, write) => {
		expect(toolDescription(resource, 'getMany')).toBe(tool);
		expect(operationOf(resource)?.description).toContain(write);
	});
});
