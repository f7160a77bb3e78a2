/**
 * The editor's look-ups for Lead → Get and Get Many (LoadOptionsContext against the sandbox): the lead
 * list of "From List" (newest leads a page at a time, or LeadSquared's quick search), and the field
 * lists of Fields to Return, conditions and Sort Field.
 */
import type { Sandbox } from '../../sandbox';
import { listSearch, loadOptions, sandboxCredentials } from '../harness';
import { calls, useSandbox } from './support';

const LEADS = Array.from({ length: 60 }, (_, i) => ({ FirstName: `First${i}`, LastName: `Last${i}`, EmailAddress: `lead${i}@example.com` }));
const GET = { resource: 'lead', operation: 'get' };
const GET_MANY = { resource: 'lead', operation: 'getMany' };

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: [...LEADS, { LastName: 'Nameless', Phone: '9845098450' }] });

describe('From List (searchLeads)', () => {
	it('without a search text: the newest leads, 50 a page, with a token for the next page', async () => {
		const credentials = sandboxCredentials(sandbox);
		const first = await listSearch('searchLeads', credentials, '', GET, undefined, 'parameters.lead');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Nameless (9845098450)', value: expect.any(String) });
		expect(first.results[1]).toEqual({ name: 'First59 Last59 (lead59@example.com)', value: expect.any(String) });
		expect(first.paginationToken).toBe('2');
		const second = await listSearch('searchLeads', credentials, '', GET, first.paginationToken, 'parameters.lead');
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((entry) => entry.value)).size).toBe(61);
		expect(calls(sandbox, 'Leads.Get').map((entry) => (entry.body as { Columns: unknown }).Columns)).toEqual([
			{ Include_CSV: 'ProspectID,FirstName,LastName,EmailAddress,Phone,Mobile' },
			{ Include_CSV: 'ProspectID,FirstName,LastName,EmailAddress,Phone,Mobile' },
		]);
	});

	it('with a search text: LeadSquared\'s quick search', async () => {
		const result = await listSearch('searchLeads', sandboxCredentials(sandbox), 'last5', GET, undefined, 'parameters.lead');
		expect(calls(sandbox, 'Leads.GetByQuickSearch').map((entry) => entry.query.key)).toEqual(['last5']);
		expect(result.results.map((entry) => entry.name)).toEqual([
			'First5 Last5 (lead5@example.com)',
			...Array.from({ length: 10 }, (_, i) => `First${50 + i} Last${50 + i} (lead${50 + i}@example.com)`),
		]);
	});
});

describe('field lists', () => {
	it('Fields to Return: every field, custom field sets included, by display name', async () => {
		const options = await loadOptions('getLeadFieldNames', sandboxCredentials(sandbox), GET_MANY, 'parameters.options.fieldsToReturn');
		const values = options.map((option) => option.value);
		expect(values).toEqual(expect.arrayContaining(['FirstName', 'EmailAddress', 'mx_City', 'mx_KYC', 'ProspectID']));
		expect(options.map((option) => option.name)).toEqual([...options.map((option) => option.name)].sort((a, b) => a.localeCompare(b)));
		expect(options.find((option) => option.value === 'mx_City')?.name).toBe('City (mx_City)');
	});

	it('conditions and Sort Field: no custom field sets, and the lead number (ProspectAutoId)', async () => {
		const options = await loadOptions('getLeadSearchFields', sandboxCredentials(sandbox), GET_MANY, 'parameters.conditions.condition[0].field');
		const values = options.map((option) => option.value);
		expect(values).toEqual(expect.arrayContaining(['Score', 'mx_Date_of_Birth', 'ProspectAutoId']));
		expect(values).not.toContain('mx_KYC');
		expect(options.find((option) => option.value === 'Score')?.description).toBe('Number');
	});
});
