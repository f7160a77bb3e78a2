/**
 * What the queued deletes share (Task → Delete, Activity → Delete Activities of a Lead): LeadSquared answers at once
 * and deletes later, and POSTs its report to a `StatusWebhookURL` when the deletion has run.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionalUrl } from '../values/checks';

export const statusWebhookUrlOption: INodeProperties = {
	displayName: 'Status Webhook URL',
	name: 'statusWebhookUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/deletions',
	description: 'An address LeadSquared POSTs its report to when the deletion has run (StatusWebhookURL), e.g. the URL of an n8n Webhook node',
};

/** The option's URL, checked (http or https); undefined when empty. */
export function readStatusWebhookUrl(options: IDataObject): string | undefined {
	return optionalUrl(options.statusWebhookUrl, 'Options → Status Webhook URL', 'statusWebhookUrl');
}
