/**
 * Shared pieces of the sandbox's webhook tests: the Webhook.svc paths and a Create call with the
 * documented body.
 */
import type { Sandbox } from '../../sandbox';
import { call, type CallResult } from './client';

export const WH = {
	create: '/v2/Webhook.svc/Create',
	retrieve: '/v2/Webhook.svc/Retrieve',
	update: '/v2/Webhook.svc/Update',
	delete: '/v2/Webhook.svc/Delete',
	recentlyModified: '/v2/LeadManagement.svc/Leads.RecentlyModified',
};

/** The documented Create body (create-a-webhook), with `overrides` on top. */
export function webhookBody(url: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		Description: 'Description of webhook',
		URL: url,
		Method: 'POST',
		ContentType: 'application/json',
		WebhookEvent: '3',
		IsSpecificLandingPage: false,
		NotifyOnFailure: true,
		WebhookProperties: null,
		CustomHeaders: [{ Key: 'x-api-key', Value: 'secret-1' }],
		...overrides,
	};
}

export function createWebhook(sb: Sandbox, url: string, overrides: Record<string, unknown> = {}): Promise<CallResult> {
	return call(sb, WH.create, { body: webhookBody(url, overrides) });
}

/** Creates a webhook and returns its id (fails the test when Create fails). */
export async function registerWebhook(sb: Sandbox, url: string, overrides: Record<string, unknown> = {}): Promise<string> {
	const res = await createWebhook(sb, url, overrides);
	if (res.status !== 200) throw new Error(`Webhook.svc/Create answered ${res.status}: ${res.text}`);
	return res.json.Message.Id as string;
}

export function retrieve(sb: Sandbox, body: unknown): Promise<CallResult> {
	return call(sb, WH.retrieve, { body });
}
