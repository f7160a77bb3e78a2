import { startSandbox, type Sandbox, type SandboxEvent } from '../../sandbox';
import { call, P } from './client';

const DELETE = '/v2/LeadManagement.svc/Lead/Delete/ById';

describe('sandbox: Lead/Delete/ById', () => {
	let sb: Sandbox;
	let events: SandboxEvent[];
	let stop: () => void;
	beforeAll(async () => {
		sb = await startSandbox({
			leads: [
				{ ProspectID: 'lead-1', FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com' },
				{ ProspectID: 'lead-2', FirstName: 'Dev', LastName: 'Iyer' },
			],
			lists: [
				{ id: 'static-1', name: 'Static', type: 'static', leadIds: ['lead-1', 'lead-2'] },
				{ id: 'fixed-dynamic', name: 'Fixed dynamic', type: 'dynamic', leadIds: ['lead-1'] },
			],
			rateLimit: { calls: 0, windowMs: 1000 },
		});
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ leadDeletionEnabled: undefined, mxErrorStatus: undefined });
		sb.reset();
		events = [];
		stop = sb.onEvent((e) => events.push(e));
	});
	afterEach(() => stop());

	const members = (listId: string): string[] => sb.lists().find((l) => l.id === listId)?.leadIds ?? [];

	it('is disabled by default: an MX error saying so [INF], and nothing is deleted', async () => {
		const res = await call(sb, DELETE, { query: { leadId: 'lead-1' } });
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: expect.stringMatching(/not enabled/) });
		expect(sb.leads()).toHaveLength(2);
		expect(events).toEqual([]);
		sb.configure({ mxErrorStatus: 200 });
		expect((await call(sb, DELETE, { query: { leadId: 'lead-1' } })).status).toBe(200);
		expect(sb.leads()).toHaveLength(2);
	});

	it('with leadDeletionEnabled: {"Status":"Success"}; the lead is gone from reads and from every list', async () => {
		sb.configure({ leadDeletionEnabled: true });
		expect(members('static-1')).toEqual(['lead-1', 'lead-2']);
		const res = await call(sb, DELETE, { query: { leadId: 'LEAD-1' } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: 'Success' });
		expect(sb.leads().map((l) => l.ProspectID)).toEqual(['lead-2']);
		expect((await call(sb, P.byId, { query: { id: 'lead-1' } })).json).toEqual([]);
		expect(members('static-1')).toEqual(['lead-2']);
		expect(members('fixed-dynamic')).toEqual([]);
		expect(sb.lists().find((l) => l.name === 'All Leads')?.leadIds).toEqual(['lead-2']);
	});

	it('emits lead.deleted with the deleted lead, after it is gone, so listeners can cascade', async () => {
		sb.configure({ leadDeletionEnabled: true });
		let seenDuringEvent: unknown[] = [];
		const stopCascade = sb.onEvent((e) => {
			if (e.type === 'lead.deleted') seenDuringEvent = sb.leads().map((l) => l.ProspectID);
		});
		await call(sb, DELETE, { query: { LeadId: 'lead-1' } });
		stopCascade();
		expect(events).toEqual([
			{ type: 'lead.deleted', at: expect.any(Number), leadId: 'lead-1', data: expect.objectContaining({ ProspectID: 'lead-1', FirstName: 'Asha' }) },
		]);
		expect(seenDuringEvent).toEqual(['lead-2']);
	});

	it('an unknown (or already deleted) lead → MXInvalidEntityException "Lead does not exist in the system" [INF for delete]', async () => {
		sb.configure({ leadDeletionEnabled: true });
		expect((await call(sb, DELETE, { query: { leadId: 'lead-2' } })).status).toBe(200);
		for (const leadId of ['lead-2', 'no-such-lead']) {
			const res = await call(sb, DELETE, { query: { leadId } });
			expect(res.status).toBe(500);
			expect(res.json).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidEntityException', ExceptionMessage: 'Lead does not exist in the system' });
		}
		expect(events).toHaveLength(1);
	});

	it('a missing leadId is invalid input; the method is GET', async () => {
		sb.configure({ leadDeletionEnabled: true });
		const missing = await call(sb, DELETE);
		expect(missing.json).toMatchObject({ ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: leadId' });
		expect((await call(sb, DELETE, { method: 'POST', query: { leadId: 'lead-1' } })).status).toBe(405);
		expect(sb.leads()).toHaveLength(2);
	});

	it('reset() brings back the seed leads and list members', async () => {
		sb.configure({ leadDeletionEnabled: true });
		await call(sb, DELETE, { query: { leadId: 'lead-1' } });
		sb.reset();
		expect(sb.leads()).toHaveLength(2);
		expect(members('static-1')).toEqual(['lead-1', 'lead-2']);
	});
});
