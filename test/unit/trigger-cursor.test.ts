/** The polling cursor (trigger/cursor.ts) and the polling items (trigger/pollItems.ts): pure, no n8n, no HTTP. */
import {
	digest,
	initialState,
	LAG_SECONDS,
	leadSquaredSecond,
	nextWindow,
	OVERLAP_SECONDS,
	readPollState,
	secondsOf,
	selectRows,
} from '../../nodes/LeadSquared/trigger/cursor';
import type { PollRow, PollState } from '../../nodes/LeadSquared/trigger/cursor';
import { activityPollItem, leadPollItem, pollEvent, pollRowOf } from '../../nodes/LeadSquared/trigger/pollItems';

const T0 = Date.UTC(2026, 4, 1, 10, 0, 0); // activation
const s = (ms: number) => Math.floor(ms / 1000);
const row = (id: string, modified: number, created = modified - 3600, values = 'v1'): PollRow => ({ id, modified, created, digest: digest({ id, values }) });

/** One poll at `nowMs` over the rows LeadSquared would return for the window (modified within it, both ends inclusive). */
function poll(state: PollState, nowMs: number, account: PollRow[], mode: 'changes' | 'created' = 'changes') {
	const window = nextWindow(state, nowMs);
	const rows = account.filter((entry) => (entry.modified ?? 0) >= window.from && (entry.modified ?? 0) <= window.to);
	return { window, ...selectRows(state, rows, mode, window) };
}

