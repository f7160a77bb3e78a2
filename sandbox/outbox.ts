/**
 * The e-mails `EmailMarketing.svc/SendEmailToLead` accepted: nothing is sent anywhere; tests read them
 * with `sb.sentEmails()`.
 */
import type { SentEmail } from './crm-extra-types';

export class Outbox {
	private sent: SentEmail[] = [];

	add(mail: SentEmail): void {
		this.sent.push(mail);
	}

	clear(): void {
		this.sent = [];
	}

	snapshot(): SentEmail[] {
		return this.sent.map((m) => ({ ...m }));
	}
}
