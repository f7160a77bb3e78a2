import { startSandbox, type Sandbox } from '../../sandbox';
import { call, P, sleep } from './client';

describe('sandbox: rate limits', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => {
		sb.configure({ rateLimit: undefined });
		sb.reset();
	});

	it('defaults to 25 calls per 5 seconds', async () => {
		const results = await Promise.all(Array.from({ length: 26 }, () => call(sb, P.metadata, { query: { excludeOptionSets: '1' } })));
		expect(results.filter((r) => r.status === 200)).toHaveLength(25);
		const limited = results.filter((r) => r.status === 429);
		expect(limited).toHaveLength(1);
		expect(limited[0].json.ExceptionMessage).toBe('API calls exceeded the limit of 25 in 5 second(s)');
	});

	it.each([429, 403, 200] as const)('answers the envelope with HTTP %i and recovers after the window', async (answer) => {
		sb.configure({ rateLimit: { calls: 2, windowMs: 300, answer } });
		expect((await call(sb, P.metadata)).status).toBe(200);
		expect((await call(sb, P.metadata)).status).toBe(200);
		const limited = await call(sb, P.metadata);
		expect(limited.status).toBe(answer);
		expect(limited.json).toEqual({
			Status: 'Error',
			ExceptionType: 'MXAPIRateLimitExceededException',
			ExceptionMessage: 'API calls exceeded the limit of 2 in 1 second(s)',
		});
		expect(sb.log[2].rateLimited).toBe(true);
		await sleep(350);
		expect((await call(sb, P.metadata)).status).toBe(200);
	});

	it('rejected calls do not fill the window unless countRejected', async () => {
		sb.configure({ rateLimit: { calls: 1, windowMs: 300 } });
		expect((await call(sb, P.metadata)).status).toBe(200);
		await sleep(200);
		expect((await call(sb, P.metadata)).status).toBe(429);
		await sleep(150);
		expect((await call(sb, P.metadata)).status).toBe(200);

		sb.reset();
		sb.configure({ rateLimit: { calls: 1, windowMs: 300, countRejected: true } });
		expect((await call(sb, P.metadata)).status).toBe(200);
		await sleep(200);
		expect((await call(sb, P.metadata)).status).toBe(429);
		await sleep(150);
		expect((await call(sb, P.metadata)).status).toBe(429);
	});

	it('a rate-limited write is not applied', async () => {
		sb.configure({ rateLimit: { calls: 1, windowMs: 60_000 } });
		await call(sb, P.metadata);
		const res = await call(sb, P.upsert, { body: [{ Attribute: 'LastName', Value: 'X' }] });
		expect(res.status).toBe(429);
		expect(sb.leads()).toHaveLength(0);
	});

	it('calls: 0 means unlimited; reset() clears the buckets', async () => {
		sb.configure({ rateLimit: { calls: 0, windowMs: 1000 } });
		const results = await Promise.all(Array.from({ length: 40 }, () => call(sb, P.user)));
		expect(results.every((r) => r.status === 200)).toBe(true);
		sb.configure({ rateLimit: { calls: 1, windowMs: 60_000 } });
		expect((await call(sb, P.user)).status).toBe(200);
		expect((await call(sb, P.user)).status).toBe(429);
		sb.reset();
		expect((await call(sb, P.user)).status).toBe(200);
	});

	it('unauthenticated calls are not counted', async () => {
		sb.configure({ rateLimit: { calls: 1, windowMs: 60_000 } });
		expect((await call(sb, P.metadata, { auth: 'none' })).status).toBe(401);
		expect((await call(sb, P.metadata)).status).toBe(200);
	});
});
