/**
 * The node as an AI tool, run the two ways n8n runs a tool (test/harness/tools.ts): through an agent
 * (n8n-core's createNodeAsTool, `isToolExecution()` true: n8n 1.x agents, the MCP Server Trigger) and as the
 * node execution n8n 2.x's AI Agent requests. A read that finds nothing answers `{ found: false, message }`
 * (no item outside tool mode); reads are simplified unless Options → Simplify is off; refused input says
 * which tool parameter was wrong, without " [item N]"; in the execution an agent requests, a failure is the
 * tool's answer (an error item) unless On Error is "Stop Workflow".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, runLeadSquaredTool, sandboxCredentials } from '../harness';
import type { ToolRunOptions } from '../harness';
import { FAST, lead, useSandbox } from './support';

const ID_A = '11111111-1111-4111-8111-111111111111';
const MISSING = '99999999-9999-4999-8999-999999999999';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), {
	leads: [lead({ ProspectID: ID_A, FirstName: 'Asha', LastName: '', EmailAddress: 'asha@example.com', Phone: '+91-9000000001', mx_City: 'Pune' })],
});

const BY_EMAIL = {
	resource: 'lead',
	operation: 'get',
	lead: { __rl: true, mode: 'email', value: "={{ $fromAI('email', 'The lead\\'s e-mail address', 'string') }}" },
	options: { ...FAST },
} as INodeParameters;

async function tool(via: ToolRunOptions['via'], calls: IDataObject[], parameters: INodeParameters = BY_EMAIL) {
	return await runLeadSquaredTool({ parameters, calls, credentials: sandboxCredentials(sandbox), via });
}

describe.each(['agent', 'engine'] as const)('as a tool (%s)', (via) => {
	it('a lead found: the model receives it, simplified (no empty fields)', async () => {
		const { calls } = await tool(via, [{ email: 'asha@example.com' }]);
		expect(calls).toHaveLength(1);
		const [answer] = JSON.parse(calls[0].response as string) as IDataObject[];
		expect(answer).toMatchObject({ ProspectID: ID_A, FirstName: 'Asha', EmailAddress: 'asha@example.com', mx_City: 'Pune' });
		expect(answer).not.toHaveProperty('LastName');
		expect(Object.values(answer)).not.toContain(null);
	});

	it('a lead not found: one answer { found: false, message } naming what was searched', async () => {
		const { calls } = await tool(via, [{ email: 'nobody@example.com' }]);
		expect(JSON.parse(calls[0].response as string)).toEqual([
			{ found: false, message: 'No lead with EmailAddress nobody@example.com exists in LeadSquared.' },
		]);
	});

	it('Options → Simplify off: the record as LeadSquared returned it', async () => {
		const { calls } = await tool(via, [{ email: 'asha@example.com' }], { ...BY_EMAIL, options: { ...FAST, simplify: false } } as INodeParameters);
		const [answer] = JSON.parse(calls[0].response as string) as IDataObject[];
		expect(answer).toHaveProperty('LastName');
	});

	it('refused input: the message names the tool parameter, has the hint, and no [item N]', async () => {
		const { calls } = await tool(via, [{ email: 'not-an-address' }]);
		expect(calls[0].error).toMatch(/^Lead → e-mail address is "not-an-address", which is not an e-mail address \(tool parameter "email"\)\./);
		expect(calls[0].error).not.toMatch(/\[item \d+\]/);
	});

	it('On Error → Stop Workflow: a failure stops the run, as the user chose', async () => {
		const { calls } = await runLeadSquaredTool({ parameters: BY_EMAIL, calls: [{ email: 'not-an-address' }], credentials: sandboxCredentials(sandbox), via, onError: 'stopWorkflow' });
		expect(calls[0].response).toBeUndefined();
		expect(calls[0].error).toMatch(/^Lead → e-mail address is "not-an-address"/);
	});

	it('Opportunity → Get and Activity → Get Many that find nothing say so', async () => {
		const opportunity = await tool(via, [{ id: MISSING }], {
			resource: 'opportunity',
			operation: 'get',
			opportunityId: "={{ $fromAI('id', 'The opportunity ID', 'string') }}",
			options: { ...FAST },
		} as INodeParameters);
		expect(JSON.parse(opportunity.calls[0].response as string)).toEqual([
			{ found: false, message: `No opportunity with OpportunityId ${MISSING} exists in LeadSquared.` },
		]);
		const notes = await tool(via, [{ leadId: ID_A }], {
			resource: 'note',
			operation: 'getMany',
			leadId: "={{ $fromAI('leadId', 'The lead ID', 'string') }}",
			returnAll: true,
			options: { ...FAST },
		} as INodeParameters);
		expect(JSON.parse(notes.calls[0].response as string)).toEqual([
			{ found: false, message: `No note exists for the lead with ProspectID ${ID_A} in LeadSquared.` },
		]);
	});
});

describe('a failing tool call', () => {
	it('as the execution an agent requests (n8n 2.x, 1.x AI Agent V3): the error item is the answer, the run goes on', async () => {
		const { calls, run } = await tool('engine', [{ email: 'not-an-address' }]);
		const answer = JSON.parse(calls[0].response as string) as IDataObject[];
		expect(answer).toEqual([{ error: calls[0].error, details: expect.objectContaining({ itemIndex: 0 }) }]);
		expect(calls[0].error).toMatch(/^Lead → e-mail address is "not-an-address"/);
		expect(run.data.resultData.error).toBeUndefined();
		// Only the field list was read: the refused lookup was never sent.
		expect(sandbox.log.map((entry) => entry.endpoint)).toEqual(['LeadsMetaData.Get']);
	});

	it('through createNodeAsTool (the MCP Server Trigger): the node throws, so the client gets an error (MCP isError)', async () => {
		const { calls } = await tool('agent', [{ email: 'not-an-address' }]);
		expect(calls[0].response).toBeUndefined();
		expect(calls[0].error).toMatch(/^Lead → e-mail address is "not-an-address"/);
	});
});

describe('as a tool through an agent: what the model is given', () => {
	it("the tool's description is the operation's action; its parameters are the $fromAI keys", async () => {
		const { calls } = await tool('agent', [{ email: 'asha@example.com' }]);
		expect(calls[0].name).toBe('LeadSquared');
		expect(calls[0].description).toMatch(/^Get a lead by lead ID or email or phone number and return its fields by schema name in LeadSquared$/);
		expect(calls[0].parameters).toEqual(['email']);
	});
});

describe('outside tool mode nothing changes', () => {
	it('a lead not found gives no item; a found lead keeps its empty fields; errors keep [item N]', async () => {
		const run = (value: string) =>
			runLeadSquared({ parameters: { ...BY_EMAIL, lead: { __rl: true, mode: 'email', value } }, credentials: sandboxCredentials(sandbox) });
		expect((await run('nobody@example.com')).items).toEqual([]);
		expect((await run('asha@example.com')).items[0].json).toHaveProperty('LastName');
		const refused = await run("={{ 'not-an-address' }}");
		expect(refused.error?.message).toMatch(/\[item 0\]$/);
	});

	it('Options → Simplify on: empty fields dropped in an ordinary workflow too', async () => {
		const result = await runLeadSquared({
			parameters: { ...BY_EMAIL, lead: { __rl: true, mode: 'email', value: 'asha@example.com' }, options: { ...FAST, simplify: true } } as INodeParameters,
			credentials: sandboxCredentials(sandbox),
		});
		expect(result.items[0].json).not.toHaveProperty('LastName');
	});
});

describe('Simplify on 50 leads', () => {
	it('what a model receives for 50 leads is far smaller simplified', async () => {
		sandbox.seed({
			leads: Array.from({ length: 50 }, (_, index) =>
				lead({ FirstName: `Lead${index}`, EmailAddress: `lead${index}@example.com`, Phone: `+91-90000${String(index).padStart(5, '0')}`, mx_City: 'Pune' }),
			),
		});
		const parameters = (simplify: boolean) =>
			({ resource: 'lead', operation: 'getMany', searchMode: 'conditions', limit: 50, options: { ...FAST, simplify } }) as INodeParameters;
		const full = await tool('engine', [{}], parameters(false));
		const simplified = await tool('engine', [{}], parameters(true));
		const [fullChars, simplifiedChars] = [full.calls[0].response?.length ?? 0, simplified.calls[0].response?.length ?? 0];
		if (process.env.MEASURE) console.log(`50 leads: ${fullChars} characters, simplified ${simplifiedChars}`);
		expect(JSON.parse(simplified.calls[0].response as string)).toHaveLength(50);
		expect(simplifiedChars).toBeLessThan(fullChars);
	});
});
