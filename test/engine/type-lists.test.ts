/**
 * The activity and opportunity type lists and checks, against a sandbox answering ActivityTypes.Get in the
 * shape real accounts do (EventType, no IsOpportunityType: §12.1) and GetOpportunityTypes in each of its
 * forms (the list; 404 or "disabled" on accounts without opportunities). Design-time lists through n8n's
 * LoadOptionsContext (the trigger nodes' too), checks through n8n's engine.
 */
import type { ICredentialDataDecryptedObject, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { LeadSquaredPollingTrigger } from '../../nodes/LeadSquared/LeadSquaredPollingTrigger.node';
import { LeadSquaredTrigger } from '../../nodes/LeadSquared/LeadSquaredTrigger.node';
import type { Sandbox } from '../../sandbox';
import { listSearch, runLeadSquared, sandboxCredentials } from '../harness';
import { createAdditionalData, createCredentialsHelper, HARNESS_CREDENTIAL } from '../harness/engine';
import { CREDENTIAL_TYPE, HarnessNodeTypes, PACKAGE_NAME } from '../harness/node-types';
import { createParameters, ENDPOINTS, newLead } from './activity-support';
import { locator, parameters } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

afterEach(() =>
	sandbox.configure({ opportunityTypesApi: undefined, activityTypesIncludeOpportunities: undefined, activityTypeSystemEventType: undefined, mxErrorStatus: undefined }),
);

const node = { typeVersion: 1.1 };
const CUSTOM = ['Form Submitted (201)', 'Payment (203)', 'Phone Call (202)'];
const SYSTEM = ['Dynamic Form Submission (97)', 'Duplicate Opportunity Detected (32)', 'Inbound Phone Call Activity (21)', 'Lead Capture (23)', 'Opportunity Captured (30)', 'Outbound Phone Call Activity (22)'];

/** A trigger node's loadOptions method, called as n8n's DynamicNodeParametersService calls it. */
async function triggerOptions(kind: 'webhook' | 'polling', method: string): Promise<INodePropertyOptions[]> {
	const type = kind === 'webhook' ? `${PACKAGE_NAME}.leadSquaredTrigger` : `${PACKAGE_NAME}.leadSquaredPollingTrigger`;
	const nodeTypes = new HarnessNodeTypes({ [type]: kind === 'webhook' ? new LeadSquaredTrigger() : new LeadSquaredPollingTrigger() });
	const trigger = { id: 'uuid-1234', name: 'Temp-Node', type, typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, credentials: { [CREDENTIAL_TYPE]: { ...HARNESS_CREDENTIAL } } };
	const workflow = new Workflow({ nodes: [trigger], connections: {}, active: false, nodeTypes });
	const credentials = sandboxCredentials(sandbox) as unknown as ICredentialDataDecryptedObject;
	const additionalData = createAdditionalData({ credentialsHelper: createCredentialsHelper(CREDENTIAL_TYPE, credentials), currentNodeParameters: {} });
	const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, 'parameters.activityType');
	const methods = (nodeTypes.getByNameAndVersion(type, 1) as INodeType).methods?.loadOptions ?? {};
	return await methods[method].call(context);
}

const names = (options: Array<{ name: string }>): string[] => options.map((option) => option.name);
const search = async (method: string, operation: string) =>
	(await listSearch(method, sandboxCredentials(sandbox), undefined, { resource: 'activity', operation }, undefined, 'parameters.activityType')).results;

describe('activity type lists, from EventType and the opportunity type list', () => {
	it('Activity → Create offers only custom types (EventType 2): no system type, no opportunity type', async () => {
		expect(names(await search('searchActivityTypes', 'create'))).toEqual(CUSTOM);
		// Whatever EventType system types carry.
		sandbox.configure({ activityTypeSystemEventType: 0 });
		expect(names(await search('searchActivityTypes', 'create'))).toEqual(CUSTOM);
		expect(calls(sandbox, 'ActivityTypes.Get')).toHaveLength(2);
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(2);
	});

	it('Activity → Get Many offers every type, to read', async () => {
		expect(names(await search('searchAllActivityTypes', 'getMany'))).toEqual([...CUSTOM, ...SYSTEM, 'Admission (12000)', 'Loan (12001)'].sort((a, b) => a.localeCompare(b)));
	});

	it("the Trigger's and the Polling Trigger's activity lists: custom and system types, never opportunity types", async () => {
		const expected = [...CUSTOM, ...SYSTEM].sort((a, b) => a.localeCompare(b));
		expect(names(await triggerOptions('webhook', 'getTriggerActivityTypes'))).toEqual(['Any Type', ...expected]);
		expect(names(await triggerOptions('polling', 'getPollingActivityTypes'))).toEqual(expected);
	});
});

