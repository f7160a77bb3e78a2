import { demoLeads, demoLists, startSandbox, type Sandbox } from '../../sandbox';
import { call, upsert } from './client';

const L = {
	get: '/v2/LeadManagement.svc/Lists.Get',
	addMany: '/v2/LeadSegmentation.svc/AddLeadsToStaticList',
	addOne: '/v2/LeadManagement.svc/AddLeadToStaticList',
	remove: '/v2/LeadSegmentation.svc/RemoveLeadFromStaticList',
	empty: '/v2/LeadSegmentation.svc/Lists/EmptyStaticList',
};

interface ListRow {
	ListId: string;
	ListName: string;
	ListDescription: string;
	ListType: string;
	MemberCount: number;
}

describe('sandbox: lists (Lists.Get, adding and removing leads)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({
			leads: demoLeads(),
			lists: [
				...demoLists(),
				{ id: 'refresh-1', name: 'Refreshable Customers', type: 'refreshable', criteria: { LookupName: 'ProspectStage', LookupValue: 'Customer', SqlOperator: '=' } },
				{ id: 'static-x', name: 'Extra static', type: 'static' },
			],
			rateLimit: { calls: 0, windowMs: 1000 },
		});
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ listsPageSize: undefined, systemLists: undefined, listUnknownLeads: undefined, listRemoveNonMember: undefined });
		sb.reset();
	});

	const idOf = (email: string): string => String(sb.findLeads((l) => l.EmailAddress === email)[0].ProspectID);
	const listId = (name: string): string => String(sb.lists().find((l) => l.name === name)?.id);
	const members = (name: string): string[] => sb.lists().find((l) => l.name === name)?.leadIds ?? [];
	const lists = async (query: Record<string, string> = {}): Promise<ListRow[]> => {
		const res = await call(sb, L.get, { query });
		expect(res.status).toBe(200);
		return res.json;
	};

	it('Lists.Get answers the documented array, system lists first [INF], with member counts', async () => {
		const rows = await lists();
		expect(rows.map((r) => [r.ListName, r.ListType, r.MemberCount])).toEqual([
			['Starred Leads', 'static', 0],
			['All Leads', 'dynamic', 4],
			['Webinar Attendees', 'static', 2],
			['Newsletter Prospects', 'static', 0],
			['Mumbai Leads', 'dynamic', 1],
			['Refreshable Customers', 'refreshable', 1],
			['Extra static', 'static', 0],
		]);
		expect(rows[0]).toEqual({
			ListId: '3c6f3d0b-8374-11e7-ab78-02de49b06427',
			ListName: 'Starred Leads',
			ListDescription: 'List of leads which are Starred by you.',
			ListType: 'static',
			MemberCount: 0,
		});
		expect(rows[2].ListId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('ListType 0/1/2 filters static, dynamic, refreshable; SearchText searches names case-insensitively', async () => {
		expect((await lists({ ListType: '0' })).map((r) => r.ListName)).toEqual(['Starred Leads', 'Webinar Attendees', 'Newsletter Prospects', 'Extra static']);
		expect((await lists({ ListType: '1' })).map((r) => r.ListName)).toEqual(['All Leads', 'Mumbai Leads']);
		expect((await lists({ ListType: '2' })).map((r) => r.ListName)).toEqual(['Refreshable Customers']);
		expect((await lists({ SearchText: 'LEADS' })).map((r) => r.ListName)).toEqual(['Starred Leads', 'All Leads', 'Mumbai Leads']);
		expect((await lists({ SearchText: 'leads', listtype: '1' })).map((r) => r.ListName)).toEqual(['All Leads', 'Mumbai Leads']);
		expect(await lists({ SearchText: 'nothing like this' })).toEqual([]);
		const bad = await call(sb, L.get, { query: { ListType: '5' } });
		expect(bad.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: ListType' });
	});

	it('PageIndex pages through listsPageSize lists [INF]; systemLists: false leaves only the created lists', async () => {
		sb.configure({ listsPageSize: 3 });
		const pages = [];
		for (const PageIndex of ['1', '2', '3', '4']) pages.push((await lists({ PageIndex })).map((r) => r.ListName));
		expect(pages.map((p) => p.length)).toEqual([3, 3, 1, 0]);
		expect(pages.flat()).toHaveLength(7);
		expect((await call(sb, L.get, { query: { PageIndex: '0' } })).json.ExceptionType).toBe('MXInvalidInputException');
		sb.configure({ systemLists: false, listsPageSize: undefined });
		sb.reset();
		expect((await lists()).map((r) => r.ListName)).not.toContain('All Leads');
		expect(await lists()).toHaveLength(5);
	});

	it('AddLeadsToStaticList adds several leads at once; duplicates are not added again', async () => {
		const id = listId('Newsletter Prospects');
		const leadIds = [idOf('priya.sharma@example.com'), idOf('rahul.verma@example.org')];
		const res = await call(sb, L.addMany, { body: { listId: id, leadIds } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Message: 'Successfully added 2 lead(s) to list' } });
		expect(members('Newsletter Prospects')).toEqual(leadIds);
		const again = await call(sb, L.addMany, { body: { listId: id, leadIds: [...leadIds, idOf('john.miller@example.com')] } });
		expect(again.json.Message.Message).toBe('Successfully added 1 lead(s) to list');
		expect((await lists({ SearchText: 'Newsletter' }))[0].MemberCount).toBe(3);
	});

	it('AddLeadsToStaticList with an unknown lead id: an error and nothing added, or with listUnknownLeads "ignore" the known ones [INF]', async () => {
		const id = listId('Newsletter Prospects');
		const body = { listId: id, leadIds: [idOf('priya.sharma@example.com'), 'no-such-lead'] };
		const res = await call(sb, L.addMany, { body });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: "Records not associated with List where Entity Type didn't match",
		});
		expect(members('Newsletter Prospects')).toEqual([]);
		sb.configure({ listUnknownLeads: 'ignore' });
		expect((await call(sb, L.addMany, { body })).json.Message.Message).toBe('Successfully added 1 lead(s) to list');
		expect(members('Newsletter Prospects')).toEqual([idOf('priya.sharma@example.com')]);
	});

	it('AddLeadsToStaticList refuses a dynamic or refreshable list, an unknown list and bad input [INF messages]', async () => {
		const leadIds = [idOf('priya.sharma@example.com')];
		for (const name of ['Mumbai Leads', 'All Leads', 'Refreshable Customers']) {
			const res = await call(sb, L.addMany, { body: { listId: listId(name), leadIds } });
			expect(res.status).toBe(500);
			expect(res.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: expect.stringMatching(/static list/) });
		}
		expect(members('Mumbai Leads')).toEqual([idOf('rahul.verma@example.org')]);
		const unknown = await call(sb, L.addMany, { body: { listId: 'no-such-list', leadIds } });
		expect(unknown.json).toMatchObject({ ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'List does not exist in the system' });
		expect((await call(sb, L.addMany, { body: { leadIds } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: listId');
		expect((await call(sb, L.addMany, { body: { listId: 'static-x', leadIds: [] } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: leadIds');
		expect((await call(sb, L.addMany, { body: { listId: 'static-x', leadIds: 'a,b' } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: leadIds');
		expect((await call(sb, L.addMany, { rawBody: '{', contentType: 'application/json' })).status).toBe(400);
	});

	it('AddLeadToStaticList adds one lead: {Id, AffectedRows: 1}, then 0 when already a member [INF]', async () => {
		const lead = idOf('ananya.iyer@example.net');
		const res = await call(sb, L.addOne, { method: 'POST', query: { listId: 'static-x', leadId: lead } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: lead, AffectedRows: 1 } });
		const again = await call(sb, L.addOne, { method: 'POST', query: { listId: 'STATIC-X', leadId: lead.toUpperCase() } });
		expect(again.json).toEqual({ Status: 'Success', Message: { Id: lead, AffectedRows: 0 } });
		expect(members('Extra static')).toEqual([lead]);
	});

	it('AddLeadToStaticList refuses an unknown lead, a dynamic list, a missing parameter and GET', async () => {
		const unknownLead = await call(sb, L.addOne, { method: 'POST', query: { listId: 'static-x', leadId: 'nope' } });
		expect(unknownLead.json).toMatchObject({ ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' });
		const lead = idOf('ananya.iyer@example.net');
		expect((await call(sb, L.addOne, { method: 'POST', query: { listId: 'refresh-1', leadId: lead } })).json.ExceptionType).toBe('MXInvalidInputException');
		expect((await call(sb, L.addOne, { method: 'POST', query: { leadId: lead } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: listId');
		expect((await call(sb, L.addOne, { query: { listId: 'static-x', leadId: lead } })).status).toBe(405);
		expect(members('Extra static')).toEqual([]);
	});

	it('RemoveLeadFromStaticList removes one lead; a non-member is a success unless listRemoveNonMember "error" [INF]', async () => {
		const webinar = listId('Webinar Attendees');
		const priya = idOf('priya.sharma@example.com');
		const res = await call(sb, L.remove, { query: { ListId: webinar, LeadID: priya } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success', Message: { Message: 'Successfully removed lead from list' } });
		expect(members('Webinar Attendees')).toEqual([idOf('john.miller@example.com')]);
		expect((await call(sb, L.remove, { query: { ListId: webinar, LeadID: priya } })).status).toBe(200);
		sb.configure({ listRemoveNonMember: 'error' });
		const strict = await call(sb, L.remove, { query: { ListId: webinar, LeadID: priya } });
		expect(strict.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Lead is not a member of the list' });
	});

	it('RemoveLeadFromStaticList refuses an unknown lead, an unknown list and a dynamic list', async () => {
		const priya = idOf('priya.sharma@example.com');
		expect((await call(sb, L.remove, { query: { ListId: listId('Webinar Attendees'), LeadID: 'nope' } })).json.ExceptionType).toBe('MXInvalidEntityException');
		expect((await call(sb, L.remove, { query: { ListId: 'nope', LeadID: priya } })).json.ExceptionMessage).toBe('List does not exist in the system');
		expect((await call(sb, L.remove, { query: { ListId: listId('All Leads'), LeadID: priya } })).json.ExceptionType).toBe('MXInvalidInputException');
		expect(members('All Leads')).toContain(priya);
	});

	it('Lists/EmptyStaticList removes every lead of a static list', async () => {
		const webinar = listId('Webinar Attendees');
		const res = await call(sb, L.empty, { query: { ListId: webinar } });
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: webinar } });
		expect(members('Webinar Attendees')).toEqual([]);
		expect((await call(sb, L.empty, { query: { ListId: listId('Mumbai Leads') } })).json.ExceptionType).toBe('MXInvalidInputException');
	});

	it('a dynamic list follows its criteria as leads change; a static list does not', async () => {
		expect(members('Mumbai Leads')).toHaveLength(1);
		await upsert(sb, { EmailAddress: 'john.miller@example.com', mx_City: 'Mumbai' });
		expect(members('Mumbai Leads')).toEqual([idOf('rahul.verma@example.org'), idOf('john.miller@example.com')]);
		await upsert(sb, { EmailAddress: 'new.lead@example.com', LastName: 'New' });
		expect(members('All Leads')).toHaveLength(5);
		expect(members('Webinar Attendees')).toHaveLength(2);
	});

	it('a seed list naming an unknown lead fails at start', async () => {
		await expect(startSandbox({ lists: [{ name: 'Broken', type: 'static', leadIds: ['ghost@example.com'] }] })).rejects.toThrow(/unknown lead 'ghost@example.com'/);
		await expect(
			startSandbox({ lists: [{ name: 'Broken', type: 'dynamic', criteria: { LookupName: 'mx_Nope', LookupValue: 'x', SqlOperator: '=' } }] }),
		).rejects.toThrow(/mx_Nope/);
	});
});
