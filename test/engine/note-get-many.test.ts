/**
 * Note → Get Many (`LeadManagement.svc/RetrieveNote`) through n8n's engine against the sandbox: a lead's
 * notes, newest or oldest first, Return All / Limit paging by PageIndex/PageSize, typed dates.
 */
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { C, expectNoKeys, parameters, post, seedLead } from './pipeline-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
let leadId: string;
let quietLead: string;

beforeAll(async () => {
	sandbox = await openSandbox();
	leadId = await seedLead(sandbox, 'notes-many@example.com');
	quietLead = await seedLead(sandbox, 'quiet@example.com');
	for (let index = 0; index < 130; index++) {
		const res = await post(sandbox, C.noteCreate, { RelatedProspectId: leadId, Note: `Note ${index}` });
		if (res.status !== 200) throw new Error(res.text);
	}
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.log.length = 0;
});

const node = { typeVersion: 1.1 };
const reads = (): RequestLogEntry[] => calls(sandbox, 'RetrieveNote');

describe('Note → Get Many', () => {
	it('Return All: every note once, newest first, in pages until RecordCount', async () => {
		const result = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(130);
		expect(new Set(result.items.map((item) => item.json.ProspectNoteId)).size).toBe(130);
		expect(result.items[0].json.Note).toBe('Note 129');
		expect(result.items[129].json.Note).toBe('Note 0');
		expect(reads().map((entry) => entry.body)).toEqual([
			{ Parameter: { RelatedId: leadId }, Paging: { PageIndex: 1, PageSize: 100 }, Sorting: { ColumnName: 'CreatedOn', Direction: 1 } },
			{ Parameter: { RelatedId: leadId }, Paging: { PageIndex: 2, PageSize: 100 }, Sorting: { ColumnName: 'CreatedOn', Direction: 1 } },
		]);
		expect(String(result.items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expectNoKeys(sandbox, result);
	});

	it('Oldest First with a limit: one call of exactly the limit', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'getMany', { leadId, limit: 3 }, { order: 'oldestFirst', typedValues: false }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => item.json.Note)).toEqual(['Note 0', 'Note 1', 'Note 2']);
		expect(reads()).toHaveLength(1);
		expect(reads()[0].body).toMatchObject({ Paging: { PageIndex: 1, PageSize: 3 }, Sorting: { Direction: 0 } });
		expect(String(result.items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});

	it('a lead without notes yields no item; each item reads its own lead', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'getMany', { leadId: '={{ $json.id }}', limit: 1 }),
			items: [{ id: quietLead }, { id: leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.Note])).toEqual([[{ item: 1 }, 'Note 129']]);
	});

	it("a server that pages by 25 whatever it is asked: the node follows its page size, nothing skipped or repeated", async () => {
		// The first answer holds 25 notes although 100 were asked and RecordCount says 130.
		const first = await post(sandbox, C.noteRetrieve, { Parameter: { RelatedId: leadId }, Paging: { PageIndex: 1, PageSize: 25 } });
		sandbox.log.length = 0;
		sandbox.injectFault({ type: 'json', endpoint: 'RetrieveNote', body: first.json });
		const result = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.items).toHaveLength(130);
		expect(new Set(result.items.map((item) => item.json.ProspectNoteId)).size).toBe(130);
		expect(reads().map((entry) => (entry.body as { Paging: unknown }).Paging)).toEqual([
			{ PageIndex: 1, PageSize: 100 },
			...[2, 3, 4, 5, 6].map((PageIndex) => ({ PageIndex, PageSize: 25 })),
		]);
	});
});
