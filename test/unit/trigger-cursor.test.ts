/** The polling cursor (trigger/cursor.ts) and the polling items (trigger/pollItems.ts): pure, no n8n, no HTTP. */
import { digest, initialState, leadSquaredSecond, OVERLAP_SECONDS, PollSelection, readPollState, secondsOf } from '../../nodes/LeadSquared/trigger/cursor';
import type { PollMode, PollRow, PollState, ReadOutcome } from '../../nodes/LeadSquared/trigger/cursor';
import { activityPollItem, leadPollItem, pollEvent, pollRowOf } from '../../nodes/LeadSquared/trigger/pollItems';

const T0 = Date.UTC(2026, 4, 1, 10, 0, 0); // activation
const t0 = Math.floor(T0 / 1000);
const row = (id: string, modified: number, created = modified - 3600, values = 'v1'): PollRow => ({ id, modified, created, digest: digest({ id, values }) });

/** One poll over `rows` (what its read handed over), ending as `outcome` says. */
function poll(state: PollState, rows: PollRow[], outcome: ReadOutcome, mode: PollMode = 'changes') {
	const selection = new PollSelection(state, mode);
	selection.take(rows);
	return { fresh: selection.fresh.map((entry) => [entry.row.id, entry.isNew] as const), state: selection.finish(outcome) };
}
/** A read that came to the present, its last request sent at `second`. */
const complete = (second: number): ReadOutcome => ({ complete: true, anchor: second, nearNow: second });

