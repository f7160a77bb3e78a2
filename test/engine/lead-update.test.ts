/**
 * Lead → Update through n8n's engine against the sandbox: `Lead.Update?leadId=` with the same field
 * mapper, manual entry, custom field sets and value checks as Create or Update, Trigger LeadSquared
 * Automations, Return Full Lead with Typed Values, an unknown lead id, and same-lead items one at a time.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { bodyValues, calls, leadParameters, openSandbox } from './support';
import type { LeadParameters } from './support';

const ASHA = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a01';
const RAVI = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4a02';
const UNKNOWN = '0b6d5a2e-1f3c-4d5e-8a9b-0c1d2e3f4aff';
const SEED: Array<Record<string, string>> = [
	{ ProspectID: ASHA, EmailAddress: 'asha@update.example', FirstName: 'Asha', LastName: 'Rao', mx_City: 'Pune', Score: '5' },
	{ ProspectID: RAVI, EmailAddress: 'ravi@update.example', FirstName: 'Ravi', LastName: 'Iyer', Phone: '+91-9000000002' },
];

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox({ leads: SEED, latencyMs: 20 });
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

function updateParameters(leadId: string, spec: LeadParameters = {}): INodeParameters {
	return { resource: 'lead', operation: 'update', leadId, ...leadParameters(spec) };
}

async function run(parameters: INodeParameters, items: IDataObject[] = [{}], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const stored = (id: string) => sandbox.findLeads((lead) => lead.ProspectID === id)[0];
const updates = () => calls(sandbox, 'Lead.Update');

describe('Lead → Update', () => {
	it('changes only the fields given, on the lead named by its id: mapper, manual entry and custom field set', async () => {
		const result = await run(
			updateParameters(ASHA, {
				fields: { FirstName: '={{ $json.first }}', Score: 42 },
				manual: [{ name: 'mx_City', value: 'Mumbai' }],
				cfs: { mx_KYC: [{ name: 'Status', value: 'Verified' }] },
			}),
			[{ first: 'Asha Devi' }],
		);

		expect(result.status).toBe('success');
		expect(result.items).toEqual([{ json: { status: 'Success', leadId: ASHA, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		const [call] = updates();
		expect(call.method).toBe('POST');
		expect(call.query).toMatchObject({ leadId: ASHA, postUpdatedLead: 'false' });
		expect(bodyValues(call)).toEqual({ FirstName: 'Asha Devi', Score: '42', mx_City: 'Mumbai', mx_KYC: [{ Attribute: 'Status', Value: 'Verified' }] });
		expect(stored(ASHA)).toMatchObject({ FirstName: 'Asha Devi', LastName: 'Rao', EmailAddress: 'asha@update.example', Score: '42', mx_City: 'Mumbai' });
		expect(stored(ASHA).mx_KYC).toMatchObject({ Status: 'Verified' });
		expect(calls(sandbox, 'Lead.CreateOrUpdate')).toHaveLength(0);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
	});

	it('needs no e-mail or phone in the fields, and takes the id from each item', async () => {
		const result = await run(updateParameters('={{ $json.id }}', { fields: { mx_City: '={{ $json.city }}' } }), [
			{ id: ASHA, city: 'Delhi' },
			{ id: RAVI, city: 'Chennai' },
		]);
		expect(result.items.map((item) => item.json.leadId)).toEqual([ASHA, RAVI]);
		expect(stored(ASHA).mx_City).toBe('Delhi');
		expect(stored(RAVI).mx_City).toBe('Chennai');
		expect(updates().map((entry) => bodyValues(entry))).toEqual([{ mx_City: 'Delhi' }, { mx_City: 'Chennai' }]);
	});

	it('Map Automatically with Unknown Fields = drop, and Empty Values = skip: listed in the output', async () => {
		const result = await run(updateParameters(ASHA, { autoMap: true, options: { unknownFields: 'drop', emptyValues: 'skip' } }), [
			{ FirstName: 'Auto', mx_Unknown: 'x', LastName: null },
		]);
		expect(result.items[0].json).toEqual({ status: 'Success', leadId: ASHA, affectedRows: 1, droppedFields: ['mx_Unknown'], skippedFields: ['LastName'] });
		expect(bodyValues(updates()[0])).toEqual({ FirstName: 'Auto' });
		expect(stored(ASHA).LastName).toBe('Rao');
	});

	it('Dates Without a Time Zone = the workflow\'s: converted to UTC before sending', async () => {
		await run(updateParameters(ASHA, { fields: { mx_Date_of_Birth: '1990-05-17' }, manual: [{ name: 'mx_Enrollment_Date', value: '2024-05-01 10:30' }], options: { dateTimezone: 'workflow' } }), [{}], {
			timezone: 'Asia/Kolkata',
		});
		// mx_Enrollment_Date is locked after create in the sandbox's account: LeadSquared refuses it, but the value went out converted
		expect(bodyValues(updates()[0])).toMatchObject({ mx_Enrollment_Date: '2024-05-01 05:00:00' });
	});

	it('Trigger LeadSquared Automations sends postUpdatedLead=true', async () => {
		await run(updateParameters(ASHA, { fields: { mx_City: 'Goa' }, options: { triggerAutomations: true } }));
		expect(updates()[0].query).toMatchObject({ postUpdatedLead: 'true' });
		expect(sandbox.automationLog()).toEqual([expect.objectContaining({ leadId: ASHA, trigger: 'update' })]);
	});

	it('Return Full Lead: the lead after the update, typed by default (1.1), as text with Typed Values off', async () => {
		const typed = await run(updateParameters(ASHA, { fields: { Score: 7 }, options: { returnFullLead: true } }));
		expect(typed.items[0].json.lead).toMatchObject({ ProspectID: ASHA, Score: 7, mx_City: 'Pune', ModifiedOn: expect.stringMatching(/Z$/) });
		expect(calls(sandbox, 'Leads.GetById')).toHaveLength(1);

		const raw = await run(updateParameters(ASHA, { fields: { Score: 8 }, options: { returnFullLead: true, typedValues: false } }));
		expect(raw.items[0].json.lead).toMatchObject({ ProspectID: ASHA, Score: '8' });
	});

	it('Return Full Lead whose read-back fails: the item fails saying the lead was written, with its id', async () => {
		sandbox.injectFault({ endpoint: 'Leads.GetById', type: 'status', status: 500, count: Infinity });
		const result = await run(updateParameters(ASHA, { fields: { mx_City: 'Agra' }, options: { returnFullLead: true, maxRetries: 0 } }), [{}], {
			continueOnFail: true,
		});
		expect(result.items[0].json.error).toMatch(new RegExp(`^The lead was written \\(id ${ASHA}\\), but reading it back failed`));
		expect(result.items[0].json.details).toMatchObject({ leadId: ASHA });
		expect(stored(ASHA).mx_City).toBe('Agra');
		sandbox.clearFaults();
	});

	it('an unknown lead id fails that item with LeadSquared\'s reason; the others go through', async () => {
		const result = await run(updateParameters('={{ $json.id }}', { fields: { mx_City: 'Surat' } }), [{ id: ASHA }, { id: UNKNOWN }, { id: RAVI }], {
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json).toEqual({
			error: `No lead with ID ${UNKNOWN} in this LeadSquared account (LeadSquared: "Lead does not exist in the system")`,
			details: expect.objectContaining({ exceptionType: 'MXInvalidEntityException', exceptionMessage: 'Lead does not exist in the system', httpCode: 500, itemIndex: 1 }),
		});
		expect([stored(ASHA).mx_City, stored(RAVI).mx_City]).toEqual(['Surat', 'Surat']);
	});

	it('without continue on fail, the unknown lead stops the node with an item-indexed error', async () => {
		const result = await run(updateParameters(UNKNOWN, { fields: { mx_City: 'Surat' } }));
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^No lead with ID .* \(LeadSquared: "Lead does not exist in the system"\)$/);
		expect((result.error as unknown as { context?: IDataObject }).context?.itemIndex).toBe(0);
	});

	it('a value another lead holds: LeadSquared refuses it, with advice that fits an update', async () => {
		const result = await run(updateParameters(ASHA, { fields: { EmailAddress: 'ravi@update.example' } }), [{}], { errorOutput: true });
		expect(result.items).toHaveLength(0);
		expect(result.errorItems[0].json.error).toMatchObject({ exceptionType: 'MXDuplicateEntryException', itemIndex: 0 });
		expect(String(result.errorItems[0].json.message)).toMatch(/Another lead already holds a unique value this update gives lead/);
		expect(stored(ASHA).EmailAddress).toBe('asha@update.example');
	});

	it('items for the same lead are never sent at once, and keep their order; other leads overlap', async () => {
		const items = [1, 2, 3, 4].map((n) => ({ id: ASHA, city: `Town ${n}` }));
		await run(updateParameters('={{ $json.id }}', { fields: { mx_City: '={{ $json.city }}' } }), items);
		expect(updates().map((entry) => entry.inFlight)).toEqual([0, 0, 0, 0]);
		expect(updates().map((entry) => bodyValues(entry).mx_City)).toEqual(['Town 1', 'Town 2', 'Town 3', 'Town 4']);
		expect(stored(ASHA).mx_City).toBe('Town 4');

		sandbox.reset();
		const mixed = [ASHA, RAVI, ASHA, RAVI].map((id, n) => ({ id, city: `City ${n}` }));
		await run(updateParameters('={{ $json.id }}', { fields: { mx_City: '={{ $json.city }}' } }), mixed);
		expect(Math.max(...updates().map((entry) => entry.inFlight))).toBe(1);
		expect([stored(ASHA).mx_City, stored(RAVI).mx_City]).toEqual(['City 2', 'City 3']);
	});

	it('an answer that is not the documented success: the item fails saying the update may or may not have been applied', async () => {
		sandbox.injectFault({ endpoint: 'Lead.Update', type: 'json', body: { Status: 'Pending' } });
		const result = await run(updateParameters(ASHA, { fields: { mx_City: 'Kochi' } }), [{}], { continueOnFail: true });
		expect(result.items[0].json.error).toBe(
			'LeadSquared answered Lead.Update with JSON that is not the documented shape: no Status "Success". The lead update may already have been applied, ' +
				`but running the item again is safe: it sets the same values on the same lead. To see it, check with Lead → Get (Lead ID "${ASHA}").`,
		);
		expect((result.items[0].json.details as IDataObject).description).toMatch(/may or may not have been applied/);
	});

	it('the error output: the failed item goes to output 1, the others to output 0', async () => {
		const result = await run(updateParameters('={{ $json.id }}', { fields: { mx_City: 'Ooty' } }), [{ id: ASHA }, { id: UNKNOWN }], { errorOutput: true });
		expect(result.items).toEqual([{ json: { status: 'Success', leadId: ASHA, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(result.errorItems[0].json.error).toMatchObject({ exceptionType: 'MXInvalidEntityException', itemIndex: 1 });
	});
});
