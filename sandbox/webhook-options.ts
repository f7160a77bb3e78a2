/**
 * Defaults and resolution of the options of webhooks and lead polling. `options.ts` merges them into
 * ResolvedOptions; the meaning of each is documented in webhook-types.ts.
 */
import type { WebhookSandboxOptions } from './webhook-types';

export type WebhookOptions = Required<WebhookSandboxOptions>;

export function webhookDefaults(): WebhookOptions {
	return {
		webhookLimit: Infinity,
		webhookRequireTopLevelActivityEvent: true,
		webhookPropertiesObject: 'reject',
		webhookStageChangeCreatable: true,
		webhookMaxCustomHeaders: 10,
		webhookStatusCodes: 'current',
		webhookVerification: 'none',
		webhookTimeoutMs: 5000,
		webhookRetries: 3,
		webhookRetryDelayMs: 1000,
		webhookDisableAfterFailures: 10,
		webhookSuccessStatus: '2xx',
		webhookActivityBatchMs: 0,
		webhookActivityAsArray: true,
		webhookConcurrency: 10,
		webhookUnchangedLeadUpdates: false,
		recentlyModifiedRange: 'closed',
		recentlyModifiedMaxPageSize: 5000,
	};
}

/** Writes into `next` the keys present in `partial`; a key given as undefined goes back to its default. */
export function mergeWebhookOptions(next: WebhookOptions, partial: WebhookSandboxOptions): void {
	const defaults = webhookDefaults();
	const target = next as unknown as Record<string, unknown>;
	const given = partial as Record<string, unknown>;
	for (const key of Object.keys(defaults) as Array<keyof WebhookOptions>) {
		if (!Object.prototype.hasOwnProperty.call(partial, key)) continue;
		target[key] = given[key] ?? defaults[key];
	}
}
