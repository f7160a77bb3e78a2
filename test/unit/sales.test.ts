/**
 * The sales activity knowledge (model/sales): product lines and exact revenue, product references, the
 * RetrieveProducts answer in every form, and the sale records of RetrieveActivity / RetrieveByLeadId.
 */
import { InputError } from '../../nodes/LeadSquared/machinery/errors';
import { checkedDecimal, multiplyDecimals, productKeys, productRef, readLines, saleStatus, sumDecimals } from '../../nodes/LeadSquared/model/sales/lines';
import { findProduct, productLabel, readProducts } from '../../nodes/LeadSquared/model/sales/products';
import { isEmptySale, isSaleNotFound, newestSalesFirst, saleList, saleRecord, typedSale } from '../../nodes/LeadSquared/model/sales/records';

const GUID = '3439951a-0e8c-11e5-981b-22000a9700b4';

describe('revenue in exact decimals', () => {
	it.each([
		['3', '19.99', '59.97'],
		['2', '600', '1200'],
		['0.5', '0.1', '0.05'],
		['1.5', '1000.10', '1500.15'],
		['7', '0', '0'],
		['100000', '99999.99', '9999999000'],
	])('%s × %s = %s', (a, b, product) => {
		expect(multiplyDecimals(a, b)).toBe(product);
	});

	it('sums exactly', () => {
		expect(sumDecimals(['0.1', '0.2', '1200', '59.97'])).toBe('1260.27');
		expect(sumDecimals([])).toBe('0');
	});

	it('reads numbers and numeric text; refuses words, separators, exponents in text, and values out of range', () => {
		expect(checkedDecimal(19.99, 'Unit Price', 'unitPrice', 'zeroOrMore')).toBe('19.99');
		expect(checkedDecimal(' 12.50 ', 'Unit Price', 'unitPrice', 'zeroOrMore')).toBe('12.5');
		expect(checkedDecimal(1e-7, 'Unit Price', 'unitPrice', 'zeroOrMore')).toBe('0.0000001');
		expect(checkedDecimal('.5', 'Quantity', 'quantity', 'positive')).toBe('0.5');
		for (const value of ['1,200', '1e3', 'ten', '', '.', NaN, Infinity, true, null, {}]) {
			expect(() => checkedDecimal(value, 'Unit Price', 'unitPrice', 'zeroOrMore')).toThrow(/which is not a number/);
		}
		expect(() => checkedDecimal(0, 'Quantity', 'quantity', 'positive')).toThrow('Quantity is 0; it must be a number above 0');
		expect(() => checkedDecimal('-1', 'Unit Price', 'unitPrice', 'zeroOrMore')).toThrow('Unit Price is "-1"; it must be a number, 0 or more');
	});
});

describe('product lines', () => {
	const product = (value: string, mode?: string) => (mode ? { __rl: true, mode, value } : value);

	it('each line checked; quantity 1 when none is given; labels name the line', () => {
		expect(readLines([{ product: product(GUID, 'list'), quantity: 2, unitPrice: '600' }, { product: product('ENG-101', 'sku'), quantity: undefined, unitPrice: 10 }])).toEqual([
			{ position: 1, ref: { by: 'id', value: GUID }, quantity: '2', unitPrice: '600', revenue: '1200' },
			{ position: 2, ref: { by: 'sku', value: 'ENG-101' }, quantity: '1', unitPrice: '10', revenue: '10' },
		]);
		expect(() => readLines([])).toThrow('Products is empty');
		expect(() => readLines([{ product: product('A', 'sku'), quantity: 1, unitPrice: 1 }, { product: product('B', 'sku'), quantity: -2, unitPrice: 1 }])).toThrow(
			'Product line 2 → Quantity is -2; it must be a number above 0',
		);
		try {
			readLines([{ product: product('A', 'sku'), quantity: 1, unitPrice: '' }]);
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			expect(error).toMatchObject({ message: 'Product line → Unit Price is empty', field: 'unitPrice' });
		}
	});

	it('product references: By SKU, By ID, From List and plain values (a GUID is an id, anything else a SKU)', () => {
		expect(productRef(product(' ENG-101 ', 'sku'), 'P')).toEqual({ by: 'sku', value: 'ENG-101' });
		expect(productRef(product('not-a-guid', 'id'), 'P')).toEqual({ by: 'id', value: 'not-a-guid' });
		expect(productRef(product(GUID, 'list'), 'P')).toEqual({ by: 'id', value: GUID });
		expect(productRef(product('ENG-101', 'list'), 'P')).toEqual({ by: 'sku', value: 'ENG-101' });
		expect(productRef(GUID, 'P')).toEqual({ by: 'id', value: GUID });
		expect(productRef(101, 'P')).toEqual({ by: 'sku', value: '101' });
		expect(() => productRef(product('', 'list'), 'Product')).toThrow('Product is empty');
		expect(() => productRef(['a'], 'Product')).toThrow('Product is a list, which is not a product ID or SKU');
	});

	it('the body names a known product by its SKU, an unchecked one as given', () => {
		expect(productKeys({ by: 'id', value: GUID }, { id: GUID, sku: 'ENG-101', name: 'Engineering' })).toEqual({ ProductSku: 'ENG-101' });
		expect(productKeys({ by: 'id', value: GUID }, undefined)).toEqual({ ProductId: GUID });
		expect(productKeys({ by: 'sku', value: 'X' }, undefined)).toEqual({ ProductSku: 'X' });
	});

	it('statuses: Open, Won, Lost in any letter case', () => {
		expect(saleStatus(' won ')).toBe('Won');
		expect(() => saleStatus('Pending')).toThrow('Status is "Pending"; it must be Open, Won or Lost');
		expect(() => saleStatus(undefined)).toThrow('Status is undefined; it must be Open, Won or Lost');
	});
});

