/**
 * What a sales activity is made of, checked from one item's input before anything is sent: the status
 * (Open, Won or Lost, mandatory on Create [DOC]), each product line (the product, a quantity above 0 and a
 * unit price of 0 or more), and the revenue LeadSquared stores ("Order Value", `Revenue` [DOC]): quantity ×
 * unit price, computed in exact decimals (3 × 19.99 is 59.97, never 59.970000000000006). LeadSquared records
 * one product per sales activity [DOC: `ProductSku` is a single value], so each line becomes one sale.
 * Pure: no n8n imports.
 */
import { InputError } from '../../machinery/errors';
import { describeValue } from '../../values/values';
import type { OwnerBy } from '../task/body';
import type { Product, ProductRef } from './products';

export const SALE_STATUSES = ['Open', 'Won', 'Lost'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

/** A GUID, as ProductIds are [DOC sample 3439951a-0e8c-11e5-981b-22000a9700b4]. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Open, Won or Lost (any letter case); anything else is refused naming the field. */
export function saleStatus(value: unknown, label = 'Status', field = 'status'): SaleStatus {
	const text = typeof value === 'string' ? value.trim() : '';
	const status = SALE_STATUSES.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
	if (text === '' || status === undefined) {
		throw new InputError(`${label} is ${describeValue(value)}; it must be Open, Won or Lost`, field, 'LeadSquared accepts these three statuses for a sales activity.');
	}
	return status;
}

interface Decimal {
	/** The number × 10^scale. */
	units: bigint;
	scale: number;
}

/** A plain decimal number (a number, or text such as "1200" or " 19.99 "); undefined for anything else (commas, exponents, words). */
function decimalOf(value: unknown): Decimal | undefined {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		text = String(value);
		if (/e/i.test(text)) text = value.toFixed(20).replace(/0+$/, '');
	} else if (typeof value === 'string') text = value.trim();
	else return undefined;
	const match = DECIMAL.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
	const fraction = match[3] ?? '';
	const units = BigInt(`${match[1] === '-' ? '-' : ''}${match[2] || '0'}${fraction}`);
	return { units, scale: fraction.length };
}

function formatDecimal({ units, scale }: Decimal): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const whole = digits.slice(0, digits.length - scale);
	const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `a × b`, exactly, as plain decimal text. */
