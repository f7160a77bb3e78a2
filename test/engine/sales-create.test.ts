/**
 * Sales Activity → Create (`SalesActivity.svc/Create`) through n8n's engine against the sandbox: one sales
 * activity per product line with the documented body, revenue = quantity × unit price in exact decimals,
 * products checked against the account (RetrieveProducts, every answer form) before anything is sent,
 * LeadSquared's refusals on the item, and a line refused after others were created.
 */
import type { Sandbox } from '../../sandbox';
import { listSearch, runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA, expectNoKeys, locator, seedLead } from './pipeline-support';
import { createWith, creates, ENGINEERING, line, MBA, node, PRODUCT, productReads } from './sales-support';
import { useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

afterEach(() => sandbox.configure({ productsAnswer: undefined, products: undefined }));

describe('Sales Activity → Create', () => {
	it('two product lines become two sales activities, in order, with the documented body; the output lists them', async () => {
		const leadId = await seedLead(sandbox, 'buyer@example.com');
		const result = await runLeadSquared({
			parameters: createWith([line(PRODUCT.id, 2, 600), line('ENG-101', '3', '19.99', 'sku')], {
				status: 'Won',
				additionalFields: { salesDate: '2026-03-01T10:11:34Z', salesOwner: locator(ASHA.email, 'email') },
			}),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const common = { ProspectId: leadId, Status: 'Won', SalesOwnerEmail: ASHA.email, SalesDate: '2026-03-01 10:11:34' };
		expect(creates(sandbox).map((entry) => entry.body)).toEqual([
			{ ...common, ProductSku: '01', Revenue: '1200' },
			{ ...common, ProductSku: 'ENG-101', Revenue: '59.97' },
		]);
		const [first, second] = sandbox.salesActivities();
		expect([first, second]).toEqual([
			expect.objectContaining({ ProspectId: leadId, ProductId: PRODUCT.id, Revenue: '1200', Status: 'Won', SalesOwner: ASHA.id }),
			expect.objectContaining({ ProspectId: leadId, ProductId: ENGINEERING.id, Revenue: '59.97' }),
		]);
		expect(result.items).toEqual([
			{
				json: {
					status: 'Success',
					leadId,
					saleStatus: 'Won',
					salesActivities: [
						{ salesActivityId: first.Id, productId: PRODUCT.id, productSku: '01', productName: 'Sample Product', quantity: 2, unitPrice: 600, revenue: 1200 },
						{ salesActivityId: second.Id, productId: ENGINEERING.id, productSku: 'ENG-101', productName: 'Engineering Course', quantity: 3, unitPrice: 19.99, revenue: 59.97 },
					],
					totalRevenue: 1259.97,
				},
				pairedItem: { item: 0 },
			},
		]);
		// Each product was looked up by the exact key RetrieveProducts takes, before the first sale was posted.
		expect(productReads(sandbox).map((entry) => (entry.body as { Parameter: unknown }).Parameter)).toEqual([{ Id: PRODUCT.id }, { ProductSku: 'ENG-101' }]);
		expect(sandbox.log.findIndex((entry) => entry.endpoint === 'SalesActivity.Create')).toBeGreaterThan(sandbox.log.findIndex((entry) => entry.endpoint === 'SalesActivity.RetrieveProducts'));
		// A Won sale moves the lead to the customer stage (the account's ConvertToCustomer setting).
		expect(sandbox.findLeads((lead) => lead.ProspectID === leadId)[0].ProspectStage).toBe('Customer');
		expectNoKeys(sandbox, result);
	});

	it("one line per item: the sale's id at the top; the owner from the list; a date in the workflow's time zone; a product looked up once per run", async () => {
		const leadId = await seedLead(sandbox, 'many@example.com');
		const result = await runLeadSquared({
			parameters: createWith([line(MBA.id, 1, '={{ $json.price }}', 'id')], { additionalFields: { salesDate: '2026-03-01 10:00', salesOwner: locator(ASHA.id) } }, { dateTimezone: 'workflow' }),
			items: [
				{ leadId, price: 250000 },
				{ leadId, price: '199999.5' },
			],
			credentials: sandboxCredentials(sandbox),
			timezone: 'Asia/Kolkata',
			node,
		});

		expect(result.status).toBe('success');
		expect(creates(sandbox).map((entry) => entry.body)).toEqual([
			{ ProspectId: leadId, ProductSku: 'MBA-201', Status: 'Open', Revenue: '250000', SalesOwner: ASHA.id, SalesDate: '2026-03-01 04:30:00' },
			{ ProspectId: leadId, ProductSku: 'MBA-201', Status: 'Open', Revenue: '199999.5', SalesOwner: ASHA.id, SalesDate: '2026-03-01 04:30:00' },
		]);
		expect(productReads(sandbox)).toHaveLength(1);
		const ids = sandbox.salesActivities().map((sale) => sale.Id);
		expect(result.items.map((item) => [item.json.salesActivityId, item.json.totalRevenue, item.pairedItem])).toEqual([
			[ids[0], 250000, { item: 0 }],
			[ids[1], 199999.5, { item: 1 }],
		]);
	});

	it("an unknown lead fails its item with LeadSquared's exception; the other item is created; error output paired", async () => {
		const leadId = await seedLead(sandbox, 'known@example.com');
		const result = await runLeadSquared({
			parameters: createWith([line('01', 1, 10, 'sku')]),
			items: [{ leadId: 'b0000000-0000-0000-0000-000000000000' }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 0 });
		expect(result.errorItems[0].json.error).toMatchObject({
			message: 'LeadSquared refused the request: Lead does not exist in the system',
			exceptionType: 'MXInvalidEntityException',
			itemIndex: 0,
		});
		expect(sandbox.salesActivities().map((sale) => sale.ProspectId)).toEqual([leadId]);
	});

	it('a product the account does not have stops the node before any sale is posted, naming the item and the line', async () => {
		const leadId = await seedLead(sandbox, 'unknown-product@example.com');
		const result = await runLeadSquared({
			parameters: createWith([line('01', 1, 10, 'sku'), line('={{ $json.sku }}', 1, 10, 'sku')]),
			items: [{ leadId, sku: 'ENG-101' }, { leadId, sku: 'NOPE-1' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Product line 2: your LeadSquared account has no product with SKU "NOPE-1" [item 1]');
		expect(result.error?.description).toMatch(/Manage Products/);
		expect(creates(sandbox)).toEqual([]);
	});

	it('a SKU in another letter case is the product; an account that ignores the exact key: the whole list is read to find it', async () => {
		const leadId = await seedLead(sandbox, 'case@example.com');
		// The first look-up answers a page of other products, as an account ignoring Parameter.ProductSku would.
		sandbox.injectFault({ type: 'json', endpoint: 'SalesActivity.RetrieveProducts', body: { RecordCount: 1, List: [{ ProductId: PRODUCT.id, ProductSku: '01', Name: 'Sample Product' }] } });
		const result = await runLeadSquared({ parameters: createWith([line('eng-101', 1, 10, 'sku')]), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(creates(sandbox)[0].body).toMatchObject({ ProductSku: 'ENG-101' });
		expect(productReads(sandbox).map((entry) => (entry.body as { Parameter: unknown }).Parameter)).toEqual([{ ProductSku: 'eng-101' }, { SearchText: '' }]);
	});

	it('RetrieveProducts unavailable (HTTP 404): products go unchecked (SKU as ProductSku, ID as ProductId); a line LeadSquared then refuses fails the item, naming the sales activities already created', async () => {
		const leadId = await seedLead(sandbox, 'partial@example.com');
		sandbox.injectFault({ type: 'status', status: 404, endpoint: 'SalesActivity.RetrieveProducts', body: 'Not Found', count: Infinity });
		try {
			const result = await runLeadSquared({
				parameters: createWith([line('ENG-101', 1, 100, 'sku'), line(MBA.id, 2, 50, 'id'), line('NOPE', 1, 1, 'sku')]),
				items: [{ leadId }],
				credentials: sandboxCredentials(sandbox),
				errorOutput: true,
				node,
			});
			expect(productReads(sandbox)).toHaveLength(1);
			expect(creates(sandbox).map((entry) => entry.body)).toEqual([
				{ ProspectId: leadId, ProductSku: 'ENG-101', Status: 'Open', Revenue: '100' },
				{ ProspectId: leadId, ProductId: MBA.id, Status: 'Open', Revenue: '100' },
				{ ProspectId: leadId, ProductSku: 'NOPE', Status: 'Open', Revenue: '1' },
			]);
			const created = sandbox.salesActivities().map((sale) => sale.Id);
			expect(created).toHaveLength(2);
			expect(result.items).toEqual([]);
			const error = result.errorItems[0].json.error as Record<string, unknown>;
			expect(error).toMatchObject({
				message: "Product line 3 of 3 failed: LeadSquared refused the request: Product 'NOPE' does not exist",
				exceptionType: 'MXInvalidInputException',
				itemIndex: 0,
				createdSalesActivities: [
					{ salesActivityId: created[0], productId: null, productSku: 'ENG-101', productName: null, quantity: 1, unitPrice: 100, revenue: 100 },
					{ salesActivityId: created[1], productId: MBA.id, productSku: null, productName: null, quantity: 2, unitPrice: 50, revenue: 100 },
				],
			});
			expect(error.description).toContain(`Lines 1 to 2 were created as sales activities ${created[0]}, ${created[1]}`);
		} finally {
			sandbox.clearFaults();
		}
	});

	it.each(['list', 'array'] as const)('RetrieveProducts answering %s: the picker lists every product once by name, searches, and Create checks against it', async (form) => {
		sandbox.configure({ productsAnswer: form, products: Array.from({ length: 130 }, (_, n) => ({ sku: `SKU-${String(n).padStart(3, '0')}`, name: `Course ${String(n).padStart(3, '0')}` })) });
		sandbox.reset();
		const all = await listSearch('searchProducts', sandboxCredentials(sandbox));
		expect(all.results).toHaveLength(130);
		expect(all.results[0]).toEqual({ name: 'Course 000 (SKU SKU-000)', value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(new Set(all.results.map((entry) => entry.value)).size).toBe(130);
		const found = await listSearch('searchProducts', sandboxCredentials(sandbox), 'course 12');
		expect(found.results.map((entry) => entry.name)).toEqual(Array.from({ length: 10 }, (_, n) => `Course 12${n} (SKU SKU-12${n})`));

		const leadId = await seedLead(sandbox, `form-${form}@example.com`);
		sandbox.log.length = 0;
		const result = await runLeadSquared({
			parameters: createWith([line(String(found.results[3].value), 1, 5), line('SKU-007', 1, 5, 'sku'), line('SKU-999', 1, 5, 'sku')]),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.error?.message).toBe('Product line 3: your LeadSquared account has no product with SKU "SKU-999" [item 0]');
		expect(creates(sandbox)).toEqual([]);
	});
});
