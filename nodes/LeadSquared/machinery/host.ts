/**
 * Where the LeadSquared API lives for a credential, and how the keys travel.
 * Pure: no n8n imports, so it is unit-tested on its own and shared by the credential and the node.
 */

export interface RegionHost {
	host: string;
	region: string;
}

/** LeadSquared's regional v2 API hosts (My Account → Settings → API and Webhooks shows yours). */
export const REGION_HOSTS: readonly RegionHost[] = [
	{ host: 'api.leadsquared.com', region: 'Singapore' },
	{ host: 'api-us11.leadsquared.com', region: 'United States' },
	{ host: 'api-in21.leadsquared.com', region: 'India (Mumbai)' },
	{ host: 'api-in22.leadsquared.com', region: 'India (Hyderabad)' },
	{ host: 'api-ir31.leadsquared.com', region: 'Ireland' },
	{ host: 'api-ca12.leadsquared.com', region: 'Canada' },
];

export const CUSTOM_HOST = 'custom';

export type KeyPlacement = 'headers' | 'query';

export interface Connection {
	/** Base URL without a trailing slash; API paths are appended as `/v2/...`. */
	baseUrl: string;
	/** What to call the host in messages: a regional host name or the custom URL's host. */
	hostLabel: string;
	/** The regional host chosen, when one was chosen. */
	regionHost?: string;
}

export class HostError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'HostError';
	}
}

export function regionLabel(host: string): string {
	const known = REGION_HOSTS.find((entry) => entry.host === host);
	return known ? `${known.region} (${known.host})` : host;
}

/** Lower-case host name of a host or URL as LeadSquared reports it (`LSQCommonServiceURLs.api` has no scheme). */
export function normaliseHostName(value: string): string {
	return value
		.trim()
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/[/?#].*$/, '');
}

/** What `Authentication.svc/UserByAccessKey.Get` says about the keys' account. */
export interface KeysAccount {
	/** The account's own API host (`LSQCommonServiceURLs.api`), normalised; undefined when not reported. */
	apiHost?: string;
	/** The organisation's display name, when given. */
	name?: string;
	/** LeadSquared's reason, when the answer is an error envelope (`Status: "Error"`) rather than the user. */
	error?: string;
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads `UserByAccessKey.Get`: the user and org object [DOC], or the same object inside `d` (ASP.NET's JSON
 * wrapper, which a client guards against: contract §12.2), an error envelope included.
 */
export function readKeysAccount(answer: unknown): KeysAccount {
	const top = objectOf(answer);
	const record = objectOf(top?.d) ?? top ?? {};
	if (record.Status === 'Error') {
		return { error: textOf(record.ExceptionMessage) ?? textOf(record.Message) ?? textOf(record.ExceptionType) ?? 'LeadSquared answered with an error' };
	}
	const reported = textOf(objectOf(record.LSQCommonServiceURLs)?.api);
	const name = textOf(record.OrgDisplayName);
	return { ...(reported !== undefined ? { apiHost: normaliseHostName(reported) } : {}), ...(name !== undefined ? { name } : {}) };
}

/**
 * Resolves the credential's host settings into a base URL, refusing anything that could send the keys
 * somewhere unexpected: regional mode accepts only LeadSquared's own hosts; a custom base URL must be
 * plain http(s) with no user-info, query or fragment, and at most a base path (not the API path itself).
 */
export function resolveConnection(host: unknown, customBaseUrl: unknown): Connection {
	const chosen = typeof host === 'string' ? host.trim() : '';
	if (chosen === CUSTOM_HOST) return resolveCustomBaseUrl(customBaseUrl);
	const region = REGION_HOSTS.find((entry) => entry.host === chosen.toLowerCase());
	if (!region) {
		// Quote the value only when it looks like a host name: the field may hold anything an expression gave.
		const shown = /^[a-z0-9.:-]{1,100}$/i.test(chosen) ? `"${chosen}"` : 'The API host';
		throw new HostError(
			`${shown} is not a LeadSquared API host. Choose your region's host (${REGION_HOSTS.map((entry) => entry.host).join(
				', ',
			)}) or "Custom Base URL".`,
		);
	}
	return { baseUrl: `https://${region.host}`, hostLabel: region.host, regionHost: region.host };
}

function parseUrl(raw: string): URL | undefined {
	return URL.canParse(raw) ? new URL(raw) : undefined;
}

function resolveCustomBaseUrl(value: unknown): Connection {
	const raw = typeof value === 'string' ? value.trim() : '';
	if (raw === '') {
		throw new HostError('Enter the custom base URL, e.g. https://lsq-proxy.example.com or http://127.0.0.1:8080.');
	}
	const url = parseUrl(raw);
	if (!url) {
		throw new HostError('The custom base URL is not a valid URL. Use the form https://host[:port][/base-path].');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new HostError(`The custom base URL must start with https:// or http://, not "${url.protocol}".`);
	}
	if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/]*@/i.test(raw)) {
		throw new HostError('The custom base URL must not contain a user name or password; put the keys in the key fields.');
	}
	if (raw.includes('?')) {
		throw new HostError('The custom base URL must not contain a query string ("?…"); the node adds what LeadSquared needs.');
	}
	if (raw.includes('#')) {
		throw new HostError('The custom base URL must not contain a fragment ("#…").');
	}
	const path = url.pathname.replace(/\/+$/, '');
	const segments = path.split('/').filter((segment) => segment !== '');
	// Cut at the first whole path segment that belongs to the API ("v2" or "<Service>.svc"), nothing less.
	const apiSegment = segments.findIndex((segment) => segment.toLowerCase() === 'v2' || /\.svc$/i.test(segment));
	if (apiSegment !== -1) {
		const root = segments.slice(0, apiSegment).map((segment) => `/${segment}`).join('');
		throw new HostError(
			`The custom base URL must stop before the API path: use "${url.origin}${root}" rather than a URL containing /v2 or a .svc service.`,
		);
	}
	return { baseUrl: `${url.origin}${path}`, hostLabel: url.host };
}