export function multiplyDecimals(a: string, b: string): string {
	const x = decimalOf(a);
	const y = decimalOf(b);
	if (!x || !y) throw new Error(`not decimals: ${a}, ${b}`);
	return formatDecimal({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** The sum of plain decimal texts, exactly. */
export function sumDecimals(values: readonly string[]): string {
	let total: Decimal = { units: 0n, scale: 0 };
	for (const value of values) {
		const next = decimalOf(value);
		if (!next) throw new Error(`not a decimal: ${value}`);
		const scale = Math.max(total.scale, next.scale);
		total = { units: total.units * 10n ** BigInt(scale - total.scale) + next.units * 10n ** BigInt(scale - next.scale), scale };
	}
	return formatDecimal(total);
}

/** A decimal number checked against its range, as plain text (trailing zeros dropped). */
export function checkedDecimal(value: unknown, label: string, field: string, range: 'positive' | 'zeroOrMore'): string {
	const decimal = decimalOf(value);
	const rule = range === 'positive' ? 'a number above 0' : 'a number, 0 or more';
	if (!decimal) {
		throw new InputError(`${label} is ${describeValue(value)}, which is not a number`, field, `Enter ${rule}, with a dot for decimals and no thousands separators (e.g. 1499.50).`);
	}
	if (decimal.units < 0n || (range === 'positive' && decimal.units === 0n)) throw new InputError(`${label} is ${describeValue(value)}; it must be ${rule}`, field);
	return formatDecimal(decimal);
}

/** A product line as the user gave it (the product is a resource locator's saved value, or a plain value from an expression). */
export interface LineInput {
	product: unknown;
	quantity: unknown;
	unitPrice: unknown;
}

export interface Line {
	/** 1, 2, … in the order given. */
	position: number;
	ref: ProductRef;
	quantity: string;
	unitPrice: string;
	/** quantity × unit price: the sale's Revenue. */
	revenue: string;
}

/**
 * A product reference from a resource locator's value: By ID gives the ProductId, By SKU the SKU; From List
 * and a plain value (an expression giving text) an id when it is a GUID, else a SKU.
 */
export function productRef(raw: unknown, label: string, field = 'product'): ProductRef {
	let mode: unknown;
	let value: unknown = raw;
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
		({ mode, value } = raw as { mode?: unknown; value?: unknown });
	}
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
	if (text === undefined && value !== undefined && value !== null) {
		throw new InputError(`${label} is ${describeValue(value)}, which is not a product ID or SKU`, field, 'Choose the product from the list, or give its SKU or ID.');
	}
	if (!text) throw new InputError(`${label} is empty`, field, 'Choose the product from the list, or give its SKU or ID (My Account → Settings → Customization → Manage Products).');
	if (mode === 'sku') return { by: 'sku', value: text };
	if (mode === 'id') return { by: 'id', value: text };
	// From List holds the ProductId (the SKU when the account's answer carries no id); a plain value likewise.
	return { by: GUID.test(text) ? 'id' : 'sku', value: text };
}

/** `Product line 2` (or `Product` when there is only one line). */
export function lineLabel(position: number, count: number): string {
	return count > 1 ? `Product line ${position}` : 'Product line';
}

/** One product line, checked; its revenue computed. */
export function readLine(input: LineInput, position: number, count: number): Line {
	const label = lineLabel(position, count);
	const ref = productRef(input.product, `${label} → Product`);
	const quantity = checkedDecimal(input.quantity ?? 1, `${label} → Quantity`, 'quantity', 'positive');
	if (input.unitPrice === undefined || input.unitPrice === null || (typeof input.unitPrice === 'string' && input.unitPrice.trim() === '')) {
		throw new InputError(`${label} → Unit Price is empty`, 'unitPrice', 'LeadSquared stores the order value of each sale (Revenue = quantity × unit price). Enter 0 for a free product.');
	}
	const unitPrice = checkedDecimal(input.unitPrice, `${label} → Unit Price`, 'unitPrice', 'zeroOrMore');
	return { position, ref, quantity, unitPrice, revenue: multiplyDecimals(quantity, unitPrice) };
}

/** The product lines of one item: at least one; each checked. */
export function readLines(inputs: readonly LineInput[]): Line[] {
	if (inputs.length === 0) {
		throw new InputError('Products is empty', 'products', 'Add a product line: the product sold, the quantity and the unit price. Each line becomes one sales activity.');
	}
	return inputs.map((input, index) => readLine(input, index + 1, inputs.length));
}

/** The product keys of a body: the SKU when the product is known ([DOC] `ProductSku`), else the reference as given (an id as `ProductId`, as LeadSquared's PHP library sends it [CODE]). */
export function productKeys(ref: ProductRef, product: Product | undefined): { ProductSku: string } | { ProductId: string } {
	if (product) return { ProductSku: product.sku };
	return ref.by === 'sku' ? { ProductSku: ref.value } : { ProductId: ref.value };
}

/** `SalesOwnerEmail` or `SalesOwner` (a user id) [DOC]. */
export function ownerKeys(owner: { by: OwnerBy; value: string } | undefined): { SalesOwnerEmail: string } | { SalesOwner: string } | Record<string, never> {
	if (!owner) return {};
	return owner.by === 'email' ? { SalesOwnerEmail: owner.value } : { SalesOwner: owner.value };
}

/** `SalesActivity.svc/Create` [DOC post-or-add-a-sales-activity-to-a-lead]. */
export interface CreateSaleBody {
	ProspectId: string;
	ProductSku?: string;
	ProductId?: string;
	Status: SaleStatus;
	/** Text, as in the documented sample ("1200"): exact decimals. */
	Revenue: string;
	SalesOwnerEmail?: string;
	SalesOwner?: string;
	/** UTC yyyy-MM-dd HH:mm:ss [DOC]. */
	SalesDate?: string;
}

/** `SalesActivity.svc/Update` [DOC update-an-existing-sales-activity]: only the keys given change. */
export interface UpdateSaleBody {
	Id: string;
	ProspectId?: string;
	ProductSku?: string;
	ProductId?: string;
	Revenue?: string;
	SalesOwnerEmail?: string;
	SalesOwner?: string;
	SalesDate?: string;
	/** Not in the documented Update body: the node checks afterwards whether LeadSquared applied it. */
	Status?: SaleStatus;
}
