/**
 * E-mail to one lead (leadsquared-api-more.md §6.1): `EmailMarketing.svc/SendEmailToLead`. Nothing is
 * sent anywhere: an accepted e-mail is written to the outbox (`sb.sentEmails()`). The failures are those
 * real accounts answer: "Invalid Sender details." when the sender is not an active user of the account,
 * "No lead found with RecipientType: LeadEmailAddress…" when the recipient is not a lead, and
 * MXMailDeliveryException when the account cannot deliver.
 */
import { randomUUID } from 'node:crypto';
import type { UserDefinition } from '../crm-types';
import { jsonAnswer, mxEnvelope, type Answer } from '../http';
import type { LeadRecord } from '../types';
import { SANDBOX_USER_ID } from '../user';
import { mxError, type Route, type RouteContext } from './common';
import { bodyObject, flag, isAnswer, prop, stamp, str, successId } from './crm-common';

export const EMAIL_ROUTES: Route[] = [{ name: 'SendEmailToLead', method: 'POST', path: '/v2/EmailMarketing.svc/SendEmailToLead', bucket: 'normal', handle: sendEmailToLead }];

const SENDER_TYPES = ['UserId', 'UserEmailAddress', 'APICaller', 'LeadOwner'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** [OBS] WCS-lib (CODE id 70701181602): the sender is not an active user of the account. */
const INVALID_SENDER = 'Invalid Sender details.';

/**
 * Source: [DOC] https://apidocs.leadsquared.com/send-an-email-to-a-lead/ (the body: SenderType UserId | UserEmailAddress |
 * APICaller | LeadOwner, Sender, CCEmailAddress, RecipientType, RecipientEmailFields, Recipient, EmailType Html |
 * Template with EmailLibraryName, ContentHTML, ContentText, Subject, IncludeEmailFooter, Schedule, EmailCategory); the
 * failures [OBS CODE id 70701181602]: the sender is checked before the recipient (a client validates senders
 * by sending to an undeliverable address), an EmailCategory the account lacks answers 500. The answer is not in the
 * stored doc: `{ID, MemberCount, TotalRecipient}` as the same client types it [CODE] (`emailSendAnswer: 'campaign'`),
 * or `{Status, Message:{Id}}` ('statusId' [INF]). Only RecipientType LeadEmailAddress is modelled [INF: the list was cut off].
 */
function sendEmailToLead(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { crm, options, outbox } = ctx.state;
	const senderType = SENDER_TYPES.find((t) => t.toLowerCase() === str(body, 'SenderType').trim().toLowerCase());
	if (!senderType) return mxError(ctx, 'MXInvalidInputException', `Invalid SenderType '${str(body, 'SenderType')}'. Accepted values are UserId, UserEmailAddress, APICaller and LeadOwner`); // [INF]
	const sender = str(body, 'Sender').trim();
	let user: UserDefinition | undefined;
	if (senderType === 'UserId') user = crm.users.byId(sender);
	else if (senderType === 'UserEmailAddress') user = crm.users.byEmail(sender);
	else if (senderType === 'APICaller') user = options.emailApiCallerSender ? crm.users.byId(SANDBOX_USER_ID) : undefined;
	const active = (u: UserDefinition | undefined): u is UserDefinition => u !== undefined && (u.statusCode ?? 0) === 0;
	if (senderType !== 'LeadOwner' && !active(user)) return mxError(ctx, 'MXMandatoryAttributeMissingException', INVALID_SENDER);

	const recipientType = str(body, 'RecipientType').trim() || 'LeadEmailAddress';
	if (recipientType.toLowerCase() !== 'leademailaddress') return mxError(ctx, 'MXInvalidInputException', `Invalid RecipientType '${recipientType}'`); // [INF]
	const recipient = str(body, 'Recipient').trim();
	const lead = recipientLead(ctx, recipient, str(body, 'RecipientEmailFields'));
	if (!lead) return mxError(ctx, 'MXInvalidEntityException', `No lead found with RecipientType: LeadEmailAddress and Recipient: ${recipient}`); // [OBS] the start of the message; the rest and the type [INF]
	if (senderType === 'LeadOwner') user = crm.users.byId(String(lead.OwnerId ?? ''));
	if (!active(user)) return mxError(ctx, 'MXMandatoryAttributeMissingException', INVALID_SENDER); // [OBS] message; for LeadOwner [INF]

	const cc = str(body, 'CCEmailAddress').trim();
	if (cc !== '' && !cc.split(/[,;]/).every((a) => EMAIL.test(a.trim()))) return mxError(ctx, 'MXInvalidInputException', `Invalid CCEmailAddress '${cc}'`); // [INF]
	const emailType = str(body, 'EmailType').trim().toLowerCase() === 'template' ? 'Template' : str(body, 'EmailType').trim().toLowerCase() === 'html' ? 'Html' : undefined;
	if (!emailType) return mxError(ctx, 'MXInvalidInputException', `Invalid EmailType '${str(body, 'EmailType')}'. Pass Html or Template`); // [INF]
	const template = str(body, 'EmailLibraryName').trim();
	if (emailType === 'Template' && !options.emailTemplates.some((t) => t.toLowerCase() === template.toLowerCase())) {
		return mxError(ctx, 'MXInvalidInputException', `Email template '${template}' does not exist in the email library`); // [INF]
	}
	if (emailType === 'Html' && (str(body, 'Subject').trim() === '' || str(body, 'ContentHTML').trim() === '')) {
		return mxError(ctx, 'MXMandatoryAttributeMissingException', 'Subject and ContentHTML are mandatory for EmailType Html'); // [INF]
	}
	const category = str(body, 'EmailCategory').trim();
	if (category !== '' && !options.emailCategories.some((c) => c.toLowerCase() === category.toLowerCase())) {
		return jsonAnswer(500, mxEnvelope('MXException', `Email category '${category}' does not exist`)); // [OBS] HTTP 500; the body [INF]
	}
	const rawSchedule = str(body, 'Schedule').trim();
	const schedule = rawSchedule === '' ? '' : stamp(rawSchedule);
	if (schedule === undefined) return mxError(ctx, 'MXInvalidInputException', `Invalid Schedule '${rawSchedule}'. Pass it in UTC as yyyy-MM-dd HH:mm:ss`); // [INF]
	if (options.emailDeliveryRefused) {
		return mxError(ctx, 'MXMailDeliveryException', 'The email could not be delivered. Check the email credits, the sending domain verification and the DKIM/SPF records'); // [OBS] type and causes; the wording [INF]
	}

	const id = randomUUID();
	outbox.add({
		id,
		at: ctx.now,
		senderType,
		senderUserId: user.id,
		senderEmail: user.emailAddress,
		leadId: String(lead.ProspectID),
		recipient,
		cc,
		emailType,
		subject: str(body, 'Subject'),
		contentHtml: str(body, 'ContentHTML'),
		contentText: str(body, 'ContentText'),
		template,
		category,
		includeFooter: prop(body, 'IncludeEmailFooter') === undefined ? true : flag(body, 'IncludeEmailFooter'),
		schedule,
	});
	return options.emailSendAnswer === 'statusId' ? successId(id) : jsonAnswer(200, { ID: id, MemberCount: 1, TotalRecipient: 1 });
}

/**
 * The lead whose e-mail field holds the recipient (case-insensitive): the field RecipientEmailFields names, else any
 * e-mail field of the lead ("if left out, the mail goes to all email fields" [DOC]).
 */
function recipientLead(ctx: RouteContext, recipient: string, fieldName: string): LeadRecord | undefined {
	const { fields, store } = ctx.state;
	if (recipient === '') return undefined;
	const named = fieldName.trim() === '' ? undefined : fields.get(fieldName.trim());
	const emailFields = named ? [named] : fields.all().filter((f) => f.dataType === 'Email');
	const lower = recipient.toLowerCase();
	return store.records().find((lead) => emailFields.some((f) => String(lead[f.schemaName] ?? '').toLowerCase() === lower));
}
