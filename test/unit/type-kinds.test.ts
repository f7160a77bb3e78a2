/**
 * Telling custom, system and opportunity types apart from what real answers carry (typeKinds.ts), reading
 * GetOpportunityTypes, and merging a lead's opportunities read type by type (opportunityRows.ts).
 */
import { parseActivityTypes } from '../../nodes/LeadSquared/model/activity/types';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { newestFirst, opportunityRow } from '../../nodes/LeadSquared/model/opportunity/rows';
import {
	classifyActivityTypes,
	kindOf,
	opportunityTypesAmong,
	parseOpportunityTypes,
	TYPE_CODE_OR_EMPTY,
	typeNames,
	unavailableReason,
} from '../../nodes/LeadSquared/model/activity/typeKinds';

const NONE = new Set<number>();

describe('activity type kinds', () => {
	it('EventType 2 is custom, any other EventType is system, whatever the code', () => {
		expect(kindOf({ code: 201, name: 'Form', eventType: 2 }, NONE)).toBe('custom');
		expect(kindOf({ code: 22, name: 'Outbound Phone Call Activity', eventType: 0 }, NONE)).toBe('system');
		expect(kindOf({ code: 205, name: 'A custom-range code marked system', eventType: 1 }, NONE)).toBe('system');
		expect(kindOf({ code: 97, name: 'Marked custom below 200', eventType: 2 }, NONE)).toBe('custom');
	});

	it("the account's opportunity types, and codes from 12000, are opportunity types even with EventType 2", () => {
		expect(kindOf({ code: 12000, name: 'Service', eventType: 2 }, NONE)).toBe('opportunity');
		expect(kindOf({ code: 450, name: 'An opportunity type below 12000', eventType: 2 }, new Set([450]))).toBe('opportunity');
	});

	it('without EventType: 200–2999 custom; below 200 and the 3xxx trail family system', () => {
		expect([21, 97, 199, 200, 250, 2999, 3001, 3011, 11999, 12000].map((code) => kindOf({ code, name: '' }, NONE))).toEqual([
			'system',
			'system',
			'system',
			'custom',
			'custom',
			'custom',
			'system',
			'system',
			'system',
			'opportunity',
		]);
	});

	it('classifies a live-shaped ActivityTypes.Get answer with the opportunity list', () => {
		const entries = parseActivityTypes([
			{ ActivityEvent: 203, ActivityEventName: 'WhatsApp Message', EventType: 2, EventDirection: 1 },
			{ ActivityEvent: 32, ActivityEventName: 'Duplicate Opportunity Detected', EventType: 0 },
			{ ActivityEvent: 12000, ActivityEventName: 'Service', EventType: 2 },
		]) ?? [];
		const kinds = classifyActivityTypes(entries, { types: [{ code: 12000, name: 'Service' }], source: 'api' }).map((type) => [type.code, type.kind]);
		expect(kinds).toEqual([
			[203, 'custom'],
			[32, 'system'],
			[12000, 'opportunity'],
		]);
		expect(opportunityTypesAmong(entries, 'HTTP 404')).toEqual({ types: [{ code: 12000, name: 'Service' }], source: 'activityTypes', unavailable: 'HTTP 404' });
	});
});

