/**
 * Lead → Get through n8n's engine against the sandbox: each way of finding the lead (From List, By ID,
 * By Email, By Phone), which lead LeadSquared chose when several have a phone number, a lead that does
 * not exist (no output, or an error with Fail When Not Found), Fields to Return, Typed Values, LeadSquared's
 * errors, continue on fail and the error output, pairedItem.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { calls, FAST, lead, useSandbox } from './support';

const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';
const ID_C = '33333333-3333-4333-8333-333333333333';
const MISSING = '99999999-9999-4999-8999-999999999999';

const SEED = [
	lead({
		ProspectID: ID_A,
		FirstName: 'Asha',
		EmailAddress: 'asha@example.com',
		Phone: '+91-9000000001',
		Score: '42',
		DoNotEmail: '1',
		mx_City: 'Pune',
		mx_Date_of_Birth: '1990-05-17 00:00:00',
		ModifiedOn: '2024-01-01 10:00:00',
	}),
	// Shares A's number in Mobile, and was active more recently.
	lead({ ProspectID: ID_B, FirstName: 'Bala', EmailAddress: 'bala@example.com', Mobile: '9000000001', ModifiedOn: '2024-06-01 10:00:00' }),
	lead({ ProspectID: ID_C, FirstName: 'Chitra', EmailAddress: 'chitra@example.com', Mobile: '+1 (415) 555-0100' }),
];

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: SEED });

function getParameters(mode: string, value: string, options: IDataObject = {}): INodeParameters {
	return { resource: 'lead', operation: 'get', lead: { __rl: true, mode, value }, options: { ...FAST, ...options } } as INodeParameters;
}

async function get(mode: string, value: string, options: IDataObject = {}, items: IDataObject[] = [{}], extra = {}) {
	return await runLeadSquared({
		parameters: getParameters(mode, value, options),
		items,
		credentials: sandboxCredentials(sandbox),
		node: { typeVersion: 1.1 },
		...extra,
	});
}

describe('Lead → Get: finding the lead', () => {
	it('By ID: Leads.GetById, the lead typed by its field types, paired to its item', async () => {
		const result = await get('id', ID_A);
		expect(result.status).toBe('success');
		expect(calls(sandbox, 'Leads.GetById').map((entry) => entry.query)).toEqual([{ id: ID_A }]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({
			ProspectID: ID_A,
			FirstName: 'Asha',
			Score: 42,
			DoNotEmail: true,
			mx_Date_of_Birth: '1990-05-17',
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
		});
		expect(result.items[0].json).not.toHaveProperty('phoneMatch');
	});

	it('From List gives the lead id, as By ID does', async () => {
		const result = await get('list', ID_C);
		expect(calls(sandbox, 'Leads.GetById')).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ ProspectID: ID_C, FirstName: 'Chitra' });
	});

	it('By Email: Leads.GetByEmailaddress, letter case ignored, one expression per item', async () => {
		const result = await get('email', '={{ $json.email }}', {}, [{ email: 'ASHA@example.com' }, { email: ' bala@example.com ' }]);
		// concurrent calls: compared in any order
		expect(calls(sandbox, 'Leads.GetByEmailaddress').map((entry) => entry.query.emailaddress).sort()).toEqual(['ASHA@example.com', 'bala@example.com']);
		expect(result.items.map((item) => [item.json.ProspectID, item.pairedItem])).toEqual([
			[ID_A, { item: 0 }],
			[ID_B, { item: 1 }],
		]);
	});

	it('By Phone: digits only are sent; the output says which field matched and how LeadSquared chose', async () => {
		const result = await get('phone', '+1 (415) 555-0100');
		expect(calls(sandbox, 'RetrieveLeadByPhoneNumber').map((entry) => entry.query.phone)).toEqual(['14155550100']);
		expect(result.items[0].json).toMatchObject({
			ProspectID: ID_C,
			phoneMatch: { phone: '14155550100', field: 'Mobile', selectedBy: 'mostRecentActivity' },
		});
	});

	it('By Phone with two leads on the number: LeadSquared returns the one active most recently, and the output says so', async () => {
		const result = await get('phone', '9000000001');
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			ProspectID: ID_B,
			phoneMatch: { phone: '9000000001', field: 'Mobile', selectedBy: 'mostRecentActivity' },
		});
		// The number as stored on A's Phone field finds a lead too, matched on Phone or Mobile.
		const withCode = await get('phone', '91-9000000001');
		expect(withCode.items[0].json.phoneMatch).toMatchObject({ phone: '919000000001' });
		expect(['Phone', 'Mobile']).toContain((withCode.items[0].json.phoneMatch as IDataObject).field);
	});
});

describe('Lead → Get: a lead that does not exist', () => {
	const items = [{ id: ID_A }, { id: MISSING }, { id: ID_C }];

	it('gives no output item for that input; the others go on', async () => {
		const result = await get('id', '={{ $json.id }}', {}, items);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => [item.json.ProspectID, item.pairedItem])).toEqual([
			[ID_A, { item: 0 }],
			[ID_C, { item: 2 }],
		]);
	});

	it('with Fail When Not Found, the node fails naming the item and the id', async () => {
		const result = await get('id', '={{ $json.id }}', { failWhenNotFound: true }, items);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`No lead with the lead ID "${MISSING}" was found in LeadSquared`);
		expect(result.error?.description).toContain('Fail When Not Found');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('with Fail When Not Found and Continue on Fail: an error item paired to its input', async () => {
		const result = await get('email', '={{ $json.email }}', { failWhenNotFound: true }, [{ email: 'nobody@example.com' }, { email: 'asha@example.com' }], {
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.items[0]).toMatchObject({
			json: { error: 'No lead with the e-mail address "nobody@example.com" was found in LeadSquared', details: { itemIndex: 0 } },
			pairedItem: { item: 0 },
		});
		expect(result.items[1]).toMatchObject({ json: { ProspectID: ID_A }, pairedItem: { item: 1 } });
	});

	it('with Fail When Not Found and the error output: the error goes to output 1', async () => {
		const result = await get('phone', '={{ $json.phone }}', { failWhenNotFound: true }, [{ phone: '9999999999' }, { phone: '9000000001' }], {
			errorOutput: true,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toMatchObject({ message: expect.stringContaining('phone number "9999999999"'), itemIndex: 0 });
	});
});

describe('Lead → Get: options', () => {
	it('Fields to Return: only those fields and ProspectID (By Phone keeps its note)', async () => {
		const result = await get('phone', '9000000001', { fieldsToReturn: ['FirstName', 'mx_City'] });
		expect(result.items[0].json).toEqual({
			ProspectID: ID_B,
			FirstName: 'Bala',
			mx_City: null,
			phoneMatch: { phone: '9000000001', field: 'Mobile', selectedBy: 'mostRecentActivity' },
		});
	});

	it('Fields to Return from an expression giving comma-separated names', async () => {
		const result = await get('id', ID_A, { fieldsToReturn: '={{ "score, FirstName" }}' });
		expect(result.items[0].json).toEqual({ ProspectID: ID_A, FirstName: 'Asha', Score: 42 });
	});

	it('Typed Values off: LeadSquared\'s text, and the field list is not even fetched', async () => {
		const result = await get('id', ID_A, { typedValues: false });
		expect(result.items[0].json).toMatchObject({ Score: '42', DoNotEmail: '1', mx_Date_of_Birth: '1990-05-17 00:00:00.000' });
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(0);
	});

	it('node version 1 keeps the text values unless Typed Values is turned on', async () => {
		const raw = await runLeadSquared({ parameters: getParameters('id', ID_A), credentials: sandboxCredentials(sandbox) });
		expect(raw.items[0].json).toMatchObject({ Score: '42' });
		const typed = await runLeadSquared({ parameters: getParameters('id', ID_A, { typedValues: true }), credentials: sandboxCredentials(sandbox) });
		expect(typed.items[0].json).toMatchObject({ Score: 42 });
	});

	it('the field list is fetched once for many items', async () => {
		await get('id', '={{ $json.id }}', {}, [{ id: ID_A }, { id: ID_B }, { id: ID_C }]);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
		expect(calls(sandbox, 'Leads.GetById')).toHaveLength(3);
	});
});

describe('Lead → Get: LeadSquared\'s errors', () => {
	it('an MX error fails the item with ExceptionType and ExceptionMessage', async () => {
		sandbox.injectFault({
			endpoint: 'Leads.GetByEmailaddress',
			type: 'json',
			status: 500,
			body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Input! Parameter Name: emailaddress' },
		});
		const result = await get('email', '={{ $json.email }}', {}, [{ email: 'asha@example.com' }, { email: 'bala@example.com' }], { continueOnFail: true });
		expect(result.items[0]).toMatchObject({
			json: { details: { exceptionType: 'MXInvalidInputException', httpCode: 500, itemIndex: 0 } },
			pairedItem: { item: 0 },
		});
		expect(result.items[1].json).toMatchObject({ ProspectID: ID_B });
	});

	it('an answer that is not a list of leads is reported, not taken as "not found"', async () => {
		sandbox.injectFault({ endpoint: 'Leads.GetById', type: 'json', body: { Status: 'Success' } });
		const result = await get('id', ID_A);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Leads\.GetById with JSON that is not the documented shape/);
	});
});
