/**
 * What a sales activity picker reads (leadsquared-api-more.md §3.7): the sales activity settings and the
 * products; and creating a product (the documented write, so tests and demos can add one).
 */
import type { StoredProduct } from '../crm-extra-types';
import { jsonAnswer, type Answer } from '../http';
import { saleFieldObject, saleFields, settingHeader } from '../sales';
import { mxError, type Route, type RouteContext } from './common';
import { bodyObject, child, int, isAnswer, slice, str, successId, tieKeys, type Obj } from './crm-common';

const SA = '/v2/SalesActivity.svc/';
const PRODUCT_KEYS: Array<keyof StoredProduct> = ['ProductId', 'ProductSku', 'Name', 'Description', 'CreatedOn', 'ModifiedOn'];

export const SALES_CATALOG_ROUTES: Route[] = [
	{ name: 'SalesActivity.RetrieveSetting', method: 'GET', path: `${SA}RetrieveSetting`, bucket: 'normal', handle: retrieveSetting },
	{ name: 'SalesActivity.RetrieveProducts', method: 'POST', path: `${SA}RetrieveProducts`, bucket: 'normal', handle: retrieveProducts },
	{ name: 'SalesActivity.CreateProduct', method: 'POST', path: `${SA}CreateProduct`, bucket: 'normal', handle: createProduct },
];

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-sales-activity-settings/ → `{ID:"", Name, DisplayName,
 * DefaultCurrencySymbol, DefaultCurrencyAbbreviation, DefaultCurrencyName, CustomerStageName, ConvertToCustomer,
 * Fields:[{SchemaName, DisplayName, Value:null, DataType, IsMandatory, ShowInForm, Sequence}]}` — mx_Custom_1 … as in
 * the sample, without Status (the sample lists none).
 */
function retrieveSetting(ctx: RouteContext): Answer {
	const { setting } = ctx.state.sales;
	return jsonAnswer(200, {
		ID: '',
		...settingHeader(setting),
		Fields: saleFields(setting, false).map((f, index) => saleFieldObject(f, null, index + 1)),
	});
}

/**
 * Source: [CODE] `LeadSquared/php-library` sample-sales-activity.php: POST `{Parameter:{SearchText} | {Id | ProductSku |
 * Name}, Sorting:{ColumnName, Direction}, Paging:{PageIndex, PageSize}}`. SearchText matches a part of the SKU, name or
 * description, the others the whole value, case-insensitively [INF]. The answer is not shown anywhere [INF]:
 * `{RecordCount, List:[product]}` (`productsAnswer: 'list'`) or a bare array ('array'). Sorting by any product key,
 * ModifiedOn newest first by default; ties in creation order (or shuffled, `unstableTieOrder`); PageSize default 100 [INF].
 */
function retrieveProducts(ctx: RouteContext): Answer {
	const body = bodyObject(ctx, true);
	if (isAnswer(body)) return body;
	const { sales, options } = ctx.state;
	const parameter = child(body, 'Parameter');
	const search = str(parameter, 'SearchText').trim().toLowerCase();
	const exact: Array<[keyof StoredProduct, string]> = [
		['ProductId', str(parameter, 'Id').trim().toLowerCase()],
		['ProductSku', str(parameter, 'ProductSku').trim().toLowerCase()],
		['Name', str(parameter, 'Name').trim().toLowerCase()],
	];
	const found = sales.products.filter(
		(p) =>
			(search === '' || [p.ProductSku, p.Name, p.Description].some((v) => v.toLowerCase().includes(search))) &&
			exact.every(([key, wanted]) => wanted === '' || p[key].toLowerCase() === wanted),
	);
	const sorting = child(body, 'Sorting');
	const wanted = (str(sorting, 'ColumnName').trim() || 'ModifiedOn').toLowerCase();
	const column = PRODUCT_KEYS.find((k) => k.toLowerCase() === wanted) ?? 'ModifiedOn';
	const descending = sorting === undefined || int(sorting, 'Direction', 1) === 1;
	const ties = tieKeys(found, (p) => sales.products.createdSeq(p), options.unstableTieOrder);
	found.sort((a, b) => {
		const order = a[column] === b[column] ? 0 : a[column] < b[column] ? -1 : 1;
		return (descending ? -order : order) || (ties.get(a) ?? 0) - (ties.get(b) ?? 0);
	});
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', 100)) || 100;
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const rows = slice(found, (pageIndex - 1) * pageSize, pageSize).map(renderProduct);
	return jsonAnswer(200, options.productsAnswer === 'array' ? rows : { RecordCount: found.length, List: rows });
}

/** A product row [INF: no source shows one; the keys of the Create body (ProductSku, Name, Description) and the id]. */
function renderProduct(product: StoredProduct): Obj {
	return { ...product };
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/add-a-product/ : `{ProductSku, Name, Description}` →
 * `{"Status":"Success","Message":{"Id":"<ProductId>"}}`. A missing SKU or name, or a SKU another product has → MX
 * errors [INF].
 */
function createProduct(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { sales } = ctx.state;
	const sku = str(body, 'ProductSku').trim();
	const name = str(body, 'Name').trim();
	if (sku === '' || name === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', `Mandatory attribute(s) missing - ${sku === '' ? 'ProductSku' : 'Name'}`); // [INF]
	if (sales.products.all().some((p) => p.ProductSku === sku)) return mxError(ctx, 'MXDuplicateEntryException', `A product with the SKU '${sku}' already exists`); // [INF]
	const product = sales.addProduct({ sku, name, description: str(body, 'Description') }, ctx.now);
	return successId(product.ProductId);
}
