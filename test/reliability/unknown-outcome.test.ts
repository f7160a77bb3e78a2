/**
 * A write whose outcome is unknown (issue 19 point 1, contract C1): when LeadSquared may have applied a
 * write but its answer was cut off, malformed or lost, the item's MESSAGE (what n8n hands a tool's caller,
 * a model included) says the record may already exist (or the change may already have been applied) and
 * names the read and the key to check with. An upsert LeadSquared recognises when repeated says that
 * running it again is safe. Through n8n's engine against the sandbox and its fault injection.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { createParameters, mapper } from '../engine/activity-support';
import { locator, parameters, seedLead, seedTask } from '../engine/pipeline-support';
import { openSandbox } from '../engine/support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox();
});
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
});
afterAll(async () => {
	await sandbox.close();
});

const fast = { maxRetries: 1, retryDelay: 1 };

/** Runs one item with continue-on-fail; returns the item's error message and the run. */
async function run(params: INodeParameters, item: IDataObject): Promise<{ message: string; json: IDataObject }> {
	const result = await runLeadSquared({ parameters: params, items: [{ json: item }].map((entry) => entry.json), credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, continueOnFail: true });
	expect(result.items).toHaveLength(1);
	const json = result.items[0].json;
	return { message: String(json.error), json };
}

describe('a write whose answer was cut off (HTTP 200, half a JSON body) names the record, the read and the key', () => {
	it('Note → Create: "The note may already exist: check with Note → Get Many (Lead ID …)"; written once', async () => {
		const leadId = await seedLead(sandbox, 'cutoff-note@example.com');
		sandbox.injectFault({ endpoint: 'CreateNote', type: 'truncated' });
		const { message } = await run(parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'Cut off' }, fast), { leadId });
		expect(message).toBe(
			`LeadSquared answered CreateNote with JSON that is cut off or malformed (HTTP 200). The note may already exist: check with Note → Get Many (Lead ID "${leadId}") before creating it again.`,
		);
		expect(sandbox.records().notes.filter((note) => note.Note === 'Cut off')).toHaveLength(1);
	});

	it('Activity → Create: names the activity, Activity → Get Many, the lead and the type', async () => {
		const leadId = await seedLead(sandbox, 'cutoff-activity@example.com');
		sandbox.injectFault({ endpoint: 'ProspectActivity.Create', type: 'truncated' });
		const { message } = await run(createParameters({ note: 'Cut off', activityFields: mapper({ mx_Custom_1: 'Contact Us' }) }, fast), { leadId });
		expect(message).toMatch(/^LeadSquared answered Create with JSON that is cut off or malformed \(HTTP 200\)\. /);
		expect(message).toContain(`The activity may already exist: check with Activity → Get Many (Lead ID "${leadId}", type `);
		expect(message).toMatch(/\(201\)\) before creating it again\.$/);
		expect(sandbox.records().activities.filter((activity) => JSON.stringify(activity).includes('Cut off'))).toHaveLength(1);
	});

	it('Task → Create: names the task, Task → Get Many, its owner, type and subject', async () => {
		const leadId = await seedLead(sandbox, 'cutoff-task@example.com');
		sandbox.injectFault({ endpoint: 'Task.Create', type: 'truncated' });
		const { message } = await run(
			parameters('task', 'create', { taskType: locator('Follow Up'), name: 'Call back', relatedTo: 'lead', leadId: '={{ $json.leadId }}' }, fast),
			{ leadId },
		);
		expect(message).toMatch(/The task may already exist: check with Task → Get Many \(.*type "Follow Up".*the subject "Call back"\) before creating it again\.$/);
		expect(sandbox.records().tasks.filter((task) => task.Name === 'Call back')).toHaveLength(1);
	});

	it('Lead → Create or Update matched by e-mail: the lead may already exist, and running the item again is safe', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'truncated' });
		const params = parameters('lead', 'createOrUpdate', {
			attributes: { mappingMode: 'defineBelow', value: { EmailAddress: 'cutoff-lead@example.com', FirstName: 'Cut', LastName: 'Off' }, matchingColumns: [], schema: [] },
		}, fast);
		const first = await run(params, {});
		expect(first.message).toBe(
			'LeadSquared answered Lead.CreateOrUpdate with JSON that is cut off or malformed (HTTP 200). The lead may already exist, but running the item again is safe: ' +
				'repeating it updates the same lead (LeadSquared matches it by EmailAddress). To see it, check with Lead → Get (By Email "cutoff-lead@example.com").',
		);
		// What the message says: the repeat updates the lead the first call stored.
		const again = await runLeadSquared({ parameters: params, items: [{}], credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
		expect(again.items[0].json.leadId).toBeDefined();
		expect(sandbox.findLeads((lead) => lead.EmailAddress === 'cutoff-lead@example.com')).toHaveLength(1);
	});

	it('Lead → Create or Update matched on another unique field: the check is Lead → Get Many on that field', async () => {
		sandbox.injectFault({ endpoint: 'Lead.CreateOrUpdate', type: 'truncated' });
		const params = parameters('lead', 'createOrUpdate', {
			attributes: { mappingMode: 'defineBelow', value: { mx_Student_Id: 'S-1042', FirstName: 'Only', LastName: 'Student' }, matchingColumns: [], schema: [] },
		}, fast);
		const { message } = await run(params, {});
		expect(message).toMatch(
			/The lead may already exist, but running the item again is safe: repeating it updates the same lead \(LeadSquared matches it by mx_Student_Id\)\. To see it, check with Lead → Get Many \(mx_Student_Id "S-1042"\)\.$/,
		);
	});

	it('Note → Delete: "The note deletion may already have been applied: check with Note → Get Many"', async () => {
		const leadId = await seedLead(sandbox, 'cutoff-delete@example.com');
		const created = await runLeadSquared({
			parameters: parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'To delete' }, fast),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
		});
		const noteId = String(created.items[0].json.noteId);
		sandbox.injectFault({ endpoint: 'DeleteNote', type: 'truncated' });
		const { message } = await run(parameters('note', 'delete', { leadId: '={{ $json.leadId }}', noteId: '={{ $json.noteId }}' }, fast), { leadId, noteId });
		expect(message).toBe(
			`LeadSquared answered DeleteNote with JSON that is cut off or malformed (HTTP 200). The note deletion may already have been applied: check with Note → Get Many (Lead ID "${leadId}"; note ID "${noteId}") before deleting it again.`,
		);
		expect(sandbox.records().notes.filter((note) => note.Note === 'To delete')).toHaveLength(0);
	});
});

