/**
 * Accounts end to end in one workflow (12-account-chain): two companies become accounts of the type
 * Partners (Account → Create: a name, fields, the owner by e-mail), each gets a partner meeting (Account
 * Activity → Create: type 10001 with its mandatory Agenda, a date and a meeting date in another zone), is made
 * a partner (Account → Update: Stage only), its activities are read back (Account Activity → Get Many), and
 * the scenario's accounts are searched by name once (Account → Get Many, Execute Once). Each step's output
 * and pairing, the calls, and what the sandbox holds afterwards.
 */
import { findLeaks, itemsOf, secretNeedles } from '../support';
import type { LineRun, OutputItem } from '../support';

const WORKFLOW = 'e2eAccountChain';
const ZENITH = 'E2E Account Zenith Learning';
const ORBIT = 'E2E Account Orbit Finance';
const ASHA = { id: '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4', name: 'Asha Rao' };
/** The sandbox's API user: LeadSquared's default owner of what the keys create. */
const API_USER = '7c4d3a2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
/** The endpoints the workflow calls (the sandbox log's names). */
const ACCOUNT_CALLS = ['Company.Create', 'CompanyActivity.Create', 'Company.Update', 'CompanyActivity.Retrieve', 'Company.Get'];

const paired = (items: OutputItem[]) => items.map((item) => item.pairedItem);

