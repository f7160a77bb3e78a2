/**
 * Smoke test of the engine harness: the LeadSquared node run by n8n-core's WorkflowExecute against the
 * sandbox over real HTTP, and its design-time methods through n8n's real contexts.
 */
import type { ICredentialType, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { RequestLogEntry, Sandbox } from '../../sandbox';
import {
	disposeN8n,
	getRegistries,
	HarnessCredentialsHelper,
	loadResourceMapperFields,
	runLeadSquared,
	sandboxCredentials,
	sourceNode,
	testCredentials,
} from '../harness';
import { HarnessCredentialTypes } from '../harness/node-types';

function mapped(value: Record<string, string>): INodeParameters {
	return { attributes: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] } };
}

const fromItem: INodeParameters = mapped({
	EmailAddress: '={{ $json.email }}',
	FirstName: '={{ $json.first }}',
	LastName: '={{ $json.last }}',
});

let sandbox: Sandbox;

function upserts(): RequestLogEntry[] {
	return sandbox.log.filter((entry) => entry.endpoint === 'Lead.CreateOrUpdate');
}

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

describe('engine harness', () => {
	it('creates a lead through WorkflowExecute, keys sent as headers', async () => {
		const result = await runLeadSquared({
			parameters: mapped({ EmailAddress: 'ada@example.com', FirstName: 'Ada', LastName: 'Lovelace' }),
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.executedNodes).toEqual(['Source', 'LeadSquared']);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.leadId).toEqual(expect.any(String));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		const leads = sandbox.leads();
		expect(leads).toHaveLength(1);
		expect(leads[0]).toMatchObject({ EmailAddress: 'ada@example.com', FirstName: 'Ada', LastName: 'Lovelace' });
		expect(leads[0].ProspectID).toBe(result.items[0].json.leadId);

		const [entry] = upserts();
		expect(entry).toMatchObject({ method: 'POST', status: 200, auth: 'header', authOk: true });
		expect(entry.headers['x-lsq-accesskey']).toBe(sandbox.accessKey);
		expect(entry.headers['x-lsq-secretkey']).toBe(sandbox.secretKey);
		expect(entry.rawUrl).not.toContain('accessKey');
	});

	it('sends the keys percent-encoded in the query string with sendKeysAs "query"', async () => {
		expect(sandbox.accessKey).toContain('$');
		const result = await runLeadSquared({
			parameters: mapped({ EmailAddress: 'grace@example.com', FirstName: 'Grace', LastName: 'Hopper' }),
			credentials: sandboxCredentials(sandbox, { sendKeysAs: 'query' }),
		});

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		expect(sandbox.leads()).toHaveLength(1);
		const [entry] = upserts();
		expect(entry).toMatchObject({ status: 200, auth: 'query', authOk: true });
		expect(entry.rawUrl).toContain(`accessKey=${encodeURIComponent(sandbox.accessKey)}`);
		expect(entry.rawUrl).toContain('%24');
		expect(entry.rawUrl).toContain(`secretKey=${encodeURIComponent(sandbox.secretKey)}`);
		expect(entry.headers['x-lsq-accesskey']).toBeUndefined();
	});

	it('honours the node error settings: continue, error output, stop', async () => {
		const items = [
			{ email: 'alan@example.com', first: 'Alan', last: 'Turing' },
			{ email: 'not-an-e-mail', first: 'Bad', last: 'Item' },
		];
		const credentials = sandboxCredentials(sandbox);

		const continued = await runLeadSquared({ parameters: fromItem, items, credentials, continueOnFail: true });
		expect(continued.status).toBe('success');
		expect(continued.items).toHaveLength(2);
		expect(continued.items[0].json.leadId).toEqual(expect.any(String));
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
		expect(continued.items[1].json.error).toEqual(expect.stringContaining('e-mail'));
		expect(continued.items[1].pairedItem).toEqual({ item: 1 });

		const split = await runLeadSquared({ parameters: fromItem, items, credentials, errorOutput: true });
		expect(split.status).toBe('success');
		expect(split.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(split.errorItems).toHaveLength(1);
		expect(split.errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(split.errorItems[0].json.error).toMatchObject({ message: expect.stringContaining('e-mail'), itemIndex: 1 });

		const stopped = await runLeadSquared({ parameters: fromItem, items, credentials });
		expect(stopped.status).toBe('error');
		expect(stopped.items).toEqual([]);
		expect(stopped.error?.message).toEqual(expect.stringContaining('e-mail'));
		expect(stopped.error?.name).toBe('NodeOperationError');
	});

	it('keeps pairedItem lineage for expressions in a downstream node', async () => {
		const result = await runLeadSquared({
			parameters: fromItem,
			items: [
				{ email: 'one@example.com', first: 'One', last: 'First', tag: 'alpha' },
				{ email: 'two@example.com', first: 'Two', last: 'Second', tag: 'beta' },
			],
			credentials: sandboxCredentials(sandbox),
			downstream: { tag: "={{ $('Source').item.json.tag }}", leadId: '={{ $json.leadId }}' },
		});

		expect(result.status).toBe('success');
		expect(result.downstream.map((item) => item.json.tag)).toEqual(['alpha', 'beta']);
		expect(result.downstream.map((item) => item.json.leadId)).toEqual(result.items.map((item) => item.json.leadId));
		expect(new Set(result.items.map((item) => item.json.leadId)).size).toBe(2);
	});

	it('loads the resource mapper fields through a LoadOptionsContext', async () => {
		const { fields, emptyFieldsNotice } = await loadResourceMapperFields(sandboxCredentials(sandbox));

		expect(emptyFieldsNotice).toBeUndefined();
		const ids = fields.map((field) => field.id);
		expect(ids).toEqual(expect.arrayContaining(['EmailAddress', 'FirstName', 'LastName', 'mx_City']));
		expect(ids).not.toContain('mx_KYC');
		expect(fields.find((field) => field.id === 'EmailAddress')).toMatchObject({ type: 'string', canBeUsedToMatch: true });
		expect(sandbox.log.every((entry) => entry.auth === 'header' && entry.authOk)).toBe(true);
	});

	it('tests the credential through a CredentialTestContext', async () => {
		await expect(testCredentials(sandboxCredentials(sandbox))).resolves.toMatchObject({ status: 'OK' });
		await expect(testCredentials(sandboxCredentials(sandbox, { sendKeysAs: 'query' }))).resolves.toMatchObject({ status: 'OK' });

		const wrong = await testCredentials(sandboxCredentials(sandbox, { secretKey: 'not-the-secret' }));
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('401');
		expect(wrong.message).not.toContain('not-the-secret');
	});

	it('applies a generic authenticate the way the CLI does', async () => {
		const generic: ICredentialType = {
			name: 'genericApi',
			displayName: 'Generic',
			properties: [
				{ displayName: 'Token', name: 'token', type: 'string', default: '' },
				{ displayName: 'Header', name: 'header', type: 'string', default: 'X-Token' },
			],
			authenticate: {
				type: 'generic',
				properties: {
					headers: { '={{ $credentials.header }}': '=Bearer {{ $credentials.token }}' },
					qs: { token: '={{ $credentials.token }}', plain: 'as-is' },
				},
			},
		};
		const { nodeTypes } = getRegistries();
		const helper = new HarnessCredentialsHelper(new HarnessCredentialTypes([generic], nodeTypes));
		const workflow = new Workflow({ nodes: [sourceNode()], connections: {}, active: false, nodeTypes });
		const request: IHttpRequestOptions = { url: 'http://127.0.0.1/', headers: { Accept: 'application/json' } };

		const authenticated = await helper.authenticate({ token: 't$1', header: 'X-Token' }, 'genericApi', request, workflow, workflow.getNode('Source')!);

		expect(authenticated.headers).toEqual({ Accept: 'application/json', 'X-Token': 'Bearer t$1' });
		expect(authenticated.qs).toEqual({ token: 't$1', plain: 'as-is' });
	});
});
