/**
 * The pure readers of answers whose shape the sources disagree on (contract §12.2): rows under another
 * key, a list inside Message, an id as the bare Message, the user inside `d`, and what a bulk activity
 * answer that only counts the activities posted tells each row.
 */
import { countedRows, postedCount } from '../../nodes/LeadSquared/model/activity/bulk';
import { readKeysAccount } from '../../nodes/LeadSquared/machinery/host';
import { listOrMessageList, messageId, readPage } from '../../nodes/LeadSquared/transport/shape';

describe('readPage with other row keys', () => {
	it('reads rows under the first key present, in either first-letter case, with RecordCount', () => {
		expect(readPage({ RecordCount: 2, Notes: [{ a: 1 }, { a: 2 }] }, ['List', 'Notes'])).toEqual({ rows: [{ a: 1 }, { a: 2 }], total: 2 });
		expect(readPage({ notes: [{ a: 1 }] }, ['List', 'Notes'])).toEqual({ rows: [{ a: 1 }], total: undefined });
		expect(readPage({ List: [{ a: 1 }], Notes: [{ a: 2 }] }, ['List', 'Notes'])?.rows).toEqual([{ a: 1 }]);
		expect(readPage({ List: null, Notes: [{ a: 2 }] }, ['List', 'Notes'])?.rows).toEqual([{ a: 2 }]);
	});

	it('reads only List by default, and nothing from an answer without a list', () => {
		expect(readPage({ Notes: [{ a: 1 }] })).toBeUndefined();
		expect(readPage({ RecordCount: 0 }, ['List', 'Notes'])).toBeUndefined();
		expect(readPage([{ a: 1 }], ['Notes'])).toEqual({ rows: [{ a: 1 }], total: undefined });
	});
});

describe('listOrMessageList', () => {
	it('a bare list, or the list inside Message', () => {
		expect(listOrMessageList([1, 2])).toEqual([1, 2]);
		expect(listOrMessageList({ Status: 'Success', Message: [1] })).toEqual([1]);
		expect(listOrMessageList({ Status: 'Success', Message: { Id: 'x' } })).toBeUndefined();
		expect(listOrMessageList(null)).toBeUndefined();
	});
});

describe('messageId', () => {
	it('reads Message.Id; a bare Message only when asked, and only when it is one word', () => {
		expect(messageId({ Status: 'Success', Message: { Id: 'a1-b2' } })).toBe('a1-b2');
		expect(messageId({ Status: 'Success', Message: 'a1-b2' })).toBeUndefined();
		expect(messageId({ Status: 'Success', Message: ' a1-b2 ' }, { bareId: true })).toBe('a1-b2');
		expect(messageId({ Status: 'Success', Message: { Id: 'a1' } }, { bareId: true })).toBe('a1');
		expect(messageId({ Status: 'Success', Message: 'Webhook created successfully' }, { bareId: true })).toBeUndefined();
		expect(messageId({ Status: 'Success', Message: '' }, { bareId: true })).toBeUndefined();
	});
});

describe('readKeysAccount (UserByAccessKey.Get)', () => {
	const user = { OrgDisplayName: ' Acme ', LSQCommonServiceURLs: { api: 'API-IN21.leadsquared.com', app: 'in21.leadsquared.com' } };

	it('reads the host and the name bare or inside d', () => {
		expect(readKeysAccount(user)).toEqual({ apiHost: 'api-in21.leadsquared.com', name: 'Acme' });
		expect(readKeysAccount({ d: user })).toEqual({ apiHost: 'api-in21.leadsquared.com', name: 'Acme' });
	});

	it('an error envelope, bare or inside d, is an error; an answer without the keys says nothing', () => {
		expect(readKeysAccount({ d: { Status: 'Error', ExceptionMessage: 'User is inactive' } })).toEqual({ error: 'User is inactive' });
		expect(readKeysAccount({ Status: 'Error', Message: 'No user' })).toEqual({ error: 'No user' });
		expect(readKeysAccount({})).toEqual({});
		expect(readKeysAccount('text')).toEqual({});
	});
});

describe('postedCount', () => {
	it('N of {Status: "Success", Message: {Count: N}} (any key casing, N also as text)', () => {
		expect(postedCount({ Status: 'Success', Message: { Count: 3 } })).toBe(3);
		expect(postedCount({ status: 'Success', message: { count: '0' } })).toBe(0);
	});

	it('nothing for the per-row form or an unusable count', () => {
		expect(postedCount({ Response: [] })).toBeUndefined();
		expect(postedCount({ Status: 'Success', Message: { Id: 'x' } })).toBeUndefined();
		expect(postedCount({ Status: 'Success', Message: { Count: -1 } })).toBeUndefined();
		expect(postedCount({ Status: 'Success', Message: { Count: 1.5 } })).toBeUndefined();
		expect(postedCount({ Status: 'Error', Message: { Count: 1 } })).toBeUndefined();
		expect(postedCount([{ Count: 1 }])).toBeUndefined();
	});
});

describe('countedRows', () => {
	const rows = ['a', 'b', 'c'].map((leadId) => ({ leadId, code: 201 }));
	const kinds = (results: ReturnType<typeof countedRows>) => results.map((result) => (result.ok ? 'posted' : result.posted === false ? 'not posted' : 'unknown'));

	it('all posted, or more: every row posted, id unknown', () => {
		expect(kinds(countedRows(rows, 3))).toEqual(['posted', 'posted', 'posted']);
		expect(countedRows(rows, 4)[0]).toEqual({ ok: true, activityId: null, count: { sent: 3, posted: 4 } });
	});

	it('none posted: no row posted', () => {
		expect(kinds(countedRows(rows, 0))).toEqual(['not posted', 'not posted', 'not posted']);
	});

	it('some: rows on unknown leads were not posted; the rest were when they match the count, else unknown', () => {
		expect(kinds(countedRows(rows, 2, new Set(['a', 'c'])))).toEqual(['posted', 'not posted', 'posted']);
		expect(kinds(countedRows(rows, 1, new Set(['a', 'c'])))).toEqual(['unknown', 'not posted', 'unknown']);
		expect(kinds(countedRows(rows, 2, new Set(['a', 'b', 'c'])))).toEqual(['unknown', 'unknown', 'unknown']);
		expect(kinds(countedRows([{ leadId: 'A', code: 201 }, ...rows.slice(1)], 1, new Set(['a'])))).toEqual(['posted', 'not posted', 'not posted']);
	});

	it('some, when the leads could not be looked up or the look-up contradicts the count: every row unknown', () => {
		expect(kinds(countedRows(rows, 2))).toEqual(['unknown', 'unknown', 'unknown']);
		expect(kinds(countedRows(rows, 2, new Set(['a'])))).toEqual(['unknown', 'unknown', 'unknown']);
	});
});
