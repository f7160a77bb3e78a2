/**
 * Sales Activity → Update (`SalesActivity.svc/Update`) and Cancel (`SalesActivity.svc/Cancel`) through n8n's
 * engine against the sandbox: only what is given is sent; a status is checked by reading the sale back;
 * a cancellation answers the id of the cancellation LeadSquared records.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA, expectNoKeys, locator, seedLead } from './pipeline-support';
import { ENGINEERING, newSale, node, sales } from './sales-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

afterEach(() => sandbox.configure({ salesUpdateStatus: undefined }));

const updates = () => calls(sandbox, 'SalesActivity.Update');

describe('Sales Activity → Update', () => {
	it('sends only what is given (product by SKU, quantity × unit price, owner, date, the lead); outputs what was sent', async () => {
		const leadId = await seedLead(sandbox, 'update@example.com');
		const id = await newSale(sandbox, leadId);
		const result = await runLeadSquared({
			parameters: sales('update', {
				salesActivityId: '={{ $json.id }}',
				leadId: '={{ $json.leadId }}',
				updateFields: { product: locator('ENG-101', 'sku'), quantity: 2, unitPrice: 700.25, salesOwner: locator(ASHA.email, 'email'), salesDate: '2026-04-02T08:00:00Z' },
			}),
			items: [{ id, leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const sent = { ProductSku: 'ENG-101', Revenue: '1400.5', SalesOwnerEmail: ASHA.email, SalesDate: '2026-04-02 08:00:00' };
		expect(updates().map((entry) => entry.body)).toEqual([{ Id: id, ProspectId: leadId, ...sent }]);
		expect(sandbox.salesActivities()[0]).toMatchObject({ ProductId: ENGINEERING.id, Revenue: '1400.5', SalesOwner: ASHA.id, SalesDate: '2026-04-02 08:00:00', Status: 'Open' });
		expect(result.items).toEqual([{ json: { status: 'Success', salesActivityId: id, leadId, updated: { ...sent, Revenue: 1400.5 } }, pairedItem: { item: 0 } }]);
		// No status given: the sale is not read back.
		expect(calls(sandbox, 'SalesActivity.RetrieveActivity')).toEqual([]);
		expectNoKeys(sandbox, result);
	});

	it('a status LeadSquared ignores fails the item and says so (the other fields were applied); one it applies is confirmed by reading the sale back', async () => {
		const leadId = await seedLead(sandbox, 'status@example.com');
		const id = await newSale(sandbox, leadId);
		const run = async () =>
			await runLeadSquared({
				parameters: sales('update', { salesActivityId: id, updateFields: { status: 'Won', unitPrice: '900' } }),
				credentials: sandboxCredentials(sandbox),
				continueOnFail: true,
				node,
			});

		const ignored = await run();
		expect(updates()[0].body).toEqual({ Id: id, Revenue: '900', Status: 'Won' });
		expect(ignored.items[0].json.error).toBe('LeadSquared updated the sales activity but did not change its status to Won (it is Open)');
		expect(sandbox.salesActivities()[0]).toMatchObject({ Status: 'Open', Revenue: '900' });

		sandbox.configure({ salesUpdateStatus: 'apply' });
		const applied = await run();
		expect(applied.items).toEqual([{ json: { status: 'Success', salesActivityId: id, updated: { Revenue: 900, Status: 'Won' } }, pairedItem: { item: 0 } }]);
		expect(calls(sandbox, 'SalesActivity.RetrieveActivity')).toHaveLength(2);
		expect(sandbox.salesActivities()[0].Status).toBe('Won');
	});

	it("an unknown sales activity fails its item with LeadSquared's exception; the other item is updated", async () => {
		const leadId = await seedLead(sandbox, 'unknown-sale@example.com');
		const id = await newSale(sandbox, leadId);
		const result = await runLeadSquared({
			parameters: sales('update', { salesActivityId: '={{ $json.id }}', updateFields: { unitPrice: 5 } }),
			items: [{ id: 'b0000000-0000-0000-0000-000000000000' }, { id }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.errorItems[0]).toMatchObject({ pairedItem: { item: 0 }, json: { error: { message: 'LeadSquared refused the request: Sales activity does not exist', exceptionType: 'MXInvalidEntityException' } } });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(sandbox.salesActivities()[0].Revenue).toBe('5');
	});
});

describe('Sales Activity → Cancel', () => {
	it('cancels with the reason; the output gives the id LeadSquared answered: its cancellation, not the sale', async () => {
		const leadId = await seedLead(sandbox, 'cancel@example.com');
		const id = await newSale(sandbox, leadId);
		const result = await runLeadSquared({
			parameters: sales('cancel', { salesActivityId: '={{ $json.id }}', reason: 'Deal is not done.' }),
			items: [{ id }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(calls(sandbox, 'SalesActivity.Cancel').map((entry) => entry.body)).toEqual([{ activityId: id, activityEventNote: 'Deal is not done.' }]);
		const [sale] = sandbox.salesActivities();
		expect(sale).toMatchObject({ Cancelled: true, Cancellation: { Note: 'Deal is not done.' } });
		expect(result.items).toEqual([
			{ json: { status: 'Success', salesActivityId: id, cancelled: true, cancellationId: sale.Cancellation?.Id, reason: 'Deal is not done.' }, pairedItem: { item: 0 } },
		]);
		expect(result.items[0].json.cancellationId).not.toBe(id);
	});

	it('the same sale twice in one run: the first cancels, the second fails with LeadSquared\'s answer (never at the same time); an unknown id fails', async () => {
		const leadId = await seedLead(sandbox, 'twice@example.com');
		const id = await newSale(sandbox, leadId);
		const result = await runLeadSquared({
			parameters: sales('cancel', { salesActivityId: '={{ $json.id }}' }),
			items: [{ id }, { id }, { id: 'nope' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		// The unknown id goes out alongside; the two calls for the sale one after the other.
		const bodies = calls(sandbox, 'SalesActivity.Cancel').map((entry) => entry.body);
		expect(bodies).toHaveLength(3);
		expect(bodies.filter((body) => (body as { activityId: string }).activityId === id)).toEqual([
			{ activityId: id, activityEventNote: '' },
			{ activityId: id, activityEventNote: '' },
		]);
		expect(result.items.map((item) => [item.json.error ?? item.json.cancelled, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			['LeadSquared refused the request: The sales activity has been cancelled', { item: 1 }],
			['LeadSquared refused the request: Sales activity does not exist', { item: 2 }],
		]);
	});
});
