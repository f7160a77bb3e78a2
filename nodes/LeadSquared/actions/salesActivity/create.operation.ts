/**
 * Sales Activity → Create: `SalesActivity.svc/Create` once per product line of each item. LeadSquared records
 * one product per sales activity (its documented body takes one `ProductSku` and one `Revenue`), so an order
 * of several products becomes several sales activities on the lead, created in the order of the lines; the
 * item's output lists them all. Everything is checked before the first call: the status, each product (it
 * must be one of the account's), quantity and unit price, the sales date.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LeadSquaredError, sentences, WrittenError } from '../../machinery/errors';
import { settle } from '../../machinery/scheduler';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { lineLabel, productKeys, readLines, saleStatus, sumDecimals } from '../../model/sales/lines';
import type { CreateSaleBody, Line, LineInput, SaleStatus } from '../../model/sales/lines';
import type { Product } from '../../model/sales/products';
import { createSale } from '../../transport/salesActivities';
import { recordKey } from '../../values/recordIds';
import { dateTimezoneOption } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import { leadIdProperty, readLeadId } from '../lead/byId';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import {
	ownerAndDate,
	ProductCatalogue,
	productCatalogue,
	productLocator,
	productSummary,
	quantityProperty,
	salesDateProperty,
	salesOwnerLocator,
	statusProperty,
	unitPriceProperty,
} from './salesFields';

const properties: INodeProperties[] = [
	{
		displayName:
			'LeadSquared records one product per sales activity: each product line below becomes one sales activity on the lead, with quantity × unit price as its order value.',
		name: 'linesNotice',
		type: 'notice',
		default: '',
	},
	leadIdProperty('The lead who bought'),
	{ ...statusProperty, required: true },
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Product',
		description: 'What was sold: one line per product, each with its quantity and unit price',
		options: [{ displayName: 'Product', name: 'line', values: [productLocator(), quantityProperty, unitPriceProperty] }],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [salesDateProperty, salesOwnerLocator()],
	},
	optionsCollection([dateTimezoneOption], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['salesActivity'], operation: ['create'] }, properties);

interface Prepared {
	leadId: string;
	status: SaleStatus;
	lines: Array<{ line: Line; product: Product | undefined; body: CreateSaleBody }>;
}

/** A line that failed after earlier lines of the item were created: says which exist, and keeps their ids for the error output. */
function partlyCreated(error: unknown, failed: Line, count: number, created: IDataObject[]): unknown {
	const cause = error instanceof LeadSquaredError ? error.failure : undefined;
	const reason = cause?.message ?? (error instanceof Error ? error.message : String(error));
	return new WrittenError(
		{
			...cause,
			kind: cause?.kind ?? 'unexpected',
			message: `${lineLabel(failed.position, count)} of ${count} failed: ${reason}`,
			description: sentences(
				cause?.description,
				`${created.length === 1 ? 'Line 1 was' : `Lines 1 to ${created.length} were`} created as sales activities ${created.map((sale) => String(sale.salesActivityId)).join(', ')}`,
				'Before running the item again, remove those lines from it (or cancel those sales activities), or they are created twice',
			),
		},
		{ createdSalesActivities: created },
	);
}

function amount(text: string): number {
	return Number(text);
}

class CreateSale implements Operation<Prepared, ProductCatalogue> {
	readonly setup = productCatalogue;

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, catalogue: ProductCatalogue): Promise<Prepared> {
		const { context } = run;
		const leadId = readLeadId(context, index);
		const status = saleStatus(context.getNodeParameter('status', index, 'Open'));
		const lines = readLines((context.getNodeParameter('products.line', index, []) as LineInput[] | undefined) ?? []);
		const extra = (context.getNodeParameter('additionalFields', index, {}) ?? {}) as IDataObject;
		const ownerDate = ownerAndDate(run, extra);
		const prepared: Prepared['lines'] = [];
		for (const line of lines) {
			const product = await catalogue.check(line.ref, lineLabel(line.position, lines.length));
			prepared.push({
				line,
				product,
				body: {
					ProspectId: leadId,
					...productKeys(line.ref, product),
					Status: status,
					Revenue: line.revenue,
					...ownerDate,
				},
			});
		}
		return { leadId, status, lines: prepared };
	}

	keys(prepared: Prepared): string[] {
		// The sales of one lead are posted in the order of the items.
		return [recordKey('lead', prepared.leadId)];
	}

	check({ leadId }: Prepared): WriteCheck {
		return { record: 'sales activity', change: 'create', read: 'Sales Activity → Get Many', key: keyOf('Lead ID', leadId) };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const created: IDataObject[] = [];
		let status = 'Success';
		for (const { line, product, body } of prepared.lines) {
			const attempt = await settle(async () => await createSale(run.client, body));
			if (!attempt.ok) throw created.length === 0 ? attempt.error : partlyCreated(attempt.error, line, prepared.lines.length, created);
			status = attempt.value.status;
			created.push({
				salesActivityId: attempt.value.salesActivityId,
				...productSummary(product, line.ref),
				quantity: amount(line.quantity),
				unitPrice: amount(line.unitPrice),
				revenue: amount(line.revenue),
			});
		}
		return {
			status,
			leadId: prepared.leadId,
			saleStatus: prepared.status,
			...(created.length === 1 ? { salesActivityId: created[0].salesActivityId } : {}),
			salesActivities: created,
			totalRevenue: amount(sumDecimals(prepared.lines.map(({ line }) => line.revenue))),
		};
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new CreateSale());
}
