/**
 * An unknown field name lists the closest valid names (issue 19 point 3, contract C2): "City" given as a
 * lead field where the account's field is `mx_City` (display name "City"), "mx_Nonexistent_Field" on an
 * activity type, a misspelt opportunity field. The names are in the MESSAGE (what n8n hands a tool's
 * caller), after "Closest valid names:", at most five, as `Display Name (SchemaName)`; nothing is sent.
 * Through n8n's engine against the sandbox (whose lead fields include mx_City "City", sandbox/fields.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { manyParameters } from '../engine/lead-get-many-support';
import { parameters, seedLead } from '../engine/pipeline-support';
import { locator, mapper, openSandbox } from '../engine/support';
import { autoMap, matchOn } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
});

/** The run's error message (the node stops at the bad item), and what was sent to `endpoint`. */
async function refusal(params: INodeParameters, item: IDataObject, endpoint: string): Promise<string> {
	const result = await runLeadSquared({ parameters: params, items: [item], credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
	expect(result.status).toBe('error');
	expect(sandbox.log.filter((entry) => entry.endpoint === endpoint)).toHaveLength(0);
	return result.error?.message ?? '';
}

/** The names listed after "Closest valid names:" (one unknown name). */
function listed(message: string): string[] {
	const match = /Closest valid names: (.*)\. \[item \d+\]$/.exec(message);
	return match ? match[1].split(', ') : [];
}

const leadFields = (value: IDataObject) => ({ attributes: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] } });

describe('lead fields', () => {
	it('"City" in Lead → Create or Update: names City (mx_City) first, at most five', async () => {
		const message = await refusal(parameters('lead', 'createOrUpdate', leadFields({ EmailAddress: 'city@example.com', LastName: 'City', City: 'Pune' })), {}, 'Lead.CreateOrUpdate');
		expect(message).toMatch(/^Unknown field "City": not in your LeadSquared account's lead fields\. Closest valid names: City \(mx_City\), .* \[item 0\]$/);
		expect(listed(message).length).toBeLessThanOrEqual(5);
	});

	it('an input item key "City" with Map Automatically: the same names, after the advice about Unknown Fields', async () => {
		const params = { resource: 'lead', operation: 'createOrUpdate', ...autoMap() } as INodeParameters;
		const message = await refusal(params, { EmailAddress: 'auto@example.com', LastName: 'Auto', City: 'Pune' }, 'Lead.CreateOrUpdate');
		expect(message).toMatch(/^The input item has a key that is not a LeadSquared lead field \("City"\): .*\. Closest valid names: City \(mx_City\)/);
	});

	it('"City" in Lead → Update: the same', async () => {
		const leadId = await seedLead(sandbox, 'update-city@example.com');
		const message = await refusal(parameters('lead', 'update', { leadId, ...leadFields({ City: 'Pune' }) }), {}, 'Lead.Update');
		expect(listed(message)[0]).toBe('City (mx_City)');
	});

	it('a Match By field "Email": names Email (EmailAddress)', async () => {
		const params = parameters('lead', 'createOrUpdate', { ...leadFields({ EmailAddress: 'match@example.com', LastName: 'Match' }), ...matchOn('Email') });
		const message = await refusal(params, {}, 'Lead.CreateOrUpdate');
		expect(message).toMatch(/^The Match By field "Email" is not in your LeadSquared account's lead fields\. Closest valid names: Email \(EmailAddress\)/);
	});

	it('Lead → Get Many: a condition on "City" and a Sort Field "Created" name the fields to use', async () => {
		const condition = await refusal(manyParameters({ conditions: [{ field: 'City', value: 'Pune' }] }), {}, 'Leads.Get');
		expect(condition).toMatch(/"City" is not a lead field of your LeadSquared account\. Closest valid names: City \(mx_City\)/);
		const sort = await refusal(manyParameters({ conditions: [{ field: 'mx_City', value: 'Pune' }], options: { sortBy: 'Created' } }), {}, 'Leads.Get');
		expect(listed(sort)[0]).toBe('Created On (CreatedOn)');
	});
});

describe('activity fields', () => {
	const activity = (name: string) =>
		parameters('activity', 'create', {
			leadBy: 'id',
			leadId: '={{ $json.leadId }}',
			activityType: locator('201'),
			activityFields: mapper({ mx_Custom_1: 'Contact' }),
			manualFields: { field: [{ name, value: 'x' }] },
		});

	it('"mx_Nonexistent_Field" on Form Submitted (201): lists the fields of the type, display name and schema name', async () => {
		const leadId = await seedLead(sandbox, 'activity-field@example.com');
		const message = await refusal(activity('mx_Nonexistent_Field'), { leadId }, 'ProspectActivity.Create');
		expect(message).toMatch(/^Unknown activity field "mx_Nonexistent_Field": not a field of Form Submitted \(201\)\. Closest valid names: /);
		// The type's five fields (its four mx_ fields and Owner), none like the name given.
		expect(listed(message).sort()).toEqual(['Campaign (mx_Custom_4)', 'Form Name (mx_Custom_1)', 'Owner (Owner)', 'Page URL (mx_Custom_2)', 'Submitted On (mx_Custom_3)']);
	});

	it('a display name given as the field ("Campaign"): names Campaign (mx_Custom_4) first', async () => {
		const leadId = await seedLead(sandbox, 'activity-display@example.com');
		const message = await refusal(activity('Campaign'), { leadId }, 'ProspectActivity.Create');
		expect(listed(message)[0]).toBe('Campaign (mx_Custom_4)');
	});
});

describe('opportunity fields', () => {
	it('"Course" on Admission (12000): names Course (mx_Custom_2) first', async () => {
		const params = parameters('opportunity', 'create', {
			attributes: mapper({ EmailAddress: 'opportunity-field@example.com', LastName: 'Buyer' }),
			opportunityType: locator('12000', 'code'),
			opportunityFields: mapper({ mx_Custom_1: 'Admission' }),
			opportunityManualFields: { field: [{ name: 'Course', value: 'Law' }] },
		});
		const message = await refusal(params, {}, 'Opportunity.Capture');
		expect(message).toMatch(/^Opportunity field "Course" is not a field of the opportunity type Admission \(12000\)\. Closest valid names: Course \(mx_Custom_2\)/);
	});
});
