/**
 * Account Activity → Create and Get Many (`CompanyActivity.svc`) through n8n's engine against the sandbox:
 * the documented body (Fields as SchemaName/Value, the owner as a user id), LeadSquared's refusals about the
 * account and the type code, and an account's activities page after page under the sandbox's default
 * unstable order of ties.
 */
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { ACME, NORTHWIND, X } from '../sandbox/crm-extra-client';
import { ADMIN_ID, ASHA, expectNoKeys, locator, parameters, post } from './pipeline-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
const MANY = 130;
const WATER = '5f0c2a8e-3d4b-4e1a-9c7f-1b2d3e4f5a6b';

beforeAll(async () => {
	sandbox = await openSandbox();
	// Many purchase orders on one vendor at the same moment: their order among themselves is not defined.
	for (let index = 0; index < MANY; index++) {
		const res = await post(sandbox, X.companyActivityCreate, { RelatedCompanyId: WATER, ActivityEvent: 10003, ActivityDateTime: '2026-02-01 10:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: `PO-${index}` }] });
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
const fields = (values: Record<string, unknown>) => ({ field: Object.entries(values).map(([name, value]) => ({ name, value })) });
const reads = (): RequestLogEntry[] => calls(sandbox, 'CompanyActivity.Retrieve');

describe('Account Activity → Create', () => {
	it('posts the documented body (Fields by SchemaName, the owner looked up as a user id); outputs the activity and account ids', async () => {
		const result = await runLeadSquared({
			parameters: parameters('accountActivity', 'create', {
				accountId: '={{ $json.account }}',
				activityTypeCode: '={{ $json.code }}',
				note: 'Kick-off',
				activityDate: '2026-03-01T09:00:00Z',
				owner: locator(ASHA.email, 'email'),
				accountActivityFields: fields({ mx_Custom_1: '={{ $json.agenda }}', Status: 'Active', mx_Custom_2: '2026-03-02T15:30:00+05:30' }),
			}),
			items: [{ account: ACME.id, code: 10001, agenda: 'Pricing' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(calls(sandbox, 'CompanyActivity.Create')[0].body).toEqual({
			RelatedCompanyId: ACME.id,
			ActivityEvent: 10001,
			ActivityNote: 'Kick-off',
			ActivityDateTime: '2026-03-01 09:00:00',
			Fields: [
				{ SchemaName: 'Owner', Value: ASHA.id },
				{ SchemaName: 'mx_Custom_1', Value: 'Pricing' },
				{ SchemaName: 'Status', Value: 'Active' },
				{ SchemaName: 'mx_Custom_2', Value: '2026-03-02 10:00:00' },
			],
		});
		const stored = sandbox.accounts().activities.find((activity) => activity.RelatedCompanyId === ACME.id);
		expect(result.items).toEqual([{ json: { status: 'Success', accountActivityId: stored?.CompanyActivityId, accountId: ACME.id }, pairedItem: { item: 0 } }]);
		expect(stored?.Fields).toMatchObject({ Owner: ASHA.id, mx_Custom_1: 'Pricing', Status: 'Active' });
		expectNoKeys(sandbox, result);
	});

	it("LeadSquared's refusals fail their own item: an unknown account, a code of another account type, a value its dropdown does not offer", async () => {
		const unknown = '00000000-0000-4000-8000-000000000002';
		const result = await runLeadSquared({
			parameters: parameters('accountActivity', 'create', { accountId: '={{ $json.account }}', activityTypeCode: '={{ $json.code }}', accountActivityFields: fields({ '={{ $json.field }}': 'x' }) }),
			items: [
				{ account: unknown, code: 10001, field: 'mx_Custom_1' },
				{ account: ACME.id, code: 10003, field: 'mx_Custom_1' },
				{ account: ACME.id, code: 10001, field: 'Status' },
				{ account: NORTHWIND.id, code: 10001, field: 'mx_Custom_1' },
			],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.status])).toEqual([[{ item: 3 }, 'Success']]);
		const errors = result.errorItems.map((item) => ({ paired: item.pairedItem, ...(item.json.error as Record<string, unknown>) }));
		expect(errors).toEqual([
			expect.objectContaining({ paired: { item: 0 }, message: `No account with ID ${unknown} in this LeadSquared account (LeadSquared: "Company does not exist")`, exceptionType: 'MXInvalidEntityException' }),
			expect.objectContaining({ paired: { item: 1 }, message: expect.stringMatching(/^10003 is not an account activity type of this account \(LeadSquared: "Event Code is invalid or empty"\)/) }),
			expect.objectContaining({ paired: { item: 2 }, message: "LeadSquared refused the request: Field name : 'Status' of datatype : 'Dropdown' has an invalid value : 'x'. Allowed values: Active, Inactive", exceptionType: 'MXInvalidActivityFieldsException' }),
		]);
	});
});

describe('Account Activity → Get Many', () => {
	it('Return All: every activity once, newest first, paged by 100 (read again when ties moved across pages); dates typed', async () => {
		const result = await runLeadSquared({ parameters: parameters('accountActivity', 'getMany', { accountId: WATER, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(MANY);
		expect(new Set(result.items.map((item) => (item.json.ActivityFields as Record<string, string>).mx_Custom_1))).toEqual(new Set(Array.from({ length: MANY }, (_, index) => `PO-${index}`)));
		const page = (PageIndex: number, PageSize: number) => ({ Paging: { PageIndex, PageSize } });
		const bodies = reads().map((entry) => entry.body);
		expect(reads().every((entry) => entry.query.companyId === WATER)).toBe(true);
		expect(bodies.slice(0, 2)).toEqual([page(1, 100), page(2, 100)]);
		expect(bodies.slice(2)).toEqual(bodies.length > 2 ? [page(1, MANY)] : []);
		expect(result.items[0].json).toMatchObject({
			RelatedCompanyId: WATER,
			ActivityEvent: 10003,
			ActivityDateTime: '2026-02-01T10:00:00.000Z',
			ActivityDisplayName: 'Purchase Order',
			CreatedOn: expect.stringMatching(/Z$/),
			ActivityFields: { Owner: ADMIN_ID, mx_Custom_1: expect.stringMatching(/^PO-/) },
		});
		expectNoKeys(sandbox, result);
	});

	it('a date window goes in Parameter (UTC); a Limit is one call of that size; Typed Values off keeps the text', async () => {
		await post(sandbox, X.companyActivityCreate, { RelatedCompanyId: NORTHWIND.id, ActivityEvent: 10001, ActivityDateTime: '2026-04-01 08:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Early' }] });
		await post(sandbox, X.companyActivityCreate, { RelatedCompanyId: NORTHWIND.id, ActivityEvent: 10001, ActivityDateTime: '2026-04-03 08:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Late' }] });
		sandbox.log.length = 0;
		const result = await runLeadSquared({
			parameters: parameters('accountActivity', 'getMany', { accountId: NORTHWIND.id, limit: 1 }, { fromDate: '2026-04-02T05:30:00+05:30', toDate: '2026-04-30', typedValues: false }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(reads().map((entry) => entry.body)).toEqual([{ Parameter: { FromDate: '2026-04-02 00:00:00', ToDate: '2026-04-30 00:00:00' }, Paging: { PageIndex: 1, PageSize: 1 } }]);
		expect(result.items.map((item) => [item.json.ActivityDateTime, (item.json.ActivityFields as Record<string, string>).mx_Custom_1])).toEqual([['2026-04-03 08:00:00', 'Late']]);
	});

	it('an account without activities (or an unknown account ID, which LeadSquared answers the same way) gives no item', async () => {
		const result = await runLeadSquared({
			parameters: parameters('accountActivity', 'getMany', { accountId: '={{ $json.id }}', returnAll: true }),
			items: [{ id: '00000000-0000-4000-8000-000000000003' }, { id: ACME.id }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});
