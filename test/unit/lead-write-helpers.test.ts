/**
 * The pure pieces of Lead → Update, Delete, Add to List and Remove from List: checking ids, explaining
 * LeadSquared's refusals, and what one add call means for each lead of it.
 */
import { businessFailure } from '../../nodes/LeadSquared/machinery/errors';
import type { Failure } from '../../nodes/LeadSquared/machinery/errors';
import { deletionRefused, listRefused, unknownLead } from '../../nodes/LeadSquared/model/lead/failures';
import { checkRecordId, GUID_PATTERN, recordKey } from '../../nodes/LeadSquared/values/recordIds';
import { addedCount, addResults, groupByList } from '../../nodes/LeadSquared/model/list/staticLists';
import { InputError } from '../../nodes/LeadSquared/model/lead/payload';

const ID = '5D1C7F0E-2B7A-4C1E-9F0E-3A2B1C4D5E6F';

function refusal(raw: unknown, kind: 'lead' | 'list' = 'lead'): InputError {
	try {
		checkRecordId(raw, kind);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('checkRecordId', () => {
	it('accepts a GUID in any casing, trimmed', () => {
		expect(checkRecordId(`  ${ID}\n`, 'lead')).toBe(ID);
		expect(checkRecordId(ID.toLowerCase(), 'list')).toBe(ID.toLowerCase());
		expect(new RegExp(GUID_PATTERN).test(` ${ID} `)).toBe(true);
	});

	it.each([
		['', 'Lead ID is empty'],
		['   ', 'Lead ID is empty'],
		[null, 'Lead ID is empty (null)'],
		[undefined, 'Lead ID is empty (undefined)'],
		[{ id: ID }, 'Lead ID is an object'],
		[[ID], 'Lead ID is a list'],
	])('refuses %p naming the parameter', (raw, message) => {
		const error = refusal(raw);
		expect(error.message).toBe(message);
		expect(error.field).toBe('leadId');
	});

	it('says what an e-mail address or a ProspectAutoId is instead', () => {
		expect(refusal('asha@example.com').message).toBe('Lead ID "asha@example.com" is not a LeadSquared lead ID');
		expect(refusal('asha@example.com').description).toMatch(/use Lead → Get first/);
		expect(refusal(1016).message).toBe('Lead ID 1016 is not a LeadSquared lead ID');
		expect(refusal(1016).description).toMatch(/ProspectAutoId/);
		expect(refusal('not-a-list', 'list')).toMatchObject({ message: 'List "not-a-list" is not a LeadSquared list ID', field: 'list' });
	});

	it('keys records letter-insensitively', () => {
		expect(recordKey('lead', ID)).toBe(recordKey('lead', ` ${ID.toLowerCase()}`));
		expect(recordKey('lead', ID)).not.toBe(recordKey('list', ID));
	});
});

const failure = (type: string, message: string, httpCode = 500): Failure => businessFailure(type, message, httpCode, 'the request');

describe('unknownLead', () => {
	it('says which id LeadSquared does not know, keeping its words', () => {
		const explained = unknownLead(failure('MXInvalidEntityException', 'Lead does not exist in the system'), ID);
		expect(explained).toMatchObject({
			kind: 'business',
			exceptionType: 'MXInvalidEntityException',
			exceptionMessage: 'Lead does not exist in the system',
			message: `No lead with ID ${ID} in this LeadSquared account (LeadSquared: "Lead does not exist in the system")`,
		});
		expect(explained?.description).toMatch(/deleted or merged.*LeadSquared MXInvalidEntityException: Lead does not exist in the system \(HTTP 500\)\.$/);
	});

	it('leaves other failures alone', () => {
		expect(unknownLead(failure('MXInvalidEntityException', 'List does not exist in the system'), ID)).toBeUndefined();
		expect(unknownLead({ kind: 'transient', message: 'Lead does not exist' }, ID)).toBeUndefined();
	});
});

describe('deletionRefused', () => {
	const DISABLED = 'Lead deletion through the API is not enabled for this account. Please write to support@leadsquared.com to enable it.';

	it.each([
		['the exception names deletion (HTTP 500)', failure('MXUnAuthorizedAccessException', DISABLED)],
		['the exception names deletion (HTTP 200)', failure('MXInvalidInputException', 'Delete API is disabled for this account', 200)],
		['an MXUnAuthorizedAccessException that is not a 401', failure('MXUnAuthorizedAccessException', 'Access denied')],
	])('%s: says deletion is off and what to ask LeadSquared', (_name, input) => {
		const refused = deletionRefused(input);
		expect(refused).toMatchObject({ kind: 'business', message: 'Lead deletion through the API is not enabled for this LeadSquared account' });
		expect(refused?.description).toMatch(/Ask LeadSquared support \(support@leadsquared\.com\) to enable lead deletion/);
		expect(refused?.description).toMatch(/activities, tasks and opportunities/);
		expect(refused?.exceptionMessage).toBe(input.exceptionMessage);
	});

	it('a 403: deletion off or no permission', () => {
		const refused = deletionRefused({ kind: 'forbidden', httpCode: 403, message: 'LeadSquared refused access to Lead/Delete/ById (HTTP 403)' });
		expect(refused?.message).toMatch(/HTTP 403.*not enabled for this account, or the keys' user may not delete leads/);
		expect(refused?.description).toMatch(/administrator's keys/);
	});

	it('a 401 keeps the wrong-keys message and mentions deletion as the other cause', () => {
		const auth: Failure = { kind: 'auth', httpCode: 401, message: 'LeadSquared rejected the access key or secret key (HTTP 401) at x', description: 'Check both keys.' };
		const refused = deletionRefused(auth);
		expect(refused).toMatchObject({ kind: 'auth', message: auth.message });
		expect(refused?.description).toMatch(/^Check both keys\. If these keys work for other LeadSquared operations, lead deletion may simply not be enabled/);
	});

	it('leaves other failures alone', () => {
		expect(deletionRefused(failure('MXInvalidEntityException', 'Lead does not exist in the system'))).toBeUndefined();
		expect(deletionRefused({ kind: 'transient', message: 'x' })).toBeUndefined();
	});
});

describe('listRefused', () => {
	const refused = failure('MXInvalidInputException', 'Leads can only be added to or removed from a static list');

	it('an unknown list', () => {
		expect(listRefused(refused, ID, null)).toMatchObject({ message: `No list with ID ${ID} in this LeadSquared account` });
	});

	it('a dynamic or refreshable list', () => {
		expect(listRefused(refused, ID, { id: ID, name: 'Hot Leads', type: 'dynamic' })?.message).toBe(
			'The list "Hot Leads" is a dynamic list: LeadSquared adds leads to and removes leads from static lists only',
		);
		expect(listRefused(refused, ID, { id: ID, name: 'Weekly', type: 'Refreshable' })?.message).toMatch(/is a refreshable list/);
	});

	it('a static list: the refusal is about something else', () => {
		expect(listRefused(refused, ID, { id: ID, name: 'Webinar', type: 'static' })).toBeUndefined();
	});
});

describe('one add call, each lead', () => {
	it('reads the count of "Successfully added N lead(s) to list"', () => {
		expect(addedCount({ Status: 'Success', Message: { Message: 'Successfully added 2 lead(s) to list' } })).toBe(2);
		expect(addedCount({ Status: 'Success', Message: { Message: 'Done' } })).toBeUndefined();
		expect(addedCount({ Status: 'Success' })).toBeUndefined();
		expect(addedCount(null)).toBeUndefined();
	});

	const ids = ['A', 'B', 'C'];

	it('all added: none was in the list', () => {
		expect(addResults(ids, 3)).toEqual(ids.map(() => ({ ok: true, alreadyInList: false })));
	});

	it('none added: all were in the list (when every lead exists)', () => {
		expect(addResults(ids, 0, new Set(['a', 'b', 'c']))).toEqual(ids.map(() => ({ ok: true, alreadyInList: true })));
	});

	it('unknown leads fail; the known ones are told apart when the count allows', () => {
		expect(addResults(ids, 2, new Set(['a', 'c']))).toEqual([
			{ ok: true, alreadyInList: false },
			{ ok: false, unknown: true },
			{ ok: true, alreadyInList: false },
		]);
		expect(addResults(ids, 0, new Set(['b']))).toEqual([{ ok: false, unknown: true }, { ok: true, alreadyInList: true }, { ok: false, unknown: true }]);
	});

	it('a count in between, no count, or no way to check: in the list, without saying whether it was before', () => {
		expect(addResults(ids, 1, new Set(['a', 'b', 'c']))).toEqual(ids.map(() => ({ ok: true })));
		expect(addResults(ids, undefined, new Set(['a', 'b', 'c']))).toEqual(ids.map(() => ({ ok: true })));
		expect(addResults(ids, 0)).toEqual(ids.map(() => ({ ok: true })));
	});

	it('groups items by list, letter-insensitively, in order', () => {
		const entries = [
			{ n: 1, list: 'L1' },
			{ n: 2, list: 'L2' },
			{ n: 3, list: 'l1' },
			{ n: 4, list: 'L3' },
			{ n: 5, list: 'L2' },
		];
		expect(groupByList(entries, (entry) => entry.list).map((group) => group.map((entry) => entry.n))).toEqual([[1, 3], [2, 5], [4]]);
	});
});
