/**
 * What the sandbox answers before any handler runs, in LeadSquared's order: an unknown path, the wrong method,
 * keys missing or wrong, keys of another region. Source: 404/405 as plain text and the 401 envelope
 * [DOC] https://apidocs.leadsquared.com/ (every page's status table); the 401 messages [INF: no page quotes them].
 */
import type { Credentials } from './http';
import { jsonAnswer, mxEnvelope, textAnswer, type Answer } from './http';
import { effectiveServedHost, type ResolvedOptions } from './options';
import type { Route } from './routes';

/** The refusal of a request before the rate limiter, or undefined when it may go on. */
export function accessRefusal(route: Route | undefined, method: string, credentials: Credentials, authOk: boolean, options: ResolvedOptions): Answer | undefined {
	if (!route) return notFound();
	if (route.method !== method) return textAnswer(405, 'Method not allowed.');
	if (!authOk) {
		const message = credentials.source === 'none' ? 'AccessKey and SecretKey are required' : 'Invalid AccessKey or SecretKey'; // [INF]
		return jsonAnswer(401, mxEnvelope('MXUnAuthorizedAccessException', message));
	}
	if (!route.anyRegion && effectiveServedHost(options) !== options.accountHost) {
		const message = options.wrongRegionNamesHost
			? `Unauthorized: this API host is not valid for your account. Use https://${options.accountHost}`
			: 'Unauthorized: this API host is not valid for your account'; // [INF]
		return jsonAnswer(401, mxEnvelope('MXUnAuthorizedAccessException', message));
	}
	return undefined;
}

export function notFound(): Answer {
	return textAnswer(404, 'Endpoint not found.');
}

export function safeDecode(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}
