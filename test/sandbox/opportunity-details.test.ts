import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ASHA, C, captureBody, post, recordEvents } from './crm-client';
import { X } from './crm-extra-client';

describe('sandbox: GetOpportunityDetails and opportunity Delete', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ opportunityDeleteAllowed: undefined });
		sb.reset();
	});

	const loan = async (email: string): Promise<{ id: string; leadId: string }> => {
		const res = await post(sb, C.oppCapture, captureBody(email, 12001, { mx_Custom_1: 'Home loan', mx_Custom_2: '2500000', mx_Custom_3: 'Home', Owner: ASHA.id }));
		if (res.status !== 200) throw new Error(res.text);
		return { id: res.json.CreatedOpportunityId as string, leadId: res.json.RelatedProspectId as string };
	};

	it('GetOpportunityDetails → {ID, Name, DisplayName, Fields:[{SchemaName, DisplayName, DataType, Value, …}]} with the values', async () => {
		const { id } = await loan('details@example.com');
		const res = await call(sb, X.opportunityDetails, { query: { OpportunityId: id, getFileURL: 'true' } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ ID: id, Name: 'Loan', DisplayName: 'Loan' });
		const byName = Object.fromEntries((res.json.Fields as Array<Record<string, unknown>>).map((f) => [f.SchemaName, f]));
		expect(byName.ActivityEvent_Note).toMatchObject({ DisplayName: 'Notes', DataType: 'String', Value: 'Captured by test' });
		expect(byName.Status).toMatchObject({ DisplayName: 'Status', DataType: 'Dropdown', Value: 'Open', OptionSet: expect.stringContaining('"Value":"Won"') });
		expect(byName.Owner).toMatchObject({ DataType: 'ActiveUsers', Value: ASHA.id });
		expect(byName.mx_Custom_2).toMatchObject({ DisplayName: 'Loan Amount', DataType: 'Number', Value: '2500000' });
		expect(byName.mx_Custom_4).toMatchObject({ DisplayName: 'Sanction Date', Value: null });
		expect((await call(sb, X.opportunityDetails, { query: { OpportunityId: 'nope' } })).json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Opportunity does not exist in the system' });
		expect((await call(sb, X.opportunityDetails)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: OpportunityId');
	});

	it('Delete → {IsSuccessful:true}; emits opportunity.deleted; its tasks go; a second delete → error', async () => {
		const { id, leadId } = await loan('delete@example.com');
		await post(sb, C.taskCreate, { Name: 'Collect papers', RelatedEntity: 5, RelatedEntityId: id, TaskType: { Name: 'Document Collection' } });
		const { events, stop } = recordEvents(sb);
		const res = await call(sb, X.opportunityDelete, { query: { Id: id } });
		stop();
		expect(res.json).toEqual({ Status: 'Success', Message: { IsSuccessful: true } });
		expect(sb.records().opportunities).toEqual([]);
		expect(sb.records().tasks).toEqual([]);
		expect(events.map((e) => [e.type, e.leadId])).toEqual([['opportunity.deleted', leadId]]);
		expect((await call(sb, X.opportunityDelete, { query: { Id: id } })).json.ExceptionMessage).toBe('Opportunity does not exist in the system');
		expect((await call(sb, X.opportunityDelete)).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: Id');
	});

	it('opportunityDeleteAllowed: false or a list of type codes refuses the others ("Allow Delete" off)', async () => {
		const { id } = await loan('locked@example.com');
		sb.configure({ opportunityDeleteAllowed: [12000] });
		expect((await call(sb, X.opportunityDelete, { query: { Id: id } })).json).toMatchObject({ ExceptionType: 'MXInvalidInputException' });
		sb.configure({ opportunityDeleteAllowed: false });
		expect((await call(sb, X.opportunityDelete, { query: { Id: id } })).status).toBe(500);
		sb.configure({ opportunityDeleteAllowed: [12001] });
		expect((await call(sb, X.opportunityDelete, { query: { Id: id } })).status).toBe(200);
	});

	it('GetOpportunityTypes and GetOpportunityTypeMetadata report CanDelete by the same rule as Delete (true by default)', async () => {
		const canDelete = async (): Promise<Array<[unknown, unknown, unknown]>> => {
			const types = (await call(sb, C.oppTypes)).json as Array<Record<string, unknown>>;
			const metadata = await Promise.all(types.map(async (type) => (await call(sb, C.oppTypeMetadata, { query: { code: String(type.EventCode) } })).json.CanDelete));
			return types.map((type, index) => [type.EventCode, type.CanDelete, metadata[index]] as [unknown, unknown, unknown]);
		};
		expect(await canDelete()).toEqual([
			[12000, true, true],
			[12001, true, true],
		]);
		sb.configure({ opportunityDeleteAllowed: [12001] });
		expect(await canDelete()).toEqual([
			[12000, false, false],
			[12001, true, true],
		]);
		sb.configure({ opportunityDeleteAllowed: false });
		expect((await canDelete()).map(([, listed, metadata]) => [listed, metadata])).toEqual([
			[false, false],
			[false, false],
		]);
	});
});

describe('sandbox: UpdateNote and DeleteNote', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	const note = async (leadId: string, text: string): Promise<string> => (await post(sb, C.noteCreate, { RelatedProspectId: leadId, Note: text })).json.Message.Id as string;
	const lead = async (email: string): Promise<string> => {
		const res = await post(sb, '/v2/LeadManagement.svc/Lead.Create', [{ Attribute: 'EmailAddress', Value: email }, { Attribute: 'LastName', Value: 'Noted' }]);
		return res.json.Message.Id as string;
	};

	it('UpdateNote → {"Status":"Success"}; the text and/or the attachment change; RetrieveNote shows it', async () => {
		const leadId = await lead('noted@example.com');
		const id = await note(leadId, 'First draft');
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: leadId, ProspectNoteId: id, Note: 'Updated Note text' })).json).toEqual({ Status: 'Success' });
		await post(sb, X.noteUpdate, { RelatedProspectId: leadId, ProspectNoteId: id, AttachmentName: 'https://files.example.com/a/Offer%20Letter.pdf' });
		const read = await post(sb, C.noteRetrieve, { Parameter: { RelatedId: leadId } });
		expect(read.json.List[0]).toMatchObject({ ProspectNoteId: id, Note: 'Updated Note text', AttachmentName: 'Offer Letter.pdf', AttachmentURL: 'https://files.example.com/a/Offer%20Letter.pdf' });
	});

	it('UpdateNote errors: missing ids, unknown lead, a note of another lead, nothing to change, an empty note', async () => {
		const leadId = await lead('noted2@example.com');
		const other = await lead('other-noted@example.com');
		const id = await note(leadId, 'Mine');
		expect((await post(sb, X.noteUpdate, { ProspectNoteId: id, Note: 'x' })).json.ExceptionMessage).toBe("'RelatedProspectId' is mandatory");
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: leadId, Note: 'x' })).json.ExceptionMessage).toBe("'ProspectNoteId' is mandatory");
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: 'b0000000-0000-0000-0000-000000000000', ProspectNoteId: id, Note: 'x' })).json.ExceptionMessage).toBe('Lead does not exist in the system');
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: other, ProspectNoteId: id, Note: 'x' })).json.ExceptionMessage).toBe('Note does not exist');
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: leadId, ProspectNoteId: id })).json.ExceptionMessage).toBe('Pass Note or AttachmentName to update the note');
		expect((await post(sb, X.noteUpdate, { RelatedProspectId: leadId, ProspectNoteId: id, Note: ' ' })).json.ExceptionMessage).toBe("'Note' is mandatory");
		expect(sb.records().notes[0].Note).toBe('Mine');
	});

	it('DeleteNote (GET ?prospectId=&noteId=) → {"Status":"Success"}; the note is gone; unknown → error', async () => {
		const leadId = await lead('del-note@example.com');
		const id = await note(leadId, 'Bye');
		const keep = await note(leadId, 'Stay');
		expect((await call(sb, X.noteDelete, { query: { prospectId: leadId, noteId: id } })).json).toEqual({ Status: 'Success' });
		expect(sb.records().notes.map((n) => n.ProspectNoteId)).toEqual([keep]);
		expect((await call(sb, X.noteDelete, { query: { prospectId: leadId, noteId: id } })).json.ExceptionMessage).toBe('Note does not exist');
		expect((await call(sb, X.noteDelete, { query: { prospectId: leadId } })).json.ExceptionMessage).toBe('Invalid Input! Parameter Name: noteId');
	});
});
