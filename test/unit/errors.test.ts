import { classifyAnswer, classifyNetworkError } from '../../nodes/LeadSquared/machinery/answers';
import { isDuplicatePhone } from '../../nodes/LeadSquared/machinery/errors';
import { redact, redactFailure } from '../../nodes/LeadSquared/machinery/redact';

const context = { hostLabel: 'api-us11.leadsquared.com', endpoint: 'Lead.CreateOrUpdate' };
const envelope = (type: string, message: string) => JSON.stringify({ Status: 'Error', ExceptionType: type, ExceptionMessage: message });

describe('classifyAnswer', () => {
	it('returns the parsed body of a success', () => {
		expect(classifyAnswer(200, {}, '{"Status":"Success","Message":{"Id":"x"}}', context)).toEqual({
			ok: true,
			body: { Status: 'Success', Message: { Id: 'x' } },
		});
	});

	it.each([
		[429, envelope('MXAPIRateLimitExceededException', 'API calls exceeded the limit of 25 in 5 second(s)'), 25, 5000],
		[403, envelope('MXAPIRateLimitExceededException', 'API calls exceeded the limit of 10 in 5 second(s)'), 10, 5000],
		[200, envelope('MXAPIRateLimitExceededException', 'API calls exceeded the limit of 20 in 5 second(s)'), 20, 5000],
		[403, 'API calls exceeded the limit of 72 in 5 second(s)', 72, 5000],
		[429, '', undefined, undefined],
	])('recognises the rate-limit answer %i %s', (status, body, calls, windowMs) => {
		const result = classifyAnswer(status, { 'retry-after': '2' }, body, context);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.kind).toBe('rateLimit');
		expect(result.failure.limit).toEqual(calls === undefined ? undefined : { calls, windowMs });
		expect(result.failure.retryAfterMs).toBe(2000);
	});

	it('treats MX errors as business failures whatever the status, with type and message', () => {
		for (const status of [500, 200, 400]) {
			const result = classifyAnswer(status, {}, envelope('MXDuplicateEntryException', 'A Lead with same Phone Number already exists.'), context);
			expect(result).toEqual({
				ok: false,
				failure: expect.objectContaining({
					kind: 'business',
					httpCode: status,
					exceptionType: 'MXDuplicateEntryException',
					exceptionMessage: 'A Lead with same Phone Number already exists.',
					message: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
				}),
			});
			if (!result.ok) {
				expect(isDuplicatePhone(result.failure)).toBe(true);
				expect(result.failure.description).toMatch(/MXDuplicateEntryException/);
				expect(result.failure.description).toMatch(/On Duplicate Phone, Update That Lead/);
			}
		}
	});

	it.each([
		[500, 'MySqlException', 'There was an error processing the request'],
		[500, 'MySql.Data.MySqlClient.MySqlException', 'Fatal error encountered during command execution.'],
		[500, undefined, 'There was an error processing the request.'],
		[500, 'MXException', 'An error has occurred.'],
		[200, 'System.TimeoutException', 'The operation has timed out'],
	])("LeadSquared's envelope around a failure of its own (HTTP %i, %s) is transient, with its exception", (status, type, message) => {
		const body = JSON.stringify({ Status: 'Error', ...(type ? { ExceptionType: type } : {}), ExceptionMessage: message });
		const result = classifyAnswer(status, {}, body, { ...context, endpoint: 'Users.Get' });
		expect(result).toEqual({
			ok: false,
			failure: expect.objectContaining({ kind: 'transient', httpCode: status, exceptionType: type, exceptionMessage: message }),
		});
		if (!result.ok) expect(result.failure.message).toBe(`LeadSquared had an internal error (HTTP ${status}${type ? `, ${type}` : ''})`);
	});

	it.each([
		['MXInvalidInputException', 'There was an error processing the request: PageSize can not be more than 1000'],
		['MXDuplicateEntryException', 'Duplicate entry, try again later'],
		['MXUnknownAttributeException', 'Attribute(s) does not exist - mx_Timeout'],
		['MXInvalidEntityException', 'Lead does not exist in the system'],
	])('a known input exception stays a refusal whatever its message (%s)', (type, message) => {
		const result = classifyAnswer(500, {}, envelope(type, message), context);
		expect(result.ok || result.failure.kind).toBe('business');
	});

	it('explains 401 with keys and the region host', () => {
		const result = classifyAnswer(401, {}, envelope('MXUnAuthorizedAccessException', 'Invalid keys'), context);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.kind).toBe('auth');
		expect(result.failure.message).toBe('LeadSquared rejected the access key or secret key (HTTP 401) at api-us11.leadsquared.com');
		expect(result.failure.description).toMatch(/region/);
		expect(result.failure.description).toMatch(/MXUnAuthorizedAccessException/);
	});

	it.each([
		[500, '', 'transient', /HTTP 500, an empty body/],
		[502, '<html><body>Bad gateway</body></html>', 'transient', /HTTP 502, an HTML page/],
		[503, 'Service Unavailable', 'transient', /HTTP 503, a plain-text answer/],
		[502, '{"Status":"Err', 'transient', /HTTP 502, JSON that is cut off or malformed/],
		[504, '{"Status":"Succ', 'transient', /HTTP 504/],
		[404, 'Not found', 'notFound', /no API Lead.CreateOrUpdate at api-us11.leadsquared.com \(HTTP 404\)/],
		[400, 'Request body is not valid', 'badRequest', /could not read the request \(HTTP 400\): Request body is not valid/],
		[403, 'Forbidden', 'forbidden', /HTTP 403/],
		[200, '', 'unexpected', /an empty body instead of JSON/],
		[200, '<!DOCTYPE html><html></html>', 'unexpected', /an HTML page instead of JSON/],
		[200, '{"Status":"Success","Mess', 'unexpected', /answered Lead.CreateOrUpdate with JSON that is cut off or malformed \(HTTP 200\)$/],
		[302, '', 'redirect', /redirect \(HTTP 302\), which the node does not follow/],
		[307, '', 'redirect', /redirect \(HTTP 307\)/],
		[304, '', 'redirect', /HTTP 304/],
	])('HTTP %i %p → %s', (status, body, kind, message) => {
		const result = classifyAnswer(status, {}, body, context);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.kind).toBe(kind);
		expect(result.failure.message).toMatch(message);
	});
});

