/**
 * Email → Send to Lead (`EmailMarketing.svc/SendEmailToLead`) through n8n's engine against the sandbox:
 * the documented body for each sender and content, the lead by e-mail or by ID, both answer forms, and
 * the refusals real accounts answer ("Invalid Sender details.", "No lead found…", MXMailDeliveryException,
 * an unknown category), each said plainly with LeadSquared's exception kept; never sent twice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { ADMIN_ID, ASHA, INACTIVE_USER_EMAIL } from './pipeline-support';
import { calls, expectNoKeys, FAST, locator, openSandbox } from './support';

const JOHN = { id: '6a000000-0000-4000-8000-000000000001', email: 'john@mail.example' };
const ORPHAN = { id: '6a000000-0000-4000-8000-000000000002', email: 'orphan@mail.example' };
const NO_EMAIL = '6a000000-0000-4000-8000-000000000003';
const KARAN_ID = '190e7b6f-39da-11e6-b61b-22000aa8e760';
const UNKNOWN_LEAD = '6a000000-0000-4000-8000-0000000000ff';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox({
		leads: [
			{ ProspectID: JOHN.id, EmailAddress: JOHN.email, FirstName: 'John', LastName: 'Smith', OwnerId: ASHA.id },
			// Owned by a deactivated user.
			{ ProspectID: ORPHAN.id, EmailAddress: ORPHAN.email, LastName: 'Orphan', OwnerId: KARAN_ID },
			{ ProspectID: NO_EMAIL, LastName: 'No Email', Phone: '9845012345' },
		],
	});
});
beforeEach(() => {
	sandbox.configure({ emailSendAnswer: undefined, emailApiCallerSender: undefined, emailDeliveryRefused: undefined });
	sandbox.reset({ keepLeads: true });
	sandbox.log.length = 0;
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

const HTML = { content: 'html', subject: '=Welcome, {{ $json.name }}', html: '<p>Thank you for your interest.</p>' };

function parameters(values: IDataObject, options: IDataObject = {}): INodeParameters {
	return { resource: 'email', operation: 'sendToLead', recipientBy: 'email', email: JOHN.email, sendAs: 'user', sender: locator(ASHA.id), ...HTML, ...values, options: { ...FAST, ...options } } as INodeParameters;
}

async function run(params: INodeParameters, items: IDataObject[] = [{ name: 'John' }], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters: params, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const sends = () => calls(sandbox, 'SendEmailToLead');

describe('Email → Send to Lead', () => {
	it('an HTML e-mail from a user chosen from the list: the documented body, the mail accepted, its id in the output', async () => {
		const result = await run(parameters({}));
		expect(result.status).toBe('success');
		expect(sends().map((entry) => entry.body)).toEqual([
			{
				SenderType: 'UserId',
				Sender: ASHA.id,
				RecipientType: 'LeadEmailAddress',
				Recipient: JOHN.email,
				EmailType: 'Html',
				ContentHTML: '<p>Thank you for your interest.</p>',
				Subject: 'Welcome, John',
				IncludeEmailFooter: true,
			},
		]);
		// In the documented key order.
		expect(Object.keys(JSON.parse(sends()[0].rawBody) as IDataObject)).toEqual(['SenderType', 'Sender', 'RecipientType', 'Recipient', 'EmailType', 'ContentHTML', 'Subject', 'IncludeEmailFooter']);
		const [mail] = sandbox.sentEmails();
		expect(mail).toMatchObject({ senderUserId: ASHA.id, leadId: JOHN.id, recipient: JOHN.email, subject: 'Welcome, John', schedule: '' });
		expect(result.items).toEqual([
			{
				json: {
					status: 'Success',
					emailId: mail.id,
					recipient: JOHN.email,
					senderType: 'UserId',
					sender: ASHA.id,
					answer: { ID: mail.id, MemberCount: 1, TotalRecipient: 1 },
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoKeys(sandbox, result);
	});

	it('a template, sender by e-mail, CC, category, no footer, a schedule in the workflow\'s time zone, a named e-mail field', async () => {
		const result = await run(
			parameters({
				content: 'template',
				template: 'Welcome',
				subject: '',
				sender: locator(ASHA.email, 'email'),
				additionalFields: { cc: 'counsellor@example.com; boss@example.com', category: 'Newsletter', includeFooter: false, schedule: '2026-10-13 15:30', recipientField: 'EmailAddress', text: 'Welcome' },
			}, { dateTimezone: 'workflow' }),
			[{}],
			{ timezone: 'Asia/Kolkata' },
		);
		expect(result.status).toBe('success');
		expect(sends()[0].body).toEqual({
			SenderType: 'UserEmailAddress',
			Sender: ASHA.email,
			CCEmailAddress: 'counsellor@example.com,boss@example.com',
			RecipientType: 'LeadEmailAddress',
			RecipientEmailFields: 'EmailAddress',
			Recipient: JOHN.email,
			EmailType: 'Template',
			EmailLibraryName: 'Welcome',
			ContentText: 'Welcome',
			IncludeEmailFooter: false,
			Schedule: '2026-10-13 10:00:00',
			EmailCategory: 'Newsletter',
		});
		expect(result.items[0].json).toMatchObject({ senderType: 'UserEmailAddress', sender: ASHA.email, scheduledFor: '2026-10-13 10:00:00' });
		expect(sandbox.sentEmails()[0]).toMatchObject({ template: 'Welcome', cc: 'counsellor@example.com,boss@example.com', includeFooter: false });
	});

	it("the lead by ID: its e-mail address is read first (Leads.GetById), the output names the lead; the lead's owner sends", async () => {
		const result = await run(parameters({ recipientBy: 'leadId', leadId: JOHN.id, sendAs: 'leadOwner' }));
		expect(calls(sandbox, 'Leads.GetById').map((entry) => entry.query)).toEqual([{ id: JOHN.id }]);
		expect(sends()[0].body).toMatchObject({ SenderType: 'LeadOwner', Recipient: JOHN.email });
		expect(sends()[0].body).not.toHaveProperty('Sender');
		expect(sandbox.sentEmails()[0].senderUserId).toBe(ASHA.id);
		expect(result.items[0].json).toMatchObject({ recipient: JOHN.email, leadId: JOHN.id, senderType: 'LeadOwner' });
	});

	it("the API keys' user sends (APICaller); the other answer form ({Status, Message: {Id}}) gives the id too", async () => {
		sandbox.configure({ emailSendAnswer: 'statusId' });
		const result = await run(parameters({ sendAs: 'apiUser' }));
		const [mail] = sandbox.sentEmails();
		expect(mail.senderUserId).toBe(ADMIN_ID);
		expect(result.items[0].json).toEqual({
			status: 'Success',
			emailId: mail.id,
			recipient: JOHN.email,
			senderType: 'APICaller',
			answer: { Status: 'Success', Message: { Id: mail.id } },
		});
	});

	it('"Invalid Sender details." (an inactive user): the item fails saying the sender was refused and nothing was sent', async () => {
		const result = await run(parameters({ sender: locator(INACTIVE_USER_EMAIL, 'email') }), [{ name: 'John' }], { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: `LeadSquared refused the sender, the user ${INACTIVE_USER_EMAIL}: Invalid Sender details.`,
			details: { exceptionType: 'MXMandatoryAttributeMissingException', exceptionMessage: 'Invalid Sender details.', itemIndex: 0 },
		});
		expect(String((result.items[0].json.details as IDataObject).description)).toMatch(/active user of this LeadSquared account.*Nothing was sent/);
		expect(sandbox.sentEmails()).toEqual([]);
	});

	it("the lead's owner deactivated: the same refusal, with what to do", async () => {
		const result = await run(parameters({ email: ORPHAN.email, sendAs: 'leadOwner' }));
		expect(result.error?.message).toBe("LeadSquared refused the sender, the lead's owner: Invalid Sender details.");
		expect(result.error?.description).toMatch(/owner may be deactivated/);
	});

	it('"Retry as the API User When the Sender Is Refused": sent again as APICaller, and the output says so', async () => {
		const result = await run(parameters({ sender: locator(INACTIVE_USER_EMAIL, 'email') }, { senderFallback: true }));
		expect(sends().map((entry) => (entry.body as IDataObject).SenderType)).toEqual(['UserEmailAddress', 'APICaller']);
		expect(sandbox.sentEmails()).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ status: 'Success', senderType: 'APICaller', senderFallback: true, refusedSender: INACTIVE_USER_EMAIL });
	});

	it('an account that does not take APICaller either: the item fails with the APICaller refusal', async () => {
		sandbox.configure({ emailApiCallerSender: false });
		const result = await run(parameters({ sender: locator(INACTIVE_USER_EMAIL, 'email') }, { senderFallback: true }));
		expect(result.error?.message).toBe("LeadSquared refused the sender, the API keys' user (APICaller): Invalid Sender details.");
		expect(sends()).toHaveLength(2);
	});

	it('"No lead found…": the address is not a lead of the account', async () => {
		const result = await run(parameters({ email: 'stranger@mail.example' }));
		expect(result.error?.message).toBe('No lead with the e-mail address stranger@mail.example in this LeadSquared account');
		expect(result.error?.description).toMatch(/No lead found with RecipientType: LeadEmailAddress and Recipient: stranger@mail.example/);
	});

	it('MXMailDeliveryException: the sender was accepted but the account cannot deliver; credits, domain, DKIM/SPF named', async () => {
		sandbox.configure({ emailDeliveryRefused: true });
		const result = await run(parameters({}), [{ name: 'John' }], { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ error: expect.stringMatching(/^LeadSquared accepted the sender but could not deliver the e-mail/), details: { exceptionType: 'MXMailDeliveryException' } });
		expect(String((result.items[0].json.details as IDataObject).description)).toMatch(/credits.*verified.*DKIM and SPF/);
	});

	it('an e-mail category the account lacks (HTTP 500): explained, and not sent again', async () => {
		const result = await run(parameters({ additionalFields: { category: 'Promotions' } }));
		expect(result.error?.message).toBe("LeadSquared refused the request: Email category 'Promotions' does not exist");
		expect(result.error?.description).toMatch(/must be one of the e-mail categories of the account/);
		expect(sends()).toHaveLength(1);
	});

	it('a server error without an answer is not retried: the e-mail may have gone out', async () => {
		sandbox.injectFault({ type: 'status', status: 502, endpoint: 'SendEmailToLead', process: true });
		const result = await run(parameters({}), [{ name: 'John' }], { continueOnFail: true });
		expect(result.items[0].json.error).toBeDefined();
		expect(sends()).toHaveLength(1);
		expect(sandbox.sentEmails()).toHaveLength(1);
	});

	it('by ID: an unknown lead, or a lead without an e-mail address, fails before anything is sent', async () => {
		const result = await run(parameters({ recipientBy: 'leadId', leadId: '={{ $json.id }}' }), [{ id: UNKNOWN_LEAD }, { id: NO_EMAIL }, { id: JOHN.id }], { continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.error).toBe(`No lead with ID ${UNKNOWN_LEAD} in this LeadSquared account, so no e-mail was sent`);
		expect(result.items[1].json.error).toBe(`The lead ${NO_EMAIL} has no e-mail address in EmailAddress, so no e-mail was sent`);
		expect(result.items[2].json).toMatchObject({ status: 'Success', leadId: JOHN.id });
		expect(sends()).toHaveLength(1);
	});

	it('continue on fail: a refused item becomes an error item paired to its input, the others are sent', async () => {
		const result = await run(parameters({ email: '={{ $json.email }}' }), [{ email: JOHN.email }, { email: 'stranger@mail.example' }, { email: JOHN.email.toUpperCase() }], { continueOnFail: true });
		expect(result.items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			['Success', { item: 0 }],
			[expect.stringMatching(/^No lead with the e-mail address/), { item: 1 }],
			['Success', { item: 2 }],
		]);
		expect(sandbox.sentEmails()).toHaveLength(2);
	});
});
