import { parseCliArgs } from '../../sandbox/cli-args';

describe('sandbox: CLI arguments', () => {
	it('--answer-form sets the form of answers, repeatable; an unknown answer or form fails', () => {
		expect(parseCliArgs(['--answer-form', 'notes=Notes', '--answer-form=activityBulk=count']).options.answerForms).toEqual({ notes: 'Notes', activityBulk: 'count' });
		expect(() => parseCliArgs(['--answer-form', 'notes=Rows'])).toThrow(/unknown form 'Rows'/);
		expect(() => parseCliArgs(['--answer-form', 'notes'])).toThrow(/expects ANSWER=FORM/);
	});

	it('defaults to port 8080', () => {
		expect(parseCliArgs([])).toEqual({ options: { port: 8080 }, demo: false, help: false });
	});

	it('parses every option', () => {
		const args = parseCliArgs([
			'--port',
			'0',
			'--access-key',
			'u$rK',
			'--secret-key=S',
			'--rate',
			'10/5',
			'--bulk-rate',
			'1/5',
			'--rate-answer',
			'403',
			'--mx-status',
			'200',
			'--account-host',
			'api-in21.leadsquared.com',
			'--served-host',
			'api.leadsquared.com',
			'--latency',
			'50',
			'--demo',
		]);
		expect(args).toEqual({
			demo: true,
			help: false,
			options: {
				port: 0,
				accessKey: 'u$rK',
				secretKey: 'S',
				rateLimit: { calls: 10, windowMs: 5000, answer: 403 },
				bulkRateLimit: { calls: 1, windowMs: 5000, answer: 403 },
				mxErrorStatus: 200,
				accountHost: 'api-in21.leadsquared.com',
				servedHost: 'api.leadsquared.com',
				latencyMs: 50,
			},
		});
	});

	it('rejects bad values and unknown options', () => {
		expect(() => parseCliArgs(['--rate', '10'])).toThrow(/N\/S/);
		expect(() => parseCliArgs(['--mx-status', '404'])).toThrow(/500, 200/);
		expect(() => parseCliArgs(['--port'])).toThrow(/needs a value/);
		expect(() => parseCliArgs(['--bogus'])).toThrow(/unknown option/);
	});
});
