/**
 * Every write operation (contract C1): when its answer is cut off (HTTP 200, half the JSON LeadSquared
 * sent, after LeadSquared applied it), the item's message says the record may already exist (a create) or
 * the change may already have been applied (any other write), and names the read and the key to check
 * with. One case per write of every resource, through n8n's engine against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { seedActivity } from '../engine/activity-support';
import { ASHA, parameters, seedLead, seedOpportunity, seedTask } from '../engine/pipeline-support';
import { line, sales } from '../engine/sales-support';
import { locator, mapper, openSandbox } from '../engine/support';
import { ACME, newSale, PRODUCT } from '../sandbox/crm-extra-client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox({ queuedDeletionDelayMs: Infinity });
});
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.configure({ leadDeletionEnabled: true });
});
afterAll(async () => {
	await sandbox.close();
});

interface WriteCase {
	name: string;
	endpoint: string;
	/** Seeds what the write needs; returns the item. */
	item: () => Promise<IDataObject>;
	parameters: INodeParameters;
	/** The sentence after the cut-off message, as a pattern (its values vary). */
	says: RegExp;
}

const fields = (values: Record<string, unknown>) => ({ field: Object.entries(values).map(([name, value]) => ({ name, value })) });
const lead = async () => ({ leadId: await seedLead(sandbox, `write-${Math.random().toString(36).slice(2, 8)}@example.com`) });
const ID = '"[^"]+"';

