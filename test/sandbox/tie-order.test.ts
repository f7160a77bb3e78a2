/**
 * The sandbox's tie order on every sorted read (contract §12.4): by default, records that tie on the sort
 * column come in a new order on every call, as LeadSquared's do; with `unstableTieOrder: false` they keep
 * a stable order (creation or write order). Leads.Get, Leads.RecentlyModified, the activity reads and
 * RetrieveNote have their own tests; here: leads in a list, tasks, opportunities of a lead, webhooks and
 * the user search.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './client';
import { ASHA, C, newLead, post } from './crm-client';
import { registerWebhook, retrieve as retrieveWebhooks } from './webhook-helpers';

const LEADS = Array.from({ length: 12 }, (_, i) => ({ LastName: `Tied ${i}`, EmailAddress: `tied${i}@example.com`, mx_City: 'Pune' }));

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ leads: LEADS, rateLimit: { calls: 0, windowMs: 1000 }, lists: [{ name: 'Everyone in Pune', type: 'static', leadIds: LEADS.map((lead) => lead.EmailAddress) }] });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.configure({ unstableTieOrder: undefined });
	sb.reset();
});

/** The distinct orders 6 calls of `read` give, by default and with the option off. */
async function orders(read: () => Promise<string[]>): Promise<{ unstable: number; stable: number }> {
	const count = async (): Promise<number> => {
		const seen = new Set<string>();
		for (let n = 0; n < 6; n++) seen.add((await read()).join());
		return seen.size;
	};
	const unstable = await count();
	sb.configure({ unstableTieOrder: false });
	const stable = await count();
	return { unstable, stable };
}

function expectShuffledByDefault(result: { unstable: number; stable: number }): void {
	expect(result.unstable).toBeGreaterThan(1);
	expect(result.stable).toBe(1);
}

it('Leads/Retrieve/BySearchParameter sorted by a shared city', async () => {
	const listId = sb.lists().find((list) => list.name === 'Everyone in Pune')?.id as string;
	const read = async () => {
		const res = await call(sb, '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter', {
			body: { SearchParameters: { ListId: listId }, Columns: { Include_CSV: 'ProspectID' }, Sorting: { ColumnName: 'mx_City', Direction: '0' } },
		});
		return (res.json.Leads as Array<{ LeadPropertyList: Array<{ Value: string }> }>).map((lead) => lead.LeadPropertyList[0].Value);
	};
	expectShuffledByDefault(await orders(read));
});

it('Task.svc/Retrieve sorted by a shared due date', async () => {
	for (let n = 0; n < 10; n++) await post(sb, C.taskCreate, { Name: `Due together ${n}`, TaskType: { Name: 'Follow Up' }, OwnerEmailAddress: ASHA.email, DueDate: '2025-06-01 10:00:00' });
	const read = async () => {
		const res = await post(sb, C.taskRetrieve, { Parameter: { LookupName: 'OwnerEmailAddress', LookupValue: ASHA.email }, Sorting: { ColumnName: 'DueDate', Direction: '0' } });
		return (res.json.List as Array<{ Name: string }>).map((task) => task.Name);
	};
	expectShuffledByDefault(await orders(read));
});

it('GetOpportunitiesOfLead sorted by a shared value', async () => {
	const leadId = await newLead(sb, 'opps@example.com');
	for (let n = 0; n < 10; n++) {
		await post(sb, C.oppCapture, {
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: 'opps@example.com' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			],
			Opportunity: { OpportunityEventCode: 12001, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Same' }, { SchemaName: 'mx_Custom_2', Value: String(100 + n) }] },
		});
	}
	const read = async () => {
		const res = await post(sb, C.oppOfLead, { Sorting: { ColumnName: 'mx_Custom_1', Direction: 0 } }, { leadId, opportunityType: '12001' });
		return (res.json.List as Array<{ OpportunityId: string }>).map((row) => row.OpportunityId);
	};
	expectShuffledByDefault(await orders(read));
});

it('Webhook.svc/Retrieve sorted by a shared column', async () => {
	for (let n = 0; n < 8; n++) await registerWebhook(sb, `https://example.com/hook/${n}`);
	const read = async () => {
		const res = await retrieveWebhooks(sb, { Sorting: { ColumnName: 'Method', Direction: '0' } });
		return (res.json.Response as Array<{ WebhookId: string }>).map((hook) => hook.WebhookId);
	};
	expectShuffledByDefault(await orders(read));
});

it('User/AdvancedSearch sorted by a shared time zone', async () => {
	const read = async () => {
		const res = await post(sb, C.userSearch, { Columns: { Include_CSV: 'EmailAddress' }, Sorting: [{ ColumnName: 'TimeZone', Direction: 0 }] });
		return (res.json as Array<{ EmailAddress: string }>).map((user) => user.EmailAddress);
	};
	expectShuffledByDefault(await orders(read));
});
