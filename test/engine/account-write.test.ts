/**
 * Account → Create, Update and Delete (`CompanyManagement.svc`) through n8n's engine against the sandbox: the
 * fields inside `CompanyProperties`, the owner by e-mail looked up as a user id, LeadSquared's refusals in
 * its own words (the sandbox checks values against the account type's fields, which no API reports), and
 * Delete's two ways with the account's leads.
 */
import type { Sandbox } from '../../sandbox';
import { defaultFields } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ACME, NORTHWIND } from '../sandbox/crm-extra-client';
import { ADMIN_ID, ASHA, expectNoKeys, INACTIVE_USER_EMAIL, locator, newLead, parameters } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const fields = (values: Record<string, unknown>) => ({ field: Object.entries(values).map(([name, value]) => ({ name, value })) });
const stored = (id: unknown) => sandbox.accounts().companies.find((company) => company.CompanyId === id);

describe('Account → Create', () => {
	it('sends the name, the owner (an e-mail looked up as the user id) and the fields inside CompanyProperties; outputs the account id', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'create', {
				accountType: 'Partners',
				accountName: '={{ $json.name }}',
				owner: locator('={{ $json.owner }}', 'email'),
				accountFields: fields({ Phone: '+91-8923748971', mx_Employees: '={{ $json.employees }}', mx_Partner_Since: '={{ $json.since }}' }),
			}),
			items: [
				{ name: 'Globex Learning', owner: ASHA.email, employees: 42, since: '2024-01-15' },
				{ name: 'Initech Finance', owner: ASHA.email.toUpperCase(), employees: '7', since: '2023-06-01' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		const bodies = calls(sandbox, 'Company.Create').map((entry) => entry.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{
					CompanyType: { CompanyTypeName: 'Partners' },
					CompanyProperties: [
						{ Attribute: 'CompanyName', Value: 'Globex Learning' },
						{ Attribute: 'OwnerId', Value: ASHA.id },
						{ Attribute: 'Phone', Value: '+91-8923748971' },
						{ Attribute: 'mx_Employees', Value: '42' },
						{ Attribute: 'mx_Partner_Since', Value: '2024-01-15' },
					],
				},
			]),
		);
		// One Users.Get for both e-mails (once per execution).
		expect(calls(sandbox, 'Users.Get')).toHaveLength(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items.map((item) => item.json)).toEqual([
			{ status: 'Success', accountId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
			{ status: 'Success', accountId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
		]);
		expect(stored(result.items[0].json.accountId)).toMatchObject({
			CompanyTypeName: 'Partners',
			Values: { CompanyName: 'Globex Learning', OwnerId: ASHA.id, mx_Employees: '42', mx_Partner_Since: '2024-01-15 00:00:00' },
		});
		expectNoKeys(sandbox, result);
	});

	it('an n8n date is sent as LeadSquared\'s UTC date; no owner: none sent (LeadSquared\'s default), no user look-up', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'create', { accountType: 'partners', accountName: 'Dated', accountFields: fields({ mx_Partner_Since: '={{ DateTime.fromISO("2024-03-01T10:30:00+05:30") }}' }) }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect([result.status, result.error?.message]).toEqual(['success', undefined]);
		expect(calls(sandbox, 'Company.Create')[0].body).toEqual({
			CompanyType: { CompanyTypeName: 'partners' },
			CompanyProperties: [
				{ Attribute: 'CompanyName', Value: 'Dated' },
				{ Attribute: 'mx_Partner_Since', Value: '2024-03-01 05:00:00' },
			],
		});
		expect(calls(sandbox, 'Users.Get')).toHaveLength(0);
		expect(stored(result.items[0].json.accountId)?.Values.OwnerId).toBe(ADMIN_ID);
	});

	it("LeadSquared's refusals fail their own item, in its words: an unknown type, a field the type lacks, a value that does not fit", async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'create', { accountType: '={{ $json.type }}', accountName: '={{ $json.name }}', accountFields: fields({ '={{ $json.field }}': '={{ $json.value }}' }) }),
			items: [
				{ type: 'Resellers', name: 'A', field: 'City', value: 'Pune' },
				{ type: 'Vendors', name: 'B', field: 'mx_Industry', value: 'Retail' },
				{ type: 'Partners', name: 'C', field: 'mx_Employees', value: 'many' },
				{ type: 'Partners', name: 'D', field: 'City', value: 'Pune' },
			],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.status])).toEqual([[{ item: 3 }, 'Success']]);
		const errors = result.errorItems.map((item) => ({ paired: item.pairedItem, ...(item.json.error as Record<string, unknown>) }));
		expect(errors).toEqual([
			expect.objectContaining({
				paired: { item: 0 },
				message: expect.stringMatching(/^Account type "Resellers" does not exist in this LeadSquared account \(LeadSquared: "Company type 'Resellers' does not exist/),
				exceptionType: 'MXInvalidInputException',
				itemIndex: 0,
			}),
			expect.objectContaining({
				paired: { item: 1 },
				message: 'LeadSquared refused the request: Attribute(s) does not exist - mx_Industry',
				description: expect.stringMatching(/^LeadSquared refuses the whole account when one field is not a field of its account type/),
				exceptionType: 'MXUnknownAttributeException',
			}),
			expect.objectContaining({ paired: { item: 2 }, message: "LeadSquared refused the request: Invalid value 'many' for attribute 'mx_Employees': not a valid number", exceptionType: 'MXInvalidInputException' }),
		]);
	});

	it('an owner e-mail that is no active user is refused before anything is written', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'create', { accountType: 'Partners', accountName: 'X', owner: locator(INACTIVE_USER_EMAIL, 'email') }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(new RegExp(`^Owner: Karan Mehta \\(${INACTIVE_USER_EMAIL.replace(/\./g, '\\.')}, [0-9a-f-]{36}\\) is a deactivated LeadSquared user \\[item 0\\]$`));
		expect(calls(sandbox, 'Company.Create')).toHaveLength(0);
	});
});

