import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ADMIN_ID, ASHA, C, INACTIVE_USER_EMAIL, newLead, post, recordEvents } from './crm-client';
import { ENGINEERING, newSale, PRODUCT, X } from './crm-extra-client';

describe('sandbox: sales activities', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ salesActivity: undefined, salesUpdateStatus: undefined, salesActivityTypesListed: undefined, products: undefined, productsAnswer: undefined });
		sb.reset();
	});

	it('Create → {Status, Message:{Id}}; the sale is an activity of the lead (activity.created, in the trail)', async () => {
		const leadId = await newLead(sb, 'buyer@example.com');
		const { events, stop } = recordEvents(sb);
		const res = await post(sb, X.saleCreate, {
			ProspectId: leadId,
			ProductSku: PRODUCT.sku,
			Status: 'Open',
			Revenue: 1200,
			SalesOwnerEmail: ASHA.email,
			SalesDate: '2026-03-01 10:11:34',
		});
		stop();
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		expect(sb.salesActivities()).toEqual([
			{ Id: res.json.Message.Id, ProspectId: leadId, Status: 'Open', ProductId: PRODUCT.id, Revenue: '1200', SalesDate: '2026-03-01 10:11:34', SalesOwner: ASHA.id, Cancelled: false, Cancellation: null },
		]);
		expect(events.map((e) => [e.type, e.leadId])).toEqual([['activity.created', leadId]]);
		const trail = await post(sb, C.activityRetrieve, {}, { leadId });
		expect(trail.json.ProspectActivities).toEqual([expect.objectContaining({ Id: res.json.Message.Id, EventCode: 98, EventName: 'Sales Activity', CreatedOn: '2026-03-01 10:11:34' })]);
	});

	it('Create: ProductId and SalesOwner (an id) work too; the date defaults to now and the owner to the API user', async () => {
		const leadId = await newLead(sb, 'buyer2@example.com');
		const id = await newSale(sb, leadId, { ProductSku: undefined, ProductId: ENGINEERING.id, SalesDate: undefined, SalesOwner: ASHA.id });
		const second = await newSale(sb, leadId, { SalesDate: undefined });
		const [a, b] = sb.salesActivities();
		expect(a).toMatchObject({ Id: id, ProductId: ENGINEERING.id, SalesOwner: ASHA.id, SalesDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });
		expect(b).toMatchObject({ Id: second, SalesOwner: ADMIN_ID });
	});

	it('Create errors: Status missing or not Open/Won/Lost, no product, unknown product, bad revenue, unknown lead, inactive owner, bad date', async () => {
		const leadId = await newLead(sb, 'err@example.com');
		const base = { ProspectId: leadId, ProductSku: PRODUCT.sku, Status: 'Open', Revenue: '10' };
		const cases: Array<[Record<string, unknown>, string, string]> = [
			[{ ...base, Status: undefined }, 'MXInvalidInputException', "Invalid Status ''. Status is mandatory; accepted values are Open, Won and Lost"],
			[{ ...base, Status: 'Pending' }, 'MXInvalidInputException', "Invalid Status 'Pending'. Status is mandatory; accepted values are Open, Won and Lost"],
			[{ ...base, ProductSku: undefined }, 'MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - ProductSku'],
			[{ ...base, ProductSku: 'NOPE' }, 'MXInvalidInputException', "Product 'NOPE' does not exist"],
			[{ ...base, Revenue: '1,200' }, 'MXInvalidInputException', "Invalid Revenue '1,200'. Pass the revenue as a number"],
			[{ ...base, Revenue: undefined }, 'MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - Revenue'],
			[{ ...base, ProspectId: 'b0000000-0000-0000-0000-000000000000' }, 'MXInvalidEntityException', 'Lead does not exist in the system'],
			[{ ...base, ProspectId: undefined }, 'MXInvalidInputException', 'Invalid Input! Parameter Name: ProspectId'],
			[{ ...base, SalesOwnerEmail: INACTIVE_USER_EMAIL }, 'MXInvalidInputException', `Invalid SalesOwnerEmail '${INACTIVE_USER_EMAIL}': no active user has this e-mail address or id`],
			[{ ...base, SalesDate: '01/03/2026' }, 'MXInvalidInputException', "Invalid SalesDate '01/03/2026'. Pass it in UTC as yyyy-MM-dd HH:mm:ss"],
		];
		for (const [body, type, message] of cases) {
			const res = await post(sb, X.saleCreate, body);
			expect([res.status, res.json]).toEqual([500, { Status: 'Error', ExceptionType: type, ExceptionMessage: message }]);
		}
		expect(sb.salesActivities()).toEqual([]);
	});

	it('a Won sale moves the lead to the customer stage (ConvertToCustomer), unless the setting is off', async () => {
		const leadId = await newLead(sb, 'won@example.com', { ProspectStage: 'Prospect' });
		await newSale(sb, leadId, { Status: 'Won' });
		expect(sb.findLeads((l) => l.ProspectID === leadId)[0].ProspectStage).toBe('Customer');
		sb.configure({ salesActivity: { convertToCustomer: false } });
		const other = await newLead(sb, 'won2@example.com', { ProspectStage: 'Prospect' });
		await newSale(sb, other, { Status: 'Won' });
		expect(sb.findLeads((l) => l.ProspectID === other)[0].ProspectStage).toBe('Prospect');
	});

	it('Update → AffectedRows 0 as documented; only the keys sent change; Status only with salesUpdateStatus apply', async () => {
		const leadId = await newLead(sb, 'upd@example.com');
		const id = await newSale(sb, leadId);
		const { events, stop } = recordEvents(sb);
		const res = await post(sb, X.saleUpdate, { Id: id, ProspectId: leadId, Revenue: '1500.50', SalesOwnerEmail: ASHA.email, Status: 'Won' });
		stop();
		expect(res.json).toEqual({ Status: 'Success', Message: { AffectedRows: 0 } });
		expect(sb.salesActivities()[0]).toMatchObject({ Revenue: '1500.50', SalesOwner: ASHA.id, Status: 'Open', ProductId: PRODUCT.id });
		expect(events).toEqual([expect.objectContaining({ type: 'activity.updated', changed: expect.arrayContaining(['mx_Custom_2', 'mx_Custom_4']) })]);
		sb.configure({ salesUpdateStatus: 'apply' });
		await post(sb, X.saleUpdate, { Id: id, Status: 'lost' });
		expect(sb.salesActivities()[0].Status).toBe('Lost');
	});

	it('Update errors: unknown id, another lead, bad values; a custom activity is not a sale', async () => {
		const leadId = await newLead(sb, 'upd-err@example.com');
		const other = await newLead(sb, 'upd-other@example.com');
		const id = await newSale(sb, leadId);
		expect((await post(sb, X.saleUpdate, { Id: 'b0000000-0000-0000-0000-000000000000' })).json.ExceptionMessage).toBe('Sales activity does not exist');
		expect((await post(sb, X.saleUpdate, { Id: id, ProspectId: other })).json.ExceptionMessage).toBe('The sales activity is not posted on this lead (ProspectId)');
		expect((await post(sb, X.saleUpdate, { Id: id, Revenue: 'ten' })).json.ExceptionMessage).toBe("Invalid Revenue 'ten'. Pass the revenue as a number");
		const form = await post(sb, C.activityCreate, { RelatedProspectId: leadId, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Contact' }] });
		expect((await post(sb, X.saleUpdate, { Id: form.json.Message.Id, Revenue: '1' })).json.ExceptionMessage).toBe('Sales activity does not exist');
		expect((await post(sb, C.activityUpdate, { ProspectActivityId: id, ActivityNote: 'x' })).json.ExceptionMessage).toBe('Event Code is invalid or empty');
	});

	it('RetrieveActivity: the documented object with the derived ProductName and SalesOwner; unknown id → error', async () => {
		const leadId = await newLead(sb, 'read@example.com');
		const id = await newSale(sb, leadId, { SalesOwnerEmail: ASHA.email });
		const res = await call(sb, X.saleById, { query: { activityId: id } });
		expect(res.json).toMatchObject({ ID: id, Name: 'Sales Activity - New', DisplayName: 'Sales Activity', DefaultCurrencyAbbreviation: 'INR', CustomerStageName: 'Customer', ConvertToCustomer: true });
		const fields = res.json.Fields as Array<Record<string, unknown>>;
		expect(fields.map((f) => [f.SchemaName, f.Value])).toEqual([
			['Status', 'Open'],
			['mx_Custom_1', PRODUCT.id],
			['ProductName', '01 - Sample Product'],
			['mx_Custom_2', '1200'],
			['mx_Custom_3', '2026-03-01 10:00:00'],
			['mx_Custom_4', ASHA.id],
			['SalesOwner', 'Asha Rao'],
			['mx_Custom_5', null],
			['mx_Custom_6', null],
		]);
		expect(fields[1]).toEqual({ SchemaName: 'mx_Custom_1', DisplayName: 'Product', Value: PRODUCT.id, DataType: 'Product', IsMandatory: true, ShowInForm: true, Sequence: 2, OptionSet: '' });
		expect(fields[2]).toEqual({ SchemaName: 'ProductName', DisplayName: null, Value: '01 - Sample Product', DataType: null, IsMandatory: false, ShowInForm: false, Sequence: 0, OptionSet: null, IsDerived: true });
		expect((await call(sb, X.saleById, { query: { activityId: 'nope' } })).json.ExceptionType).toBe('MXInvalidEntityException');
		expect((await call(sb, X.saleById)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: activityId');
	});

	it('RetrieveByLeadId: an array of the lead sales, newest first, IncludeOption adds the Status options; unknown lead → []', async () => {
		const leadId = await newLead(sb, 'many@example.com');
		const first = await newSale(sb, leadId);
		const second = await newSale(sb, leadId, { Status: 'Lost' });
		await newSale(sb, await newLead(sb, 'someone-else@example.com'));
		const res = await call(sb, X.salesOfLead, { query: { leadId, includeOption: 'false' } });
		expect(res.json.map((s: { ID: string }) => s.ID)).toEqual([second, first]);
		const status = res.json[0].Fields[0];
		expect(status).toMatchObject({ SchemaName: 'Status', InternalName: 'Status', Value: 'Lost', DataType: 'SearchableDropdown', OptionSet: '', BehaviorOnMissingDropdownOption: 0 });
		const withOptions = await call(sb, X.salesOfLead, { query: { leadId, includeOption: 'true' } });
		expect(JSON.parse(withOptions.json[0].Fields[0].OptionSet).map((o: { Value: string }) => o.Value)).toEqual(['Open', 'Won', 'Lost']);
		expect((await call(sb, X.salesOfLead, { query: { leadId: 'b0000000-0000-0000-0000-000000000000' } })).json).toEqual([]);
	});

	it('Cancel posts a cancellation activity (its id answered) with the note; twice or unknown → error; the sale cannot be updated after', async () => {
		const leadId = await newLead(sb, 'cancel@example.com');
		const id = await newSale(sb, leadId);
		const res = await post(sb, X.saleCancel, { activityId: id, activityEventNote: 'Deal is not done.' });
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
		expect(res.json.Message.Id).not.toBe(id);
		expect(sb.salesActivities()[0]).toMatchObject({ Cancelled: true, Cancellation: { Id: res.json.Message.Id, Note: 'Deal is not done.' } });
		const trail = await post(sb, C.activityRetrieve, {}, { leadId });
		expect(trail.json.ProspectActivities.map((a: { EventName: string }) => a.EventName)).toEqual(expect.arrayContaining(['Sales Activity', 'Sales Activity Cancelled']));
		expect((await post(sb, X.saleCancel, { activityId: id, activityEventNote: 'again' })).json.ExceptionMessage).toBe('The sales activity has been cancelled');
		expect((await post(sb, X.saleUpdate, { Id: id, Revenue: '5' })).json.ExceptionMessage).toBe('The sales activity has been cancelled');
		expect((await post(sb, X.saleCancel, { activityId: 'nope' })).json.ExceptionMessage).toBe('Sales activity does not exist');
		expect((await call(sb, X.saleById, { query: { activityId: id } })).status).toBe(200);
	});

	it('ActivityTypes.Get leaves the sales types out unless salesActivityTypesListed; the code is configurable', async () => {
		const codes = async (): Promise<number[]> => (await call(sb, C.activityTypes)).json.map((t: { ActivityEvent: number }) => t.ActivityEvent);
		expect(await codes()).not.toContain(98);
		sb.configure({ salesActivityTypesListed: true, salesActivity: { code: 150, cancelCode: 151 } });
		expect(await codes()).toEqual(expect.arrayContaining([150, 151]));
		const leadId = await newLead(sb, 'code@example.com');
		await newSale(sb, leadId);
		const trail = await post(sb, C.activityRetrieve, {}, { leadId });
		expect(trail.json.ProspectActivities[0]).toMatchObject({ EventCode: 150, EventName: 'Sales Activity' });
	});
});

describe('sandbox: sales settings and products', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ products: undefined, productsAnswer: undefined, salesActivity: undefined });
		sb.reset();
	});

	it('RetrieveSetting: the documented settings with mx_Custom_1 … fields (no Status)', async () => {
		const res = await call(sb, X.saleSetting);
		expect(res.json).toMatchObject({ ID: '', Name: 'Sales Activity - New', DisplayName: 'Sales Activity', DefaultCurrencySymbol: '₹', DefaultCurrencyName: 'Indian Rupee', ConvertToCustomer: true });
		expect(res.json.Fields[0]).toEqual({ SchemaName: 'mx_Custom_1', DisplayName: 'Product', Value: null, DataType: 'Product', IsMandatory: true, ShowInForm: true, Sequence: 1 });
		expect(res.json.Fields.map((f: { SchemaName: string; DataType: string }) => `${f.SchemaName}:${f.DataType}`)).toEqual([
			'mx_Custom_1:Product',
			'mx_Custom_2:Number',
			'mx_Custom_3:DateTime',
			'mx_Custom_4:ActiveUsers',
			'mx_Custom_5:Number',
			'mx_Custom_6:String',
		]);
	});

	it('RetrieveProducts: search text, exact parameters, sorting, paging; the answer form is an option', async () => {
		const all = await post(sb, X.products, { Parameter: { SearchText: '' }, Sorting: { ColumnName: 'ProductSku', Direction: '0' }, Paging: { PageIndex: 1, PageSize: 10 } });
		expect(all.json.RecordCount).toBe(3);
		expect(all.json.List.map((p: { ProductSku: string }) => p.ProductSku)).toEqual(['01', 'ENG-101', 'MBA-201']);
		expect(all.json.List[0]).toEqual({ ProductId: PRODUCT.id, ProductSku: '01', Name: 'Sample Product', Description: 'The documented sample product', CreatedOn: expect.any(String), ModifiedOn: expect.any(String) });
		const search = await post(sb, X.products, { Parameter: { SearchText: 'course' } });
		expect(search.json.List.map((p: { ProductSku: string }) => p.ProductSku)).toEqual(['ENG-101']);
		expect((await post(sb, X.products, { Parameter: { ProductSku: 'mba-201' } })).json.List).toHaveLength(1);
		expect((await post(sb, X.products, { Parameter: { Id: PRODUCT.id } })).json.List[0].Name).toBe('Sample Product');
		const paged = await post(sb, X.products, { Sorting: { ColumnName: 'Name', Direction: '0' }, Paging: { PageIndex: 2, PageSize: 2 } });
		expect([paged.json.RecordCount, paged.json.List.map((p: { Name: string }) => p.Name)]).toEqual([3, ['Sample Product']]);
		sb.configure({ productsAnswer: 'array' });
		expect(Array.isArray((await post(sb, X.products, {})).json)).toBe(true);
	});

	it('CreateProduct → {Id}; the product can be sold; missing name or a taken SKU → error', async () => {
		const res = await post(sb, X.productCreate, { ProductSku: 'LAW-301', Name: 'Law Course', Description: 'LL.B.' });
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
		expect(sb.products().map((p) => p.ProductSku)).toContain('LAW-301');
		const leadId = await newLead(sb, 'law@example.com');
		await newSale(sb, leadId, { ProductSku: 'LAW-301' });
		expect(sb.salesActivities()[0].ProductId).toBe(res.json.Message.Id);
		expect((await post(sb, X.productCreate, { ProductSku: 'X' })).json.ExceptionMessage).toBe('Mandatory attribute(s) missing - Name');
		expect((await post(sb, X.productCreate, { ProductSku: '01', Name: 'Again' })).json.ExceptionType).toBe('MXDuplicateEntryException');
	});

	it('RetrieveProducts: products tied on the sort column keep creation order with unstableTieOrder false, and are shuffled on every call by default', async () => {
		sb.configure({ products: Array.from({ length: 6 }, (_, n) => ({ sku: `S-${n}`, name: 'Same Name' })) });
		const order = async (): Promise<string> => (await post(sb, X.products, { Sorting: { ColumnName: 'Name', Direction: '0' } })).json.List.map((p: { ProductSku: string }) => p.ProductSku).join();
		sb.configure({ unstableTieOrder: false });
		expect(await order()).toBe('S-0,S-1,S-2,S-3,S-4,S-5');
		sb.configure({ unstableTieOrder: true });
		const orders = new Set<string>();
		for (let n = 0; n < 10; n++) orders.add(await order());
		sb.configure({ unstableTieOrder: undefined });
		expect(orders.size).toBeGreaterThan(1);
	});

	it('the products option replaces the catalogue', async () => {
		sb.configure({ products: [{ sku: 'ONLY', name: 'Only Product' }] });
		expect(sb.products().map((p) => p.ProductSku)).toEqual(['ONLY']);
		expect((await post(sb, X.products, {})).json.RecordCount).toBe(1);
	});
});
