/**
 * Lead → Change Owner through n8n's engine against the sandbox: `Lead.Update?leadId=` with the one
 * attribute OwnerId, always a user id (an owner given by e-mail is turned into one: only OwnerId with an id
 * is proven live, leadsquared-api-more.md §4.8); unknown and deactivated owners refused before anything is
 * sent; LeadSquared's refusals as item errors; Return Full Lead; Trigger LeadSquared Automations. And
 * Activity → Create's Owner, which takes the same list and sends the chosen user's e-mail address.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { createParameters, ENDPOINTS, mapper, newLead } from './activity-support';
import { ASHA, expectNoKeys, INACTIVE_USER_EMAIL, parameters, VIR } from './pipeline-support';
import { calls, locator, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const LEAD = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a01';
const OTHER = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a02';
const UNKNOWN = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4aff';
const KARAN_ID = '190e7b6f-39da-11e6-b61b-22000aa8e760';

beforeEach(() => {
	sandbox.configure({
		leads: [
			{ ProspectID: LEAD, EmailAddress: 'owned@example.com', LastName: 'Owned', OwnerId: VIR.id },
			{ ProspectID: OTHER, EmailAddress: 'other@example.com', LastName: 'Other', OwnerId: VIR.id },
		],
	});
	sandbox.reset();
});

async function changeOwner(owner: IDataObject, items: IDataObject[] = [{ leadId: LEAD }], options: IDataObject = {}, extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({
		parameters: parameters('lead', 'changeOwner', { leadId: '={{ $json.leadId }}', owner }, options),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		...extra,
	});
}

const updates = () => calls(sandbox, 'Lead.Update');
const ownerOf = (id: string) => sandbox.findLeads((lead) => lead.ProspectID === id)[0]?.OwnerId;

describe('Lead → Change Owner', () => {
	it('sends OwnerId = the user id chosen from the list; outputs the new owner, paired to the item', async () => {
		const result = await changeOwner(locator(ASHA.id));

		expect(result.status).toBe('success');
		const [call] = updates();
		expect(call.query).toMatchObject({ leadId: LEAD, postUpdatedLead: 'false' });
		expect(call.body).toEqual([{ Attribute: 'OwnerId', Value: ASHA.id }]);
		expect(result.items).toEqual([
			{ json: { status: 'Success', leadId: LEAD, affectedRows: 1, ownerId: ASHA.id, ownerName: 'Asha Rao', ownerEmail: ASHA.email }, pairedItem: { item: 0 } },
		]);
		expect(ownerOf(LEAD)).toBe(ASHA.id);
		expectNoKeys(sandbox, result);
	});

	it("an owner by e-mail (any letter case) is sent as the user's id; Users.Get is read once for all items", async () => {
		const result = await changeOwner(locator('={{ $json.owner }}', 'email'), [
			{ leadId: LEAD, owner: 'ASHA.RAO@sandbox.example.com' },
			{ leadId: OTHER, owner: ASHA.email },
		]);

		expect(result.status).toBe('success');
		expect(updates().map((call) => call.body)).toEqual([
			[{ Attribute: 'OwnerId', Value: ASHA.id }],
			[{ Attribute: 'OwnerId', Value: ASHA.id }],
		]);
		expect(calls(sandbox, 'Users.Get')).toHaveLength(1);
		expect([ownerOf(LEAD), ownerOf(OTHER)]).toEqual([ASHA.id, ASHA.id]);
	});

	it('a user Users.Get does not list is looked up by the single read before it is trusted', async () => {
		// An account whose Users.Get leaves Asha out (as an answer capped at some number of users would).
		sandbox.injectFault({ type: 'json', endpoint: 'Users.Get', body: [{ ID: VIR.id, FirstName: 'Vir', LastName: 'Singh', EmailAddress: VIR.email, StatusCode: 0 }] });
		const result = await changeOwner(locator(ASHA.email, 'email'));

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'User/Retrieve/ByEmailAddress')).toHaveLength(1);
		expect(updates()[0].body).toEqual([{ Attribute: 'OwnerId', Value: ASHA.id }]);
	});

	it('Trigger LeadSquared Automations sends postUpdatedLead=true; Return Full Lead adds the lead with its new owner', async () => {
		const result = await changeOwner(locator(ASHA.id), [{ leadId: LEAD }], { triggerAutomations: true, returnFullLead: true });

		expect(updates()[0].query).toMatchObject({ postUpdatedLead: 'true' });
		expect(result.items[0].json.lead).toMatchObject({ ProspectID: LEAD, OwnerId: ASHA.id });
	});

	it.each([
		['a deactivated user', locator(KARAN_ID), /^Owner: Karan Mehta \(karan\.mehta@sandbox\.example\.com, 190e7b6f-39da-11e6-b61b-22000aa8e760\) is a deactivated LeadSquared user \[item 0\]$/],
		['a deactivated user by e-mail', locator(INACTIVE_USER_EMAIL, 'email'), /is a deactivated LeadSquared user/],
		['an e-mail address no user has', locator('nobody@example.com', 'email'), /^Owner: no LeadSquared user has the e-mail address "nobody@example\.com" \[item 0\]$/],
		['an id no user has', locator('3b1041fb-0000-11e7-8758-0a106ee76b21', 'id'), /^Owner: no LeadSquared user has the ID "3b1041fb-0000-11e7-8758-0a106ee76b21"/],
		['an id that is not a GUID', locator('1016', 'id'), /^Owner: "1016" is not a LeadSquared user ID \[item 0\]$/],
		['an empty owner', locator('={{ $json.none ?? "" }}'), /^Owner is empty \[item 0\]$/],
	])('refuses %s before anything is written', async (_name, owner, message) => {
		const result = await changeOwner(owner);

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(updates()).toHaveLength(0);
		expect(ownerOf(LEAD)).toBe(VIR.id);
	});

	it('a lead id LeadSquared does not know is an item error with its exception; with continue on fail the others go on, paired', async () => {
		const result = await changeOwner(locator(ASHA.id), [{ leadId: UNKNOWN }, { leadId: 'not-a-guid' }, { leadId: OTHER }], {}, { continueOnFail: true });

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.error).toMatch(new RegExp(`^No lead with ID ${UNKNOWN}`));
		expect(result.items[0].json.details).toMatchObject({ exceptionType: 'MXInvalidEntityException', itemIndex: 0 });
		expect(result.items[1].json.error).toMatch(/^Lead ID "not-a-guid" is not a LeadSquared lead ID/);
		expect(result.items[2].json).toMatchObject({ status: 'Success', leadId: OTHER, ownerId: ASHA.id });
		// The id that is not a GUID never reached LeadSquared.
		expect(updates().map((call) => call.query.leadId).sort()).toEqual([OTHER, UNKNOWN].sort());
	});
});

describe("Activity → Create's Owner: the same list, sent as the user's e-mail address", () => {
	const post = async (owner: IDataObject | string): Promise<RunResult> => {
		const leadId = await newLead(sandbox, 'activity-owner@example.com');
		return await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { ownerEmail: owner }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
		});
	};

	it("a user from the list becomes ActivityOwnerEmail = the user's address", async () => {
		const result = await post(locator(VIR.id));
		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toMatchObject({ ActivityOwnerEmail: VIR.email });
		expect(sandbox.records().activities[0].Fields.Owner).toBe(VIR.id);
	});

	it('By Email, and a text saved when the option was the Owner Email field, are sent as they are, without reading the users', async () => {
		expect((await post(locator(ASHA.email, 'email'))).status).toBe('success');
		expect((await post(ASHA.email)).status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create).map((call) => (call.body as IDataObject).ActivityOwnerEmail)).toEqual([ASHA.email, ASHA.email]);
		expect(calls(sandbox, 'Users.Get')).toHaveLength(0);
	});

	it('a deactivated user is refused before the activity is posted', async () => {
		const result = await post(locator(KARAN_ID, 'id'));
		expect(result.error?.message).toMatch(/^Options → Owner: Karan Mehta .* is a deactivated LeadSquared user \[item 0\]$/);
		expect(calls(sandbox, ENDPOINTS.create)).toHaveLength(0);
	});
});
