/**
 * The workflows of the queue-mode run (scripts/e2e/queue-run.ts): a production webhook that starts one batch of
 * leads per POST, for queue mode, and one manual workflow per batch, for plain `n8n execute` processes. Both make
 * `leadsPerBatch` leads in a Code node and write them with the LeadSquared node (Create or Update, auto-mapped,
 * On Error → Continue, so a failed item shows as an item with `error` instead of stopping the execution).
 */
import type { WorkflowJson, WorkflowNode } from '../runtime';

export const QUEUE_CREDENTIAL = { id: 'lsqQueueSandbox01', name: 'LeadSquared sandbox (queue mode)' };
export const WEBHOOK_WORKFLOW_ID = 'lsqQueueWebhook01';
export const WEBHOOK_PATH = 'lsq-queue-leads';
export const LEADSQUARED_NODE = 'LeadSquared';

export function plainWorkflowId(batch: number): string {
	return `lsqPlainBatch${String(batch).padStart(2, '0')}`;
}

/** The e-mail address of lead `index` of batch `batch` (`kind`: 'queue' or 'plain'). */
export function leadEmail(kind: string, batch: number, index: number): string {
	return `b${batch}.lead${index}@${kind}.e2e.example`;
}

/** The batch an e-mail address belongs to, or undefined. */
export function batchOf(email: string): number | undefined {
	const match = /^b(\d+)\.lead\d+@/.exec(email);
	return match ? Number(match[1]) : undefined;
}

function codeNode(kind: string, leadsPerBatch: number, batchExpression: string): WorkflowNode {
	const jsCode = [
		`const batch = ${batchExpression};`,
		`return Array.from({ length: ${leadsPerBatch} }, (_, i) => ({ json: {`,
		`\tEmailAddress: \`b\${batch}.lead\${i}@${kind}.e2e.example\`,`,
		`\tFirstName: \`Lead \${i}\`,`,
		`\tLastName: \`Batch \${batch}\`,`,
		`\tmx_City: ['Pune', 'Delhi', 'Chennai', 'Kolkata'][i % 4],`,
		'} }));',
	].join('\n');
	return {
		id: 'code',
		name: 'Make Leads',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: { jsCode },
	};
}

function leadSquaredNode(maxCallsPer5Seconds: number): WorkflowNode & { onError: string } {
	return {
		id: 'leadsquared',
		name: LEADSQUARED_NODE,
		type: 'n8n-nodes-leadsquared.leadSquared',
		typeVersion: 1,
		position: [440, 0],
		onError: 'continueRegularOutput',
		parameters: {
			resource: 'lead',
			operation: 'createOrUpdate',
			attributes: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
			options: { maxCallsPer5Seconds },
		},
		credentials: { leadSquaredApi: QUEUE_CREDENTIAL },
	};
}

function chain(id: string, name: string, nodes: WorkflowNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Webhook (POST, respond immediately, body `{ "batch": n }`) → Make Leads → LeadSquared. */
export function webhookWorkflow(leadsPerBatch: number, maxCallsPer5Seconds: number): WorkflowJson {
	const webhook = {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0] as [number, number],
		webhookId: '5b0f3c59-7f0e-4d51-9c1e-1a2b3c4d5e6f',
		parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
	};
	return chain(WEBHOOK_WORKFLOW_ID, 'queue mode: leads from a webhook', [
		webhook,
		codeNode('queue', leadsPerBatch, 'Number($input.first().json.body.batch)'),
		leadSquaredNode(maxCallsPer5Seconds),
	]);
}

/** Manual Trigger → Make Leads (batch `batch`) → LeadSquared, for `n8n execute`. */
export function plainWorkflow(batch: number, leadsPerBatch: number, maxCallsPer5Seconds: number): WorkflowJson {
	const trigger: WorkflowNode = { id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return chain(plainWorkflowId(batch), `plain: batch ${batch}`, [trigger, codeNode('plain', leadsPerBatch, String(batch)), leadSquaredNode(maxCallsPer5Seconds)]);
}
