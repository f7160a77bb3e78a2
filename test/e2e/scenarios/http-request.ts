/**
 * "Make an API call" in real n8n (11-http-request): n8n's own HTTP Request node with Authentication
 * "Predefined Credential Type" → LeadSquared API, calling endpoints the node has no operation for, with the
 * keys in headers and in the query string, a GET and a POST; the lists it finds go on into the node's
 * List → Get Leads and Email → Send to Lead. A fourth HTTP Request aims the credential at another host: the
 * credential refuses before anything is sent. The keys appear in no output.
 */
import { findLeaks, itemsOf, leadByEmail, secretNeedles } from '../support';
import type { LineRun } from '../support';

const WORKFLOW = 'e2eHttpRequest';
/** This scenario's e-mail domain; its calls with query-string keys name it (the core query-string check leaves them out). */
export const HTTP_DOMAIN = 'http.e2e.example';
const LIST_ID = '9c0d1e2f-3a4b-4c5d-8e6f-000000000010';
const LEAD = `webinar.guest@${HTTP_DOMAIN}`;
const ASHA = { id: '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4', email: 'asha.rao@sandbox.example.com' };

/** A Scenario (./index; not imported from there, so that the two modules do not import each other). */
export const httpRequest = {
	name: 'Make an API call: HTTP Request node with the LeadSquared credential → List Get Leads → Email Send to Lead',
	workflows: [WORKFLOW],
	seedLeads: (): Array<Record<string, string>> => [{ EmailAddress: LEAD, FirstName: 'Guest', LastName: 'Http' }],
	sandbox: { lists: [{ id: LIST_ID, name: 'E2E HTTP Webinar', type: 'static' as const, leadIds: [LEAD] }] },
	checks(run: () => LineRun): void {
		const execution = () => run().executions[WORKFLOW];
		const step = (node: string) => itemsOf(execution(), node);
		const leadId = () => String(leadByEmail(run().seeded, LEAD)?.ProspectID);
		const calls = (endpoint: string) => run().sandbox.log.filter((entry) => entry.endpoint === endpoint && (entry.rawUrl.includes(HTTP_DOMAIN) || entry.rawUrl.includes('E2E+HTTP') || entry.rawUrl.includes('E2E%20HTTP') || entry.rawBody.includes(leadId())));

		it('runs to the end', () => {
			expect(execution()?.status).toBe('success');
			expect(execution()?.data.resultData.error).toBeUndefined();
		});

		it('GET with the keys in headers: the HTTP Request node reaches the sandbox authenticated, the answer becomes items', () => {
			expect(step('Lists (HTTP Request)').map((item) => item.json)).toEqual([
				{ ListId: LIST_ID, ListName: 'E2E HTTP Webinar', ListDescription: '', ListType: 'static', MemberCount: 1 },
			]);
			const [call] = calls('Lists.Get');
			expect(call).toMatchObject({ method: 'GET', auth: 'header', authOk: true, status: 200, query: { ListType: '0', SearchText: 'E2E HTTP' } });
			expect(call.headers['x-lsq-accesskey']).toBe(run().keys.accessKey);
			expect(call.rawUrl).not.toMatch(/accessKey|secretKey/i);
		});

		it('GET with the keys in the query string (percent-encoded), and a POST with a JSON body', () => {
			expect(step('Quick Search (HTTP Request, keys in query)').map((item) => item.json.ProspectID)).toEqual([leadId()]);
			const [search] = calls('Leads.GetByQuickSearch');
			expect(search).toMatchObject({ auth: 'query', authOk: true, status: 200 });
			expect(search.rawUrl).toContain(`accessKey=${encodeURIComponent(run().keys.accessKey)}`);
			expect(search.headers['x-lsq-secretkey']).toBeUndefined();

			const [note] = calls('CreateNote');
			expect(note).toMatchObject({ method: 'POST', auth: 'header', authOk: true, status: 200, body: { RelatedProspectId: leadId(), Note: 'Logged with the HTTP Request node' } });
			const stored = run().sandbox.records().notes.filter((entry) => entry.RelatedProspectId === leadId());
			expect(stored.map((entry) => entry.Note)).toEqual(['Logged with the HTTP Request node']);
			expect(step('Create Note (HTTP Request POST)').map((item) => item.json)).toEqual([{ Status: 'Success', Message: { Id: stored[0].ProspectNoteId } }]);
		});

		it('another host: refused by the credential before anything is sent, saying where the keys may go', () => {
			expect(run().foreign.requests).toEqual([]);
			const [item] = step('Another Host (refused)');
			expect(JSON.stringify(item.json)).toContain(`This LeadSquared credential sends its keys only to ${run().sandbox.url}, the host it is set up for; the request goes to ${run().foreign.url}`);
		});

		it('List → Get Leads and Email → Send to Lead in real n8n, fed by the HTTP Request node', () => {
			expect(step('Get Leads (LeadSquared)')).toEqual([{ json: { ProspectID: leadId(), EmailAddress: LEAD, FirstName: 'Guest' }, pairedItem: { item: 0 } }]);
			const [mail] = run().sandbox.sentEmails();
			expect(mail).toMatchObject({ senderType: 'UserEmailAddress', senderUserId: ASHA.id, leadId: leadId(), recipient: LEAD, subject: 'Welcome, Guest' });
			expect(step('Send Email (LeadSquared)')).toEqual([
				{
					json: { status: 'Success', emailId: mail.id, recipient: LEAD, leadId: leadId(), senderType: 'UserEmailAddress', sender: ASHA.email, answer: { ID: mail.id, MemberCount: 1, TotalRecipient: 1 } },
					pairedItem: { item: 0 },
				},
			]);
		});

		it("the keys appear nowhere in this workflow's execution", () => {
			expect(findLeaks([{ what: WORKFLOW, text: JSON.stringify(execution()) }], secretNeedles(run().keys))).toEqual([]);
		});
	},
};
