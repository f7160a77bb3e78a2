/**
 * An empty "By Code" activity or opportunity type (issue 17 §4): n8n checks the resource locator's regex before
 * it runs a workflow, and an empty By Code failed it, so n8n refused to run although an empty type means
 * "every type" (as an empty From List does). Both modes now mean the same, through n8n's engine.
 */
import type { INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { WorkflowExecute } from 'n8n-core';

import type { Sandbox } from '../../sandbox';
import { chain, getRegistries, LEADSQUARED_NODE, leadSquaredNode, runLeadSquared, sandboxCredentials, SOURCE_NODE, sourceNode } from '../harness';
import { createAdditionalData, createCredentialsHelper } from '../harness/engine';
import { CREDENTIAL_TYPE } from '../harness/node-types';
import { getManyParameters, newLead, seedActivity } from './activity-support';
import { locator, parameters, seedOpportunity } from './pipeline-support';
import { useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

describe('an empty "By Code" type means what an empty "From List" type means', () => {
	it('Activity → Get Many and Opportunity → Get Many run with an empty By Code type, and read every type', async () => {
		const leadId = await newLead(sandbox, 'by.code@example.com');
		await seedActivity(sandbox, leadId, '2026-01-01 10:00:00');
		await seedActivity(sandbox, leadId, '2026-01-01 11:00:00', { ActivityEvent: 202, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Busy' }] });
		const opportunityLead = (await seedOpportunity(sandbox, 'by.code.opp@example.com', 12000, { mx_Custom_1: 'MBA', mx_Custom_2: 'Law' })).leadId;
		await seedOpportunity(sandbox, 'by.code.opp@example.com', 12001, { mx_Custom_1: 'Home', mx_Custom_2: '100' });
		for (const mode of ['list', 'code']) {
			const activities = await runLeadSquared({
				parameters: getManyParameters({ activityType: locator('', mode) }),
				items: [{ leadId }],
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(activities.status).toBe('success');
			expect(activities.items.map((item) => item.json.EventCode).sort()).toEqual([201, 202]);
			const opportunities = await runLeadSquared({
				parameters: parameters('opportunity', 'getMany', { leadId: opportunityLead, opportunityType: locator('', mode), returnAll: true }),
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(opportunities.status).toBe('success');
			expect(opportunities.items.map((item) => item.json.mx_Custom_1).sort()).toEqual(['Home', 'MBA']);
		}
	});

	it('where the type is required, n8n refuses to run an empty one alike in both modes', () => {
		const issues = (values: Record<string, unknown>) => {
			const workflow = new Workflow({
				nodes: [sourceNode(), leadSquaredNode(values as INodeParameters, { typeVersion: 1.1 })],
				connections: chain(SOURCE_NODE, LEADSQUARED_NODE),
				active: false,
				nodeTypes: getRegistries().nodeTypes,
			});
			const additionalData = createAdditionalData({ credentialsHelper: createCredentialsHelper(CREDENTIAL_TYPE, {}) });
			return new WorkflowExecute(additionalData, 'manual').checkReadyForExecution(workflow, { startNode: SOURCE_NODE });
		};
		for (const [resource, name, label] of [
			['activity', 'activityType', 'Activity Type'],
			['opportunity', 'opportunityType', 'Opportunity Type'],
		]) {
			const typeIssues = (value: string, mode: string) => issues({ resource, operation: 'create', leadId: 'x', [name]: locator(value, mode) })?.[LEADSQUARED_NODE]?.parameters?.[name];
			expect(typeIssues('', 'list')).toEqual([`Parameter "${label}" is required.`]);
			expect(typeIssues('', 'code')).toEqual(typeIssues('', 'list'));
			expect(typeIssues('201', 'code')).toBeUndefined();
			expect(typeIssues('abc', 'code')).toHaveLength(1);
		}
	});
});
