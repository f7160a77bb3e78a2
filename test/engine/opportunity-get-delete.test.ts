/**
 * Opportunity → Get (`GetOpportunityDetails?OpportunityId=`) and Opportunity → Delete (`OpportunityManagement.svc/Delete?Id=`)
 * through n8n's engine against the sandbox: the opportunity flat and typed by its fields' metadata, not found as
 * Lead → Get treats it, and a type without "Allow Delete" said plainly.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA, expectNoKeys, parameters, seedOpportunity } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const UNKNOWN = '8a7b6c5d-0000-4a1b-9c8d-7e6f5a4b3c2d';

describe('Opportunity → Get', () => {
	it('outputs each opportunity flat (id, type, note, fields by schema name), typed by its metadata; off: as LeadSquared gives it', async () => {
		const admission = await seedOpportunity(sandbox, 'get-opp@example.com', 12000, { mx_Custom_1: 'Admission 2026', mx_Custom_2: 'Law', mx_Custom_3: '125000', mx_Custom_4: '2026-08-01', Owner: ASHA.id });
		const loan = await seedOpportunity(sandbox, 'get-loan@example.com', 12001, { mx_Custom_1: 'Home loan', mx_Custom_2: '2500000' });
		const run = async (typedValues: boolean) =>
			await runLeadSquared({
				parameters: parameters('opportunity', 'get', { opportunityId: '={{ $json.id }}' }, { typedValues }),
				items: [{ id: admission.opportunityId }, { id: loan.opportunityId }],
				credentials: sandboxCredentials(sandbox),
				node,
			});

		const typed = await run(true);
		expect(typed.status).toBe('success');
		expect(typed.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(typed.items[0].json).toEqual({
			OpportunityId: admission.opportunityId,
			OpportunityEvent: '12000',
			OpportunityType: 'Admission',
			OpportunityNote: 'Captured by test',
			Status: 'Open',
			Owner: ASHA.id,
			mx_Custom_1: 'Admission 2026',
			mx_Custom_2: 'Law',
			mx_Custom_3: 125000,
			mx_Custom_4: '2026-08-01',
		});
		expect(typed.items[1].json).toMatchObject({ OpportunityId: loan.opportunityId, OpportunityEvent: '12001', OpportunityType: 'Loan', mx_Custom_2: 2500000 });
		expect(calls(sandbox, 'GetOpportunityDetails').map((entry) => entry.query.OpportunityId).sort()).toEqual([admission.opportunityId, loan.opportunityId].sort());
		// The account's type list is read once per execution (for OpportunityEvent), not once per item.
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(1);

		const text = await run(false);
		expect(text.items[0].json).toMatchObject({ mx_Custom_3: '125000', mx_Custom_4: '2026-08-01 00:00:00' });
		expectNoKeys(sandbox, typed);
	});

	it("when the account's type list cannot be read, the opportunity still comes out, without OpportunityEvent; the list is asked once", async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'no-list@example.com', 12000, { mx_Custom_1: 'Listless', mx_Custom_2: 'Law' });
		sandbox.injectFault({ type: 'json', endpoint: 'GetOpportunityTypes', body: { Unexpected: true } });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'get', { opportunityId }),
			items: [{}, {}],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ OpportunityId: opportunityId, OpportunityType: 'Admission' }), expect.objectContaining({ OpportunityId: opportunityId })]);
		expect(result.items.every((item) => !('OpportunityEvent' in item.json))).toBe(true);
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(1);
	});

	it('an opportunity that does not exist gives no item (the others go on), or fails its item with Fail When Not Found', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'exists@example.com', 12000, { mx_Custom_1: 'Real', mx_Custom_2: 'Law' });
		const quiet = await runLeadSquared({
			parameters: parameters('opportunity', 'get', { opportunityId: '={{ $json.id }}' }),
			items: [{ id: UNKNOWN }, { id: opportunityId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(quiet.status).toBe('success');
		expect(quiet.items.map((item) => [item.pairedItem, item.json.OpportunityId])).toEqual([[{ item: 1 }, opportunityId]]);

		const strict = await runLeadSquared({
			parameters: parameters('opportunity', 'get', { opportunityId: '={{ $json.id }}' }, { failWhenNotFound: true }),
			items: [{ id: UNKNOWN }, { id: ' ' }, { id: opportunityId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(strict.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(strict.items[0].json).toMatchObject({ error: `No opportunity with the ID "${UNKNOWN}" was found in LeadSquared`, details: { itemIndex: 0 } });
		expect(strict.items[1].json).toMatchObject({ error: 'Opportunity ID is empty [item 1]', details: { field: 'opportunityId' } });
		expect(strict.items[2].json).toMatchObject({ OpportunityId: opportunityId, OpportunityType: 'Admission' });
	});
});

describe('Opportunity → Delete', () => {
	it('deletes each item\'s opportunity; an unknown one is a clear item error; continue-on-fail pairs every item', async () => {
		const first = await seedOpportunity(sandbox, 'delete-one@example.com', 12000, { mx_Custom_1: 'One', mx_Custom_2: 'Law' });
		const second = await seedOpportunity(sandbox, 'delete-two@example.com', 12001, { mx_Custom_1: 'Two', mx_Custom_2: '100' });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'delete', { opportunityId: '={{ $json.id }}' }),
			items: [{ id: first.opportunityId }, { id: UNKNOWN }, { id: '' }, { id: second.opportunityId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toEqual({ deleted: true, opportunityId: first.opportunityId });
		expect(result.items[1].json).toMatchObject({
			error: `No opportunity with the ID "${UNKNOWN}" was found in LeadSquared`,
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Opportunity does not exist in the system', itemIndex: 1 },
		});
		expect(result.items[2].json).toMatchObject({ error: 'Opportunity ID is empty [item 2]' });
		expect(result.items[3].json).toEqual({ deleted: true, opportunityId: second.opportunityId });
		expect(calls(sandbox, 'Opportunity.Delete').map((entry) => [entry.method, entry.query.Id]).sort()).toEqual(
			[
				['GET', first.opportunityId],
				['GET', UNKNOWN],
				['GET', second.opportunityId],
			].sort(),
		);
		expect(sandbox.records().opportunities).toEqual([]);
		expectNoKeys(sandbox, result);
	});

	it('a type without "Allow Delete" fails the item saying what to change; the opportunity stays', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'locked@example.com', 12001, { mx_Custom_1: 'Locked', mx_Custom_2: '100' });
		sandbox.configure({ opportunityDeleteAllowed: [12000] });
		try {
			const result = await runLeadSquared({
				parameters: parameters('opportunity', 'delete', { opportunityId }),
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(result.status).toBe('error');
			expect(result.error).toMatchObject({ name: 'NodeApiError', context: { itemIndex: 0 } });
			expect(result.error?.message).toMatch(/^LeadSquared does not allow deleting this opportunity: Opportunities of this type cannot be deleted/);
			expect(result.error?.description).toMatch(/turn on "Allow Delete" for the type/);
		} finally {
			sandbox.configure({ opportunityDeleteAllowed: undefined });
		}
		expect(sandbox.records().opportunities.map((opportunity) => opportunity.ProspectOpportunityId)).toEqual([opportunityId]);
	});

	it('an answer of IsSuccessful false fails the item (nothing deleted, no reason given)', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'unsure@example.com', 12000, { mx_Custom_1: 'Unsure', mx_Custom_2: 'Law' });
		sandbox.injectFault({ type: 'json', endpoint: 'Opportunity.Delete', body: { Status: 'Success', Message: { IsSuccessful: false } } });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'delete', { opportunityId }),
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items[0].json).toMatchObject({ error: `LeadSquared did not delete the opportunity ${opportunityId} (it answered IsSuccessful: false)` });
	});
});
