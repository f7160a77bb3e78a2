import { startSandbox, type Sandbox } from '../../sandbox';
import { ADMIN_ID, ASHA, INACTIVE_USER_EMAIL, newLead, post } from './crm-client';
import { X } from './crm-extra-client';

describe('sandbox: SendEmailToLead', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ emailSendAnswer: undefined, emailApiCallerSender: undefined, emailDeliveryRefused: undefined, emailCategories: undefined, emailTemplates: undefined });
		sb.reset();
	});

	const mail = (extra: Record<string, unknown> = {}) => ({
		SenderType: 'UserEmailAddress',
		Sender: ASHA.email,
		RecipientType: 'LeadEmailAddress',
		Recipient: 'john@example.com',
		EmailType: 'Html',
		ContentHTML: '<p>Welcome John</p>',
		ContentText: 'Welcome John',
		Subject: 'Welcome',
		...extra,
	});
	const errorOf = async (body: unknown) => {
		const res = await post(sb, X.sendEmail, body);
		return [res.status, res.json.ExceptionType, res.json.ExceptionMessage];
	};

	it('an accepted mail → {ID, MemberCount, TotalRecipient} and lands in sb.sentEmails() (nothing is sent)', async () => {
		const leadId = await newLead(sb, 'john@example.com');
		const res = await post(sb, X.sendEmail, mail({ CCEmailAddress: 'boss@example.com', IncludeEmailFooter: false, Schedule: '2026-10-13 10:00:00', EmailCategory: 'newsletter' }));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ ID: expect.stringMatching(/^[0-9a-f-]{36}$/), MemberCount: 1, TotalRecipient: 1 });
		expect(sb.sentEmails()).toEqual([
			{
				id: res.json.ID,
				at: expect.any(Number),
				senderType: 'UserEmailAddress',
				senderUserId: ASHA.id,
				senderEmail: ASHA.email,
				leadId,
				recipient: 'john@example.com',
				cc: 'boss@example.com',
				emailType: 'Html',
				subject: 'Welcome',
				contentHtml: '<p>Welcome John</p>',
				contentText: 'Welcome John',
				template: '',
				category: 'newsletter',
				includeFooter: false,
				schedule: '2026-10-13 10:00:00',
			},
		]);
		sb.configure({ emailSendAnswer: 'statusId' });
		expect((await post(sb, X.sendEmail, mail())).json).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
	});

	it('senders: UserId, APICaller (the API user), LeadOwner (the lead owner); a template from the library', async () => {
		await newLead(sb, 'john@example.com', { OwnerId: ASHA.id });
		await post(sb, X.sendEmail, mail({ SenderType: 'UserId', Sender: ASHA.id }));
		await post(sb, X.sendEmail, mail({ SenderType: 'APICaller', Sender: undefined }));
		await post(sb, X.sendEmail, mail({ SenderType: 'LeadOwner', Sender: undefined, EmailType: 'Template', EmailLibraryName: 'welcome', ContentHTML: '', Subject: '' }));
		expect(sb.sentEmails().map((m) => [m.senderType, m.senderUserId, m.emailType, m.template])).toEqual([
			['UserId', ASHA.id, 'Html', ''],
			['APICaller', ADMIN_ID, 'Html', ''],
			['LeadOwner', ASHA.id, 'Template', 'welcome'],
		]);
	});

	it('"Invalid Sender details." for a sender that is not an active user, before the recipient is looked at', async () => {
		const invalid = [500, 'MXMandatoryAttributeMissingException', 'Invalid Sender details.'];
		expect(await errorOf(mail({ Sender: 'stranger@example.com', Recipient: 'probe@example.invalid' }))).toEqual(invalid);
		expect(await errorOf(mail({ Sender: INACTIVE_USER_EMAIL }))).toEqual(invalid);
		expect(await errorOf(mail({ SenderType: 'UserId', Sender: 'nope' }))).toEqual(invalid);
		sb.configure({ emailApiCallerSender: false });
		expect(await errorOf(mail({ SenderType: 'APICaller' }))).toEqual(invalid);
		await newLead(sb, 'owned@example.com', { OwnerId: '190e7b6f-39da-11e6-b61b-22000aa8e760' });
		expect(await errorOf(mail({ SenderType: 'LeadOwner', Recipient: 'owned@example.com' }))).toEqual(invalid);
		expect(sb.sentEmails()).toEqual([]);
	});

	it('"No lead found with RecipientType: LeadEmailAddress…" when the recipient is not a lead (a valid sender)', async () => {
		expect(await errorOf(mail({ Recipient: 'probe@example.invalid' }))).toEqual([500, 'MXInvalidEntityException', 'No lead found with RecipientType: LeadEmailAddress and Recipient: probe@example.invalid']);
	});

	it('MXMailDeliveryException when the account cannot deliver; an unknown EmailCategory answers 500', async () => {
		await newLead(sb, 'john@example.com');
		expect((await errorOf(mail({ EmailCategory: 'Promotions' })))[0]).toBe(500);
		sb.configure({ emailDeliveryRefused: true });
		const [status, type] = await errorOf(mail());
		expect([status, type]).toEqual([500, 'MXMailDeliveryException']);
		expect(sb.sentEmails()).toEqual([]);
	});

	it('bad input: SenderType, RecipientType, EmailType, unknown template, Html without subject, bad Schedule, bad CC', async () => {
		await newLead(sb, 'john@example.com');
		expect((await errorOf(mail({ SenderType: 'Robot' })))[2]).toBe("Invalid SenderType 'Robot'. Accepted values are UserId, UserEmailAddress, APICaller and LeadOwner");
		expect((await errorOf(mail({ RecipientType: 'LeadId' })))[2]).toBe("Invalid RecipientType 'LeadId'");
		expect((await errorOf(mail({ EmailType: 'Text' })))[2]).toBe("Invalid EmailType 'Text'. Pass Html or Template");
		expect((await errorOf(mail({ EmailType: 'Template', EmailLibraryName: 'Nope' })))[2]).toBe("Email template 'Nope' does not exist in the email library");
		expect((await errorOf(mail({ Subject: '' })))[2]).toBe('Subject and ContentHTML are mandatory for EmailType Html');
		expect((await errorOf(mail({ Schedule: 'tomorrow' })))[2]).toBe("Invalid Schedule 'tomorrow'. Pass it in UTC as yyyy-MM-dd HH:mm:ss");
		expect((await errorOf(mail({ CCEmailAddress: 'not-an-address' })))[2]).toBe("Invalid CCEmailAddress 'not-an-address'");
		expect(sb.sentEmails()).toEqual([]);
	});
});
