/**
 * Lead → Create or Update through n8n's engine against the sandbox: the documented request, creating
 * and then updating a lead, automations, "Return Full Lead", auto-mapping, batches, and how often the
 * account's field list is fetched.
 */
import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { DOCUMENTED_BODY } from '../fixtures/documented-body';
import { bodyValues, calls, fromItem, leadParameters, upserts, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

describe('Lead → Create or Update', () => {
	it('sends the documented example body byte for byte and returns the lead id', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { ...fromItem, Phone: '={{ $json.phone }}' },
				cfs: {
					mx_KYC: [
						{ name: 'Status', value: 'Pending' },
						{ name: 'mx_CustomObject_1', value: 'XYZ12345.png' },
						{ name: 'mx_CustomObject_2', value: '864563' },
					],
				},
				searchBy: 'EmailAddress',
			}),
			items: [{ email: 'john.smith@acmeconsulting.co', first: 'John', last: 'Smith', phone: '+919845098450' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		const [request] = upserts(sandbox);
		expect(upserts(sandbox)).toHaveLength(1);
		expect(request.rawBody).toBe(JSON.stringify(DOCUMENTED_BODY));
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.rawUrl).toContain('postUpdatedLead=false');
		expect(request.postUpdatedLead).toBe(false);

		const [lead] = sandbox.leads();
		expect(result.items).toEqual([{ json: { status: 'Success', leadId: lead.ProspectID, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		expect(sandbox.leads()).toHaveLength(1);
		expect(lead).toMatchObject({
			EmailAddress: 'john.smith@acmeconsulting.co',
			FirstName: 'John',
			LastName: 'Smith',
			Phone: '+919845098450',
			mx_KYC: { Status: 'Pending', mx_CustomObject_1: 'XYZ12345.png', mx_CustomObject_2: '864563' },
		});
	});

	it('creates a lead, then updates the same lead on the next run', async () => {
		const credentials = sandboxCredentials(sandbox);
		const parameters = leadParameters({ fields: { ...fromItem, mx_City: '={{ $json.city }}' } });

		const created = await runLeadSquared({
			parameters,
			items: [{ email: 'ada@example.com', first: 'Ada', last: 'Lovelace', city: 'London' }],
			credentials,
		});
		const updated = await runLeadSquared({
			parameters,
			items: [{ email: 'ADA@example.com', first: 'Augusta Ada', last: 'Lovelace', city: 'Marylebone' }],
			credentials,
		});

		expect(created.status).toBe('success');
		expect(updated.status).toBe('success');
		const leadId = created.items[0].json.leadId;
		expect(leadId).toEqual(expect.any(String));
		expect(updated.items).toEqual([{ json: { status: 'Success', leadId, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		const leads = sandbox.leads();
		expect(leads).toHaveLength(1);
		expect(leads[0]).toMatchObject({ ProspectID: leadId, FirstName: 'Augusta Ada', mx_City: 'Marylebone' });
		expect(sandbox.automationLog().map((entry) => entry.trigger)).toEqual(['create']);
	});

	it('sends postUpdatedLead=false unless "Trigger LeadSquared Automations" is on', async () => {
		const credentials = sandboxCredentials(sandbox);
		const items = [{ email: 'grace@example.com', first: 'Grace', last: 'Hopper' }];
		const created = await runLeadSquared({ parameters: leadParameters({ fields: fromItem }), items, credentials });
		const leadId = created.items[0].json.leadId as string;

		const quiet = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { triggerAutomations: false } }),
			items,
			credentials,
		});
		const loud = await runLeadSquared({
			parameters: leadParameters({ fields: fromItem, options: { triggerAutomations: true } }),
			items,
			credentials,
		});

		expect([quiet.status, loud.status]).toEqual(['success', 'success']);
		expect(quiet.items[0].json.leadId).toBe(leadId);
		expect(loud.items[0].json.leadId).toBe(leadId);
		const [first, second, third] = upserts(sandbox);
		expect(first.rawUrl).toContain('postUpdatedLead=false');
		expect(second.rawUrl).toContain('postUpdatedLead=false');
		expect(second.postUpdatedLead).toBe(false);
		expect(third.rawUrl).toContain('postUpdatedLead=true');
		expect(third.rawUrl).not.toContain('postUpdatedLead=false');
		expect(third.postUpdatedLead).toBe(true);
		// Only the update sent with postUpdatedLead=true fires LeadSquared's update automations.
		expect(sandbox.automationLog().map(({ leadId: id, trigger }) => ({ id, trigger }))).toEqual([
			{ id: leadId, trigger: 'create' },
			{ id: leadId, trigger: 'update' },
		]);
	});

	it('adds the lead record LeadSquared holds with "Return Full Lead"', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: { ...fromItem, mx_Annual_Income: '={{ $json.income }}' },
				cfs: { mx_KYC: [{ name: 'Status', value: 'Verified' }] },
				options: { returnFullLead: true },
			}),
			items: [{ email: 'katherine@example.com', first: 'Katherine', last: 'Johnson', income: 52000 }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		const [stored] = sandbox.leads();
		const [read] = calls(sandbox, 'Leads.GetById');
		expect(read.query.id).toBe(stored.ProspectID);
		expect(result.items).toHaveLength(1);
		const { json } = result.items[0];
		expect(json).toMatchObject({ status: 'Success', leadId: stored.ProspectID, affectedRows: 1 });
		expect(json.lead).toEqual((read.response as unknown[])[0]);
		expect(json.lead).toMatchObject({
			ProspectID: stored.ProspectID,
			EmailAddress: 'katherine@example.com',
			FirstName: 'Katherine',
			LastName: 'Johnson',
			mx_Annual_Income: '52000',
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000$/),
		});
		expect(JSON.parse((json.lead as { mx_KYC: string }).mx_KYC)).toEqual({ Status: 'Verified' });
	});

	it('maps the input automatically: item keys are schema names', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({ autoMap: true }),
			items: [
				{
					EmailAddress: 'hedy@example.com',
					FirstName: 'Hedy',
					LastName: 'Lamarr',
					mx_City: 'Vienna',
					mx_Annual_Income: 1200.5,
					mx_Newsletter: true,
					mx_Course_Interest: 'Engineering',
				},
			],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		const [request] = upserts(sandbox);
		expect(request.body).toEqual([
			{ Attribute: 'EmailAddress', Value: 'hedy@example.com' },
			{ Attribute: 'FirstName', Value: 'Hedy' },
			{ Attribute: 'LastName', Value: 'Lamarr' },
			{ Attribute: 'mx_City', Value: 'Vienna' },
			{ Attribute: 'mx_Annual_Income', Value: '1200.5' },
			{ Attribute: 'mx_Newsletter', Value: '1' },
			{ Attribute: 'mx_Course_Interest', Value: 'Engineering' },
		]);
		expect(sandbox.leads()[0]).toMatchObject({ EmailAddress: 'hedy@example.com', mx_City: 'Vienna', mx_Newsletter: '1' });
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: sandbox.leads()[0].ProspectID, affectedRows: 1 });
	});

	it('adds manual-entry fields to the mapped ones', async () => {
		const result = await runLeadSquared({
			parameters: leadParameters({
				fields: fromItem,
				manual: [
					{ name: 'mx_City', value: '={{ $json.city }}' },
					{ name: 'Company', value: 'Analytical Engines Ltd' },
				],
			}),
			items: [{ email: 'charles@example.com', first: 'Charles', last: 'Babbage', city: 'London' }],
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(bodyValues(upserts(sandbox)[0])).toEqual({
			EmailAddress: 'charles@example.com',
			FirstName: 'Charles',
			LastName: 'Babbage',
			mx_City: 'London',
			Company: 'Analytical Engines Ltd',
		});
	});

	it('fetches the account fields once per execution, not once per item', async () => {
		const items = Array.from({ length: 10 }, (_, index) => ({ email: `user${index}@example.com`, first: `User ${index}`, last: 'Tester' }));

		const result = await runLeadSquared({ parameters: leadParameters({ fields: fromItem }), items, credentials: sandboxCredentials(sandbox) });

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(10);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
		expect(upserts(sandbox)).toHaveLength(10);
		expect(sandbox.log[0].endpoint).toBe('LeadsMetaData.Get');
		expect(sandbox.leads()).toHaveLength(10);

		// A second execution fetches them again (the fields may have changed in between).
		await runLeadSquared({ parameters: leadParameters({ fields: fromItem }), items: items.slice(0, 1), credentials: sandboxCredentials(sandbox) });
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(2);
	});

	it('sends up to 25 leads per bulk call with "Send in Batches", each item keeping its own result', async () => {
		sandbox.configure({ leads: [{ LastName: 'Owner', Phone: '+15550000999' }] });
		sandbox.reset();
		try {
			const items = Array.from({ length: 30 }, (_, index) => ({
				email: `batch${index}@example.com`,
				first: `Batch ${index}`,
				last: 'Row',
				phone: index === 27 ? '+15550000999' : `+1555000${String(index).padStart(4, '0')}`,
			}));

			const result = await runLeadSquared({
				parameters: leadParameters({ fields: { ...fromItem, Phone: '={{ $json.phone }}' }, options: { sendInBatches: true } }),
				items,
				credentials: sandboxCredentials(sandbox),
				continueOnFail: true,
			});

			expect(result.status).toBe('success');
			const bulk = calls(sandbox, 'Lead/Bulk/CreateOrUpdate');
			expect(bulk.map((entry) => (entry.body as unknown[]).length)).toEqual([25, 5]);
			expect(upserts(sandbox)).toHaveLength(0);
			expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
			result.items.forEach((item, index) => {
				if (index === 27) {
					expect(item.json).toMatchObject({
						error: expect.stringContaining('A Lead with same Phone Number already exists.'),
						details: { exceptionType: 'MXDuplicateEntryException', itemIndex: 27 },
					});
				} else {
					expect(item.json).toMatchObject({ status: 'Success', leadId: expect.any(String), created: true });
				}
			});
			expect(sandbox.leads()).toHaveLength(30);
		} finally {
			sandbox.configure({ leads: undefined });
		}
	});
});
