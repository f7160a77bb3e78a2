/**
 * Sales activities end to end in one workflow (10-sales-chain): two orders become leads (Create or Update),
 * each order two sales activities (Create Sales Activity: a product from the list and one by SKU, quantity ×
 * unit price), the first read back (Get), its order value changed (Update), cancelled (Cancel), and the lead's
 * sales read (Get Many). Each step's output and pairing, and what the sandbox holds afterwards.
 */
import { itemsOf, leadByEmail } from '../support';
import type { LineRun, OutputItem } from '../support';

const WORKFLOW = 'e2eSalesChain';
const RAVI = 'ravi@sales.e2e.example';
const SARA = 'sara@sales.e2e.example';
const SAMPLE = '3c8c8d02-8374-11e7-ab78-02de49b06427';
const ASHA_ID = '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4';

const paired = (items: OutputItem[]) => items.map((item) => item.pairedItem);

/** A Scenario (./index; not imported from there, so that the two modules do not import each other). */
export const salesChain = {
	name: 'Sales chain: Create or Update lead → Create sales activity → Get → Update → Cancel → Get Many',
	workflows: [WORKFLOW],
	checks(run: () => LineRun): void {
		const execution = () => run().executions[WORKFLOW];
		const step = (node: string) => itemsOf(execution(), node);
		const leadIds = () => [RAVI, SARA].map((email) => String(leadByEmail(run().sandbox.leads(), email)?.ProspectID));
		const sales = () => run().sandbox.salesActivities().filter((sale) => leadIds().includes(sale.ProspectId));

		it('runs to the end', () => {
			expect(execution()?.status).toBe('success');
			expect(execution()?.data.resultData.error).toBeUndefined();
		});

		it('Create Sales Activity: two sales per order (one per product line), revenue = quantity × unit price, one item per order', () => {
			const items = step('Create Sales Activity');
			expect(items.map((item) => [item.json.leadId, item.json.totalRevenue, (item.json.salesActivities as unknown[]).length])).toEqual([
				[leadIds()[0], 1259.97, 2],
				[leadIds()[1], 750600, 2],
			]);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(sales().map((sale) => [sale.ProspectId, sale.SalesOwner, sale.SalesDate]).every(([, owner, date]) => owner === ASHA_ID && date === '2026-03-01 10:15:00')).toBe(true);
			expect(sales().filter((sale) => sale.ProductId !== SAMPLE).map((sale) => sale.Revenue).sort()).toEqual(['59.97', '750000']);
		});

		it('Get → Update → Cancel: the first sale of each order read back (typed), its order value changed, then cancelled with its cancellation id', () => {
			const got = step('Get Sales Activity');
			expect(got.map((item) => [item.json.ProductName, item.json.mx_Custom_3])).toEqual([
				['01 - Sample Product', '2026-03-01T10:15:00.000Z'],
				['01 - Sample Product', '2026-03-01T10:15:00.000Z'],
			]);
			expect(got.map((item) => item.json.mx_Custom_2)).toEqual([1200, 600]);
			const updated = step('Update Sales Activity');
			expect(updated.map((item) => item.json.updated)).toEqual([{ Revenue: 1300 }, { Revenue: 1300 }]);
			const cancelled = step('Cancel Sales Activity');
			expect(paired(cancelled)).toEqual([{ item: 0 }, { item: 1 }]);
			const first = sales().filter((sale) => sale.ProductId === SAMPLE);
			expect(first.map((sale) => [sale.Revenue, sale.Cancelled])).toEqual([
				['1300', true],
				['1300', true],
			]);
			expect(cancelled.map((item) => item.json.cancellationId).sort()).toEqual(first.map((sale) => sale.Cancellation?.Id).sort());
		});

		it("Get Many Sales Activities: each lead's two sales, paired to the lead's item", () => {
			const items = step('Get Many Sales Activities');
			expect(items).toHaveLength(4);
			for (const index of [0, 1]) {
				const mine = items.filter((item) => (item.pairedItem as { item: number }).item === index);
				expect(mine.map((item) => typeof item.json.mx_Custom_2)).toEqual(['number', 'number']);
			}
		});
	},
};
