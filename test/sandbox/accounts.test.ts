import { defaultFields, startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ADMIN_ID, ASHA, newLead, post } from './crm-client';
import { ACME, flatCompany, NORTHWIND, props, X } from './crm-extra-client';

describe('sandbox: accounts (CompanyManagement.svc)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ companies: undefined, companyTypes: undefined, companyUnknownColumns: undefined, companyMaxPageSize: undefined, unstableTieOrder: undefined, fields: undefined });
		sb.reset();
	});

	const get = (query: Record<string, unknown>, rest: Record<string, unknown> = {}) => post(sb, X.companyGet, { Query: { CompanyType: { CompanyTypeName: 'Partners' }, ...query }, ...rest });

	it('Company.Create with CompanyProperties → {Status, Message:{Id}}; values typed, the owner defaults to the API user', async () => {
		const res = await post(sb, X.companyCreate, {
			CompanyType: { CompanyTypeName: 'Partners' },
			CompanyProperties: props({ CompanyName: 'Partner Name', Phone: '+91-8923748971', Website: 'www.partner.com', mx_Employees: '42', mx_Partner_Since: '2024-01-15' }),
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const stored = sb.accounts().companies.find((c) => c.CompanyId === res.json.Message.Id);
		expect(stored).toMatchObject({
			CompanyTypeName: 'Partners',
			Values: { CompanyName: 'Partner Name', Phone: '+91-8923748971', Website: 'www.partner.com', mx_Employees: '42', mx_Partner_Since: '2024-01-15 00:00:00', OwnerId: ADMIN_ID },
		});
	});

	it("a bare array is refused with \"You're missing Company details.\" on Create and Update; nothing changes", async () => {
		const before = sb.accounts();
		const bare = props({ CompanyName: 'Bare' });
		expect((await post(sb, X.companyCreate, bare)).json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidDataTypeException', ExceptionMessage: "You're missing Company details." });
		const update = await post(sb, X.companyUpdate, props({ City: 'Pune' }), { companyId: ACME.id });
		expect([update.status, update.json.ExceptionType, update.json.ExceptionMessage]).toEqual([500, 'MXInvalidDataTypeException', "You're missing Company details."]);
		expect(sb.accounts()).toEqual(before);
	});

	it('Create errors: no type, unknown type, no CompanyName, unknown attribute, a value of the wrong type, an inactive owner', async () => {
		const body = (type: string | undefined, values: Record<string, string>) => ({ ...(type ? { CompanyType: { CompanyTypeName: type } } : {}), CompanyProperties: props(values) });
		const cases: Array<[unknown, string, string]> = [
			[body(undefined, { CompanyName: 'X' }), 'MXInvalidInputException', 'Invalid Input! Parameter Name: CompanyTypeName'],
			[body('Resellers', { CompanyName: 'X' }), 'MXInvalidInputException', "Company type 'Resellers' does not exist. You cannot create a new company type using the API"],
			[body('Partners', { Phone: '+91-1' }), 'MXMandatoryAttributeMissingException', 'Mandatory attribute(s) missing - CompanyName'],
			[body('Partners', { CompanyName: 'X', mx_Nope: '1', Fax: '2' }), 'MXUnknownAttributeException', 'Attribute(s) does not exist - mx_Nope, Fax'],
			[body('Partners', { CompanyName: 'X', mx_Employees: 'many' }), 'MXInvalidInputException', "Invalid value 'many' for attribute 'mx_Employees': not a valid number"],
			[body('Partners', { CompanyName: 'X', mx_Industry: 'Mining' }), 'MXInvalidInputException', "Invalid value 'Mining' for dropdown attribute 'mx_Industry'. Allowed values: Education, Finance, Healthcare, Retail"],
			[body('Partners', { CompanyName: 'X', OwnerId: 'karan.mehta@sandbox.example.com' }), 'MXInvalidInputException', "Invalid OwnerId 'karan.mehta@sandbox.example.com': no active user has this id or e-mail address"],
			[body('Vendors', { CompanyName: 'X', mx_Industry: 'Retail' }), 'MXUnknownAttributeException', 'Attribute(s) does not exist - mx_Industry'],
		];
		for (const [payload, type, message] of cases) expect((await post(sb, X.companyCreate, payload)).json).toEqual({ Status: 'Error', ExceptionType: type, ExceptionMessage: message });
		expect(sb.accounts().companies).toHaveLength(3);
	});

	it('Company.Update changes only what is sent → {AffectedRows:1}; the owner by id or e-mail; unknown id and cleared CompanyName → errors', async () => {
		const res = await post(sb, X.companyUpdate, { CompanyProperties: props({ City: 'Pune', OwnerId: ASHA.email }) }, { companyId: ACME.id });
		expect(res.json).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		expect(sb.accounts().companies[0].Values).toMatchObject({ CompanyName: ACME.name, City: 'Pune', OwnerId: ASHA.id, Phone: '+91-8923748971' });
		expect((await post(sb, X.companyUpdate, { CompanyProperties: props({ City: 'X' }) }, { companyId: 'nope' })).json.ExceptionMessage).toBe('Company does not exist');
		expect((await post(sb, X.companyUpdate, { CompanyProperties: props({ CompanyName: '' }) }, { companyId: ACME.id })).json.ExceptionMessage).toBe('Mandatory attribute(s) missing - CompanyName');
		expect((await post(sb, X.companyUpdate, { CompanyProperties: [] })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: companyId');
	});

	it('Company.Get: companyPropertyList rows of the type, OwnerName (not OwnerIdName), empty values null; RecordCount', async () => {
		const res = await get({});
		expect(res.status).toBe(200);
		expect(res.json.RecordCount).toBe(2);
		const acme = flatCompany(res.json.Companies[0]);
		expect(acme).toMatchObject({ CompanyId: ACME.id, CompanyName: ACME.name, Phone: '+91-8923748971', OwnerId: ADMIN_ID, OwnerName: 'Sandbox Admin', Description: null, mx_Industry: 'Education' });
		expect(Object.keys(acme)).not.toContain('OwnerIdName');
		const vendors = await post(sb, X.companyGet, { Query: { CompanyType: { CompanyTypeName: 'vendors' } } });
		expect(vendors.json.Companies.map((c: Parameters<typeof flatCompany>[0]) => flatCompany(c).CompanyName)).toEqual(['Water Services']);
	});

	it('Company.Get: SearchText, FilterBy, DateRange filter (the Query wrapper is honoured); Include_CSV in its order', async () => {
		expect((await get({ SearchText: 'north' })).json.Companies.map((c: Parameters<typeof flatCompany>[0]) => flatCompany(c).CompanyId)).toEqual([NORTHWIND.id]);
		expect((await get({ FilterBy: { LookupName: 'Stage', LookupValue: 'Partner', SqlOperator: '=' } })).json.RecordCount).toBe(1);
		expect((await get({ FilterBy: { LookupName: 'mx_Employees', LookupValue: '100', SqlOperator: '>' } })).json.RecordCount).toBe(1);
		expect((await get({ FilterBy: { LookupName: 'City', LookupValue: 'nowhere', SqlOperator: '=' } })).json).toEqual({ RecordCount: 0, Companies: [] });
		expect((await get({ DateRange: { DateField: 'Modified On', FromDate: '2000-01-01 00:00:00', ToDate: '2000-01-02 00:00:00' } })).json.RecordCount).toBe(0);
		expect((await get({ DateRange: { DateField: 'CreatedOn', FromDate: '2000-01-01', ToDate: '2999-01-01 00:00:00' } })).json.RecordCount).toBe(2);
		const columns = await get({}, { Columns: { Include_CSV: 'CompanyName, OwnerName,CompanyId' } });
		expect(columns.json.Companies[0].companyPropertyList).toEqual([
			{ Attribute: 'CompanyName', Value: ACME.name },
			{ Attribute: 'OwnerName', Value: 'Sandbox Admin' },
			{ Attribute: 'CompanyId', Value: ACME.id },
		]);
	});

	it('Company.Get errors: no CompanyTypeName, bad operator, unknown column (companyUnknownColumns), page size above the maximum', async () => {
		expect((await post(sb, X.companyGet, { Query: {} })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: CompanyTypeName');
		expect((await get({ FilterBy: { LookupName: 'Stage', LookupValue: 'x', SqlOperator: '!=' } })).json.ExceptionMessage).toBe("Invalid SqlOperator '!='");
		expect((await get({ FilterBy: { LookupName: 'Nope', LookupValue: 'x', SqlOperator: '=' } })).json.ExceptionType).toBe('MXUnknownAttributeException');
		expect((await get({ DateRange: { DateField: 'Birthday', FromDate: '2000-01-01', ToDate: '2000-01-01' } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: DateField');
		expect((await get({}, { Columns: { Include_CSV: 'CompanyName,OwnerIdName' } })).json.ExceptionMessage).toBe('Invalid column(s) in Include_CSV - OwnerIdName');
		sb.configure({ companyUnknownColumns: 'ignore' });
		expect((await get({}, { Columns: { Include_CSV: 'CompanyName,OwnerIdName' } })).json.Companies[0].companyPropertyList).toEqual([{ Attribute: 'CompanyName', Value: ACME.name }]);
		expect((await get({}, { Paging: { PageIndex: 1, PageSize: 1001 } })).json.ExceptionMessage).toBe('PageSize can not be more than 1000');
		sb.configure({ companyMaxPageSize: 1 });
		expect((await get({}, { Paging: { PageIndex: 1, PageSize: 2 } })).json.ExceptionMessage).toBe('PageSize can not be more than 1');
	});

	it('Company.Get paging by a unique order never repeats or skips; sorting by a column, descending', async () => {
		for (let n = 0; n < 5; n++) await post(sb, X.companyCreate, { CompanyType: { CompanyTypeName: 'Partners' }, CompanyProperties: props({ CompanyName: `Tie ${n}`, City: 'Same' }) });
		sb.configure({ unstableTieOrder: true });
		const ids: string[] = [];
		for (let pageIndex = 1; pageIndex <= 4; pageIndex++) {
			const res = await get({}, { Sorting: { ColumnName: 'CompanyId', Direction: '0' }, Paging: { PageIndex: pageIndex, PageSize: 2 } });
			ids.push(...res.json.Companies.map((c: Parameters<typeof flatCompany>[0]) => String(flatCompany(c).CompanyId)));
		}
		expect(ids).toHaveLength(7);
		expect(new Set(ids).size).toBe(7);
		expect([...ids].sort()).toEqual(ids);
		const byName = await get({}, { Sorting: { ColumnName: 'CompanyName', Direction: '1' }, Paging: { PageIndex: 1, PageSize: 1 } });
		expect(flatCompany(byName.json.Companies[0]).CompanyName).toBe('Tie 4');
	});

	it('Company.Delete → {"Status":"Success","Message":{}}; withLeadDelete true deletes the linked leads, false unlinks them; the activities go', async () => {
		sb.configure({ fields: [...defaultFields(), { schemaName: 'RelatedCompanyId', displayName: 'Account', dataType: 'Text' }] });
		const linked = await newLead(sb, 'linked@example.com', { RelatedCompanyId: ACME.id });
		const kept = await newLead(sb, 'kept@example.com', { RelatedCompanyId: NORTHWIND.id });
		await post(sb, X.companyActivityCreate, { RelatedCompanyId: ACME.id, ActivityEvent: 10002, Fields: [{ SchemaName: 'mx_Custom_1', Value: '5' }] });
		const res = await call(sb, X.companyDelete, { query: { companyId: ACME.id, withLeadDelete: 'true' } });
		expect(res.json).toEqual({ Status: 'Success', Message: {} });
		expect(sb.findLeads((l) => l.ProspectID === linked)).toEqual([]);
		expect(sb.accounts().activities).toEqual([]);
		await call(sb, X.companyDelete, { query: { companyId: NORTHWIND.id, withLeadDelete: 'false' } });
		expect(sb.findLeads((l) => l.ProspectID === kept)[0].RelatedCompanyId).toBe('');
		expect(sb.accounts().companies.map((c) => c.CompanyTypeName)).toEqual(['Vendors']);
		expect((await call(sb, X.companyDelete, { query: { companyId: ACME.id } })).json.ExceptionMessage).toBe('Company does not exist');
		expect((await call(sb, X.companyDelete)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: companyId');
	});

	it('the companies and companyTypes options replace the seeds; an unknown seed type fails the start', async () => {
		sb.configure({ companyTypes: [{ name: 'Schools' }], companies: [{ type: 'Schools', values: { CompanyName: 'St. Mary' } }] });
		sb.reset();
		expect(sb.accounts().companies.map((c) => [c.CompanyTypeName, c.Values.CompanyName])).toEqual([['Schools', 'St. Mary']]);
		await expect(startSandbox({ companies: [{ type: 'Nope', values: { CompanyName: 'X' } }] })).rejects.toThrow("unknown type 'Nope'");
	});
});

describe('sandbox: account activities (CompanyActivity.svc)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	const create = (body: Record<string, unknown>) => post(sb, X.companyActivityCreate, body);

	it('Create → {Id}; fields checked against the account type; Retrieve lists them newest first with ActivityFields', async () => {
		const first = await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10001, ActivityNote: 'Kick-off', ActivityDateTime: '2026-03-01 09:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Pricing' }, { SchemaName: 'Status', Value: 'Active' }] });
		expect(first.json).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
		const second = await create({ RelatedCompanyId: ACME.id, ActivityEvent: '10002', ActivityDateTime: '2026-03-05 09:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: '250000' }, { SchemaName: 'Owner', Value: ASHA.email }] });
		const res = await post(sb, X.companyActivities, { Parameter: { FromDate: '2026-03-01 00:00:00', ToDate: '2026-03-31 23:59:59' }, Paging: { PageIndex: '1', PageSize: '100' } }, { companyId: ACME.id });
		expect(res.json.RecordCount).toBe(2);
		expect(res.json.CompanyActivities.map((a: { CompanyActivityId: string }) => a.CompanyActivityId)).toEqual([second.json.Message.Id, first.json.Message.Id]);
		expect(res.json.CompanyActivities[1]).toEqual({
			CompanyActivityId: first.json.Message.Id,
			RelatedCompanyId: ACME.id,
			ActivityEvent: 10001,
			ActivityNote: 'Kick-off',
			ActivityDateTime: '2026-03-01 09:00:00',
			ActivityType: 2,
			CreatedByName: 'Sandbox Admin',
			ActivityDisplayName: 'Partner Meeting',
			CreatedOn: expect.any(String),
			ModifiedOn: expect.any(String),
			CreatedBy: ADMIN_ID,
			ModifiedBy: ADMIN_ID,
			ModifiedByName: 'Sandbox Admin',
			ActivityFields: { Owner: ADMIN_ID, mx_Custom_1: 'Pricing', Status: 'Active' },
		});
		expect(res.json.CompanyActivities[0].ActivityFields.Owner).toBe(ASHA.id);
		const window = await post(sb, X.companyActivities, { Parameter: { FromDate: '2026-03-02 00:00:00', ToDate: '2026-03-31 23:59:59' } }, { companyId: ACME.id });
		expect(window.json.RecordCount).toBe(1);
		const paged = await post(sb, X.companyActivities, { Paging: { PageIndex: 2, PageSize: 1 } }, { companyId: ACME.id });
		expect(paged.json.CompanyActivities.map((a: { CompanyActivityId: string }) => a.CompanyActivityId)).toEqual([first.json.Message.Id]);
		expect((await post(sb, X.companyActivities, {}, { companyId: NORTHWIND.id })).json).toEqual({ RecordCount: 0, CompanyActivities: [] });
	});

	it('Create errors: unknown account, a code of another account type or unknown, a missing mandatory field, a bad dropdown value', async () => {
		expect((await create({ RelatedCompanyId: 'nope', ActivityEvent: 10001 })).json.ExceptionMessage).toBe('Company does not exist');
		expect((await create({ ActivityEvent: 10001 })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: RelatedCompanyId');
		expect((await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10003, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'PO-1' }] })).json.ExceptionMessage).toBe('Event Code is invalid or empty');
		expect((await create({ RelatedCompanyId: ACME.id, ActivityEvent: 201 })).json.ExceptionType).toBe('MXInvalidActivityException');
		expect((await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10001 })).json.ExceptionMessage).toBe("Field name : 'mx_Custom_1' of datatype : 'String' is mandatory.");
		expect((await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10001, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }, { SchemaName: 'Status', Value: 'Paused' }] })).json.ExceptionMessage).toContain('Allowed values: Active, Inactive');
		expect(sb.accounts().activities).toEqual([]);
	});

	it('Retrieve: activities at the same time come back the later posted first with unstableTieOrder false, and in a new order on every call by default', async () => {
		const ids: string[] = [];
		for (let n = 0; n < 6; n++) ids.push((await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10001, ActivityDateTime: '2026-03-01 09:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: `Tie ${n}` }] })).json.Message.Id);
		const order = async (): Promise<string> => (await post(sb, X.companyActivities, {}, { companyId: ACME.id })).json.CompanyActivities.map((a: { CompanyActivityId: string }) => a.CompanyActivityId).join();
		sb.configure({ unstableTieOrder: false });
		expect(await order()).toBe([...ids].reverse().join());
		sb.configure({ unstableTieOrder: true });
		const orders = new Set<string>();
		for (let n = 0; n < 10; n++) orders.add(await order());
		sb.configure({ unstableTieOrder: undefined });
		expect(orders.size).toBeGreaterThan(1);
	});

	it('Update changes the note and the fields sent → {Id, IsSuccessful:true}; an unknown id → error', async () => {
		const id = (await create({ RelatedCompanyId: ACME.id, ActivityEvent: 10001, ActivityNote: 'Old', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Pricing' }] })).json.Message.Id;
		const res = await post(sb, X.companyActivityUpdate, { CompanyActivityId: id, ActivityNote: 'New', Fields: [{ SchemaName: 'mx_Custom_2', Value: '2026-04-01 10:00:00' }] });
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: id, IsSuccessful: true } });
		expect(sb.accounts().activities[0]).toMatchObject({ ActivityNote: 'New', Fields: { mx_Custom_1: 'Pricing', mx_Custom_2: '2026-04-01 10:00:00' } });
		expect((await post(sb, X.companyActivityUpdate, { CompanyActivityId: 'nope' })).json.ExceptionMessage).toBe('Account activity does not exist');
		expect((await post(sb, X.companyActivityUpdate, { CompanyActivityId: id, Fields: [{ SchemaName: 'mx_Custom_1', Value: '' }] })).json.ExceptionType).toBe('MXInvalidActivityFieldsException');
	});
});
