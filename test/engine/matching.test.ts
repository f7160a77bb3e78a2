/**
 * Which lead gets updated: LeadSquared's default matching (e-mail, then phone) and Match By a specific
 * field (SearchBy), including a unique custom field, and the duplicate-phone retry.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { bodyValues, leadParameters, upserts, useSandbox } from './support';

const ADA = { LastName: 'Lovelace', FirstName: 'Ada', EmailAddress: 'ada@example.com', Phone: '+919845098450', mx_Student_Id: 'STU-1815' };
const ALAN = { LastName: 'Turing', FirstName: 'Alan', EmailAddress: 'alan@example.com', Phone: '+447700900123', mx_Student_Id: 'STU-1912' };

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: [ADA, ALAN] });

function idOf(email: string): string {
	return String(sandbox.findLeads((lead) => lead.EmailAddress === email)[0].ProspectID);
}

function leadById(id: unknown) {
	return sandbox.findLeads((lead) => lead.ProspectID === id)[0];
}

describe('default matching (no SearchBy)', () => {
	it('updates the lead with the same e-mail address', async () => {
		const adaId = idOf('ada@example.com');
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { EmailAddress: '={{ $json.email }}', mx_City: '={{ $json.city }}' } }),
			items: [{ email: 'Ada@Example.com', city: 'London' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: adaId, affectedRows: 1 });
		expect(bodyValues(upserts(sandbox)[0])).not.toHaveProperty('SearchBy');
		expect(sandbox.leads()).toHaveLength(2);
		expect(leadById(result.items[0].json.leadId)).toMatchObject({ FirstName: 'Ada', mx_City: 'London' });
	});

	it('updates the lead with the same phone number when the item has no e-mail', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { Phone: '={{ $json.phone }}', JobTitle: '={{ $json.title }}' } }),
			items: [{ phone: '+447700900123', title: 'Cryptanalyst' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json.leadId).toBe(idOf('alan@example.com'));
		expect(upserts(sandbox)[0].body).toEqual([
			{ Attribute: 'Phone', Value: '+447700900123' },
			{ Attribute: 'JobTitle', Value: 'Cryptanalyst' },
		]);
		expect(sandbox.leads()).toHaveLength(2);
		expect(leadById(result.items[0].json.leadId)).toMatchObject({ EmailAddress: 'alan@example.com', JobTitle: 'Cryptanalyst' });
	});

	it('creates a lead when neither the e-mail nor the phone is known', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { EmailAddress: '={{ $json.email }}', LastName: '={{ $json.last }}' } }),
			items: [{ email: 'grace@example.com', last: 'Hopper' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(sandbox.leads()).toHaveLength(3);
		expect(leadById(result.items[0].json.leadId)).toMatchObject({ EmailAddress: 'grace@example.com', LastName: 'Hopper' });
	});
});

describe('Match By a specific field (SearchBy)', () => {
	it('matches on Phone: the lead whose phone it is gets the new e-mail address', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { EmailAddress: '={{ $json.email }}', Phone: '={{ $json.phone }}' },
				searchBy: 'Phone',
			}),
			items: [{ email: 'ada.king@example.com', phone: '+919845098450' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		const adaId = idOf('ada.king@example.com');
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: adaId, affectedRows: 1 });
		expect(upserts(sandbox)[0].body).toEqual([
			{ Attribute: 'EmailAddress', Value: 'ada.king@example.com' },
			{ Attribute: 'Phone', Value: '+919845098450' },
			{ Attribute: 'SearchBy', Value: 'Phone' },
		]);
		expect(sandbox.leads()).toHaveLength(2);
		expect(leadById(adaId)).toMatchObject({ FirstName: 'Ada', mx_Student_Id: 'STU-1815' });
	});

	it('matches on the unique custom field mx_Student_Id when the e-mail address changed', async () => {
		const alanId = idOf('alan@example.com');
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { mx_Student_Id: '={{ $json.studentId }}', EmailAddress: '={{ $json.email }}', FirstName: '={{ $json.first }}' },
				searchBy: 'mx_Student_Id',
				searchByMode: 'name',
			}),
			items: [{ studentId: 'STU-1912', email: 'alan.turing@example.org', first: 'Alan Mathison' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json.leadId).toBe(alanId);
		expect(bodyValues(upserts(sandbox)[0]).SearchBy).toBe('mx_Student_Id');
		expect(sandbox.leads()).toHaveLength(2);
		expect(leadById(alanId)).toMatchObject({ EmailAddress: 'alan.turing@example.org', FirstName: 'Alan Mathison', mx_Student_Id: 'STU-1912' });
		expect(sandbox.findLeads((lead) => lead.mx_Student_Id === 'STU-1815')[0]).toMatchObject({ EmailAddress: 'ada@example.com' });
	});

	it('accepts the match field typed by schema name in any letter case, sending its real spelling', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { mx_Student_Id: '={{ $json.studentId }}', mx_City: 'Bletchley' },
				searchBy: 'MX_STUDENT_ID',
				searchByMode: 'name',
			}),
			items: [{ studentId: 'STU-1912' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json.leadId).toBe(idOf('alan@example.com'));
		expect(bodyValues(upserts(sandbox)[0]).SearchBy).toBe('mx_Student_Id');
	});

	it('fails the item, sending nothing, when it has no value for the match field', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ fields: { EmailAddress: '={{ $json.email }}' }, searchBy: 'mx_Student_Id' }),
			items: [{ email: 'nobody@example.com' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			error: expect.stringContaining('mx_Student_Id'),
			details: { field: 'mx_Student_Id', itemIndex: 0 },
		});
		expect(upserts(sandbox)).toHaveLength(0);
	});
});

describe('duplicate phone', () => {
	const parameters = (retryDuplicatePhone: boolean) =>
		leadParameters({
			fields: { EmailAddress: '={{ $json.email }}', Phone: '={{ $json.phone }}', LastName: 'Lovelace' },
			options: { retryDuplicatePhone },
		});
	const items = [{ email: 'countess@example.com', phone: '+91 98450 98450' }];

	it('is LeadSquared\'s error by default', async () => {
		const result = await runLeadSquared({ parameters: parameters(false), items, credentials: sandboxCredentials(sandbox), continueOnFail: true });

		expect(result.items[0].json).toMatchObject({
			error: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
			details: { httpCode: 500, exceptionType: 'MXDuplicateEntryException', description: expect.stringContaining('Match By') },
		});
		expect(upserts(sandbox)).toHaveLength(1);
	});

	it('updates the phone\'s lead with "On Duplicate Phone, Update That Lead"', async () => {
		const result = await runLeadSquared({ parameters: parameters(true), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		const adaId = idOf('countess@example.com');
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: adaId, affectedRows: 1, retriedWithSearchBy: 'Phone' });
		const [first, retry] = upserts(sandbox);
		expect(bodyValues(first)).not.toHaveProperty('SearchBy');
		expect(bodyValues(retry).SearchBy).toBe('Phone');
		expect(leadById(adaId)).toMatchObject({ FirstName: 'Ada', mx_Student_Id: 'STU-1815' });
		expect(sandbox.leads()).toHaveLength(2);
	});
});
