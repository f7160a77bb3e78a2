/**
 * The sandbox's answer forms (`answerForms`, sandbox/answer-forms.ts): each answer whose shape the sources
 * disagree on comes in each form over HTTP, the option changes only the forms given, and a typo fails.
 */
import { ANSWER_FORMS, answerFormChoices, defaultAnswerForms, startSandbox, type Sandbox } from '../../sandbox';
import { call, P } from './client';
import { C, newLead, post } from './crm-client';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
	sb.configure({ answerForms: undefined });
});

describe('answer forms', () => {
	it('every form names its source; the first form of each answer is the default', () => {
		for (const [name, forms] of Object.entries(ANSWER_FORMS)) {
			for (const source of Object.values(forms)) expect(source).toMatch(/^\[(DOC|CODE)\] .*(https:\/\/apidocs\.leadsquared\.com\/|ids? \d{11})/);
			expect(answerFormChoices(name as keyof typeof ANSWER_FORMS)[0]).toBe(defaultAnswerForms()[name as keyof typeof ANSWER_FORMS]);
		}
	});

	it('configure changes only the forms given; undefined puts every one back; an unknown form or answer fails', async () => {
		sb.configure({ answerForms: { notes: 'Notes' } });
		sb.configure({ answerForms: { lists: 'wrapped' } });
		expect(() => sb.configure({ answerForms: { notes: 'Rows' as never } })).toThrow("answerForms.notes: unknown form 'Rows' (known: List, Notes)");
		expect(() => sb.configure({ answerForms: { note: 'List' } as never })).toThrow(/unknown answer 'note'/);
		const leadId = await newLead(sb, 'forms@example.com');
		expect(Object.keys((await post(sb, C.noteRetrieve, { Parameter: { RelatedId: leadId } })).json)).toEqual(['RecordCount', 'Notes']);
		expect((await call(sb, '/v2/LeadManagement.svc/Lists.Get')).json).toMatchObject({ Status: 'Success', Message: expect.any(Array) });
		sb.configure({ answerForms: undefined });
		expect(Object.keys((await post(sb, C.noteRetrieve, { Parameter: { RelatedId: leadId } })).json)).toEqual(['RecordCount', 'List']);
		expect(Array.isArray((await call(sb, '/v2/LeadManagement.svc/Lists.Get')).json)).toBe(true);
	});

	it.each(answerFormChoices('userByAccessKey'))('UserByAccessKey.Get %s', async (form) => {
		sb.configure({ answerForms: { userByAccessKey: form } });
		const { json } = await call(sb, P.user);
		const user = form === 'd' ? json.d : json;
		expect(user.LSQCommonServiceURLs.api).toBe('api-us11.leadsquared.com');
		expect(Object.keys(json)).toEqual(form === 'd' ? ['d'] : expect.arrayContaining(['Id', 'OrgDisplayName']));
	});

	it.each(answerFormChoices('webhookCreate'))('Webhook.svc/Create answers the id as %s', async (form) => {
		sb.configure({ answerForms: { webhookCreate: form } });
		const res = await post(sb, '/v2/Webhook.svc/Create', { URL: 'https://example.com/hook', WebhookEvent: 3, ContentType: 'application/json', Method: 'POST' });
		const [hook] = sb.webhooks();
		expect(res.json).toEqual({ Status: 'Success', Message: form === 'bareId' ? hook.WebhookId : { Id: hook.WebhookId } });
	});

	it.each(answerFormChoices('activityBulk'))('bulk activities answered by %s: the count counts the rows posted', async (form) => {
		sb.configure({ answerForms: { activityBulk: form } });
		const leadId = await newLead(sb, 'bulk-forms@example.com');
		const row = { RelatedProspectId: leadId, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Form' }] };
		const res = await post(sb, C.activityBulk, [row, { ...row, RelatedProspectId: '0b9d2c4e-7a1f-4e3b-9c8d-5f6a7b8c9d0e' }, row]);
		if (form === 'count') expect(res.json).toEqual({ Status: 'Success', Message: { Count: 2 } });
		else expect(res.json.Response.map((entry: { ActivityCreated: boolean }) => entry.ActivityCreated)).toEqual([true, false, true]);
		expect(sb.records().activities).toHaveLength(2);
		if (form === 'count') {
			const none = await post(sb, C.activityBulk, [{ ...row, RelatedProspectId: '0b9d2c4e-7a1f-4e3b-9c8d-5f6a7b8c9d0e' }]);
			expect(none.json).toEqual({ Status: 'Success', Message: { Count: 0 } });
		}
	});
});
