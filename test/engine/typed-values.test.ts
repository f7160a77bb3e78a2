/**
 * "Typed Values" on Create or Update's Return Full Lead: on by default from node version 1.1, off in
 * version 1 (workflows built before keep LeadSquared's text values), and the user's choice wins.
 */
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { FAST, openSandbox } from './support';
import type { Sandbox } from '../../sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox();
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

const parameters = (options: Record<string, unknown> = {}) => ({
	attributes: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
	options: { ...FAST, returnFullLead: true, ...options },
});
const item = { EmailAddress: 'typed@example.com', LastName: 'Typed', Score: 12, DoNotEmail: false, mx_Date_of_Birth: '1990-05-17' };

describe('Return Full Lead with Typed Values', () => {
	it('version 1.1: numbers, true/false and ISO dates by default', async () => {
		const result = await runLeadSquared({ parameters: parameters(), items: [item], credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
		expect(result.items[0].json.lead).toMatchObject({
			Score: 12,
			DoNotEmail: false,
			mx_Date_of_Birth: '1990-05-17',
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
			ProspectAutoId: expect.any(Number),
		});
	});

	it('version 1: the text LeadSquared returns, unless Typed Values is turned on', async () => {
		const raw = await runLeadSquared({ parameters: parameters(), items: [item], credentials: sandboxCredentials(sandbox) });
		expect(raw.items[0].json.lead).toMatchObject({ Score: '12', DoNotEmail: '0', mx_Date_of_Birth: '1990-05-17 00:00:00.000' });
		const typed = await runLeadSquared({ parameters: parameters({ typedValues: true }), items: [item], credentials: sandboxCredentials(sandbox) });
		expect(typed.items[0].json.lead).toMatchObject({ Score: 12, DoNotEmail: false });
	});

	it('batch mode too, and the user can turn it off in version 1.1', async () => {
		const batch = await runLeadSquared({
			parameters: parameters({ sendInBatches: true }),
			items: [item],
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
		});
		expect(batch.items[0].json.lead).toMatchObject({ Score: 12, DoNotEmail: false });
		const off = await runLeadSquared({
			parameters: parameters({ typedValues: false }),
			items: [item],
			credentials: sandboxCredentials(sandbox),
			node: { typeVersion: 1.1 },
		});
		expect(off.items[0].json.lead).toMatchObject({ Score: '12' });
	});
});
