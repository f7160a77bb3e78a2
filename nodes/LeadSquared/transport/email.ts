/**
 * LeadSquared's e-mail to one lead (leadsquared-api-more.md §6.1): `EmailMarketing.svc/SendEmailToLead`.
 * The answer is not documented (model/email/message.ts reads the forms seen); it is returned whole.
 */
import { emailBody } from '../model/email/message';
import type { EmailMessage } from '../model/email/message';
import type { LeadSquaredClient } from './index';

/**
 * Sends (or schedules) the e-mail; LeadSquared's answer as it came. Never sent twice: when an answer is
 * lost, the e-mail may have gone out, and a second one would reach the lead.
 */
export async function sendEmailToLead(client: LeadSquaredClient, message: EmailMessage): Promise<unknown> {
	return await client.request({ method: 'POST', path: 'EmailMarketing.svc/SendEmailToLead', body: emailBody(message), idempotent: false, write: true });
}
