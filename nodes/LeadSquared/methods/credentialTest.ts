import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { classifyAnswer, classifyNetworkError } from '../machinery/answers';
import { redact } from '../machinery/redact';
import { HostError, normaliseHostName, readKeys, readKeysAccount, regionLabel, REGION_HOSTS, withKeys } from '../machinery/host';
import type { Connection, KeyCredentials } from '../machinery/host';
import { bodyText, buildUrl, connectionOf } from '../transport';

const TIMEOUT_MS = 20_000;

interface Answer {
	ok: boolean;
	status?: number;
	body?: unknown;
	message?: string;
}

async function call(
	context: ICredentialTestFunctions,
	connection: Connection,
	keys: KeyCredentials,
	path: string,
	query?: Record<string, string>,
): Promise<Answer> {
	const endpoint = path.replace(/^[^/]*\.svc\//i, '');
	const answerContext = { hostLabel: connection.hostLabel, endpoint, customHost: connection.regionHost === undefined };
	const secrets = [keys.accessKey, keys.secretKey];
	let response: { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
	try {
		response = (await context.helpers.request(
			withKeys(
				{
					method: 'GET',
					uri: buildUrl(connection.baseUrl, path, query),
					headers: { Accept: 'application/json' },
					json: false,
					resolveWithFullResponse: true,
					simple: false,
					timeout: TIMEOUT_MS,
					// A redirect would carry the keys to another host: never followed, reported instead.
					followRedirect: false,
					followAllRedirects: false,
					maxRedirects: 0,
				},
				keys,
			),
		)) as typeof response;
	} catch (error) {
		return { ok: false, message: redact(classifyNetworkError(error, answerContext, TIMEOUT_MS).message, secrets) };
	}
	const text = redact(bodyText(response.body), secrets);
	const classified = classifyAnswer(response.statusCode ?? 0, response.headers ?? {}, text, answerContext);
	if (classified.ok) return { ok: true, status: response.statusCode, body: classified.body };
	const { failure } = classified;
	return { ok: false, status: failure.httpCode, message: redact(failure.message, secrets) };
}

function hostAdvice(accountHost: string): string {
	return REGION_HOSTS.some((entry) => entry.host === accountHost)
		? `choose "${regionLabel(accountHost)}" as the host`
		: `use "Custom Base URL" with https://${accountHost}`;
}

/**
 * Checks the keys with `UserByAccessKey.Get` (which answers on every regional host) and that the chosen
 * host serves the keys' account: LeadSquared answers 401 on every other API of a foreign region, which
 * otherwise looks exactly like wrong keys.
 */
export async function leadSquaredApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const keys = readKeys(data.accessKey, data.secretKey, data.sendKeysAs);
	const connection = connectionOf(data.host, data.baseUrl);
	if (connection instanceof HostError) {
		return { status: 'Error', message: redact(connection.message, [keys.accessKey, keys.secretKey]) };
	}
	if (keys.accessKey === '' || keys.secretKey === '') {
		return { status: 'Error', message: 'Enter both the access key and the secret key.' };
	}

	const user = await call(this, connection, keys, 'Authentication.svc/UserByAccessKey.Get');
	if (!user.ok) {
		return {
			status: 'Error',
			message:
				user.status === 401
					? 'LeadSquared rejected these keys (HTTP 401). Copy the access key and secret key again from My Account → Settings → API and Webhooks.'
					: (user.message ?? 'LeadSquared did not confirm the keys.'),
		};
	}
	const account = readKeysAccount(user.body);
	if (account.error !== undefined) {
		return { status: 'Error', message: `LeadSquared did not confirm the keys: ${redact(account.error, [keys.accessKey, keys.secretKey])}` };
	}
	const accountHost = account.apiHost;
	const chosenHost = connection.regionHost ?? normaliseHostName(connection.baseUrl);

	if (accountHost && chosenHost !== accountHost && (connection.regionHost || chosenHost.endsWith('.leadsquared.com'))) {
		return {
			status: 'Error',
			message: `These keys belong to a LeadSquared account on ${accountHost}, not ${chosenHost}: ${hostAdvice(accountHost)}.`,
		};
	}
	if (!connection.regionHost) {
		// A proxy or the sandbox: ask an ordinary API, which only the account's own region serves.
		const probe = await call(this, connection, keys, 'LeadManagement.svc/LeadsMetaData.Get', { schemaName: 'EmailAddress' });
		if (!probe.ok) {
			return {
				status: 'Error',
				message:
					probe.status === 401
						? `The keys are valid, but ${connection.hostLabel} does not serve their account (HTTP 401 on lead APIs)${
								accountHost ? `; LeadSquared says the account's API host is ${accountHost}: ${hostAdvice(accountHost)}` : ''
							}.`
						: (probe.message ?? 'LeadSquared did not answer the lead field check.'),
			};
		}
	}
	return { status: 'OK', message: `Connection successful${account.name !== undefined ? ` (${account.name})` : ''}.` };
}
