import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { authenticatedRequest, CUSTOM_HOST, REGION_HOSTS } from '../nodes/LeadSquared/machinery/host';

export class LeadSquaredApi implements ICredentialType {
	name = 'leadSquaredApi';

	displayName = 'LeadSquared API';

	icon: Icon = {
		light: 'file:../nodes/LeadSquared/leadsquared.svg',
		dark: 'file:../nodes/LeadSquared/leadsquared.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Host',
			name: 'host',
			type: 'options',
			default: 'api.leadsquared.com',
			options: [
				...REGION_HOSTS.map((entry) => ({ name: `${entry.region}: ${entry.host}`, value: entry.host })),
				{
					name: 'Custom Base URL',
					value: CUSTOM_HOST,
					description: 'A proxy in front of LeadSquared, or the local LeadSquared sandbox',
				},
			],
			description:
				"Your account's regional API host, shown in LeadSquared under My Account → Settings → API and Webhooks. Keys only work on their own region's host.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://lsq-proxy.example.com',
			description:
				'Scheme, host, port and an optional base path, without /v2, user name, query or fragment. Plain http:// is allowed only here.',
			displayOptions: { show: { host: [CUSTOM_HOST] } },
		},
		// The access key names the API user; LeadSquared shows it openly next to the secret key (only the
		// secret key is hidden behind "Show Secret Key"), and n8n's verification rules flag a masked field
		// that holds no secret. The node still scrubs it from every message, like the secret key.
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description: 'From My Account → Settings → API and Webhooks → API Access Keys (an administrator\'s keys avoid permission errors)',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown next to the access key ("Show Secret Key")',
		},
		{
			displayName: 'Send Keys As',
			name: 'sendKeysAs',
			type: 'options',
			default: 'headers',
			options: [
				{
					name: 'Headers (Recommended)',
					value: 'headers',
					description: 'x-LSQ-AccessKey and x-LSQ-SecretKey: keys stay out of URLs and proxy logs',
				},
				{
					name: 'Query String',
					value: 'query',
					description: 'accessKey and secretKey URL parameters, percent-encoded',
				},
			],
		},
	];

	// The keys go only to the host above (and below its base URL), never through a redirect: the same rule
	// for the node's own calls and for a URL typed in n8n's HTTP Request node with this credential.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => authenticatedRequest(requestOptions, credentials);
}
