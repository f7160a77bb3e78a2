import { startSandbox, type Sandbox } from '../../sandbox';
import { call, pairs } from './client';
import { ADMIN_ID, ASHA, C, captureBody, newLead, post, recordEvents } from './crm-client';

describe('sandbox: opportunities', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		// Opportunities captured in the same second in creation order (the default orders them anew on every call, as LeadSquared does).
		sb.configure({
			opportunityDuplicateScope: undefined,
			opportunitySearchByRequired: undefined,
			opportunitiesOfLeadRequiresType: undefined,
			opportunitiesOfLeadRows: undefined,
			opportunityTypesApi: undefined,
			unstableTieOrder: false,
		});
		sb.reset();
	});

	const capture = (body: unknown) => post(sb, C.oppCapture, body);
	const loan = (email: string, fields: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
		capture(captureBody(email, 12001, { mx_Custom_1: 'Home loan', mx_Custom_2: '2500000', mx_Custom_3: 'Home', ...fields }, extra));

	describe('Capture', () => {
		it('creates the lead and the opportunity; answers the documented keys and posts an "opportunity captured" activity', async () => {
			const { events, stop } = recordEvents(sb);
			const res = await loan('new.buyer@example.com', {}, { OpportunityDateTime: '2026-02-01 10:00:00' });
			stop();
			expect(res.status).toBe(200);
			const [lead] = sb.leads();
			const [opportunity] = sb.records().opportunities;
			const [activity] = sb.records().activities;
			expect(res.json).toEqual({
				Status: 'Success',
				RelatedProspectId: lead.ProspectID,
				CreatedOpportunityId: opportunity.ProspectOpportunityId,
				ConflictedOpportunityId: null,
				AdditionalDetails: [{ ActivityId: activity.ProspectActivityId, PostDeDupActionPerformed: 1 }],
			});
			expect(opportunity).toMatchObject({
				RelatedProspectId: lead.ProspectID,
				OpportunityEvent: 12001,
				OpportunityNote: 'Captured by test',
				OpportunityDateTime: '2026-02-01 10:00:00',
				Fields: { Status: 'Open', Owner: ADMIN_ID, mx_Custom_1: 'Home loan', mx_Custom_2: '2500000', mx_Custom_3: 'Home' },
			});
			expect(activity).toMatchObject({ ActivityEvent: 30, RelatedProspectId: lead.ProspectID });
			expect(events.map((e) => e.type)).toEqual(['lead.created', 'activity.created', 'opportunity.created']);
		});

		it('updates an existing lead found by SearchBy and puts the opportunity on it', async () => {
			const leadId = await newLead(sb, 'existing@example.com');
			const body = captureBody('existing@example.com', 12000, { mx_Custom_1: 'Engineering 2026', mx_Custom_2: 'Engineering' }) as { LeadDetails: unknown[] };
			body.LeadDetails.push(...pairs({ mx_City: 'Pune' }));
			const res = await capture(body);
			expect(res.json.RelatedProspectId).toBe(leadId);
			expect(sb.leads()).toHaveLength(1);
			expect(sb.leads()[0].mx_City).toBe('Pune');
		});

		it.each([
			['both OverwriteFields and UpdateEmptyFields', { OverwriteFields: true, UpdateEmptyFields: true }, 'MXInvalidInputException', 'OverwriteFields and UpdateEmptyFields both cannot be true'],
			['an unknown OpportunityEventCode', { OpportunityEventCode: 12999 }, 'MXInvalidActivityException', 'Event Code is invalid or empty'],
			['a custom activity code', { OpportunityEventCode: 201 }, 'MXInvalidActivityException', 'Event Code is invalid or empty'],
			['a bad OpportunityDateTime', { OpportunityDateTime: '2026-13-01 10:00:00' }, 'MXInvalidInputException', "Invalid OpportunityDateTime '2026-13-01 10:00:00'. Pass it in UTC as yyyy-MM-dd HH:mm:ss"],
		])('refuses %s and writes nothing', async (_label, extra, type, message) => {
			const res = await loan('refused@example.com', {}, extra);
			expect(res.json).toMatchObject({ Status: 'Error', ExceptionType: type, ExceptionMessage: message });
			expect(sb.leads()).toHaveLength(0);
			expect(sb.records()).toEqual({ activities: [], tasks: [], opportunities: [], notes: [] });
		});

		it('validates the opportunity fields (mandatory, type, dropdown) before writing anything', async () => {
			const missing = await capture(captureBody('f@example.com', 12001, { mx_Custom_1: 'No amount' }));
			expect(missing.json).toMatchObject({ ExceptionType: 'MXInvalidActivityFieldsException', ExceptionMessage: "Field name : 'mx_Custom_2' of datatype : 'Number' is mandatory." });
			const wrong = await loan('f@example.com', { mx_Custom_3: 'Boat' });
			expect(wrong.json.ExceptionMessage).toBe("Field name : 'mx_Custom_3' of datatype : 'Dropdown' has an invalid value : 'Boat'. Allowed values: Home, Car, Personal, Education");
			const status = await loan('f@example.com', { Status: 'Pending' });
			expect(status.json.ExceptionType).toBe('MXInvalidActivityFieldsException');
			expect(sb.leads()).toHaveLength(0);
		});

		it('LeadDetails needs SearchBy (opportunitySearchByRequired) and a unique field', async () => {
			const noSearchBy = { LeadDetails: pairs({ EmailAddress: 's@example.com', LastName: 'S' }), Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }] } };
			expect((await capture(noSearchBy)).json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid SearchBy value provided' });
			const prospectIdSpelling = { ...noSearchBy, LeadDetails: [...noSearchBy.LeadDetails, { Attribute: 'SearchBy', Value: 'ProspectID' }] };
			expect((await capture(prospectIdSpelling)).json.ExceptionMessage).toBe('Invalid SearchBy value provided');
			const noUnique = { ...noSearchBy, LeadDetails: [...pairs({ FirstName: 'Only', LastName: 'Names' }), { Attribute: 'SearchBy', Value: 'FirstName' }] };
			expect((await capture(noUnique)).json.ExceptionMessage).toBe('At least one unique lead field (e.g. EmailAddress) must be passed in LeadDetails');
			sb.configure({ opportunitySearchByRequired: false });
			expect((await capture(noSearchBy)).status).toBe(200);
		});
	});

	describe('duplicate detection', () => {
		it('a second capture with the same rule values on the lead creates nothing: PostDeDupActionPerformed 3 and ConflictedOpportunityId', async () => {
			const first = await loan('dup@example.com');
			const { events, stop } = recordEvents(sb);
			const second = await loan('dup@example.com', { mx_Custom_1: 'Another name' });
			stop();
			expect(second.json).toEqual({
				Status: 'Success',
				RelatedProspectId: first.json.RelatedProspectId,
				CreatedOpportunityId: null,
				ConflictedOpportunityId: first.json.CreatedOpportunityId,
				AdditionalDetails: [{ ActivityId: expect.any(String), PostDeDupActionPerformed: 3 }],
			});
			expect(sb.records().opportunities).toHaveLength(1);
			expect(sb.records().opportunities[0].Fields.mx_Custom_1).toBe('Home loan');
			expect(sb.records().activities.map((a) => a.ActivityEvent)).toEqual([30, 30, 32]);
			expect(events.map((e) => e.type)).toEqual(['lead.updated', 'activity.created', 'activity.created']);
			const other = await loan('dup@example.com', { mx_Custom_3: 'Car' });
			expect(other.json.CreatedOpportunityId).toEqual(expect.any(String));
		});

		it('DoNotPostDuplicateActivity leaves out the "duplicate detected" activity', async () => {
			await loan('quiet@example.com');
			await loan('quiet@example.com', {}, { DoNotPostDuplicateActivity: true });
			expect(sb.records().activities.map((a) => a.ActivityEvent)).toEqual([30, 30]);
		});

		it('OverwriteFields replaces the sent values on the conflicting opportunity (not the defaults); DoNotChangeOwner keeps the owner', async () => {
			const first = await loan('ow@example.com', { Status: 'Won' });
			const { events, stop } = recordEvents(sb);
			await loan('ow@example.com', { mx_Custom_2: '3000000', Owner: ASHA.email }, { OverwriteFields: true, DoNotChangeOwner: true });
			stop();
			const [opportunity] = sb.records().opportunities;
			expect(opportunity.Fields).toMatchObject({ Status: 'Won', Owner: ADMIN_ID, mx_Custom_2: '3000000' });
			const updated = events.find((e) => e.type === 'opportunity.updated');
			expect(updated).toMatchObject({ leadId: first.json.RelatedProspectId, changed: ['mx_Custom_2'], before: { mx_Custom_2: '2500000' } });
			await loan('ow@example.com', { Owner: ASHA.id }, { OverwriteFields: true });
			expect(sb.records().opportunities[0].Fields.Owner).toBe(ASHA.id);
		});

		it('UpdateEmptyFields fills only the empty fields of the conflicting opportunity', async () => {
			await capture(captureBody('empty@example.com', 12000, { mx_Custom_1: 'Law 2026', mx_Custom_2: 'Law' }));
			await capture(captureBody('empty@example.com', 12000, { mx_Custom_1: 'Renamed', mx_Custom_2: 'Law', mx_Custom_3: '150000' }, { UpdateEmptyFields: true }));
			expect(sb.records().opportunities[0].Fields).toMatchObject({ mx_Custom_1: 'Law 2026', mx_Custom_3: '150000' });
		});

		it("the rule compares with the lead's opportunities, or the account's with opportunityDuplicateScope 'account'", async () => {
			await loan('one@example.com');
			expect((await loan('two@example.com')).json.ConflictedOpportunityId).toBeNull();
			sb.configure({ opportunityDuplicateScope: 'account' });
			expect((await loan('three@example.com')).json.ConflictedOpportunityId).toEqual(expect.any(String));
		});
	});

	describe('Update and reads', () => {
		it('Update changes the note and the given fields → {Status, Message:{Id}}, announcing opportunity.updated', async () => {
			const id = (await loan('upd@example.com')).json.CreatedOpportunityId as string;
			const { events, stop } = recordEvents(sb);
			const res = await post(sb, C.oppUpdate, { ProspectOpportunityId: id, OpportunityNote: 'Update note', Fields: [{ SchemaName: 'Status', Value: 'Won' }, { SchemaName: 'mx_Custom_4', Value: '2026-09-16 12:13:44' }] });
			stop();
			expect(res.json).toEqual({ Status: 'Success', Message: { Id: id } });
			expect(sb.records().opportunities[0]).toMatchObject({ OpportunityNote: 'Update note', Fields: { Status: 'Won', mx_Custom_4: '2026-09-16 12:13:44', mx_Custom_1: 'Home loan' } });
			expect(events).toEqual([
				expect.objectContaining({ type: 'opportunity.updated', changed: ['OpportunityNote', 'Status', 'mx_Custom_4'], before: { OpportunityNote: 'Captured by test', Status: 'Open', mx_Custom_4: null } }),
			]);
			expect((await post(sb, C.oppUpdate, { ProspectOpportunityId: id, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'lots' }] })).json.ExceptionType).toBe('MXInvalidActivityFieldsException');
			expect((await post(sb, C.oppUpdate, { ProspectOpportunityId: 'nope' })).json.ExceptionMessage).toBe('Opportunity does not exist in the system');
		});

		it('GetOpportunitiesOfLead lists the lead opportunities with lead columns, filtered by type, Include_CSV and paging', async () => {
			const a = await loan('list@example.com');
			const leadId = a.json.RelatedProspectId as string;
			const car = await loan('list@example.com', { mx_Custom_3: 'Car' });
			await capture(captureBody('list@example.com', 12000, { mx_Custom_1: 'MBA', mx_Custom_2: 'Business Administration' }));
			await loan('someone.else@example.com');
			sb.configure({ opportunitiesOfLeadRequiresType: 'no' });
			const all = await call(sb, C.oppOfLead, { method: 'POST', query: { leadId } });
			expect(all.json.RecordCount).toBe(3);
			expect(all.json.List[2]).toMatchObject({
				ProspectId: leadId,
				EmailAddress: 'list@example.com',
				LastName: 'Buyer',
				FirstName: null,
				RelatedProspectId: leadId,
				OpportunityId: a.json.CreatedOpportunityId,
				OpportunityEvent: '12001',
				OpportunityEventType: '2',
				OpportunityName: 'Home loan',
				Status: 'Open',
				Owner: ADMIN_ID,
				OwnerName: 'Sandbox Admin',
				mx_Custom_2: '2500000',
				mx_Custom_4: null,
			});
			const loans = await post(sb, C.oppOfLead, {}, { leadId, opportunityType: '12001' });
			expect(loans.json.RecordCount).toBe(2);
			const narrow = await post(sb, C.oppOfLead, { Columns: { Include_CSV: 'Status,mx_Custom_2' }, Paging: { PageIndex: 2, PageSize: 1 }, Sorting: { ColumnName: 'CreatedOn', Direction: '0' } }, { leadId, opportunityType: '12001' });
			expect(narrow.json.RecordCount).toBe(2);
			expect(narrow.json.List).toHaveLength(1);
			expect(narrow.json.List[0]).toMatchObject({ Status: 'Open', mx_Custom_2: '2500000', OpportunityId: car.json.CreatedOpportunityId });
			expect(Object.keys(narrow.json.List[0])).not.toContain('mx_Custom_3');
			expect(Object.keys(narrow.json.List[0])).not.toContain('EmailAddress');
			expect((await post(sb, C.oppOfLead, {}, { leadId, opportunityType: '999' })).json).toEqual({ RecordCount: 0, List: [] });
			expect((await post(sb, C.oppOfLead, {})).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: leadId');
		});

		it('GetOpportunitiesOfLead without opportunityType: refused (default), empty, or every type as documented', async () => {
			const leadId = (await loan('typeless@example.com')).json.RelatedProspectId as string;
			const refused = await post(sb, C.oppOfLead, {}, { leadId });
			expect(refused.status).toBe(500);
			expect(refused.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: opportunityType' });
			sb.configure({ opportunitiesOfLeadRequiresType: 'empty' });
			expect((await post(sb, C.oppOfLead, {}, { leadId })).json).toEqual({ RecordCount: 0, List: [] });
			sb.configure({ opportunitiesOfLeadRequiresType: 'no' });
			expect((await post(sb, C.oppOfLead, {}, { leadId })).json.RecordCount).toBe(1);
			expect((await post(sb, C.oppOfLead, {}, { leadId, opportunityType: '12001' })).json.RecordCount).toBe(1);
		});

		it("GetOpportunitiesOfLead's rows as seen live: flat, the opportunity's own keys only, no Fields member", async () => {
			const { json } = await loan('live.rows@example.com', {}, { OpportunityNote: 'Live' });
			sb.configure({ opportunitiesOfLeadRows: 'live' });
			const res = await post(sb, C.oppOfLead, {}, { leadId: json.RelatedProspectId as string, opportunityType: '12001' });
			expect(res.json.RecordCount).toBe(1);
			const [row] = res.json.List as Array<Record<string, unknown>>;
			expect(Object.keys(row).sort()).toEqual(
				['CreatedOn', 'ModifiedOn', 'OpportunityId', 'OpportunityNote', 'Owner', 'OwnerName', 'RelatedProspectId', 'Status', 'mx_Custom_1', 'mx_Custom_2', 'mx_Custom_3', 'mx_Custom_4'].sort(),
			);
			expect(row).toMatchObject({ OpportunityId: json.CreatedOpportunityId, RelatedProspectId: json.RelatedProspectId, Status: 'Open', mx_Custom_2: '2500000', OpportunityNote: 'Live' });
		});
	});

	describe('GetOpportunityTypes', () => {
		it("answers the account's opportunity types as a bare array with EventCode and Name", async () => {
			const res = await call(sb, C.oppTypes);
			expect(res.status).toBe(200);
			expect(res.json).toEqual([
				expect.objectContaining({ EventCode: 12000, Name: 'Admission', DisplayName: 'Admission', CanDelete: true, Description: 'A prospective student applying for a course' }),
				expect.objectContaining({ EventCode: 12001, Name: 'Loan', PluralName: 'Loans', CreatedBy: ADMIN_ID, ModifiedBy: ADMIN_ID }),
			]);
		});

		it('answers 404 or a "disabled" error on accounts without opportunities', async () => {
			sb.configure({ opportunityTypesApi: 'notFound' });
			const missing = await call(sb, C.oppTypes);
			expect([missing.status, missing.text]).toEqual([404, 'Endpoint not found.']);
			sb.configure({ opportunityTypesApi: 'disabled' });
			const disabled = await call(sb, C.oppTypes);
			expect(disabled.status).toBe(500);
			expect(disabled.json).toMatchObject({ Status: 'Error', ExceptionType: 'MXOpportunityManagementDisabledException' });
		});
	});
});
