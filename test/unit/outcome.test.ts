/**
 * The message of a write whose outcome is unknown (machinery/outcome.ts, contract C1), on its own: which
 * failures leave a write's outcome unknown, and the sentence each kind of write adds.
 */
import { classifyAnswer, classifyNetworkError } from '../../nodes/LeadSquared/machinery/answers';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { explainUnknownOutcome, keyOf, outcomeUnknown, unknownOutcomeSentence } from '../../nodes/LeadSquared/machinery/outcome';
import type { WriteChange } from '../../nodes/LeadSquared/machinery/outcome';

const context = { hostLabel: 'api.leadsquared.com', endpoint: 'CreateNote' };

function failureOf(status: number, body: string): Failure {
	const result = classifyAnswer(status, {}, body, context);
	if (result.ok) throw new Error('expected a failure');
	return result.failure;
}

describe('outcomeUnknown', () => {
	it.each([
		['a cut-off JSON answer (HTTP 200)', failureOf(200, '{"Status":"Succ')],
		['an HTML page with HTTP 200', failureOf(200, '<html><body>gateway</body></html>')],
		['an empty body with HTTP 200', failureOf(200, '')],
		['a 502 without a LeadSquared error', failureOf(502, '<html>Bad Gateway</html>')],
		["LeadSquared's own internal error (MySqlException, HTTP 500)", failureOf(500, JSON.stringify({ Status: 'Error', ExceptionType: 'MySqlException', ExceptionMessage: 'x' }))],
		['a timeout', classifyNetworkError({ code: 'ETIMEDOUT' }, context, 30000)],
		['a reset connection', classifyNetworkError({ code: 'ECONNRESET' }, context, 30000)],
		['a JSON answer of another shape (a write without an id)', { kind: 'unexpected', httpCode: 200, message: 'x' } as Failure],
	])('is true for %s', (_name, failure) => {
		expect(outcomeUnknown(failure)).toBe(true);
	});

	it.each([
		['a refusal (MX…Exception)', failureOf(500, JSON.stringify({ Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid' }))],
		['a 401', failureOf(401, '')],
		['a 404', failureOf(404, '')],
		['a 400', failureOf(400, 'bad')],
		['a rate limit', failureOf(429, '')],
		['a redirect', failureOf(302, '')],
		['a connection refused (never sent)', classifyNetworkError({ code: 'ECONNREFUSED' }, context, 30000)],
		['a DNS failure (never sent)', classifyNetworkError({ code: 'ENOTFOUND' }, context, 30000)],
		['a TLS failure (never sent)', classifyNetworkError({ code: 'CERT_HAS_EXPIRED' }, context, 30000)],
	])('is false for %s', (_name, failure) => {
		expect(outcomeUnknown(failure)).toBe(false);
	});
});

describe('unknownOutcomeSentence', () => {
	const base = { record: 'note', read: 'Note → Get Many', key: 'Lead ID "L1"' };

	it('a create: the record may already exist, and the read and key to check with', () => {
		expect(unknownOutcomeSentence({ ...base, change: 'create' })).toBe('The note may already exist: check with Note → Get Many (Lead ID "L1") before creating it again.');
	});

	it.each<[WriteChange, string]>([
		['update', 'The note update may already have been applied: check with Note → Get Many (Lead ID "L1") before updating it again.'],
		['delete', 'The note deletion may already have been applied: check with Note → Get Many (Lead ID "L1") before deleting it again.'],
		['cancel', 'The note cancellation may already have been applied: check with Note → Get Many (Lead ID "L1") before cancelling it again.'],
		['complete', 'The note completion may already have been applied: check with Note → Get Many (Lead ID "L1") before completing it again.'],
		['owner', 'The note owner change may already have been applied: check with Note → Get Many (Lead ID "L1") before changing it again.'],
		['stage', 'The note stage change may already have been applied: check with Note → Get Many (Lead ID "L1") before changing it again.'],
		['add', 'The addition of the note to the list may already have been applied: check with Note → Get Many (Lead ID "L1") before adding it again.'],
		['remove', 'The removal of the note from the list may already have been applied: check with Note → Get Many (Lead ID "L1") before removing it again.'],
		['send', 'The note may already have been sent, so it may already exist: check with Note → Get Many (Lead ID "L1") before sending it again.'],
	])('a change (%s): may already have been applied (a send: may already exist)', (change, sentence) => {
		expect(unknownOutcomeSentence({ ...base, change })).toBe(sentence);
	});

	it('a write LeadSquared recognises when repeated says that running it again is safe, and still how to look', () => {
		expect(
			unknownOutcomeSentence({
				record: 'lead',
				change: 'create',
				read: 'Lead → Get',
				key: 'By Email "a@example.com"',
				safeRepeat: 'repeating it updates the same lead (LeadSquared matches it by EmailAddress)',
			}),
		).toBe(
			'The lead may already exist, but running the item again is safe: repeating it updates the same lead (LeadSquared matches it by EmailAddress). To see it, check with Lead → Get (By Email "a@example.com").',
		);
	});

	it('without a description of the write: a general sentence', () => {
		expect(unknownOutcomeSentence()).toMatch(/^The record may already exist, or the change may already have been applied: check in LeadSquared/);
	});
});

describe('explainUnknownOutcome', () => {
	const check = { record: 'note', change: 'create' as const, read: 'Note → Get Many', key: 'Lead ID "L1"' };

	it('appends the sentence to the message of a failure marked unknown (the description is kept)', () => {
		const failure: Failure = { kind: 'unexpected', httpCode: 200, message: 'LeadSquared answered CreateNote with JSON that is cut off or malformed (HTTP 200)', description: 'd', unknownOutcome: true };
		expect(explainUnknownOutcome(failure, check)).toEqual({
			...failure,
			message:
				'LeadSquared answered CreateNote with JSON that is cut off or malformed (HTTP 200). The note may already exist: check with Note → Get Many (Lead ID "L1") before creating it again.',
		});
	});

	it('leaves any other failure as it is, and never adds the sentence twice', () => {
		const refused: Failure = { kind: 'business', message: 'LeadSquared refused the request: Invalid' };
		expect(explainUnknownOutcome(refused, check)).toBe(refused);
		const once = explainUnknownOutcome({ kind: 'transient', message: 'Could not reach LeadSquared: the connection was reset.', unknownOutcome: true }, check);
		expect(explainUnknownOutcome(once, check)).toBe(once);
		expect(once.message).toBe('Could not reach LeadSquared: the connection was reset. The note may already exist: check with Note → Get Many (Lead ID "L1") before creating it again.');
	});
});

describe('keyOf', () => {
	it('quotes the value after its label; a long value is cut; no value leaves the label', () => {
		expect(keyOf('Lead ID', '5d1c')).toBe('Lead ID "5d1c"');
		expect(keyOf('Lead ID', '  ')).toBe('Lead ID');
		expect(keyOf('name', 'x'.repeat(200))).toBe(`name "${'x'.repeat(79)}…"`);
	});
});
