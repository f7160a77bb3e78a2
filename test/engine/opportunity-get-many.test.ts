/**
 * Opportunity → Get Many (`GetOpportunitiesOfLead`) through n8n's engine against the sandbox: a lead's
 * opportunities, one type only, Return All / Limit paging by PageIndex/PageSize, and Typed Values by the
 * types' metadata.
 */
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { C, expectNoKeys, locator, parameters, post, seedOpportunity } from './pipeline-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
let leadId: string;
let otherLead: string;
const COURSES = ['Engineering', 'Medicine', 'Law', 'Business Administration'];

beforeAll(async () => {
	sandbox = await openSandbox({ opportunityDuplicateScope: 'lead' });
	// 150 Loan opportunities (no duplicate rule value: no Loan Type) and one Admission on one lead; one on another lead.
	leadId = (await seedOpportunity(sandbox, 'many@example.com', 12000, { mx_Custom_1: 'Admission', mx_Custom_2: COURSES[0], mx_Custom_3: '125000', mx_Custom_4: '2026-08-01' })).leadId;
	for (let index = 0; index < 150; index++) {
		const res = await post(sandbox, C.oppCapture, {
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: 'many@example.com' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			],
			Opportunity: { OpportunityEventCode: 12001, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Loan ${index}` }, { SchemaName: 'mx_Custom_2', Value: String(1000 + index) }] },
		});
		if (res.status !== 200) throw new Error(res.text);
	}
	otherLead = (await seedOpportunity(sandbox, 'other@example.com', 12000, { mx_Custom_1: 'Other', mx_Custom_2: COURSES[1] })).leadId;
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.log.length = 0;
});

const node = { typeVersion: 1.1 };
const reads = (): RequestLogEntry[] => calls(sandbox, 'GetOpportunitiesOfLead');
const pagingOf = (entry: RequestLogEntry) => (entry.body as { Paging: { PageIndex: number; PageSize: number } }).Paging;

describe('Opportunity → Get Many', () => {
	it("Return All reads every page of each type's opportunities of the lead once, until RecordCount", async () => {
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId: '={{ $json.id }}', returnAll: true }),
			items: [{ id: leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(151);
		expect(new Set(result.items.map((item) => item.json.OpportunityId)).size).toBe(151);
		expect(result.items.every((item) => item.json.RelatedProspectId === leadId)).toBe(true);
		// Type by type (the account's opportunity types), as accounts that require opportunityType need. Opportunities
		// of the same second come in a new order on every call: when a type's pages overlapped, it is read again whole.
		const byType = reads().map((entry) => [entry.query.opportunityType, pagingOf(entry)] as const);
		expect(byType.slice(0, 3)).toEqual([
			['12000', { PageIndex: 1, PageSize: 100 }],
			['12001', { PageIndex: 1, PageSize: 100 }],
			['12001', { PageIndex: 2, PageSize: 100 }],
		]);
		expect(byType.slice(3).every(([type, paging]) => type === '12001' && paging.PageIndex === 1 && paging.PageSize > 100)).toBe(true);
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(1);
		expectNoKeys(sandbox, result);
	});

	it('one type only, with a limit of one page or less: one call of that size', async () => {
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId, opportunityType: locator('12001'), limit: 7 }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items).toHaveLength(7);
		expect(result.items.every((item) => item.json.OpportunityEvent === '12001')).toBe(true);
		expect(reads()).toHaveLength(1);
		expect(reads()[0].query).toEqual({ leadId, opportunityType: '12001' });
		expect(pagingOf(reads()[0])).toEqual({ PageIndex: 1, PageSize: 7 });
	});

	it("Typed Values type each row by its type's metadata (fetched once per type); off keeps LeadSquared's text", async () => {
		const typed = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId, opportunityType: locator('12000', 'code'), returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(typed.items).toHaveLength(1);
		expect(typed.items[0].json).toMatchObject({ mx_Custom_1: 'Admission', mx_Custom_3: 125000, mx_Custom_4: '2026-08-01', OpportunityType: 'Admission' });
		expect(String(typed.items[0].json.CreatedOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		expect(calls(sandbox, 'GetOpportunityTypeMetadata')).toHaveLength(1);

		const text = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId, opportunityType: locator('12000', 'code'), returnAll: true }, { typedValues: false }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(text.items[0].json).toMatchObject({ mx_Custom_3: '125000', mx_Custom_4: '2026-08-01 00:00:00' });
	});

	it('each item reads its own lead; a lead without opportunities yields no item; an empty lead id is refused', async () => {
		const result = await runLeadSquared({
			parameters: parameters('opportunity', 'getMany', { leadId: '={{ $json.id }}', opportunityType: locator('12000'), returnAll: true }),
			items: [{ id: otherLead }, { id: '00000000-0000-0000-0000-000000000000' }, { id: '' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.mx_Custom_1 ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Other'],
			[{ item: 2 }, 'Lead ID is empty [item 2]'],
		]);
		expect(reads()).toHaveLength(2);
	});
});
