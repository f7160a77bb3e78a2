/**
 * Shared pieces of the webhook trigger's engine tests: a LeadSquared Trigger in the in-process harness
 * (test/harness/triggers.ts) on its own sandbox, closed after each test, and the custom headers it registers.
 */
import type { Sandbox, SandboxOptions, SandboxWebhook } from '../../sandbox';
import { disposeN8n, sandboxCredentials } from '../harness';
import { TriggerHarness } from '../harness/triggers';
import type { TriggerHarnessOptions } from '../harness/triggers';
import { openSandbox } from './support';

export const EVENT_HEADER = 'X-N8n-LeadSquared-Event';
export const GUARD_HEADER = 'X-N8n-LeadSquared-Secret';

export function header(hook: Pick<SandboxWebhook, 'CustomHeaders'>, key: string): string | undefined {
	return hook.CustomHeaders.find((entry) => entry.Key === key)?.Value;
}

export interface WebhookTriggers {
	/** A trigger (workflow "Onboarding") with these parameters on a new sandbox (quick delivery retries). */
	setup(parameters: TriggerHarnessOptions['parameters'], sandboxOptions?: SandboxOptions): Promise<{ sb: Sandbox; harness: TriggerHarness }>;
	/** Closes this after the test too. */
	track(item: { close(): Promise<void> }): void;
}

/** Registers the hooks that close what a test opened (after each test) and n8n-core's timers (after the file). */
export function useWebhookTriggers(): WebhookTriggers {
	const open: Array<{ close(): Promise<void> }> = [];
	afterAll(disposeN8n);
	afterEach(async () => {
		for (const item of open.splice(0)) await item.close();
	});
	return {
		async setup(parameters, sandboxOptions = {}) {
			const sb = await openSandbox({ webhookRetryDelayMs: 0, ...sandboxOptions });
			const harness = await TriggerHarness.start({ kind: 'webhook', parameters, credentials: sandboxCredentials(sb) as never, workflowName: 'Onboarding' });
			open.push(harness, sb);
			return { sb, harness };
		},
		track(item) {
			open.push(item);
		},
	};
}
