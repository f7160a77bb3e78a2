import { defaultFields, startSandbox, type Sandbox } from '../../sandbox';
import { call, P } from './client';

describe('sandbox: LeadsMetaData.Get', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());

	it('lists every field with the documented keys and value types', async () => {
		const res = await call(sb, P.metadata);
		expect(res.status).toBe(200);
		expect(res.contentType).toMatch(/application\/json/);
		const fields = res.json as Array<Record<string, unknown>>;
		expect(fields.map((f) => f.SchemaName)).toEqual(defaultFields().map((f) => f.schemaName));
		for (const f of fields) {
			expect(typeof f.SchemaName).toBe('string');
			expect(typeof f.DisplayName).toBe('string');
			expect(typeof f.DataType).toBe('string');
			expect(typeof f.IsMandatory).toBe('boolean');
			expect(typeof f.MaxLength).toBe('string');
			expect(typeof f.RenderType).toBe('number');
			expect(typeof f.RenderTypeTextValue).toBe('string');
			expect(typeof f.IsLeadIdentifier).toBe('boolean');
			expect([0, 1, 2]).toContain(f.LockAfterCreate);
			expect(f).not.toHaveProperty('IsUnique');
		}
		const byName = Object.fromEntries(fields.map((f) => [f.SchemaName, f]));
		expect(byName.LastName).toMatchObject({ IsMandatory: true, MaxLength: '100' });
		expect(byName.EmailAddress).toMatchObject({ DataType: 'Email', IsLeadIdentifier: true });
		expect(byName.Phone).toMatchObject({ DataType: 'Phone', RenderType: 6, IsLeadIdentifier: true });
		expect(byName.mx_Student_Id).toMatchObject({ IsLeadIdentifier: true });
		expect(byName.mx_Enrollment_Date).toMatchObject({ DataType: 'DateTime', LockAfterCreate: 1 });
		expect(byName.Notes).toMatchObject({ MaxLength: '2000' });
		expect(byName.mx_City).toMatchObject({ MaxLength: '200' });
		expect(byName.ProspectStage).toMatchObject({ DataType: 'Select', RenderType: 13, RenderTypeTextValue: 'Dropdown' });
		expect(byName.ProspectStage.Options).toEqual([
			{ Value: 'Prospect', Text: 'Prospect' },
			{ Value: 'Opportunity', Text: 'Opportunity' },
			{ Value: 'Customer', Text: 'Customer' },
			{ Value: 'Invalid', Text: 'Invalid' },
		]);
		expect(byName.mx_Course_Interest.Options).toHaveLength(4);
		expect(byName.FirstName).not.toHaveProperty('Options');
		expect(byName.mx_KYC).toMatchObject({
			DataType: 'CustomObject',
			RenderTypeTextValue: 'CustomObject',
			CustomObjectMetaData: {
				Fields: [
					{ SchemaName: 'Status', DataType: 'Text' },
					{ SchemaName: 'mx_CustomObject_1', DataType: 'Text' },
					{ SchemaName: 'mx_CustomObject_2', DataType: 'Text' },
				],
			},
		});
	});

	it('drops dropdown options with excludeOptionSets=1', async () => {
		const res = await call(sb, P.metadata, { query: { excludeOptionSets: '1' } });
		const fields = res.json as Array<Record<string, unknown>>;
		expect(fields.length).toBe(defaultFields().length);
		expect(fields.some((f) => 'Options' in f)).toBe(false);
	});

	it('returns one field for schemaName (case-insensitive), [] for an unknown one', async () => {
		const one = await call(sb, P.metadata, { query: { schemaName: 'MX_BRANCH' } });
		expect(one.json).toHaveLength(1);
		expect(one.json[0].SchemaName).toBe('mx_Branch');
		expect(one.json[0].Options.map((o: { Value: string }) => o.Value)).toEqual(['Online', 'Bangalore', 'Mumbai', 'Delhi']);
		const none = await call(sb, P.metadata, { query: { schemaName: 'mx_Nope' } });
		expect(none.status).toBe(200);
		expect(none.json).toEqual([]);
	});

	it('reflects mandatoryFields and configured fields', async () => {
		sb.configure({ mandatoryFields: ['LastName', 'mx_Branch'] });
		try {
			const res = await call(sb, P.metadata, { query: { schemaName: 'mx_Branch' } });
			expect(res.json[0].IsMandatory).toBe(true);
			sb.configure({ fields: [...defaultFields(), { schemaName: 'mx_Extra', displayName: 'Extra', dataType: 'Number' }] });
			const extra = await call(sb, P.metadata, { query: { schemaName: 'mx_Extra' } });
			expect(extra.json[0]).toMatchObject({ SchemaName: 'mx_Extra', DataType: 'Number', IsMandatory: false });
		} finally {
			sb.configure({ mandatoryFields: undefined, fields: undefined });
		}
	});
});
