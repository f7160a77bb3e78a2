/**
 * The pure knowledge of the List and Email resources: reading Lists.Get page after page (no page size, no
 * total), the leads-in-a-list body, the SendEmailToLead body, its answer's id, and its refusals explained.
 */
import { LeadSquaredError } from '../../nodes/LeadSquared/machinery/errors';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { emailBody, explainEmailFailure, isSenderRefused, sentEmailId } from '../../nodes/LeadSquared/model/email/message';
import type { EmailMessage } from '../../nodes/LeadSquared/model/email/message';
import { isListType, MAX_LIST_PAGES, readCatalogue, sameListName } from '../../nodes/LeadSquared/model/list/catalogue';
import { membersBody, unknownList } from '../../nodes/LeadSquared/model/list/members';

const row = (n: number, type = 'static') => ({ id: `list-${n}`, name: `List ${n}`, type });

/** A Lists.Get that pages `total` lists by `size`. */
function pages(total: number, size: number) {
	const calls: number[] = [];
	const fetch = (pageIndex: number) => {
		calls.push(pageIndex);
		return Promise.resolve(Array.from({ length: Math.max(0, Math.min(size, total - (pageIndex - 1) * size)) }, (_, i) => row((pageIndex - 1) * size + i)));
	};
	return { calls, fetch };
}

describe('readCatalogue (Lists.Get page after page)', () => {
	it('stops at a page shorter than the pages before it', async () => {
		const { calls, fetch } = pages(7, 3);
		const { rows } = await readCatalogue({ fetch });
		expect(rows.map((list) => list.id)).toEqual(Array.from({ length: 7 }, (_, n) => `list-${n}`));
		expect(calls).toEqual([1, 2, 3]);
	});

	it('stops at an empty page when the lists fill their pages', async () => {
		const { calls, fetch } = pages(6, 3);
		expect((await readCatalogue({ fetch })).rows).toHaveLength(6);
		expect(calls).toEqual([1, 2, 3]);
	});

	it('stops at a page that brings nothing new (PageIndex ignored), keeps each list once (ids in any casing)', async () => {
		let call = 0;
		const fetch = () => Promise.resolve(call++ === 0 ? [row(1), row(2)] : [{ ...row(1), id: 'LIST-1' }, row(2)]);
		const { rows, calls } = await readCatalogue({ fetch });
		expect(rows.map((list) => list.id)).toEqual(['list-1', 'list-2']);
		expect(calls).toBe(2);
	});

	it('a limit counts only the lists kept; `until` stops at the list wanted', async () => {
		const { calls, fetch } = pages(10, 2);
		const { rows } = await readCatalogue({ fetch, accept: (list) => Number(list.id.slice(5)) % 2 === 0, limit: 3 });
		expect(rows.map((list) => list.id)).toEqual(['list-0', 'list-2', 'list-4']);
		expect(calls).toEqual([1, 2, 3]);
		const found = pages(10, 2);
		const { rows: upTo } = await readCatalogue({ fetch: found.fetch, until: (list) => list.id === 'list-3' });
		expect(upTo.at(-1)?.id).toBe('list-3');
		expect(found.calls).toEqual([1, 2]);
	});

	it('fails rather than page forever', async () => {
		let n = 0;
		const fetch = () => Promise.resolve([row(n++)]);
		await expect(readCatalogue({ fetch })).rejects.toThrow(new RegExp(`new lists on ${MAX_LIST_PAGES} pages in a row`));
	});

	it('list types by name or code; names ignoring case and outer spaces', () => {
		expect(isListType('Static', 'static')).toBe(true);
		expect(isListType('1', 'dynamic')).toBe(true);
		expect(isListType('dynamic', 'static')).toBe(false);
		expect(isListType('', 'refreshable')).toBe(true);
		expect(isListType('dynamic', undefined)).toBe(true);
		expect(sameListName(' Webinar May ', 'webinar may')).toBe(true);
		expect(sameListName('Webinar May', 'Webinar')).toBe(false);
	});
});

