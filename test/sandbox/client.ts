/**
 * Tiny HTTP client for the sandbox tests (real HTTP through Node's global fetch).
 */
import type { Sandbox } from '../../sandbox';

export const P = {
	user: '/v2/Authentication.svc/UserByAccessKey.Get',
	metadata: '/v2/LeadManagement.svc/LeadsMetaData.Get',
	upsert: '/v2/LeadManagement.svc/Lead.CreateOrUpdate',
	create: '/v2/LeadManagement.svc/Lead.Create',
	update: '/v2/LeadManagement.svc/Lead.Update',
	bulk: '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate',
	byId: '/v2/LeadManagement.svc/Leads.GetById',
	byEmail: '/v2/LeadManagement.svc/Leads.GetByEmailaddress',
	byPhone: '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber',
	quickSearch: '/v2/LeadManagement.svc/Leads.GetByQuickSearch',
	byIds: '/v2/LeadManagement.svc/Leads/Retrieve/ByIds',
};

export interface CallOptions {
	method?: 'GET' | 'POST';
	query?: Record<string, string>;
	/** JSON-serialised unless rawBody is given. */
	body?: unknown;
	rawBody?: string;
	contentType?: string | null;
	auth?: 'header' | 'query' | 'none';
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	contentType: string | null;
}

export async function call(sb: Sandbox, path: string, options: CallOptions = {}): Promise<CallResult> {
	const auth = options.auth ?? 'header';
	const params = new URLSearchParams(options.query ?? {});
	if (auth === 'query') {
		params.set('accessKey', sb.accessKey);
		params.set('secretKey', sb.secretKey);
	}
	const qs = params.toString();
	const headers: Record<string, string> = { ...options.headers };
	if (auth === 'header') {
		headers['x-LSQ-AccessKey'] = sb.accessKey;
		headers['x-LSQ-SecretKey'] = sb.secretKey;
	}
	const hasBody = options.body !== undefined || options.rawBody !== undefined;
	const method = options.method ?? (hasBody ? 'POST' : 'GET');
	if (hasBody && options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
	const res = await fetch(`${sb.url}${path}${qs ? `?${qs}` : ''}`, {
		method,
		headers,
		body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined,
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json, contentType: res.headers.get('content-type') };
}

/** {a: '1'} → [{Attribute: 'a', Value: '1'}] */
export function pairs(values: Record<string, string>): Array<{ Attribute: string; Value: string }> {
	return Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value }));
}

export function upsert(sb: Sandbox, values: Record<string, string> | unknown[], query: Record<string, string> = {}): Promise<CallResult> {
	return call(sb, P.upsert, { body: Array.isArray(values) ? values : pairs(values), query });
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The §1.2 documented example body, verbatim. */
export const DOC_EXAMPLE_BODY = `[
  {"Attribute":"EmailAddress","Value":"john.smith@acmeconsulting.co"},
  {"Attribute":"FirstName","Value":"John"},
  {"Attribute":"LastName","Value":"Smith"},
  {"Attribute":"Phone","Value":"+919845098450"},
  {"Attribute":"mx_KYC","Value":"","Fields":[
      {"Attribute":"Status","Value":"Pending"},
      {"Attribute":"mx_CustomObject_1","Value":"XYZ12345.png"},
      {"Attribute":"mx_CustomObject_2","Value":"864563"}]},
  {"Attribute":"SearchBy","Value":"EmailAddress"}
]`;
