/**
 * Lead → Change Stage through n8n's engine against the sandbox: `Lead.Update?leadId=` with the one
 * attribute ProspectStage, one of the account's stages (LeadsMetaData.Get) sent in the account's own
 * spelling; a stage the account does not have refused before anything is sent; the shared lead writer's
 * errors, options and pairing.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { parameters } from './pipeline-support';
import { calls, locator, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const LEAD = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a11';
const OTHER = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a12';
const UNKNOWN = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4aff';

beforeEach(() => {
	sandbox.configure({
		leads: [
			{ ProspectID: LEAD, EmailAddress: 'stage@example.com', LastName: 'Stage', ProspectStage: 'Prospect' },
			{ ProspectID: OTHER, EmailAddress: 'stage2@example.com', LastName: 'Other', ProspectStage: 'Prospect' },
		],
	});
	sandbox.reset();
});

async function changeStage(stage: IDataObject, items: IDataObject[] = [{ leadId: LEAD }], options: IDataObject = {}, continueOnFail = false): Promise<RunResult> {
	return await runLeadSquared({
		parameters: parameters('lead', 'changeStage', { leadId: '={{ $json.leadId }}', stage }, options),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		continueOnFail,
	});
}

const updates = () => calls(sandbox, 'Lead.Update');
const stageOf = (id: string) => sandbox.findLeads((lead) => lead.ProspectID === id)[0]?.ProspectStage;

describe('Lead → Change Stage', () => {
	it('sends ProspectStage = the stage chosen from the list; outputs it, paired to the item', async () => {
		const result = await changeStage(locator('Opportunity'));

		expect(result.status).toBe('success');
		const [call] = updates();
		expect(call.query).toMatchObject({ leadId: LEAD, postUpdatedLead: 'false' });
		expect(call.body).toEqual([{ Attribute: 'ProspectStage', Value: 'Opportunity' }]);
		expect(result.items).toEqual([{ json: { status: 'Success', leadId: LEAD, affectedRows: 1, stage: 'Opportunity' }, pairedItem: { item: 0 } }]);
		expect(stageOf(LEAD)).toBe('Opportunity');
	});

	it("a stage typed by name in another letter case or spacing is sent in the account's spelling", async () => {
		const result = await changeStage(locator('={{ $json.stage }}', 'name'), [
			{ leadId: LEAD, stage: 'customer' },
			{ leadId: OTHER, stage: ' IN VALID ' },
		]);

		expect(result.status).toBe('success');
		expect(updates().map((call) => call.body)).toEqual([[{ Attribute: 'ProspectStage', Value: 'Customer' }], [{ Attribute: 'ProspectStage', Value: 'Invalid' }]]);
		expect(result.items.map((item) => item.json.stage)).toEqual(['Customer', 'Invalid']);
	});

	it('Return Full Lead adds the lead in its new stage; Trigger LeadSquared Automations sends postUpdatedLead=true', async () => {
		const result = await changeStage(locator('Customer'), [{ leadId: LEAD }], { returnFullLead: true, triggerAutomations: true });
		expect(updates()[0].query).toMatchObject({ postUpdatedLead: 'true' });
		expect(result.items[0].json.lead).toMatchObject({ ProspectID: LEAD, ProspectStage: 'Customer' });
	});

	it("refuses a stage the account does not have, listing its stages, before anything is sent", async () => {
		const result = await changeStage(locator('Won', 'name'));

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Stage "Won" is not one of your account\'s lead stages [item 0]');
		expect(result.error?.description).toContain('"Prospect", "Opportunity", "Customer", "Invalid"');
		expect(updates()).toHaveLength(0);
		expect(stageOf(LEAD)).toBe('Prospect');
	});

	it('with continue on fail: an unknown lead and an empty stage are error items, paired; the other item changes', async () => {
		const result = await changeStage(
			locator('={{ $json.stage }}', 'name'),
			[
				{ leadId: UNKNOWN, stage: 'Customer' },
				{ leadId: LEAD, stage: '' },
				{ leadId: OTHER, stage: 'Customer' },
			],
			{},
			true,
		);

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.error).toMatch(new RegExp(`^No lead with ID ${UNKNOWN}`));
		expect(result.items[1].json.error).toBe('Stage is empty [item 1]');
		expect(result.items[1].json.details).toMatchObject({ field: 'stage', itemIndex: 1 });
		expect(result.items[2].json).toMatchObject({ status: 'Success', leadId: OTHER, stage: 'Customer' });
		expect(updates().map((call) => call.query.leadId).sort()).toEqual([OTHER, UNKNOWN].sort());
	});
});
