import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { HostError, normaliseHostName, readKeys, REGION_HOSTS, resolveConnection, withKeys } from '../../nodes/LeadSquared/machinery/host';

describe('resolveConnection', () => {
	it.each(REGION_HOSTS.map((entry) => entry.host))('accepts the regional host %s over https', (host) => {
		expect(resolveConnection(host, undefined)).toEqual({ baseUrl: `https://${host}`, hostLabel: host, regionHost: host });
	});

	it.each([
		['evil.example.com'],
		['api.leadsquared.com.evil.example'],
		['https://api.leadsquared.com'],
		[''],
		[undefined],
	])('refuses %p as a regional host', (host) => {
		expect(() => resolveConnection(host, undefined)).toThrow(HostError);
	});

	it.each([
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080', '127.0.0.1:8080'],
		['http://127.0.0.1:8080/', 'http://127.0.0.1:8080', '127.0.0.1:8080'],
		['https://proxy.example.com/leadsquared/', 'https://proxy.example.com/leadsquared', 'proxy.example.com'],
		['  https://proxy.example.com/a/b  ', 'https://proxy.example.com/a/b', 'proxy.example.com'],
	])('accepts the custom base URL %s', (raw, baseUrl, hostLabel) => {
		expect(resolveConnection('custom', raw)).toEqual({ baseUrl, hostLabel });
	});

	it.each([
		['https://user:pass@proxy.example.com', /user name or password/],
		['https://user@proxy.example.com', /user name or password/],
		['https://proxy.example.com?x=1', /query string/],
		['https://proxy.example.com/?', /query string/],
		['https://proxy.example.com#frag', /fragment/],
		['https://proxy.example.com/v2', /stop before the API path/],
		['https://proxy.example.com/lsq/v2/LeadManagement.svc', /stop before the API path/],
		['https://proxy.example.com/LeadManagement.svc', /stop before the API path/],
		['ftp://proxy.example.com', /https:\/\/ or http:\/\//],
		['javascript:alert(1)', /https:\/\/ or http:\/\//],
		['not a url', /not a valid URL/],
		['', /Enter the custom base URL/],
	])('refuses the custom base URL %s', (raw, message) => {
		expect(() => resolveConnection('custom', raw)).toThrow(message);
	});
});

describe('withKeys', () => {
	const keys = readKeys(' u$r-key ', 'secret+/=', 'query');

	it('sends the keys as LeadSquared headers by default', () => {
		const request = withKeys({ url: 'https://api.leadsquared.com/v2/x', headers: { Accept: 'application/json' } }, readKeys('a', 'b', undefined));
		expect(request).toEqual({
			url: 'https://api.leadsquared.com/v2/x',
			headers: { Accept: 'application/json', 'x-LSQ-AccessKey': 'a', 'x-LSQ-SecretKey': 'b' },
		});
	});

	it('percent-encodes the keys into the query string, including $', () => {
		expect(withKeys({ url: 'https://h/v2/x?postUpdatedLead=false' }, keys).url).toBe(
			'https://h/v2/x?postUpdatedLead=false&accessKey=u%24r-key&secretKey=secret%2B%2F%3D',
		);
		expect(withKeys({ uri: 'https://h/v2/x' }, keys).uri).toBe('https://h/v2/x?accessKey=u%24r-key&secretKey=secret%2B%2F%3D');
	});

	it('falls back to qs when the request has no URL yet', () => {
		expect(withKeys({ qs: { a: 1 } }, keys).qs).toEqual({ a: 1, accessKey: 'u$r-key', secretKey: 'secret+/=' });
	});
});

describe('normaliseHostName', () => {
	it.each([
		['api-in21.leadsquared.com', 'api-in21.leadsquared.com'],
		['https://API-IN21.leadsquared.com/v2/', 'api-in21.leadsquared.com'],
		['http://127.0.0.1:8080/base', '127.0.0.1:8080'],
	])('%s → %s', (value, expected) => {
		expect(normaliseHostName(value)).toBe(expected);
	});
});

describe("the credential's authenticate: keys only for its own host, never through a redirect", () => {
	const credential = new LeadSquaredApi();
	const regional = { host: 'api-in21.leadsquared.com', accessKey: 'u$r+/key', secretKey: 's3cr3t', sendKeysAs: 'headers' };
	const proxy = { host: 'custom', baseUrl: 'https://proxy.example.com/lsq', accessKey: 'u$r+/key', secretKey: 's3cr3t', sendKeysAs: 'query' };

	it('a URL on the regional host (the HTTP Request node\'s legacy `uri`, or `url`): keys added, redirects off', async () => {
		const legacy = (await credential.authenticate(regional, { uri: 'https://api-in21.leadsquared.com/v2/LeadManagement.svc/Lists.Get', method: 'GET' } as never)) as unknown as Record<string, unknown>;
		expect(legacy.headers).toEqual({ 'x-LSQ-AccessKey': 'u$r+/key', 'x-LSQ-SecretKey': 's3cr3t' });
		expect(legacy).toMatchObject({ followRedirect: false, followAllRedirects: false, maxRedirects: 0, disableFollowRedirect: true });
		const modern = await credential.authenticate(regional, { url: 'https://API-IN21.leadsquared.com:443/v2/UserManagement.svc/Users.Get' });
		expect(modern.headers).toMatchObject({ 'x-LSQ-SecretKey': 's3cr3t' });
		const relative = await credential.authenticate(regional, { url: '/v2/LeadManagement.svc/Lists.Get', baseURL: 'https://api-in21.leadsquared.com' });
		expect(relative.headers).toMatchObject({ 'x-LSQ-AccessKey': 'u$r+/key' });
	});

	it('a custom base URL: only at or below its base path; keys in the query string when so set', async () => {
		const ok = (await credential.authenticate(proxy, { uri: 'https://proxy.example.com/lsq/v2/LeadManagement.svc/Lists.Get?ListType=0' } as never)) as unknown as { uri: string };
		expect(ok.uri).toBe('https://proxy.example.com/lsq/v2/LeadManagement.svc/Lists.Get?ListType=0&accessKey=u%24r%2B%2Fkey&secretKey=s3cr3t');
		await expect(credential.authenticate(proxy, { url: 'https://proxy.example.com/lsqx/v2/Lists.Get' })).rejects.toThrow(HostError);
		await expect(credential.authenticate(proxy, { url: 'https://proxy.example.com/v2/Lists.Get' })).rejects.toThrow(HostError);
	});

	it.each([
		['another host', 'https://evil.example.com/v2/LeadManagement.svc/Lists.Get?x=1', 'https://evil.example.com'],
		['another region', 'https://api.leadsquared.com/v2/LeadManagement.svc/Lists.Get', 'https://api.leadsquared.com'],
		['plain http', 'http://api-in21.leadsquared.com/v2/LeadManagement.svc/Lists.Get', 'http://api-in21.leadsquared.com'],
		['another port', 'https://api-in21.leadsquared.com:8443/v2/x', 'https://api-in21.leadsquared.com:8443'],
		['a user name in the URL', 'https://someone@api-in21.leadsquared.com/v2/x', 'https://api-in21.leadsquared.com'],
		['a look-alike host', 'https://api-in21.leadsquared.com.evil.example/v2/x', 'https://api-in21.leadsquared.com.evil.example'],
	])('%s: refused, naming both hosts and nothing else of the URL', async (_name, url, shown) => {
		const refusal = credential.authenticate(regional, { url });
		await expect(refusal).rejects.toThrow(`This LeadSquared credential sends its keys only to https://api-in21.leadsquared.com, the host it is set up for; the request goes to ${shown}.`);
		await expect(refusal).rejects.not.toThrow(/x=1|someone|s3cr3t|u\$r/);
	});

	it('no readable address, or a credential without a valid host: refused', async () => {
		await expect(credential.authenticate(regional, {} as never)).rejects.toThrow(/goes to an address that cannot be read/);
		await expect(credential.authenticate({ ...regional, host: 'evil.example.com' }, { url: 'https://evil.example.com/v2/x' })).rejects.toThrow(HostError);
	});
});
