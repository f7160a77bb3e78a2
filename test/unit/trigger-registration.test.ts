/** What the trigger registers (trigger/registration.ts): the plan, the Create bodies, the secret, Retrieve rows. */
import { eventByKey } from '../../nodes/LeadSquared/trigger/events';
import type { TriggerEvent } from '../../nodes/LeadSquared/trigger/events';
import {
	createBody,
	enabledFlag,
	enabledStatusOf,
	EVENT_HEADER,
	GUARD_HEADER,
	planWebhooks,
	rowProblem,
	secretMatches,
	settingsSignature,
	SettingsError,
	stageFallback,
	webhookDescription,
} from '../../nodes/LeadSquared/trigger/registration';
import type { TriggerSettings } from '../../nodes/LeadSquared/trigger/registration';
import { newSecret } from '../../nodes/LeadSquared/trigger/lifecycle';
import { registrationAdvice } from '../../nodes/LeadSquared/trigger/errors';

const base: TriggerSettings = { events: ['lead.created'], watchFields: [], landingPageUrls: [], contentType: 'json', notifyOnFailure: true };
const URL = 'https://n8n.example.com/webhook/abc/webhook';

describe('the secret', () => {
	it('is 64 letters and digits (header-safe), new every time', () => {
		const secrets = new Set(Array.from({ length: 50 }, () => newSecret()));
		expect(secrets.size).toBe(50);
		for (const secret of secrets) expect(secret).toMatch(/^[0-9A-Za-z]{64}$/);
	});

	it('matches only itself (a header array takes its first value); short or missing secrets never match', () => {
		const secret = newSecret();
		expect(secretMatches(secret, secret)).toBe(true);
		expect(secretMatches(secret, ` ${secret} `)).toBe(true);
		expect(secretMatches(secret, [secret, 'x'])).toBe(true);
		expect(secretMatches(secret, `${secret.slice(0, 63)}${secret[63] === 'a' ? 'b' : 'a'}`)).toBe(false);
		expect(secretMatches(secret, secret.slice(0, 63))).toBe(false);
		expect(secretMatches(secret, undefined)).toBe(false);
		expect(secretMatches(undefined, undefined)).toBe(false);
		expect(secretMatches('', '')).toBe(false);
		expect(secretMatches('short', 'short')).toBe(false);
	});
});

describe('planWebhooks', () => {
	it('one webhook per event, duplicates dropped; types, watched fields and pages only where they apply', () => {
		const specs = planWebhooks({
			...base,
			events: ['lead.fieldUpdated', 'activity.created', 'activity.updated', 'opportunity.stageChanged', 'landingPage.submitted', 'lead.created', 'lead.created'],
			activityType: 201,
			opportunityType: 12000,
			watchFields: ['mx_City', 'Phone'],
			landingPageUrls: ['https://example.com/a'],
		});
		expect(specs).toEqual([
			{ event: 'lead.fieldUpdated', code: 26, properties: { FieldName: 'mx_City,Phone' }, landingPageUrls: [] },
			{ event: 'activity.created', code: 2, activityEvent: 201, landingPageUrls: [] },
			{ event: 'activity.updated', code: 15, activityEvent: 201, landingPageUrls: [] },
			{ event: 'opportunity.stageChanged', code: 34, activityEvent: 12000, landingPageUrls: [] },
			{ event: 'landingPage.submitted', code: 1, landingPageUrls: ['https://example.com/a'] },
			{ event: 'lead.created', code: 3, landingPageUrls: [] },
		]);
	});

	it('refuses no event and unknown events, naming them', () => {
		expect(() => planWebhooks({ ...base, events: [] })).toThrow(new SettingsError('Choose at least one event under Events'));
		expect(() => planWebhooks({ ...base, events: ['lead.deleted'] })).toThrow("Unknown event 'lead.deleted'");
	});

	it('a stage change falls back to a lead field update on ProspectStage', () => {
		const [stage] = planWebhooks({ ...base, events: ['lead.stageChanged'] });
		expect(stageFallback(stage)).toEqual({ event: 'lead.stageChanged', code: 26, properties: { FieldName: 'ProspectStage' }, landingPageUrls: [] });
	});

	it('the signature changes with anything that shapes the webhooks', () => {
		const specs = planWebhooks(base);
		const signature = settingsSignature(specs, base);
		expect(settingsSignature(planWebhooks(base), base)).toBe(signature);
		expect(settingsSignature(specs, { ...base, contentType: 'form' })).not.toBe(signature);
		expect(settingsSignature(specs, { ...base, notifyOnFailure: false })).not.toBe(signature);
		expect(settingsSignature(planWebhooks({ ...base, events: ['lead.updated'] }), base)).not.toBe(signature);
	});
});