/** A Scenario (./index; not imported from there, so that the two modules do not import each other). */
export const accountChain = {
	name: 'Account chain: Create account → Create account activity → Update account → Get Many account activities → Get Many accounts',
	workflows: [WORKFLOW],
	checks(run: () => LineRun): void {
		const execution = () => run().executions[WORKFLOW];
		const step = (node: string) => itemsOf(execution(), node);
		const companies = () => run().sandbox.accounts().companies.filter((company) => company.Values.CompanyName?.startsWith('E2E Account'));
		/** The two accounts' ids in input order (Zenith first). */
		const accountIds = () => [ZENITH, ORBIT].map((name) => String(companies().find((company) => company.Values.CompanyName === name)?.CompanyId));
		const activities = () => run().sandbox.accounts().activities.filter((activity) => accountIds().includes(activity.RelatedCompanyId));
		const calls = (endpoint: string) => run().sandbox.log.filter((entry) => entry.endpoint === endpoint);

		it('runs to the end', () => {
			expect(execution()?.status).toBe('success');
			expect(execution()?.data.resultData.error).toBeUndefined();
		});

		it('Create Account: one Partners account per company, its owner (by e-mail) sent as her user id, its fields; the account id out, paired', () => {
			const items = step('Create Account');
			expect(items.map((item) => item.json)).toEqual(accountIds().map((accountId) => ({ status: 'Success', accountId })));
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(calls('Company.Create').map((entry) => entry.body)).toEqual(
				expect.arrayContaining([
					{
						CompanyType: { CompanyTypeName: 'Partners' },
						CompanyProperties: [
							{ Attribute: 'CompanyName', Value: ZENITH },
							{ Attribute: 'OwnerId', Value: ASHA.id },
							{ Attribute: 'City', Value: 'Pune' },
							{ Attribute: 'Stage', Value: 'Prospect' },
							{ Attribute: 'mx_Industry', Value: 'Education' },
							{ Attribute: 'mx_Employees', Value: '85' },
						],
					},
				]),
			);
			expect(calls('Company.Create')).toHaveLength(2);
			expect(companies().map((company) => [company.CompanyTypeName, company.Values.CompanyName, company.Values.OwnerId, company.Values.City, company.Values.mx_Industry, company.Values.mx_Employees]).sort()).toEqual([
				['Partners', ORBIT, ASHA.id, 'Chennai', 'Finance', '240'],
				['Partners', ZENITH, ASHA.id, 'Pune', 'Education', '85'],
			]);
		});

		it("Create Account Activity: a partner meeting (10001) on each new account, its Agenda from the company's item, dates in UTC", () => {
			const items = step('Create Account Activity');
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(items.map((item) => item.json.accountId)).toEqual(accountIds());
			expect(items.map((item) => item.json)).toEqual(
				accountIds().map((accountId) => ({
					status: 'Success',
					accountId,
					accountActivityId: activities().find((activity) => activity.RelatedCompanyId === accountId)?.CompanyActivityId,
				})),
			);
			expect(activities().map((activity) => [activity.RelatedCompanyId, activity.ActivityEvent, activity.ActivityNote, activity.ActivityDateTime, activity.Fields])).toEqual(
				expect.arrayContaining([
					[accountIds()[0], 10001, `Meeting with ${ZENITH}`, '2026-03-05 09:30:00', { Owner: API_USER, mx_Custom_1: 'Annual partnership review', Status: 'Active', mx_Custom_2: '2026-03-06 10:00:00' }],
					[accountIds()[1], 10001, `Meeting with ${ORBIT}`, '2026-03-05 09:30:00', { Owner: API_USER, mx_Custom_1: 'Co-branded loan scheme', Status: 'Active', mx_Custom_2: '2026-03-06 10:00:00' }],
				]),
			);
			expect(activities()).toHaveLength(2);
		});

		it('Update Account: only Stage sent and changed; the other values kept; the account id out, paired', () => {
			const items = step('Update Account');
			expect(items.map((item) => item.json)).toEqual(accountIds().map((accountId) => ({ status: 'Success', accountId, affectedRows: 1 })));
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			const updates = calls('Company.Update');
			expect(updates.map((entry) => entry.body)).toEqual([
				{ CompanyProperties: [{ Attribute: 'Stage', Value: 'Partner' }] },
				{ CompanyProperties: [{ Attribute: 'Stage', Value: 'Partner' }] },
			]);
			expect(updates.map((entry) => new URL(entry.rawUrl, 'http://sandbox').searchParams.get('companyId')).sort()).toEqual([...accountIds()].sort());
			for (const company of companies()) {
				expect(company.Values).toMatchObject({ Stage: 'Partner', OwnerId: ASHA.id });
				expect(company.Values.City).toBeTruthy();
			}
		});

		it("Get Many Account Activities: each account's meeting, typed, paired to the account's item", () => {
			const items = step('Get Many Account Activities');
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(items.map((item) => item.json)).toEqual(
				accountIds().map((accountId, index) =>
					expect.objectContaining({
						CompanyActivityId: activities().find((activity) => activity.RelatedCompanyId === accountId)?.CompanyActivityId,
						RelatedCompanyId: accountId,
						ActivityEvent: 10001,
						ActivityDisplayName: 'Partner Meeting',
						ActivityNote: `Meeting with ${[ZENITH, ORBIT][index]}`,
						ActivityDateTime: '2026-03-05T09:30:00.000Z',
						ActivityFields: expect.objectContaining({ mx_Custom_1: ['Annual partnership review', 'Co-branded loan scheme'][index], Status: 'Active' }),
					}),
				),
			);
			expect(calls('CompanyActivity.Retrieve').map((entry) => new URL(entry.rawUrl, 'http://sandbox').searchParams.get('companyId')).sort()).toEqual([...accountIds()].sort());
		});

		it("Get Many Accounts (Execute Once): one search by the scenario's names, both accounts as flat records sorted by name, updated, with the owner's name", () => {
			const items = step('Get Many Accounts');
			expect(calls('Company.Get').map((entry) => entry.body)).toEqual([
				{
					Query: { CompanyType: { CompanyTypeName: 'Partners' }, SearchText: 'E2E Account' },
					Sorting: { ColumnName: 'CompanyName', Direction: '0' },
					Paging: { PageIndex: 1, PageSize: 100 },
				},
			]);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }]);
			expect(items.map((item) => item.json)).toEqual([
				expect.objectContaining({ CompanyId: accountIds()[1], CompanyName: ORBIT, Stage: 'Partner', City: 'Chennai', OwnerId: ASHA.id, OwnerName: ASHA.name, mx_Industry: 'Finance', mx_Employees: '240' }),
				expect.objectContaining({ CompanyId: accountIds()[0], CompanyName: ZENITH, Stage: 'Partner', City: 'Pune', OwnerId: ASHA.id, OwnerName: ASHA.name, mx_Industry: 'Education', mx_Employees: '85' }),
			]);
			for (const item of items) {
				expect(item.json).not.toHaveProperty('companyPropertyList');
				expect(item.json.CreatedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
			}
		});

		it("afterwards the sandbox holds the seeded accounts and the two new ones, the new ones' meetings only; no key in the execution, every call authenticated in headers", () => {
			const { companies: all, activities: allActivities } = run().sandbox.accounts();
			expect(all.map((company) => company.Values.CompanyName).sort()).toEqual(['Acme Learning Pvt Ltd', ORBIT, ZENITH, 'Northwind Finance', 'Water Services'].sort());
			expect(allActivities.map((activity) => activity.CompanyActivityId).sort()).toEqual(activities().map((activity) => activity.CompanyActivityId).sort());
			expect(findLeaks([{ what: WORKFLOW, text: JSON.stringify(execution()) }], secretNeedles(run().keys))).toEqual([]);
			const accountCalls = run().sandbox.log.filter((entry) => ACCOUNT_CALLS.includes(entry.endpoint ?? ''));
			expect(accountCalls).toHaveLength(2 + 2 + 2 + 2 + 1);
			expect(accountCalls.every((entry) => entry.auth === 'header' && entry.authOk && entry.status === 200)).toBe(true);
		});
	},
};
