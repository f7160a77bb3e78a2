/**
 * Account → Get Many (`CompanyManagement.svc/Company.Get`) through n8n's engine against the sandbox: the
 * `Query` (type, SearchText, FilterBy, DateRange), Return All / Limit paging under the sandbox's default
 * unstable order of ties, the flattened `companyPropertyList`, Typed Values, and the refusals.
 */
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { ACME, NORTHWIND, props, X } from '../sandbox/crm-extra-client';
import { ADMIN_ID, expectNoKeys, parameters, post } from './pipeline-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
const MANY = 130;

beforeAll(async () => {
	sandbox = await openSandbox();
	for (let index = 0; index < MANY; index++) {
		const res = await post(sandbox, X.companyCreate, { CompanyType: { CompanyTypeName: 'Partners' }, CompanyProperties: props({ CompanyName: `Bulk ${index}`, City: 'Same' }) });
		if (res.status !== 200) throw new Error(res.text);
	}
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.log.length = 0;
});

const node = { typeVersion: 1.1 };
const reads = (): RequestLogEntry[] => calls(sandbox, 'Company.Get');
const partners = () => sandbox.accounts().companies.filter((company) => company.CompanyTypeName === 'Partners');

describe('Account → Get Many', () => {
	it('Return All: every account of the type once, oldest first, in pages (read again when ties moved across pages), flat and typed', async () => {
		const result = await runLeadSquared({ parameters: parameters('account', 'getMany', { accountType: 'Partners', returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect([result.status, result.error?.message, result.error?.description]).toEqual(['success', undefined, undefined]);
		expect(result.items).toHaveLength(MANY + 2);
		const ids = result.items.map((item) => item.json.CompanyId);
		expect(new Set(ids)).toEqual(new Set(partners().map((company) => company.CompanyId)));
		const created = result.items.map((item) => String(item.json.CreatedOn));
		expect(created).toEqual([...created].sort());
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const page = (PageIndex: number, PageSize: number) => ({
			Query: { CompanyType: { CompanyTypeName: 'Partners' } },
			Sorting: { ColumnName: 'CreatedOn', Direction: '0' },
			Paging: { PageIndex, PageSize },
		});
		const bodies = reads().map((entry) => entry.body);
		expect(bodies.slice(0, 2)).toEqual([page(1, 100), page(2, 100)]);
		// Accounts created in the same second come in a new order on every call: when pages overlapped, the list is read again whole.
		expect(bodies.slice(2)).toEqual(bodies.length > 2 ? [page(1, MANY + 2)] : []);
		const acme = result.items.find((item) => item.json.CompanyId === ACME.id)?.json;
		expect(acme).toMatchObject({ CompanyName: ACME.name, Phone: '+91-8923748971', OwnerId: ADMIN_ID, OwnerName: 'Sandbox Admin', Description: null, mx_Employees: '120' });
		expect(acme?.CreatedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expect(acme).not.toHaveProperty('companyPropertyList');
		expectNoKeys(sandbox, result);
	});

	it('a Limit is one call of exactly that size; Typed Values off keeps LeadSquared\'s text', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'getMany', { accountType: 'Partners', limit: 3 }, { sortBy: 'CompanyName', sortDirection: 'descending', typedValues: false }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(reads()).toHaveLength(1);
		expect(reads()[0].body).toMatchObject({ Sorting: { ColumnName: 'CompanyName', Direction: '1' }, Paging: { PageIndex: 1, PageSize: 3 } });
		expect(result.items.map((item) => item.json.CompanyName)).toEqual(['Northwind Finance', 'Bulk 99', 'Bulk 98']);
		expect(String(result.items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});

	it('SearchText, a field condition and a date range go in the Query; fields to return add CompanyId', async () => {
		const result = await runLeadSquared({
			parameters: parameters(
				'account',
				'getMany',
				{
					accountType: 'Partners',
					searchText: 'finance',
					filters: { condition: { field: 'Stage', operator: 'notEqual', value: 'Partner' }, dateRange: { dateField: 'CreatedOn', from: '2000-01-01T00:00:00Z', to: '2999-01-01T05:30:00+05:30' } },
					returnAll: true,
				},
				{ fieldsToReturn: 'CompanyName, Phone' },
			),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(reads()[0].body).toEqual({
			Query: {
				CompanyType: { CompanyTypeName: 'Partners' },
				SearchText: 'finance',
				DateRange: { DateField: 'CreatedOn', FromDate: '2000-01-01 00:00:00', ToDate: '2999-01-01 00:00:00' },
				FilterBy: { LookupName: 'Stage', LookupValue: 'Partner', SqlOperator: '<>' },
			},
			Columns: { Include_CSV: 'CompanyId,CompanyName,Phone' },
			Sorting: { ColumnName: 'CreatedOn', Direction: '0' },
			Paging: { PageIndex: 1, PageSize: 100 },
		});
		expect(result.items.map((item) => item.json)).toEqual([{ CompanyId: NORTHWIND.id, CompanyName: 'Northwind Finance', Phone: '+91-8928391232' }]);
	});

	it('nothing found gives no item for that input item; each item reads its own type', async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'getMany', { accountType: '={{ $json.type }}', searchText: '={{ $json.text }}', returnAll: true }),
			items: [{ type: 'Partners', text: 'no such account' }, { type: 'Vendors', text: '' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.CompanyName])).toEqual([[{ item: 1 }, 'Water Services']]);
	});

	it("an unknown account type or field fails its item in LeadSquared's words; continue on fail keeps the others paired", async () => {
		const result = await runLeadSquared({
			parameters: parameters('account', 'getMany', { accountType: '={{ $json.type }}', filters: { condition: { field: '={{ $json.field }}', operator: 'equals', value: 'x' } }, returnAll: true }),
			items: [{ type: 'Resellers', field: 'City' }, { type: 'Partners', field: 'Nope' }, { type: 'Vendors', field: 'mx_Payment_Terms' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toMatch(/^Account type "Resellers" does not exist in this LeadSquared account/);
		expect(result.items[1].json).toMatchObject({ error: expect.stringMatching(/^LeadSquared refused the request: /), details: { exceptionType: 'MXUnknownAttributeException', itemIndex: 1 } });
	});
});
