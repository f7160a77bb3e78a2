/**
 * Note → Update (`LeadManagement.svc/UpdateNote`) and Note → Delete (`GET LeadManagement.svc/DeleteNote?prospectId=&noteId=`)
 * through n8n's engine against the sandbox: the documented bodies, only what is given changes, and LeadSquared's
 * "no such note" as a clear item error.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { C, expectNoKeys, parameters, post, seedLead } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const UNKNOWN = 'd4c8f69f-0000-4000-8000-22000aa8e760';
const URL = 'https://files.example.com/a/Offer%20Letter.pdf';

async function seedNote(leadId: string, body: IDataObject): Promise<string> {
	const res = await post(sandbox, C.noteCreate, { RelatedProspectId: leadId, ...body });
	if (res.status !== 200) throw new Error(res.text);
	return res.json.Message.Id as string;
}

const noteOf = (id: string) => sandbox.records().notes.find((note) => note.ProspectNoteId === id);

describe('Note → Update', () => {
	it('changes the text and/or the attachment given (the documented body); the rest stays', async () => {
		const leadId = await seedLead(sandbox, 'note-update@example.com');
		const first = await seedNote(leadId, { Note: 'First draft', AttachmentName: 'http://example.com/old.pdf' });
		const second = await seedNote(leadId, { Note: 'Keep my text' });
		const result = await runLeadSquared({
			parameters: parameters('note', 'update', { leadId, noteId: '={{ $json.id }}', note: '={{ $json.text }}', updateFields: { attachmentUrl: '={{ $json.url }}' } }),
			items: [
				{ id: first, text: 'Updated Note text', url: '' },
				{ id: second, text: '', url: URL },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { status: 'Success', noteId: first, leadId }, pairedItem: { item: 0 } },
			{ json: { status: 'Success', noteId: second, leadId }, pairedItem: { item: 1 } },
		]);
		expect(calls(sandbox, 'UpdateNote').map((entry) => entry.body)).toEqual(
			expect.arrayContaining([
				{ RelatedProspectId: leadId, ProspectNoteId: first, Note: 'Updated Note text' },
				{ RelatedProspectId: leadId, ProspectNoteId: second, AttachmentName: URL },
			]),
		);
		expect(noteOf(first)).toMatchObject({ Note: 'Updated Note text', AttachmentURL: 'http://example.com/old.pdf' });
		expect(noteOf(second)).toMatchObject({ Note: 'Keep my text', AttachmentURL: URL, AttachmentName: 'Offer Letter.pdf' });
		expectNoKeys(sandbox, result);
	});

	it("an unknown note, or a note of another lead, is a clear item error with LeadSquared's exception; nothing to update is refused before any call", async () => {
		const leadId = await seedLead(sandbox, 'note-owner@example.com');
		const other = await seedLead(sandbox, 'note-other@example.com');
		const id = await seedNote(leadId, { Note: 'Mine' });
		const result = await runLeadSquared({
			parameters: parameters('note', 'update', { leadId: '={{ $json.lead }}', noteId: '={{ $json.id }}', note: '={{ $json.text }}' }),
			items: [
				{ lead: leadId, id: UNKNOWN, text: 'x' },
				{ lead: other, id, text: 'x' },
				{ lead: leadId, id, text: ' ' },
				{ lead: leadId, id, text: 'Changed' },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({
			error: `No note with the ID "${UNKNOWN}" was found in LeadSquared`,
			details: { exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Note does not exist', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: `No note with the ID "${id}" was found in LeadSquared`, details: { description: expect.stringContaining('with the ID of the lead it belongs to') } });
		expect(result.items[2].json).toMatchObject({ error: 'Nothing to update: no note text and no attachment URL [item 2]', details: { field: 'note' } });
		expect(result.items[3].json).toEqual({ status: 'Success', noteId: id, leadId });
		expect(calls(sandbox, 'UpdateNote')).toHaveLength(3);
		expect(noteOf(id)?.Note).toBe('Changed');
	});
});

describe('Note → Delete', () => {
	it("deletes each item's note; an unknown one is a clear item error; continue-on-fail pairs every item", async () => {
		const leadId = await seedLead(sandbox, 'note-delete@example.com');
		const gone = await seedNote(leadId, { Note: 'Bye' });
		const kept = await seedNote(leadId, { Note: 'Stay' });
		const result = await runLeadSquared({
			parameters: parameters('note', 'delete', { leadId, noteId: '={{ $json.id }}' }),
			items: [{ id: gone }, { id: UNKNOWN }, { id: '' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual({ deleted: true, noteId: gone, leadId });
		expect(result.items[1].json).toMatchObject({ error: `No note with the ID "${UNKNOWN}" was found in LeadSquared`, details: { exceptionMessage: 'Note does not exist' } });
		expect(result.items[2].json).toMatchObject({ error: 'Note ID is empty [item 2]', details: { field: 'noteId' } });
		expect(calls(sandbox, 'DeleteNote').map((entry) => [entry.method, entry.query])).toEqual(
			expect.arrayContaining([
				['GET', { prospectId: leadId, noteId: gone }],
				['GET', { prospectId: leadId, noteId: UNKNOWN }],
			]),
		);
		expect(sandbox.records().notes.map((note) => note.ProspectNoteId)).toEqual([kept]);
		expectNoKeys(sandbox, result);
	});
});
