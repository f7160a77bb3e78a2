/**
 * Opportunity → Update (`OpportunityManagement.svc/Update`) through n8n's engine against the sandbox:
 * note and fields by opportunity id, checked by the type's metadata when the type is given, unchecked
 * manual fields without it, and LeadSquared's refusals.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { expectNoKeys, locator, parameters, seedOpportunity } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const updates = () => calls(sandbox, 'Opportunity.Update');

describe('Opportunity → Update', () => {
	it('changes the note and the fields given, by opportunity id; the others stay', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'upd@example.com', 12000, { mx_Custom_1: 'Admission', mx_Custom_2: 'Law', mx_Custom_3: '1000' });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'update', {
				opportunityId: '={{ $json.id }}',
				opportunityType: locator('12000'),
				opportunityFields: { mappingMode: 'defineBelow', value: { Status: 'won', mx_Custom_4: '2026-06-30' }, matchingColumns: [], schema: [] },
				note: 'Fee paid',
			}),
			items: [{ id: opportunityId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(updates()[0].body).toEqual({
			ProspectOpportunityId: opportunityId,
			OpportunityNote: 'Fee paid',
			Fields: [
				{ SchemaName: 'Status', Value: 'Won' },
				{ SchemaName: 'mx_Custom_4', Value: '2026-06-30 00:00:00' },
			],
		});
		expect(result.items).toEqual([{ json: { status: 'Success', opportunityId }, pairedItem: { item: 0 } }]);
		const [stored] = sandbox.records().opportunities;
		expect(stored.OpportunityNote).toBe('Fee paid');
		expect(stored.Fields).toMatchObject({ Status: 'Won', mx_Custom_1: 'Admission', mx_Custom_2: 'Law', mx_Custom_3: '1000', mx_Custom_4: '2026-06-30 00:00:00' });
		expectNoKeys(sandbox, result);
	});

	it('without a type, manual fields go unchecked (no metadata call); a note alone is an update too', async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'manual@example.com', 12000, { mx_Custom_1: 'A', mx_Custom_2: 'Law' });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'update', {
				opportunityId,
				opportunityManualFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
			}),
			items: [{ field: 'mx_Custom_3', value: 5000 }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(updates()[0].body).toEqual({ ProspectOpportunityId: opportunityId, Fields: [{ SchemaName: 'mx_Custom_3', Value: '5000' }] });
		expect(calls(sandbox, 'GetOpportunityTypeMetadata')).toHaveLength(0);

		await runLeadSquared({ parameters: parameters('opportunity', 'update', { opportunityId, note: 'Just a note' }), credentials: sandboxCredentials(sandbox), node });
		expect(updates()[1].body).toEqual({ ProspectOpportunityId: opportunityId, OpportunityNote: 'Just a note' });
	});

	it("LeadSquared's refusals (an unknown opportunity, a field it rejects) are item errors with its exception", async () => {
		const { opportunityId } = await seedOpportunity(sandbox, 'refuse@example.com', 12000, { mx_Custom_1: 'A', mx_Custom_2: 'Law' });
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'update', {
				opportunityId: '={{ $json.id }}',
				opportunityManualFields: { field: [{ name: '={{ $json.field }}', value: 'x' }] },
			}),
			items: [
				{ id: '00000000-0000-0000-0000-000000000000', field: 'mx_Custom_1' },
				{ id: opportunityId, field: 'mx_Custom_77' },
				{ id: opportunityId, field: 'mx_Custom_1' },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items[0].json).toMatchObject({
			error: 'LeadSquared refused the request: Opportunity does not exist in the system',
			details: { exceptionType: 'MXInvalidEntityException', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ details: { exceptionType: 'MXInvalidActivityFieldsException', exceptionMessage: "Field name : 'mx_Custom_77' does not exist.", itemIndex: 1 } });
		expect(result.items[2].json).toEqual({ status: 'Success', opportunityId });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
