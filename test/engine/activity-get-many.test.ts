/**
 * Activity → Get Many through n8n's engine against the sandbox: a lead's activities (one item each,
 * paired to the input item), one type or all, Return All and Limit, paging that never repeats or skips
 * an activity under both readings of Paging.Offset (rows to skip, or a page number) and with a page-size
 * limit, as few calls as the limit allows, Typed Values, and LeadSquared's refusals as item errors.
 */
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { ENDPOINTS, expectNoKeys, getManyParameters, leadWithActivities, locator, newLead, seedActivity } from './activity-support';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await openSandbox();
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => {
	sandbox.configure({ activityRetrieveOffset: undefined, leadActivitiesOrder: undefined, activityMaxPageSize: undefined });
	sandbox.reset();
});

const node = { typeVersion: 1.1 };

/** The paging of each Retrieve call, as sent. */
function paging(): Array<{ Offset: number; RowCount: number }> {
	return calls(sandbox, ENDPOINTS.retrieve).map((entry) => (entry.body as { Paging: { Offset: number; RowCount: number } }).Paging);
}

describe('Activity → Get Many', () => {
	it('returns the lead\'s activities, newest first, one item each paired to its lead\'s item, with typed values', async () => {
		const first = await newLead(sandbox, 'first@example.com');
		const second = await newLead(sandbox, 'second@example.com');
		const call = await seedActivity(sandbox, first, '2026-02-01 09:30:00', {
			ActivityEvent: 202,
			ActivityNote: 'Called back',
			Fields: [
				{ SchemaName: 'mx_Custom_1', Value: 'Connected' },
				{ SchemaName: 'mx_Custom_2', Value: '75' },
				{ SchemaName: 'mx_Custom_4', Value: 'true' },
				{ SchemaName: 'mx_Custom_5', Value: '2026-02-03 10:00:00' },
			],
		});
		const form = await seedActivity(sandbox, first, '2026-01-15 08:00:00');
		const payment = await seedActivity(sandbox, second, '2026-01-20 12:00:00', {
			ActivityEvent: 203,
			ActivityNote: '',
			Fields: [
				{ SchemaName: 'mx_Custom_1', Value: '1499.50' },
				{ SchemaName: 'mx_Custom_3', Value: '2026-01-20' },
			],
		});
		sandbox.reset({ keepLeads: true });

		const result = await runLeadSquared({
			parameters: getManyParameters(),
			items: [{ leadId: first }, { leadId: second }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items.map((item) => [item.json.Id, item.pairedItem])).toEqual([
			[call, { item: 0 }],
			[form, { item: 0 }],
			[payment, { item: 1 }],
		]);
		expect(result.items[0].json).toEqual({
			Id: call,
			EventCode: 202,
			EventName: 'Phone Call',
			ActivityScore: 3,
			CreatedOn: '2026-02-01T09:30:00.000Z',
			ActivityType: 2,
			IsEmailType: false,
			Type: 'Outbound',
			SessionId: call,
			TrackLocation: 0,
			Latitude: null,
			Longitude: null,
			ModifiedOn: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
			Data: {
				ActivityEvent_Note: 'Called back',
				Owner: expect.any(String),
				mx_Custom_1: 'Connected',
				mx_Custom_2: 75,
				mx_Custom_4: true,
				mx_Custom_5: '2026-02-03T10:00:00.000Z',
			},
		});
		expect(result.items[2].json.Data).toMatchObject({ mx_Custom_1: 1499.5, mx_Custom_3: '2026-01-20' });
		// One call per lead, and each type's fields once per run (for the typed values).
		expect(calls(sandbox, ENDPOINTS.retrieve)).toHaveLength(2);
		expect(calls(sandbox, ENDPOINTS.setting).map((entry) => entry.query.code).sort()).toEqual(['201', '202', '203']);
		expectNoKeys(sandbox, result);
	});

	it('keeps LeadSquared\'s text values with Typed Values off (and by default on node version 1)', async () => {
		const leadId = await newLead(sandbox, 'text@example.com');
		await seedActivity(sandbox, leadId, '2026-02-01 09:30:00', { ActivityEvent: 203, Fields: [{ SchemaName: 'mx_Custom_1', Value: '10' }] });
		const off = await runLeadSquared({
			parameters: getManyParameters({}, { typedValues: false }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		const v1 = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node: { typeVersion: 1 } });

		for (const result of [off, v1]) {
			expect(result.items[0].json).toMatchObject({ CreatedOn: '2026-02-01 09:30:00', Data: { mx_Custom_1: '10' } });
		}
		expect(calls(sandbox, ENDPOINTS.setting)).toHaveLength(0);
	});

	it('gets one type only, chosen from the list or by code', async () => {
		const leadId = await newLead(sandbox, 'filter@example.com');
		const form = await seedActivity(sandbox, leadId, '2026-01-01 10:00:00');
		const payment = await seedActivity(sandbox, leadId, '2026-01-02 10:00:00', { ActivityEvent: 203, Fields: [{ SchemaName: 'mx_Custom_1', Value: '5' }] });
		sandbox.reset({ keepLeads: true });

		const fromList = await runLeadSquared({ parameters: getManyParameters({ activityType: locator('203') }), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });
		const byCode = await runLeadSquared({ parameters: getManyParameters({ activityType: locator(' 201 ', 'code') }), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });

		expect(fromList.items.map((item) => item.json.Id)).toEqual([payment]);
		expect(byCode.items.map((item) => item.json.Id)).toEqual([form]);
		expect(calls(sandbox, ENDPOINTS.retrieve).map((entry) => entry.body)).toEqual([
			{ Parameter: { ActivityEvent: 203 }, Paging: { Offset: 0, RowCount: 1000 } },
			{ Parameter: { ActivityEvent: 201 }, Paging: { Offset: 0, RowCount: 1000 } },
		]);
	});

	it('returns nothing for a lead without activities', async () => {
		const leadId = await newLead(sandbox, 'none@example.com');
		const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });

		expect(result.status).toBe('success');
		expect(result.items).toEqual([]);
	});

	it('fails the item with LeadSquared\'s words when it refuses the type, and goes on with the others', async () => {
		const leadId = await newLead(sandbox, 'refuse@example.com');
		await seedActivity(sandbox, leadId, '2026-01-01 10:00:00');
		const result = await runLeadSquared({
			parameters: getManyParameters({ activityType: locator('={{ $json.code }}', 'code') }),
			items: [{ leadId, code: 999 }, { leadId, code: 201 }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(result.items[0].json).toEqual({
			error: 'LeadSquared refused the request: Event Code is invalid or empty',
			details: expect.objectContaining({ exceptionType: 'MXInvalidActivityException', itemIndex: 0 }),
		});
		expect(result.items[1]).toMatchObject({ json: { EventCode: 201 }, pairedItem: { item: 1 } });
	});
});

describe('Activity → Get Many paging', () => {
	it('Limit asks for exactly that many in one call', async () => {
		const { leadId, ids } = await leadWithActivities(sandbox, 'limit@example.com', 10);
		sandbox.reset({ keepLeads: true });
		const result = await runLeadSquared({
			parameters: getManyParameters({ returnAll: false, limit: 3 }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.items.map((item) => item.json.Id)).toEqual(ids.slice(-3).reverse());
		expect(paging()).toEqual([{ Offset: 0, RowCount: 3 }]);
	});

	it.each(['rows', 'pages'] as const)(
		'Return All pages through every activity once when Offset counts %s, following LeadSquared\'s page-size limit',
		async (meaning) => {
			const { leadId, ids } = await leadWithActivities(sandbox, `all-${meaning}@example.com`, 12);
			sandbox.configure({ activityRetrieveOffset: meaning, activityMaxPageSize: 5 });
			sandbox.reset({ keepLeads: true });
			const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });

			expect(result.status).toBe('success');
			expect(result.items.map((item) => item.json.Id)).toEqual([...ids].reverse());
			expect(calls(sandbox, ENDPOINTS.retrieve)[0].status).toBe(500); // "PageSize can not be more than 5"
			expect(paging()).toEqual(
				meaning === 'rows'
					? [
							{ Offset: 0, RowCount: 1000 },
							{ Offset: 0, RowCount: 5 },
							{ Offset: 4, RowCount: 5 },
							{ Offset: 9, RowCount: 5 },
						]
					: [
							{ Offset: 0, RowCount: 1000 },
							{ Offset: 0, RowCount: 5 },
							{ Offset: 4, RowCount: 5 },
							{ Offset: 1, RowCount: 5 },
							{ Offset: 2, RowCount: 5 },
							{ Offset: 3, RowCount: 5 },
						],
			);
		},
	);

	it.each(['rows', 'pages'] as const)('a Limit across pages stops at the limit (Offset counts %s), oldest-first order kept', async (meaning) => {
		const { leadId, ids } = await leadWithActivities(sandbox, `across-${meaning}@example.com`, 9);
		sandbox.configure({ activityRetrieveOffset: meaning, activityMaxPageSize: 4, leadActivitiesOrder: 'oldestFirst' });
		sandbox.reset({ keepLeads: true });
		const result = await runLeadSquared({
			parameters: getManyParameters({ returnAll: false, limit: 7 }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.items.map((item) => item.json.Id)).toEqual(ids.slice(0, 7));
		expect(paging().slice(1)).toEqual(
			meaning === 'rows'
				? [
						{ Offset: 0, RowCount: 4 },
						{ Offset: 3, RowCount: 4 },
					]
				: [
						{ Offset: 0, RowCount: 4 },
						{ Offset: 3, RowCount: 4 },
						{ Offset: 1, RowCount: 4 },
						{ Offset: 2, RowCount: 4 },
					],
		);
	});

	it('a last page exactly full costs no extra call when RecordCount gives the total', async () => {
		// Page 1 holds 4, the second call (from the 4th, to check the offsets) the other 3 and the 4th again: full.
		const { leadId, ids } = await leadWithActivities(sandbox, 'exact@example.com', 7);
		sandbox.configure({ activityMaxPageSize: 4 });
		sandbox.reset({ keepLeads: true });
		const result = await runLeadSquared({ parameters: getManyParameters(), items: [{ leadId }], credentials: sandboxCredentials(sandbox), node });

		expect(result.items).toHaveLength(ids.length);
		expect(paging().slice(1)).toEqual([
			{ Offset: 0, RowCount: 4 },
			{ Offset: 3, RowCount: 4 },
		]);
	});
});
