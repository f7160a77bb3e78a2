/**
 * What a model receives from the LeadSquared tool when a write's answer is cut off (contract C1) or a field
 * name is unknown (contract C2): the error message n8n hands it carries the words it can act on. Both ways
 * n8n calls a tool (through an agent, and as 2.x's requested node execution), against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquaredTool, sandboxCredentials } from '../harness';
import type { ToolRunOptions } from '../harness';
import { seedLead } from './pipeline-support';
import { FAST, locator, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const CREATE_NOTE = {
	resource: 'note',
	operation: 'create',
	leadId: "={{ $fromAI('leadId', 'The lead ID', 'string') }}",
	note: "={{ $fromAI('note', 'The text of the note', 'string') }}",
	options: { ...FAST, maxRetries: 1, retryDelay: 1 },
} as INodeParameters;

const LOG_ACTIVITY = {
	resource: 'activity',
	operation: 'create',
	leadBy: 'id',
	leadId: "={{ $fromAI('leadId', 'The lead ID', 'string') }}",
	activityType: locator('201'),
	manualFields: {
		field: [
			{ name: 'mx_Custom_1', value: 'Contact' },
			{ name: "={{ $fromAI('field', 'A field of the activity type', 'string') }}", value: 'x' },
		],
	},
	options: { ...FAST },
} as INodeParameters;

async function tool(via: ToolRunOptions['via'], parameters: INodeParameters, calls: IDataObject[]) {
	return await runLeadSquaredTool({ parameters, calls, credentials: sandboxCredentials(sandbox), via });
}

describe.each(['agent', 'engine'] as const)('as a tool (%s)', (via) => {
	it('a note whose answer was cut off: the model is told the note may already exist and how to check; it was written once', async () => {
		const leadId = await seedLead(sandbox, `tool-note-${via}@example.com`);
		sandbox.injectFault({ endpoint: 'CreateNote', type: 'truncated' });
		const { calls } = await tool(via, CREATE_NOTE, [{ leadId, note: 'Called, no answer' }]);
		// Its first line (through an agent, n8n adds the description after a blank line: "Details: …").
		expect(calls[0].error?.split('\n')[0]).toBe(
			`LeadSquared answered CreateNote with JSON that is cut off or malformed (HTTP 200). The note may already exist: check with Note → Get Many (Lead ID "${leadId}") before creating it again.`,
		);
		expect(sandbox.records().notes.filter((note) => note.Note === 'Called, no answer')).toHaveLength(1);
	});

	it('an unknown activity field: the model is told the closest valid names, without "[item 0]"', async () => {
		const leadId = await seedLead(sandbox, `tool-field-${via}@example.com`);
		const { calls } = await tool(via, LOG_ACTIVITY, [{ leadId, field: 'Campain' }]);
		expect(calls[0].error).toMatch(/^Unknown activity field "Campain": not a field of Form Submitted \(201\)\. Closest valid names: Campaign \(mx_Custom_4\), /);
		expect(calls[0].error).not.toContain('[item');
		expect(sandbox.log.filter((entry) => entry.endpoint === 'ProspectActivity.Create')).toHaveLength(0);
	});
});
