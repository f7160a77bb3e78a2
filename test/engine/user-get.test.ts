/**
 * User → Get through n8n's engine against the sandbox: by ID, by e-mail address and from the list; the id
 * always `UserId` (the single reads' key; Users.Get's `ID` mapped to it); a deactivated user, whom the single
 * reads answer with `[]` [DOC], told apart from a user who does not exist (Users.Get lists them);
 * Fail When Not Found; bad input refused before anything is sent; continue-on-fail pairing.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { ASHA, expectNoKeys, INACTIVE_USER_EMAIL, parameters, VIR } from './pipeline-support';
import { calls, locator, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const KARAN_ID = '190e7b6f-39da-11e6-b61b-22000aa8e760';
const NOBODY_ID = '3b1041fb-0000-11e7-8758-0a106ee76b21';

async function get(user: IDataObject, items: IDataObject[] = [{}], options: IDataObject = {}, continueOnFail = false): Promise<RunResult> {
	return await runLeadSquared({
		parameters: parameters('user', 'get', { user }, options),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		continueOnFail,
	});
}

describe('User → Get', () => {
	it('by ID: the user as User/Retrieve/ByUserId answers, UserId first, StatusCode 0; one call', async () => {
		const result = await get(locator(ASHA.id, 'id'));

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'User/Retrieve/ByUserId').map((call) => call.query)).toEqual([{ userId: ASHA.id }]);
		expect(result.items).toHaveLength(1);
		const [{ json, pairedItem }] = result.items;
		expect(pairedItem).toEqual({ item: 0 });
		expect(Object.keys(json)[0]).toBe('UserId');
		expect(json).toMatchObject({ UserId: ASHA.id, FirstName: 'Asha', LastName: 'Rao', EmailAddress: ASHA.email, Role: 'Sales_User', StatusCode: 0, ManagerName: 'Vir Singh', Groups: [{ Id: '1', Name: 'North India' }] });
		expect(json).not.toHaveProperty('ID');
		expect(calls(sandbox, 'Users.Get')).toHaveLength(0);
		expectNoKeys(sandbox, result);
	});

	it('by e-mail (any letter case) and from the list give the same record', async () => {
		const byEmail = await get(locator('={{ $json.email }}', 'email'), [{ email: 'VIR.SINGH@sandbox.example.com' }]);
		const fromList = await get(locator(VIR.id));

		expect(calls(sandbox, 'User/Retrieve/ByEmailAddress').map((call) => call.query)).toEqual([{ emailAddress: 'VIR.SINGH@sandbox.example.com' }]);
		expect(byEmail.items[0].json).toEqual(fromList.items[0].json);
		expect(byEmail.items[0].json).toMatchObject({ UserId: VIR.id, EmailAddress: VIR.email });
	});

	it("a deactivated user, whom the single reads answer with [], comes from Users.Get: UserId (not ID), StatusCode 1; Users.Get is read once", async () => {
		const result = await get(locator('={{ $json.user }}', 'id'), [{ user: KARAN_ID }, { user: INACTIVE_USER_EMAIL }]);

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'Users.Get')).toHaveLength(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of result.items) {
			expect(item.json).toEqual({
				UserId: KARAN_ID,
				FirstName: 'Karan',
				LastName: 'Mehta',
				EmailAddress: INACTIVE_USER_EMAIL,
				Role: 'Sales_User',
				StatusCode: 1,
				MemberOfGroups: [],
				Tag: null,
				IsPhoneCallAgent: false,
			});
		}
	});

	it('a user who does not exist gives no output item; with Fail When Not Found the item fails, saying where the node looked', async () => {
		const quiet = await get(locator('={{ $json.user }}', 'id'), [{ user: NOBODY_ID }, { user: ASHA.id }]);
		expect(quiet.status).toBe('success');
		expect(quiet.items.map((item) => [item.json.UserId, item.pairedItem])).toEqual([[ASHA.id, { item: 1 }]]);

		const loud = await get(locator('nobody@example.com', 'email'), [{}], { failWhenNotFound: true });
		expect(loud.status).toBe('error');
		expect(loud.error?.message).toBe('No LeadSquared user has the e-mail address "nobody@example.com"');
		expect(loud.error?.context?.itemIndex).toBe(0);
		expect(loud.error?.description).toMatch(/User\/Retrieve\/ByEmailAddress with no user, and Users\.Get \(which also lists deactivated users\) has none/);
	});

	it('with continue on fail, a bad item and a missing user are error items paired to them; the good one goes on', async () => {
		const result = await get(locator('={{ $json.user }}', 'id'), [{ user: 'asha' }, { user: NOBODY_ID }, { user: ASHA.id }], { failWhenNotFound: true }, true);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.error).toBe('User: "asha" is not a LeadSquared user ID [item 0]');
		expect(result.items[0].json.details).toMatchObject({ field: 'user', itemIndex: 0 });
		expect(result.items[1].json.error).toMatch(/^No LeadSquared user has the ID/);
		expect(result.items[2].json.UserId).toBe(ASHA.id);
		// The id that is not a GUID never reached LeadSquared.
		expect(calls(sandbox, 'User/Retrieve/ByUserId').map((call) => call.query.userId)).toEqual(expect.arrayContaining([NOBODY_ID, ASHA.id]));
		expect(calls(sandbox, 'User/Retrieve/ByUserId')).toHaveLength(2);
	});

	it.each([
		['an empty user', locator('={{ $json.none ?? "" }}'), /^User is empty \[item 0\]$/],
		['an id that is not a GUID', locator('1016', 'id'), /^User: "1016" is not a LeadSquared user ID \[item 0\]$/],
		['an e-mail address that is not one', locator('asha@', 'email'), /^User: "asha@" is not an e-mail address \[item 0\]$/],
	])('refuses %s before any call', async (_name, user, message) => {
		const result = await get(user);
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(sandbox.log.filter((entry) => entry.endpoint?.startsWith('User'))).toHaveLength(0);
	});
});
