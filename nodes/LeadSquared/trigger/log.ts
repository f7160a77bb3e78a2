/**
 * The trigger nodes' log lines. Every line goes through one scrubber first: LeadSquared's error texts can
 * echo what a request carried (the webhook secret in a custom header, the keys), and n8n's log is read by
 * more people, and kept longer, than the workflow. Pure apart from the logger it is handed.
 */
import type { Logger } from 'n8n-workflow';

import { redact } from '../machinery/redact';

/** An error's text for a log line (still to be scrubbed). */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class TriggerLog {
	private readonly secrets: string[] = [];

	/** `redactKeys`: the transport's removal of the credential's keys (LeadSquaredClient.scrub), where there is a client. */
	constructor(
		private readonly logger: Logger,
		private readonly redactKeys: (text: string) => string = (text) => text,
	) {}

	/** Removes these secrets (the webhook secrets) from this line and every later one. */
	hide(...secrets: Array<string | undefined>): this {
		for (const secret of secrets) if (secret) this.secrets.push(secret);
		return this;
	}

	scrub(text: string): string {
		return redact(this.redactKeys(text), this.secrets);
	}

	info(text: string): void {
		this.logger.info(this.scrub(text));
	}

	warn(text: string): void {
		this.logger.warn(this.scrub(text));
	}
}