describe('Account → Update', () => {
	it('sends only what is given inside CompanyProperties with ?companyId=; outputs the id and AffectedRows', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'update', { accountId: '={{ $json.id }}', owner: locator(ASHA.id, 'id'), accountFields: fields({ City: 'Pune', Stage: '={{ $json.stage }}' }) }),
			items: [{ id: ACME.id, stage: 'Customer' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		const [call] = calls(sandbox, 'Company.Update');
		expect(call.query).toMatchObject({ companyId: ACME.id });
		expect(call.body).toEqual({
			CompanyProperties: [
				{ Attribute: 'OwnerId', Value: ASHA.id },
				{ Attribute: 'City', Value: 'Pune' },
				{ Attribute: 'Stage', Value: 'Customer' },
			],
		});
		expect(result.items).toEqual([{ json: { status: 'Success', accountId: ACME.id, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		expect(stored(ACME.id)?.Values).toMatchObject({ CompanyName: ACME.name, City: 'Pune', Stage: 'Customer', OwnerId: ASHA.id, Phone: '+91-8923748971' });
	});

	it('a new name; Empty Values → skip leaves a null field out and lists it', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'update', { accountId: ACME.id, accountName: 'Acme Learning Ltd', accountFields: fields({ City: '={{ null }}' }) }, { emptyValues: 'skip' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(calls(sandbox, 'Company.Update')[0].body).toEqual({ CompanyProperties: [{ Attribute: 'CompanyName', Value: 'Acme Learning Ltd' }] });
		expect(result.items[0].json).toEqual({ status: 'Success', accountId: ACME.id, affectedRows: 1, skippedFields: ['City'] });
	});

	it('an unknown account fails its item saying so, with LeadSquared\'s exception; the other item is updated', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const result = await runLeadSquared({
			parameters: parameters('account', 'update', { accountId: '={{ $json.id }}', accountFields: fields({ City: 'Mumbai' }) }),
			items: [{ id: unknown }, { id: NORTHWIND.id }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toBe(`No account with ID ${unknown} in this LeadSquared account (LeadSquared: "Company does not exist")`);
		expect(result.items[0].json.details).toMatchObject({ exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Company does not exist', itemIndex: 0 });
		expect(result.items[1].json).toEqual({ status: 'Success', accountId: NORTHWIND.id, affectedRows: 1 });
	});
});

describe('Account → Delete', () => {
	it('withLeadDelete false (default): the account goes, its leads stay unlinked; true: its leads go too', async () => {
		sandbox.configure({ fields: [...defaultFields(), { schemaName: 'RelatedCompanyId', displayName: 'Account', dataType: 'Text' }] });
		try {
			const kept = await newLead(sandbox, 'kept@accounts.example', { RelatedCompanyId: ACME.id });
			const gone = await newLead(sandbox, 'gone@accounts.example', { RelatedCompanyId: NORTHWIND.id });
			const result = await runLeadSquared({
				parameters: parameters('account', 'delete', { accountId: '={{ $json.id }}', withLeadDelete: '={{ $json.leads }}' }),
				items: [{ id: ACME.id, leads: false }, { id: NORTHWIND.id, leads: true }],
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(result.status).toBe('success');
			expect(calls(sandbox, 'Company.Delete').map((entry) => entry.query)).toEqual(
				expect.arrayContaining([expect.objectContaining({ companyId: ACME.id, withLeadDelete: 'false' }), expect.objectContaining({ companyId: NORTHWIND.id, withLeadDelete: 'true' })]),
			);
			expect(result.items).toEqual([
				{ json: { deleted: true, accountId: ACME.id, withLeadDelete: false }, pairedItem: { item: 0 } },
				{ json: { deleted: true, accountId: NORTHWIND.id, withLeadDelete: true }, pairedItem: { item: 1 } },
			]);
			expect(sandbox.accounts().companies.map((company) => company.CompanyId)).not.toEqual(expect.arrayContaining([ACME.id]));
			expect(sandbox.findLeads((lead) => lead.ProspectID === kept)[0].RelatedCompanyId).toBe('');
			expect(sandbox.findLeads((lead) => lead.ProspectID === gone)).toEqual([]);
		} finally {
			sandbox.configure({ fields: undefined });
		}
	});

	it('an account that does not exist (or no longer does) is an item error naming it; without continue on fail the node stops', async () => {
		const unknown = '00000000-0000-4000-8000-000000000001';
		const result = await runLeadSquared({ parameters: parameters('account', 'delete', { accountId: unknown }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeApiError', context: { itemIndex: 0 } });
		expect(result.error?.message).toBe(`No account with ID ${unknown} in this LeadSquared account (LeadSquared: "Company does not exist")`);
		expect(result.error?.description).toMatch(/the first attempt may have deleted the account/);
	});
});
