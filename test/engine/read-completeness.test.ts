/**
 * Paged reads of the action node that end only complete (issue 17 §4 "a read that stops early must say
 * so", §1.6 activity pages): through n8n's engine against the sandbox with its default tie order (records
 * of the same second in a new order on every call, as LeadSquared's are).
 * - Activity → Get Many gets every activity once whichever way LeadSquared counts Paging.Offset (rows, a
 *   page number from 1, a page number from 0), and never asks for more than 1,000 rows.
 * - When LeadSquared's RecordCount says more exist than the pages bring (here: a server that ignores the
 *   page asked for), notes, tasks, opportunities and activities fail the item naming how many are missing;
 *   they never return the first page as if it were all.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ENDPOINTS, getManyParameters, leadWithActivities, seedActivity } from './activity-support';
import { C, parameters, post, seedLead, seedOpportunity, seedTask, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const ids = (items: Array<{ json: IDataObject }>, key: string) => items.map((item) => String(item.json[key]));
const activityPaging = (): Array<{ Offset: number; RowCount: number }> =>
	calls(sandbox, ENDPOINTS.retrieve).map((entry: RequestLogEntry) => (entry.body as { Paging: { Offset: number; RowCount: number } }).Paging);

afterEach(() => {
	sandbox.configure({ activityRetrieveOffset: undefined, activityMaxPageSize: undefined });
	sandbox.clearFaults();
});

describe('Activity → Get Many, whatever Paging.Offset means', () => {
	it.each([
		['rows', 4],
		['pages', 4],
		['pagesFromZero', 4],
		['pages', 1],
		['pagesFromZero', 1],
	] as const)('Offset counting %s, pages of at most %i: every activity once, newest first', async (reading, maxPageSize) => {
		const { leadId, ids: posted } = await leadWithActivities(sandbox, `offset-${reading}-${maxPageSize}@example.com`, 11);
		sandbox.configure({ activityRetrieveOffset: reading, activityMaxPageSize: maxPageSize });
		const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(ids(result.items, 'Id')).toEqual([...posted].reverse());
	});

	it('2,300 activities, 30 of them in each second: every one once, no call asking for more than 1,000 rows', async () => {
		const leadId = await seedLead(sandbox, 'volume@example.com');
		const posted = new Set<string>();
		for (let batch = 0; batch < 23; batch++) {
			const dates = Array.from({ length: 100 }, (_, n) => {
				const second = Math.floor((batch * 100 + n) / 30);
				return `2026-02-01 ${String(10 + Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}:00`;
			});
			for (const id of await Promise.all(dates.map(async (date) => await seedActivity(sandbox, leadId, date)))) posted.add(id);
		}
		sandbox.log.length = 0;
		const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2300);
		expect(new Set(ids(result.items, 'Id'))).toEqual(posted);
		const dates = result.items.map((item) => String(item.json.CreatedOn));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(activityPaging().every((paging) => paging.RowCount <= 1000)).toBe(true);
		expect(calls(sandbox, ENDPOINTS.retrieve).every((entry) => entry.status === 200)).toBe(true);
	});
});

describe('a read LeadSquared ends early fails, naming what is missing', () => {
	/** Runs a read while `endpoint` answers every call with `page` (LeadSquared ignoring the page asked for). */
	async function ignoringPaging(endpoint: string, page: unknown, params: Record<string, unknown>, items: IDataObject[] = [{}]) {
		sandbox.injectFault({ endpoint, type: 'json', body: page, count: Infinity });
		return await runLeadSquared({ parameters: params as never, items, credentials: sandboxCredentials(sandbox), continueOnFail: true, node });
	}

	it('notes: 130 listed, pages of 100 that never move on', async () => {
		const leadId = await seedLead(sandbox, 'notes-ignored@example.com');
		for (let n = 0; n < 130; n++) await post(sandbox, C.noteCreate, { RelatedProspectId: leadId, Note: `Note ${n}` });
		const first = await post(sandbox, C.noteRetrieve, { Parameter: { RelatedId: leadId }, Paging: { PageIndex: 1, PageSize: 100 } });
		const result = await ignoringPaging('RetrieveNote', first.json, parameters('note', 'getMany', { leadId, returnAll: true }));
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/^LeadSquared listed 130 notes of the lead, but 30 of them never came back on any page/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('tasks: 230 listed, Offset ignored', async () => {
		for (let n = 0; n < 230; n++) await seedTask(sandbox, { Name: `Task ${n}`, OwnerEmailAddress: VIR.email, DueDate: `2025-03-${String(1 + (n % 28)).padStart(2, '0')} 10:${String(n % 60).padStart(2, '0')}:00` });
		const first = await post(sandbox, C.taskRetrieve, { Parameter: { LookupName: 'OwnerEmailAddress', LookupValue: VIR.email }, Paging: { Offset: 0, RowCount: 100 } });
		const result = await ignoringPaging('Task.Retrieve', first.json, parameters('task', 'getMany', { owner: { __rl: true, mode: 'email', value: VIR.email }, returnAll: true }));
		expect(result.items[0].json.error).toMatch(/^LeadSquared listed 230 tasks of the owner, but 130 of them never came back on any page/);
	});

	it('opportunities: 120 listed, PageIndex ignored', async () => {
		const { leadId } = await seedOpportunity(sandbox, 'opps-ignored@example.com', 12001, { mx_Custom_1: 'Loan 0', mx_Custom_2: '1000' });
		for (let n = 1; n < 120; n++) {
			const res = await post(sandbox, C.oppCapture, {
				LeadDetails: [
					{ Attribute: 'EmailAddress', Value: 'opps-ignored@example.com' },
					{ Attribute: 'SearchBy', Value: 'EmailAddress' },
				],
				Opportunity: { OpportunityEventCode: 12001, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Loan ${n}` }, { SchemaName: 'mx_Custom_2', Value: String(1000 + n) }] },
			});
			if (res.status !== 200) throw new Error(res.text);
		}
		const first = await post(sandbox, C.oppOfLead, { Paging: { PageIndex: 1, PageSize: 100 } }, { leadId, opportunityType: '12001' });
		const opportunityType = { __rl: true, mode: 'code', value: '12001' };
		const result = await ignoringPaging('GetOpportunitiesOfLead', first.json, parameters('opportunity', 'getMany', { leadId, opportunityType, returnAll: true }));
		expect(result.items[0].json.error).toMatch(/^LeadSquared listed 120 opportunities of the lead, but 20 of them never came back on any page/);
	});

	it('activities: 25 listed, Offset ignored', async () => {
		const { leadId } = await leadWithActivities(sandbox, 'activities-ignored@example.com', 25);
		sandbox.configure({ activityMaxPageSize: 10 });
		const first = await post(sandbox, C.activityRetrieve, { Paging: { Offset: 0, RowCount: 10 } }, { leadId });
		sandbox.configure({ activityMaxPageSize: undefined });
		const result = await ignoringPaging(ENDPOINTS.retrieve, first.json, getManyParameters(), [{ leadId }]);
		expect(result.items[0].json.error).toMatch(/^LeadSquared listed 25 activities of the lead, but 15 of them never came back on any page/);
	});
});