describe('GetOpportunityTypes', () => {
	it('reads the bare array (EventCode, DisplayName or Name), or one wrapped in List; skips entries without a code', () => {
		const live = [
			{ EventCode: 12000, Name: 'Service', CanDelete: false, ModifiedBy: 'Riya Goyal' },
			{ EventCode: '12001', Name: 'loan', DisplayName: 'Loan' },
			{ Name: 'No code' },
		];
		const expected = [
			{ code: 12000, name: 'Service' },
			{ code: 12001, name: 'Loan' },
		];
		expect(parseOpportunityTypes(live)).toEqual(expected);
		expect(parseOpportunityTypes({ List: live })).toEqual(expected);
		expect(parseOpportunityTypes([])).toEqual([]);
	});

	it('an answer saying opportunities are disabled means "unavailable"; any other shape is unreadable', () => {
		expect(parseOpportunityTypes({ OpportunityManagement: 'Disabled' })).toEqual({ unavailable: 'LeadSquared answered "Disabled"' });
		expect(parseOpportunityTypes({ Status: 'Success' })).toBeUndefined();
	});

	it('404, 403 and a "disabled" MX error are an account without the list; other failures are failures', () => {
		const failure = (extra: Partial<Failure>): Failure => ({ kind: 'business', message: 'x', ...extra });
		expect(unavailableReason(failure({ kind: 'notFound', httpCode: 404 }))).toMatch(/HTTP 404/);
		expect(unavailableReason(failure({ kind: 'forbidden', httpCode: 403 }))).toMatch(/HTTP 403/);
		expect(unavailableReason(failure({ exceptionType: 'MXOpportunityManagementDisabledException', exceptionMessage: 'Opportunity Management is disabled for this account.' }))).toBe(
			'LeadSquared answered "Opportunity Management is disabled for this account."',
		);
		expect(unavailableReason(failure({ exceptionType: 'MXInvalidInputException', exceptionMessage: 'Invalid input' }))).toBeUndefined();
		expect(unavailableReason(failure({ kind: 'transient', httpCode: 500 }))).toBeUndefined();
		expect(unavailableReason(failure({ kind: 'auth', httpCode: 401 }))).toBeUndefined();
	});

	it('names at most ten types in messages', () => {
		const types = Array.from({ length: 12 }, (_, index) => ({ code: 12000 + index, name: `T${index}` }));
		expect(typeNames(types.slice(0, 2))).toBe('T0 (12000), T1 (12001)');
		expect(typeNames(types)).toMatch(/T9 \(12009\), \.\.\.$/);
	});
});

describe('the By Code pattern', () => {
	it('takes a code or nothing, as n8n applies it (wrapped in ^…$)', () => {
		const test = (value: string) => new RegExp(`^${TYPE_CODE_OR_EMPTY}$`).test(value);
		expect(['', '  ', '201', ' 12000 '].map(test)).toEqual([true, true, true, true]);
		expect(['abc', '20 1', '-1', '2.5'].map(test)).toEqual([false, false, false, false]);
	});
});

describe("a lead's opportunities read type by type", () => {
	const row = (id: string, createdOn: unknown, extra: Record<string, unknown> = {}) => ({ OpportunityId: id, CreatedOn: createdOn, ...extra });

	it("a row without its type gets the code it was read for; a documented row keeps its own", () => {
		expect(opportunityRow(row('a', '2026-01-01 10:00:00'), 12001)).toEqual({ OpportunityId: 'a', CreatedOn: '2026-01-01 10:00:00', OpportunityEvent: '12001' });
		expect(opportunityRow(row('a', '', { OpportunityEvent: '12000' }), 12001).OpportunityEvent).toBe('12000');
		expect(opportunityRow(row('a', ''), undefined)).toEqual(row('a', ''));
	});

	it('merges the types newest first, each opportunity once, cut to the limit; unreadable dates last, in the order read', () => {
		const admissions = [row('a2', '2026-03-02 09:00:00'), row('a1', '2026-01-01 09:00:00')];
		const loans = [row('l3', '2026-03-05 09:00:00'), row('A2', '2026-03-02 09:00:00'), row('l1', 'not a date'), row('l0', null)];
		expect(newestFirst([admissions, loans], undefined).map((entry) => entry.OpportunityId)).toEqual(['l3', 'a2', 'a1', 'l1', 'l0']);
		expect(newestFirst([admissions, loans], 2).map((entry) => entry.OpportunityId)).toEqual(['l3', 'a2']);
		expect(newestFirst([], 5)).toEqual([]);
	});

	it('equal dates keep the order read (types in list order)', () => {
		const same = '2026-03-02 09:00:00';
		expect(newestFirst([[row('x', same)], [row('y', same)], [row('z', same)]], undefined).map((entry) => entry.OpportunityId)).toEqual(['x', 'y', 'z']);
	});
});
