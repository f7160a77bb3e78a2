/** The tool description n8n builds for the node's Tool variant with "Tool Description: Set Automatically". */
import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';

const nodeType = new LeadSquared();

export function toolDescription(resource: string, operation: string): string {
	const node: INode = {
		id: 'tool',
		name: 'LeadSquared',
		type: 'n8n-nodes-leadsquared.leadSquaredTool',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { resource, operation, descriptionType: 'auto' },
	};
	return NodeHelpers.getToolDescriptionForNode(node, nodeType);
}
