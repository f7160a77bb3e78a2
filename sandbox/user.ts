/**
 * The user behind the sandbox's access key, as answered by Authentication.svc/UserByAccessKey.Get (§2.2).
 */

export const SANDBOX_USER_ID = '7c4d3a2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

/** The web-app host: 'api-us11.leadsquared.com' → 'us11.leadsquared.com'; 'api.leadsquared.com' → 'app.leadsquared.com'. */
export function appHost(apiHost: string): string {
	if (/^api-/i.test(apiHost)) return apiHost.replace(/^api-/i, '');
	if (/^api\./i.test(apiHost)) return apiHost.replace(/^api\./i, 'app.');
	return apiHost;
}

/** [INF] 'api-us11.leadsquared.com' → 'tracking-us11.leadsquared.com'. */
export function trackingHost(apiHost: string): string {
	return apiHost.replace(/^api(?=[-.])/i, 'tracking');
}

/**
 * [DOC] https://apidocs.leadsquared.com/user-authentication/ sample keys (Id, Name, PassPhrase, Role, TimeZone,
 * Type, Org…, MobileServiceURLs, LSQCommonServiceURLs); `LSQCommonServiceURLs.api` without a scheme [CODE]
 * `chatwoot/chatwoot` setup_service.rb. The values (names, org) are invented constants [INF].
 */
export function userByAccessKey(accountHost: string): Record<string, unknown> {
	const app = appHost(accountHost);
	return {
		Id: SANDBOX_USER_ID,
		Name: 'Sandbox Admin',
		FirstName: 'Sandbox',
		LastName: 'Admin',
		PassPhrase: 'admin@sandbox.example.com',
		EmailAddress: 'admin@sandbox.example.com',
		Role: 'Administrator',
		TimeZone: 'Asia/Kolkata',
		Type: 0,
		StatusCode: 0,
		IsEmailVerified: true,
		OrgDisplayName: 'LeadSquared Sandbox',
		OrgId: '40001',
		OrgShortCode: 'sandbox1',
		OrgUniqueName: 'leadsquared-sandbox',
		OrgTimeZone: 'Asia/Kolkata',
		DefaultCountryCode: '91',
		DateFormat: 'dd/MM/yyyy',
		IsCheckinEnabled: false,
		MobileServiceURLs: {
			api: accountHost,
			app,
		},
		LSQCommonServiceURLs: {
			api: accountHost,
			app,
			tracking: trackingHost(accountHost),
		},
	};
}
