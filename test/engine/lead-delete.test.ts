/**
 * Lead → Delete through n8n's engine against the sandbox: `Lead/Delete/ById`, off by default for a
 * LeadSquared account (a clear message saying what to ask LeadSquared, and no more calls after it), on when
 * support enabled it, an unknown lead id, same-lead items one at a time, the error output.
 */
import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { calls, FAST, openSandbox } from './support';

const ASHA = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e01';
const RAVI = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02';
const MEERA = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e03';
const UNKNOWN = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4eff';
const SEED = [
	{ ProspectID: ASHA, EmailAddress: 'asha@delete.example', LastName: 'Rao' },
	{ ProspectID: RAVI, EmailAddress: 'ravi@delete.example', LastName: 'Iyer' },
	{ ProspectID: MEERA, EmailAddress: 'meera@delete.example', LastName: 'Nair' },
];
const NOT_ENABLED = 'Lead deletion through the API is not enabled for this LeadSquared account';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await openSandbox({ leads: SEED, lists: [{ name: 'Webinar', type: 'static', leadIds: [ASHA, RAVI] }], latencyMs: 10 });
});
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ leadDeletionEnabled: undefined, mxErrorStatus: undefined });
});
afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

function deleteParameters(leadId: string, options: IDataObject = {}): INodeParameters {
	return { resource: 'lead', operation: 'delete', leadId, options: { ...FAST, ...options } as NodeParameterValueType };
}

async function run(parameters: INodeParameters, items: IDataObject[] = [{}], extra: Partial<Parameters<typeof runLeadSquared>[0]> = {}): Promise<RunResult> {
	return await runLeadSquared({ parameters, items, credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 }, ...extra });
}

const deletes = () => calls(sandbox, 'Lead/Delete/ById');
const ids = () => sandbox.leads().map((lead) => lead.ProspectID);

describe('Lead → Delete, deletion not enabled (every account, until LeadSquared support enables it)', () => {
	it('fails with a message saying so and what to ask LeadSquared; nothing is deleted', async () => {
		const result = await run(deleteParameters(ASHA));
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(NOT_ENABLED);
		const description = String(result.error?.description);
		expect(description).toMatch(/Ask LeadSquared support \(support@leadsquared\.com\) to enable lead deletion through the API/);
		expect(description).toMatch(/also removes the lead's activities, tasks and opportunities/);
		expect(description).toMatch(/LeadSquared MXUnAuthorizedAccessException: Lead deletion through the API is not enabled .* \(HTTP 500\)/);
		expect(deletes()).toHaveLength(1);
		expect(ids()).toEqual([ASHA, RAVI, MEERA]);
	});

	it('continue on fail: every item gets the message, and the items after the first refusal are not sent', async () => {
		const items = [{ id: ASHA }, { id: RAVI }, { id: MEERA }];
		const result = await run(deleteParameters('={{ $json.id }}', { concurrency: 1 }), items, { continueOnFail: true });
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual(items.map((_, index) => [NOT_ENABLED, { item: index }]));
		expect(result.items[2].json.details).toMatchObject({ exceptionType: 'MXUnAuthorizedAccessException', itemIndex: 2 });
		expect(deletes()).toHaveLength(1);
	});

	it('the same message when LeadSquared answers the refusal with HTTP 200', async () => {
		sandbox.configure({ mxErrorStatus: 200 });
		const result = await run(deleteParameters(ASHA), [{}], { continueOnFail: true });
		expect(result.items[0].json.error).toBe(NOT_ENABLED);
		expect(result.items[0].json.details).toMatchObject({ httpCode: 200 });
	});

	it('an HTTP 403: deletion not enabled, or the keys\' user may not delete', async () => {
		sandbox.injectFault({ endpoint: 'Lead/Delete/ById', type: 'status', status: 403 });
		const result = await run(deleteParameters(ASHA), [{}], { continueOnFail: true });
		expect(result.items[0].json.error).toMatch(/HTTP 403.*not enabled for this account, or the keys' user may not delete leads/);
	});
});

describe('Lead → Delete, deletion enabled', () => {
	beforeEach(() => sandbox.configure({ leadDeletionEnabled: true }));

	it('deletes each lead by id: { deleted: true, leadId }, paired; the lead leaves its lists', async () => {
		const result = await run(deleteParameters('={{ $json.id }}'), [{ id: ASHA }, { id: RAVI.toUpperCase() }]);
		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { deleted: true, leadId: ASHA }, pairedItem: { item: 0 } },
			{ json: { deleted: true, leadId: RAVI.toUpperCase() }, pairedItem: { item: 1 } },
		]);
		expect(deletes().map((entry) => [entry.method, entry.query.leadId])).toEqual([
			['GET', ASHA],
			['GET', RAVI.toUpperCase()],
		]);
		expect(ids()).toEqual([MEERA]);
		expect(sandbox.lists().find((list) => list.name === 'Webinar')?.leadIds).toEqual([]);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(0);
	});

	it('an unknown lead id fails its item with LeadSquared\'s reason', async () => {
		const result = await run(deleteParameters('={{ $json.id }}'), [{ id: UNKNOWN }, { id: MEERA }], { continueOnFail: true });
		expect(result.items[0].json.error).toBe(`No lead with ID ${UNKNOWN} in this LeadSquared account (LeadSquared: "Lead does not exist in the system")`);
		expect(result.items[1].json).toEqual({ deleted: true, leadId: MEERA });
	});

	it('the same lead twice: one after the other, never at once; the second finds it gone', async () => {
		const result = await run(deleteParameters('={{ $json.id }}'), [{ id: ASHA }, { id: ASHA.toUpperCase() }], { continueOnFail: true });
		expect(deletes().map((entry) => entry.inFlight)).toEqual([0, 0]);
		expect(result.items[0].json).toEqual({ deleted: true, leadId: ASHA });
		expect(result.items[1].json.error).toMatch(/^No lead with ID/);
	});

	it('the error output: failed items to output 1 with the details, deleted ones to output 0', async () => {
		const result = await run(deleteParameters('={{ $json.id }}'), [{ id: UNKNOWN }, { id: RAVI }], { errorOutput: true });
		expect(result.items).toEqual([{ json: { deleted: true, leadId: RAVI }, pairedItem: { item: 1 } }]);
		expect(result.errorItems).toEqual([
			{
				json: {
					error: expect.objectContaining({ exceptionType: 'MXInvalidEntityException', itemIndex: 0, message: expect.stringMatching(/^No lead with ID/) }),
					message: expect.stringMatching(/deleted or merged/),
					id: UNKNOWN,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a lost answer after the deletion (connection reset): retried, and the retry\'s "no such lead" says the first attempt may have deleted it', async () => {
		sandbox.injectFault({ endpoint: 'Lead/Delete/ById', type: 'reset', when: 'after' });
		const result = await run(deleteParameters(MEERA), [{}], { continueOnFail: true });
		expect(deletes()).toHaveLength(2);
		expect(ids()).not.toContain(MEERA);
		expect(result.items[0].json.error).toMatch(/^No lead with ID/);
		expect((result.items[0].json.details as IDataObject).description).toMatch(/the first attempt may have deleted the lead\.$/);
	});
});
