/**
 * The pure parts of the tool form: Options → Simplify (what a record keeps), when Simplify is on, and how
 * refused input is worded for a model (the `$fromAI()` key it filled, the hint, no item number).
 */
import { fromAiKeys, simplifyOn, toolInputMessage } from '../../nodes/LeadSquared/actions/engine/tool';
import { simplifyRecord } from '../../nodes/LeadSquared/values/simplify';

describe('simplifyRecord', () => {
	it('keeps ids, names, contact details, stage, owner, dates and custom fields with a value', () => {
		const lead = {
			ProspectID: 'a1',
			FirstName: 'Asha',
			LastName: null,
			EmailAddress: 'asha@example.com',
			Phone: '',
			Mobile: '   ',
			ProspectStage: 'Prospect',
			OwnerIdName: 'Vir Singh',
			CreatedOn: '2026-01-02T03:04:05Z',
			mx_City: 'Pune',
			mx_Empty: null,
			Score: 0,
			DoNotEmail: false,
			ProspectAutoId: '1042',
			ModifiedBy: 'u-9',
			IsStarredLead: false,
			ProspectActivityDate_Max: '2026-01-03T00:00:00Z',
			phoneMatch: { phone: '900', field: undefined, leadsReturned: [] },
		};
		expect(simplifyRecord(lead, 'lead')).toEqual({
			ProspectID: 'a1',
			FirstName: 'Asha',
			EmailAddress: 'asha@example.com',
			ProspectStage: 'Prospect',
			OwnerIdName: 'Vir Singh',
			CreatedOn: '2026-01-02T03:04:05Z',
			mx_City: 'Pune',
			Score: 0,
			DoNotEmail: false,
			phoneMatch: { phone: '900' },
		});
	});

	it('drops empty entries of nested lists and objects, and the bookkeeping of the record kind', () => {
		const activity = { Id: 'x', SessionId: 's', Data: [{ Key: 'mx_Custom_1', Value: 'Connected' }, { Key: null, Value: null }], Note: {} };
		expect(simplifyRecord(activity, 'activity')).toEqual({ Id: 'x', Data: [{ Key: 'mx_Custom_1', Value: 'Connected' }] });
		expect(simplifyRecord({ UserId: 'u', OrgId: 7, LastCheckedIpAddress: '10.0.0.1', StatusCode: 0 }, 'user')).toEqual({ UserId: 'u', StatusCode: 0 });
	});

	it('does not change its input', () => {
		const record = { a: null, b: { c: '' } };
		simplifyRecord(record, 'note');
		expect(record).toEqual({ a: null, b: { c: '' } });
	});
});

describe('simplifyOn', () => {
	it('follows the option when set, else is on exactly for a tool', () => {
		expect(simplifyOn({}, true)).toBe(true);
		expect(simplifyOn({}, false)).toBe(false);
		expect(simplifyOn({ simplify: false }, true)).toBe(false);
		expect(simplifyOn({ simplify: true }, false)).toBe(true);
		expect(simplifyOn({ simplify: 'false' }, true)).toBe(false);
	});
});

describe('refused input, worded for a model', () => {
	it('finds the $fromAI keys of a parameter, at any depth', () => {
		expect(fromAiKeys({ __rl: true, mode: 'email', value: "={{ $fromAI('email', 'The address', 'string') }}" })).toEqual(['email']);
		expect(fromAiKeys(['={{ $fromAI("a") }} {{ $fromAI(`b`) }} {{ $fromAI("a") }}'])).toEqual(['a', 'b']);
		expect(fromAiKeys('plain')).toEqual([]);
	});

	it('names the tool parameter and joins the hint', () => {
		expect(toolInputMessage('Lead → e-mail address "x" is not an e-mail address', 'Give an address such as name@example.com.', ['email'])).toBe(
			'Lead → e-mail address "x" is not an e-mail address (tool parameter "email"). Give an address such as name@example.com.',
		);
		expect(toolInputMessage('Due Date is empty.', undefined, [])).toBe('Due Date is empty.');
	});
});
