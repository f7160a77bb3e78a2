/**
 * LeadSquared's webhook registration API (§11.2): `Webhook.svc/Create`, `Retrieve` [DOC] and
 * `GET Webhook.svc/Delete?webhookId=` ([CODE]: a POST answers 405), each checking the answer's shape.
 */
import { LeadSquaredError } from '../machinery/errors';
import type { LeadSquaredClient } from './index';
import { messageId, unexpectedAnswer } from './shape';

type Json = Record<string, unknown>;

/** Rows per Retrieve page (LeadSquared's largest [INF]); an account holds a few dozen webhooks at most. */
const RETRIEVE_PAGE_SIZE = 100;
const MAX_RETRIEVE_PAGES = 20;

/** Creates a webhook; its id: `Message.Id` [DOC], or `Message` as the bare id (a client reads both, contract §12.2). */
export async function createWebhook(client: LeadSquaredClient, body: Json): Promise<string> {
	const id = messageId(await client.request({ method: 'POST', path: 'Webhook.svc/Create', body }), { bareId: true });
	if (id === undefined) throw unexpectedAnswer('Webhook.svc/Create', 'no webhook id (Message.Id, or Message as the id)');
	return id;
}

/** Every webhook of the account (type Webhook), all pages. */
export async function retrieveWebhooks(client: LeadSquaredClient): Promise<Json[]> {
	const rows: Json[] = [];
	for (let page = 1; page <= MAX_RETRIEVE_PAGES; page++) {
		const answer = (await client.request({
			method: 'POST',
			path: 'Webhook.svc/Retrieve',
			body: { Parameter: { Type: 'Webhook' }, Paging: { PageIndex: page, PageSize: RETRIEVE_PAGE_SIZE } },
		})) as { RecordCount?: unknown; Response?: unknown } | null;
		if (!answer || !Array.isArray(answer.Response)) throw unexpectedAnswer('Webhook.svc/Retrieve', 'no Response list');
		const batch = answer.Response.filter((row): row is Json => typeof row === 'object' && row !== null);
		rows.push(...batch);
		const total = Number(answer.RecordCount);
		if (batch.length < RETRIEVE_PAGE_SIZE || (Number.isFinite(total) && rows.length >= total)) break;
	}
	return rows;
}

/** Deletes a webhook: 'deleted', or 'missing' when LeadSquared no longer has it. */
export async function deleteWebhook(client: LeadSquaredClient, id: string): Promise<'deleted' | 'missing'> {
	let refused: unknown;
	try {
		await client.request({ method: 'GET', path: 'Webhook.svc/Delete', query: { webhookId: id } });
		return 'deleted';
	} catch (error) {
		refused = error;
	}
	const failure = refused instanceof LeadSquaredError ? refused.failure : undefined;
	if (failure?.kind === 'business' && /does not exist|not found/i.test(failure.exceptionMessage ?? '')) return 'missing';
	throw refused;
}
