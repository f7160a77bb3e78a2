/**
 * Note → Create (`LeadManagement.svc/CreateNote`) through n8n's engine against the sandbox: a note on a
 * lead, with an attachment URL sent as AttachmentName (as documented), and LeadSquared's refusals.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { expectNoKeys, parameters, seedLead } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

describe('Note → Create', () => {
	it('adds a note with an attachment URL (the documented body); outputs the note id and the lead id', async () => {
		const leadId = await seedLead(sandbox, 'notes@example.com');
		const url = 'http://help.leadsquared.com/wp-content/uploads/2015/02/reports-home.png';
		const result = await runLeadSquared({
			parameters: parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: '={{ $json.text }}', additionalFields: { attachmentUrl: '={{ $json.url }}' } }),
			items: [
				{ leadId, text: 'Hi, this is a test note created through API.', url },
				{ leadId, text: 'Line 1\nLine 2 — ünïcode 😀', url: '' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		// the two notes are posted concurrently (nothing orders notes), so they may arrive in either order
		const bodies = calls(sandbox, 'CreateNote').map((entry) => entry.body);
		expect(bodies).toHaveLength(2);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ RelatedProspectId: leadId, Note: 'Hi, this is a test note created through API.', AttachmentName: url },
				{ RelatedProspectId: leadId, Note: 'Line 1\nLine 2 — ünïcode 😀' },
			]),
		);
		const noteWith = (text: string) => sandbox.records().notes.find((note) => note.Note === text);
		const [first, second] = [noteWith('Hi, this is a test note created through API.'), noteWith('Line 1\nLine 2 — ünïcode 😀')];
		expect(result.items).toEqual([
			{ json: { status: 'Success', noteId: first?.ProspectNoteId, leadId }, pairedItem: { item: 0 } },
			{ json: { status: 'Success', noteId: second?.ProspectNoteId, leadId }, pairedItem: { item: 1 } },
		]);
		expect(first).toMatchObject({ AttachmentURL: url, AttachmentName: 'reports-home.png' });
		expectNoKeys(sandbox, result);
	});

	it("an unknown lead is an item error with LeadSquared's exception; the error output gets it", async () => {
		const leadId = await seedLead(sandbox, 'known@example.com');
		const result = await runLeadSquared({
			parameters: parameters('note', 'create', { leadId: '={{ $json.leadId }}', note: 'x' }),
			items: [{ leadId: '00000000-0000-0000-0000-000000000000' }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 1 });
		expect(result.errorItems[0].json.error).toMatchObject({
			message: 'LeadSquared refused the request: Lead does not exist in the system',
			exceptionType: 'MXInvalidEntityException',
			itemIndex: 0,
		});
		expect(result.errorItems[0].pairedItem).toEqual({ item: 0 });
	});

	it('without continue on fail, a refusal stops the node with the item index', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'create', { leadId: '00000000-0000-0000-0000-000000000000', note: 'x' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeApiError', context: { itemIndex: 0 } });
		expect(result.error?.description).toMatch(/MXInvalidEntityException/);
	});
});
