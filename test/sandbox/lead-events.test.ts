import { startSandbox, type Sandbox, type SandboxEvent } from '../../sandbox';
import { call, P, pairs, upsert } from './client';

describe('sandbox: lead.created / lead.updated events of lead writes, and Lead.Update errors', () => {
	let sb: Sandbox;
	let events: SandboxEvent[];
	let stop: () => void;
	beforeAll(async () => {
		sb = await startSandbox({
			leads: [{ ProspectID: 'known-lead', FirstName: 'Old', LastName: 'Name', EmailAddress: 'old@example.com', mx_KYC: '{"Status":"Pending"}' }],
			rateLimit: { calls: 0, windowMs: 1000 },
			bulkRateLimit: { calls: 0, windowMs: 1000 },
		});
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.reset();
		events = [];
		stop = sb.onEvent((e) => events.push(e));
	});
	afterEach(() => stop());

	it('a created lead emits lead.created with the stored lead', async () => {
		const res = await upsert(sb, { FirstName: 'Nina', LastName: 'Shah', EmailAddress: 'nina@example.com' });
		const id = res.json.Message.Id;
		expect(events).toEqual([{ type: 'lead.created', at: expect.any(Number), leadId: id, data: expect.objectContaining({ ProspectID: id, FirstName: 'Nina' }) }]);
		expect(events[0].changed).toBeUndefined();
		expect(sb.automationLog()).toEqual([expect.objectContaining({ leadId: id, trigger: 'create' })]);
	});

	it('an update emits lead.updated with only the fields that really changed and their values before', async () => {
		await upsert(sb, { EmailAddress: 'old@example.com', FirstName: 'New', LastName: 'Name', Company: 'Acme' }, { postUpdatedLead: 'true' });
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			type: 'lead.updated',
			leadId: 'known-lead',
			changed: ['FirstName', 'Company'],
			before: { FirstName: 'Old', Company: null },
			data: expect.objectContaining({ FirstName: 'New', Company: 'Acme', LastName: 'Name' }),
		});
		expect(sb.automationLog()).toEqual([expect.objectContaining({ leadId: 'known-lead', trigger: 'update' })]);
	});

	it('an update that changes nothing still emits lead.updated, with changed = []', async () => {
		await call(sb, P.update, { query: { leadId: 'known-lead' }, body: pairs({ FirstName: 'Old' }) });
		expect(events).toEqual([expect.objectContaining({ type: 'lead.updated', leadId: 'known-lead', changed: [], before: {} })]);
	});

	it('a CFS sub-field change reports the CFS field, with the old object', async () => {
		await call(sb, P.update, {
			query: { leadId: 'known-lead' },
			body: [{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'Done' }] }],
		});
		expect(events[0]).toMatchObject({ changed: ['mx_KYC'], before: { mx_KYC: { Status: 'Pending' } }, data: { mx_KYC: { Status: 'Done' } } });
	});

	it('Lead.Create and every successful bulk row emit their events; failed writes emit nothing', async () => {
		const created = await call(sb, P.create, { body: pairs({ LastName: 'Solo' }) });
		expect(created.status).toBe(200);
		const bulk = await call(sb, P.bulk, {
			body: [pairs({ EmailAddress: 'old@example.com', LastName: 'Renamed' }), pairs({ EmailAddress: 'not-an-email' }), pairs({ LastName: 'Fresh' })],
		});
		expect(bulk.json.map((r: { AffectedRows: number }) => r.AffectedRows)).toEqual([1, 0, 1]);
		expect(events.map((e) => e.type)).toEqual(['lead.created', 'lead.updated', 'lead.created']);
		expect(events[1].changed).toEqual(['LastName']);
		events.length = 0;
		expect((await upsert(sb, { mx_Nope: 'x', LastName: 'X' })).status).toBe(500);
		expect((await call(sb, P.update, { query: { leadId: 'missing' }, body: pairs({ FirstName: 'X' }) })).status).toBe(500);
		expect(events).toEqual([]);
	});

	it('the function returned by onEvent stops the listener', async () => {
		stop();
		await upsert(sb, { LastName: 'Quiet' });
		expect(events).toEqual([]);
	});

	it('Lead.Update: unknown lead → MXInvalidEntityException; missing leadId → MXMandatoryAttributeMissingException', async () => {
		const unknown = await call(sb, P.update, { query: { leadId: 'no-such-lead' }, body: pairs({ FirstName: 'X' }) });
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' });
		for (const query of [{}, { leadId: '  ' }] as Array<Record<string, string>>) {
			const missing = await call(sb, P.update, { query, body: pairs({ FirstName: 'X' }) });
			expect(missing.status).toBe(500);
			expect(missing.json).toEqual({
				Status: 'Error',
				ExceptionType: 'MXMandatoryAttributeMissingException',
				ExceptionMessage: "'leadId' is mandatory for updating lead",
			});
		}
		const ok = await call(sb, P.update, { query: { LEADID: 'KNOWN-LEAD' }, body: pairs({ FirstName: 'Y' }) });
		expect(ok.json).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
	});
});