describe('RetrieveProducts answers', () => {
	const row = { ProductId: GUID, ProductSku: 'ENG-101', Name: 'Engineering Course', Description: 'B.Tech' };

	it.each([
		['{RecordCount, List}', { RecordCount: 7, List: [row] }, 7],
		['a bare array', [row], undefined],
		['Products', { Products: [row] }, undefined],
		['Message', { Status: 'Success', Message: [row] }, undefined],
		['lower-case keys', { recordCount: 1, list: [{ productId: GUID, sku: 'ENG-101', productName: 'Engineering Course', description: 'B.Tech' }] }, 1],
	])('%s', (_form, answer, total) => {
		expect(readProducts(answer)).toEqual({ rows: [{ id: GUID, sku: 'ENG-101', name: 'Engineering Course', description: 'B.Tech' }], ...(total !== undefined ? { total } : {}) });
	});

	it('rows without an id or SKU are skipped; a product without an id is known by its SKU; anything else is no answer', () => {
		expect(readProducts([{ Name: 'nameless' }, { ProductSku: 'X-1', Name: 'X' }])).toEqual({ rows: [{ sku: 'X-1', name: 'X' }] });
		expect(readProducts({ Status: 'Success' })).toBeUndefined();
		expect(readProducts('text')).toBeUndefined();
	});

	it('finding a product: by id ignoring case; by SKU exactly, else the one SKU differing only in case', () => {
		const products = [
			{ id: GUID, sku: 'ENG-101', name: 'Engineering' },
			{ id: 'b', sku: 'abc', name: 'Lower' },
			{ id: 'c', sku: 'ABC', name: 'Upper' },
		];
		expect(findProduct(products, { by: 'id', value: GUID.toUpperCase() })?.sku).toBe('ENG-101');
		expect(findProduct(products, { by: 'sku', value: 'eng-101' })?.id).toBe(GUID);
		expect(findProduct(products, { by: 'sku', value: 'ABC' })?.id).toBe('c');
		expect(findProduct(products, { by: 'sku', value: 'Abc' })).toBeUndefined();
		expect(productLabel(products[0])).toBe('Engineering (SKU ENG-101)');
		expect(productLabel({ sku: 'X', name: 'X' })).toBe('SKU X');
	});
});

describe('sale records', () => {
	const field = (SchemaName: string, Value: unknown, DataType: string | null) => ({ SchemaName, DisplayName: SchemaName, Value, DataType });
	const documented = {
		ID: 'ea582d40-6cd1-11e5-a199-22000aa4133b',
		Name: 'Sales Activity - New',
		DefaultCurrencyAbbreviation: 'USD',
		ConvertToCustomer: true,
		Fields: [
			field('mx_Custom_1', GUID, 'Product'),
			{ ...field('ProductName', '123 - 123', null), IsDerived: true },
			field('mx_Custom_2', '3.00', 'Number'),
			field('mx_Custom_3', '2015-10-07 09:00:37', 'DateTime'),
			field('mx_Custom_7', '', 'Number'),
			field('ID', 'a field never hides the key', 'String'),
		],
	};

	it("the documented RetrieveActivity answer as one flat record, typed by each field's DataType", () => {
		const read = saleRecord(documented);
		expect(read?.record).toEqual({
			ID: documented.ID,
			Name: 'Sales Activity - New',
			DefaultCurrencyAbbreviation: 'USD',
			ConvertToCustomer: true,
			mx_Custom_1: GUID,
			ProductName: '123 - 123',
			mx_Custom_2: '3.00',
			mx_Custom_3: '2015-10-07 09:00:37',
			mx_Custom_7: '',
		});
		expect(typedSale(read!)).toMatchObject({ mx_Custom_1: GUID, mx_Custom_2: 3, mx_Custom_3: '2015-10-07T09:00:37.000Z', mx_Custom_7: null, ConvertToCustomer: true });
	});

	it('"no such sale": nothing, an empty object or list, an object without id and fields; or a refusal saying so (not one about the lead)', () => {
		for (const answer of [null, '', {}, [], { ID: '', Fields: [] }, { Fields: null }]) expect(isEmptySale(answer)).toBe(true);
		for (const answer of [documented, { ID: 'x' }, 'text', [documented]]) expect(isEmptySale(answer)).toBe(false);
		const business = (exceptionMessage: string) => ({ kind: 'business' as const, message: '', exceptionMessage });
		expect(isSaleNotFound(business('Sales activity does not exist'))).toBe(true);
		expect(isSaleNotFound(business('Activity not found'))).toBe(true);
		expect(isSaleNotFound(business('Lead does not exist in the system'))).toBe(false);
		expect(isSaleNotFound({ kind: 'notFound', message: 'HTTP 404' })).toBe(false);
	});

	it("a lead's sales: the array, or the list under a key; newest sales date first, ties and undated in LeadSquared's order, each sale once", () => {
		const sale = (ID: string, date: string | null) => ({ ID, Fields: [field('mx_Custom_3', date, 'DateTime')] });
		expect(saleList([sale('a', null)])).toHaveLength(1);
		expect(saleList({ List: [sale('a', null)] })).toHaveLength(1);
		expect(saleList({ Status: 'Success' })).toBeUndefined();
		const reads = [sale('old', '2026-01-01 00:00:00'), sale('undated', null), sale('new-1', '2026-05-01 10:00:00'), sale('new-2', '2026-05-01 10:00:00'), sale('NEW-1', '2026-05-01 10:00:00')].map(
			(raw) => saleRecord(raw)!,
		);
		expect(newestSalesFirst(reads).map((read) => read.record.ID)).toEqual(['new-1', 'new-2', 'old', 'undated']);
	});
});
