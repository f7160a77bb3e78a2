/**
 * The LeadSquared Trigger's webhook: what n8n calls for each request on the node's URL.
 *
 * - HEAD (LeadSquared's handshake [DOC best practices]): 200, no execution.
 * - POST without the secret header, or with another value: 401, no execution. The secret is never
 *   logged, shown or put in an item.
 * - POST with the secret: items from the body (one per event; grouped activities split), and
 *   `{"Status":"Success","StatusReason":""}` as soon as n8n has started the execution. A body without
 *   events (a check) starts nothing. A body the node cannot read starts nothing and is answered 200 with
 *   `{"Status":"Error","StatusReason":…}`, as LeadSquared asks: 4xx/5xx answers get a webhook disabled.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { eventByKey } from './events';
import { fieldIndexFromKinds } from './fieldKinds';
import { TriggerLog } from './log';
import { itemsOf, readBody } from './payload';
import { EVENT_HEADER, GUARD_HEADER, secretMatches } from './registration';
import { readSettings, readState, typedValuesOn } from './settings';

export const SUCCESS = { Status: 'Success', StatusReason: '' };

/** Writes an answer with the plain Node.js response API (n8n hands over an Express response). */
function answer(context: IWebhookFunctions, status: number, body?: IDataObject): IWebhookResponseData {
	const res = context.getResponseObject();
	res.statusCode = status;
	if (body === undefined) {
		res.end();
	} else {
		res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
	}
	return { noWebhookResponse: true };
}

function header(headers: Record<string, unknown>, name: string): unknown {
	return headers[name.toLowerCase()];
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getWebhookName() === 'setup' || this.getRequestObject().method === 'HEAD') return answer(this, 200);

	const headers = this.getHeaderData() as Record<string, unknown>;
	const state = readState(this.getWorkflowStaticData('node'));
	if (!secretMatches(state.secret, header(headers, GUARD_HEADER))) {
		return answer(this, 401, { Status: 'Error', StatusReason: 'Unauthorized: this URL only accepts the LeadSquared webhooks its trigger registered' });
	}

	const reading = readBody(this.getBodyData() as unknown);
	if (reading.kind === 'empty') return { webhookResponse: SUCCESS };
	if (reading.kind === 'unreadable') {
		new TriggerLog(this.logger).hide(state.secret).warn(`LeadSquared Trigger: a delivery could not be read (${reading.problem}); no execution started`);
		return answer(this, 200, { Status: 'Error', StatusReason: `${reading.problem}: expected LeadSquared records as JSON or form fields` });
	}

	const settings = readSettings(this);
	const event = eventByKey(header(headers, EVENT_HEADER));
	const typeCode = event?.family === 'activity' ? settings.activityType : event?.family === 'opportunity' ? settings.opportunityType : undefined;
	const items = itemsOf(event, reading.payloads, {
		typed: typedValuesOn(this),
		fields: fieldIndexFromKinds(state.fieldKinds),
		receivedAt: new Date().toISOString(),
		watchFields: settings.watchFields,
		typeCode,
	});
	if (items.length === 0) return { webhookResponse: SUCCESS };
	return {
		workflowData: [items.map((json) => ({ json: json as IDataObject }))],
		webhookResponse: SUCCESS,
	};
}
