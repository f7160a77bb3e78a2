import { demoLeads, startSandbox, type Sandbox } from '../../sandbox';
import { call, P, upsert } from './client';

describe('sandbox: lead reads', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({
			leads: [
				...demoLeads(),
				{ ProspectID: 'phone-old', LastName: 'Old', Mobile: '+91-9700000000', ModifiedOn: '2023-01-01 00:00:00' },
				{ ProspectID: 'phone-new', LastName: 'New', Phone: '+919700000000', ModifiedOn: '2024-01-01 00:00:00' },
			],
		});
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	const priya = (): Record<string, unknown> => sb.findLeads((l) => l.FirstName === 'Priya')[0];

	it('Leads.GetById returns [flat lead] with string values and .000 dates, [] for an unknown id', async () => {
		const id = String(priya().ProspectID);
		const res = await call(sb, P.byId, { query: { id } });
		expect(res.status).toBe(200);
		expect(res.json).toHaveLength(1);
		const lead = res.json[0];
		expect(lead).toMatchObject({
			ProspectID: id,
			ProspectAutoId: expect.stringMatching(/^\d+$/),
			FirstName: 'Priya',
			Phone: '+91-9845012345',
			mx_Newsletter: '1',
			Score: null,
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000$/),
			ModifiedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000$/),
		});
		for (const value of Object.values(lead)) expect(value === null || typeof value === 'string').toBe(true);
		expect(JSON.parse(lead.mx_KYC)).toEqual({ Status: 'Pending', mx_CustomObject_1: 'pan-card.png', mx_CustomObject_2: 'ABCPS1234K' });
		expect((await call(sb, P.byId, { query: { id: 'no-such-id' } })).json).toEqual([]);
	});

	it('a missing parameter is an MX error [INF]', async () => {
		const res = await call(sb, P.byId);
		expect(res.status).toBe(500);
		expect(res.json.ExceptionType).toBe('MXInvalidInputException');
	});

	it('Leads.GetByEmailaddress matches e-mail case-insensitively', async () => {
		const res = await call(sb, P.byEmail, { query: { emailaddress: 'PRIYA.Sharma@example.com' } });
		expect(res.json.map((l: { FirstName: string }) => l.FirstName)).toEqual(['Priya']);
		expect((await call(sb, P.byEmail, { query: { emailaddress: 'nobody@example.com' } })).json).toEqual([]);
		const spelled = await call(sb, '/v2/LeadManagement.svc/Leads.GetByEmailAddress', { query: { EmailAddress: 'priya.sharma@example.com' } });
		expect(spelled.json).toHaveLength(1);
	});

	it('RetrieveLeadByPhoneNumber matches Phone and Mobile by digits; several → the most recently modified', async () => {
		const byMobile = await call(sb, P.byPhone, { query: { phone: '919811122233' } });
		expect(byMobile.json.map((l: { FirstName: string }) => l.FirstName)).toEqual(['Rahul']);
		const shared = await call(sb, P.byPhone, { query: { phone: '+91 97000-00000' } });
		expect(shared.json.map((l: { ProspectID: string }) => l.ProspectID)).toEqual(['phone-new']);
		await upsert(sb, [
			{ Attribute: 'ProspectID', Value: 'phone-old' },
			{ Attribute: 'SearchBy', Value: 'ProspectId' },
			{ Attribute: 'FirstName', Value: 'Touched' },
		]);
		const after = await call(sb, P.byPhone, { query: { phone: '919700000000' } });
		expect(after.json.map((l: { ProspectID: string }) => l.ProspectID)).toEqual(['phone-old']);
		expect((await call(sb, P.byPhone, { query: { phone: '9845012345' } })).json[0].FirstName).toBe('Priya');
		expect((await call(sb, P.byPhone, { query: { phone: '1234567' } })).json).toEqual([]);
	});

	it('Leads/Retrieve/ByIds returns {RecordCount, Leads} with columns and paging', async () => {
		const ids = sb.leads().map((l) => String(l.ProspectID));
		const res = await call(sb, P.byIds, {
			body: { SearchParameters: { LeadIds: [ids[0], 'unknown', ids[1], ids[2]] }, Columns: { Include_CSV: 'ProspectID, FirstName' }, Paging: { PageIndex: 1, PageSize: 2 } },
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			RecordCount: 3,
			Leads: [
				{ ProspectID: ids[0], FirstName: 'Priya' },
				{ ProspectID: ids[1], FirstName: 'Rahul' },
			],
		});
		const page2 = await call(sb, P.byIds, { body: { SearchParameters: { LeadIds: ids.slice(0, 3) }, Paging: { PageIndex: 2, PageSize: 2 } } });
		expect(page2.json.Leads).toHaveLength(1);
		expect(page2.json.Leads[0].FirstName).toBe('Ananya');
		expect((await call(sb, P.byIds, { body: {} })).json.ExceptionType).toBe('MXInvalidInputException');
	});

	it('Leads.GetByQuickSearch finds by name, e-mail or phone digits (extra)', async () => {
		const res = await call(sb, P.quickSearch, { query: { key: 'iyer' } });
		expect(res.json.map((l: { FirstName: string }) => l.FirstName)).toEqual(['Ananya']);
		expect((await call(sb, P.quickSearch, { query: { key: '4155550123' } })).json[0].FirstName).toBe('John');
	});

	it('reads reflect writes; sandbox.leads() returns deep copies', async () => {
		const copy = sb.leads()[0];
		(copy.mx_KYC as Record<string, string>).Status = 'Tampered';
		copy.FirstName = 'Tampered';
		expect(priya()).toMatchObject({ FirstName: 'Priya', mx_KYC: { Status: 'Pending' } });
		await upsert(sb, { EmailAddress: 'priya.sharma@example.com', mx_City: 'Mysore' });
		const res = await call(sb, P.byEmail, { query: { emailaddress: 'priya.sharma@example.com' } });
		expect(res.json[0].mx_City).toBe('Mysore');
	});
});