describe('createBody', () => {
	it("is LeadSquared's documented body, with the secret and the event as custom headers and the activity type at the top level", () => {
		const [spec] = planWebhooks({ ...base, events: ['activity.created'], activityType: 201 });
		expect(createBody(spec, { ...base, contentType: 'form', notifyOnFailure: false }, URL, 's'.repeat(64), 'n8n: WF (Activity Created)')).toEqual({
			Description: 'n8n: WF (Activity Created)',
			URL,
			Method: 'POST',
			ContentType: 'application/x-www-form-urlencoded',
			WebhookEvent: '2',
			IsSpecificLandingPage: false,
			NotifyOnFailure: false,
			WebhookProperties: null,
			ActivityEvent: '201',
			CustomHeaders: [
				{ Key: GUARD_HEADER, Value: 's'.repeat(64) },
				{ Key: EVENT_HEADER, Value: 'activity.created' },
			],
		});
	});

	it('WebhookProperties as a string of JSON; specific landing pages', () => {
		const [fields, pages] = planWebhooks({ ...base, events: ['lead.fieldUpdated', 'landingPage.submitted'], watchFields: ['mx_City'], landingPageUrls: ['https://a.example/x'] });
		expect(createBody(fields, base, URL, 'x', 'd').WebhookProperties).toBe('{"FieldName":"mx_City"}');
		expect(createBody(pages, base, URL, 'x', 'd')).toMatchObject({ IsSpecificLandingPage: true, LandingPageUrls: ['https://a.example/x'], ContentType: 'application/json' });
	});

	it('the description names the workflow and the event, shortened', () => {
		const event = eventByKey('lead.created') as TriggerEvent;
		expect(webhookDescription('Onboarding', event)).toBe('n8n: Onboarding (Lead Created)');
		expect(webhookDescription('  ', event)).toBe('n8n: workflow (Lead Created)');
		expect(webhookDescription('x'.repeat(300), event).length).toBeLessThan(150);
	});
});