describe('classifyNetworkError', () => {
	it('marks a refused connection (and a temporary DNS failure) as never sent, a reset or a timeout not', () => {
		const context = { hostLabel: 'api.leadsquared.com', endpoint: 'Task.svc/Create' };
		expect(classifyNetworkError({ code: 'ECONNREFUSED' }, context, 1000).notSent).toBe(true);
		expect(classifyNetworkError({ code: 'EAI_AGAIN' }, context, 1000).notSent).toBe(true);
		expect(classifyNetworkError({ code: 'ECONNRESET' }, context, 1000).notSent).toBeUndefined();
		expect(classifyNetworkError({ code: 'ETIMEDOUT' }, context, 1000).notSent).toBeUndefined();
	});

	it.each([
		[{ code: 'ECONNRESET' }, 'transient', /connection was reset/],
		[{ cause: { code: 'ECONNRESET' }, message: 'x' }, 'transient', /connection was reset/],
		[{ code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' }, 'transient', /no answer within 1 s/],
		[{ code: 'ECONNREFUSED' }, 'transient', /refused/],
		[{ code: 'ENOTFOUND' }, 'unexpected', /does not exist/],
		[{ message: 'socket hang up' }, 'transient', /reset/],
	])('%p → %s', (error, kind, message) => {
		const failure = classifyNetworkError(error, context, 1000);
		expect(failure.kind).toBe(kind);
		expect(failure.message).toMatch(message);
		expect(failure.message).toMatch(/^Could not reach LeadSquared at api-us11.leadsquared.com: /);
	});
});

describe('redact', () => {
	it('removes secrets, raw, JSON-escaped and percent-encoded, in any letter case, from every text of a failure', () => {
		const secrets = ['u$r-access', 'secret-key', 'a+b/c=d'];
		expect(redact('key u$r-access and u%24r-access and secret-key', secrets)).toBe('key [redacted] and [redacted] and [redacted]');
		expect(redact('a%2Bb%2Fc%3Dd a%2bb%2fc%3dd a+b\\/c=d a+b/c=d A+B/C=D', secrets)).toBe('[redacted] [redacted] [redacted] [redacted] [redacted]');
		const failure = redactFailure(
			{ kind: 'business', message: 'm u$r-access', description: 'd secret-key', exceptionMessage: 'e secret-key' },
			secrets,
		);
		expect(JSON.stringify(failure)).not.toMatch(/u\$r-access|secret-key/);
	});
});
