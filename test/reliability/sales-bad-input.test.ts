/**
 * Bad input for the sales activity operations: each case fails naming the item and the field (and the product
 * line), and nothing is written.
 */
import type { IDataObject } from 'n8n-workflow';

import { locator } from '../engine/support';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { newSale } from '../sandbox/crm-extra-client';
import { describeBadInput, useCatalogueSandbox, withOptions } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const LEAD = '5d1c7f0e-0000-4000-8000-00000000c0c0';
let saleId = '';
const sandbox = useCatalogueSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'sale-bad@example.com', LastName: 'Bad' }] }, async (opened) => {
	saleId = await newSale(opened, LEAD);
});

/** Create with one product line, every value from the item. */
const create: IDataObject = {
	resource: 'salesActivity',
	operation: 'create',
	leadId: '={{ $json.lead }}',
	status: '={{ $json.status }}',
	products: { line: [{ product: locator('={{ $json.sku }}', 'sku'), quantity: '={{ $json.quantity }}', unitPrice: '={{ $json.price }}' }] },
	additionalFields: { salesDate: '={{ $json.date }}' },
};
const good = { lead: LEAD, status: 'Open', sku: 'ENG-101', quantity: 2, price: 19.99, date: '2026-03-01 10:00:00' };

const CREATE: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: create, good, bad: { ...good, lead: ' ' }, message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'a lead id that is an e-mail address', parameters: create, good, bad: { ...good, lead: 'buyer@example.com' }, message: /^Lead ID "buyer@example\.com" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'a status that is not Open, Won or Lost', parameters: create, good, bad: { ...good, status: 'Pending' }, message: /^Status is "Pending"; it must be Open, Won or Lost/, field: 'status' },
	{ name: 'an empty product', parameters: create, good, bad: { ...good, sku: '' }, message: /^Product line → Product is empty/, field: 'product' },
	{ name: 'a product the account does not have', parameters: create, good, bad: { ...good, sku: 'NOPE' }, message: /^Product line: your LeadSquared account has no product with SKU "NOPE"/, field: 'product' },
	{ name: 'a quantity of 0', parameters: create, good, bad: { ...good, quantity: 0 }, message: /^Product line → Quantity is 0; it must be a number above 0/, field: 'quantity' },
	{ name: 'a quantity that is a word', parameters: create, good, bad: { ...good, quantity: 'two' }, message: /^Product line → Quantity is "two", which is not a number/, field: 'quantity' },
	{ name: 'a negative unit price', parameters: create, good, bad: { ...good, price: -5 }, message: /^Product line → Unit Price is -5; it must be a number, 0 or more/, field: 'unitPrice' },
	{ name: 'a unit price with a thousands separator', parameters: create, good, bad: { ...good, price: '1,200' }, message: /^Product line → Unit Price is "1,200", which is not a number/, field: 'unitPrice' },
	{ name: 'no unit price', parameters: create, good, bad: { ...good, price: null }, message: /^Product line → Unit Price is empty/, field: 'unitPrice' },
	{ name: 'a sales date that is not a date', parameters: create, good, bad: { ...good, date: 'next tuesday' }, message: /^Sales Date is "next tuesday", which is not a date/, field: 'salesDate' },
];

const update: IDataObject = {
	resource: 'salesActivity',
	operation: 'update',
	salesActivityId: '={{ $json.id }}',
	updateFields: { product: locator('={{ $json.sku }}', 'sku'), quantity: '={{ $json.quantity }}', unitPrice: '={{ $json.price }}', status: '={{ $json.status }}' },
};
const goodUpdate = () => ({ id: saleId, sku: 'MBA-201', quantity: '', price: 500, status: '' });

const UPDATE: BadInputCase[] = [
	{ name: 'an empty sales activity id', parameters: update, good: goodUpdate, bad: () => ({ ...goodUpdate(), id: '' }), message: /^Sales Activity ID is empty/, field: 'salesActivityId' },
	{ name: 'a lead id that is not a GUID', parameters: { ...update, leadId: '={{ $json.lead }}' }, good: () => ({ ...goodUpdate(), lead: LEAD }), bad: () => ({ ...goodUpdate(), lead: '1016' }), message: /^Lead ID "1016" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'a product the account does not have', parameters: update, good: goodUpdate, bad: () => ({ ...goodUpdate(), sku: 'NOPE' }), message: /^Product: your LeadSquared account has no product with SKU "NOPE"/, field: 'product' },
	{ name: 'a quantity without a unit price', parameters: update, good: goodUpdate, bad: () => ({ ...goodUpdate(), quantity: 3, price: '' }), message: /^Quantity is given without a Unit Price/, field: 'unitPrice' },
	{ name: 'a unit price that is a word', parameters: update, good: goodUpdate, bad: () => ({ ...goodUpdate(), price: 'free' }), message: /^Unit Price is "free", which is not a number/, field: 'unitPrice' },
	{ name: 'a status that is not Open, Won or Lost', parameters: update, good: goodUpdate, bad: () => ({ ...goodUpdate(), status: 'Closed' }), message: /^Status is "Closed"; it must be Open, Won or Lost/, field: 'status' },
];