describe('the leads in a list', () => {
	it('the body of one page: creation order, columns only when asked', () => {
		expect(membersBody({ listId: 'L', newestFirst: false, pageIndex: 2, pageSize: 200 })).toEqual({
			SearchParameters: { ListId: 'L' },
			Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' },
			Paging: { PageIndex: 2, PageSize: 200 },
		});
		expect(membersBody({ listId: 'L', columns: ['ProspectID', 'EmailAddress'], newestFirst: true, pageIndex: 1, pageSize: 5 })).toMatchObject({
			Columns: { Include_CSV: 'ProspectID,EmailAddress' },
			Sorting: { Direction: '1' },
		});
	});

	it('"List does not exist in the system" names the list; other refusals stay', () => {
		const refusal: Failure = { kind: 'business', message: 'x', exceptionType: 'MXInvalidEntityException', exceptionMessage: 'List does not exist in the system' };
		expect(unknownList(refusal, 'L-1')?.message).toBe('No list with ID L-1 in this LeadSquared account');
		expect(unknownList({ ...refusal, exceptionMessage: 'Lead does not exist in the system' }, 'L-1')).toBeUndefined();
		expect(unknownList({ ...refusal, kind: 'transient' }, 'L-1')).toBeUndefined();
	});
});

const message: EmailMessage = { senderType: 'UserId', sender: 'u-1', recipient: 'john@example.com', cc: [], emailType: 'Html', subject: 'Hi', html: '<p>Hi</p>', includeFooter: true };

describe('SendEmailToLead', () => {
	it('the body in the documented key order, leaving out what was not given', () => {
		expect(JSON.stringify(emailBody(message))).toBe(
			'{"SenderType":"UserId","Sender":"u-1","RecipientType":"LeadEmailAddress","Recipient":"john@example.com","EmailType":"Html","ContentHTML":"<p>Hi</p>","Subject":"Hi","IncludeEmailFooter":true}',
		);
		const full = emailBody({ ...message, senderType: 'APICaller', sender: undefined, cc: ['a@x.io', 'b@x.io'], recipientField: 'mx_Work_Email', text: 'Hi', schedule: '2026-01-01 10:00:00', category: 'Newsletter' });
		expect(Object.keys(full)).toEqual([
			'SenderType',
			'CCEmailAddress',
			'RecipientType',
			'RecipientEmailFields',
			'Recipient',
			'EmailType',
			'ContentHTML',
			'ContentText',
			'Subject',
			'IncludeEmailFooter',
			'Schedule',
			'EmailCategory',
		]);
		expect(full.CCEmailAddress).toBe('a@x.io,b@x.io');
	});

	it('the e-mail id from each answer form seen, none from a sentence', () => {
		expect(sentEmailId({ ID: 'aef54482-1', MemberCount: 1, TotalRecipient: 1 })).toBe('aef54482-1');
		expect(sentEmailId({ Status: 'Success', Message: { Id: 'm-2' } })).toBe('m-2');
		expect(sentEmailId({ Status: 'Success', Message: 'm-3' })).toBe('m-3');
		expect(sentEmailId({ Status: 'Success', Message: 'Email sent successfully' })).toBeUndefined();
		expect(sentEmailId([])).toBeUndefined();
		expect(sentEmailId(null)).toBeUndefined();
	});

	const refusal = (exceptionType: string, exceptionMessage: string, kind: Failure['kind'] = 'business'): Failure => ({ kind, message: 'refused', exceptionType, exceptionMessage, httpCode: 500 });
	const context = { recipient: 'john@example.com', senderType: 'UserEmailAddress' as const, sender: 'asha@example.com' };

	it('explains the refusals real accounts answer, keeping LeadSquared\'s exception', () => {
		const sender = explainEmailFailure(refusal('MXMandatoryAttributeMissingException', 'Invalid Sender details.'), context);
		expect(sender.message).toBe('LeadSquared refused the sender, the user asha@example.com: Invalid Sender details.');
		expect(sender).toMatchObject({ exceptionType: 'MXMandatoryAttributeMissingException', exceptionMessage: 'Invalid Sender details.' });
		expect(isSenderRefused(refusal('MXMandatoryAttributeMissingException', 'Invalid Sender details.'))).toBe(true);

		const lead = explainEmailFailure(refusal('MXInvalidEntityException', 'No lead found with RecipientType: LeadEmailAddress and Recipient: john@example.com'), context);
		expect(lead.message).toBe('No lead with the e-mail address john@example.com in this LeadSquared account');

		const delivery = explainEmailFailure(refusal('MXMailDeliveryException', 'Not delivered'), context);
		expect(delivery.message).toBe('LeadSquared accepted the sender but could not deliver the e-mail: Not delivered');
		expect(delivery.description).toMatch(/credits/);

		const template = explainEmailFailure(refusal('MXInvalidInputException', "Email template 'X' does not exist in the email library"), context);
		expect(template.description).toMatch(/^Template Name must be the name of a template/);

		const network = refusal('', '', 'transient');
		expect(explainEmailFailure(network, context)).toBe(network);
		expect(new LeadSquaredError(sender).message).toBe(sender.message);
	});
});
