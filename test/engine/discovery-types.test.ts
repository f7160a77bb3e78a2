/**
 * Activity Type → Get Many and Opportunity Type → Get Many through n8n's engine against the sandbox: the types
 * (ActivityTypes.Get classified with GetOpportunityTypes; GetOpportunityTypes or its fallback) with their
 * fields (GetActivitySetting / GetOpportunityTypeMetadata, one call per type listed, once per run), compact
 * and typed; the filters; a type whose fields LeadSquared will not give is listed with the reason; a call
 * that fails otherwise fails the item (Continue On Fail: an error item paired to it).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { parameters } from './pipeline-support';
import { calls, expectNoKeys, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

afterEach(() => sandbox.configure({ opportunityTypesApi: undefined, activityTypesIncludeOpportunities: undefined }));

const node = { typeVersion: 1.1 };
const SETTING = 'CustomActivity/GetActivitySetting';
const METADATA = 'GetOpportunityTypeMetadata';

async function run(resource: string, values: IDataObject = {}, items: IDataObject[] = [{}], options: IDataObject = {}, continueOnFail = false): Promise<RunResult> {
	return await runLeadSquared({ parameters: parameters(resource, 'getMany', values, options), items, credentials: sandboxCredentials(sandbox), node, continueOnFail });
}

const json = (result: RunResult) => result.items.map((item) => item.json);
const codes = (result: RunResult) => json(result).map((entry) => entry.code);
const OWNER = { schemaName: 'Owner', displayName: 'Owner', dataType: 'ActiveUsers', valueType: 'user' };

describe('Activity Type → Get Many', () => {
	it('by default the custom (postable) types, each with its fields, from ActivityTypes.Get, GetOpportunityTypes and one GetActivitySetting per type', async () => {
		const result = await run('activityType');

		expect(result.status).toBe('success');
		expect(codes(result)).toEqual([201, 202, 203]);
		expect(calls(sandbox, 'ActivityTypes.Get')).toHaveLength(1);
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(1);
		expect(calls(sandbox, SETTING).map((entry) => entry.query.code).sort()).toEqual(['201', '202', '203']);
		expect(json(result)[1]).toEqual({
			code: 202,
			name: 'Phone Call',
			kind: 'custom',
			direction: 'outbound',
			score: 3,
			fields: [
				{ schemaName: 'mx_Custom_1', displayName: 'Call Outcome', dataType: 'Dropdown', valueType: 'dropdown', mandatory: true, options: ['Connected', 'No Answer', 'Busy', 'Wrong Number'] },
				{ schemaName: 'mx_Custom_2', displayName: 'Duration (seconds)', dataType: 'Number', valueType: 'number' },
				{ schemaName: 'mx_Custom_3', displayName: 'Call Notes', dataType: 'String', valueType: 'text', maxLength: 2000 },
				{ schemaName: 'mx_Custom_4', displayName: 'Follow-up Needed', dataType: 'Boolean', valueType: 'boolean' },
				{ schemaName: 'mx_Custom_5', displayName: 'Call Back On', dataType: 'DateTime', valueType: 'dateTime' },
				OWNER,
			],
		});
		expect(json(result)[0]).toMatchObject({ code: 201, name: 'Form Submitted', kind: 'custom', direction: 'inbound', score: 5 });
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expectNoKeys(sandbox, result);
	});

	it('All Types: system and opportunity types too, with their kinds; fields are read for custom types only', async () => {
		const result = await run('activityType', { types: 'all' });
		const kinds = Object.fromEntries(json(result).map((entry) => [entry.code, entry.kind]));
		expect(kinds).toEqual({ 201: 'custom', 202: 'custom', 203: 'custom', 21: 'system', 22: 'system', 23: 'system', 97: 'system', 30: 'system', 32: 'system', 12000: 'opportunity', 12001: 'opportunity' });
		expect(json(result).find((entry) => entry.code === 22)).toEqual({ code: 22, name: 'Outbound Phone Call Activity', kind: 'system', direction: 'outbound', score: 0 });
		expect(json(result).filter((entry) => entry.kind !== 'custom').some((entry) => 'fields' in entry)).toBe(false);
		expect(calls(sandbox, SETTING)).toHaveLength(3);
	});

	it('Include Fields off: the list alone, two calls; Code or Name: a code or a text in the name', async () => {
		const bare = await run('activityType', { includeFields: false });
		expect(json(bare)).toEqual([
			{ code: 201, name: 'Form Submitted', kind: 'custom', direction: 'inbound', score: 5 },
			{ code: 202, name: 'Phone Call', kind: 'custom', direction: 'outbound', score: 3 },
			{ code: 203, name: 'Payment', kind: 'custom', direction: 'inbound', score: 10 },
		]);
		expect(calls(sandbox, SETTING)).toHaveLength(0);

		expect(codes(await run('activityType', { filters: { search: '203' } }))).toEqual([203]);
		expect(codes(await run('activityType', { filters: { search: 'CALL' } }))).toEqual([202]);
		expect(codes(await run('activityType', { types: 'all', includeFields: false, filters: { search: 'phone call' } }))).toEqual([202, 21, 22]);
		expect(await run('activityType', { filters: { search: 'no such type' } })).toMatchObject({ status: 'success', items: [] });
		// Only the types listed were described: 203 and 202 (each run reads anew).
		expect(calls(sandbox, SETTING).map((entry) => entry.query.code)).toEqual(['203', '202']);
	});

	it('several items: the list and each type read once per run; each item its own types, paired to it', async () => {
		const result = await run('activityType', { filters: { search: '={{ $json.type }}' } }, [{ type: 'payment' }, { type: 'form' }, { type: '203' }]);
		expect(result.items.map((item) => [item.json.code, item.pairedItem])).toEqual([
			[203, { item: 0 }],
			[201, { item: 1 }],
			[203, { item: 2 }],
		]);
		expect(result.items[2].json).toEqual(result.items[0].json);
		expect(calls(sandbox, 'ActivityTypes.Get')).toHaveLength(1);
		expect(calls(sandbox, SETTING)).toHaveLength(2);
	});

	it('a type LeadSquared will not describe is listed with the reason; the others keep their fields', async () => {
		sandbox.injectFault({
			endpoint: SETTING,
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXInvalidActivityException', ExceptionMessage: 'Activity settings are not available' },
		});
		// One setting read at a time: the first (201) meets the refusal.
		const result = await run('activityType', {}, [{}], { concurrency: 1 });
		expect(result.status).toBe('success');
		expect(json(result)[0]).toEqual({
			code: 201,
			name: 'Form Submitted',
			kind: 'custom',
			direction: 'inbound',
			score: 5,
			fieldsUnavailable: 'GetActivitySetting: LeadSquared MXInvalidActivityException: Activity settings are not available (HTTP 500)',
		});
		expect(json(result).slice(1).every((entry) => Array.isArray(entry.fields))).toBe(true);
	});

	it('a setting read that fails otherwise fails the item (a retry may pass); with Continue On Fail an error item paired to it', async () => {
		sandbox.injectFault({ endpoint: SETTING, type: 'html', status: 502, count: Infinity });
		const failed = await run('activityType', {}, [{}], { maxRetries: 0 });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/HTTP 502/);

		const kept = await run('activityType', { filters: { search: '={{ $json.type }}' } }, [{ type: '201' }, { type: 'payment' }], { maxRetries: 0 }, true);
		expect(kept.items.map((item) => ['error' in item.json && !('code' in item.json), item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }],
		]);
		sandbox.clearFaults();
		const list = await run('activityType', { includeFields: false, types: '={{ $json.types }}' }, [{ types: 'some' }, { types: 'custom' }], {}, true);
		expect(list.items[0]).toMatchObject({ json: { error: 'Types is "some"; it must be "custom" or "all" [item 0]' }, pairedItem: { item: 0 } });
		expect(codes({ ...list, items: list.items.slice(1) })).toEqual([201, 202, 203]);
	});
});

describe('Opportunity Type → Get Many', () => {
	it("the account's opportunity types (GetOpportunityTypes), each with its fields (one GetOpportunityTypeMetadata per type)", async () => {
		const result = await run('opportunityType');

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'GetOpportunityTypes')).toHaveLength(1);
		expect(calls(sandbox, METADATA)).toHaveLength(2);
		expect(json(result)).toEqual([
			{
				code: 12000,
				name: 'Admission',
				fields: [
					{ schemaName: 'Status', displayName: 'Status', dataType: 'Dropdown', valueType: 'dropdown', mandatory: true, options: ['Open', 'Won', 'Lost'] },
					OWNER,
					{ schemaName: 'mx_Custom_1', displayName: 'Opportunity Name', dataType: 'String', valueType: 'text', mandatory: true, maxLength: 200 },
					{ schemaName: 'mx_Custom_2', displayName: 'Course', dataType: 'Dropdown', valueType: 'dropdown', options: ['Engineering', 'Medicine', 'Law', 'Business Administration'] },
					{ schemaName: 'mx_Custom_3', displayName: 'Expected Fee', dataType: 'Number', valueType: 'number' },
					{ schemaName: 'mx_Custom_4', displayName: 'Expected Close Date', dataType: 'Date', valueType: 'date' },
				],
			},
			expect.objectContaining({ code: 12001, name: 'Loan' }),
		]);
		expectNoKeys(sandbox, result);
	});

	it('Include Fields off: one call; Code or Name filters', async () => {
		expect(json(await run('opportunityType', { includeFields: false }))).toEqual([
			{ code: 12000, name: 'Admission' },
			{ code: 12001, name: 'Loan' },
		]);
		expect(calls(sandbox, METADATA)).toHaveLength(0);
		expect(codes(await run('opportunityType', { filters: { search: 'loan' } }))).toEqual([12001]);
		expect(codes(await run('opportunityType', { filters: { search: '12000' } }))).toEqual([12000]);
		expect(calls(sandbox, METADATA).map((entry) => entry.query.code)).toEqual(['12001', '12000']);
	});

	it.each([['notFound'], ['disabled']] as const)(
		'GetOpportunityTypes unavailable (%s): the types ActivityTypes.Get lists from 12000, each item naming the fallback',
		async (form) => {
			sandbox.configure({ opportunityTypesApi: form });
			const result = await run('opportunityType', { includeFields: false });
			expect(result.status).toBe('success');
			expect(codes(result)).toEqual([12000, 12001]);
			const reason = form === 'notFound' ? 'GetOpportunityTypes answered HTTP 404, as on accounts without opportunities' : 'LeadSquared answered "Opportunity Management is disabled for this account."';
			expect(json(result)[0]).toEqual({
				code: 12000,
				name: 'Admission',
				fallback: `GetOpportunityTypes is unavailable on this account (${reason}): these are the types ActivityTypes.Get lists with codes from 12000 on, which may miss a type`,
			});
			expect(calls(sandbox, 'ActivityTypes.Get')).toHaveLength(1);
		},
	);

	it('an account without opportunities (GetOpportunityTypes 404, none among the activity types) gives no item', async () => {
		sandbox.configure({ opportunityTypesApi: 'notFound', activityTypesIncludeOpportunities: false });
		const result = await run('opportunityType');
		expect(result).toMatchObject({ status: 'success', items: [] });
		expect(calls(sandbox, METADATA)).toHaveLength(0);
	});

	it('GetOpportunityTypes failing otherwise fails the item with the cause; Continue On Fail pairs the error item', async () => {
		sandbox.injectFault({ endpoint: 'GetOpportunityTypes', type: 'internalError', count: Infinity });
		const result = await run('opportunityType', {}, [{}, {}], { maxRetries: 0 }, true);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(result.items[0].json.error)).toMatch(/MySqlException|error processing/i);
	});
});
