/**
 * Sales Activity → Update: `SalesActivity.svc/Update` per item, `{Id, ProspectId?, ProductSku?, Revenue?,
 * SalesOwner | SalesOwnerEmail?, SalesDate?}` [DOC]; only what is given changes. A status is not part of the
 * documented body: when one is given it is sent, and the sale is read back (`RetrieveActivity`) to check that
 * LeadSquared applied it; the item fails, saying so, when it did not.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../../machinery/errors';
import { settle } from '../../machinery/scheduler';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { checkedDecimal, multiplyDecimals, productKeys, productRef, saleStatus } from '../../model/sales/lines';
import type { UpdateSaleBody } from '../../model/sales/lines';
import { saleObject, saleRecord } from '../../model/sales/records';
import { retrieveSale, updateSale } from '../../transport/salesActivities';
import { isBlank, optionalText } from '../../values/checks';
import { checkRecordId } from '../../values/recordIds';
import { dateTimezoneOption } from '../dateTimezone';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { showFor } from '../utils';
import {
	ownerAndDate,
	ProductCatalogue,
	productCatalogue,
	productLocator,
	quantityProperty,
	readSalesActivityId,
	salesActivityIdProperty,
	salesDateProperty,
	salesOwnerLocator,
	statusProperty,
	unitPriceProperty,
} from './salesFields';

const properties: INodeProperties[] = [
	salesActivityIdProperty('The sales activity to change, e.g. the salesActivityId output by Create, or the ID output by Get Many'),
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.leadId }}',
		description: "The lead the sales activity is posted on (sent as ProspectId, as in LeadSquared's documented body). Optional.",
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			productLocator(),
			{ ...quantityProperty, description: 'With Unit Price: the new order value is quantity × unit price. LeadSquared stores no quantity.' },
			{ ...unitPriceProperty, description: 'The new order value (Revenue) is quantity (1 unless given) × unit price' },
			salesDateProperty,
			salesOwnerLocator(),
			{
				...statusProperty,
				description:
					"The new status. LeadSquared's documented Update has no status: the node sends it and reads the sales activity back, and the item fails if LeadSquared kept the old one.",
			},
		],
	},
	optionsCollection([dateTimezoneOption], sharedOptions({ writes: true })),
];

export const description = showFor({ resource: ['salesActivity'], operation: ['update'] }, properties);

interface Prepared {
	body: UpdateSaleBody;
}

/** The order value of the update: quantity × unit price; a quantity alone cannot give one. */
function revenueOf(fields: IDataObject): string | undefined {
	const hasQuantity = !isBlank(fields.quantity);
	if (isBlank(fields.unitPrice)) {
		if (hasQuantity) throw new InputError('Quantity is given without a Unit Price', 'unitPrice', 'LeadSquared stores only the order value (quantity × unit price): add the Unit Price too.');
		return undefined;
	}
	const quantity = hasQuantity ? checkedDecimal(fields.quantity, 'Quantity', 'quantity', 'positive') : '1';
	return multiplyDecimals(quantity, checkedDecimal(fields.unitPrice, 'Unit Price', 'unitPrice', 'zeroOrMore'));
}

class UpdateSale implements Operation<Prepared, ProductCatalogue> {
	readonly setup = productCatalogue;

	async prepare(run: RunContext, index: number, _item: INodeExecutionData, catalogue: ProductCatalogue): Promise<Prepared> {
		const { context } = run;
		const id = readSalesActivityId(context, index);
		const lead = optionalText(context.getNodeParameter('leadId', index, ''), 'Lead ID', 'leadId');
		const leadId = lead === undefined ? undefined : checkRecordId(lead, 'lead');
		const fields = (context.getNodeParameter('updateFields', index, {}) ?? {}) as IDataObject;
		const ref = fields.product !== undefined ? productRef(fields.product, 'Product') : undefined;
		const product = ref ? await catalogue.check(ref, 'Product') : undefined;
		const revenue = revenueOf(fields);
		const status = isBlank(fields.status) ? undefined : saleStatus(fields.status);
		const body: UpdateSaleBody = {
			Id: id,
			...(leadId ? { ProspectId: leadId } : {}),
			...(ref ? productKeys(ref, product) : {}),
			...(revenue !== undefined ? { Revenue: revenue } : {}),
			...ownerAndDate(run, fields),
			...(status !== undefined ? { Status: status } : {}),
		};
		if (Object.keys(body).every((key) => key === 'Id' || key === 'ProspectId')) {
			throw new InputError('Nothing to update', 'updateFields', 'Add a field under Update Fields: the product, the unit price, the sales date, the sales owner or the status.');
		}
		return { body };
	}

	keys(prepared: Prepared): string[] {
		return [`sale:${prepared.body.Id.toLowerCase()}`];
	}

	check({ body }: Prepared): WriteCheck {
		return {
			record: 'sales activity',
			change: 'update',
			read: 'Sales Activity → Get',
			key: keyOf('Sales Activity ID', body.Id),
			safeRepeat: 'it sets the same values on the same sales activity',
		};
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const { body } = prepared;
		const status = await updateSale(run.client, body);
		if (body.Status !== undefined) await checkStatus(run, body.Id, body.Status);
		const { Id, ProspectId, ...updated } = body;
		return {
			status,
			salesActivityId: Id,
			...(ProspectId !== undefined ? { leadId: ProspectId } : {}),
			updated: { ...updated, ...(updated.Revenue !== undefined ? { Revenue: Number(updated.Revenue) } : {}) },
		};
	}
}

/** Reads the sale back: its Status must be the one sent. */
async function checkStatus(run: RunContext, id: string, wanted: string): Promise<void> {
	const attempt = await settle(async () => await retrieveSale(run.client, id));
	if (!attempt.ok) throw readBackFailed(attempt.error);
	const current = saleRecord(saleObject(attempt.value))?.record.Status;
	if (typeof current === 'string' && current.trim().toLowerCase() === wanted.toLowerCase()) return;
	throw statusNotApplied(wanted, current);
}

function readBackFailed(error: unknown): LeadSquaredError {
	const reason = error instanceof Error ? error.message : String(error);
	return new LeadSquaredError({
		...(error instanceof LeadSquaredError ? error.failure : { kind: 'unexpected' }),
		message: `The sales activity was updated, but reading it back to check its status failed: ${reason}`,
		description: 'The other fields were sent and accepted. Look at the sales activity in LeadSquared; running the item again is safe.',
	});
}

function statusNotApplied(wanted: string, current: unknown): LeadSquaredError {
	return new LeadSquaredError({
		kind: 'business',
		message: `LeadSquared updated the sales activity but did not change its status to ${wanted} (it is ${typeof current === 'string' && current !== '' ? current : 'not shown'})`,
		description:
			"LeadSquared's documented Update takes no status, and this account ignored it. The other fields were updated (running the item again is safe). Change the status in LeadSquared, or cancel the sale and create it again with the status.",
	});
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new UpdateSale());
}