describe('rowProblem: is a Retrieve row still the registered webhook?', () => {
	const secret = newSecret();
	const stored = { id: 'w1', event: 'lead.created', code: 3 };
	const row = { WebhookId: 'w1', EventCode: 'Lead_Post_Create', WebhookEvent: '3', URL, StatusCode: 0, CustomHeaders: [{ Key: GUARD_HEADER, Value: secret }] };

	it('yes when URL, event, status and secret fit', () => {
		expect(rowProblem(row, stored, URL, secret)).toBeUndefined();
		// rows without WebhookEvent are matched by their EventCode name; rows without CustomHeaders are not checked for the secret
		expect(rowProblem({ ...row, WebhookEvent: undefined, CustomHeaders: undefined }, stored, URL, secret)).toBeUndefined();
	});

	it('no when it is gone, elsewhere, another event, disabled after failed deliveries (StatusCode 2) or without the secret', () => {
		expect(rowProblem(undefined, stored, URL, secret)).toBe('missing');
		expect(rowProblem({ ...row, URL: 'https://other.example/x' }, stored, URL, secret)).toBe('points elsewhere');
		expect(rowProblem({ ...row, WebhookEvent: '6' }, stored, URL, secret)).toBe('another event');
		expect(rowProblem({ ...row, StatusCode: 2 }, stored, URL, secret)).toBe('disabled by LeadSquared after failed deliveries');
		expect(rowProblem({ ...row, StatusCode: '2' }, stored, URL, secret, 0)).toBe('disabled by LeadSquared after failed deliveries');
		expect(rowProblem({ ...row, CustomHeaders: [{ Key: GUARD_HEADER, Value: newSecret() }] }, stored, URL, secret)).toBe('without the current secret');
		expect(rowProblem({ ...row, CustomHeaders: [] }, stored, URL, secret)).toBe('without the current secret');
	});

	it('StatusCode 0 or 1 alone never makes a webhook disabled: the two versions of the Retrieve page read them oppositely', () => {
		for (const status of [0, 1, '0', '1']) expect(rowProblem({ ...row, StatusCode: status }, stored, URL, secret)).toBeUndefined();
	});

	it('a StatusCode other than the one the webhooks showed when registered is "disabled by hand" under either reading', () => {
		// newer reading: registered as 0, disabled by hand = 1
		expect(rowProblem({ ...row, StatusCode: 0 }, stored, URL, secret, 0)).toBeUndefined();
		expect(rowProblem({ ...row, StatusCode: 1 }, stored, URL, secret, 0)).toBe('disabled (StatusCode 1, 0 when registered)');
		// older reading: registered as 1, disabled = 0
		expect(rowProblem({ ...row, StatusCode: '1' }, stored, URL, secret, 1)).toBeUndefined();
		expect(rowProblem({ ...row, StatusCode: 0 }, stored, URL, secret, 1)).toBe('disabled (StatusCode 0, 1 when registered)');
	});

	it("the webhook's own enabled flag, where a row has one, decides before StatusCode", () => {
		expect(rowProblem({ ...row, IsEnabled: false }, stored, URL, secret)).toBe('disabled');
		expect(rowProblem({ ...row, StatusCode: 1, IsEnabled: 'true' }, stored, URL, secret, 0)).toBeUndefined();
		expect(rowProblem({ ...row, StatusCode: 0, isActive: 0 }, stored, URL, secret, 0)).toBe('disabled');
		expect(enabledFlag({ Enabled: '1' })).toBe(true);
		expect(enabledFlag({ StatusCode: 1, Status: 'Active' })).toBeUndefined();
	});
});

describe("enabledStatusOf: the StatusCode the node's new webhooks show (the account's \"enabled\")", () => {
	const rows = [
		{ WebhookId: 'A', StatusCode: 1 },
		{ WebhookId: 'b', StatusCode: '1' },
		{ WebhookId: 'c', StatusCode: 0 },
		{ WebhookId: 'd', StatusCode: 2 },
		{ WebhookId: 'e', StatusCode: 1, IsEnabled: false },
		{ WebhookId: 'f' },
	];

	it('is the StatusCode all of them share (ids in any casing)', () => {
		expect(enabledStatusOf(rows, ['a', 'B'])).toBe(1);
		expect(enabledStatusOf(rows, ['c'])).toBe(0);
	});

	it('is unknown when one is missing, they differ, they are in the failure state, one says it is off, or they have none', () => {
		expect(enabledStatusOf(rows, ['a', 'x'])).toBeUndefined();
		expect(enabledStatusOf(rows, ['a', 'c'])).toBeUndefined();
		expect(enabledStatusOf(rows, ['d'])).toBeUndefined();
		expect(enabledStatusOf(rows, ['a', 'e'])).toBeUndefined();
		expect(enabledStatusOf(rows, ['f'])).toBeUndefined();
	});
});

describe('registrationAdvice: what to do when LeadSquared refuses a webhook', () => {
	const business = (exceptionType: string, exceptionMessage: string) => ({ kind: 'business' as const, message: `LeadSquared refused the request: ${exceptionMessage}`, exceptionType, exceptionMessage });

	it('names the setting, the plan limit, or the administrator keys', () => {
		expect(registrationAdvice(business('MXInvalidDataTypeException', 'You have not passed ActivityEvent.'))).toContain('choose it under Activity Type');
		expect(registrationAdvice(business('MXInvalidInputException', 'You have reached the maximum number of webhooks (3) allowed for your plan'))).toContain('LeadSquared Polling Trigger');
		expect(registrationAdvice({ kind: 'auth', message: 'LeadSquared rejected the access key or secret key (HTTP 401)' })).toContain('administrator');
		expect(registrationAdvice(business('MXUnAuthorizedAccessException', 'You do not have permission to create webhooks'))).toContain('administrator');
		expect(registrationAdvice(business('MXInvalidInputException', 'Invalid URL'))).toBeUndefined();
	});
});
