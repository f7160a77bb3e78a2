import { startSandbox, type Sandbox } from '../../sandbox';
import { call, DOC_EXAMPLE_BODY, P, pairs, upsert } from './client';

describe('sandbox: Lead.CreateOrUpdate', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ mxErrorStatus: undefined, mandatoryFields: undefined, defaultMatchKeys: undefined, onMultipleMatches: undefined, leads: undefined });
		sb.reset();
	});

	const seed = (leads: Array<Record<string, string>>): void => {
		sb.configure({ leads });
		sb.reset();
	};

	it('accepts the documented §1.2 example byte for byte: creates, then updates the same lead', async () => {
		const first = await call(sb, P.upsert, { rawBody: DOC_EXAMPLE_BODY, query: { postUpdatedLead: 'false' } });
		expect(first.status).toBe(200);
		expect(first.json).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/), AffectedRows: 1 } });
		expect(sb.log[0].rawBody).toBe(DOC_EXAMPLE_BODY);

		const second = await call(sb, P.upsert, { rawBody: DOC_EXAMPLE_BODY, query: { postUpdatedLead: 'false' } });
		expect(second.status).toBe(200);
		expect(second.json).toEqual({ Status: 'Success', Message: { Id: first.json.Message.Id, AffectedRows: 1 } });

		const leads = sb.leads();
		expect(leads).toHaveLength(1);
		expect(leads[0]).toMatchObject({
			ProspectID: first.json.Message.Id,
			EmailAddress: 'john.smith@acmeconsulting.co',
			FirstName: 'John',
			LastName: 'Smith',
			Phone: '+919845098450',
			mx_KYC: { Status: 'Pending', mx_CustomObject_1: 'XYZ12345.png', mx_CustomObject_2: '864563' },
		});
		expect(leads[0]).not.toHaveProperty('SearchBy');
	});

	it('matches by e-mail by default (case-insensitive)', async () => {
		const a = await upsert(sb, { EmailAddress: 'Asha@Example.com', LastName: 'Rao' });
		const b = await upsert(sb, { EmailAddress: 'asha@example.COM', FirstName: 'Asha' });
		expect(b.json.Message.Id).toBe(a.json.Message.Id);
		expect(sb.leads()).toHaveLength(1);
		expect(sb.leads()[0]).toMatchObject({ FirstName: 'Asha', LastName: 'Rao' });
	});

	it('matches by phone (digits only) when there is no e-mail', async () => {
		const a = await upsert(sb, { Phone: '+91-9876543210', LastName: 'Kumar' });
		const b = await upsert(sb, { Phone: '+91 98765 43210', mx_City: 'Pune' });
		expect(b.status).toBe(200);
		expect(b.json.Message.Id).toBe(a.json.Message.Id);
		expect(sb.leads()[0]).toMatchObject({ Phone: '+91 98765 43210', mx_City: 'Pune', LastName: 'Kumar' });
	});

	it('reproduces the production problem: new e-mail + a phone owned by another lead → MXDuplicateEntryException', async () => {
		await upsert(sb, { EmailAddress: 'old@example.com', Phone: '+919000000001', LastName: 'Old' });
		const res = await upsert(sb, { EmailAddress: 'new@example.com', Phone: '+919000000001', LastName: 'New' });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXDuplicateEntryException',
			ExceptionMessage: 'A Lead with same Phone Number already exists.',
		});
		expect(sb.leads()).toHaveLength(1);
	});

	it('SearchBy=Phone updates the lead owning the phone (the retry that fixes it)', async () => {
		const a = await upsert(sb, { EmailAddress: 'old@example.com', Phone: '+919000000001', LastName: 'Old' });
		const res = await upsert(sb, [...pairs({ Phone: '+91-9000000001', FirstName: 'Renamed' }), { Attribute: 'SearchBy', Value: 'Phone' }]);
		expect(res.status).toBe(200);
		expect(res.json.Message.Id).toBe(a.json.Message.Id);
		expect(sb.leads()[0]).toMatchObject({ FirstName: 'Renamed', EmailAddress: 'old@example.com' });
	});

	it('SearchBy=Phone with an e-mail owned by another lead → duplicate e-mail', async () => {
		await upsert(sb, { EmailAddress: 'a@example.com', LastName: 'A' });
		await upsert(sb, { Phone: '9111111111', LastName: 'B' });
		const res = await upsert(sb, [...pairs({ Phone: '9111111111', EmailAddress: 'A@example.com' }), { Attribute: 'SearchBy', Value: 'Phone' }]);
		expect(res.json).toMatchObject({ ExceptionType: 'MXDuplicateEntryException', ExceptionMessage: 'A Lead with same Email already exists.' });
	});

	it('SearchBy on the custom unique field mx_Student_Id', async () => {
		const a = await upsert(sb, { mx_Student_Id: 'STU-1', LastName: 'Student', EmailAddress: 's1@example.com' });
		const res = await upsert(sb, [{ Attribute: 'SearchBy', Value: 'mx_Student_Id' }, ...pairs({ mx_Student_Id: 'STU-1', EmailAddress: 's1-new@example.com' })]);
		expect(res.status).toBe(200);
		expect(res.json.Message.Id).toBe(a.json.Message.Id);
		expect(sb.leads()[0].EmailAddress).toBe('s1-new@example.com');
	});

	it('custom unique collision → "Duplicate entry \'<v>\' for key \'<SchemaName>\'"', async () => {
		await upsert(sb, { mx_Student_Id: 'STU-9', LastName: 'One', EmailAddress: 'one@example.com' });
		const res = await upsert(sb, { mx_Student_Id: 'STU-9', LastName: 'Two', EmailAddress: 'two@example.com' });
		expect(res.json).toMatchObject({ ExceptionType: 'MXDuplicateEntryException', ExceptionMessage: "Duplicate entry 'STU-9' for key 'mx_Student_Id'" });
	});

	it('SearchBy errors: unknown field, CFS, exact "ProspectID", missing value [INF]', async () => {
		const lead = await upsert(sb, { EmailAddress: 'p@example.com', LastName: 'P' });
		for (const value of ['mx_Nope', 'mx_KYC', 'ProspectID', '']) {
			const res = await upsert(sb, [...pairs({ EmailAddress: 'p@example.com' }), { Attribute: 'SearchBy', Value: value }]);
			expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid SearchBy value provided' });
		}
		const noValue = await upsert(sb, [...pairs({ EmailAddress: 'p@example.com' }), { Attribute: 'SearchBy', Value: 'Phone' }]);
		expect(noValue.json.ExceptionType).toBe('MXInvalidInputException');
		const byId = await upsert(sb, [...pairs({ ProspectID: lead.json.Message.Id, FirstName: 'ById' }), { Attribute: 'SearchBy', Value: 'ProspectId' }]);
		expect(byId.json.Message.Id).toBe(lead.json.Message.Id);
		expect(sb.leads()[0].FirstName).toBe('ById');
	});

	it('an unknown attribute rejects the whole payload', async () => {
		const res = await upsert(sb, { EmailAddress: 'u@example.com', LastName: 'U', mx_Typo: 'x', mx_Other: 'y' });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXUnknownAttributeException',
			ExceptionMessage: 'Attribute(s) does not exist - mx_Typo, mx_Other',
		});
		expect(sb.leads()).toHaveLength(0);
	});

	it('attribute names are matched case-insensitively and stored under the schema name', async () => {
		await upsert(sb, { emailaddress: 'c@example.com', lastname: 'Case' });
		expect(sb.leads()[0]).toMatchObject({ EmailAddress: 'c@example.com', LastName: 'Case' });
	});

	it('an unknown CFS sub-field is an unknown attribute [INF]', async () => {
		const res = await upsert(sb, [
			...pairs({ LastName: 'K' }),
			{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'mx_CustomObject_9', Value: 'x' }] },
		]);
		expect(res.json).toMatchObject({ ExceptionType: 'MXUnknownAttributeException', ExceptionMessage: 'Attribute(s) does not exist - mx_CustomObject_9' });
	});

	it('CFS updates merge sub-fields', async () => {
		await upsert(sb, [...pairs({ EmailAddress: 'k@example.com', LastName: 'K' }), { Attribute: 'mx_KYC', Value: '', Fields: pairs({ Status: 'Pending', mx_CustomObject_1: 'a.png' }) }]);
		await upsert(sb, [...pairs({ EmailAddress: 'k@example.com' }), { Attribute: 'mx_KYC', Value: '', Fields: pairs({ Status: 'Verified' }) }]);
		expect(sb.leads()[0].mx_KYC).toEqual({ Status: 'Verified', mx_CustomObject_1: 'a.png' });
	});

	it('rejects a dropdown value outside the options (whole payload)', async () => {
		const res = await upsert(sb, { EmailAddress: 'd@example.com', LastName: 'D', mx_Course_Interest: 'Astrology' });
		expect(res.json.ExceptionType).toBe('MXInvalidInputException');
		expect(res.json.ExceptionMessage).toContain('mx_Course_Interest');
		expect(sb.leads()).toHaveLength(0);
		expect((await upsert(sb, { EmailAddress: 'd@example.com', LastName: 'D', mx_Course_Interest: 'Law' })).status).toBe(200);
	});

	it('checks value formats and normalises booleans and dates [INF messages]', async () => {
		const bad: Array<Record<string, string>> = [
			{ EmailAddress: 'not-an-email' },
			{ mx_Annual_Income: '12,000' },
			{ mx_Date_of_Birth: '14/03/1998' },
			{ mx_Enrollment_Date: '2024-02-30 10:00:00' },
			{ mx_Newsletter: 'yes' },
			{ mx_City: 'x'.repeat(201) },
		];
		for (const values of bad) {
			const res = await upsert(sb, { LastName: 'V', Phone: '9222222222', ...values });
			expect(res.json.ExceptionType).toBe('MXInvalidInputException');
		}
		expect(sb.leads()).toHaveLength(0);
		const ok = await upsert(sb, {
			LastName: 'V',
			EmailAddress: 'v@example.com',
			mx_Annual_Income: '1200000.50',
			mx_Date_of_Birth: '1998-03-14',
			mx_Enrollment_Date: '2024-07-01 09:30:00',
			mx_Newsletter: 'true',
			DoNotCall: '0',
		});
		expect(ok.status).toBe(200);
		expect(sb.leads()[0]).toMatchObject({
			mx_Annual_Income: '1200000.50',
			mx_Date_of_Birth: '1998-03-14 00:00:00',
			mx_Enrollment_Date: '2024-07-01 09:30:00',
			mx_Newsletter: '1',
			DoNotCall: '0',
		});
	});

	it('refuses to change a LockAfterCreate field on update, but accepts the same value', async () => {
		await upsert(sb, { EmailAddress: 'l@example.com', LastName: 'L', mx_Enrollment_Date: '2024-01-01 10:00:00' });
		const same = await upsert(sb, { EmailAddress: 'l@example.com', mx_Enrollment_Date: '2024-01-01 10:00:00', FirstName: 'Same' });
		expect(same.status).toBe(200);
		const changed = await upsert(sb, { EmailAddress: 'l@example.com', mx_Enrollment_Date: '2025-01-01 10:00:00', FirstName: 'Changed' });
		expect(changed.json.ExceptionType).toBe('MXInvalidInputException');
		expect(changed.json.ExceptionMessage).toContain('mx_Enrollment_Date');
		expect(sb.leads()[0]).toMatchObject({ FirstName: 'Same', mx_Enrollment_Date: '2024-01-01 10:00:00' });
	});

	it('requires mandatory fields on create only', async () => {
		const res = await upsert(sb, { EmailAddress: 'm@example.com', FirstName: 'M' });
		expect(res.json.ExceptionType).toBe('MXMandatoryAttributeMissingException');
		expect(res.json.ExceptionMessage).toContain('LastName');
		sb.configure({ mandatoryFields: ['LastName', 'mx_Branch'] });
		const noBranch = await upsert(sb, { EmailAddress: 'm@example.com', LastName: 'M' });
		expect(noBranch.json.ExceptionMessage).toContain('mx_Branch');
		expect((await upsert(sb, { EmailAddress: 'm@example.com', LastName: 'M', mx_Branch: 'Delhi' })).status).toBe(200);
		expect((await upsert(sb, { EmailAddress: 'm@example.com', FirstName: 'Update' })).status).toBe(200);
	});

	it('requires one of FirstName/LastName/EmailAddress/Phone to create', async () => {
		sb.configure({ mandatoryFields: [] });
		const res = await upsert(sb, { Mobile: '9333333333', mx_City: 'Delhi' });
		expect(res.json.ExceptionType).toBe('MXMandatoryAttributeMissingException');
	});

	it('answers 400 for a non-JSON content type, invalid JSON or a non-array body', async () => {
		const wrongType = await call(sb, P.upsert, { rawBody: '[]', contentType: 'text/plain' });
		expect(wrongType.status).toBe(400);
		expect((await call(sb, P.upsert, { rawBody: '[{"Attribute":', contentType: 'application/json' })).status).toBe(400);
		expect((await call(sb, P.upsert, { body: { Attribute: 'LastName', Value: 'X' } })).status).toBe(400);
		expect((await call(sb, P.upsert, { body: [{ Value: 'X' }] })).status).toBe(400);
		const charset = await call(sb, P.upsert, { body: pairs({ LastName: 'X' }), contentType: 'application/json; charset=utf-8' });
		expect(charset.status).toBe(200);
	});

	it('MX errors can be answered with HTTP 200 (same envelope)', async () => {
		sb.configure({ mxErrorStatus: 200 });
		const res = await upsert(sb, { LastName: 'X', mx_Typo: '1' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ Status: 'Error', ExceptionType: 'MXUnknownAttributeException' });
	});

	it('records postUpdatedLead per call and the automations it triggers', async () => {
		const a = await upsert(sb, { EmailAddress: 'auto@example.com', LastName: 'A' }, { postUpdatedLead: 'true' });
		await upsert(sb, { EmailAddress: 'auto@example.com', FirstName: 'B' });
		await upsert(sb, { EmailAddress: 'auto@example.com', FirstName: 'C' }, { postUpdatedLead: 'TRUE' });
		await upsert(sb, { EmailAddress: 'auto@example.com', FirstName: 'D' }, { postUpdatedLead: 'false' });
		expect(sb.log.map((e) => e.postUpdatedLead)).toEqual([true, false, true, false]);
		const id = a.json.Message.Id;
		expect(sb.automationLog().map(({ leadId, trigger, endpoint }) => ({ leadId, trigger, endpoint }))).toEqual([
			{ leadId: id, trigger: 'create', endpoint: 'Lead.CreateOrUpdate' },
			{ leadId: id, trigger: 'update', endpoint: 'Lead.CreateOrUpdate' },
		]);
		expect(sb.leads()[0]).not.toHaveProperty('__automations');
	});

	it('several matches on a non-unique SearchBy field: most recent by default, or an error [INF]', async () => {
		seed([
			{ ProspectID: 'aaaaaaaa-0000-0000-0000-000000000001', LastName: 'First', mx_City: 'Goa', ModifiedOn: '2024-01-01 10:00:00' },
			{ ProspectID: 'aaaaaaaa-0000-0000-0000-000000000002', LastName: 'Second', mx_City: 'Goa', ModifiedOn: '2024-06-01 10:00:00' },
		]);
		const searchByCity = [...pairs({ mx_City: 'Goa', FirstName: 'Hit' }), { Attribute: 'SearchBy', Value: 'mx_City' }];
		const res = await upsert(sb, searchByCity);
		expect(res.json.Message.Id).toBe('aaaaaaaa-0000-0000-0000-000000000002');
		sb.configure({ onMultipleMatches: 'error' });
		expect((await upsert(sb, searchByCity)).json.ExceptionType).toBe('MXInvalidInputException');
	});

	it('defaultMatchKeys is configurable [INF]', async () => {
		await upsert(sb, { Phone: '9444444444', LastName: 'Phone owner' });
		sb.configure({ defaultMatchKeys: ['Phone', 'EmailAddress'] });
		const res = await upsert(sb, { EmailAddress: 'new@example.com', Phone: '9444444444' });
		expect(res.status).toBe(200);
		expect(sb.leads()).toHaveLength(1);
		expect(sb.leads()[0].EmailAddress).toBe('new@example.com');
	});

	it('seeds leads with generated ids and keeps given ones', () => {
		seed([{ FirstName: 'Gen', EmailAddress: 'gen@example.com' }, { ProspectID: 'given-id', LastName: 'Given' }]);
		const [gen, given] = sb.leads();
		expect(gen).toMatchObject({ ProspectID: expect.stringMatching(/^[0-9a-f-]{36}$/), ProspectAutoId: expect.any(String), CreatedOn: expect.any(String) });
		expect(given.ProspectID).toBe('given-id');
		sb.reset({ keepLeads: true });
		expect(sb.leads()).toHaveLength(2);
	});
});

describe('sandbox: Lead.Create and Lead.Update (extras)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});

	it('creates, refuses duplicates, updates by leadId', async () => {
		const created = await call(sb, P.create, { body: pairs({ EmailAddress: 'x@example.com', LastName: 'X' }) });
		expect(created.json).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
		const dup = await call(sb, P.create, { body: pairs({ EmailAddress: 'x@example.com', LastName: 'Y' }) });
		expect(dup.json.ExceptionType).toBe('MXDuplicateEntryException');
		const updated = await call(sb, P.update, { body: pairs({ FirstName: 'Upd' }), query: { leadId: created.json.Message.Id } });
		expect(updated.json).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		expect(sb.leads()[0].FirstName).toBe('Upd');
		const noId = await call(sb, P.update, { body: pairs({ FirstName: 'Upd' }) });
		expect(noId.json).toMatchObject({ ExceptionType: 'MXMandatoryAttributeMissingException', ExceptionMessage: "'leadId' is mandatory for updating lead" });
		const unknown = await call(sb, P.update, { body: pairs({ FirstName: 'Upd' }), query: { leadId: 'nope' } });
		expect(unknown.json).toMatchObject({ ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' });
	});
});
