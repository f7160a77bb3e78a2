import { defaultUsers, startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ADMIN_ID, ASHA, C, newLead, post } from './crm-client';

describe('sandbox: notes', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	const retrieve = (parameter: Record<string, unknown>, rest: Record<string, unknown> = {}) => post(sb, C.noteRetrieve, { Parameter: parameter, ...rest });

	it('CreateNote → {Status, Message:{Id}}; the attachment URL is kept with its file name', async () => {
		const leadId = await newLead(sb, 'note@example.com');
		const res = await post(sb, C.noteCreate, {
			RelatedProspectId: leadId,
			Note: 'Hi, this is a test note created through API.',
			AttachmentName: 'http://help.leadsquared.com/wp-content/uploads/2015/02/reports%20home.png?v=2',
		});
		expect(res.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		expect(sb.records().notes).toEqual([
			expect.objectContaining({
				ProspectNoteId: res.json.Message.Id,
				RelatedProspectId: leadId,
				Note: 'Hi, this is a test note created through API.',
				AttachmentName: 'reports home.png',
				AttachmentURL: 'http://help.leadsquared.com/wp-content/uploads/2015/02/reports%20home.png?v=2',
			}),
		]);
	});

	it('CreateNote errors: no lead id, unknown lead, no note text', async () => {
		const leadId = await newLead(sb, 'note-err@example.com');
		expect((await post(sb, C.noteCreate, { Note: 'x' })).json).toEqual({ Status: 'Error', ExceptionType: 'MXMandatoryAttributeMissingException', ExceptionMessage: "'RelatedProspectId' is mandatory" });
		expect((await post(sb, C.noteCreate, { RelatedProspectId: 'b0000000-0000-0000-0000-000000000000', Note: 'x' })).json.ExceptionMessage).toBe('Lead does not exist in the system');
		expect((await post(sb, C.noteCreate, { RelatedProspectId: leadId, Note: '  ' })).json.ExceptionMessage).toBe("'Note' is mandatory");
		expect(sb.records().notes).toHaveLength(0);
	});

	it('RetrieveNote: the lead notes newest first, one note by Id, oldest first with Direction 0, paged (notes of the same second in creation order with unstableTieOrder off)', async () => {
		sb.configure({ unstableTieOrder: false });
		const leadId = await newLead(sb, 'notes@example.com');
		const other = await newLead(sb, 'other-notes@example.com');
		const ids: string[] = [];
		for (const text of ['first', 'second', 'third']) ids.push((await post(sb, C.noteCreate, { RelatedProspectId: leadId, Note: text })).json.Message.Id);
		await post(sb, C.noteCreate, { RelatedProspectId: other, Note: 'not mine' });
		const all = await retrieve({ RelatedId: leadId });
		expect(all.json.RecordCount).toBe(3);
		expect(all.json.List.map((n: { Note: string }) => n.Note)).toEqual(['third', 'second', 'first']);
		expect(all.json.List[2]).toEqual({
			ProspectNoteId: ids[0],
			RelatedProspectId: leadId,
			Note: 'first',
			AttachmentName: null,
			AttachmentURL: null,
			CreatedBy: ADMIN_ID,
			CreatedByName: 'Sandbox Admin',
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			ModifiedBy: ADMIN_ID,
			ModifiedByName: 'Sandbox Admin',
			ModifiedOn: expect.any(String),
		});
		expect((await retrieve({ RelatedId: leadId, Id: ids[1] })).json.List.map((n: { Note: string }) => n.Note)).toEqual(['second']);
		const asc = await retrieve({ RelatedId: leadId }, { Sorting: { ColumnName: 'CreatedOn', Direction: 0 }, Paging: { PageIndex: 2, PageSize: 2 } });
		expect(asc.json.RecordCount).toBe(3);
		expect(asc.json.List.map((n: { Note: string }) => n.Note)).toEqual(['third']);
		expect((await retrieve({})).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: RelatedId');
		sb.configure({ unstableTieOrder: undefined });
	});

	it('RetrieveNote: by default, notes of the same second come in a new order on every call, as LeadSquared\'s do', async () => {
		const leadId = await newLead(sb, 'same-second@example.com');
		for (let n = 0; n < 12; n++) await post(sb, C.noteCreate, { RelatedProspectId: leadId, Note: `Note ${n}` });
		const orders = new Set<string>();
		for (let call = 0; call < 5; call++) orders.add((await retrieve({ RelatedId: leadId })).json.List.map((n: { Note: string }) => n.Note).join());
		expect(orders.size).toBeGreaterThan(1);
	});
});

describe('sandbox: users', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ users: undefined });
		sb.reset();
	});

	it('Users.Get lists every user (StatusCode 0 active, 1 inactive); the administrator is the API user', async () => {
		const res = await call(sb, C.users);
		expect(res.status).toBe(200);
		expect(res.json.map((u: { EmailAddress: string; Role: string; StatusCode: number }) => [u.EmailAddress, u.Role, u.StatusCode])).toEqual([
			['admin@sandbox.example.com', 'Administrator', 0],
			['vir.singh@sandbox.example.com', 'Sales_Manager', 0],
			['asha.rao@sandbox.example.com', 'Sales_User', 0],
			['karan.mehta@sandbox.example.com', 'Sales_User', 1],
		]);
		expect(res.json[2]).toEqual({
			ID: ASHA.id,
			FirstName: 'Asha',
			LastName: 'Rao',
			EmailAddress: ASHA.email,
			Role: 'Sales_User',
			StatusCode: 0,
			MemberOfGroups: ['North India'],
			Tag: null,
			IsPhoneCallAgent: true,
		});
		const me = await call(sb, '/v2/Authentication.svc/UserByAccessKey.Get');
		expect(me.json.Id).toBe(res.json[0].ID);
		expect(me.json.EmailAddress).toBe(res.json[0].EmailAddress);
	});

	it('User/Retrieve/ByUserId: [user] with manager; [] for an inactive or unknown user', async () => {
		const res = await call(sb, C.userById, { query: { userId: ASHA.id } });
		expect(res.json).toEqual([expect.objectContaining({ UserId: ASHA.id, FirstName: 'Asha', ManagerName: 'Vir Singh', Designation: 'Sales Executive', Role: 'Sales_User' })]);
		expect((await call(sb, C.userById, { query: { userId: '190e7b6f-39da-11e6-b61b-22000aa8e760' } })).json).toEqual([]);
		expect((await call(sb, C.userById, { query: { userId: 'nobody' } })).json).toEqual([]);
		expect((await call(sb, C.userById)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: userId');
	});

	it('User/Retrieve/ByEmailAddress: [user] (any casing of the address, the documented keys, UserId not ID); [] for an inactive or unknown user', async () => {
		const res = await call(sb, '/v2/UserManagement.svc/User/Retrieve/ByEmailAddress', { query: { emailAddress: 'ASHA.RAO@sandbox.example.com' } });
		expect(res.status).toBe(200);
		expect(res.json).toHaveLength(1);
		const keys = Object.keys(res.json[0]);
		for (const key of ['UserId', 'FirstName', 'LastName', 'EmailAddress', 'AssociatedPhoneNumbers', 'DateFormat', 'TimeZone', 'Role', 'IsPhoneCallAgent', 'OrgId', 'CompanyName', 'UserType', 'ManagerUserId', 'Address', 'City', 'State', 'Country', 'ZipCode', 'TelephonyAgentId', 'ManagerName', 'PhoneMain', 'PhoneMobile', 'PhoneOthers', 'IsCheckedIn', 'LastCheckedOn', 'LastCheckedIpAddress', 'AvailabilityStatus', 'Designation', 'Department', 'OfficeLocationName', 'Skills', 'SalesRegions', 'mx_Custom_1', 'mx_Custom_10', 'Groups']) {
			expect(keys).toContain(key);
		}
		expect(keys).not.toContain('ID');
		expect(res.json[0]).toMatchObject({ UserId: ASHA.id, EmailAddress: ASHA.email, Groups: [{ Id: '1', Name: 'North India' }] });
		expect((await call(sb, '/v2/UserManagement.svc/User/Retrieve/ByEmailAddress', { query: { emailAddress: 'karan.mehta@sandbox.example.com' } })).json).toEqual([]);
		expect((await call(sb, '/v2/UserManagement.svc/User/Retrieve/ByEmailAddress', { query: { emailAddress: 'nobody@example.com' } })).json).toEqual([]);
		expect((await call(sb, '/v2/UserManagement.svc/User/Retrieve/ByEmailAddress')).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: emailAddress');
	});

	it('User/AdvancedSearch: condition groups, Include_CSV (others null), sorting and paging', async () => {
		const res = await post(sb, C.userSearch, {
			Columns: { Include_CSV: 'UserID,FirstName,LastName' },
			GroupConditions: [
				{
					Condition: [
						{ LookupName: 'Role', Operator: 'eq', LookupValue: 'sales_user', ConditionOperator: 'AND' },
						{ LookupName: 'StatusCode', Operator: 'eq', LookupValue: '0', ConditionOperator: null },
					],
					GroupOperator: null,
				},
			],
			GroupOperator: null,
			Sorting: [{ ColumnName: 'FirstName', Direction: 0 }],
			Paging: { PageIndex: 1, PageSize: 5 },
		});
		expect(res.json).toEqual([expect.objectContaining({ UserId: ASHA.id, FirstName: 'Asha', LastName: 'Rao', EmailAddress: null, Role: null })]);
		const anyOf = await post(sb, C.userSearch, {
			GroupConditions: [{ Condition: [{ LookupName: 'FirstName', Operator: 'lik_s', LookupValue: 'vi', ConditionOperator: 'OR' }, { LookupName: 'EmailAddress', Operator: 'lik', LookupValue: 'admin', ConditionOperator: null }] }],
			Sorting: [{ ColumnName: 'FirstName', Direction: 1 }],
		});
		expect(anyOf.json.map((u: { FirstName: string }) => u.FirstName)).toEqual(['Vir', 'Sandbox']);
		const page = await post(sb, C.userSearch, { Columns: { Include_CSV: '*' }, Sorting: [{ ColumnName: 'LastName', Direction: 0 }], Paging: { PageIndex: 2, PageSize: 3 } });
		expect(page.json.map((u: { LastName: string }) => u.LastName)).toEqual(['Singh']);
	});

	it('the users option replaces the account users (task owners resolve against them)', async () => {
		sb.configure({ users: [...defaultUsers(), { id: 'u-1', firstName: 'Nina', lastName: 'Das', emailAddress: 'nina@example.com', role: 'Sales_User' }] });
		expect((await call(sb, C.users)).json).toHaveLength(5);
		const task = await post(sb, C.taskCreate, { Name: 'Call Nina', OwnerEmailAddress: 'NINA@example.com', TaskType: { Name: 'Follow Up' } });
		expect(task.status).toBe(200);
		expect(sb.records().tasks[0].OwnerId).toBe('u-1');
	});
});
