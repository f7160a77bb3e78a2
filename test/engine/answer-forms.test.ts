/**
 * Answers whose shape the sources disagree on (contract §12.2, sandbox/answer-forms.ts), through n8n's
 * engine against the sandbox answering in each form: Note → Get Many (RetrieveNote rows under List or
 * Notes), the list picker and Add to List's list check (Lists.Get bare or inside Message), the credential
 * test and its host discovery (UserByAccessKey.Get bare or inside d), the LeadSquared Trigger's webhook
 * registration (Webhook.svc/Create's id as Message.Id or as Message itself). Bulk activities: see
 * activity-create-forms.test.ts.
 */
import { answerFormChoices } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, listSearch, runLeadSquared, sandboxCredentials, testCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import { C, parameters, post, seedLead } from './pipeline-support';
import { calls, openSandbox } from './support';

const WEBINAR = '7a000000-0000-4000-8000-000000000001';
const HOT = '7a000000-0000-4000-8000-000000000003';
const LISTS = [
	{ id: WEBINAR, name: 'Webinar May', type: 'static' as const },
	{ id: HOT, name: 'Hot Leads', type: 'dynamic' as const },
];
const LEAD = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f01';

let sandbox: Sandbox;
let notesLead: string;

beforeAll(async () => {
	sandbox = await openSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'forms@example.com', LastName: 'Forms' }], lists: LISTS, webhookRetryDelayMs: 0 });
	notesLead = await seedLead(sandbox, 'notes-forms@example.com');
	for (let index = 0; index < 30; index++) {
		const res = await post(sandbox, C.noteCreate, { RelatedProspectId: notesLead, Note: `Note ${index}` });
		if (res.status !== 200) throw new Error(res.text);
	}
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.configure({ answerForms: undefined, accountHost: undefined, servedHost: undefined, unstableTieOrder: undefined });
	sandbox.log.length = 0;
});

const node = { typeVersion: 1.1 };

describe.each(answerFormChoices('notes'))('RetrieveNote rows under %s', (form) => {
	// The notes are posted within a second or two: ties kept in posting order, so the order asserted is the form's, not
	// LeadSquared's tie order (read-completeness.test.ts and tie-order.test.ts cover the unstable order).
	beforeEach(() => sandbox.configure({ answerForms: { notes: form }, unstableTieOrder: false }));

	it('Note → Get Many, Return All: every note once, in pages of the asked size until RecordCount', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'getMany', { leadId: notesLead, returnAll: true }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.Note)).toEqual(Array.from({ length: 30 }, (_, index) => `Note ${29 - index}`));
		expect(calls(sandbox, 'RetrieveNote').map((entry) => Object.keys(entry.response as object))).toEqual([['RecordCount', form]]);
	});

	it('Note → Get Many with a Limit: exactly the first notes, one call', async () => {
		const result = await runLeadSquared({
			parameters: parameters('note', 'getMany', { leadId: notesLead, limit: 2 }, { order: 'oldestFirst' }),
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.items.map((item) => item.json.Note)).toEqual(['Note 0', 'Note 1']);
		expect(calls(sandbox, 'RetrieveNote')).toHaveLength(1);
	});
});

describe.each(answerFormChoices('lists'))('Lists.Get answered %s', (form) => {
	beforeEach(() => sandbox.configure({ answerForms: { lists: form } }));

	it('the List picker offers the static lists, searchable', async () => {
		const all = await listSearch('searchStaticLists', sandboxCredentials(sandbox));
		expect(all.results.map((entry) => [entry.name, entry.description])).toEqual([
			['Starred Leads', '0 leads'],
			['Webinar May', '0 leads'],
		]);
		const found = await listSearch('searchStaticLists', sandboxCredentials(sandbox), 'web');
		expect(found.results.map((entry) => entry.value)).toEqual([WEBINAR]);
		expect(calls(sandbox, 'Lists.Get').every((entry) => (form === 'wrapped') === !Array.isArray(entry.response))).toBe(true);
	});

	it('Add to List on a dynamic list: the list check reads Lists.Get and names the list', async () => {
		const result = await runLeadSquared({
			parameters: parameters('lead', 'addToList', { list: { __rl: true, mode: 'id', value: HOT }, leadId: LEAD }),
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.json.error)).toEqual(['The list "Hot Leads" is a dynamic list: LeadSquared adds leads to and removes leads from static lists only']);
		expect(calls(sandbox, 'Lists.Get')).toHaveLength(1);
	});
});

describe.each(answerFormChoices('userByAccessKey'))('UserByAccessKey.Get answered %s', (form) => {
	beforeEach(() => sandbox.configure({ answerForms: { userByAccessKey: form } }));

	it('the credential test succeeds and names the account', async () => {
		expect(await testCredentials(sandboxCredentials(sandbox))).toEqual({ status: 'OK', message: 'Connection successful (LeadSquared Sandbox).' });
	});

	it("keys of another region: the test names the account's own host, read from LSQCommonServiceURLs", async () => {
		sandbox.configure({ accountHost: 'api-in21.leadsquared.com', servedHost: 'api-us11.leadsquared.com' });
		const result = await testCredentials(sandboxCredentials(sandbox));
		expect(result.status).toBe('Error');
		expect(result.message).toContain("LeadSquared says the account's API host is api-in21.leadsquared.com");
		expect(result.message).toContain('India (Mumbai)');
	});
});

describe('UserByAccessKey.Get inside d with an error envelope', () => {
	it('fails the credential test with LeadSquared\'s reason instead of calling it a success', async () => {
		sandbox.injectFault({ endpoint: 'UserByAccessKey.Get', type: 'json', body: { d: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: 'User is inactive' } } });
		expect(await testCredentials(sandboxCredentials(sandbox))).toEqual({ status: 'Error', message: 'LeadSquared did not confirm the keys: User is inactive' });
	});
});

describe.each(answerFormChoices('webhookCreate'))('Webhook.svc/Create answering the id as %s', (form) => {
	beforeEach(() => {
		sandbox.reset({ keepLeads: true });
		sandbox.configure({ answerForms: { webhookCreate: form } });
	});

	it('the trigger registers its webhooks, keeps their ids, and deletes exactly those on deactivation', async () => {
		const harness = await TriggerHarness.start({
			kind: 'webhook',
			parameters: { events: ['lead.created', 'lead.updated'] },
			credentials: sandboxCredentials(sandbox) as never,
		});
		try {
			expect(await harness.activate()).toEqual({ existed: false });
			const hooks = sandbox.webhooks();
			expect(hooks).toHaveLength(2);
			expect(harness.staticData.webhooks).toMatchObject(hooks.map((hook) => ({ id: hook.WebhookId, code: hook.WebhookEvent })));
			expect(typeof (calls(sandbox, 'Webhook.Create')[0].response as { Message: unknown }).Message).toBe(form === 'bareId' ? 'string' : 'object');
			expect(await harness.checkExists()).toBe(true);
			expect(await harness.deactivate()).toBe(true);
			expect(sandbox.webhooks()).toEqual([]);
		} finally {
			await harness.close();
		}
	});
});
