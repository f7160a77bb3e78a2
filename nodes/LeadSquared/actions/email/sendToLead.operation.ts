/**
 * Email → Send to Lead: one `EmailMarketing.svc/SendEmailToLead` per input item (leadsquared-api-more.md
 * §6.1): an HTML e-mail or a template of the account's e-mail library, from a user, the lead's owner or
 * the API keys' user, to a lead given by e-mail address or by ID (then its address is read first with
 * `Leads.GetById`), now or at a scheduled time. Never sent twice by the node: a lost answer may hide a sent
 * e-mail. LeadSquared's refusals are explained in model/email/message.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../../machinery/errors';
import { keyOf } from '../../machinery/outcome';
import type { WriteCheck } from '../../machinery/outcome';
import { explainEmailFailure, isSenderRefused, sentEmailId } from '../../model/email/message';
import type { EmailMessage, SendContext } from '../../model/email/message';
import { leadIdOf } from '../../model/lead/lookup';
import { emailAddress, isBlank, optionalDateTime, optionalText, requiredText } from '../../values/checks';
import { checkRecordId, recordKey } from '../../values/recordIds';
import { describeValue } from '../../values/values';
import { sendEmailToLead } from '../../transport/email';
import { lookUpLeads } from '../../transport/leadReads';
import { statusOf } from '../../transport/shape';
import { readTimezone } from '../dateTimezone';
import { runOperation } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { locatorOf } from '../task/taskFields';
import { showFor } from '../utils';
import { emailProperties } from './emailFields';

export const description = showFor({ resource: ['email'], operation: ['sendToLead'] }, emailProperties);

interface Prepared {
	/** By ID: the lead whose address is read before sending. */
	leadId?: string;
	message: EmailMessage;
	fallback: boolean;
}

/** LeadSquared's answer for the output: an object as it came, anything else under `value`. */
function answerOf(answer: unknown): IDataObject {
	if (answer && typeof answer === 'object' && !Array.isArray(answer)) return answer as IDataObject;
	return answer === undefined || answer === null || answer === '' ? {} : { value: answer as IDataObject[keyof IDataObject] };
}

/** The item's sender: a user by id or e-mail address, the lead's owner, or the keys' user. */
function readSender(context: IExecuteFunctions, index: number): Pick<EmailMessage, 'senderType' | 'sender'> {
	const sendAs = context.getNodeParameter('sendAs', index, 'user') as unknown;
	if (sendAs === 'leadOwner') return { senderType: 'LeadOwner' };
	if (sendAs === 'apiUser') return { senderType: 'APICaller' };
	if (sendAs !== 'user') throw new InputError(`Send As is ${describeValue(sendAs)}; it must be "user", "leadOwner" or "apiUser"`, 'sendAs');
	const { mode, value } = locatorOf(context, 'sender', index);
	const hint = 'Choose the user the e-mail comes from, or give their user ID or e-mail address.';
	const text = requiredText(value, 'Sender', 'sender', hint);
	if (mode === 'email' || text.includes('@')) return { senderType: 'UserEmailAddress', sender: emailAddress(text, 'Sender', 'sender') };
	return { senderType: 'UserId', sender: text };
}

/** CC: addresses separated by commas, semicolons or spaces, each checked. */
function readCc(value: unknown): string[] {
	const text = optionalText(value, 'Additional Fields → CC', 'cc');
	if (text === undefined) return [];
	return text
		.split(/[,;\s]+/)
		.filter((part) => part !== '')
		.map((part) => emailAddress(part, 'Additional Fields → CC', 'cc'));
}

function readContent(context: IExecuteFunctions, index: number): Pick<EmailMessage, 'emailType' | 'template' | 'subject' | 'html'> {
	const content = context.getNodeParameter('content', index, 'html') as unknown;
	const subject = context.getNodeParameter('subject', index, '') as unknown;
	if (content === 'template') {
		return {
			emailType: 'Template',
			template: requiredText(context.getNodeParameter('template', index, ''), 'Template Name', 'template', "Give the name of a template in the account's e-mail library."),
			subject: optionalText(subject, 'Subject', 'subject')?.trim(),
		};
	}
	if (content !== 'html') throw new InputError(`Content is ${describeValue(content)}; it must be "html" or "template"`, 'content');
	return {
		emailType: 'Html',
		subject: requiredText(subject, 'Subject', 'subject', 'Write the subject of the e-mail.'),
		html: requiredText(context.getNodeParameter('html', index, ''), 'HTML Content', 'html', 'Write the body of the e-mail (HTML, or plain text).'),
	};
}

class SendToLead implements Operation<Prepared, string> {
	setup(run: RunContext): Promise<string> {
		return Promise.resolve(readTimezone(run.context, run.options));
	}

