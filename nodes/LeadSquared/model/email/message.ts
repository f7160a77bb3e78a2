/**
 * An e-mail to one lead (`EmailMarketing.svc/SendEmailToLead`, leadsquared-api-more.md §6.1): the body
 * LeadSquared documents, the id its answer may carry (the answer is not documented: `{ID, MemberCount,
 * TotalRecipient}` as a public client types it, or `{Status, Message: {Id}}`), and its refusals said in
 * words a no-code user can act on: "Invalid Sender details.", "No lead found with RecipientType…",
 * MXMailDeliveryException, an unknown e-mail category or template.
 * Pure: no n8n imports.
 */
import { describeException, sentences } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';

/** Who the e-mail comes from [DOC]: a user by id or e-mail address, the keys' user, or the lead's owner. */
export type SenderType = 'UserId' | 'UserEmailAddress' | 'APICaller' | 'LeadOwner';

export interface EmailMessage {
	senderType: SenderType;
	/** The user's id or e-mail address (UserId, UserEmailAddress only). */
	sender?: string;
	/** The lead's e-mail address. */
	recipient: string;
	/** The lead field holding the address (RecipientEmailFields); LeadSquared tries every e-mail field without it. */
	recipientField?: string;
	cc: string[];
	emailType: 'Html' | 'Template';
	/** EmailLibraryName (Template). */
	template?: string;
	subject?: string;
	html?: string;
	text?: string;
	includeFooter: boolean;
	/** UTC `yyyy-MM-dd HH:mm:ss`; sent at once without it. */
	schedule?: string;
	category?: string;
}

/**
 * The request body, in the documented key order. Keys for what was not given are left out, as a client
 * that sends from live accounts does (Sender only for a user, no Schedule or EmailCategory unless set).
 */
export function emailBody(message: EmailMessage): Record<string, unknown> {
	const body: Record<string, unknown> = { SenderType: message.senderType };
	if (message.sender !== undefined) body.Sender = message.sender;
	if (message.cc.length > 0) body.CCEmailAddress = message.cc.join(',');
	body.RecipientType = 'LeadEmailAddress';
	if (message.recipientField !== undefined) body.RecipientEmailFields = message.recipientField;
	body.Recipient = message.recipient;
	body.EmailType = message.emailType;
	if (message.template !== undefined) body.EmailLibraryName = message.template;
	if (message.html !== undefined) body.ContentHTML = message.html;
	if (message.text !== undefined) body.ContentText = message.text;
	if (message.subject !== undefined) body.Subject = message.subject;
	body.IncludeEmailFooter = message.includeFooter;
	if (message.schedule !== undefined) body.Schedule = message.schedule;
	if (message.category !== undefined) body.EmailCategory = message.category;
	return body;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function idText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && /^[\w-]+$/.test(value.trim()) ? value.trim() : undefined;
}

/** The e-mail's id in an answer of any of the forms seen: `ID`/`Id` at the top, `Message.Id`, or `Message` itself. */
export function sentEmailId(answer: unknown): string | undefined {
	const record = recordOf(answer);
	if (!record) return undefined;
	const message = record.Message;
	return idText(record.ID) ?? idText(record.Id) ?? idText(recordOf(message)?.Id) ?? idText(recordOf(message)?.ID) ?? idText(message);
}

/** Who was asked to send, for the messages. */
export interface SendContext {
	recipient: string;
	senderType: SenderType;
	sender?: string;
}

const SENDER_NAMES: Record<SenderType, string> = {
	UserId: 'the user',
	UserEmailAddress: 'the user',
	APICaller: "the API keys' user (APICaller)",
	LeadOwner: "the lead's owner",
};

/** "Invalid Sender details." [OBS]: the sender is not an active user of the account. */
export function isSenderRefused(failure: Failure): boolean {
	return failure.kind === 'business' && /invalid sender/i.test(failure.exceptionMessage ?? '');
}

function senderRefused(failure: Failure, context: SendContext): Failure {
	const who = context.sender ? `${SENDER_NAMES[context.senderType]} ${context.sender}` : SENDER_NAMES[context.senderType];
	return {
		...failure,
		message: `LeadSquared refused the sender, ${who}: ${failure.exceptionMessage ?? 'Invalid Sender details.'}`,
		description: sentences(
			'The sender must be an active user of this LeadSquared account, with the exact e-mail address or ID LeadSquared has for them',
			context.senderType === 'LeadOwner' ? "The lead's owner may be deactivated: choose a user as the sender" : undefined,
			context.senderType === 'APICaller'
				? "Some accounts do not accept the API keys' user as a sender until LeadSquared support sets it up: choose a user as the sender"
				: 'Choose the user from the list, or turn on Options → "Retry as the API User When the Sender Is Refused"',
			'Nothing was sent',
			describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode),
		),
	};
}

function noSuchLead(failure: Failure, context: SendContext): Failure {
	return {
		...failure,
		message: `No lead with the e-mail address ${context.recipient} in this LeadSquared account`,
		description: sentences(
			'LeadSquared sends this e-mail only to a lead: create the lead first (Lead → Create or Update), or check the address. With Recipient Email Field, the address must be in that field of the lead',
			'Nothing was sent',
			describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode),
		),
	};
}

function notDelivered(failure: Failure): Failure {
	return {
		...failure,
		kind: 'business',
		message: `LeadSquared accepted the sender but could not deliver the e-mail${failure.exceptionMessage ? `: ${failure.exceptionMessage}` : ''}`,
		description: sentences(
			'This is a restriction of the LeadSquared account, not of the e-mail: check the e-mail credits (Settings → Billing and Usage), that the sending domain is verified, and its DKIM and SPF records',
			describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode),
		),
	};
}

/** A refusal of SendEmailToLead explained; other failures unchanged. */
export function explainEmailFailure(failure: Failure, context: SendContext): Failure {
	const said = failure.exceptionMessage ?? '';
	if (/MailDelivery/i.test(failure.exceptionType ?? '')) return notDelivered(failure);
	if (failure.kind !== 'business') return failure;
	if (isSenderRefused(failure)) return senderRefused(failure, context);
	if (/no lead found/i.test(said)) return noSuchLead(failure, context);
	const advice = /categor/i.test(said)
		? 'Additional Fields → Email Category must be one of the e-mail categories of the account (or left empty)'
		: /template|library/i.test(said)
			? "Template Name must be the name of a template in the account's e-mail library"
			: /schedule/i.test(said)
				? 'Additional Fields → Schedule must be a date and time, sent in UTC'
				: undefined;
	return advice ? { ...failure, description: sentences(advice, describeException(failure.exceptionType, failure.exceptionMessage, failure.httpCode)) } : failure;
}
