/**
 * Opportunity → Create (`OpportunityManagement.svc/Capture`) through n8n's engine against the sandbox:
 * the documented body, Match By (SearchBy), the type's fields checked and converted by its metadata,
 * LeadSquared's duplicate detection reported (PostDeDupActionPerformed, ConflictedOpportunityId) and its
 * flags, refusals as item errors, and the design-time lists (types, the type's fields).
 */
import type { Sandbox } from '../../sandbox';
import { listSearch, loadResourceMapperFields, runLeadSquared, sandboxCredentials } from '../harness';
import { ADMIN_ID, expectNoKeys, locator, parameters, VIR } from './pipeline-support';
import { calls, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

/** Lead details in the mapper, the opportunity type, its fields in the mapper. */
function capture(values: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
	return parameters(
		'opportunity',
		'create',
		{
			attributes: { mappingMode: 'defineBelow', value: { EmailAddress: '={{ $json.email }}', LastName: '={{ $json.last }}' }, matchingColumns: [], schema: [] },
			opportunityType: locator('12000'),
			opportunityFields: { mappingMode: 'defineBelow', value: { mx_Custom_1: '={{ $json.name }}', mx_Custom_2: '={{ $json.course }}' }, matchingColumns: [], schema: [] },
			note: 'Opportunity capture api',
			...values,
		},
		options,
	);
}

const captures = () => calls(sandbox, 'Opportunity.Capture');

describe('Opportunity → Create', () => {
	it('sends the documented body and reports the new opportunity, its lead and the captured activity', async () => {
		const result = await runLeadSquared({
			parameters: capture({ opportunityDate: '2020-12-05T12:13:44Z' }),
			items: [{ email: 'johndoe@example.com', last: 'Doe', name: 'Admission 2026', course: 'law' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(captures()).toHaveLength(1);
		expect(captures()[0].body).toEqual({
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: 'johndoe@example.com' },
				{ Attribute: 'LastName', Value: 'Doe' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			],
			Opportunity: {
				OpportunityEventCode: 12000,
				OpportunityNote: 'Opportunity capture api',
				OpportunityDateTime: '2020-12-05 12:13:44',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: 'Admission 2026' },
					{ SchemaName: 'mx_Custom_2', Value: 'Law' },
				],
			},
		});
		const [opportunity] = sandbox.records().opportunities;
		const [lead] = sandbox.leads();
		expect(result.items).toEqual([
			{
				json: {
					status: 'Success',
					leadId: lead.ProspectID,
					opportunityId: opportunity.ProspectOpportunityId,
					created: true,
					duplicate: false,
					postDeDupActionPerformed: 1,
					conflictedOpportunityId: null,
					activityId: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(opportunity).toMatchObject({ RelatedProspectId: lead.ProspectID, OpportunityEvent: 12000, OpportunityNote: 'Opportunity capture api', OpportunityDateTime: '2020-12-05 12:13:44' });
		expect(opportunity.Fields).toMatchObject({ mx_Custom_1: 'Admission 2026', mx_Custom_2: 'Law', Status: 'Open', Owner: ADMIN_ID });
		// The type's metadata was read once to check the fields.
		expect(calls(sandbox, 'GetOpportunityTypeMetadata')).toHaveLength(1);
		expectNoKeys(sandbox, result);
	});

	it('a duplicate (same course on the same lead) is reported, not created: PostDeDupActionPerformed 3 and the existing opportunity', async () => {
		const items = [
			{ email: 'dup@example.com', last: 'Dup', name: 'First', course: 'Medicine' },
			{ email: 'dup@example.com', last: 'Dup', name: 'Second', course: 'Medicine' },
		];
		const result = await runLeadSquared({ parameters: capture(), items, credentials: sandboxCredentials(sandbox), node });

		const [existing] = sandbox.records().opportunities;
		expect(sandbox.records().opportunities).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ created: true, duplicate: false, opportunityId: existing.ProspectOpportunityId });
		expect(result.items[1].json).toMatchObject({
			created: false,
			duplicate: true,
			postDeDupActionPerformed: 3,
			conflictedOpportunityId: existing.ProspectOpportunityId,
			opportunityId: existing.ProspectOpportunityId,
		});
		expect(existing.Fields.mx_Custom_1).toBe('First');
		// The metadata is fetched once for both items.
		expect(calls(sandbox, 'GetOpportunityTypeMetadata')).toHaveLength(1);
		// Duplicate detected activity posted (default).
		expect(sandbox.records().activities.filter((activity) => activity.ActivityEvent === 32)).toHaveLength(1);
	});

	it('On Duplicate → Overwrite Its Fields, no duplicate activity, keep the owner: the flags LeadSquared documents', async () => {
		const first = await runLeadSquared({
			parameters: capture({ opportunityFields: { mappingMode: 'defineBelow', value: { mx_Custom_1: 'First', mx_Custom_2: 'Law', Owner: VIR.id }, matchingColumns: [], schema: [] } }),
			items: [{ email: 'flags@example.com', last: 'Flags' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(first.items[0].json.created).toBe(true);
		const second = await runLeadSquared({
			parameters: capture(
				{ opportunityFields: { mappingMode: 'defineBelow', value: { mx_Custom_1: 'Renamed', mx_Custom_2: 'Law', Owner: ADMIN_ID }, matchingColumns: [], schema: [] } },
				{ onDuplicate: 'overwrite', postDuplicateActivity: false, keepOwner: true },
			),
			items: [{ email: 'flags@example.com', last: 'Flags' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(captures()[1].body).toMatchObject({ Opportunity: { OverwriteFields: true, DoNotPostDuplicateActivity: true, DoNotChangeOwner: true } });
		expect((captures()[1].body as { Opportunity: Record<string, unknown> }).Opportunity).not.toHaveProperty('UpdateEmptyFields');
		expect(second.items[0].json).toMatchObject({ duplicate: true });
		const [existing] = sandbox.records().opportunities;
		expect(existing.Fields).toMatchObject({ mx_Custom_1: 'Renamed', Owner: VIR.id });
		expect(sandbox.records().activities.filter((activity) => activity.ActivityEvent === 31)).toHaveLength(0);
	});

	it('Fill Its Empty Fields sends UpdateEmptyFields', async () => {
		await runLeadSquared({
			parameters: capture({}, { onDuplicate: 'fillEmpty' }),
			items: [{ email: 'fill@example.com', last: 'Fill', name: 'A', course: 'Law' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(captures()[0].body).toMatchObject({ Opportunity: { UpdateEmptyFields: true } });
	});

	it('Match By: a specific field, or Phone when the lead details have no e-mail address', async () => {
		const byField = await runLeadSquared({
			parameters: capture({
				attributes: { mappingMode: 'defineBelow', value: { EmailAddress: 'student@example.com', mx_Student_Id: 'S-7', LastName: 'Student' }, matchingColumns: [], schema: [] },
				matchBy: 'field',
				searchBy: locator('mx_Student_Id'),
			}),
			items: [{ name: 'By id', course: 'Law' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(byField.status).toBe('success');
		expect(captures()[0].body).toMatchObject({ LeadDetails: expect.arrayContaining([{ Attribute: 'SearchBy', Value: 'mx_Student_Id' }]) });

		await runLeadSquared({
			parameters: capture({ attributes: { mappingMode: 'defineBelow', value: { Phone: '+91-9000011111', LastName: 'Phone' }, matchingColumns: [], schema: [] } }),
			items: [{ name: 'By phone', course: 'Medicine' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(captures()[1].body).toMatchObject({ LeadDetails: expect.arrayContaining([{ Attribute: 'SearchBy', Value: 'Phone' }]) });
		expect(sandbox.findLeads((lead) => lead.Phone === '+91-9000011111')).toHaveLength(1);
	});

	it('fields by code and manual entry, typed by the metadata (a number, a date, a dropdown in other letter case)', async () => {
		const result = await runLeadSquared({
			parameters: capture({
				opportunityType: locator('12001', 'code'),
				opportunityFields: { mappingMode: 'defineBelow', value: { mx_Custom_1: 'Home loan', mx_Custom_2: 2500000 }, matchingColumns: [], schema: [] },
				opportunityManualFields: { field: [{ name: 'mx_Custom_3', value: 'home' }, { name: 'mx_Custom_4', value: '2026-01-15T09:00:00+05:30' }] },
			}),
			items: [{ email: 'loan@example.com', last: 'Loan' }],
			credentials: sandboxCredentials(sandbox),
			node,
		});
		expect(result.status).toBe('success');
		expect((captures()[0].body as { Opportunity: { Fields: unknown } }).Opportunity.Fields).toEqual([
			{ SchemaName: 'mx_Custom_1', Value: 'Home loan' },
			{ SchemaName: 'mx_Custom_2', Value: '2500000' },
			{ SchemaName: 'mx_Custom_3', Value: 'Home' },
			{ SchemaName: 'mx_Custom_4', Value: '2026-01-15 03:30:00' },
		]);
		expect(sandbox.records().opportunities[0]).toMatchObject({ OpportunityEvent: 12001, Fields: { mx_Custom_3: 'Home', mx_Custom_2: '2500000' } });
	});

	it("LeadSquared's refusals (a mandatory field missing, an unknown type) are item errors with its exception; other items go through", async () => {
		const result = await runLeadSquared({
			parameters: capture({
				opportunityType: locator('={{ $json.type }}', 'code'),
				opportunityFields: { mappingMode: 'defineBelow', value: null, matchingColumns: [], schema: [] },
				opportunityManualFields: { field: [{ name: 'mx_Custom_1', value: '={{ $json.name }}' }] },
			}),
			items: [
				{ email: 'ok@example.com', last: 'Ok', type: '12000', name: 'Fine' },
				{ email: 'loan2@example.com', last: 'Loan', type: '12001', name: 'No amount' },
				{ email: 'nope@example.com', last: 'Nope', type: '99999', name: 'x' },
			],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.created).toBe(true);
		expect(result.items[1].json).toMatchObject({
			details: { exceptionType: 'MXInvalidActivityFieldsException', exceptionMessage: "Field name : 'mx_Custom_2' of datatype : 'Number' is mandatory.", itemIndex: 1 },
		});
		expect(result.items[2].json.details).toMatchObject({ itemIndex: 2 });
		expect(result.items[2].json.error).toMatch(/Event Code is invalid|99999/);
		expect(sandbox.records().opportunities).toHaveLength(1);
		expectNoKeys(sandbox, result);
	});

	it('an answer of another shape: the keys are found where that answer puts them', async () => {
		sandbox.injectFault({
			type: 'json',
			endpoint: 'Opportunity.Capture',
			body: { Status: 'Success', Message: { Id: 'ignored' }, AdditionalDetails: [{ ConflictedOpportunityId: 'opp-0', PostDeDupActionPerformed: '3', RelatedProspectId: 'lead-0' }] },
		});
		const result = await runLeadSquared({ parameters: capture(), items: [{ email: 'shape@example.com', last: 'S', name: 'n', course: 'Law' }], credentials: sandboxCredentials(sandbox), node });
		expect(result.items[0].json).toMatchObject({ status: 'Success', leadId: 'lead-0', opportunityId: 'opp-0', duplicate: true, created: false, postDeDupActionPerformed: 3 });
	});
});

describe('Opportunity design-time lists', () => {
	it('opportunity types: the account\'s opportunity types only, value = the code', async () => {
		const all = await listSearch('searchOpportunityTypes', sandboxCredentials(sandbox));
		expect(all.results).toEqual([
			{ name: 'Admission (12000)', value: '12000' },
			{ name: 'Loan (12001)', value: '12001' },
		]);
		expect((await listSearch('searchOpportunityTypes', sandboxCredentials(sandbox), 'loan')).results).toEqual([{ name: 'Loan (12001)', value: '12001' }]);
	});

	it('where GetOpportunityTypes is unavailable, the activity types from code 12000 on are offered, marked as such', async () => {
		sandbox.injectFault({ type: 'status', endpoint: 'GetOpportunityTypes', status: 404 });
		sandbox.injectFault({
			type: 'json',
			endpoint: 'ActivityTypes.Get',
			body: [
				{ ActivityEvent: 201, ActivityEventName: 'Form Submitted', EventType: 2 },
				{ ActivityEvent: 12005, ActivityEventName: 'Loan', EventType: 2 },
			],
		});
		expect((await listSearch('searchOpportunityTypes', sandboxCredentials(sandbox))).results).toEqual([
			{ name: 'Loan (12005), from activity types', value: '12005', description: expect.stringMatching(/HTTP 404/) },
		]);
	});

	it("the field mapper lists the chosen type's fields with their types and options (not the note)", async () => {
		const fields = await loadResourceMapperFields(
			sandboxCredentials(sandbox),
			{ resource: 'opportunity', operation: 'create', opportunityType: locator('12000') },
			'getOpportunityFields',
			'parameters.opportunityFields',
		);
		expect(fields.fields?.map((field) => [field.id, field.type])).toEqual([
			['Status', 'options'],
			['Owner', 'options'],
			['mx_Custom_1', 'string'],
			['mx_Custom_2', 'options'],
			['mx_Custom_3', 'number'],
			['mx_Custom_4', 'dateTime'],
		]);
		expect(fields.fields?.find((field) => field.id === 'Status')).toMatchObject({ displayName: 'Status, required', options: [{ name: 'Open', value: 'Open' }, { name: 'Won', value: 'Won' }, { name: 'Lost', value: 'Lost' }] });
	});

	it('without a type, or when the type cannot be read, the mapper explains instead of failing', async () => {
		const none = await loadResourceMapperFields(sandboxCredentials(sandbox), { resource: 'opportunity', operation: 'create' }, 'getOpportunityFields', 'parameters.opportunityFields');
		expect(none).toMatchObject({ fields: [], emptyFieldsNotice: expect.stringMatching(/Choose the opportunity type first/) });
		const unknown = await loadResourceMapperFields(
			sandboxCredentials(sandbox),
			{ resource: 'opportunity', operation: 'create', opportunityType: locator('99999', 'code') },
			'getOpportunityFields',
			'parameters.opportunityFields',
		);
		expect(unknown.fields).toEqual([]);
		expect(unknown.emptyFieldsNotice).toMatch(/Could not load the fields of opportunity type 99999/);
		expect(unknown.emptyFieldsNotice).toMatch(/Manual Entry/);
	});
});
