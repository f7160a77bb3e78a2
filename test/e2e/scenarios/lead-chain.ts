/**
 * The Lead resource end to end, in one workflow (08-lead-chain): two sign-ups go through Create or Update
 * (one new lead, one existing), Get (by the id Create or Update returned), Update (by the id Get returned,
 * with Return Full Lead), Get Many (every lead of this scenario's e-mail domain, once), Add to List (the
 * three leads in one call to a seeded static list) and Delete (deletion enabled in the sandbox, as
 * LeadSquared support would). Each step's output is checked, and what the sandbox holds afterwards.
 */
import type { RequestLogEntry } from '../../../sandbox';
import { itemsOf, leadByEmail, leadsIn } from '../support';
import type { LineRun, OutputItem } from '../support';

const WORKFLOW = 'e2eLeadChain';
const DOMAIN = 'chain.e2e.example';
const LIST_ID = '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const ASHA = `asha@${DOMAIN}`;
const BINA = `bina@${DOMAIN}`;
const CHITRA = `chitra@${DOMAIN}`;
/** In the list before the run, in a sub-domain the Get Many condition does not match: it stays. */
const KEEPER = `keeper@list.${DOMAIN}`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function seededId(run: LineRun, email: string): string {
	const lead = leadByEmail(run.seeded, email);
	if (!lead) throw new Error(`seed lead ${email} missing`);
	return String(lead.ProspectID);
}

/** This scenario's calls to an endpoint: those naming one of its lead ids or its list. */
function callsTo(run: LineRun, endpoint: string, ids: string[]): RequestLogEntry[] {
	const needles = [...ids, LIST_ID];
	return run.sandbox.log.filter((entry) => entry.endpoint === endpoint && needles.some((id) => entry.rawUrl.includes(id) || entry.rawBody.includes(id)));
}

const json = (items: OutputItem[]) => items.map((item) => item.json);
const paired = (items: OutputItem[]) => items.map((item) => item.pairedItem);

/** A Scenario (./index; not imported from there, so that the two modules do not import each other). */
export const leadChain = {
	name: 'Lead chain: Create or Update → Get → Update → Get Many → Add to List → Delete',
	workflows: [WORKFLOW],
	seedLeads: (): Array<Record<string, string>> => [
		{ EmailAddress: BINA, FirstName: 'Bina', LastName: 'Old', mx_City: 'Old Town' },
		{ EmailAddress: CHITRA, FirstName: 'Chitra', LastName: 'Bystander', mx_City: 'Elsewhere' },
		{ EmailAddress: KEEPER, LastName: 'Keeper' },
	],
	sandbox: {
		leadDeletionEnabled: true,
		lists: [{ id: LIST_ID, name: 'E2E Chain Webinar', type: 'static' as const, leadIds: [KEEPER] }],
	},
	checks(run: () => LineRun): void {
		const execution = () => run().executions[WORKFLOW];
		const step = (node: string) => itemsOf(execution(), node);
		const createdIds = () => step('Create or Update').map((item) => String(item.json.leadId));

		it('runs to the end', () => {
			expect(execution()?.status).toBe('success');
			expect(execution()?.data.resultData.error).toBeUndefined();
		});

		it('Create or Update: a new lead and the existing one, each paired to its sign-up', () => {
			const items = step('Create or Update');
			expect(json(items)).toEqual([
				{ status: 'Success', leadId: expect.stringMatching(GUID), affectedRows: 1 },
				{ status: 'Success', leadId: seededId(run(), BINA), affectedRows: 1 },
			]);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('Get (by the id Create or Update returned): the leads, typed (node version 1.1)', () => {
			const items = step('Get');
			expect(json(items)).toEqual([
				expect.objectContaining({ ProspectID: createdIds()[0], EmailAddress: ASHA, FirstName: 'Asha', mx_City: 'Start City', ProspectAutoId: expect.any(Number) }),
				expect.objectContaining({ ProspectID: createdIds()[1], EmailAddress: BINA, LastName: 'Chain', mx_City: 'Start City' }),
			]);
			expect(String(items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('Update (by the id Get returned): only the fields given change; Return Full Lead shows the lead after it', () => {
			const items = step('Update');
			expect(json(items)).toEqual(
				[
					['Asha', createdIds()[0]],
					['Bina', createdIds()[1]],
				].map(([first, leadId]) => ({
					status: 'Success',
					leadId,
					affectedRows: 1,
					lead: expect.objectContaining({ ProspectID: leadId, FirstName: first, LastName: 'Chain', mx_City: 'Chain City', JobTitle: `Updated ${first}` }),
				})),
			);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
			// the two calls are under way at the same time: in any order
			const updates = callsTo(run(), 'Lead.Update', createdIds()).map((entry) => [entry.query.leadId, entry.body]);
			expect(updates).toHaveLength(2);
			expect(updates).toEqual(
				expect.arrayContaining([
					[createdIds()[0], [{ Attribute: 'mx_City', Value: 'Chain City' }, { Attribute: 'JobTitle', Value: 'Updated Asha' }]],
					[createdIds()[1], [{ Attribute: 'mx_City', Value: 'Chain City' }, { Attribute: 'JobTitle', Value: 'Updated Bina' }]],
				]),
			);
		});

		it("Get Many (this scenario's e-mail domain, once): the two updated leads and the bystander, by e-mail", () => {
			const items = step('Get Many');
			expect(json(items).map((lead) => [lead.EmailAddress, lead.mx_City])).toEqual([
				[ASHA, 'Chain City'],
				[BINA, 'Chain City'],
				[CHITRA, 'Elsewhere'],
			]);
			expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('Add to List: the three leads in one call to the seeded static list, a result per item', () => {
			const ids = [...createdIds(), seededId(run(), CHITRA)];
			const items = step('Add to List');
			expect(json(items)).toEqual(
				ids.map((leadId) => ({ status: 'Success', listId: LIST_ID, leadId, inList: true, alreadyInList: false, leadsInCall: 3, addedInCall: 3 })),
			);
			expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(callsTo(run(), 'AddLeadsToStaticList', ids).map((entry) => entry.body)).toEqual([{ listId: LIST_ID, leadIds: ids }]);
		});

		it('Delete: each lead deleted by id; none of the domain is left, the list keeps only the lead it had', () => {
			const ids = [...createdIds(), seededId(run(), CHITRA)];
			expect(json(step('Delete'))).toEqual(ids.map((leadId) => ({ deleted: true, leadId })));
			// one call per lead, under way at the same time (Concurrent Requests): in any order
			expect(callsTo(run(), 'Lead/Delete/ById', ids).map((entry) => entry.query.leadId).sort()).toEqual([...ids].sort());
			const leads = run().sandbox.leads();
			expect(leadsIn(leads, DOMAIN)).toEqual([]);
			expect(leadByEmail(leads, KEEPER)).toBeDefined();
			expect(run().sandbox.lists().find((list) => list.id === LIST_ID)?.leadIds).toEqual([seededId(run(), KEEPER)]);
		});
	},
};