describe('the polling cursor', () => {
	it('activation remembers its second; nothing before it is ever emitted, changes within it are', () => {
		const state = initialState(T0 + 400);
		expect(state).toEqual({ v: 1, cursor: s(T0), since: s(T0), seen: {} });
		const { fresh } = poll(state, T0 + 60_000, [row('old', s(T0) - 1), row('same second', s(T0)), row('new', s(T0) + 10)]);
		expect(fresh.map((entry) => entry.row.id)).toEqual(['same second', 'new']);
	});

	it('windows overlap the last one by OVERLAP_SECONDS (never before activation) and end at the last whole second', () => {
		const state: PollState = { v: 1, cursor: s(T0) + 600, since: s(T0), seen: {} };
		expect(nextWindow(state, T0 + 660_500)).toEqual({ from: s(T0) + 600 - OVERLAP_SECONDS, to: s(T0) + 660 - LAG_SECONDS });
		expect(nextWindow({ ...state, cursor: s(T0) + 10 }, T0 + 20_000).from).toBe(s(T0));
		// a clock that went back never moves the cursor back
		expect(nextWindow(state, T0)).toEqual({ from: s(T0) + 600 - OVERLAP_SECONDS, to: s(T0) + 600 });
	});

	it('each change is emitted once across polls, however the windows overlap', () => {
		let state = initialState(T0);
		const account = [row('a', s(T0) + 5), row('b', s(T0) + 30)];
		const first = poll(state, T0 + 40_000, account);
		expect(first.fresh.map((entry) => entry.row.id)).toEqual(['a', 'b']);
		state = first.state;
		const second = poll(state, T0 + 80_000, account);
		expect(second.window.from).toBeLessThanOrEqual(s(T0) + 5);
		expect(second.fresh).toEqual([]);
		// b changes again: its new version only
		account[1] = row('b', s(T0) + 85, undefined, 'v2');
		const third = poll(second.state, T0 + 100_000, account);
		expect(third.fresh.map((entry) => [entry.row.id, entry.row.modified])).toEqual([['b', s(T0) + 85]]);
	});

	it('no gap at a whole-second boundary: a write in the second the last poll ended is still caught', () => {
		const state = initialState(T0);
		const first = poll(state, T0 + 30_000, [row('a', s(T0) + 29)]);
		// LeadSquared timestamps this write with the poll's last second, and it becomes visible only after the poll
		const late = row('late', first.window.to);
		const second = poll(first.state, T0 + 60_000, [row('a', s(T0) + 29), late]);
		expect(second.fresh.map((entry) => entry.row.id)).toEqual(['late']);
	});

	it("two versions of one record in the same second both come (the values' digest tells them apart)", () => {
		const first = poll(initialState(T0), T0 + 30_000, [row('a', s(T0) + 20, undefined, 'v1')]);
		const second = poll(first.state, T0 + 60_000, [row('a', s(T0) + 20, undefined, 'v2')]);
		expect(second.fresh).toHaveLength(1);
	});

	it('"new" mode emits each created record once, not its later changes; records created before activation never', () => {
		let state = initialState(T0);
		const created = s(T0) + 10;
		const first = poll(state, T0 + 30_000, [row('n', created, created), row('pre', s(T0) + 20, s(T0) - 100)], 'created');
		expect(first.fresh.map((entry) => [entry.row.id, entry.isNew])).toEqual([['n', true]]);
		state = first.state;
		const second = poll(state, T0 + 50_000, [row('n', s(T0) + 45, created, 'v2')], 'created');
		expect(second.fresh).toEqual([]);
	});

	it('a record new to the trigger is flagged new; a later version is not', () => {
		const created = s(T0) + 10;
		const first = poll(initialState(T0), T0 + 30_000, [row('n', created, created)]);
		expect(first.fresh[0].isNew).toBe(true);
		const second = poll(first.state, T0 + 40_000, [row('n', s(T0) + 35, created, 'v2')]);
		expect(second.fresh.map((entry) => entry.isNew)).toEqual([false]);
	});

	it('remembers emitted records only for OVERLAP_SECONDS', () => {
		const first = poll(initialState(T0), T0 + 30_000, [row('a', s(T0) + 5)]);
		expect(Object.keys(first.state.seen)).toHaveLength(1);
		const later = poll(first.state, T0 + 30_000 + (OVERLAP_SECONDS + 10) * 1000, []);
		expect(later.state.seen).toEqual({});
	});

	it('reads only its own state format', () => {
		const state = initialState(T0);
		expect(readPollState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(readPollState({ ...state, seen: { a: 5, b: 'x' } })?.seen).toEqual({ a: 5 });
		for (const junk of [undefined, null, 'x', {}, { v: 2, cursor: 1, since: 1 }]) expect(readPollState(junk)).toBeUndefined();
	});

	it('dates: LeadSquared text ↔ epoch seconds, UTC', () => {
		expect(leadSquaredSecond(s(T0))).toBe('2026-05-01 10:00:00');
		expect(secondsOf('2026-05-01 10:00:00.000')).toBe(s(T0));
		expect(secondsOf('2026-05-01 10:00:00')).toBe(s(T0));
		expect(secondsOf('2026-05-01T12:00:00+02:00')).toBe(s(T0));
		expect(secondsOf('not a date')).toBeUndefined();
		expect(secondsOf('')).toBeUndefined();
	});

	it('the digest ignores key order and the keys it is told to', () => {
		expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
		expect(digest({ a: 1, Total: '5' }, ['total'])).toBe(digest({ a: 1, Total: '6' }, ['Total']));
		expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
	});
});

describe('polling items', () => {
	const lead = { ProspectID: 'l1', EmailAddress: 'a@example.com', Score: '3', CreatedOn: '2026-05-01 10:00:05.000', ModifiedOn: '2026-05-01 10:00:09.000' };

	it('leads: created or updated, dated, typed (system fields without metadata too)', () => {
		const options = { typed: true, now: '2026-05-01T11:00:00.000Z' };
		expect(leadPollItem(lead, true, options)).toEqual({
			event: 'lead.created',
			eventTime: '2026-05-01T10:00:05.000Z',
			leadId: 'l1',
			lead: { ...lead, Score: 3, CreatedOn: '2026-05-01T10:00:05.000Z', ModifiedOn: '2026-05-01T10:00:09.000Z' },
		});
		expect(leadPollItem(lead, false, { ...options, typed: false })).toEqual({ event: 'lead.updated', eventTime: '2026-05-01T10:00:09.000Z', leadId: 'l1', lead });
		expect(pollRowOf('lead', lead)).toEqual({ id: 'l1', modified: secondsOf(lead.ModifiedOn), created: secondsOf(lead.CreatedOn), digest: digest(lead) });
		expect(pollRowOf('lead', { EmailAddress: 'no id' })).toBeUndefined();
	});

	it('activities', () => {
		const activity = { ProspectActivityId: 'a1', RelatedProspectId: 'l1', ActivityEvent: '201', ActivityDateTime: '2026-05-01 09:00:00', CreatedOn: '2026-05-01 10:00:00', ModifiedOn: '2026-05-01 10:05:00' };
		expect(activityPollItem(activity, false, { typed: true, now: 'x' })).toEqual({
			event: 'activity.updated',
			eventTime: '2026-05-01T10:05:00.000Z',
			leadId: 'l1',
			activityId: 'a1',
			activityType: 201,
			activity: { ...activity, ActivityDateTime: '2026-05-01T09:00:00.000Z', CreatedOn: '2026-05-01T10:00:00.000Z', ModifiedOn: '2026-05-01T10:05:00.000Z' },
		});
		expect(pollRowOf('activity', activity)?.id).toBe('a1');
	});

	it('the events of the Event parameter', () => {
		expect(pollEvent('leadCreated')).toEqual({ source: 'lead', mode: 'created' });
		expect(pollEvent('activityCreatedOrUpdated')).toEqual({ source: 'activity', mode: 'changes' });
		expect(pollEvent('nope')).toBeUndefined();
	});
});
