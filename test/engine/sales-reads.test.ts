/**
 * Sales Activity → Get (`RetrieveActivity`) and Get Many (`RetrieveByLeadId`) through n8n's engine against
 * the sandbox: one flat record per sale (the sale's keys, each field under its schema name), typed by each
 * field's DataType; a sale that does not exist; a lead's sales newest first, Return All / Limit.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA, expectNoKeys, seedLead } from './pipeline-support';
import { ENGINEERING, newSale, node, PRODUCT, sales } from './sales-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

describe('Sales Activity → Get', () => {
	it('one flat record per item: the amount as a number, the sales date as ISO 8601 (Typed Values); LeadSquared text without', async () => {
		const leadId = await seedLead(sandbox, 'read@example.com');
		const id = await newSale(sandbox, leadId, { Revenue: '1499.50', SalesOwnerEmail: ASHA.email, SalesDate: '2026-03-01 10:11:34' });
		const result = await runLeadSquared({ parameters: sales('get', { salesActivityId: '={{ $json.id }}' }), items: [{ id }], credentials: sandboxCredentials(sandbox), node });

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'SalesActivity.RetrieveActivity').map((entry) => entry.query)).toEqual([{ activityId: id }]);
		expect(result.items).toEqual([
			{
				json: {
					ID: id,
					Name: 'Sales Activity - New',
					DisplayName: 'Sales Activity',
					DefaultCurrencySymbol: '₹',
					DefaultCurrencyAbbreviation: 'INR',
					DefaultCurrencyName: 'Indian Rupee',
					CustomerStageName: 'Customer',
					ConvertToCustomer: true,
					Status: 'Open',
					mx_Custom_1: PRODUCT.id,
					ProductName: '01 - Sample Product',
					mx_Custom_2: 1499.5,
					mx_Custom_3: '2026-03-01T10:11:34.000Z',
					mx_Custom_4: ASHA.id,
					SalesOwner: 'Asha Rao',
					mx_Custom_5: null,
					mx_Custom_6: null,
				},
				pairedItem: { item: 0 },
			},
		]);

		const text = await runLeadSquared({ parameters: sales('get', { salesActivityId: id }, { typedValues: false }), credentials: sandboxCredentials(sandbox), node });
		expect(text.items[0].json).toMatchObject({ mx_Custom_2: '1499.50', mx_Custom_3: '2026-03-01 10:11:34' });
		expectNoKeys(sandbox, result);
	});

	it('a sale that does not exist gives no item (the others go on), or fails its item with Fail When Not Found', async () => {
		const leadId = await seedLead(sandbox, 'missing@example.com');
		const id = await newSale(sandbox, leadId);
		const missing = 'b0000000-0000-0000-0000-000000000000';
		const quiet = await runLeadSquared({ parameters: sales('get', { salesActivityId: '={{ $json.id }}' }), items: [{ id: missing }, { id }], credentials: sandboxCredentials(sandbox), node });
		expect(quiet.status).toBe('success');
		expect(quiet.items.map((item) => [item.json.ID, item.pairedItem])).toEqual([[id, { item: 1 }]]);

		const loud = await runLeadSquared({
			parameters: sales('get', { salesActivityId: '={{ $json.id }}' }, { failWhenNotFound: true }),
			items: [{ id: missing }, { id }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(loud.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(loud.errorItems[0].pairedItem).toEqual({ item: 0 });
		expect(loud.errorItems[0].json.error).toMatchObject({ message: `No sales activity with the ID "${missing}" was found in LeadSquared`, itemIndex: 0 });
	});

	it('other refusals are not "not found": they fail the item', async () => {
		sandbox.injectFault({ type: 'json', status: 500, endpoint: 'SalesActivity.RetrieveActivity', body: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: 'You do not have permission to view this sales activity' } });
		const result = await runLeadSquared({ parameters: sales('get', { salesActivityId: 'x-1' }), credentials: sandboxCredentials(sandbox), continueOnFail: true, node });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('LeadSquared refused the request: You do not have permission to view this sales activity');
	});
});

describe('Sales Activity → Get Many', () => {
	it("a lead's sales, newest sales date first, each as a flat typed record; Limit keeps the newest; a lead without sales gives no item", async () => {
		const leadId = await seedLead(sandbox, 'history@example.com');
		const quietLead = await seedLead(sandbox, 'quiet@example.com');
		const march = await newSale(sandbox, leadId, { SalesDate: '2026-03-01 10:00:00' });
		const may = await newSale(sandbox, leadId, { SalesDate: '2026-05-01 10:00:00', Status: 'Won', ProductSku: ENGINEERING.sku, Revenue: '250000' });
		const january = await newSale(sandbox, leadId, { SalesDate: '2026-01-15 09:00:00', Status: 'Lost' });

		const all = await runLeadSquared({
			parameters: sales('getMany', { leadId: '={{ $json.leadId }}', returnAll: true }),
			items: [{ leadId: quietLead }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(all.status).toBe('success');
		expect(calls(sandbox, 'SalesActivity.RetrieveByLeadId').map((entry) => entry.query)).toEqual([
			{ leadId: quietLead, includeOption: 'false' },
			{ leadId, includeOption: 'false' },
		]);
		expect(all.items.map((item) => [item.json.ID, item.json.Status, item.json.mx_Custom_3, item.pairedItem])).toEqual([
			[may, 'Won', '2026-05-01T10:00:00.000Z', { item: 1 }],
			[march, 'Open', '2026-03-01T10:00:00.000Z', { item: 1 }],
			[january, 'Lost', '2026-01-15T09:00:00.000Z', { item: 1 }],
		]);
		expect(all.items[0].json).toMatchObject({ Name: 'Sales Activity - New', DisplayName: 'Sales Activity', mx_Custom_1: ENGINEERING.id, ProductName: 'ENG-101 - Engineering Course', mx_Custom_2: 250000 });

		const newest = await runLeadSquared({ parameters: sales('getMany', { leadId, limit: 2 }, { typedValues: false }), credentials: sandboxCredentials(sandbox), node });
		expect(newest.items.map((item) => [item.json.ID, item.json.mx_Custom_2])).toEqual([
			[may, '250000'],
			[march, '1200'],
		]);
	});

	it('a read that fails fails its item only (continue on fail), paired', async () => {
		const leadId = await seedLead(sandbox, 'fails@example.com');
		await newSale(sandbox, leadId);
		sandbox.injectFault({ type: 'html', status: 404, endpoint: 'SalesActivity.RetrieveByLeadId' });
		const result = await runLeadSquared({
			parameters: sales('getMany', { leadId: '={{ $json.leadId }}', returnAll: true }),
			items: [{ leadId }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	});
});
