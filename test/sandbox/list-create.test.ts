import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { newLead, post } from './crm-client';
import { X } from './crm-extra-client';

describe('sandbox: CreateEmptyList', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ listDuplicateNames: undefined });
		sb.reset();
	});

	it('creates an empty static list → {Status, Message:{Id}}; Lists.Get shows it; leads can be added and read back', async () => {
		const res = await post(sb, X.listCreate, { Name: 'Webinar Attendees', Description: 'March webinar' });
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const listId = res.json.Message.Id as string;
		const lists = await call(sb, '/v2/LeadManagement.svc/Lists.Get');
		expect(lists.json).toContainEqual({ ListId: listId, ListName: 'Webinar Attendees', ListDescription: 'March webinar', ListType: 'static', MemberCount: 0 });
		const leadId = await newLead(sb, 'attendee@example.com');
		expect((await post(sb, '/v2/LeadSegmentation.svc/AddLeadsToStaticList', { listId, leadIds: [leadId] })).json.Message.Message).toBe('Successfully added 1 lead(s) to list');
		const members = await post(sb, '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter', { SearchParameters: { ListId: listId, RetrieveBehaviour: '0' }, Paging: { PageIndex: 1, PageSize: 10 } });
		expect(members.json.RecordCount).toBe(1);
	});

	it('a missing Name, and a taken name unless listDuplicateNames allow → errors', async () => {
		expect((await post(sb, X.listCreate, { Description: 'x' })).json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: Name' });
		await post(sb, X.listCreate, { Name: 'Hot Leads' });
		expect((await post(sb, X.listCreate, { Name: 'hot leads' })).json).toEqual({ Status: 'Error', ExceptionType: 'MXDuplicateEntryException', ExceptionMessage: "A list with the name 'hot leads' already exists" });
		sb.configure({ listDuplicateNames: 'allow' });
		expect((await post(sb, X.listCreate, { Name: 'Hot Leads' })).status).toBe(200);
		expect(sb.lists().filter((l) => l.name.toLowerCase() === 'hot leads')).toHaveLength(2);
	});
});