export interface KeyCredentials {
	accessKey: string;
	secretKey: string;
	placement: KeyPlacement;
}

export function readKeys(accessKey: unknown, secretKey: unknown, placement: unknown): KeyCredentials {
	return {
		accessKey: typeof accessKey === 'string' ? accessKey.trim() : '',
		secretKey: typeof secretKey === 'string' ? secretKey.trim() : '',
		placement: placement === 'query' ? 'query' : 'headers',
	};
}

export const ACCESS_KEY_HEADER = 'x-LSQ-AccessKey';
export const SECRET_KEY_HEADER = 'x-LSQ-SecretKey';

/**
 * Adds the keys to a request: as LeadSquared's headers (its recommendation), or percent-encoded into the
 * URL's query string. Encoding the values ourselves matters: real access keys contain `$`, which some
 * query serialisers leave raw, and LeadSquared then drops the call.
 */
export function withKeys<T extends { headers?: object; url?: string; uri?: string; qs?: object }>(
	request: T,
	keys: KeyCredentials,
): T {
	if (keys.placement === 'headers') {
		return {
			...request,
			headers: {
				...(request.headers ?? {}),
				[ACCESS_KEY_HEADER]: keys.accessKey,
				[SECRET_KEY_HEADER]: keys.secretKey,
			},
		};
	}
	const query = `accessKey=${encodeURIComponent(keys.accessKey)}&secretKey=${encodeURIComponent(keys.secretKey)}`;
	// Requests built with `url` (httpRequest) or `uri` (the legacy request helper) get the keys in place.
	for (const key of ['url', 'uri'] as const) {
		const target = request[key];
		if (typeof target === 'string') {
			return { ...request, [key]: `${target}${target.includes('?') ? '&' : '?'}${query}` };
		}
	}
	return { ...request, qs: { ...(request.qs ?? {}), accessKey: keys.accessKey, secretKey: keys.secretKey } };
}

/** What a request says about where it goes: `url` (httpRequest, maybe relative to `baseURL`) or `uri` (the legacy request helper). */
export interface RequestAddress {
	url?: unknown;
	uri?: unknown;
	baseURL?: unknown;
}

/** Where a request goes, or undefined when it names no address that can be read. */
export function requestTarget(request: RequestAddress): URL | undefined {
	const address = typeof request.url === 'string' ? request.url : typeof request.uri === 'string' ? request.uri : undefined;
	if (address === undefined) return undefined;
	const base = typeof request.baseURL === 'string' && request.baseURL !== '' ? request.baseURL : undefined;
	try {
		return base === undefined ? new URL(address) : new URL(address, base);
	} catch {
		return undefined;
	}
}

/** Whether `target` lies under a base URL: the same scheme, host and port, and at or below its base path. */
export function isUnderBaseUrl(target: URL, baseUrl: string): boolean {
	const base = new URL(baseUrl);
	if (target.protocol !== base.protocol || target.host !== base.host || target.username !== '' || target.password !== '') return false;
	const basePath = base.pathname.replace(/\/+$/, '');
	return basePath === '' || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
}

/**
 * Refuses to put the keys on a request for anywhere but the credential's own host (its regional host, or
 * its custom base URL and below): a URL typed in n8n's HTTP Request node with this credential must start
 * there. The message names both places without a query string, a user name or a path beyond the base.
 */
export function assertKeysGoTo(request: RequestAddress, connection: Connection): void {
	const target = requestTarget(request);
	if (target && isUnderBaseUrl(target, connection.baseUrl)) return;
	const where = target ? `${target.protocol}//${target.host}` : 'an address that cannot be read';
	throw new HostError(
		`This LeadSquared credential sends its keys only to ${connection.baseUrl}, the host it is set up for; the request goes to ${where}. ` +
			`Start the URL with ${connection.baseUrl}/v2/ (e.g. ${connection.baseUrl}/v2/LeadManagement.svc/Lists.Get), or use a credential set up for that host.`,
	);
}

/**
 * The request with the keys on it, for the credential's `authenticate`: only for the credential's own host
 * (assertKeysGoTo), and with redirects off, so that a 3xx answer cannot carry the keys (sent as headers) to
 * another host. Both the httpRequest options and the legacy request options are covered.
 */
export function authenticatedRequest<T extends { url?: string; uri?: string; baseURL?: string; headers?: object; qs?: object }>(request: T, credentials: Record<string, unknown>): T {
	const connection = resolveConnection(credentials.host, credentials.baseUrl);
	assertKeysGoTo(request, connection);
	const noRedirects = { disableFollowRedirect: true, followRedirect: false, followAllRedirects: false, maxRedirects: 0 };
	return withKeys({ ...request, ...noRedirects }, readKeys(credentials.accessKey, credentials.secretKey, credentials.sendKeysAs));
}