describe('opportunity type lists, from GetOpportunityTypes', () => {
	it("the Trigger's Opportunity Type list holds the account's opportunity types", async () => {
		expect(await triggerOptions('webhook', 'getTriggerOpportunityTypes')).toEqual([
			{ name: 'Any Type', value: '' },
			{ name: 'Admission (12000)', value: '12000' },
			{ name: 'Loan (12001)', value: '12001' },
		]);
	});

	it('the lists come from GetOpportunityTypes, also when ActivityTypes.Get does not list opportunity types', async () => {
		sandbox.configure({ activityTypesIncludeOpportunities: false });
		expect((await listSearch('searchOpportunityTypes', sandboxCredentials(sandbox))).results).toEqual([
			{ name: 'Admission (12000)', value: '12000' },
			{ name: 'Loan (12001)', value: '12001' },
		]);
		expect(names(await triggerOptions('webhook', 'getTriggerOpportunityTypes'))).toEqual(['Any Type', 'Admission (12000)', 'Loan (12001)']);
		expect(calls(sandbox, 'ActivityTypes.Get')).toHaveLength(0);
	});

	it.each(['notFound', 'disabled'] as const)('where GetOpportunityTypes is unavailable (%s), the activity types from 12000 are listed, and the list says so', async (form) => {
		sandbox.configure({ opportunityTypesApi: form });
		const reason = form === 'notFound' ? /HTTP 404/ : /disabled for this account/;
		const results = (await listSearch('searchOpportunityTypes', sandboxCredentials(sandbox))).results;
		expect(results.map((entry) => [entry.name, entry.value])).toEqual([
			['Admission (12000), from activity types', '12000'],
			['Loan (12001), from activity types', '12001'],
		]);
		expect(results[0].description).toMatch(reason);
		const trigger = await triggerOptions('webhook', 'getTriggerOpportunityTypes');
		expect(trigger.map((option) => option.value)).toEqual(['', '12000', '12001']);
		expect(trigger.every((option) => /^Listed from the activity types/.test(option.description ?? '') && reason.test(option.description ?? ''))).toBe(true);
		// And the activity lists still leave them out.
		expect(names(await search('searchActivityTypes', 'create'))).toEqual(CUSTOM);
	});

	it('a failure that is not "unavailable" shows as the list\'s error, not as a guessed list', async () => {
		sandbox.injectFault({ endpoint: 'GetOpportunityTypes', type: 'status', status: 401 });
		await expect(listSearch('searchOpportunityTypes', sandboxCredentials(sandbox))).rejects.toThrow(/401/);
	});
});

describe('the checks before anything is sent', () => {
	it('Activity → Create refuses a system or opportunity type given by code, naming it; custom types post', async () => {
		const leadId = await newLead(sandbox, 'kinds@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({
				activityType: '={{ { __rl: true, mode: "code", value: $json.code } }}',
				activityFields: { mappingMode: 'defineBelow', value: { mx_Custom_1: 'Contact Us' }, matchingColumns: [], schema: [] },
			}),
			items: [{ leadId, code: '22' }, { leadId, code: '12000' }, { leadId, code: '201' }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		const errors = result.errorItems.map((item) => item.json.error as { message: string; description: string });
		expect(errors.map((error) => error.message)).toEqual([
			'Activity type Outbound Phone Call Activity (22) is a system activity type: LeadSquared posts these itself and refuses them through the API [item 0]',
			'Activity type Admission (12000) is an opportunity type, which cannot be posted as an activity [item 1]',
		]);
		expect(errors[0].description).toMatch(/Form Submitted \(201\), Phone Call \(202\), Payment \(203\)/);
		expect(errors[1].description).toMatch(/Opportunity → Create/);
		expect(result.items.map((item) => [item.pairedItem, item.json.activityEvent])).toEqual([[{ item: 2 }, 201]]);
		expect(calls(sandbox, ENDPOINTS.create).map((entry) => (entry.body as { ActivityEvent: number }).ActivityEvent)).toEqual([201]);
		expect(calls(sandbox, ENDPOINTS.types)).toHaveLength(1);
	});

	it('Opportunity → Create, Update and Get Many refuse a code that is not one of the account\'s opportunity types; nothing is sent', async () => {
		const run = async (operation: string, values: Record<string, unknown>) =>
			await runLeadSquared({ parameters: parameters('opportunity', operation, values), credentials: sandboxCredentials(sandbox), errorOutput: true, node });
		const wrong = locator('201', 'code');
		const create = await run('create', { opportunityType: wrong, attributes: { mappingMode: 'defineBelow', value: { EmailAddress: 'x@example.com', LastName: 'X' }, matchingColumns: [], schema: [] } });
		const update = await run('update', { opportunityId: 'some-id', opportunityType: wrong, note: 'n' });
		const getMany = await run('getMany', { leadId: 'some-lead', opportunityType: wrong, returnAll: true });
		for (const result of [create, update, getMany]) {
			const error = result.errorItems[0].json.error as { message: string; description: string };
			expect(error.message).toBe("Opportunity type 201 is not one of your LeadSquared account's opportunity types [item 0]");
			expect(error.description).toMatch(/Admission \(12000\), Loan \(12001\)/);
		}
		expect(['Opportunity.Capture', 'Opportunity.Update', 'GetOpportunitiesOfLead'].flatMap((endpoint) => calls(sandbox, endpoint))).toEqual([]);
	});

	it('with the list taken from the activity types (GetOpportunityTypes unavailable), nothing is refused on it: LeadSquared decides', async () => {
		sandbox.configure({ opportunityTypesApi: 'notFound' });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId: 'some-lead', opportunityType: locator('12345', 'code'), returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(calls(sandbox, 'GetOpportunitiesOfLead').map((entry) => entry.query.opportunityType)).toEqual(['12345']);
	});
});
