/**
 * Representative runs of the sales activity operations: one product line and several, products the account
 * lists and products sent unchecked (RetrieveProducts unavailable), a status LeadSquared applies, sales with
 * every field filled and with few.
 */
import type { IDataObject } from 'n8n-workflow';

import { ASHA, locator, newLead, parameters } from '../engine/pipeline-support';
import { ENGINEERING, newSale, PRODUCT } from '../sandbox/crm-extra-client';
import type { OutputCase } from './case';

const byItem = (name: string) => `={{ $json.${name} }}`;
const line = (value: string, quantity: number, unitPrice: number, mode = 'list'): IDataObject => ({ product: locator(value, mode), quantity, unitPrice });

export const SALES_CASES: OutputCase[] = [
	{
		resource: 'salesActivity',
		operation: 'create',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'sales@schemas.example');
			const create = (lines: IDataObject[], extra: IDataObject = {}) => parameters('salesActivity', 'create', { leadId: byItem('leadId'), status: 'Open', products: { line: lines }, ...extra });
			await run(create([line(PRODUCT.id, 2, 600), line('ENG-101', 3, 19.99, 'sku')], { additionalFields: { salesDate: '2026-03-01T10:00:00Z', salesOwner: locator(ASHA.email, 'email') } }), [{ leadId }]);
			await run(create([line(ENGINEERING.id, 1, 250000, 'id')], { status: 'Won' }), [{ leadId }]);
			// Products sent unchecked where RetrieveProducts is unavailable: the output knows only what was given.
			sandbox.injectFault({ type: 'status', status: 404, endpoint: 'SalesActivity.RetrieveProducts', body: 'Not Found' });
			await run(create([line('MBA-201', 1, 10, 'sku')]), [{ leadId }]);
		},
	},
	{
		resource: 'salesActivity',
		operation: 'update',
		sandbox: { salesUpdateStatus: 'apply' },
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'sale.update@schemas.example');
			const id = await newSale(sandbox, leadId);
			await run(
				parameters('salesActivity', 'update', {
					salesActivityId: id,
					leadId,
					updateFields: { product: locator('ENG-101', 'sku'), quantity: 2, unitPrice: 700, salesOwner: locator(ASHA.id), salesDate: '2026-04-02T08:00:00Z', status: 'Won' },
				}),
			);
			await run(parameters('salesActivity', 'update', { salesActivityId: id, updateFields: { salesOwner: locator(ASHA.email, 'email') } }));
		},
	},
	{
		resource: 'salesActivity',
		operation: 'get',
		records: [''],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'sale.get@schemas.example');
			const full = await newSale(sandbox, leadId, { SalesOwnerEmail: ASHA.email, Revenue: '1499.50' });
			await run(parameters('salesActivity', 'get', { salesActivityId: byItem('id') }), [{ id: full }]);
		},
	},
	{
		resource: 'salesActivity',
		operation: 'getMany',
		records: [''],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'sales.many@schemas.example');
			await newSale(sandbox, leadId, { SalesOwnerEmail: ASHA.email });
			await newSale(sandbox, leadId, { Status: 'Won', ProductSku: ENGINEERING.sku, Revenue: '250000', SalesDate: '2026-05-01 10:00:00' });
			await run(parameters('salesActivity', 'getMany', { leadId, returnAll: true }));
		},
	},
	{
		resource: 'salesActivity',
		operation: 'cancel',
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'sale.cancel@schemas.example');
			const items = [{ id: await newSale(sandbox, leadId), reason: 'Refund' }, { id: await newSale(sandbox, leadId), reason: '' }];
			await run(parameters('salesActivity', 'cancel', { salesActivityId: byItem('id'), reason: byItem('reason') }), items);
		},
	},
];