const CASES: WriteCase[] = [
	{
		name: 'Lead → Update',
		endpoint: 'Lead.Update',
		item: lead,
		parameters: parameters('lead', 'update', { leadId: '={{ $json.leadId }}', attributes: mapper({ mx_City: 'Pune' }) }),
		says: new RegExp(`The lead update may already have been applied, but running the item again is safe: .* check with Lead → Get \\(Lead ID ${ID}\\)\\.$`),
	},
	{
		name: 'Lead → Create or Update, in batches',
		endpoint: 'Lead/Bulk/CreateOrUpdate',
		item: async () => ({}),
		parameters: parameters('lead', 'createOrUpdate', { attributes: mapper({ EmailAddress: 'bulk-cut@example.com', LastName: 'Bulk' }) }, { sendInBatches: true }),
		says: /The lead may already exist, but running the item again is safe: repeating it updates the same lead \(LeadSquared matches it by EmailAddress\)\. To see it, check with Lead → Get \(By Email "bulk-cut@example\.com"\)\.$/,
	},
	{
		name: 'Activity → Create, in batches',
		endpoint: 'Bulk/CustomActivity/Add/ByLeadId',
		item: lead,
		parameters: parameters('activity', 'create', { leadBy: 'id', leadId: '={{ $json.leadId }}', activityType: locator('201'), activityFields: mapper({ mx_Custom_1: 'Bulk' }) }, { sendInBatches: true }),
		says: new RegExp(`The activity may already exist: check with Activity → Get Many \\(Lead ID ${ID}, type Form Submitted \\(201\\)\\) before creating it again\\.$`),
	},
	{
		name: 'Lead → Change Owner',
		endpoint: 'Lead.Update',
		item: lead,
		parameters: parameters('lead', 'changeOwner', { leadId: '={{ $json.leadId }}', owner: locator(ASHA.id) }),
		says: new RegExp(`The lead owner change may already have been applied, .* check with Lead → Get \\(Lead ID ${ID}\\)\\.$`),
	},
	{
		name: 'Lead → Change Stage',
		endpoint: 'Lead.Update',
		item: lead,
		parameters: parameters('lead', 'changeStage', { leadId: '={{ $json.leadId }}', stage: locator('Opportunity') }),
		says: new RegExp(`The lead stage change may already have been applied, .* check with Lead → Get \\(Lead ID ${ID}\\)\\.$`),
	},
	{
		name: 'Lead → Delete',
		endpoint: 'Lead/Delete/ById',
		item: lead,
		parameters: parameters('lead', 'delete', { leadId: '={{ $json.leadId }}' }),
		says: new RegExp(`The lead deletion may already have been applied: check with Lead → Get \\(Lead ID ${ID}\\) before deleting it again\\.$`),
	},
	{
		name: 'Lead → Add to List',
		endpoint: 'AddLeadsToStaticList',
		item: async () => ({ ...(await lead()), listId: sandbox.lists().find((list) => list.type === 'static')?.id }),
		parameters: parameters('lead', 'addToList', { list: locator('={{ $json.listId }}', 'id'), leadId: '={{ $json.leadId }}' }),
		says: new RegExp(`The addition of the lead to the list may already have been applied: check with List → Get Leads \\(List ID ${ID}\\) before adding it again\\.$`),
	},
	{
		name: 'Lead → Remove from List',
		endpoint: 'RemoveLeadFromStaticList',
		item: async () => {
			const input = { ...(await lead()), listId: sandbox.lists().find((list) => list.type === 'static')?.id };
			const added = await runLeadSquared({
				parameters: parameters('lead', 'addToList', { list: locator('={{ $json.listId }}', 'id'), leadId: '={{ $json.leadId }}' }),
				items: [input],
				credentials: sandboxCredentials(sandbox),
				node: { typeVersion: 1.1 },
			});
			expect(added.status).toBe('success');
			return input;
		},
		parameters: parameters('lead', 'removeFromList', { list: locator('={{ $json.listId }}', 'id'), leadId: '={{ $json.leadId }}' }),
		says: new RegExp(`The removal of the lead from the list may already have been applied: check with List → Get Leads \\(List ID ${ID}\\) before removing it again\\.$`),
	},
	{
		name: 'Activity → Update',
		endpoint: 'CustomActivity/Update',
		item: async () => ({ activityId: await seedActivity(sandbox, (await lead()).leadId, '2026-01-01 10:00:00') }),
		parameters: parameters('activity', 'update', { activityId: '={{ $json.activityId }}', activityType: locator('201'), note: 'Changed' }),
		says: new RegExp(`The activity update may already have been applied, .* check with Activity → Get Many \\(its lead's ID, type Form Submitted \\(201\\); activity ID ${ID}\\)\\.$`),
	},
	{
		name: 'Activity → Delete',
		endpoint: 'DeleteActivities',
		item: lead,
		parameters: parameters('activity', 'delete', { leadId: '={{ $json.leadId }}', activityType: locator('201'), confirmDeleteAll: true }),
		says: new RegExp(`The activity deletion may already have been applied: check with Activity → Get Many \\(Lead ID ${ID}, type Form Submitted \\(201\\)\\) before deleting it again\\.$`),
	},
	{
		name: 'Task → Delete',
		endpoint: 'Task.DeleteTasks',
		item: async () => ({ taskId: await seedTask(sandbox, { RelatedEntity: 1, RelatedEntityId: (await lead()).leadId }) }),
		parameters: parameters('task', 'delete', { taskId: '={{ $json.taskId }}' }),
		says: new RegExp(`The task deletion may already have been applied: check with Task → Get Many \\(its owner; task ID ${ID}\\) before deleting it again\\.$`),
	},
	{
		name: 'Task → Complete',
		endpoint: 'Task.MarkComplete',
		item: async () => ({ taskId: await seedTask(sandbox, { RelatedEntity: 1, RelatedEntityId: (await lead()).leadId }) }),
		parameters: parameters('task', 'complete', { taskId: '={{ $json.taskId }}' }),
		says: new RegExp(`The task completion may already have been applied: check with Task → Get Many \\(its owner; task ID ${ID}\\) before completing it again\\.$`),
	},
	{
		name: 'Opportunity → Create',
		endpoint: 'Opportunity.Capture',
		item: async () => ({}),
		parameters: parameters('opportunity', 'create', {
			attributes: mapper({ EmailAddress: 'opportunity-write@example.com', LastName: 'Buyer' }),
			opportunityType: locator('12000', 'code'),
			opportunityFields: mapper({ mx_Custom_1: 'Admission', mx_Custom_2: 'Law' }),
		}),
		says: /The opportunity may already exist: check with Opportunity → Get Many \(the ID of the lead with EmailAddress "opportunity-write@example\.com", type code 12000\) before creating it again\.$/,
	},
	{
		name: 'Opportunity → Update',
		endpoint: 'Opportunity.Update',
		item: async () => ({ opportunityId: (await seedOpportunity(sandbox, 'opp-update@example.com', 12000, { mx_Custom_1: 'Seeded', mx_Custom_2: 'Law' })).opportunityId }),
		parameters: parameters('opportunity', 'update', { opportunityId: '={{ $json.opportunityId }}', note: 'Changed' }),
		says: new RegExp(`The opportunity update may already have been applied, .* check with Opportunity → Get \\(Opportunity ID ${ID}\\)\\.$`),
	},
	{
		name: 'Opportunity → Delete',
		endpoint: 'Opportunity.Delete',
		item: async () => ({ opportunityId: (await seedOpportunity(sandbox, 'opp-delete@example.com', 12000, { mx_Custom_1: 'Seeded', mx_Custom_2: 'Law' })).opportunityId }),
		parameters: parameters('opportunity', 'delete', { opportunityId: '={{ $json.opportunityId }}' }),
		says: new RegExp(`The opportunity deletion may already have been applied: check with Opportunity → Get \\(Opportunity ID ${ID}\\) before deleting it again\\.$`),
	},
	{
		name: 'Note → Update',
		endpoint: 'UpdateNote',
		item: async () => {
			const { leadId } = await lead();
			const created = await runLeadSquared({ parameters: parameters('note', 'create', { leadId, note: 'Seeded' }), credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
			return { leadId, noteId: created.items[0].json.noteId };
		},
		parameters: parameters('note', 'update', { leadId: '={{ $json.leadId }}', noteId: '={{ $json.noteId }}', note: 'Changed' }),
		says: new RegExp(`The note update may already have been applied, .* check with Note → Get Many \\(Lead ID ${ID}; note ID ${ID}\\)\\.$`),
	},
	{
		name: 'Sales Activity → Create',
		endpoint: 'SalesActivity.Create',
		item: lead,
		parameters: sales('create', { leadId: '={{ $json.leadId }}', status: 'Open', products: { line: [line(PRODUCT.id, 1, 1200)] } }),
		says: new RegExp(`The sales activity may already exist: check with Sales Activity → Get Many \\(Lead ID ${ID}\\) before creating it again\\.$`),
	},
	{
		name: 'Sales Activity → Update',
		endpoint: 'SalesActivity.Update',
		item: async () => ({ id: await newSale(sandbox, (await lead()).leadId) }),
		parameters: sales('update', { salesActivityId: '={{ $json.id }}', updateFields: { unitPrice: '900' } }),
		says: new RegExp(`The sales activity update may already have been applied, .* check with Sales Activity → Get \\(Sales Activity ID ${ID}\\)\\.$`),
	},
	{
		name: 'Sales Activity → Cancel',
		endpoint: 'SalesActivity.Cancel',
		item: async () => ({ id: await newSale(sandbox, (await lead()).leadId) }),
		parameters: sales('cancel', { salesActivityId: '={{ $json.id }}', reason: 'Not done' }),
		says: new RegExp(`The sales activity cancellation may already have been applied: check with Sales Activity → Get \\(Sales Activity ID ${ID}\\) before cancelling it again\\.$`),
	},
	{
		name: 'List → Create',
		endpoint: 'CreateEmptyList',
		item: async () => ({}),
		parameters: parameters('list', 'create', { name: 'Cut Off List' }),
		says: /The list may already exist: check with List → Get Many \(name "Cut Off List"\) before creating it again\.$/,
	},
	{
		name: 'Email → Send to Lead',
		endpoint: 'SendEmailToLead',
		item: lead,
		parameters: parameters('email', 'sendToLead', { recipientBy: 'leadId', leadId: '={{ $json.leadId }}', sendAs: 'user', sender: locator(ASHA.id), content: 'html', subject: 'Hello', html: '<p>Hi</p>' }),
		says: new RegExp(`The e-mail may already have been sent, so it may already exist: check with Activity → Get Many \\(Lead ID ${ID}; look for the subject "Hello"\\) before sending it again\\.$`),
	},
	{
		name: 'Account → Create',
		endpoint: 'Company.Create',
		item: async () => ({}),
		parameters: parameters('account', 'create', { accountType: 'Partners', accountName: 'Cut Off Ltd' }),
		says: /The account may already exist: check with Account → Get Many \(Search Text "Cut Off Ltd"\) before creating it again\.$/,
	},
	{
		name: 'Account → Update',
		endpoint: 'Company.Update',
		item: async () => ({ id: ACME.id }),
		parameters: parameters('account', 'update', { accountId: '={{ $json.id }}', accountFields: fields({ City: 'Pune' }) }),
		says: new RegExp(`The account update may already have been applied, .* check with Account → Get Many \\(its name; Account ID "${ACME.id}"\\)\\.$`),
	},
	{
		name: 'Account → Delete',
		endpoint: 'Company.Delete',
		item: async () => ({ id: ACME.id }),
		parameters: parameters('account', 'delete', { accountId: '={{ $json.id }}', withLeadDelete: false }),
		says: new RegExp(`The account deletion may already have been applied: check with Account → Get Many \\(its name; Account ID "${ACME.id}"\\) before deleting it again\\.$`),
	},
	{
		name: 'Account Activity → Create',
		endpoint: 'CompanyActivity.Create',
		item: async () => ({ id: ACME.id }),
		parameters: parameters('accountActivity', 'create', { accountId: '={{ $json.id }}', activityTypeCode: 10001, accountActivityFields: fields({ mx_Custom_1: 'Pricing' }) }),
		says: new RegExp(`The account activity may already exist: check with Account Activity → Get Many \\(Account ID "${ACME.id}", type code 10001\\) before creating it again\\.$`),
	},
];

describe.each(CASES)('$name, its answer cut off', ({ endpoint, item, parameters: params, says }) => {
	it('says what may already exist (or be applied) and how to check, in the message', async () => {
		const input = await item();
		sandbox.injectFault({ endpoint, type: 'truncated' });
		const result = await runLeadSquared({ parameters: params, items: [input], credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, continueOnFail: true });
		expect(result.items).toHaveLength(1);
		const message = String(result.items[0].json.error);
		expect(message).toMatch(/ \(HTTP 200\)\. /);
		expect(message).toMatch(/may already (exist|have been applied)/);
		expect(message).toMatch(says);
		expect(sandbox.log.filter((entry) => entry.endpoint === endpoint)).toHaveLength(1);
	});
});
