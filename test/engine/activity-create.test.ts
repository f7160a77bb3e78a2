/**
 * Activity → Create through n8n's engine against the sandbox: the documented body on a lead by ID, a lead
 * by e-mail (found, or created by LeadSquared), the activity type from the list, by code and per item,
 * fields checked and converted by the type, the date in UTC, each option, and LeadSquared's refusals as
 * item errors. Send in Batches and the editor's look-ups: activity-create-batches.test.ts.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ASHA } from '../sandbox/crm-client';
import { createParameters, ENDPOINTS, expectNoKeys, locator, mapper, newLead, UNKNOWN_LEAD } from './activity-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

describe('Activity → Create on a lead by ID', () => {
	it('posts the documented body and outputs the activity id, the lead id and the type, paired to the item', async () => {
		const leadId = await newLead(sandbox, 'by-id@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({
				note: '={{ $json.note }}',
				activityDateTime: '2026-03-01T10:15:00Z',
				activityFields: mapper({ mx_Custom_1: '={{ $json.form }}', mx_Custom_2: 'https://example.com/contact', mx_Custom_4: 'Newsletter' }),
			}),
			items: [{ leadId, note: 'Asked for a brochure', form: 'Contact Us' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const [request] = calls(sandbox, ENDPOINTS.create);
		expect(request.rawBody).toBe(
			JSON.stringify({
				RelatedProspectId: leadId,
				ActivityEvent: 201,
				ActivityNote: 'Asked for a brochure',
				ActivityDateTime: '2026-03-01 10:15:00',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: 'Contact Us' },
					{ SchemaName: 'mx_Custom_2', Value: 'https://example.com/contact' },
					{ SchemaName: 'mx_Custom_4', Value: 'Newsletter' },
				],
			}),
		);
		const [activity] = sandbox.records().activities;
		expect(activity).toMatchObject({ RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'Asked for a brochure', ActivityDateTime: '2026-03-01 10:15:00' });
		expect(result.items).toEqual([
			{
				json: { status: 'Success', activityId: activity.ProspectActivityId, leadId, activityEvent: 201, activityType: 'Form Submitted' },
				pairedItem: { item: 0 },
			},
		]);
		expectNoKeys(sandbox, result);
	});

	it('checks and converts values by the field types: numbers, true/false, dates in UTC, dropdown options in their own spelling', async () => {
		const leadId = await newLead(sandbox, 'typed@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({
				activityType: locator('202', 'code'),
				activityFields: mapper({
					mx_Custom_1: 'no answer',
					mx_Custom_2: '={{ $json.seconds }}',
					mx_Custom_4: '={{ $json.followUp }}',
					mx_Custom_5: '2026-03-02T09:00:00+05:30',
				}),
			}),
			items: [{ leadId, seconds: 95, followUp: true }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toMatchObject({
			ActivityEvent: 202,
			Fields: [
				{ SchemaName: 'mx_Custom_1', Value: 'No Answer' },
				{ SchemaName: 'mx_Custom_2', Value: '95' },
				{ SchemaName: 'mx_Custom_4', Value: '1' },
				{ SchemaName: 'mx_Custom_5', Value: '2026-03-02 03:30:00' },
			],
		});
		expect(sandbox.records().activities[0].Fields).toMatchObject({ mx_Custom_1: 'No Answer', mx_Custom_2: '95', mx_Custom_4: '1', mx_Custom_5: '2026-03-02 03:30:00' });
	});

	it('reads dates without a time zone in UTC, or in the workflow\'s time zone; no date means LeadSquared\'s "now"', async () => {
		const leadId = await newLead(sandbox, 'dates@example.com');
		const base = { activityFields: mapper({ mx_Custom_1: 'Form' }), activityDateTime: '={{ $json.when }}' };
		const items = [{ leadId, when: '2026-03-01 10:00' }];
		await runLeadSquared({ parameters: createParameters(base), items, credentials: sandboxCredentials(sandbox), node });
		await runLeadSquared({
			parameters: createParameters(base, { dateTimezone: 'workflow' }),
			items,
			credentials: sandboxCredentials(sandbox),
			node,
			timezone: 'Asia/Kolkata',
		});
		await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		const bodies = calls(sandbox, ENDPOINTS.create).map((entry) => entry.body as Record<string, unknown>);
		expect(bodies.map((body) => body.ActivityDateTime)).toEqual(['2026-03-01 10:00:00', '2026-03-01 04:30:00', undefined]);
		expect(sandbox.records().activities).toHaveLength(3);
	});

	it('takes the type per item from an expression, and fetches each type\'s fields once per run', async () => {
		const leadId = await newLead(sandbox, 'types@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({
				activityType: locator('={{ $json.code }}', 'code'),
				manualFields: { field: [{ name: 'mx_Custom_1', value: '={{ $json.first }}' }] },
			}),
			items: [
				{ leadId, code: 201, first: 'Form A' },
				{ leadId, code: 202, first: 'Busy' },
				{ leadId, code: 201, first: 'Form B' },
				{ leadId, code: '203', first: '1500.50' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items.map((item) => [item.json.activityEvent, item.json.activityType])).toEqual([
			[201, 'Form Submitted'],
			[202, 'Phone Call'],
			[201, 'Form Submitted'],
			[203, 'Payment'],
		]);
		expect(calls(sandbox, ENDPOINTS.setting).map((entry) => entry.query.code)).toEqual(['201', '202', '203']);
		// activities on a lead by ID are posted concurrently (nothing orders them), so they may be stored in any order
		expect(sandbox.records().activities.map((activity) => activity.Fields.mx_Custom_1).sort()).toEqual(['1500.50', 'Busy', 'Form A', 'Form B']);
	});
});

describe('Activity → Create on a lead by e-mail address', () => {
	it('posts on the lead that has the address and outputs its id (looked up, as LeadSquared\'s answer names only the activity)', async () => {
		const leadId = await newLead(sandbox, 'Known@Example.com');
		const result = await runLeadSquared({
			parameters: createParameters({
				leadBy: 'email',
				email: '={{ $json.email }}',
				newLead: { firstName: 'Ignored', lastName: 'Ignored' },
				activityFields: mapper({ mx_Custom_1: 'Webinar' }),
			}),
			items: [{ email: 'known@example.com' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toEqual({
			EmailAddress: 'known@example.com',
			FirstName: 'Ignored',
			LastName: 'Ignored',
			ActivityEvent: 201,
			Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Webinar' }],
		});
		expect(calls(sandbox, ENDPOINTS.byEmail)).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ status: 'Success', leadId, activityEvent: 201 });
		expect(sandbox.leads()).toHaveLength(1);
		expect(sandbox.leads()[0].FirstName).not.toBe('Ignored');
	});

	it('lets LeadSquared create a missing lead from the e-mail address, names and phone', async () => {
		const result = await runLeadSquared({
			parameters: createParameters({
				leadBy: 'email',
				email: '={{ $json.email }}',
				newLead: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', phone: '+919845098450' },
				note: 'First contact',
				activityFields: mapper({ mx_Custom_1: 'Landing page' }),
			}),
			items: [{ email: 'john.smith@acmeconsulting.co', first: 'John', last: 'Smith' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		const [lead] = sandbox.leads();
		expect(lead).toMatchObject({ EmailAddress: 'john.smith@acmeconsulting.co', FirstName: 'John', LastName: 'Smith', Phone: '+919845098450' });
		expect(result.items[0].json).toMatchObject({ leadId: lead.ProspectID, activityId: sandbox.records().activities[0].ProspectActivityId });
	});

	it('never posts two items for the same new address at once (LeadSquared would create the lead twice)', async () => {
		const result = await runLeadSquared({
			parameters: createParameters(
				{ leadBy: 'email', email: '={{ $json.email }}', newLead: { lastName: 'Twice' }, activityFields: mapper({ mx_Custom_1: '={{ $json.form }}' }) },
				{ concurrency: 5 },
			),
			items: [
				{ email: 'twice@example.com', form: 'One' },
				{ email: 'TWICE@example.com', form: 'Two' },
				{ email: 'other@example.com', form: 'Three' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(sandbox.leads().map((lead) => String(lead.EmailAddress).toLowerCase()).sort()).toEqual(['other@example.com', 'twice@example.com']);
		expect(new Set(result.items.slice(0, 2).map((item) => item.json.leadId)).size).toBe(1);
	});
});

describe('Activity → Create options', () => {
	it('Skip Dropdown Check sends ValidateDropDownOptions=true, and a value outside the options is accepted', async () => {
		const leadId = await newLead(sandbox, 'dropdown@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form', mx_Custom_4: 'Partner referral' }) }, { validateDropDownOptions: true }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toMatchObject({ ValidateDropDownOptions: true });
		expect(sandbox.records().activities[0].Fields.mx_Custom_4).toBe('Partner referral');
	});

	it('Include Lead Score returns the score after the post; Owner Email sets the owner', async () => {
		const leadId = await newLead(sandbox, 'score@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { includeLeadScore: true, ownerEmail: ASHA.email }),
			items: [{ leadId }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toMatchObject({ ActivityOwnerEmail: ASHA.email, IncludeLeadScore: true });
		expect(result.items.map((item) => item.json.leadScore)).toEqual([5, 10]);
		expect(sandbox.records().activities[0].Fields.Owner).toBe(ASHA.id);
	});

	it('lists the fields given without a value, and leaves them out', async () => {
		const leadId = await newLead(sandbox, 'skipped@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form', mx_Custom_2: '={{ $json.url }}', mx_Custom_3: null }) }),
			items: [{ leadId, url: null }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.items[0].json.skippedFields).toEqual(['mx_Custom_2', 'mx_Custom_3']);
		expect(calls(sandbox, ENDPOINTS.create)[0].body).toMatchObject({ Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Form' }] });
	});
});

describe('LeadSquared refuses an activity', () => {
	it('fails the item with LeadSquared\'s ExceptionType and ExceptionMessage; the others go through (continue on fail)', async () => {
		const leadId = await newLead(sandbox, 'refused@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }),
			items: [{ leadId }, { leadId: UNKNOWN_LEAD }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json).toEqual({
			error: 'LeadSquared refused the activity: Lead does not exist in the system',
			details: expect.objectContaining({ exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Lead does not exist in the system', itemIndex: 1 }),
		});
		expect(sandbox.records().activities).toHaveLength(2);
	});

	it('stops at the refused item without "continue on fail", naming it', async () => {
		const leadId = await newLead(sandbox, 'stop@example.com');
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { concurrency: 1 }),
			items: [{ leadId: UNKNOWN_LEAD }, { leadId }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('LeadSquared refused the activity: Lead does not exist in the system');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sandbox.records().activities).toHaveLength(0);
	});

	it('after a lost answer, says the activity may have been posted (a repeat would add a second one)', async () => {
		const leadId = await newLead(sandbox, 'lost@example.com');
		sandbox.injectFault({ endpoint: ENDPOINTS.create, type: 'reset', when: 'after' });
		const result = await runLeadSquared({
			parameters: createParameters({ activityFields: mapper({ mx_Custom_1: 'Form' }) }, { maxRetries: 0 }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});

		expect(result.items[0].json.error).toMatch(
			/^Could not reach LeadSquared at .*: the connection was reset\. The activity may already exist: check with Activity → Get Many \(Lead ID "[^"]+", type Form Submitted \(201\)\) before creating it again\.$/,
		);
		expect((result.items[0].json.details as { description: string }).description).toMatch(
			/^The activity may or may not have been posted, and posting it again would add a second one: check the lead's activities \(Activity → Get Many\) before running the item again\.$/,
		);
		expect(sandbox.records().activities).toHaveLength(1);
	});

	it("says that system types cannot be posted, on the error output, also when LeadSquared's refusal is all there is", async () => {
		const leadId = await newLead(sandbox, 'system@example.com');
		// The account's type list cannot be read: the node's own check is skipped, LeadSquared refuses the post.
		sandbox.injectFault({ endpoint: 'ActivityTypes.Get', type: 'json', body: { Status: 'Success' } });
		const result = await runLeadSquared({
			parameters: createParameters({ activityType: locator('22', 'code') }),
			items: [{ leadId }],
			credentials: sandboxCredentials(sandbox),
			errorOutput: true,
			node,
		});

		expect(result.items).toEqual([]);
		expect(result.errorItems[0].json.error).toMatchObject({
			message: 'LeadSquared refused the activity: Event Code is invalid or empty',
			exceptionType: 'MXInvalidActivityException',
		});
		expect(String((result.errorItems[0].json.error as { description?: string }).description)).toMatch(/custom activity type/);
	});
});