describe('other unknown outcomes say the same', () => {
	it('a connection reset after LeadSquared stored a task: the message (not only the description) says how to check', async () => {
		const leadId = await seedLead(sandbox, 'reset-task@example.com');
		sandbox.injectFault({ endpoint: 'Task.Create', type: 'reset', when: 'after' });
		const { message, json } = await run(
			parameters('task', 'create', { taskType: locator('Follow Up'), name: 'Reset', relatedTo: 'lead', leadId: '={{ $json.leadId }}' }, fast),
			{ leadId },
		);
		expect(message).toMatch(/^Could not reach LeadSquared at .*: the connection was reset\. The task may already exist: check with Task → Get Many \(/);
		expect(JSON.stringify(json.details)).toMatch(/may or may not have created the record/);
	});

	it('an update that keeps failing with a 5xx after it was sent: may already have been applied, and repeating it is safe', async () => {
		const leadId = await seedLead(sandbox, 'server-error@example.com');
		const taskId = await seedTask(sandbox, { RelatedEntity: 1, RelatedEntityId: leadId });
		sandbox.injectFault({ endpoint: 'Task.Update', type: 'html', status: 502, count: 2 });
		const { message } = await run(parameters('task', 'update', { taskId: '={{ $json.taskId }}', updateFields: { name: 'Renamed' } }, fast), { taskId });
		expect(message).toBe(
			`LeadSquared had a server error (HTTP 502, an HTML page), 2 attempts in a row. The task update may already have been applied, but running the item again is safe: it sets the same values on the same task. To see it, check with Task → Get Many (its owner; task ID "${taskId}").`,
		);
	});

	it("the sentence quotes the item's values, but never a key among them", async () => {
		const leadId = await seedLead(sandbox, 'key-in-subject@example.com');
		sandbox.injectFault({ endpoint: 'Task.Create', type: 'truncated' });
		const { message, json } = await run(
			parameters('task', 'create', { taskType: locator('Follow Up'), name: '={{ $json.subject }}', relatedTo: 'lead', leadId: '={{ $json.leadId }}' }, fast),
			{ leadId, subject: `Call ${sandbox.secretKey}` },
		);
		expect(message).toMatch(/The task may already exist: check with Task → Get Many \(.*the subject "Call .+"\) before creating it again\.$/);
		expect(JSON.stringify(json)).not.toContain(sandbox.secretKey);
		expect(JSON.stringify(json)).not.toContain(sandbox.accessKey);
	});

	it('a refusal is not an unknown outcome: nothing is added to its message', async () => {
		sandbox.injectFault({ endpoint: 'CreateNote', type: 'json', status: 500, body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid lead' } });
		const { message } = await run(parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'Refused' }, fast), { leadId: '0b9d2c4e-7a1f-4e3b-9c8d-5f6a7b8c9d0e' });
		expect(message).not.toMatch(/may already/);
	});

	it('a connection refused never reached LeadSquared: nothing is added either', async () => {
		const leadId = await seedLead(sandbox, 'refused@example.com');
		const credentials = sandboxCredentials(sandbox);
		const result = await runLeadSquared({
			parameters: parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'Never sent' }, { maxRetries: 0 }),
			items: [{ leadId }],
			credentials: { ...credentials, baseUrl: 'http://127.0.0.1:1' },
			node: { typeVersion: 1.1 },
			continueOnFail: true,
		});
		expect(String(result.items[0].json.error)).toMatch(/refused/);
		expect(String(result.items[0].json.error)).not.toMatch(/may already/);
	});
});
