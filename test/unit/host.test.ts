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