describe('the polling cursor', () => {
	it('activation remembers its second: the first read starts there, and nothing was emitted yet', () => {
		expect(initialState(T0 + 400)).toEqual({ v: 2, since: t0, cursor: t0, createdFrom: t0, seen: {}, ids: {} });
	});

	it('each version of a record is emitted once across polls, however often it is read again', () => {
		let state = initialState(T0);
		const first = poll(state, [row('a', t0 + 5), row('b', t0 + 30)], complete(t0 + 40));
		expect(first.fresh).toEqual([
			['a', false],
			['b', false],
		]);
		state = first.state;
		// the next poll starts OVERLAP_SECONDS before the last request (here: not before this poll's start), and reads both again
		expect(state.cursor).toBe(t0);
		const second = poll(state, [row('a', t0 + 5), row('b', t0 + 30)], complete(t0 + 80));
		expect(second.fresh).toEqual([]);
		// b changes again: its new version only
		const third = poll(second.state, [row('b', t0 + 30), row('b', t0 + 85, undefined, 'v2')], complete(t0 + 100));
		expect(third.fresh).toEqual([['b', false]]);
	});

	it("two versions of one record in the same second both come (the values' digest tells them apart)", () => {
		const first = poll(initialState(T0), [row('a', t0 + 20, undefined, 'v1')], complete(t0 + 30));
		const second = poll(first.state, [row('a', t0 + 20, undefined, 'v2')], complete(t0 + 60));
		expect(second.fresh).toHaveLength(1);
	});

	it('changes before the activation are never emitted', () => {
		expect(poll(initialState(T0), [row('old', t0 - 1), row('same second', t0)], complete(t0 + 60)).fresh).toEqual([['same second', false]]);
	});

	it('a record is new the first time the trigger meets it, if it was created since the activation, whatever happened to it since', () => {
		const created = t0 + 10;
		// created at +10, edited at +500 before any poll read it: still new
		const first = poll(initialState(T0), [row('n', t0 + 500, created, 'edited'), row('pre', t0 + 20, t0 - 100)], complete(t0 + 600));
		expect(first.fresh).toEqual([
			['n', true],
			['pre', false],
		]);
		// its next version is an update, also when the poll reads it again within the overlap
		const second = poll(first.state, [row('n', t0 + 590, created, 'v3')], complete(t0 + 620));
		expect(second.fresh).toEqual([['n', false]]);
	});

	it('"New …" mode emits each created record once, not its later changes; records created before the activation never', () => {
		const created = t0 + 10;
		const first = poll(initialState(T0), [row('n', created, created), row('pre', t0 + 20, t0 - 100)], complete(t0 + 30), 'created');
		expect(first.fresh).toEqual([['n', true]]);
		const second = poll(first.state, [row('n', t0 + 45, created, 'v2')], complete(t0 + 50), 'created');
		expect(second.fresh).toEqual([]);
	});

	it('after a complete read, the next poll starts OVERLAP_SECONDS before the read came near the present; what is older is forgotten', () => {
		const first = poll(initialState(T0), [row('a', t0 + 5, t0 + 5)], complete(t0 + 30));
		expect(first.state).toMatchObject({ cursor: t0, createdFrom: t0 });
		const later = poll(first.state, [], complete(t0 + 30 + OVERLAP_SECONDS + 10));
		expect(later.state).toEqual({ v: 2, since: t0, cursor: t0 + 40, createdFrom: t0 + 40, seen: {}, ids: {} });
		// the start comes from the first request that came near the present, not the last
		expect(poll(first.state, [], { complete: true, anchor: t0 + 900, nearNow: t0 + 700 }).state.cursor).toBe(t0 + 700 - OVERLAP_SECONDS);
	});

	it('after a capped read, the next poll starts where it stopped, and records created since the last complete read stay remembered', () => {
		const state: PollState = { ...initialState(T0 - 3600_000), cursor: t0 - 3600, createdFrom: t0 - 3600 };
		const first = poll(state, [row('x', t0 - 3000, t0 - 3500), row('y', t0 - 2900, t0 - 3590)], { complete: false, anchor: t0 - 2000 });
		expect(first.state).toMatchObject({ cursor: t0 - 2000, createdFrom: t0 - 3600, ids: { x: t0 - 3500, y: t0 - 3590 } });
		// y, emitted in the capped poll, changed again; z was created within the backlog, and changed before it was read
		const second = poll(first.state, [row('y', t0 - 100, t0 - 3590, 'v2'), row('z', t0 - 90, t0 - 3000)], complete(t0));
		expect(second.fresh).toEqual([
			['y', false],
			['z', true],
		]);
		expect(second.state).toMatchObject({ cursor: t0 - OVERLAP_SECONDS, createdFrom: t0 - OVERLAP_SECONDS, ids: {} });
	});

	it('a capped read that came near the present keeps the overlap; no state ever moves back', () => {
		const state = initialState(T0);
		expect(poll(state, [], { complete: false, anchor: t0 + 590, nearNow: t0 + 600 }).state.cursor).toBe(t0 + 600 - OVERLAP_SECONDS);
		const ahead: PollState = { ...state, cursor: t0 + 500, createdFrom: t0 + 500 };
		// a clock that went back
		expect(poll(ahead, [], complete(t0 + 100)).state).toMatchObject({ cursor: t0 + 500, createdFrom: t0 + 500 });
	});

	it('reads its own state format, and carries a version-1 state over without emitting anything twice or losing anything', () => {
		const state = initialState(T0);
		expect(readPollState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(readPollState({ ...state, seen: { a: 5, b: 'x' } })?.seen).toEqual({ a: 5 });
		for (const junk of [undefined, null, 'x', {}, { v: 3, cursor: 1, since: 1 }, { v: 2, cursor: '1', since: 1 }]) expect(readPollState(junk)).toBeUndefined();

		// version 1 read [cursor - OVERLAP_SECONDS, now - 1] next, and took records created before that start as not new
		const v1 = { v: 1, cursor: t0 + 600, since: t0, seen: { [`a@${t0 + 590}@${row('a', t0 + 590).digest}`]: t0 + 590, 'n@new': t0 + 570 } };
		const carried = readPollState(v1) as PollState;
		expect(carried).toEqual({
			v: 2,
			since: t0,
			cursor: t0 + 600 - OVERLAP_SECONDS,
			createdFrom: t0 + 600 - OVERLAP_SECONDS,
			seen: { [`a@${t0 + 590}@${row('a', t0 + 590).digest}`]: t0 + 590 },
			ids: { a: t0 + 590, n: t0 + 570 },
		});
		const next = poll(carried, [row('a', t0 + 590), row('n', t0 + 595, t0 + 570), row('b', t0 + 599, t0 + 598)], complete(t0 + 660));
		expect(next.fresh).toEqual([
			['n', false],
			['b', true],
		]);
	});

	it('dates: LeadSquared text ↔ epoch seconds, UTC', () => {
		expect(leadSquaredSecond(t0)).toBe('2026-05-01 10:00:00');
		expect(secondsOf('2026-05-01 10:00:00.000')).toBe(t0);
		expect(secondsOf('2026-05-01 10:00:00')).toBe(t0);
		expect(secondsOf('2026-05-01T12:00:00+02:00')).toBe(t0);
		expect(secondsOf('not a date')).toBeUndefined();
		expect(secondsOf('')).toBeUndefined();
	});

	it('the digest ignores key order and the keys it is told to, and is the one version 1 stored', () => {
		expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
		expect(digest({ a: 1, Total: '5' }, ['total'])).toBe(digest({ a: 1, Total: '6' }, ['Total']));
		expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
		expect(digest({ ProspectID: 'l1', Score: '3' })).toBe('cbd73df4');
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