const updatePrice: IDataObject = { resource: 'salesActivity', operation: 'update', salesActivityId: '={{ $json.id }}', updateFields: { unitPrice: '={{ $json.price }}' } };
const UPDATE_NOTHING: BadInputCase[] = [
	{ name: 'nothing to update', parameters: updatePrice, good: () => ({ id: saleId, price: 700 }), bad: () => ({ id: saleId, price: '' }), message: /^Nothing to update/, field: 'updateFields' },
];

const byId = (operation: string, extra: IDataObject = {}): IDataObject => ({ resource: 'salesActivity', operation, salesActivityId: '={{ $json.id }}', ...extra });
const GET: BadInputCase[] = [
	{ name: 'an empty sales activity id', parameters: byId('get'), good: () => ({ id: saleId }), bad: { id: null }, message: /^Sales Activity ID is empty/, field: 'salesActivityId' },
	{ name: 'a sales activity id that is a list', parameters: byId('get'), good: () => ({ id: saleId }), bad: { id: ['a', 'b'] }, message: /^Sales Activity ID is a list, which is not a text/, field: 'salesActivityId' },
];

const getMany: IDataObject = { resource: 'salesActivity', operation: 'getMany', leadId: '={{ $json.lead }}', limit: '={{ $json.limit }}' };
const GET_MANY: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: getMany, good: { lead: LEAD, limit: 5 }, bad: { lead: '', limit: 5 }, message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'a limit of 0', parameters: getMany, good: { lead: LEAD, limit: 5 }, bad: { lead: LEAD, limit: 0 }, message: /^Limit is 0; it must be a whole number 1 or more/, field: 'limit' },
];

// Cancelling is for good: the good item cancels a new sale each time.
const cancel = byId('cancel', { reason: '={{ $json.reason }}' });
const freshSale = async () => ({ id: await newSale(sandbox(), LEAD), reason: 'Refund' });
let next: IDataObject = {};
beforeEach(async () => {
	next = await freshSale();
	sandbox().log.length = 0;
});
const CANCEL: BadInputCase[] = [
	{ name: 'an empty sales activity id', parameters: cancel, good: () => next, bad: { id: '', reason: 'x' }, message: /^Sales Activity ID is empty/, field: 'salesActivityId' },
	{ name: 'a reason that is an object', parameters: cancel, good: () => next, bad: () => ({ ...next, reason: { text: 'x' } }), message: /^Reason is an object, which is not a text/, field: 'reason' },
];

describeBadInput('Sales Activity → Create', CREATE, sandbox, 'SalesActivity.Create');
describeBadInput('Sales Activity → Update', UPDATE, sandbox, 'SalesActivity.Update');
describeBadInput('Sales Activity → Update (nothing given)', UPDATE_NOTHING, sandbox, 'SalesActivity.Update');
describeBadInput('Sales Activity → Get', GET, sandbox, 'SalesActivity.RetrieveActivity');
describeBadInput('Sales Activity → Get Many', GET_MANY, sandbox, 'SalesActivity.RetrieveByLeadId');
describeBadInput('Sales Activity → Cancel', CANCEL, sandbox, 'SalesActivity.Cancel');

describe('Sales Activity → Create: the product lines', () => {
	const run = async (lines: IDataObject[]) =>
		await runLeadSquared({
			parameters: withOptions({ resource: 'salesActivity', operation: 'create', leadId: LEAD, status: 'Open', products: { line: lines } }),
			items: [{ quantity: -1 }],
			credentials: sandboxCredentials(sandbox()),
			node: { typeVersion: 1.1 },
		});

	it('no product line is refused before anything is sent', async () => {
		const result = await run([]);
		expect(result.error?.message).toBe('Products is empty [item 0]');
		expect(sandbox().log.filter((entry) => entry.endpoint === 'SalesActivity.Create')).toEqual([]);
	});

	it('a bad value on the second line names that line; the first is not sent either', async () => {
		const result = await run([
			{ product: locator('01', 'sku'), quantity: 1, unitPrice: 10 },
			{ product: locator('ENG-101', 'sku'), quantity: '={{ $json.quantity }}', unitPrice: 10 },
		]);
		expect(result.error?.message).toBe('Product line 2 → Quantity is -1; it must be a number above 0 [item 0]');
		expect(sandbox().log.filter((entry) => entry.endpoint === 'SalesActivity.Create')).toEqual([]);
	});
});
