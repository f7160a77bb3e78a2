/**
 * Every owner field of every resource offers the same owner list, through n8n's real LoadOptionsContext
 * against the sandbox: the Owner resource locators (task, lead change owner, activity owner, user get) all
 * use `searchUsers`, and the owner fields of the three field mappers (the lead's OwnerId, an activity's and
 * an opportunity's Owner, type ActiveUsers) offer exactly its entries. Also the stage picker of
 * Lead → Change Stage.
 */
import type { INodeListSearchItems, INodeParameters, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import type { Sandbox } from '../../sandbox';
import { listSearch, loadResourceMapperFields, sandboxCredentials } from '../harness';
import { ADMIN_EMAIL, ADMIN_ID, ASHA, INACTIVE_USER_EMAIL, VIR } from './pipeline-support';
import { calls, locator, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

/** The owner list of the sandbox's account: its three active users by name, value the user id. */
const OWNERS = [
	{ name: `Asha Rao (${ASHA.email})`, value: ASHA.id },
	{ name: `Sandbox Admin (${ADMIN_EMAIL})`, value: ADMIN_ID },
	{ name: `Vir Singh (${VIR.email})`, value: VIR.id },
];

/** Every parameter of the node, collections and fixed collections opened, with the resource/operation it shows for. */
function allParameters(): Array<{ where: string; property: INodeProperties }> {
	const out: Array<{ where: string; property: INodeProperties }> = [];
	const visit = (property: INodeProperties, where: string) => {
		out.push({ where, property });
		for (const option of property.options ?? []) {
			if ('type' in option && typeof option.type === 'string') visit(option as INodeProperties, where);
			else if ('values' in option) for (const value of (option as INodePropertyCollection).values) visit(value, where);
		}
	};
	for (const property of new LeadSquared().description.properties) {
		const show = property.displayOptions?.show;
		visit(property, `${String(show?.resource ?? '')} → ${String(show?.operation ?? '')}`);
	}
	return out;
}

describe('the one owner list', () => {
	it('searchUsers: the active users (the deactivated one left out), by name, each with its e-mail address; value the user id', async () => {
		const all = await listSearch('searchUsers', sandboxCredentials(sandbox));
		expect(all.results).toEqual(OWNERS);
		expect(JSON.stringify(all.results)).not.toContain(INACTIVE_USER_EMAIL);
		expect((await listSearch('searchUsers', sandboxCredentials(sandbox), 'rao')).results).toEqual([OWNERS[0]]);
		expect(calls(sandbox, 'Users.Get')).toHaveLength(2);
	});

	it('every owner parameter of every operation is a resource locator on searchUsers, with By ID and By Email', () => {
		const owners = allParameters().filter(({ property }) => /owner|^user$/i.test(property.name) && property.type !== 'boolean');
		expect(owners.map(({ where, property }) => `${where}: ${property.name}`).sort()).toEqual([
			'account → create: owner',
			'account → update: owner',
			'accountActivity → create: owner',
			'activity → create: ownerEmail',
			'lead → changeOwner: owner',
			'salesActivity → create: salesOwner',
			'salesActivity → update: salesOwner',
			'task → create: owner',
			'task → getMany: owner',
			'task → update: owner',
			'user → get: user',
		]);
		for (const { property } of owners) {
			expect(property.type).toBe('resourceLocator');
			expect(property.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
				['list', 'searchUsers'],
				['id', undefined],
				['email', undefined],
			]);
		}
		// No other method lists users.
		const methods = new LeadSquared().methods;
		expect(Object.keys(methods.listSearch).filter((name) => /user|owner/i.test(name))).toEqual(['searchUsers']);
		expect(Object.keys(methods.loadOptions).filter((name) => /user|owner/i.test(name))).toEqual([]);
	});

	it("the lead field mapper's OwnerId (Create or Update, Update, Opportunity → Create's lead) is a dropdown of the same users", async () => {
		const { fields } = await loadResourceMapperFields(sandboxCredentials(sandbox));
		const owner = fields.find((field) => field.id === 'OwnerId');
		expect(owner).toMatchObject({ type: 'options', displayName: 'Owner (OwnerId)' });
		const list = await listSearch('searchUsers', sandboxCredentials(sandbox));
		expect(owner?.options).toEqual(list.results.map(({ name, value }: INodeListSearchItems) => ({ name, value })));
		// Other fields are untouched.
		expect(fields.find((field) => field.id === 'mx_City')?.type).toBe('string');
	});

	it("an activity type's Owner (ActiveUsers) and an opportunity type's Owner offer the same users", async () => {
		const credentials = sandboxCredentials(sandbox);
		const activity = await loadResourceMapperFields(
			credentials,
			{ resource: 'activity', operation: 'create', activityType: locator('202') } as INodeParameters,
			'getActivityFields',
			'parameters.activityFields',
		);
		expect(activity.fields.find((field) => field.id === 'Owner')).toMatchObject({ type: 'options', options: OWNERS });
		const opportunity = await loadResourceMapperFields(
			credentials,
			{ resource: 'opportunity', operation: 'create', opportunityType: locator('12000') } as INodeParameters,
			'getOpportunityFields',
			'parameters.opportunityFields',
		);
		expect(opportunity.fields.find((field) => field.id === 'Owner')).toMatchObject({ type: 'options', options: OWNERS });
	});

	it('when the users cannot be read, the mappers still load, their owner fields as text', async () => {
		sandbox.injectFault({ type: 'status', endpoint: 'Users.Get', status: 403, body: 'Forbidden' });
		const { fields, emptyFieldsNotice } = await loadResourceMapperFields(sandboxCredentials(sandbox));
		expect(emptyFieldsNotice).toBeUndefined();
		expect(fields.find((field) => field.id === 'OwnerId')).toMatchObject({ type: 'string' });
		expect(fields).toHaveLength(23);
	});

	it('a mapper without an owner field does not read the users', async () => {
		sandbox.log.length = 0;
		await loadResourceMapperFields(
			sandboxCredentials(sandbox),
			{ resource: 'opportunity', operation: 'create', opportunityType: locator('99999', 'code') } as INodeParameters,
			'getOpportunityFields',
			'parameters.opportunityFields',
		);
		expect(calls(sandbox, 'Users.Get')).toHaveLength(0);
	});
});

describe('the stage picker (Lead → Change Stage)', () => {
	it("lists the options of the account's ProspectStage field, in the account's order, searchable", async () => {
		const parameters = { resource: 'lead', operation: 'changeStage' } as INodeParameters;
		const all = await listSearch('searchLeadStages', sandboxCredentials(sandbox), undefined, parameters, undefined, 'parameters.stage');
		expect(all.results).toEqual(['Prospect', 'Opportunity', 'Customer', 'Invalid'].map((stage) => ({ name: stage, value: stage })));
		const found = await listSearch('searchLeadStages', sandboxCredentials(sandbox), 'OPP', parameters, undefined, 'parameters.stage');
		expect(found.results).toEqual([{ name: 'Opportunity', value: 'Opportunity' }]);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(2);
	});
});