	prepare(run: RunContext, index: number, _item: INodeExecutionData, timezone: string): Prepared {
		const { context } = run;
		const extra = (context.getNodeParameter('additionalFields', index, {}) ?? {}) as IDataObject;
		const byId = context.getNodeParameter('recipientBy', index, 'email') === 'leadId';
		const leadId = byId ? checkRecordId(context.getNodeParameter('leadId', index, ''), 'lead') : undefined;
		const recipient = byId ? '' : emailAddress(context.getNodeParameter('email', index, ''), 'Lead Email Address', 'email');
		const includeFooter = extra.includeFooter ?? true;
		if (typeof includeFooter !== 'boolean') throw new InputError(`Additional Fields → Include Footer is ${describeValue(includeFooter)}, not true or false`, 'includeFooter');
		return {
			leadId,
			fallback: run.options.senderFallback === true,
			message: {
				...readSender(context, index),
				recipient,
				recipientField: optionalText(extra.recipientField, 'Additional Fields → Recipient Email Field', 'recipientField')?.trim(),
				cc: readCc(extra.cc),
				...readContent(context, index),
				text: optionalText(extra.text, 'Additional Fields → Text Content', 'text'),
				includeFooter,
				schedule: optionalDateTime(extra.schedule, 'Additional Fields → Schedule', 'schedule', timezone),
				category: optionalText(extra.category, 'Additional Fields → Email Category', 'category')?.trim(),
			},
		};
	}

	keys({ leadId, message }: Prepared): string[] {
		return [leadId ? recordKey('lead', leadId) : `email:${message.recipient.toLowerCase()}`];
	}

	/** [INF] LeadSquared keeps a sent e-mail in the lead's activity history. */
	check({ leadId, message }: Prepared): WriteCheck {
		const lead = leadId !== undefined ? keyOf('Lead ID', leadId) : `the ID of the lead with e-mail "${message.recipient}"`;
		return { record: 'e-mail', change: 'send', read: 'Activity → Get Many', key: `${lead}; look for ${keyOf('the subject', message.subject)}` };
	}

	async send(run: RunContext, { prepared }: Entry<Prepared>): Promise<IDataObject> {
		const message = prepared.leadId ? await this.addressOf(run, prepared.leadId, prepared.message) : prepared.message;
		const leadId = prepared.leadId;
		try {
			return this.output(await sendEmailToLead(run.client, message), message, leadId);
		} catch (error) {
			const failure = error instanceof LeadSquaredError ? error.failure : undefined;
			if (failure && prepared.fallback && message.senderType !== 'APICaller' && isSenderRefused(failure)) {
				// "Invalid Sender details.": nothing was sent; the keys' user may send instead (as a public client does).
				const fallback: EmailMessage = { ...message, senderType: 'APICaller', sender: undefined };
				try {
					return { ...this.output(await sendEmailToLead(run.client, fallback), fallback, leadId), senderFallback: true, refusedSender: message.sender ?? message.senderType };
				} catch (second) {
					throw this.explained(second, fallback);
				}
			}
			throw this.explained(error, message);
		}
	}

	/** By ID: the lead's address (in the Recipient Email Field when one is named), read first. */
	private async addressOf(run: RunContext, leadId: string, message: EmailMessage): Promise<EmailMessage> {
		const [lead] = await lookUpLeads(run.client, 'id', leadId);
		if (!lead || leadIdOf(lead) === undefined) {
			throw new LeadSquaredError({
				kind: 'business',
				message: `No lead with ID ${leadId} in this LeadSquared account, so no e-mail was sent`,
				description: 'Check the Lead ID: the lead may have been deleted or merged into another lead, or the ID may belong to another LeadSquared account.',
			});
		}
		const field = message.recipientField ?? 'EmailAddress';
		const key = Object.keys(lead).find((name) => name.toLowerCase() === field.toLowerCase());
		const address = key === undefined ? undefined : lead[key];
		if (isBlank(address) || typeof address !== 'string') {
			throw new LeadSquaredError({
				kind: 'business',
				message: `The lead ${leadId} has no e-mail address in ${field}, so no e-mail was sent`,
				description: message.recipientField
					? 'Fill the field on the lead, or leave Additional Fields → Recipient Email Field empty to use the lead\'s EmailAddress.'
					: "Give the lead an e-mail address first (Lead → Update), or name another of the lead's e-mail fields in Additional Fields → Recipient Email Field.",
			});
		}
		return { ...message, recipient: address.trim() };
	}

	private explained(error: unknown, message: EmailMessage): unknown {
		if (!(error instanceof LeadSquaredError)) return error;
		const context: SendContext = { recipient: message.recipient, senderType: message.senderType, sender: message.sender };
		return new LeadSquaredError(explainEmailFailure(error.failure, context));
	}

	private output(answer: unknown, message: EmailMessage, leadId: string | undefined): IDataObject {
		const id = sentEmailId(answer);
		return {
			status: statusOf(answer),
			...(id !== undefined ? { emailId: id } : {}),
			recipient: message.recipient,
			...(leadId !== undefined ? { leadId } : {}),
			senderType: message.senderType,
			...(message.sender !== undefined ? { sender: message.sender } : {}),
			...(message.schedule !== undefined ? { scheduledFor: message.schedule } : {}),
			answer: answerOf(answer),
		};
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new SendToLead());
}
