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
/**
 * The notes' creation times in output order. The notes were written within a second or two, and
 * LeadSquared orders notes of the same second differently on every call: the order users can rely on is
 * by CreatedOn, nothing more.
 */
const createdOn = (items: Array<{ json: Record<string, unknown> }>): string[] => items.map((item) => String(item.json.CreatedOn));
const sorted = (dates: string[], newestFirst: boolean): string[] => [...dates].sort((a, b) => (newestFirst ? b.localeCompare(a) : a.localeCompare(b)));

describe('Note → Get Many', () => {
	it('Return All: every note once, newest first, in pages until RecordCount (read again whole when pages overlapped)', async () => {
		const result = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(130);
		expect(new Set(result.items.map((item) => item.json.Note))).toEqual(new Set(Array.from({ length: 130 }, (_, index) => `Note ${index}`)));
		expect(createdOn(result.items)).toEqual(sorted(createdOn(result.items), true));
		const page = (PageIndex: number, PageSize: number) => ({ Parameter: { RelatedId: leadId }, Paging: { PageIndex, PageSize }, Sorting: { ColumnName: 'CreatedOn', Direction: 1 } });
		const bodies = reads().map((entry) => entry.body);
		expect(bodies.slice(0, 2)).toEqual([page(1, 100), page(2, 100)]);
		// Notes of the same second come in a new order on every call: when the two pages overlapped, the 130 are read again in one page.
		expect(bodies.slice(2)).toEqual(bodies.length > 2 ? [page(1, 130)] : []);
		expect(String(result.items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expectNoKeys(sandbox, result);
	});

	it('Oldest First with a limit: one call of exactly the limit, the oldest notes', async () => {
		const oldest = { order: 'oldestFirst', typedValues: false };
		const all = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, returnAll: true }, oldest), credentials: sandboxCredentials(sandbox), node });
		sandbox.log.length = 0;
		const result = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, limit: 3 }, oldest), credentials: sandboxCredentials(sandbox), node });
		expect(reads()).toHaveLength(1);
		expect(reads()[0].body).toMatchObject({ Paging: { PageIndex: 1, PageSize: 3 }, Sorting: { Direction: 0 } });
		expect(createdOn(result.items)[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		// Three of the oldest: no other note was created before them.
		expect(createdOn(all.items)).toEqual(sorted(createdOn(all.items), false));
		expect(createdOn(result.items)).toEqual(createdOn(all.items).slice(0, 3));
	});

	it('a lead without notes yields no item; each item reads its own lead', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'getMany', { leadId: '={{ $json.id }}', limit: 1 }, { typedValues: false }),
			items: [{ id: quietLead }, { id: leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		const newest = sorted(sandbox.records().notes.map((note) => note.CreatedOn), true)[0];
		expect(result.items[0].json).toMatchObject({ RelatedProspectId: leadId, CreatedOn: newest });
	});

	it("a server that pages by 25 whatever it is asked: the node follows its page size, nothing skipped or repeated", async () => {
		// The first answer holds 25 notes although 100 were asked and RecordCount says 130.
		const first = await post(sandbox, C.noteRetrieve, { Parameter: { RelatedId: leadId }, Paging: { PageIndex: 1, PageSize: 25 } });
		sandbox.log.length = 0;
		sandbox.injectFault({ type: 'json', endpoint: 'RetrieveNote', body: first.json });
		const result = await runLeadSquared({ parameters: parameters('note', 'getMany', { leadId, returnAll: true }), credentials: sandboxCredentials(sandbox), node });
		expect(result.items).toHaveLength(130);
		expect(new Set(result.items.map((item) => item.json.ProspectNoteId)).size).toBe(130);
		const pages = reads().map((entry) => (entry.body as { Paging: unknown }).Paging);
		expect(pages.slice(0, 6)).toEqual([{ PageIndex: 1, PageSize: 100 }, ...[2, 3, 4, 5, 6].map((PageIndex) => ({ PageIndex, PageSize: 25 }))]);
		// When notes of the same second overlapped between pages, the list is read again whole.
		expect(pages.slice(6)).toEqual(pages.length > 6 ? [{ PageIndex: 1, PageSize: 130 }] : []);
	});
});
